"""What each view of a story shows: plain data for the CLI, the web app, its API and the report.

Each function reads one page's worth through :mod:`storyline.store.browse` and returns
JSON-ready dicts whose field names follow the export contract (``event_id``,
``storyline_id``, ``independent_sources``, ``first_report`` …), so a view, its JSON and an
export never disagree. Unknown ids raise :class:`~storyline.errors.NotFoundError`; an id
merged into another is followed to where it lives now.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import asdict, fields, is_dataclass
from typing import Any

from storyline.errors import InputError, NotFoundError
from storyline.language.names import name_key
from storyline.language.temporal import resolved_expressions
from storyline.model import Article
from storyline.narrate.coverage import compare_coverage
from storyline.narrate.said import Said
from storyline.narrate.timeline import build_timeline
from storyline.narrate.whatsnew import whats_new
from storyline.provenance.independence import first_report, independent_sources
from storyline.provenance.quote_groups import group_quotes
from storyline.provenance.versions import text_changes
from storyline.store import browse
from storyline.store.db import Store
from storyline.store.events import current_id, storyline_exists
from storyline.store.provenance import independence_rows
from storyline.store.provenance import sentences as stored_sentences

TIMELINE_DATES = 12
TIMELINE_SENTENCES = 2
REUSE_ROWS = 15
DAY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def sources(store: Store, ids: Sequence[str], with_reports: bool = True) -> dict[str, Any]:
    """Who reported the given articles: independent count, first report, copy groups.

    ``reports`` lists one entry per independent report (a copy group, or an article that
    is no copy): its original's id and outlet and the ids of its copies, earliest first
    (left out when not ``with_reports``).
    """
    rows = independence_rows(store, ids)
    first = first_report(rows, ids)
    found = {
        "independent_sources": independent_sources(rows, ids),
        "first_report": first["article_id"] if first else None,
        "first_outlet": (first.get("source") or first.get("wire")) if first else None,
    }
    if not with_reports:
        return found
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[row.get("duplicate_group") or row["article_id"]].append(row)
    reports = []
    for members in groups.values():
        member_ids = [row["article_id"] for row in members]
        lead = first_report(members, member_ids) or members[0]
        reports.append({
            "original": lead["article_id"],
            "outlet": lead.get("source") or lead.get("wire"),
            "wire": lead.get("wire"), "published": lead.get("published"),
            "copies": [row["article_id"] for row in sorted(members, key=_by_date)
                       if row["article_id"] != lead["article_id"]],
        })
    reports.sort(key=lambda r: (r["published"] is None, r["published"] or "", r["original"]))
    return {**found, "reports": reports}


def independent_counts(store: Store, members: Mapping[str, Sequence[str]]) -> dict[str, int]:
    """How many independent sources report each group of articles (one read for all).

    ``members`` maps a key (a storyline or event id) to its article ids; the count is the
    one wire-aware definition of :func:`~storyline.provenance.independence.independent_sources`.
    """
    rows = {row["article_id"]: row for row in
            independence_rows(store, [a for ids in members.values() for a in ids])}
    return {key: independent_sources([rows[a] for a in ids if a in rows], ids)
            for key, ids in members.items()}


def _by_date(row: dict[str, Any]) -> tuple[bool, str, int]:
    return (row.get("published") is None, row.get("published") or "", int(row.get("seq") or 0))


def storyline(store: Store, storyline_id: str) -> dict[str, Any]:
    """A storyline: its figures, events with cited summaries, articles by day and outlet.

    The cited timeline is apart (:func:`timeline`): it reads every sentence of the storyline.

    Raises:
        NotFoundError: No storyline has (or had) this id.
    """
    stats = storyline_head(store, storyline_id)
    found_id = stats["storyline_id"]
    ids = browse.storyline_article_ids(store, found_id)
    events = browse.events_of_storyline(store, found_id)
    by_day = browse.outlet_days(store, ids)
    cited = [item["article_id"] for e in events for item in e["summary"]]
    return {
        **stats,
        **sources(store, ids, with_reports=False),
        "events": events,
        "outlet_days": [{"date": day, "outlet": outlet, "articles": n}
                        for day, outlet, n in by_day],
        "cited": rows_by_id(store, cited),
        # Who republished whom: copies by the outlet of their original, largest first.
        "reuse": [{"original": a, "copy": b, "copies": n}
                  for a, b, n in browse.reuse_pairs(store, ids)[:REUSE_ROWS]],
    }


def storyline_head(store: Store, storyline_id: str) -> dict[str, Any]:
    """A storyline's list row (id, title, dates, counts): what a sub-page's header shows.

    Raises:
        NotFoundError: No storyline has (or had) this id.
    """
    stats = browse.storyline_stats(store, current_id(store, storyline_id))
    if stats is None:
        raise _no_storyline(storyline_id)
    return stats


def _existing_storyline(store: Store, storyline_id: str) -> str:
    """The storyline's current id (a merged id is followed); NotFoundError if none."""
    found_id = current_id(store, storyline_id)
    if not storyline_exists(store, found_id):
        raise _no_storyline(storyline_id)
    return found_id


