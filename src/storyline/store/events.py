"""Reading and writing events, storylines and which articles belong to them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storyline.store.db import Store


@dataclass
class EventRow:
    """One event as the events step stores it (narrate adds title and summary)."""

    event_id: str
    storyline_id: str
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


def duplicate_groups(store: Store) -> dict[str, str]:
    """Article id → its duplicate group (copies of one story), where provenance set one."""
    rows = store.conn.execute(
        "SELECT article_id, duplicate_group FROM provenance WHERE duplicate_group IS NOT NULL"
    )
    return {row["article_id"]: row["duplicate_group"] for row in rows}


def save_events(store: Store, events: Sequence[EventRow]) -> None:
    """Replace the event assignment, keeping titles and summaries of events that persist."""
    with store.transaction() as conn:
        keep = {event.event_id for event in events}
        stale = [
            row[0] for row in conn.execute("SELECT event_id FROM events") if row[0] not in keep
        ]
        conn.executemany("DELETE FROM events WHERE event_id = ?", [(e,) for e in stale])
        conn.execute("DELETE FROM event_articles")
        storylines = {event.storyline_id for event in events}
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
        # Storylines no event points to any more go last, once no row refers to them.
        conn.execute(
            f"DELETE FROM storylines WHERE storyline_id NOT IN ({','.join('?' * len(storylines))})",
            tuple(storylines),
        )
