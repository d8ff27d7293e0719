"""JSON Lines, JSON and CSV/TSV files: one Article per record, one Skip per bad line."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator, Mapping
from typing import Any

from storyline.ingest.decoding import text_problem
from storyline.ingest.ids import line_id
from storyline.ingest.jsonsafe import JsonProblem, loads_limited
from storyline.ingest.limits import DEFAULT_LIMITS, Limits, one_line
from storyline.ingest.records import record_to_article
from storyline.model import Article, Skip

# Article HTML can be far longer than the csv module's default 128 KiB field limit;
# the file itself is already capped by [ingest].max_bytes.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def read_json_records(
    text: str, origin: str, base_id: str, limits: Limits = DEFAULT_LIMITS
) -> Iterator[Article | Skip]:
    """Read a JSON array, a single JSON object or JSON Lines.

    Args:
        text: The decoded file.
        origin: The file path, for messages.
        base_id: The file's id; records without ``id`` get ``<base_id>:<n>`` where ``n``
            is the line (JSON Lines) or the 1-based item number (JSON array).
        limits: [ingest] limits (JSON depth, field sizes).

    Yields:
        One Article per good record, one Skip per bad one.
    """
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("["):
        try:
            # The outer array is not part of any record's nesting.
            document = loads_limited(stripped, limits.max_json_depth + 1)
        except JsonProblem as problem:
            if problem.error is None:
                yield Skip(origin, problem.reason)
            else:
                yield Skip(origin, f"invalid JSON array ({problem.error.msg} at line "
                                   f"{problem.error.lineno}); fix the file or write one object "
                                   "per line (JSON Lines)")
            return
        yield from _read_items(document, origin, base_id, limits)
        return
    yield from read_json_lines(text, origin, base_id, limits)


def _read_items(
    items: list[Any], origin: str, base_id: str, limits: Limits
) -> Iterator[Article | Skip]:
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            yield Skip(origin, f"item {number} is not a JSON object; give one object per article")
            continue
        article = article_from_record(item, origin, line_id(base_id, number), None, limits)
        if isinstance(article, Skip) and article.line is None:
            article.reason = f"item {number}: {article.reason}"
        yield article


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """Yield (line number, line) split at newline characters only.

    ``str.splitlines`` would also split at U+2028, U+0085 and other characters that JSON
    allows unescaped inside a string; lines are produced one at a time, not as a list.
    """
    start, number = 0, 0
    while start < len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        number += 1
        yield number, text[start:end].rstrip("\r")
        start = end + 1


def read_json_lines(
    text: str, origin: str, base_id: str, limits: Limits = DEFAULT_LIMITS
) -> Iterator[Article | Skip]:
    """Read one JSON object per line; a bad line is skipped, the rest is kept.

    A file holding one object spread over several lines is read as that one object.
    """
    for number, line in _lines(text):
        if not line.strip():
            continue
        problem = text_problem(line)
        if problem is not None:
            yield Skip(origin, f"line {problem}", number)
            continue
        try:
            record = loads_limited(line, limits.max_json_depth)
        except JsonProblem as exc:
            if number == 1 and exc.error is not None:
                whole = _one_object(text, limits)
                if whole is not None:
                    yield article_from_record(whole, origin, line_id(base_id, 1), None, limits)
                    return
            yield Skip(origin, exc.reason, number)
            continue
        if not isinstance(record, dict):
            yield Skip(origin, "line is not a JSON object; give one object per article", number)
            continue
        yield article_from_record(record, origin, line_id(base_id, number), number, limits)


def _one_object(text: str, limits: Limits) -> dict[str, Any] | None:
    try:
        document = loads_limited(text, limits.max_json_depth)
    except JsonProblem:
        return None
    return document if isinstance(document, dict) else None


def article_from_record(
    record: Mapping[str, Any], origin: str, fallback_id: str, line: int | None, limits: Limits
) -> Article | Skip:
    """One record → Article; a bug met on one record costs that record, not the file."""
    try:
        return record_to_article(record, origin, fallback_id, line, limits)
    except Exception as exc:  # noqa: BLE001  (hostile records must stay isolated)
        return Skip(origin, f"unexpected {type(exc).__name__} while reading this record "
                            f"({one_line(exc)}); fix or remove it, and please report it", line)


def read_csv(
    text: str, origin: str, base_id: str, delimiter: str = ",", limits: Limits = DEFAULT_LIMITS
) -> Iterator[Article | Skip]:
    """Read a CSV (or TSV) file with a header row naming the columns.

    Args:
        text: The decoded file.
        origin: The file path, for messages.
        base_id: The file's id; rows without ``id`` get ``<base_id>:<line>``.
        delimiter: Field separator.
        limits: [ingest] limits (field sizes).

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
        yield Skip(origin, f"no 'text' or 'html' column (found: {one_line(', '.join(header))}); "
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
        problem = next(filter(None, map(text_problem, row)), None)
        if problem is not None:
            yield Skip(origin, f"row {problem}", start)
            continue
        if len(row) != len(header):
            yield Skip(origin, f"row has {len(row)} fields, the header has {len(header)}; "
                               "quote fields that contain the delimiter", start)
            continue
        record = dict(zip(header, row, strict=True))
        yield article_from_record(record, origin, line_id(base_id, start), start, limits)
