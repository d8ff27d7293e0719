from __future__ import annotations

from provenance_fixtures import BRIDGE, FLOOD, TRANSFER, join, make_article, run_provenance

from storyline.provenance.independence import first_report, independent_sources
from storyline.store.db import Store
from storyline.store.provenance import independence_rows


def test_rows_count_groups_once_and_wires_once() -> None:
    rows = [
        {"article_id": "a", "duplicate_group": "g1", "wire": "Reuters"},
        {"article_id": "b", "duplicate_group": "g1", "wire": None},
        {"article_id": "c", "duplicate_group": "g2", "wire": "reuters"},
        {"article_id": "d", "duplicate_group": "g3", "wire": None},
        {"article_id": "e", "duplicate_group": None, "wire": None},
    ]
    assert independent_sources(rows, ["a", "b", "c", "d", "e"]) == 3
    assert independent_sources(rows, ["a", "b"]) == 1
    assert independent_sources(rows, []) == 0


def test_store_counts_copies_once() -> None:
    store = Store(":memory:")
    run_provenance(store, [
        make_article("orig", join(BRIDGE), source="Reuters", published="2024-05-01"),
        make_article("copy", "Home\n" + join(BRIDGE), source="Daily Post", wire="Reuters"),
        make_article("transfer", join(TRANSFER)),
        make_article("flood", join(FLOOD)),
    ])
    rows = independence_rows(store, ["orig", "copy", "transfer", "flood"])
    assert independent_sources(rows, ["orig", "copy", "transfer", "flood"]) == 3
    assert independent_sources(rows, ["orig", "copy"]) == 1


def test_the_first_report_is_the_earliest_original() -> None:
    rows = [
        {"article_id": "copy", "published": "2024-05-01", "reprint_of": "late", "seq": 1},
        {"article_id": "late", "published": "2024-05-03", "seq": 2},
        {"article_id": "early", "published": "2024-05-02", "seq": 3, "source": "Paper"},
        {"article_id": "undated", "published": None, "seq": 0},
    ]
    ids = [row["article_id"] for row in rows]
    first = first_report(rows, ids)
    assert first is not None and first["article_id"] == "early"
    only_copies = first_report(rows[:1], ["copy"])
    assert only_copies is not None and only_copies["article_id"] == "copy"
    assert first_report(rows, []) is None
