"""WARC archives (plain or gzipped): one Article per HTML response record, via fastwarc."""

from __future__ import annotations

from collections.abc import Iterator
from email.message import Message
from pathlib import Path

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from storyline.ingest.decoding import decode_bytes, looks_binary
from storyline.ingest.ids import hashed_id
from storyline.model import Article, Skip

HTML_TYPES = ("text/html", "application/xhtml+xml")


def parse_content_type(value: str | None) -> tuple[str, str | None]:
    """Split a ``Content-Type`` header into (lower-case MIME type, charset or None)."""
    message = Message()
    message["content-type"] = value or ""
    charset = message.get_param("charset")
    return message.get_content_type(), charset if isinstance(charset, str) else None


def read_warc(path: Path, max_bytes: int) -> Iterator[Article | Skip]:
    """Yield an Article for each successful HTML response in a WARC file.

    Other records (requests, metadata, images, redirects) are passed over silently;
    the target URI is the URL and the id, the capture date goes to metadata. A record
    with fewer bytes than its ``Content-Length`` (a file cut short, or a ``.warc.gz``
    whose last member is truncated) is skipped with the reason; the complete records
    before it are kept.

    Args:
        path: A ``.warc`` or ``.warc.gz`` file.
        max_bytes: Largest response body read; a longer one is skipped.

    Yields:
        Articles, and Skips for HTML responses that cannot be used.
    """
    origin = str(path)
    found = 0
    try:
        with path.open("rb") as stream:
            # Every record type is iterated, so that a cut-off last record is noticed
            # whatever its type.
            for number, record in enumerate(ArchiveIterator(stream, parse_http=True), 1):
                item = _record_item(record, origin, number, max_bytes)
                if isinstance(item, Article):
                    found += 1
                if item is not None:
                    yield item
    except (OSError, ValueError) as exc:
        yield Skip(origin, f"cannot read the WARC file ({exc}); check that it is not truncated")
        return
    if not found:
        yield Skip(origin, "no HTML response records in this WARC file; nothing to ingest")


def _truncated(where: str, number: int, what: str) -> Skip:
    return Skip(where, f"WARC record {number} is truncated ({what}); the file was cut short: "
                       "the records before it are kept, download or export the file again "
                       "to read this one")


def _record_item(
    record: WarcRecord, origin: str, number: int, max_bytes: int
) -> Article | Skip | None:
    uri = record.headers.get("WARC-Target-URI") or ""
    where = f"{origin} ({uri})" if uri else origin
    if record.headers.get("Content-Length") is None:
        return _truncated(where, number, "its header ends before Content-Length")
    expected = record.content_length
    if not _is_html_response(record):
        consumed = record.consume()
        if consumed < expected:
            return _truncated(where, number, f"{consumed} of {expected} bytes")
        return None
    body = record.reader.read(max_bytes + 1)
    if len(body) > max_bytes:
        record.consume()
        return Skip(where, f"response is over {max_bytes} bytes ([ingest].max_bytes); "
                           "raise the limit to read it")
    if len(body) < expected:
        return _truncated(where, number, f"{len(body)} of {expected} bytes")
    return _record_article(record, body, origin, where, uri)


def _is_html_response(record: WarcRecord) -> bool:
    if record.record_type != WarcRecordType.response:
        return False
    http = getattr(record, "http_headers", None)
    if http is None or not 200 <= (http.status_code or 0) < 300:
        return False
    return parse_content_type(http.get("Content-Type"))[0] in HTML_TYPES


def _record_article(
    record: WarcRecord, body: bytes, origin: str, where: str, uri: str
) -> Article | Skip:
    charset = parse_content_type(record.http_headers.get("Content-Type"))[1]
    if not body.strip() or looks_binary(body):
        return Skip(where, "response body is empty or not text; nothing to ingest")
    text = decode_bytes(body, charset)
    if text is None:
        return Skip(where, "cannot decode the response body; it names no usable charset")
    metadata: dict[str, object] = {}
    captured = record.headers.get("WARC-Date")
    if captured:
        metadata["captured"] = captured
    return Article(
        id=hashed_id(uri) if uri else hashed_id(f"{origin}#{record.record_id}", "warc"),
        origin=where,
        url=uri or None,
        raw=text,
        raw_format="html",
        metadata=metadata,
    )
