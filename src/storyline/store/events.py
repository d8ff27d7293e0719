"""Reading and writing events, storylines and which articles belong to them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from storyline.store.db import Store
from storyline.store.provenance import chunks


@dataclass
class EventRow:
    """One event as the events step stores it (narrate adds title and summary)."""

    event_id: str
    storyline_id: str | None
    """``None``: an unlinked event (one article, linked to no other event)."""
    date: str | None
    date_precision: str
    articles: list[str]


def event_members(store: Store) -> dict[str, set[str]]:
    """Event id → ids of its articles."""
    members: dict[str, set[str]] = {}
    for row in store.conn.execute("SELECT event_id, article_id FROM event_articles"):
        members.setdefault(row["event_id"], set()).add(row["article_id"])
    return members


def storyline_members(store: Store) -> dict[str, set[str]]:
    """Storyline id → ids of its events."""
    members: dict[str, set[str]] = {}
    for row in store.conn.execute("SELECT event_id, storyline_id FROM events"):
        if row["storyline_id"]:
            members.setdefault(row["storyline_id"], set()).add(row["event_id"])
    return members


def event_members_in_order(store: Store) -> dict[str, list[str]]:
    """Return {event id: article ids in arrival order}."""
    members: dict[str, list[str]] = defaultdict(list)
    rows = store.conn.execute(
        "SELECT ea.event_id, ea.article_id FROM event_articles ea "
        "JOIN articles a ON a.id = ea.article_id ORDER BY a.seq"
    )
    for row in rows:
        members[row["event_id"]].append(row["article_id"])
    return dict(members)


@dataclass(frozen=True)
class EventDate:
    """The date an event happened, as precise as the events step could tell."""

    event_id: str
    storyline_id: str | None
    date: str | None
    precision: str


def article_events(store: Store, ids: Sequence[str] | None = None) -> dict[str, EventDate]:
    """Return {article id: its event}, of all articles or of ``ids``.

    An article in several events gets the earliest.
    """
    query = ("SELECT ea.article_id, e.event_id, e.storyline_id, e.date, e.date_precision "
             "FROM event_articles ea JOIN events e ON e.event_id = ea.event_id{where} "
             "ORDER BY e.date IS NULL, e.date, e.event_id")
    # Each id is in one chunk, so "earliest first" holds across chunks.
    batches: Iterable[Sequence[str] | None] = [None] if ids is None else chunks(sorted(set(ids)))
    found: dict[str, EventDate] = {}
    for chunk in batches:
        where = "" if chunk is None else f" WHERE ea.article_id IN ({','.join('?' * len(chunk))})"
        for row in store.conn.execute(query.format(where=where), tuple(chunk or ())):
            found.setdefault(
                row["article_id"],
                EventDate(row["event_id"], row["storyline_id"], row["date"],
                          row["date_precision"]),
            )
    return found


def event_texts(store: Store) -> list[tuple[str, str | None, str]]:
    """(event id, title, summary JSON) of every stored event, in the store's order."""
    rows = store.conn.execute("SELECT event_id, title, summary FROM events")
    return [(row["event_id"], row["title"], row["summary"]) for row in rows]


def storyline_events(store: Store) -> list[tuple[str, str | None, str | None, str | None]]:
    """(storyline id, its title, event id, event title) per storyline and event of it.

    A storyline without events comes once, with ``None`` for the event.
    """
    rows = store.conn.execute(
        "SELECT s.storyline_id, s.title, e.event_id, e.title AS event_title "
        "FROM storylines s LEFT JOIN events e ON e.storyline_id = s.storyline_id"
    )
    return [(row["storyline_id"], row["title"], row["event_id"], row["event_title"])
            for row in rows]


def event_rows(store: Store) -> list[dict[str, Any]]:
    """Every event's stored columns, by date (undated last), then event id."""
    rows = store.conn.execute(
        "SELECT event_id, storyline_id, date, date_precision, title, summary FROM events "
        "ORDER BY date IS NULL, date, event_id"
    )
    return [dict(row) for row in rows]


def storyline_rows(store: Store) -> list[tuple[str, str | None]]:
    """(storyline id, title) of every stored storyline, in the store's order."""
    rows = store.conn.execute("SELECT storyline_id, title FROM storylines")
    return [(row["storyline_id"], row["title"]) for row in rows]


def storyline_exists(store: Store, storyline_id: str) -> bool:
    """Whether a storyline with this id is stored."""
    return store.conn.execute(
        "SELECT 1 FROM storylines WHERE storyline_id = ?", (storyline_id,)).fetchone() is not None


def current_id(store: Store, old_id: str) -> str:
    """The id an event or storyline lives on as: itself, or what it was merged into."""
    row = store.conn.execute("SELECT id FROM aliases WHERE alias = ?", (old_id,)).fetchone()
    return str(row["id"]) if row else old_id


def save_event_texts(store: Store, texts: Mapping[str, tuple[str | None, str]]) -> None:
    """Set the title and summary JSON of the given events."""
    with store.transaction() as conn:
        conn.executemany("UPDATE events SET title = ?, summary = ? WHERE event_id = ?",
                         [(title, summary, event_id)
                          for event_id, (title, summary) in texts.items()])


def save_storyline_titles(store: Store, titles: Mapping[str, str | None]) -> None:
    """Set the titles of the given storylines."""
    with store.transaction() as conn:
        conn.executemany("UPDATE storylines SET title = ? WHERE storyline_id = ?",
                         [(title, storyline_id) for storyline_id, title in titles.items()])


def save_events(store: Store, events: Sequence[EventRow]) -> None:
    """Replace the event assignment, keeping titles and summaries of events that persist."""
    with store.transaction() as conn:
        keep = {event.event_id for event in events}
        stale = [
            row[0] for row in conn.execute("SELECT event_id FROM events") if row[0] not in keep
        ]
        conn.executemany("DELETE FROM events WHERE event_id = ?", [(e,) for e in stale])
        conn.execute("DELETE FROM event_articles")
        storylines = {event.storyline_id for event in events if event.storyline_id}
        conn.executemany(
            "INSERT OR IGNORE INTO storylines (storyline_id) VALUES (?)",
            [(s,) for s in sorted(storylines)],
        )
        for event in events:
            conn.execute(
                """INSERT INTO events (event_id, storyline_id, date, date_precision)
                   VALUES (?, ?, ?, ?)
                   ON CONFLICT(event_id) DO UPDATE SET storyline_id = excluded.storyline_id,
                       date = excluded.date, date_precision = excluded.date_precision""",
                (event.event_id, event.storyline_id, event.date, event.date_precision),
            )
            conn.executemany(
                "INSERT INTO event_articles (event_id, article_id) VALUES (?, ?)",
                [(event.event_id, article_id) for article_id in event.articles],
            )
        # Storylines no event points to any more go last, once no row refers to them
        # (a subquery, not one bound parameter per storyline: SQLite caps those).
        conn.execute(
            "DELETE FROM storylines WHERE storyline_id NOT IN "
            "(SELECT storyline_id FROM events WHERE storyline_id IS NOT NULL)"
        )
