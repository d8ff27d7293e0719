"""Write the seed corpus: the sample articles and test fixtures, one file per format.

Usage: ``python fuzz/seeds.py DIR``
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMATS = (".txt", ".html", ".jsonl", ".json", ".csv", ".tsv", ".rss", ".atom", ".warc",
           ".md", ".txt.gz", ".jsonl.gz", ".warc.gz")
SOURCES = [*sorted((ROOT / "src/storyline/sample/articles").iterdir()),
           *sorted((ROOT / "tests/ingest/fixtures").rglob("*.*"))]


def warc_seed() -> bytes:
    """A one-record WARC file holding a small HTML response."""
    page = (b"<html><head><title>Trams return</title></head><body><article><p>"
            b"LONDON (Reuters) - The trams returned on Monday, officials said.</p>"
            b"</article></body></html>")
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            b"Content-Length: " + str(len(page)).encode() + b"\r\n\r\n" + page)
    head = (b"WARC/1.0\r\nWARC-Type: response\r\n"
            b"WARC-Record-ID: <urn:uuid:12345678-1234-1234-1234-123456789012>\r\n"
            b"WARC-Date: 2024-03-05T10:00:00Z\r\n"
            b"WARC-Target-URI: https://example.org/trams\r\n"
            b"Content-Type: application/http; msgtype=response\r\n"
            b"Content-Length: " + str(len(http)).encode() + b"\r\n\r\n")
    return head + http + b"\r\n\r\n"


def main(target: Path) -> None:
    """Write one seed per source file, its first byte naming the source's format."""
    target.mkdir(parents=True, exist_ok=True)
    for source in SOURCES:
        suffix = source.suffix.lower()
        if suffix not in FORMATS:
            continue
        data = source.read_bytes()
        (target / f"seed-{source.name}").write_bytes(bytes([FORMATS.index(suffix)]) + data)
        if suffix in (".txt", ".jsonl"):
            gz = FORMATS.index(f"{suffix}.gz")
            (target / f"seed-{source.name}.gz").write_bytes(bytes([gz]) + data)
    warc = warc_seed()
    (target / "seed-page.warc").write_bytes(bytes([FORMATS.index(".warc")]) + warc)
    (target / "seed-page.warc.gz").write_bytes(bytes([FORMATS.index(".warc.gz")]) + warc)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
