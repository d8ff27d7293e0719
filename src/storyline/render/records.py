"""The export contract: one flat record per article, event, storyline, passage, quote, entity.

Field names and order here ARE the contract (docs/cli.md); the report reads the
same records so that what a user sees and what a user exports never disagree.
"""

from __future__ import annotations

import dataclasses
import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any, Literal

from storyline.errors import InputError
from storyline.explore import pages
from storyline.model import Article
from storyline.provenance.independence import first_report, independent_sources
from storyline.provenance.quote_groups import group_quotes
from storyline.provenance.versions import text_changes
from storyline.store.articles import load_articles
from storyline.store.db import Store
from storyline.store.events import article_events, event_rows, storyline_rows
from storyline.store.events import event_members_in_order as event_members
from storyline.store.provenance import independence_rows, load_provenance, passage_rows

What = Literal["articles", "events", "storylines", "passages", "quotes", "entities",
               "coverage", "whatsnew"]
WHATS: tuple[str, ...] = ("articles", "events", "storylines", "passages", "quotes", "entities",
                          "coverage", "whatsnew")

FIELDS: dict[str, tuple[str, ...]] = {
    "articles": ("id", "url", "title", "source", "wire", "published", "published_precision",
                 "text", "event_id", "storyline_id", "duplicate_group", "reprint_of",
                 "version_of", "version_changes"),
    "events": ("event_id", "storyline_id", "date", "title", "articles", "summary",
               "date_precision", "independent_sources", "first_report", "first_outlet"),
    "storylines": ("storyline_id", "title", "events", "start", "end"),
    "passages": ("a", "b", "a_start", "a_end", "b_start", "b_end", "a_text", "b_text",
                 "similarity"),
    "quotes": ("article_id", "text", "speaker", "speaker_id", "start", "end", "quote_id",
               "first_outlet", "appearances"),
    "entities": ("canonical", "label", "mentions", "articles"),
    # One record per event and outlet, for events reported by two or more outlets.
    "coverage": ("event_id", "outlet", "article_count", "common", "only", "left_out"),
    # One record per new thing said, for each storyline since a date (default: its last day).
    "whatsnew": ("storyline_id", "since", "date", "text", "article_id", "outlet", "also"),
}
# Article fields that are not exported as article columns: the input as read and its
# hash, offsets into the text, and what has record types of its own (quotes, entities)
# or is a free-form bag (metadata). Every other field of the model is exported by itself.
NOT_EXPORTED: frozenset[str] = frozenset({
    "raw", "raw_format", "input_hash", "paragraphs", "sentences", "temporal", "entities",
    "quotes", "metadata",
})
# Appended to articles only where nested values fit the format (JSON lines, Parquet):
# every other field of Article, in the model's order, so a new field reaches exports
# without an edit here.
ARTICLE_EXTRAS: tuple[str, ...] = tuple(
    field.name for field in dataclasses.fields(Article)
    if field.name not in FIELDS["articles"] and field.name not in NOT_EXPORTED
)


def record_fields(what: str, extended: bool) -> tuple[str, ...]:
    """Field names of ``what`` in contract order (with the article extras if ``extended``)."""
    if what not in FIELDS:
        raise InputError(f"cannot export {what!r}; choose one of {', '.join(WHATS)}")
    if what == "articles" and extended:
        return FIELDS[what] + ARTICLE_EXTRAS
    return FIELDS[what]


def iter_records(store: Store, what: str, extended: bool = True,
                 since: str | None = None) -> Iterator[dict[str, Any]]:
    """Yield the records of ``what`` in their documented order.

    Args:
        store: Open store.
        what: One of :data:`WHATS`.
        extended: Include the optional article extras.
        since: For ``whatsnew``: the date (YYYY[-MM[-DD]]) from which articles are new;
            ``None``: each storyline's last day of coverage.

    Raises:
        InputError: ``what`` is not a known record type, or ``since`` is malformed.
    """
    names = record_fields(what, extended)
    producers: dict[str, Callable[[Store], Iterator[dict[str, Any]]]] = {
        "articles": _articles, "events": _events, "storylines": _storylines,
        "passages": _passages, "quotes": _quotes, "entities": _entities,
        "coverage": _coverage, "whatsnew": lambda opened: _whatsnew(opened, since),
    }
    for record in producers[what](store):
        yield {name: record.get(name) for name in names}


def chronological_articles(store: Store) -> list[Article]:
    """All articles by publication date (undated last), earlier versions first."""
    provenance = load_provenance(store)
    articles = list(load_articles(store))
    arrival = {article.id: position for position, article in enumerate(articles)}

    def version_depth(article_id: str) -> int:
        depth, seen = 0, {article_id}
        current = provenance.get(article_id)
        while current and current.version_of and current.version_of not in seen:
            seen.add(current.version_of)
            depth += 1
            current = provenance.get(current.version_of)
        return depth

    return sorted(articles, key=lambda a: (a.published is None, a.published or "",
                                           version_depth(a.id), arrival[a.id]))


