from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from storyline.errors import InputError
from storyline.render.export import export_records
from storyline.render.records import ARTICLE_EXTRAS, WHATS
from storyline.store.db import Store

CONTRACT = {
    "articles": ["id", "url", "title", "source", "wire", "published", "published_precision",
                 "text", "event_id", "storyline_id", "duplicate_group", "reprint_of",
                 "version_of", "version_changes"],
    "passages": ["a", "b", "a_start", "a_end", "b_start", "b_end", "a_text", "b_text",
                 "similarity"],
    "events": ["event_id", "storyline_id", "date", "title", "articles", "summary",
               "date_precision", "independent_sources", "first_report", "first_outlet"],
    "storylines": ["storyline_id", "title", "events", "start", "end"],
    "quotes": ["article_id", "text", "speaker", "speaker_id", "start", "end", "quote_id",
               "first_outlet", "appearances"],
    "entities": ["canonical", "label", "mentions", "articles"],
    "coverage": ["event_id", "outlet", "article_count", "common", "only", "left_out"],
    "whatsnew": ["storyline_id", "since", "date", "text", "article_id", "outlet", "also"],
}


def _jsonl(store: Store, what: str) -> list[dict]:
    out = io.StringIO()
    export_records(store, what, "jsonl", out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


@pytest.mark.parametrize("what", WHATS)
def test_jsonl_fields(store: Store, what: str) -> None:
    records = _jsonl(store, what)
    assert records
    extras = list(ARTICLE_EXTRAS) if what == "articles" else []
    assert all(list(record) == CONTRACT[what] + extras for record in records)


@pytest.mark.parametrize("what", WHATS)
def test_csv_fields(store: Store, what: str) -> None:
    out = io.StringIO()
    count = export_records(store, what, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == count > 0
    assert list(rows[0]) == CONTRACT[what]


@pytest.mark.parametrize("what", WHATS)
def test_parquet_round_trip(store: Store, what: str, tmp_path: Path) -> None:
    path = tmp_path / f"{what}.parquet"
    export_records(store, what, "parquet", path)
    table = pq.read_table(path)
    extras = list(ARTICLE_EXTRAS) if what == "articles" else []
    assert table.column_names == CONTRACT[what] + extras
    assert table.to_pylist() == _jsonl(store, what)


def test_articles_chronological_and_provenance(store: Store) -> None:
    articles = _jsonl(store, "articles")
    published = [a["published"] for a in articles]
    assert published == sorted(published)
    by_id = {a["id"]: a for a in articles}
    assert by_id["a2"]["reprint_of"] == "a1"
    assert by_id["a5"]["version_of"] == "a4"
    assert by_id["a5"]["version_changes"].startswith("paragraphs: ")
    assert by_id["a4"]["version_changes"] is None
    assert by_id["a1"]["event_id"] == "e1" and by_id["a1"]["storyline_id"] == "s1"
    assert by_id["a1"]["removed"] == [{"text": "Subscribe to our newsletter",
                                       "reason": "boilerplate"}]


def test_events_by_date_with_independent_sources(store: Store) -> None:
    events = _jsonl(store, "events")
    assert [e["event_id"] for e in events] == ["e1", "e2", "e3"]
    e1 = events[0]
    assert e1["articles"] == ["a1", "a2", "a3"]
    assert e1["independent_sources"] == 2  # a2 reprints a1
    assert (e1["first_report"], e1["first_outlet"]) == ("a1", "Daily Wire")  # a2 is a copy


def test_csv_lists_are_json(store: Store) -> None:
    out = io.StringIO()
    export_records(store, "events", "csv", out)
    first = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert json.loads(first["articles"]) == ["a1", "a2", "a3"]
    assert json.loads(first["summary"]) == []


def test_storyline_span(store: Store) -> None:
    storylines = {s["storyline_id"]: s for s in _jsonl(store, "storylines")}
    assert storylines["s1"]["events"] == ["e1", "e2"]
    assert (storylines["s1"]["start"], storylines["s1"]["end"]) == ("2024-03-04", "2024-03-10")


def test_unknown_what_or_format(store: Store) -> None:
    with pytest.raises(InputError):
        export_records(store, "people", "jsonl", io.StringIO())
    with pytest.raises(InputError):
        export_records(store, "articles", "xml", io.StringIO())



@pytest.mark.parametrize(("title", "cell"), [
    ('=HYPERLINK("http://evil.test","click")', '\'=HYPERLINK("http://evil.test","click")'),
    ("+1+1", "'+1+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tTab", "'\tTab"), ("\rReturn", "'\rReturn"), ("Plain = fine", "Plain = fine"),
])
def test_csv_neutralises_formulas_and_jsonl_parquet_keep_the_text(
        store: Store, tmp_path: Path, title: str, cell: str) -> None:
    store.conn.execute("UPDATE events SET title = ? WHERE event_id = 'e1'", (title,))
    out = io.StringIO()
    export_records(store, "events", "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert rows[0]["title"] == cell
    assert rows[0]["date"] == "2024-03-04" and json.loads(rows[0]["articles"])[0] == "a1"
    assert _jsonl(store, "events")[0]["title"] == title
    export_records(store, "events", "parquet", tmp_path / "e.parquet")
    assert pq.read_table(tmp_path / "e.parquet").to_pylist()[0]["title"] == title


def test_csv_text_with_a_bare_carriage_return_stays_in_its_row(
        store: Store, tmp_path: Path) -> None:
    store.conn.execute("UPDATE events SET title = 'Line one\rline two' WHERE event_id = 'e1'")
    path = tmp_path / "events.csv"
    export_records(store, "events", "csv", path)
    data = path.read_bytes()
    assert b"\r\r\n" not in data
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["event_id"] for r in rows] == ["e1", "e2", "e3"]
    assert rows[0]["title"] == "Line one\rline two"


def test_every_model_field_not_held_back_is_exported() -> None:
    import dataclasses

    from storyline.model import Article
    from storyline.render.records import FIELDS, NOT_EXPORTED

    names = [field.name for field in dataclasses.fields(Article)]
    exported = set(FIELDS["articles"]) | set(ARTICLE_EXTRAS)
    assert [name for name in names if name not in exported] == [
        name for name in names if name in NOT_EXPORTED]
    assert "origin" in ARTICLE_EXTRAS  # where each article came from (file:line or URL)


def test_a_field_added_to_the_model_reaches_the_export_by_itself(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.render import records

    monkeypatch.setattr(records, "ARTICLE_EXTRAS", (*ARTICLE_EXTRAS, "new_field"))
    monkeypatch.setattr(records.Article, "new_field", "a value", raising=False)
    exported = _jsonl(store, "articles")
    assert exported and all(record["new_field"] == "a value" for record in exported)
