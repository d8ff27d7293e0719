"""Hostile input: each attack costs at most its own record or file, never the run."""

from __future__ import annotations

import gzip
import json
import os
import time
from pathlib import Path

import pytest
from hostile import DEEP, FORBIDDEN, GOOD_MARK, good_line, write_hostile_inputs

from storyline.config import load_config
from storyline.ingest import read_inputs
from storyline.model import Article, Skip


def names(skips: list[Skip]) -> list[str]:
    return [Path(s.origin.split(" (")[0]).name for s in skips]


# 1. Deep nesting, per-record isolation, streaming.

def test_deeply_nested_jsonl_lines_are_skipped_and_the_good_ones_kept(read, tmp_path: Path) -> None:
    (tmp_path / "deep.jsonl").write_text(
        good_line("a") + "[" * DEEP + "]" * DEEP + "\n" + '{"t": ' * DEEP + "1" + "}" * DEEP
        + "\n" + good_line("b"), "utf-8")
    articles, skips = read([tmp_path])
    assert [a.id for a in articles] == ["a", "b"]
    assert [s.line for s in skips] == [2, 3]
    assert all("[ingest].max_json_depth = 64" in s.reason for s in skips)


def test_deeply_nested_json_document_is_skipped(read, tmp_path: Path) -> None:
    (tmp_path / "deep.json").write_text('{"text": ' + "[" * DEEP + "]" * DEEP + "}", "utf-8")
    (tmp_path / "ok.jsonl").write_text(good_line("ok"), "utf-8")
    articles, skips = read([tmp_path])
    assert [a.id for a in articles] == ["ok"]
    assert names(skips) == ["deep.json"] and "max_json_depth" in skips[0].reason


def test_json_within_the_depth_limit_is_read(read, tmp_path: Path) -> None:
    nested = '{"a": ' * 60 + "1" + "}" * 60
    (tmp_path / "ok.jsonl").write_text(
        json.dumps({"id": "n", "text": "Nested metadata is fine.", "meta": json.loads(nested)})
        + "\n", "utf-8")
    articles, skips = read([tmp_path])
    assert [a.id for a in articles] == ["n"] and skips == []


