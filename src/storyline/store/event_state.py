"""The events step's own state: what a run that adds k articles needs, looked up, not loaded.

A full clustering writes it all (:class:`EventState` with ``replace_all``); a run that adds
articles reads the few rows its new articles point to — their terms' columns, the events
holding their strongest terms, those events' members — and writes back what changed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from storyline.store.db import Store
from storyline.store.events import EventRow
from storyline.store.provenance import chunks


@dataclass
class FeatureRow:
    """One article as the events step compares it (see ``storyline.events.state``)."""

    cols: bytes
    vals: bytes
    keys: str
    evidence: str


@dataclass
class EventState:
    """The events step's state to write; empty fields change nothing."""

    replace_all: bool = False
    """True: a full clustering — every state table is replaced by what follows."""
    meta: dict[str, str] = field(default_factory=dict)
    space: list[tuple[str, str, int, float]] = field(default_factory=list)
    """(facet, term, column, idf) of the space: all of it, or terms new to it."""
    features: dict[str, FeatureRow] = field(default_factory=dict)
    event_terms: dict[str, list[int]] = field(default_factory=dict)
    """Event → its strongest columns, replacing any it had."""
    event_keys: dict[str, dict[str, float]] = field(default_factory=dict)
    """Event → {entity key: share of its articles naming it}, replacing any it had."""
    removed_events: list[str] = field(default_factory=list)
    """Events merged into others or emptied: their rows go."""
    aliases: dict[str, str] = field(default_factory=dict)
    """Old id → the id it was merged into."""
    updates: list[EventRow] = field(default_factory=list)
    """Events (with their members and storyline) to insert or replace."""
    moved: dict[str, str | None] = field(default_factory=dict)
    """Event → its storyline now, for events whose members did not change."""
    storylines_left: list[str] = field(default_factory=list)
    """Storylines the changed, moved or removed events were in (removed if now empty)."""


# Reading ------------------------------------------------------------------------------------


def event_meta(store: Store) -> dict[str, str]:
    """The state's settings: when and how the space was fitted (empty: never)."""
    return {row["key"]: row["value"] for row in store.conn.execute(
        "SELECT key, value FROM event_meta")}


def _rows_in(store: Store, sql: str, values: Iterable[Any], first: tuple[Any, ...] = ()
             ) -> Iterator[sqlite3.Row]:
    """Rows of ``sql`` for ``values``, a chunk at a time: ``{marks}`` is the ``IN`` list.

    ``first`` are parameters bound before the list.
    """
    for part in chunks(sorted(set(values))):
        yield from store.conn.execute(sql.format(marks=",".join("?" * len(part))),
                                      (*first, *part))


def space_columns(store: Store, terms: Mapping[str, Iterable[str]]
                  ) -> dict[tuple[str, str], tuple[int, float]]:
    """(facet, term) → (column, idf) for those of the given facet terms that are known."""
    found: dict[tuple[str, str], tuple[int, float]] = {}
    for facet, words in terms.items():
        sql = "SELECT term, col, idf FROM event_space WHERE facet = ? AND term IN ({marks})"
        for term, col, idf in _rows_in(store, sql, words, (facet,)):
            found[(facet, term)] = (col, idf)
    return found


def feature_rows(store: Store, ids: Sequence[str]) -> dict[str, FeatureRow]:
    """Article id → its stored feature row, for those of ``ids`` that have one."""
    sql = ("SELECT article_id, cols, vals, keys, evidence FROM event_features "
           "WHERE article_id IN ({marks})")
    return {row[0]: FeatureRow(*row[1:]) for row in _rows_in(store, sql, ids)}


def events_with_terms(store: Store, cols: Iterable[int]) -> set[str]:
    """Events that count one of ``cols`` among their strongest terms."""
    sql = "SELECT DISTINCT event_id FROM event_terms WHERE col IN ({marks})"
    return {row[0] for row in _rows_in(store, sql, cols)}


def events_of_articles(store: Store, ids: Sequence[str]) -> dict[str, str]:
    """Article id → the event holding it, for those of ``ids`` in one."""
    found: dict[str, str] = {}
    sql = ("SELECT article_id, event_id FROM event_articles WHERE article_id IN ({marks}) "
           "ORDER BY event_id")
    for article_id, event_id in _rows_in(store, sql, ids):
        found.setdefault(article_id, event_id)
    return found


