from __future__ import annotations

from pathlib import Path


def test_jsonl_records_fields_and_bad_lines(read, fixtures: Path) -> None:
    articles, skips = read([fixtures / "records" / "articles.jsonl"])
    by_id = {a.id: a for a in articles}
    assert list(by_id) == ["gazette-101", "articles.jsonl:2", "gazette-102", "no-body"]

    first = by_id["gazette-101"]
    assert first.title == "Harbour dredging delayed again"
    assert first.source == "Averly Gazette"
    assert first.url == "https://gazette.example/harbour-dredging"
    assert (first.published, first.published_precision, first.published_basis) == (
        "2024-02-20", "day", "metadata")
    assert first.language == "en"
    assert first.metadata == {"section": "Local"}
    assert first.raw_format == "text"
    assert first.origin.endswith("articles.jsonl:1")

    second = by_id["articles.jsonl:2"]
    assert second.raw_format == "html"
    assert second.published == "2024-03-09"
    assert by_id["gazette-102"].published == "2024-03"
    assert by_id["gazette-102"].published_precision == "month"

    assert [(s.line, s.reason.split(";")[0]) for s in skips] == [
        (3, "invalid JSON (Unterminated string starting at)"),
        (5, "line is not a JSON object"),
    ]
    # A headline alone is kept, as its only text.
    headline = by_id["no-body"]
    assert (headline.raw, headline.title) == ("A record with only a title",) * 2
    assert headline.metadata["body"] == "headline only"


def test_json_array_items_and_aliases(read, fixtures: Path) -> None:
    articles, skips = read([fixtures / "records" / "articles.json"])
    assert skips == []
    assert [a.id for a in articles] == ["7", "articles.json:2"]
    assert (articles[0].published, articles[0].published_precision) == ("2023", "year")
    assert articles[0].metadata == {"photographer": "L. Okafor"}
    # 'date' is an accepted name for the publication date.
    assert articles[1].published == "2023-09-12"


def test_single_json_object_over_several_lines(read, tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(
        '{\n  "title": "Quay opens",\n  "text": "The quay opened."\n}\n', "utf-8")
    articles, skips = read([tmp_path])
    assert skips == []
    assert [(a.id, a.title) for a in articles] == [("one.json:1", "Quay opens")]


def test_broken_json_array_is_one_skip(read, tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text('[{"text": "a"},', "utf-8")
    articles, skips = read([tmp_path])
    assert articles == []
    assert "invalid JSON array" in skips[0].reason


def test_csv_rows_quoted_newlines_and_bad_rows(read, fixtures: Path) -> None:
    articles, skips = read([fixtures / "records"])
    csv_articles = [a for a in articles if ".csv" in a.origin]
    assert [a.id for a in csv_articles] == ["csv-1", "articles.csv:3", "csv-4"]
    first, multiline, last = csv_articles
    assert first.metadata == {"desk": "business"}
    assert first.language == "en"
    assert multiline.raw.endswith("The quay reopens to fishing boats next week.")
    assert multiline.source == "Skellan Post"
    assert multiline.url is None
    assert (last.published, last.published_precision) == ("2024-03", "month")
    csv_skips = [s for s in skips if s.origin.endswith(".csv")]
    assert [s.line for s in csv_skips] == [5]
    assert "9 fields" in csv_skips[0].reason


def test_csv_without_a_text_column_is_skipped(read, tmp_path: Path) -> None:
    (tmp_path / "links.csv").write_text("id,url\n1,https://example.org/a\n", "utf-8")
    articles, skips = read([tmp_path])
    assert articles == []
    assert "no 'text' or 'html' column (found: id, url)" in skips[0].reason


def test_tsv_and_html_column(read, tmp_path: Path) -> None:
    (tmp_path / "pages.tsv").write_text(
        "id\thtml\tpublished\np1\t<p>Quay opens.</p>\tnot a date\n", "utf-8")
    articles, _ = read([tmp_path])
    assert articles[0].raw_format == "html"
    assert articles[0].published is None
    assert articles[0].metadata == {"published_unparsed": "not a date"}


def test_html_wins_over_text_and_text_is_kept(read, tmp_path: Path) -> None:
    (tmp_path / "both.jsonl").write_text(
        '{"id": "b", "html": "<p>Quay.</p>", "text": "Quay."}\n', "utf-8")
    articles, _ = read([tmp_path])
    assert (articles[0].raw, articles[0].metadata) == ("<p>Quay.</p>", {"text": "Quay."})
