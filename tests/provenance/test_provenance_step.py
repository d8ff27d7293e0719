from __future__ import annotations

import pytest
from provenance_fixtures import (
    BRIDGE,
    FLOOD,
    FOLLOW_UP,
    TRANSFER,
    UPDATE_TOP,
    join,
    make_article,
    run_provenance,
)

from storyline.store.db import Store


@pytest.fixture()
def store() -> Store:
    return Store(":memory:")


def passages_between(store: Store, a: str, b: str) -> list[dict]:
    rows = store.conn.execute(
        "SELECT * FROM passages WHERE (a = ? AND b = ?) OR (a = ? AND b = ?)", (a, b, b, a)
    )
    return [dict(r) for r in rows]


def test_exact_duplicate_points_to_first_arrival(store: Store) -> None:
    original = make_article("orig", join(BRIDGE), source="Reuters", published="2024-05-01")
    copy = make_article("copy", join(BRIDGE).replace("\n\n", "\n"), source="Daily Post",
                        published="2024-05-01")
    rows = run_provenance(store, [original, copy])
    assert rows["copy"]["exact_duplicate_of"] == "orig"
    assert rows["copy"]["duplicate_group"] == rows["orig"]["duplicate_group"]
    assert rows["copy"]["reprint_of"] == "orig"
    assert rows["orig"]["reprint_of"] is None


def test_reprint_with_junk_names_the_wire_original(store: Store) -> None:
    junk = "Home » News » Bridge opens\nShare on Facebook Share on Twitter\n"
    # The copy arrives first and is dated earlier; the wire's own copy is still the original.
    copy = make_article("copy", junk + join(BRIDGE) + "\n© 2024 Daily Post. All rights reserved.",
                        source="Daily Post", wire="Reuters", published="2024-05-01")
    original = make_article("orig", join(BRIDGE), source="Reuters", published="2024-05-02")
    rows = run_provenance(store, [copy, original])
    assert rows["copy"]["duplicate_group"] == rows["orig"]["duplicate_group"]
    assert rows["copy"]["reprint_of"] == "orig"
    assert rows["copy"]["exact_duplicate_of"] is None
    assert rows["copy"]["version_of"] is None


def test_truncated_copy_is_a_reprint_not_a_version(store: Store) -> None:
    original = make_article("orig", join(BRIDGE), source="AP", published="2024-05-01")
    short = make_article("short", join(BRIDGE[:4]), source="City Times", published="2024-05-02")
    rows = run_provenance(store, [original, short])
    assert rows["short"]["duplicate_group"] == rows["orig"]["duplicate_group"]
    assert rows["short"]["reprint_of"] == "orig"
    assert rows["short"]["version_of"] is None


def test_update_with_new_paragraphs_on_top_is_a_version(store: Store) -> None:
    first = make_article("first", join(BRIDGE), published="2024-05-01")
    later = make_article("later", join(UPDATE_TOP + BRIDGE), published="2024-05-02")
    rows = run_provenance(store, [later, first])
    assert rows["later"]["duplicate_group"] == rows["first"]["duplicate_group"]
    assert rows["later"]["version_of"] == "first"
    assert rows["first"]["version_of"] is None
    assert rows["later"]["reprint_of"] == "first"


def test_undated_update_is_the_longer_text(store: Store) -> None:
    later = make_article("later", join(UPDATE_TOP + BRIDGE[:6]))
    first = make_article("first", join(BRIDGE[:6]))
    rows = run_provenance(store, [later, first])
    assert rows["later"]["version_of"] == "first"


def test_round_up_does_not_merge_the_stories_it_quotes(store: Store) -> None:
    bridge = make_article("bridge", join(BRIDGE), source="Reuters", published="2024-05-01")
    transfer = make_article("transfer", join(TRANSFER), source="AFP", published="2024-05-01")
    roundup = make_article("roundup", join(BRIDGE[:4] + TRANSFER[:4]), source="Evening Ledger",
                           published="2024-05-02")
    rows = run_provenance(store, [roundup, bridge, transfer])
    assert rows["bridge"]["duplicate_group"] != rows["transfer"]["duplicate_group"]
    assert rows["roundup"]["duplicate_group"] in {
        rows["bridge"]["duplicate_group"], rows["transfer"]["duplicate_group"]
    }
    assert rows["roundup"]["version_of"] is None


def test_round_up_without_wire_sources_is_not_a_bridge(store: Store) -> None:
    bridge = make_article("bridge", join(BRIDGE))
    transfer = make_article("transfer", join(TRANSFER))
    roundup = make_article("roundup", join(BRIDGE[:5] + TRANSFER[:3]))
    rows = run_provenance(store, [bridge, transfer, roundup])
    assert rows["bridge"]["duplicate_group"] != rows["transfer"]["duplicate_group"]
    assert rows["roundup"]["duplicate_group"] == rows["bridge"]["duplicate_group"]


def test_follow_up_shares_passages_but_not_the_group(store: Store) -> None:
    bridge = make_article("bridge", join(BRIDGE))
    follow = make_article("follow", join(FOLLOW_UP))
    rows = run_provenance(store, [bridge, follow])
    assert rows["follow"]["duplicate_group"] != rows["bridge"]["duplicate_group"]
    shared = passages_between(store, "bridge", "follow")
    texts = " ".join(p["a_text"] + " " + p["b_text"] for p in shared)
    assert BRIDGE[2] in texts and BRIDGE[4] in texts
    for passage in shared:
        side = {"bridge": bridge.text, "follow": follow.text}
        assert side[passage["a"]][passage["a_start"] : passage["a_end"]] == passage["a_text"]
        assert side[passage["b"]][passage["b_start"] : passage["b_end"]] == passage["b_text"]


def test_unrelated_articles_stay_apart(store: Store) -> None:
    rows = run_provenance(store, [make_article("bridge", join(BRIDGE)),
                                  make_article("flood", join(FLOOD))])
    assert rows["bridge"]["duplicate_group"] != rows["flood"]["duplicate_group"]
    assert rows["flood"]["reprint_of"] is None
    assert passages_between(store, "bridge", "flood") == []


def test_incremental_add_keeps_group_ids(store: Store) -> None:
    first = run_provenance(store, [
        make_article("orig", join(BRIDGE), source="Reuters", published="2024-05-01"),
        make_article("copy1", join(BRIDGE[:5]), source="City Times", published="2024-05-02"),
    ])
    group = first["orig"]["duplicate_group"]
    later = run_provenance(store, [
        make_article("copy2", "Breaking\n" + join(BRIDGE), source="Harbour News",
                     published="2024-05-03"),
        make_article("flood", join(FLOOD)),
    ])
    assert later["orig"]["duplicate_group"] == group
    assert later["copy1"]["duplicate_group"] == group
    assert later["copy2"]["duplicate_group"] == group
    assert later["flood"]["duplicate_group"] != group
    assert later["copy2"]["reprint_of"] == "orig"
    signatures = store.conn.execute("SELECT COUNT(*) FROM signatures").fetchone()[0]
    assert signatures == 4


def test_rerun_without_new_articles_changes_nothing(store: Store) -> None:
    rows = run_provenance(store, [make_article("orig", join(BRIDGE)),
                                  make_article("copy", join(BRIDGE[:5]))])
    again = run_provenance(store, [])
    assert again == rows
