"""Read-only views of the store shared by narrate, timeline and render."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from storyline.store.db import Store


@dataclass(frozen=True)
class Provenance:
    """Where one stored copy comes from (all ``None`` when provenance did not run)."""

    duplicate_group: str | None = None
    reprint_of: str | None = None
    version_of: str | None = None
    exact_duplicate_of: str | None = None

    @property
    def is_copy(self) -> bool:
        """True for a reprint or an exact duplicate: cite the original instead."""
        return bool(self.reprint_of or self.exact_duplicate_of)


def load_provenance(store: Store) -> dict[str, Provenance]:
    """Return {article id: provenance} for every article provenance has seen."""
    rows = store.conn.execute(
        "SELECT article_id, duplicate_group, reprint_of, version_of, exact_duplicate_of "
        "FROM provenance"
    )
    return {
        row["article_id"]: Provenance(
            row["duplicate_group"], row["reprint_of"], row["version_of"],
            row["exact_duplicate_of"],
        )
        for row in rows
    }


def arrival_order(store: Store) -> dict[str, int]:
    """Return {article id: arrival sequence number}, a stable tie-breaker."""
    return {row["id"]: row["seq"] for row in store.conn.execute("SELECT id, seq FROM articles")}


def event_members(store: Store) -> dict[str, list[str]]:
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


def article_events(store: Store) -> dict[str, EventDate]:
    """Return {article id: its event}; an article in several events gets the earliest."""
    rows = store.conn.execute(
        "SELECT ea.article_id, e.event_id, e.storyline_id, e.date, e.date_precision "
        "FROM event_articles ea JOIN events e ON e.event_id = ea.event_id "
        "ORDER BY e.date IS NULL, e.date, e.event_id"
    )
    found: dict[str, EventDate] = {}
    for row in rows:
        found.setdefault(
            row["article_id"],
            EventDate(row["event_id"], row["storyline_id"], row["date"], row["date_precision"]),
        )
    return found


def citation_preference(
    article_id: str, provenance: dict[str, Provenance], order: dict[str, int]
) -> tuple[int, int]:
    """Sort key: originals before copies, then earlier arrivals first."""
    is_copy = provenance.get(article_id, Provenance()).is_copy
    return (1 if is_copy else 0, order.get(article_id, 0))