def members_of_events(store: Store, event_ids: Iterable[str]) -> dict[str, list[str]]:
    """Event id → its article ids in arrival order, for the given events."""
    found: dict[str, list[str]] = {}
    sql = ("SELECT ea.event_id, ea.article_id FROM event_articles ea JOIN articles a "
           "ON a.id = ea.article_id WHERE ea.event_id IN ({marks}) ORDER BY a.seq")
    for event_id, article_id in _rows_in(store, sql, event_ids):
        found.setdefault(event_id, []).append(article_id)
    return found


def event_rows_of(store: Store, event_ids: Iterable[str]
                  ) -> dict[str, tuple[str | None, str | None, str]]:
    """Event id → (storyline id, date, date precision), for the given events."""
    sql = ("SELECT event_id, storyline_id, date, date_precision FROM events "
           "WHERE event_id IN ({marks})")
    return {row[0]: (row[1], row[2], row[3]) for row in _rows_in(store, sql, event_ids)}


def event_titles(store: Store, event_ids: Iterable[str]) -> dict[str, str]:
    """Event id → its title, for the given events that have one."""
    sql = "SELECT event_id, title FROM events WHERE event_id IN ({marks}) AND title IS NOT NULL"
    return {event_id: title for event_id, title in _rows_in(store, sql, event_ids)}


def events_of_storylines(store: Store, storyline_ids: Iterable[str]) -> dict[str, list[str]]:
    """Storyline id → its event ids, for the given storylines."""
    found: dict[str, list[str]] = {}
    sql = ("SELECT storyline_id, event_id FROM events WHERE storyline_id IN ({marks}) "
           "ORDER BY event_id")
    for storyline_id, event_id in _rows_in(store, sql, storyline_ids):
        found.setdefault(storyline_id, []).append(event_id)
    return found


def key_shares(store: Store, event_ids: Iterable[str]) -> dict[str, dict[str, float]]:
    """Event id → {entity key: share of its articles naming it}."""
    found: dict[str, dict[str, float]] = {}
    sql = "SELECT event_id, key, share FROM event_keys WHERE event_id IN ({marks})"
    for event_id, key, share in _rows_in(store, sql, event_ids):
        found.setdefault(event_id, {})[key] = share
    return found


def key_counts(store: Store, keys: Iterable[str]) -> dict[str, int]:
    """Entity key → how many stored events name it."""
    sql = "SELECT key, COUNT(*) FROM event_keys WHERE key IN ({marks}) GROUP BY key"
    return {key: n for key, n in _rows_in(store, sql, keys)}


def events_with_keys(store: Store, keys: Iterable[str]) -> dict[str, set[str]]:
    """Entity key → the events naming it."""
    found: dict[str, set[str]] = {}
    sql = "SELECT key, event_id FROM event_keys WHERE key IN ({marks})"
    for key, event_id in _rows_in(store, sql, keys):
        found.setdefault(key, set()).add(event_id)
    return found


def event_sizes(store: Store, event_ids: Iterable[str]) -> dict[str, int]:
    """Event id → how many articles it holds, for the given events."""
    sql = ("SELECT event_id, COUNT(*) FROM event_articles WHERE event_id IN ({marks}) "
           "GROUP BY event_id")
    return {event_id: n for event_id, n in _rows_in(store, sql, event_ids)}


def event_count(store: Store) -> int:
    """How many events are stored."""
    return int(store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0])


def aliases(store: Store) -> dict[str, str]:
    """Every recorded alias: old event or storyline id → the id it lives on as."""
    return {row["alias"]: row["id"] for row in store.conn.execute(
        "SELECT alias, id FROM aliases")}


# Writing ------------------------------------------------------------------------------------


