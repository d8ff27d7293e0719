from __future__ import annotations

import gzip
from pathlib import Path


def test_missing_path_is_skipped_and_the_run_goes_on(read, fixtures: Path) -> None:
    articles, skips = read(["no/such/folder", fixtures / "corpus" / "notes"])
    assert len(articles) == 2
    assert skips[0].origin == "no/such/folder"
    assert "no such file or folder" in skips[0].reason


def test_empty_and_whitespace_files_are_skipped(read, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.html").write_text("\n   \n", "utf-8")
    articles, skips = read([tmp_path])
    assert articles == []
    assert [s.origin.rsplit("/", 1)[-1] for s in skips] == ["blank.html", "empty.txt"]
    assert all("nothing to ingest" in s.reason for s in skips)


def test_binary_file_is_skipped(read, tmp_path: Path) -> None:
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    articles, skips = read([tmp_path])
    assert articles == []
    assert "binary file" in skips[0].reason


def test_file_over_max_bytes_is_skipped_with_the_setting_named(read, tmp_path: Path) -> None:
    (tmp_path / "long.txt").write_text("word " * 100, "utf-8")
    articles, skips = read([tmp_path], max_bytes=100)
    assert articles == []
    assert "[ingest].max_bytes" in skips[0].reason


def test_gz_that_unpacks_over_max_bytes_is_skipped(read, tmp_path: Path) -> None:
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 5000))
    articles, skips = read([tmp_path], max_bytes=1000)
    assert articles == []
    assert "unpacks to over" in skips[0].reason


def test_corrupt_gz_is_skipped(read, tmp_path: Path) -> None:
    (tmp_path / "broken.html.gz").write_bytes(b"\x1f\x8b\x08\x00 not really gzip")
    articles, skips = read([tmp_path])
    assert articles == []
    assert "not a valid .gz file" in skips[0].reason


def test_undecodable_file_is_skipped(read, tmp_path: Path) -> None:
    # Not UTF-8, and 0x81/0x8D are undefined in Windows-1252 too.
    (tmp_path / "odd.txt").write_bytes(b"Harbour report \x81\x8d\xe9 closes")
    articles, skips = read([tmp_path])
    assert articles == []
    assert "re-save it as UTF-8" in skips[0].reason


def test_duplicate_ids_keep_the_first_and_skip_the_rest(read, tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"id": "x1", "text": "First copy."}\n', "utf-8")
    (tmp_path / "b.jsonl").write_text('{"id": "x1", "text": "Second copy."}\n', "utf-8")
    articles, skips = read([tmp_path])
    assert [a.raw for a in articles] == ["First copy."]
    assert "duplicate id 'x1'" in skips[0].reason


def test_unsupported_url_scheme_is_skipped(read) -> None:
    articles, skips = read(["ftp://example.org/news.txt"])
    assert articles == []
    assert "unsupported URL scheme" in skips[0].reason
