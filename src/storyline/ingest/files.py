"""Local files: size and content checks, ``.gz`` unpacking, then the reader for the format."""

from __future__ import annotations

import gzip
import stat
import zlib
from collections.abc import Iterator
from pathlib import Path

from storyline.ingest.decoding import decode_bytes, decode_records, looks_binary
from storyline.ingest.feeds import read_feed
from storyline.ingest.formats import SUPPORTED, Format, format_for_name, sniff_markup
from storyline.ingest.ids import file_id
from storyline.ingest.limits import DEFAULT_LIMITS, Limits
from storyline.ingest.tabular import read_csv, read_json_records
from storyline.ingest.warc import read_warc
from storyline.model import Article, Skip

# Formats whose records are judged one by one: a bad line must not cost the good ones.
RECORD_FORMATS = (Format.JSON, Format.JSONL, Format.CSV, Format.TSV)


def read_file(
    path: Path, root: Path | None, limits: Limits = DEFAULT_LIMITS
) -> Iterator[Article | Skip]:
    """Yield the article(s) in one file, or a Skip saying why there are none.

    Args:
        path: The file.
        root: The directory given as input (ids are relative to it), or ``None``.
        limits: The [ingest] limits; larger files (or ``.gz`` contents) than ``max_bytes``
            are skipped.

    Yields:
        Articles and Skips.
    """
    origin = str(path)
    max_bytes = limits.max_bytes
    try:
        info = path.stat()
    except OSError as exc:
        yield Skip(origin, f"cannot read ({exc.strerror}); check the path and permissions")
        return
    if not stat.S_ISREG(info.st_mode):
        # A FIFO or a device would block or never end.
        yield Skip(origin, "not a regular file (a pipe, socket or device); give a file")
        return
    size = info.st_size
    if size == 0:
        yield Skip(origin, "empty file; nothing to ingest")
        return
    if size > max_bytes:
        yield Skip(origin, f"file is {size} bytes, over [ingest].max_bytes = {max_bytes}; "
                           "raise the limit or split the file")
        return
    name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    fmt = format_for_name(name)
    if fmt is Format.WARC:
        yield from read_warc(path, max_bytes)
        return
    try:
        data = _read_bytes(path, max_bytes)
    except OSError as exc:
        yield Skip(origin, f"cannot read ({exc}); check the file and its permissions")
        return
    except _TooLarge:
        yield Skip(origin, f"unpacks to over [ingest].max_bytes = {max_bytes} bytes; "
                           "raise the limit or split the file")
        return
    yield from _read_content(data, origin, fmt, file_id(path, root), limits)


class _TooLarge(Exception):
    """The unpacked content is longer than the configured cap."""


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    if not path.name.lower().endswith(".gz"):
        return path.read_bytes()
    try:
        with gzip.open(path, "rb") as stream:
            data = stream.read(max_bytes + 1)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise OSError(f"not a valid .gz file: {exc}") from exc
    if len(data) > max_bytes:
        raise _TooLarge
    return data


def _read_content(
    data: bytes, origin: str, fmt: Format | None, base_id: str, limits: Limits
) -> Iterator[Article | Skip]:
    if not data.strip():
        yield Skip(origin, "file holds only whitespace; nothing to ingest")
        return
    records = fmt in RECORD_FORMATS
    # In a record file one NUL byte or one badly encoded line is that record's problem.
    if looks_binary(data, any_nul=not records):
        yield Skip(origin, f"binary file, not text; supported: {SUPPORTED}")
        return
    text = decode_records(data) if records else decode_bytes(data)
    if text is None:
        yield Skip(origin, "cannot decode as UTF-8, its declared charset or Windows-1252; "
                           "re-save it as UTF-8")
        return
    if fmt in (None, Format.TEXT):
        # A cheap look at the start: saved pages and feeds often have the wrong name.
        fmt = sniff_markup(text) or fmt
    if fmt is None:
        yield Skip(origin, f"unsupported file type; supported: {SUPPORTED}")
    elif fmt is Format.FEED:
        yield from read_feed(data, origin, base_id, limits=limits)
    elif fmt in (Format.JSON, Format.JSONL):
        yield from read_json_records(text, origin, base_id, limits)
    elif fmt in (Format.CSV, Format.TSV):
        yield from read_csv(text, origin, base_id, "\t" if fmt is Format.TSV else ",", limits)
    else:
        yield Article(id=base_id, origin=origin, raw=text,
                      raw_format="html" if fmt is Format.HTML else "text")
