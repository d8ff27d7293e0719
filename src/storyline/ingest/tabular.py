"""JSON Lines, JSON and CSV/TSV files: one Article per record, one Skip per bad line."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from typing import Any

from storyline.ingest.ids import line_id
from storyline.ingest.records import record_to_article
from storyline.model import Article, Skip

# Article HTML can be far longer than the csv module's default 128 KiB field limit;
# the file itself is already capped by [ingest].max_bytes.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def read_json_records(text: str, origin: str, base_id: str) -> Iterator[Article | Skip]:
    """Read a JSON array, a single JSON object or JSON Lines.

    Args:
        text: The decoded file.
        origin: The file path, for messages.
        base_id: The file's id; records without ``id`` get ``<base_id>:<n>`` where ``n``
            is the line (JSON Lines) or the 1-based item number (JSON array).

    Yields:
        One Article per good record, one Skip per bad one.
    """
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("["):
        try:
            document = json.loads(stripped)
        except json.JSONDecodeError as exc:
            yield Skip(origin, f"invalid JSON array ({exc.msg} at line {exc.lineno}); fix the "
                               "file or write one object per line (JSON Lines)")
            return
        yield from _read_items(document, origin, base_id)
        return
    yield from read_json_lines(text, origin, base_id)


def _read_items(items: list[Any], origin: str, base_id: str) -> Iterator[Article | Skip]:
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            yield Skip(origin, f"item {number} is not a JSON object; give one object per article")
            continue
        yield record_to_article(item, origin, line_id(base_id, number), None)


def read_json_lines(text: str, origin: str, base_id: str) -> Iterator[Article | Skip]:
    """Read one JSON object per line; a bad line is skipped, the rest is kept.

    A file holding one object spread over several lines is read as that one object.
    """
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            if number == 1 and _is_one_object(text):
                yield record_to_article(json.loads(text), origin, line_id(base_id, 1), None)
                return
            yield Skip(origin, f"invalid JSON ({exc.msg}); fix or remove this line", number)
            continue
        if not isinstance(record, dict):
            yield Skip(origin, "line is not a JSON object; give one object per article", number)
            continue
        yield record_to_article(record, origin, line_id(base_id, number), number)


def _is_one_object(text: str) -> bool:
    try:
        return isinstance(json.loads(text), dict)
    except json.JSONDecodeError:
        return False


def read_csv(
    text: str, origin: str, base_id: str, delimiter: str = ","
) -> Iterator[Article | Skip]:
    """Read a CSV (or TSV) file with a header row naming the columns.

    Args:
        text: The decoded file.
        origin: The file path, for messages.
        base_id: The file's id; rows without ``id`` get ``<base_id>:<line>``.
        delimiter: Field separator.

    Yields:
        One Article per good row, one Skip per bad row (with its line number).
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [name.strip().lstrip("\ufeff") for name in next(reader)]
    except (StopIteration, csv.Error) as exc:
        yield Skip(origin, f"cannot read the CSV header ({exc or 'no rows'}); "
                           "the first row must name the columns")
        return
    if not {"text", "html", "body", "content"} & set(header):
        yield Skip(origin, f"no 'text' or 'html' column (found: {', '.join(header)}); "
                           "name the article column 'text' or 'html'")
        return
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Skip(origin, f"malformed CSV row ({exc}); fix the quoting of this row", start)
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield Skip(origin, f"row has {len(row)} fields, the header has {len(header)}; "
                               "quote fields that contain the delimiter", start)
            continue
        record = dict(zip(header, row, strict=True))
        yield record_to_article(record, origin, line_id(base_id, start), start)
