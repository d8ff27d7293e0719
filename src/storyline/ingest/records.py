"""One structured record (a JSON object, a CSV row) → one raw Article."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from storyline.ingest.dates import normalise_published
from storyline.ingest.decoding import text_problem
from storyline.ingest.limits import DEFAULT_LIMITS, Limits
from storyline.model import Article, Skip

# Column name → Article field; the first name present (and non-empty) wins.
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "title": ("title", "headline"),
    "html": ("html",),
    "text": ("text", "body", "content"),
    "url": ("url", "link"),
    "published": ("published", "date", "time", "pubdate", "published_at", "datePublished"),
    "source": ("source", "outlet", "site"),
    "language": ("language", "lang"),
}
_LANGUAGE_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*$")


def normalise_language(value: Any) -> str | None:
    """Return the primary subtag of a language tag (``en-US`` → ``en``), or ``None``."""
    if not isinstance(value, str):
        return None
    match = _LANGUAGE_TAG.match(value.strip())
    return match.group(1).lower() if match else None


def _text_value(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def record_to_article(
    record: Mapping[str, Any], origin: str, fallback_id: str, line: int | None,
    limits: Limits = DEFAULT_LIMITS,
) -> Article | Skip:
    """Build an Article from a JSON object or CSV row.

    Known fields (see :data:`ALIASES`) fill the Article; every other field is kept in
    ``metadata``. When both ``html`` and ``text`` are given, the HTML is the raw input
    and the text is kept in ``metadata["text"]``.

    Args:
        record: Field name → value.
        origin: The file the record came from.
        fallback_id: The id to use when the record has none (``<file>:<line>``).
        line: Line (or item) number, for the Skip message.
        limits: Longest article text and longest other field; a record over either
            is skipped ([ingest].max_text_chars, [ingest].max_field_chars).

    Returns:
        The Article, or a Skip saying which field is missing or wrong.
    """
    problem = record_problem(record, limits)
    if problem is not None:
        return Skip(origin, problem, line)
    used: set[str] = set()
    values: dict[str, Any] = {}
    for field_name, names in ALIASES.items():
        for name in names:
            if name in record and record[name] not in (None, ""):
                values[field_name] = record[name]
                used.add(name)
                break
    html, text = _text_value(values.get("html")), _text_value(values.get("text"))
    headline_only = False
    if "html" not in values and "text" not in values:
        # A feed item or API row with a headline alone still reports the event: keep it,
        # its headline as its only text (counted, clustered and cited like any article).
        title = _text_value(values.get("title"))
        if title is None:
            return Skip(origin, "record has no 'text', 'html' or 'title' field with content; "
                        "add one", line)
        text, values["text"], headline_only = title, title, True
    if "html" in values and not isinstance(values["html"], str) or \
            "text" in values and not isinstance(values["text"], str):
        return Skip(origin, "'text'/'html' must be a string; fix the record", line)
    if html is None and text is None:
        return Skip(origin, "record's 'text'/'html' field has no content; fill it or drop the "
                    "field to keep the headline alone", line)
    metadata = {key: value for key, value in record.items()
                if key and key not in used and value not in (None, "")}
    if html is not None and text is not None:
        metadata["text"] = text
    if headline_only:
        metadata["body"] = "headline only"
    raw_id = _text_value(values.get("id"))
    article = Article(
        id=raw_id.strip() if raw_id else fallback_id,
        origin=origin if line is None else f"{origin}:{line}",
        url=_text_value(values.get("url")),
        raw=html if html is not None else text or "",
        raw_format="html" if html is not None else "text",
        title=_text_value(values.get("title")),
        source=_text_value(values.get("source")),
        metadata=metadata,
    )
    if "language" in values:
        article.language = normalise_language(values["language"])
        if article.language is None:
            metadata["language"] = values["language"]
    if "published" in values:
        set_published(article, values["published"])
    return article


def set_published(article: Article, value: Any) -> None:
    """Set ``published`` from a date the input gives; keep an unreadable one in metadata."""
    normalised = normalise_published(value)
    if normalised is None:
        article.metadata["published_unparsed"] = value
        return
    article.published, article.published_precision = normalised
    article.published_basis = "metadata"


# The fields that hold the article itself; every other field is short by nature.
_CONTENT_FIELDS = frozenset(ALIASES["html"] + ALIASES["text"])


def record_problem(record: Mapping[str, Any], limits: Limits = DEFAULT_LIMITS) -> str | None:
    """Return why a record cannot be used as it is (a field too long, bad text), or ``None``.

    Article text and HTML may be up to ``limits.max_text_chars`` characters, every other
    field (title, id, url, metadata...) up to ``limits.max_field_chars``: a 15 MB title is
    an attack or a broken export, not a headline. Nested values are measured by their
    characters of text in all.
    """
    for name, value in record.items():
        limit, setting = ((limits.max_text_chars, "max_text_chars") if name in _CONTENT_FIELDS
                          else (limits.max_field_chars, "max_field_chars"))
        size, problem = _measure(value, limit)
        if problem is not None:
            return f"field '{_short(name)}' {problem}"
        if size > limit:
            return (f"field '{_short(name)}' is over [ingest].{setting} = {limit} characters; "
                    "shorten it or raise the limit")
        if len(str(name)) > limits.max_field_chars:
            return (f"a field name is over [ingest].max_field_chars = {limits.max_field_chars} "
                    "characters; fix the record")
    return None


def _measure(value: Any, limit: int) -> tuple[int, str | None]:
    """Return the characters of text in ``value`` (stopping past ``limit``) and a text problem."""
    size = 0
    stack = [value]
    while stack:  # no recursion: the value may be nested (up to max_json_depth)
        item = stack.pop()
        if isinstance(item, str):
            size += len(item)
            if size > limit:
                return size, None
            problem = text_problem(item)
            if problem is not None:
                return size, problem
        elif isinstance(item, Mapping):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)
        else:
            size += 8  # a number, bool or null
    return size, None


def _short(name: object) -> str:
    text = str(name)
    return text if len(text) <= 40 else text[:39] + "…"
