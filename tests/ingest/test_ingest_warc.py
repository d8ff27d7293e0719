from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

from storyline.ingest.ids import hashed_id

PAGE = (b"<html><head><meta charset='utf-8'><title>Quay reopens</title></head>"
        b"<body><nav>Home | Local</nav><p>The north quay reopened to fishing boats on "
        b"Monday after repairs.</p></body></html>")


def warc_record(uri: str, body: bytes, content_type: str = "text/html; charset=utf-8",
                status: str = "200 OK", kind: str = "response") -> bytes:
    http = (f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode() + body
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
            "WARC-Date: 2024-03-05T10:00:00Z\r\n"
            f"WARC-Record-ID: <urn:sha1:{hashlib.sha1((uri + kind).encode()).hexdigest()}>\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def sample_records() -> list[bytes]:
    return [
        warc_record("https://gazette.example/quay", b"", kind="request"),
        warc_record("https://gazette.example/quay", PAGE),
        warc_record("https://gazette.example/logo.png", b"\x89PNG\r\n", "image/png"),
        warc_record("https://gazette.example/old", b"", status="301 Moved Permanently"),
        warc_record("https://gazette.example/latin", "<p>Café reopens</p>".encode("cp1252"),
                    "text/html; charset=windows-1252"),
    ]


def test_warc_html_responses_become_articles(read, tmp_path: Path) -> None:
    (tmp_path / "crawl.warc").write_bytes(b"".join(sample_records()))
    articles, skips = read([tmp_path])
    assert skips == []
    assert [a.url for a in articles] == ["https://gazette.example/quay",
                                        "https://gazette.example/latin"]
    quay = articles[0]
    assert quay.id == hashed_id("https://gazette.example/quay")
    assert quay.raw_format == "html"
    assert quay.raw == PAGE.decode()
    assert quay.metadata["captured"] == "2024-03-05T10:00:00Z"
    assert quay.published is None  # the capture date is not the publication date
    assert "Café" in articles[1].raw


def test_gzipped_warc(read, tmp_path: Path) -> None:
    (tmp_path / "crawl.warc.gz").write_bytes(
        b"".join(gzip.compress(record) for record in sample_records()))
    articles, _ = read([tmp_path / "crawl.warc.gz"])
    assert len(articles) == 2


def test_warc_without_html_is_skipped(read, tmp_path: Path) -> None:
    (tmp_path / "images.warc").write_bytes(
        warc_record("https://gazette.example/logo.png", b"\x89PNG\r\n", "image/png"))
    articles, skips = read([tmp_path])
    assert articles == []
    assert "no HTML response records" in skips[0].reason
