"""RSS and Atom feeds (files or fetched URLs): one Article per entry, via feedparser."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from storyline.ingest.ids import hashed_id, line_id
from storyline.ingest.limits import DEFAULT_LIMITS, Limits
from storyline.ingest.records import normalise_language, record_problem, set_published
from storyline.model import Article, Skip

# An entry body with no tag at all is plain text, whatever type the feed declares.
_MARKUP = re.compile(r"<[A-Za-z!/?]")


def read_feed(
    data: bytes, origin: str, base_id: str, base_url: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Iterator[Article | Skip]:
    """Yield one Article per feed entry.

    The entry's full content (else its summary) is the raw HTML, its link the URL,
    the feed title the source and the entry's published (else updated) date the
    publication date. Ids hash the entry guid (else its link), so the same entry read
    from a file or from the web gets the same id.

    Args:
        data: The feed document as bytes (feedparser finds the encoding).
        origin: File path or URL, for messages.
        base_id: Used as ``<base_id>:<n>`` for an entry with neither guid nor link.
        base_url: Where the feed was fetched from, to resolve relative links.
        limits: Longest entry content and other field ([ingest].max_text_chars,
            [ingest].max_field_chars); a longer entry is skipped.

    Yields:
        Articles, and a Skip for each entry without text (or for an unreadable feed).
    """
    import feedparser  # ~0.1 s to import; only feeds pay for it

    headers = {"content-location": base_url} if base_url else None
    # A file-like object, never a str: feedparser would fetch a str that looks like a URL.
    try:
        parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    except (UnicodeError, ValueError, LookupError) as exc:
        # feedparser decodes the declared encoding name itself and can raise on a garbled one.
        yield Skip(origin, f"unreadable feed ({type(exc).__name__}: {exc}); check its XML "
                           "declaration and encoding")
        return
    if not parsed.entries:
        problem = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        yield Skip(origin, f"no RSS/Atom entries found{problem}; check that this is a feed")
        return
    feed_info = parsed.feed
    source = _clean(feed_info.get("title"))
    feed_language = normalise_language(feed_info.get("language"))
    for number, entry in enumerate(parsed.entries, start=1):
        yield _entry_article(entry, number, origin, base_id, source, feed_language, limits)


def _entry_article(
    entry: Any, number: int, origin: str, base_id: str, source: str | None,
    feed_language: str | None, limits: Limits = DEFAULT_LIMITS,
) -> Article | Skip:
    body, body_type, body_language = _entry_body(entry)
    title = _clean(entry.get("title"))
    label = f"'{title[:80]}'" if title else f"number {number}"
    if body is None:
        return Skip(origin, f"feed entry {label} has no content or summary; "
                            "fetch its link instead")
    fields = {"html": body, "title": title, "link": entry.get("link"), "id": entry.get("id"),
              "source": source}
    problem = record_problem({k: v for k, v in fields.items() if isinstance(v, str)}, limits)
    if problem is not None:
        return Skip(origin, f"feed entry {label}: {problem}")
    key = _clean(entry.get("id")) or _clean(entry.get("link"))
    article = Article(
        id=hashed_id(key, "entry") if key else line_id(base_id, number),
        origin=origin,
        url=_clean(entry.get("link")),
        raw=body,
        raw_format="text" if body_type == "text/plain" or not _MARKUP.search(body) else "html",
        title=title,
        source=source,
        language=normalise_language(body_language) or feed_language,
        metadata=_entry_metadata(entry),
    )
    # The date string keeps the publisher's calendar day; feedparser's tuple is in UTC.
    for name in ("published", "updated", "created"):
        if entry.get(name):
            set_published(article, entry.get(name))
            if article.published is None and entry.get(f"{name}_parsed"):
                article.metadata.pop("published_unparsed", None)
                set_published(article, entry.get(f"{name}_parsed"))
            break
    return article


def _entry_body(entry: Any) -> tuple[str | None, str, str | None]:
    """Return the longest content (else the summary), its MIME type and language."""
    contents = [c for c in entry.get("content", []) if _clean(c.get("value"))]
    if contents:
        best = max(contents, key=lambda c: len(c.get("value", "")))
        return best["value"], best.get("type", "text/html"), best.get("language")
    summary = _clean(entry.get("summary"))
    if summary:
        detail = entry.get("summary_detail", {})
        return summary, detail.get("type", "text/html"), detail.get("language")
    return None, "", None


def _entry_metadata(entry: Any) -> dict[str, Any]:
    metadata: dict[str, Any] = {}
    if entry.get("id"):
        metadata["guid"] = entry["id"]
    if entry.get("author"):
        metadata["author"] = entry["author"]
    tags = [tag.get("term") for tag in entry.get("tags", []) if tag.get("term")]
    if tags:
        metadata["tags"] = tags
    return metadata


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value or None
