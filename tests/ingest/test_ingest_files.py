from __future__ import annotations

import gzip
import shutil
from pathlib import Path

from storyline.ingest.sources import walk_files


def test_folder_is_walked_recursively_in_sorted_order(read, fixtures: Path) -> None:
    articles, skips = read([fixtures / "corpus"])
    assert skips == []
    assert [a.id for a in articles] == [
        "notes/briefing.md",
        "notes/ferry-timetable.txt",
        "pages/strike-ends.html",
    ]


def test_text_and_html_files_keep_the_raw_input(read, fixtures: Path) -> None:
    articles, _ = read([fixtures / "corpus"])
    by_id = {a.id: a for a in articles}
    text = by_id["notes/ferry-timetable.txt"]
    assert text.raw_format == "text"
    assert text.raw.startswith("Ferry timetable cut as crews walk out\nShare on Facebook")
    assert text.origin.endswith("corpus/notes/ferry-timetable.txt")
    html = by_id["pages/strike-ends.html"]
    assert html.raw_format == "html"
    assert "<nav>" in html.raw and "Tomas Brenn" in html.raw
    assert by_id["notes/briefing.md"].raw_format == "text"


def test_single_file_argument_is_identified_by_its_name(read, fixtures: Path) -> None:
    articles, _ = read([fixtures / "corpus" / "pages" / "strike-ends.html"])
    assert [a.id for a in articles] == ["strike-ends.html"]


def test_same_input_twice_gives_the_same_ids_and_records(read, fixtures: Path) -> None:
    first, _ = read([fixtures])
    second, _ = read([fixtures])
    assert [a.to_dict() for a in first] == [a.to_dict() for a in second]


def test_gzipped_files_are_read_like_the_plain_ones(read, fixtures: Path, tmp_path: Path) -> None:
    source = fixtures / "corpus" / "pages" / "strike-ends.html"
    packed = tmp_path / "strike-ends.html.gz"
    packed.write_bytes(gzip.compress(source.read_bytes()))
    (tmp_path / "articles.jsonl.gz").write_bytes(
        gzip.compress((fixtures / "records" / "articles.jsonl").read_bytes()))
    articles, _ = read([tmp_path])
    page = next(a for a in articles if a.id == "strike-ends.html.gz")
    assert page.raw_format == "html"
    assert page.raw == source.read_text(encoding="utf-8")
    assert "gazette-101" in {a.id for a in articles}


def test_html_saved_as_txt_is_sniffed_as_html(read, tmp_path: Path) -> None:
    page = tmp_path / "saved.txt"
    page.write_text("<!DOCTYPE html><html><body><p>Quay reopens.</p></body></html>", "utf-8")
    articles, _ = read([page])
    assert articles[0].raw_format == "html"


def test_unknown_extension_is_sniffed_or_skipped(read, fixtures: Path, tmp_path: Path) -> None:
    shutil.copy(fixtures / "feeds" / "gazette.rss", tmp_path / "download.php")
    (tmp_path / "page.bin").write_text("<html><head><title>x</title></head></html>", "utf-8")
    (tmp_path / "notes.docx").write_text("Minutes of the harbour committee", "utf-8")
    articles, skips = read([tmp_path])
    assert {a.raw_format for a in articles} == {"html"}
    assert any(a.title == "Ferry crews vote to strike" for a in articles)
    assert any(a.id == "page.bin" for a in articles)
    unknown = [s for s in skips if s.origin.endswith("notes.docx")]
    assert len(unknown) == 1
    assert "unsupported file type" in unknown[0].reason
    assert ".jsonl" in unknown[0].reason and ".warc" in unknown[0].reason


def test_hidden_files_and_folders_are_left_out(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref", "utf-8")
    (tmp_path / ".DS_Store").write_text("x", "utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "a.txt").write_text("x", "utf-8")
    (tmp_path / "a.txt").write_text("x", "utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in walk_files(tmp_path)] == [
        "a.txt", "b/a.txt"]
