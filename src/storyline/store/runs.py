"""Run bookkeeping: when a run started and finished, what it skipped, what it left undone."""

from __future__ import annotations

import json
from collections.abc import Sequence

from storyline.model import Skip
from storyline.store.db import Store


def start_run(store: Store) -> tuple[int, list[int]]:
    """Record a new run; earlier runs that never finished are marked interrupted.

    Returns:
        The new run's id, and the ids of the interrupted runs whose work it takes over.
    """
    with store.transaction() as conn:
        run_id = conn.execute("INSERT INTO runs DEFAULT VALUES").lastrowid
        assert run_id is not None
        earlier = [row[0] for row in conn.execute(
            "SELECT run_id FROM runs WHERE status = 'running' AND run_id != ?", (run_id,))]
        conn.executemany(
            "UPDATE runs SET status = 'interrupted', resumed_by = ? WHERE run_id = ?",
            [(run_id, other) for other in earlier],
        )
    return run_id, earlier


def record_skips(store: Store, run_id: int, skips: Sequence[Skip]) -> None:
    """Keep what a run skipped, with the reasons, for later inspection."""
    if not skips:
        return
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO skipped (run_id, origin, line, reason) VALUES (?, ?, ?, ?)",
            [(run_id, s.origin, s.line, s.reason) for s in skips],
        )


def finish_run(store: Store, run_id: int, stats: dict[str, int]) -> None:
    """Mark a run finished with its counts."""
    with store.transaction() as conn:
        conn.execute(
            "UPDATE runs SET finished_at = datetime('now'), status = 'finished', stats = ? "
            "WHERE run_id = ?",
            (json.dumps(stats), run_id),
        )
