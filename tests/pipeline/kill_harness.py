"""Kill `storyline run` at random points and check that re-running heals the store.

Used by tests/pipeline/test_kills.py (a few kills on a small invented corpus, in CI) and by
bench/kills.py (dozens of kills on thousands of dev articles).
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

EXPORT_KINDS = ("articles", "events", "storylines", "passages", "quotes", "entities")
RUN = [sys.executable, "-c", "from storyline.cli import main; main()"]


@dataclass
class KillReport:
    """What a kill session did."""

    baseline_seconds: float = 0.0
    kills: list[float] = field(default_factory=list)  # seconds after start of each kill
    attempts: int = 0
    differences: list[str] = field(default_factory=list)


def run_once(inputs: list[str], db: Path, timeout: float | None = None) -> tuple[int, float]:
    """Run `storyline run` to the end (or until ``timeout``, then SIGKILL).

    Returns:
        Exit code (-9 when killed) and seconds taken.

    Raises:
        RuntimeError: The run failed (its standard error is in the message).
    """
    started = time.monotonic()
    log = db.with_suffix(".log")
    with log.open("w") as errors:
        process = subprocess.Popen([*RUN, "run", *inputs, "--db", str(db)],
                                   stdout=subprocess.DEVNULL, stderr=errors)
        try:
            code = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait()
            code = -9
    if code not in (0, 3, -9):
        raise RuntimeError(f"storyline run exited {code}: {log.read_text()[-2000:]}")
    return code, time.monotonic() - started


def export_all(db: Path, folder: Path) -> dict[str, bytes]:
    """Export every kind of record as JSON lines; returns kind → bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, bytes] = {}
    for kind in EXPORT_KINDS:
        target = folder / f"{kind}.jsonl"
        subprocess.run([*RUN, "export", "--db", str(db), "--what", kind, "--format", "jsonl",
                        "-o", str(target)], check=True, stdout=subprocess.DEVNULL)
        out[kind] = target.read_bytes()
    return out


def kill_session(inputs: list[str], workdir: Path, kills: int, seed: int = 1,
                 startup: float = 2.5) -> KillReport:
    """Run once uninterrupted, then again with ``kills`` SIGKILLs at random points.

    Kill delays are drawn so that the killed attempts together cover about the whole
    run (ingest, every corpus step, start-up) before a last attempt completes it.
    """
    rng = random.Random(seed)
    workdir.mkdir(parents=True, exist_ok=True)
    report = KillReport()
    reference_db = workdir / "reference.db"
    code, report.baseline_seconds = run_once(inputs, reference_db)
    killed_db = workdir / "killed.db"
    span = max(report.baseline_seconds - startup, 0.5)
    while len(report.kills) < kills:
        delay = rng.uniform(0.2, startup + 2 * span / kills)
        report.attempts += 1
        code, _ = run_once(inputs, killed_db, timeout=delay)
        if code == -9:
            report.kills.append(round(delay, 2))
    report.attempts += 1
    run_once(inputs, killed_db)  # finish the job
    expected = export_all(reference_db, workdir / "reference")
    got = export_all(killed_db, workdir / "killed")
    for kind in EXPORT_KINDS:
        if expected[kind] != got[kind]:
            report.differences.append(kind)
    return report