def test_unexpected_error_in_a_reader_skips_that_file_only(read, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import storyline.ingest.files as files

    def broken(*args: object, **kwargs: object):
        yield Article(id="before-the-error", raw="Kept.", origin="x")
        raise KeyError("surprise")

    monkeypatch.setattr(files, "read_csv", broken)
    (tmp_path / "a.csv").write_text("text\nhello\n", "utf-8")
    (tmp_path / "b.jsonl").write_text(good_line("b"), "utf-8")
    articles, skips = read([tmp_path])
    assert [a.id for a in articles] == ["before-the-error", "b"]
    assert names(skips) == ["a.csv"]
    assert "KeyError" in skips[0].reason and "\n" not in skips[0].reason


def test_unexpected_error_in_one_record_skips_that_record_only(
        read, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import storyline.ingest.tabular as tabular

    real = tabular.record_to_article

    def flaky(record, *args, **kwargs):
        if record.get("id") == "bad":
            raise RecursionError("too deep somewhere")
        return real(record, *args, **kwargs)

    monkeypatch.setattr(tabular, "record_to_article", flaky)
    (tmp_path / "a.jsonl").write_text(good_line("a") + good_line("bad") + good_line("c"), "utf-8")
    articles, skips = read([tmp_path])
    assert [a.id for a in articles] == ["a", "c"]
    assert skips[0].line == 2 and "RecursionError" in skips[0].reason


def test_inputs_are_read_one_file_at_a_time(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(good_line("a"), "utf-8")
    (tmp_path / "b.jsonl").write_text(good_line("b"), "utf-8")
    stream = read_inputs([str(tmp_path)], load_config())
    first = next(stream)
    assert isinstance(first, Article) and first.id == "a"
    # b.jsonl was not read yet: removing it now turns it into a Skip, not an article.
    (tmp_path / "b.jsonl").unlink()
    rest = list(stream)
    assert len(rest) == 1 and isinstance(rest[0], Skip)


# 2. Binary-ness per record.

def test_nul_byte_in_one_jsonl_line_skips_only_that_line(read, tmp_path: Path) -> None:
    (tmp_path / "nul.jsonl").write_bytes(
        (good_line("a") + '{"id": "x", "text": "bad \x00 byte"}\n' + good_line("b")).encode())
    articles, skips = read([tmp_path])
    assert [a.id for a in articles] == ["a", "b"]
    assert [s.line for s in skips] == [2] and "NUL" in skips[0].reason


def test_nul_byte_in_one_csv_row_skips_only_that_row(read, tmp_path: Path) -> None:
    (tmp_path / "nul.csv").write_bytes(b'id,text\na,"Good one."\nx,"a \x00 b"\nb,"Good two."\n')
    articles, skips = read([tmp_path])
    assert [a.id for a in articles] == ["a", "b"]
    assert [s.line for s in skips] == [3] and "NUL" in skips[0].reason


def test_a_binary_file_named_jsonl_is_one_skip(read, tmp_path: Path) -> None:
    (tmp_path / "photo.jsonl").write_bytes(bytes(range(256)) * 40)
    articles, skips = read([tmp_path])
    assert articles == [] and len(skips) == 1


# 4. Truncated archives.

def _warc(n: int) -> list[bytes]:
    from hostile import _warc_records

    return _warc_records(f"w{n}")


def test_truncated_warc_keeps_complete_records_and_reports_the_cut_one(
        read, tmp_path: Path) -> None:
    (tmp_path / "cut.warc").write_bytes(b"".join(_warc(1))[:-300])
    articles, skips = read([tmp_path])
    assert [a.url for a in articles] == ["https://hostile.example/w1/0",
                                         "https://hostile.example/w1/1"]
    assert len(skips) == 1 and "truncated" in skips[0].reason
    assert "https://hostile.example/w1/2" in skips[0].origin


@pytest.mark.parametrize("cut", [40, 200])
def test_truncated_warc_gz_keeps_complete_records_and_reports_the_cut_one(
        read, tmp_path: Path, cut: int) -> None:
    (tmp_path / "cut.warc.gz").write_bytes(b"".join(gzip.compress(r) for r in _warc(2))[:-cut])
    articles, skips = read([tmp_path])
    assert [a.url for a in articles] == ["https://hostile.example/w2/0",
                                         "https://hostile.example/w2/1"]
    assert len(skips) == 1 and "truncated" in skips[0].reason


def test_warc_cut_inside_the_record_header_is_reported(read, tmp_path: Path) -> None:
    records = _warc(3)
    (tmp_path / "cut.warc").write_bytes(b"".join(records[:2]) + records[2][:60])
    articles, skips = read([tmp_path])
    assert len(articles) == 2
    assert len(skips) == 1 and "truncated" in skips[0].reason


# 5. Symbolic links.

@pytest.fixture
def linked(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Private words.", "utf-8")
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "real.txt").write_text("Real words.", "utf-8")
    os.symlink(outside / "secret.txt", root / "secret-link.txt")
    os.symlink(outside, root / "outside-dir")
    os.symlink(root / "sub" / "real.txt", root / "inside-link.txt")
    os.symlink(root / "missing.txt", root / "broken-link.txt")
    return root


def test_links_leaving_the_input_folder_are_skipped(read, linked: Path) -> None:
    articles, skips = read([linked])
    assert sorted(a.id for a in articles) == ["inside-link.txt", "sub/real.txt"]
    assert sorted(names(skips)) == ["broken-link.txt", "outside-dir", "secret-link.txt"]
    assert all("follow-symlinks" in s.reason or "broken" in s.reason for s in skips)
    assert not any("Private" in a.raw for a in articles)


def test_follow_symlinks_reads_outside_targets_without_looping(read, linked: Path) -> None:
    os.symlink(linked, linked / "sub" / "loop")
    articles, skips = read([linked], follow_symlinks=True)
    assert sorted(a.id for a in articles) == ["inside-link.txt", "outside-dir/secret.txt",
                                              "secret-link.txt", "sub/real.txt"]
    assert sorted(names(skips)) == ["broken-link.txt", "loop"]


# 6. Feed entries in any form.

def test_feed_entries_in_plain_text_or_one_paragraph_are_kept(read, tmp_path: Path) -> None:
    from storyline.clean.html import extract_html

    write = tmp_path / "all"
    write.mkdir()
    expected = write_hostile_inputs(write)
    assert expected["plain.rss"] == "stored"
    articles, skips = read([write / "plain.rss"])
    assert skips == [] and len(articles) == 3
    for article in articles:
        text = extract_html(article.raw).text if article.raw_format == "html" else article.raw
        assert GOOD_MARK in text and "<p>" not in text, article.raw


# 8. Encodings, huge fields, duplicate ids, entities.

def test_invalid_utf8_bytes_skip_only_their_record(read, tmp_path: Path) -> None:
    (tmp_path / "mixed.jsonl").write_bytes(
        good_line("a", title="Malmö café").encode() + b'{"id": "x", "text": "caf\xe9 \xff"}\n'
        + good_line("b").encode())
    articles, skips = read([tmp_path])
    assert [a.id for a in articles] == ["a", "b"]
    assert articles[0].title == "Malmö café"  # not decoded as Windows-1252 because of line 2
    assert [s.line for s in skips] == [2] and "UTF-8" in skips[0].reason


def test_mostly_utf8_page_keeps_its_text_with_the_bad_bytes_replaced(read, tmp_path: Path) -> None:
    (tmp_path / "page.html").write_bytes("<p>Malmö café \xff reopened.</p>".encode()
                                         .replace(b"\xc3\xbf", b"\xff"))
    articles, skips = read([tmp_path])
    assert skips == [] and "Malmö café \ufffd reopened" in articles[0].raw


def test_lone_surrogate_escape_skips_its_record(read, tmp_path: Path) -> None:
    (tmp_path / "s.jsonl").write_text(good_line("a") + '{"id": "x", "text": "a \\ud800 b"}\n',
                                      "utf-8")
    articles, skips = read([tmp_path])
    assert [a.id for a in articles] == ["a"] and skips[0].line == 2


def test_line_separator_inside_a_json_string_is_not_a_line_break(read, tmp_path: Path) -> None:
    record = {"id": "a", "title": "one\u2028two\x85three", "text": "Text."}
    (tmp_path / "s.jsonl").write_text(
        good_line("b") + json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    articles, skips = read([tmp_path])
    assert skips == [] and articles[1].title == "one\u2028two\x85three"


def test_huge_fields_skip_their_record_with_the_limit_named(read, tmp_path: Path) -> None:
    (tmp_path / "h.jsonl").write_text(
        good_line("a") + json.dumps({"id": "t", "title": "T" * 200, "text": "Some text."}) + "\n"
        + json.dumps({"id": "x", "text": "x" * 2000}) + "\n", "utf-8")
    articles, skips = read([tmp_path], max_field_chars=100, max_text_chars=1000)
    assert [a.id for a in articles] == ["a"]
    assert [s.line for s in skips] == [2, 3]
    assert "'title'" in skips[0].reason and "[ingest].max_field_chars = 100" in skips[0].reason
    assert "[ingest].max_text_chars = 1000" in skips[1].reason


def test_huge_feed_entry_is_skipped(read, tmp_path: Path) -> None:
    feed = ('<rss version="2.0"><channel><title>T</title>'
            f"<item><title>{'T' * 300}</title><description>Long enough text.</description></item>"
            "<item><title>ok</title><description>Fine text.</description></item></channel></rss>")
    (tmp_path / "f.rss").write_text(feed, "utf-8")
    articles, skips = read([tmp_path], max_field_chars=100)
    assert [a.title for a in articles] == ["ok"] and "max_field_chars" in skips[0].reason


def test_duplicate_id_within_one_file_skips_the_second(read, tmp_path: Path) -> None:
    (tmp_path / "d.jsonl").write_text(good_line("a") + good_line("a"), "utf-8")
    articles, skips = read([tmp_path])
    assert len(articles) == 1 and articles[0].origin.endswith("d.jsonl:1")
    assert "duplicate id 'a'" in skips[0].reason and skips[0].origin.endswith("d.jsonl:2")


def test_external_entities_are_never_read(read, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-WORDS", "utf-8")
    doctype = f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.rss").write_text(
        f'<?xml version="1.0"?>{doctype}<rss version="2.0"><channel><title>T</title><item>'
        "<title>X</title><description>before &xxe; after</description></item></channel></rss>",
        "utf-8")
    articles, _ = read([tmp_path / "in"])
    assert articles and all("TOP-SECRET" not in a.raw for a in articles)


# The whole hostile corpus, at ingest.

def test_hostile_corpus_outcomes(read, tmp_path: Path) -> None:
    expected = write_hostile_inputs(tmp_path)
    start = time.perf_counter()
    articles, skips = read([tmp_path])
    elapsed = time.perf_counter() - start
    for name, outcome in expected.items():
        origin = str(tmp_path / name)
        kept = [a for a in articles if a.origin.split(" (")[0].split(":")[0] == origin]
        lost = [s for s in skips if s.origin.split(" (")[0].split(":")[0] == origin]
        got = "stored" if kept and not lost else "partial" if kept else "skip" if lost else "none"
        assert got == outcome, (name, [s.message()[:200] for s in lost])
    assert all(FORBIDDEN not in a.raw for a in articles)
    assert all(GOOD_MARK in a.raw for a in articles)
    assert all(a.published is None for a in articles if a.id.startswith("date-"))
    assert all("\n" not in s.reason for s in skips)
    assert elapsed < 20
