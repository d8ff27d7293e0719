"""Crash consistency: SIGKILL at random points, re-run, exports equal an uninterrupted run."""

from __future__ import annotations

from pathlib import Path

from kill_harness import kill_session
from synthetic import write_corpus


def test_random_kills_heal_to_the_uninterrupted_result(tmp_path: Path) -> None:
    files = write_corpus(tmp_path / "inputs", articles=200, seed=11)
    report = kill_session([str(path) for path in files], tmp_path / "work", kills=5, seed=3)
    assert len(report.kills) == 5
    assert report.differences == [], f"exports differ after kills at {report.kills}"