def _articles(store: Store) -> Iterator[dict[str, Any]]:
    provenance = load_provenance(store)
    events = article_events(store)
    articles = chronological_articles(store)
    texts = {article.id: article.text for article in articles}
    for article in articles:
        prov = provenance.get(article.id)
        event = events.get(article.id)
        # What a version changed is derived from the two texts when shown, not stored.
        changes = (text_changes(article.text, texts[prov.version_of]).summary()
                   if prov and prov.version_of in texts else None)
        yield {
            "id": article.id, "url": article.url, "title": article.title,
            "source": article.source, "wire": article.wire, "published": article.published,
            "published_precision": article.published_precision, "text": article.text,
            "event_id": event.event_id if event else None,
            "storyline_id": event.storyline_id if event else None,
            "duplicate_group": prov.duplicate_group if prov else None,
            "reprint_of": prov.reprint_of if prov else None,
            "version_of": prov.version_of if prov else None,
            "version_changes": changes,
            **{name: _plain(getattr(article, name)) for name in ARTICLE_EXTRAS},
        }


def _plain(value: Any) -> Any:
    """A field's value as JSON-ready data (records of the model become dicts)."""
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return value


def _events(store: Store) -> Iterator[dict[str, Any]]:
    members = event_members(store)
    # One definition of independent sources everywhere (provenance.independence): copies
    # of one text count once, and so do the stories of one wire agency.
    source_rows = {row["article_id"]: row for row in
                   independence_rows(store, [a for ids in members.values() for a in ids])}
    for row in event_rows(store):
        articles = members.get(row["event_id"], [])
        rows = [source_rows[a] for a in articles if a in source_rows]
        sources = independent_sources(rows, articles)
        first = first_report(rows, articles)
        yield {
            "event_id": row["event_id"], "storyline_id": row["storyline_id"],
            "date": row["date"], "title": row["title"], "articles": articles,
            "summary": json.loads(row["summary"] or "[]"),
            "date_precision": row["date_precision"], "independent_sources": sources,
            "first_report": first["article_id"] if first else None,
            "first_outlet": (first.get("source") or first.get("wire")) if first else None,
        }


def _storylines(store: Store) -> Iterator[dict[str, Any]]:
    events: dict[str, list[tuple[str | None, str]]] = defaultdict(list)
    for row in event_rows(store):
        events[row["storyline_id"]].append((row["date"], row["event_id"]))
    found = []
    for storyline_id, title in storyline_rows(store):
        dated = [date for date, _ in events[storyline_id] if date]
        found.append({
            "storyline_id": storyline_id, "title": title,
            "events": [event_id for _, event_id in events[storyline_id]],
            "start": min(dated) if dated else None, "end": max(dated) if dated else None,
        })
    found.sort(key=lambda s: (s["start"] is None, s["start"] or "", s["storyline_id"]))
    yield from found


def _passages(store: Store) -> Iterator[dict[str, Any]]:
    yield from passage_rows(store)


def _quotes(store: Store) -> Iterator[dict[str, Any]]:
    # One record per thing said: the same words in several articles are one quote, with
    # every appearance and the outlet that first reported it (as an event's first report).
    groups = group_quotes(chronological_articles(store))
    ids = [a.article_id for group in groups for a in group.appearances]
    source_rows = {row["article_id"]: row for row in independence_rows(store, ids)}
    for group in groups:
        ids = [a.article_id for a in group.appearances]
        first = first_report([source_rows[i] for i in ids if i in source_rows], ids)
        first_id = first["article_id"] if first else ids[0]
        shown = next(a for a in group.appearances if a.article_id == first_id)
        yield {"article_id": shown.article_id, "text": group.text, "speaker": group.speaker,
               "speaker_id": group.speaker_id, "start": shown.start, "end": shown.end,
               "quote_id": group.quote_id,
               "first_outlet": (first.get("source") or first.get("wire")) if first else None,
               "appearances": [dataclasses.asdict(a) for a in group.appearances]}


def _entities(store: Store) -> Iterator[dict[str, Any]]:
    mentions: dict[tuple[str, str], int] = defaultdict(int)
    articles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for article in load_articles(store):
        for mention in article.entities:
            key = ((mention.canonical or mention.text).strip(), mention.label)
            if key[0]:
                mentions[key] += 1
                articles[key].add(article.id)
    for key in sorted(mentions, key=lambda k: (-mentions[k], k)):
        yield {"canonical": key[0], "label": key[1], "mentions": mentions[key],
               "articles": sorted(articles[key])}


def _coverage(store: Store) -> Iterator[dict[str, Any]]:
    for event_id, _ in sorted(event_members(store).items()):
        for entry in pages.coverage(store, event_id):
            yield {"event_id": event_id, "outlet": entry["outlet"],
                   "article_count": entry["articles"], "common": entry["common"],
                   "only": entry["only"], "left_out": entry["left_out"]}


def _whatsnew(store: Store, since: str | None) -> Iterator[dict[str, Any]]:
    for storyline in _storylines(store):
        start = since or storyline["end"]
        if not start:
            continue
        found = pages.whatsnew(store, storyline["storyline_id"], start)
        for entry in found["dates"]:
            for sentence in entry["sentences"]:
                yield {"storyline_id": storyline["storyline_id"], "since": start,
                       "date": entry["date"], **sentence}
