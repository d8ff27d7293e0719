"""Exporting the store as JSON lines, CSV or Parquet, following the export contract."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from storyline.errors import InputError
from storyline.render.records import iter_records, record_fields
from storyline.store.db import Store

FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet")

_STRING_LIST = pa.list_(pa.string())
_CITATIONS = pa.list_(pa.struct([("text", pa.string()), ("article_id", pa.string())]))
_REMOVED = pa.list_(pa.struct([("text", pa.string()), ("reason", pa.string())]))
_HEADINGS = pa.list_(pa.struct([("text", pa.string()), ("offset", pa.int64())]))
_SAID = pa.list_(pa.struct([("text", pa.string()), ("article_id", pa.string()),
                            ("outlets", pa.int64())]))
_APPEARANCES = pa.list_(pa.struct([("article_id", pa.string()), ("start", pa.int64()),
                                   ("end", pa.int64())]))
# Parquet column types; every field not named here is a string.
_TYPES: dict[str, pa.DataType] = {
    "articles": _STRING_LIST, "events": _STRING_LIST, "summary": _CITATIONS,
    "removed": _REMOVED, "headings": _HEADINGS, "appearances": _APPEARANCES,
    "independent_sources": pa.int64(),
    "mentions": pa.int64(), "article_count": pa.int64(), "also": pa.int64(),
    "common": _SAID, "only": _SAID, "left_out": _SAID,
    "a_start": pa.int64(), "a_end": pa.int64(), "b_start": pa.int64(), "b_end": pa.int64(),
    "start": pa.int64(), "end": pa.int64(), "similarity": pa.float64(),
}
# Same names, other types, in records where they are not lists/ints.
_STRING_IN: dict[str, set[str]] = {"start": {"storylines"}, "end": {"storylines"}}


def parquet_schema(what: str) -> pa.Schema:
    """The Parquet schema of ``what`` (articles with their extras)."""
    columns = []
    for name in record_fields(what, extended=True):
        kind = _TYPES.get(name, pa.string())
        if what in _STRING_IN.get(name, set()):
            kind = pa.string()
        columns.append(pa.field(name, kind))
    return pa.schema(columns)


def export_records(store: Store, what: str, fmt: str, out: Path | IO[Any] | None = None,
                   since: str | None = None) -> int:
    """Write every ``what`` record of ``store`` in format ``fmt``.

    Args:
        store: Open store.
        what: articles, events, storylines, passages, quotes, entities, coverage or
            whatsnew.
        fmt: jsonl, csv or parquet. CSV holds the contract fields only, lists and
            objects as JSON strings, and a text cell starting with ``= + - @``, a tab
            or a carriage return gets a leading ``'`` so spreadsheets do not run it as
            a formula; JSON lines and Parquet keep the text exactly and add the article
            extras.
        out: File path, an open stream (text for jsonl/csv, binary for parquet),
            or ``None`` for standard output.
        since: For ``whatsnew``: new since this date (default: each storyline's last day).

    Returns:
        Number of records written.

    Raises:
        InputError: Unknown ``what`` or ``fmt``, or the output cannot be written.
    """
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    record_fields(what, extended=True)  # validates ``what`` before any output is opened
    records = list(iter_records(store, what, extended=fmt != "csv", since=since))
    if fmt == "parquet":
        buffer = io.BytesIO()
        pq.write_table(pa.Table.from_pylist(records, schema=parquet_schema(what)), buffer)
        _write(out, buffer.getvalue())
    else:
        text = io.StringIO()
        if fmt == "jsonl":
            for record in records:
                text.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            # RFC 4180 line ends: with "\n" alone, Python's csv leaves a field holding a
            # bare "\r" unquoted, and that "\r" splits the row in every reader.
            writer = csv.DictWriter(text, fieldnames=record_fields(what, extended=False),
                                    lineterminator="\r\n")
            writer.writeheader()
            writer.writerows({key: _csv_value(value) for key, value in record.items()}
                             for record in records)
        _write(out, text.getvalue())
    return len(records)


# A spreadsheet opening the CSV runs a cell starting with one of these as a formula
# (=HYPERLINK(...) in a scraped title); OWASP's advice is a leading single quote.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_value(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _write(out: Path | IO[Any] | None, data: str | bytes) -> None:
    # Text goes out untranslated (newline="" / bytes), so CSV's "\r\n" stays as written
    # on Windows too instead of becoming "\r\r\n".
    try:
        if isinstance(out, Path):
            if isinstance(data, bytes):
                out.write_bytes(data)
            else:
                out.write_text(data, encoding="utf-8", newline="")
        elif out is None:
            if isinstance(data, str):
                data = data.encode(sys.stdout.encoding or "utf-8", sys.stdout.errors or "strict")
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            out.write(data)
    except OSError as exc:
        raise InputError(f"cannot write the export to {out}: {exc}; check the path") from exc
