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