def _no_storyline(storyline_id: str) -> NotFoundError:
    return NotFoundError(f"no storyline {storyline_id!r} in this database; "
                         "`storyline storylines` lists them")


def rows_by_id(store: Store, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """{id: list row} of the given articles: what a citation shows (outlet, title, date)."""
    return {row["id"]: row for row in browse.article_rows(store, ids)}


def timeline(store: Store, storyline_id: str, dates: int = TIMELINE_DATES,
             sentences: int = TIMELINE_SENTENCES) -> list[dict[str, Any]]:
    """The storyline's cited timeline (``narrate.timeline``): dates, each with sentences.

    Raises:
        NotFoundError: No storyline has (or had) this id.
    """
    found_id = _existing_storyline(store, storyline_id)
    return build_timeline(store, storyline=found_id, max_dates=dates,
                          sentences_per_date=sentences)


def event(store: Store, event_id: str, with_coverage: bool = True) -> dict[str, Any]:
    """An event: cited summary, reports and copies, first reporter, quotes, names, coverage.

    ``with_coverage=False`` leaves out the coverage comparison (``coverage: None``), the
    costly part of a big event: the web app fetches it after the page (:func:`coverage`).

    Raises:
        NotFoundError: No event has (or had) this id.
    """
    row = browse.event_row(store, current_id(store, event_id))
    if row is None:
        raise NotFoundError(f"no event {event_id!r} in this database; "
                            "`storyline show STORYLINE_ID` lists a storyline's events")
    ids = row["articles"]
    records = browse.article_rows(store, ids)
    return {
        **row,
        **sources(store, ids),
        "article_records": records,
        "quotes": quotes(store, ids),
        "entities": browse.names_of(store, ids)[:30],
        "coverage": compare_coverage(said_items(store, ids, records)) if with_coverage else None,
    }


def quotes(store: Store, ids: Sequence[str]) -> list[dict[str, Any]]:
    """The things said in the given articles: one record per quote, all its appearances."""
    stored = browse.quotes_of(store, ids)
    light = [Article.from_dict({"id": article_id, "quotes": stored.get(article_id, [])})
             for article_id in ids]
    return [{"quote_id": g.quote_id, "text": g.text, "speaker": g.speaker,
             "speaker_id": g.speaker_id,
             "appearances": [{"article_id": a.article_id, "start": a.start, "end": a.end}
                             for a in g.appearances]}
            for g in group_quotes(light)]


def article(store: Store, article_id: str) -> dict[str, Any]:
    """An article: clean text, what was removed and why, names, dates, provenance.

    ``shared`` lists, per other article, the passages both carry (offsets in this text).

    Raises:
        NotFoundError: No article has this id.
    """
    record = browse.article(store, article_id)
    if record is None:
        raise NotFoundError(f"no article {article_id!r} in this database")
    row = browse.article_rows(store, [article_id])[0]
    passages = browse.passages_of(store, article_id)
    by_other: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for passage in passages:
        by_other[passage["other"]].append(passage)
    related = browse.related_ids(store, article_id)
    earlier = browse.article(store, row["version_of"]) if row["version_of"] else None
    others = browse.article_rows(store, [*by_other, *related["reprints"],
                                         *related["versions"], *related["group"],
                                         *[i for i in (row["reprint_of"], row["version_of"],
                                                       row["exact_duplicate_of"]) if i]])
    return {
        **row,
        "text": record.text, "byline": record.byline, "dateline": record.dateline,
        "language": record.language, "published_basis": record.published_basis,
        "source_basis": record.source_basis,
        "headings": [{"text": h.text, "offset": h.offset} for h in record.headings],
        "removed": [{"text": r.text, "reason": r.reason} for r in record.removed],
        "entities": [{"text": m.text, "label": m.label, "start": m.start, "end": m.end,
                      "canonical": m.canonical} for m in record.entities],
        "dates": dates_of(record),
        "quotes": [{"text": q.text, "start": q.start, "end": q.end, "speaker": q.speaker}
                   for q in record.quotes],
        "version_changes": (text_changes(record.text, earlier.text).summary()
                            if earlier else None),
        "copies": related["reprints"], "versions": related["versions"],
        "group": related["group"],
        "shared": [{"other": other, "passages": items} for other, items in by_other.items()],
        "others": {r["id"]: r for r in others},
        # Every other field of the model, so a field added to Article is seen somewhere.
        "other_fields": {f.name: _plain(getattr(record, f.name)) for f in fields(record)
                         if f.name not in SHOWN_FIELDS and getattr(record, f.name)},
    }


# Article fields the article view shows in places of their own (or never: the raw input).
SHOWN_FIELDS = frozenset({
    "id", "url", "raw", "raw_format", "input_hash", "title", "source", "wire", "byline",
    "dateline", "text", "paragraphs", "sentences", "published", "published_precision",
    "published_basis", "source_basis", "language", "removed", "temporal", "entities",
    "quotes", "headings",
})


def _plain(value: Any) -> Any:
    """A field's value as JSON-ready data (records of the model become dicts)."""
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    return value


def said_items(store: Store, ids: Sequence[str],
               records: Sequence[dict[str, Any]] | None = None) -> list[Said]:
    """The sentences of the given articles, with outlet, date and citation order.

    ``records`` are their list rows when the caller has read them already
    (``browse.article_rows``).
    """
    rows = {row["id"]: row for row in
            (records if records is not None else browse.article_rows(store, ids))}
    items = []
    for sentence in stored_sentences(store, list(rows)):
        row = rows[sentence.article_id]
        is_copy = bool(row["reprint_of"] or row["exact_duplicate_of"])
        items.append(Said(sentence.article_id, sentence.idx, sentence.text,
                          str(row["source"] or row["wire"] or "unknown outlet"),
                          row["published"], (1 if is_copy else 0, int(row["seq"]))))
    return items


def whatsnew(store: Store, storyline_id: str, since: str) -> dict[str, Any]:
    """What the storyline's articles since ``since`` report that no earlier one did.

    Raises:
        NotFoundError: No storyline has (or had) this id.
        InputError: ``since`` is not YYYY, YYYY-MM or YYYY-MM-DD.
    """
    if not DAY.match(since):
        raise InputError(f"since {since!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    found_id = _existing_storyline(store, storyline_id)
    ids = browse.storyline_article_ids(store, found_id)
    return {"storyline_id": found_id, "since": since,
            "dates": whats_new(said_items(store, ids), since)}


def coverage(store: Store, event_id: str) -> list[dict[str, Any]]:
    """How each outlet covered the event (``narrate.coverage``).

    Raises:
        NotFoundError: No event has (or had) this id.
    """
    row = browse.event_row(store, current_id(store, event_id))
    if row is None:
        raise NotFoundError(f"no event {event_id!r} in this database")
    return compare_coverage(said_items(store, row["articles"]))


def dates_of(record: Article) -> list[dict[str, Any]]:
    """The article's date expressions with TIMEX3 values (``text``, ``start``, ``end``, ``value``).

    Expressions stored unresolved (the article's own date was learnt later, from its
    event) are resolved against the date it has now.
    """
    return [{"text": t.text, "start": t.start, "end": t.end, "value": t.value}
            for t in resolved_expressions(record) if t.value]


def entity(store: Store, name: str) -> dict[str, Any]:
    """A name: its mentions over time, its events, and the quotes it is given.

    Raises:
        NotFoundError: No article names it.
    """
    key = name_key(name)
    rows = browse.entity_articles(store, key)
    if not rows:
        raise NotFoundError(f"no article names {name!r}")
    spellings: dict[str, int] = defaultdict(int)
    by_day: dict[str, int] = defaultdict(int)
    events: dict[str, int] = defaultdict(int)
    for row in rows:
        spellings[row["spelling"]] += int(row["count"])
        if row["published"]:
            by_day[row["published"][:10]] += int(row["count"])
        if row["event_id"]:
            events[row["event_id"]] += 1
    ids = [row["article_id"] for row in rows]
    said = [q for q in quotes(store, ids) if q["speaker"] and name_key(q["speaker"]) == key]
    spelling = max(spellings, key=lambda s: spellings[s])
    # One read for all its events (with their article counts), not one per event.
    listed = browse.events_by_id(store, list(events))
    event_rows = [listed[e] for e in sorted(events, key=lambda e: -events[e]) if e in listed]
    return {
        "name": spelling, "key": key, "label": rows[0]["label"],
        "articles": len(set(ids)), "mentions": sum(spellings.values()),
        "mentions_by_day": [{"date": d, "mentions": n} for d, n in sorted(by_day.items())],
        "events": [{"event_id": e["event_id"], "title": e["title"], "date": e["date"],
                    "storyline_id": e["storyline_id"], "article_count": e["article_count"]}
                   for e in event_rows],
        "quotes": said,
        "article_records": rows[:200],
    }
