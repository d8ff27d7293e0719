"""Saving events never binds one SQL parameter per storyline (SQLite caps them: 32,766 in
many builds, 250,000 in Debian's; a corpus of millions of articles passes either)."""

from __future__ import annotations

import sqlite3

from storyline.store.db import Store
from storyline.store.events import EventRow, save_events


def test_more_storylines_than_sql_parameters_save_and_stale_ones_go() -> None:
    store = Store(":memory:")
    store.conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 500)
    rows = [EventRow(f"ev-{i}", f"sl-{i}", None, "unknown", []) for i in range(2_000)]
    save_events(store, rows)
    save_events(store, rows[:10] + [EventRow("ev-x", None, None, "unknown", [])])
    kept = {row[0] for row in store.conn.execute("SELECT storyline_id FROM storylines")}
    assert kept == {f"sl-{i}" for i in range(10)}


def test_article_events_of_some_ids_read_in_chunks_and_keep_the_earliest() -> None:
    from storyline.model import Article
    from storyline.store.articles import save_articles
    from storyline.store.events import article_events

    store = Store(":memory:")
    store.conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 500)
    save_articles(store, [Article(id=f"a{i}", text="x") for i in range(1_200)], {"t": "1"})
    rows = [EventRow(f"ev-{i}", "sl-1", f"2024-01-{1 + i % 28:02d}", "day", [f"a{i}"])
            for i in range(1_200)]
    rows.append(EventRow("ev-early", "sl-1", "2023-12-31", "day", ["a5"]))  # a5 in two
    save_events(store, rows)
    wanted = [f"a{i}" for i in range(0, 1_200, 2)] + ["missing"]
    found = article_events(store, wanted)
    assert set(found) == {f"a{i}" for i in range(0, 1_200, 2)}
    assert found["a4"].event_id == "ev-4"
    assert article_events(store)["a5"].event_id == "ev-early"
    assert article_events(store, ["a5"])["a5"].event_id == "ev-early"
    assert article_events(store, []) == {}