def save_event_state(store: Store, state: EventState) -> None:
    """Write the events step's state (see :class:`EventState`)."""
    with store.transaction() as conn:
        if state.replace_all:
            for table in ("event_space", "event_meta", "event_features", "event_terms",
                          "event_keys"):
                conn.execute(f"DELETE FROM {table}")
        conn.executemany("INSERT INTO event_space (facet, term, col, idf) VALUES (?, ?, ?, ?)",
                         state.space)
        conn.executemany("INSERT OR REPLACE INTO event_meta (key, value) VALUES (?, ?)",
                         sorted(state.meta.items()))
        conn.executemany(
            "INSERT OR REPLACE INTO event_features (article_id, cols, vals, keys, evidence) "
            "VALUES (?, ?, ?, ?, ?)",
            [(i, row.cols, row.vals, row.keys, row.evidence)
             for i, row in state.features.items()])
        gone = [(e,) for e in [*state.removed_events, *state.event_terms, *state.event_keys]]
        if not state.replace_all:
            conn.executemany("DELETE FROM event_terms WHERE event_id = ?", gone)
            conn.executemany("DELETE FROM event_keys WHERE event_id = ?", gone)
        conn.executemany("INSERT INTO event_terms (col, event_id) VALUES (?, ?)",
                         [(col, e) for e, cols in state.event_terms.items() for col in cols])
        conn.executemany("INSERT INTO event_keys (key, event_id, share) VALUES (?, ?, ?)",
                         [(key, e, share) for e, shares in state.event_keys.items()
                          for key, share in shares.items()])
        for alias, target in sorted(state.aliases.items()):
            # Earlier aliases of the merged id now lead to where it went.
            conn.execute("UPDATE aliases SET id = ? WHERE id = ?", (target, alias))
            conn.execute("INSERT OR REPLACE INTO aliases (alias, id) VALUES (?, ?)",
                         (alias, target))
        if state.updates or state.removed_events or state.moved:
            _update_events(store, state)
        # An id in use again (a split gave a group its old hash) is no alias any more.
        if state.replace_all:
            conn.execute("DELETE FROM aliases WHERE alias IN (SELECT event_id FROM events) "
                         "OR alias IN (SELECT storyline_id FROM storylines)")
        else:
            used = {row.event_id for row in state.updates}
            used |= {row.storyline_id for row in state.updates if row.storyline_id}
            used |= {s for s in state.moved.values() if s}
            conn.executemany("DELETE FROM aliases WHERE alias = ?", [(i,) for i in sorted(used)])


def _update_events(store: Store, state: EventState) -> None:
    """Insert or replace some events (members, storyline, date); delete the removed ones."""
    conn, updates = store.conn, state.updates
    conn.executemany("DELETE FROM events WHERE event_id = ?",
                     [(e,) for e in state.removed_events])
    moved = sorted(state.moved.items())
    conn.executemany("INSERT OR IGNORE INTO storylines (storyline_id) VALUES (?)",
                     sorted({(s,) for _, s in moved if s}))
    conn.executemany("UPDATE events SET storyline_id = ? WHERE event_id = ?",
                     [(s, e) for e, s in moved])
    conn.executemany("DELETE FROM event_articles WHERE event_id = ?",
                     [(e.event_id,) for e in updates])
    conn.executemany("INSERT OR IGNORE INTO storylines (storyline_id) VALUES (?)",
                     sorted({(e.storyline_id,) for e in updates if e.storyline_id}))
    for event in updates:
        conn.execute(
            """INSERT INTO events (event_id, storyline_id, date, date_precision)
               VALUES (?, ?, ?, ?)
               ON CONFLICT(event_id) DO UPDATE SET storyline_id = excluded.storyline_id,
                   date = excluded.date, date_precision = excluded.date_precision""",
            (event.event_id, event.storyline_id, event.date, event.date_precision))
        conn.executemany("INSERT INTO event_articles (event_id, article_id) VALUES (?, ?)",
                         [(event.event_id, a) for a in event.articles])
    # A storyline left without events goes (its events moved or were merged away): only
    # those the changed events were in or go to can be, checked by the storyline index.
    conn.executemany(
        "DELETE FROM storylines WHERE storyline_id = ? AND NOT EXISTS "
        "(SELECT 1 FROM events WHERE storyline_id = ?)",
        [(s, s) for s in sorted(set(state.storylines_left))])
