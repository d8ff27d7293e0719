"""The cheap record count behind the progress bar's time left."""

from __future__ import annotations

from pathlib import Path

from storyline.ingest.estimate import estimate_records


def test_jsonl_lines_and_pages_are_counted(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"text": "x"}\n{"text": "y"}\n{"text": "z"}',
                                      encoding="utf-8")  # no final line break
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "one.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "pages" / "two.txt").write_text("x", encoding="utf-8")
    assert estimate_records([str(tmp_path)]) == 5
    assert estimate_records([str(tmp_path / "a.jsonl")]) == 3


def test_inputs_that_need_parsing_to_count_make_it_unknown(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"text": "x"}\n', encoding="utf-8")
    (tmp_path / "feed.xml").write_text("<rss></rss>", encoding="utf-8")
    assert estimate_records([str(tmp_path)]) is None
    assert estimate_records(["https://example.org/a"]) is None
    assert estimate_records([str(tmp_path / "missing.jsonl")]) is None
