"""The Spark executor: local[1] against local[2], and equivalence with `storyline run`.

    python bench/spark.py --data ../shared/data [--limit N] [--partitions P]
                          [--no-scaling] [--no-equivalence]

- scaling: the first N dev articles (syndication-dev, then t17-dev, as bench/throughput.py)
  as JSONL files of 100 records, through `run_spark` with master local[1], then local[2]
  (same partitions, each run in a fresh Spark session). Prints articles/s of the
  distributed phase (reading + clean + language, results stored on the driver) and end
  to end (with the corpus steps, which run on the driver in both), and the ratios
  local[2] / local[1] (the same-run reference is the local[1] run);
- reference, same run: a pure-Python CPU loop over 8 partitions in local[1] and local[2]
  sessions, just before each run: the speed-up this machine gives a second core right now
  (other jobs share it); and, over each whole run (Linux), the cores that other jobs kept
  busy on average: the machine's busy time (/proc/stat) less this process tree's (the
  driver, the JVM, the Python workers), over the wall time;
- equivalence: syndication-dev and ecbplus-dev each through `storyline run` and through
  Spark local[2]: identical duplicate groups? ARI of the event partitions.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devsets import dev_records, write_inputs  # noqa: E402

from storyline.config import load_config  # noqa: E402
from storyline.scale.compare import compare_runs  # noqa: E402
from storyline.scale.driver import run_spark  # noqa: E402


def _burn(items: object) -> object:
    total = 0
    for _ in items:  # type: ignore[attr-defined]
        for i in range(3_000_000):
            total += i % 7
    yield total


def cpu_reference(master: str) -> float:
    """Seconds for 8 partitions of a CPU loop in ``master`` (workers warmed first)."""
    from storyline.scale.session import start_session

    session = start_session(master)
    context = session.sparkContext
    context.parallelize(range(2), 2).mapPartitions(_burn).collect()
    started = time.perf_counter()
    context.parallelize(range(8), 8).mapPartitions(_burn).collect()
    seconds = time.perf_counter() - started
    session.stop()
    return seconds


def _tree_cpu_seconds(root: int) -> float:
    """CPU seconds of ``root`` and its live descendants, with the children they reaped."""
    parents: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            # After the command name: state, ppid, ..., utime, stime, cutime, cstime.
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        ticks[int(entry.name)] = sum(int(value) for value in fields[11:15])
    tree = {root}
    grown = True
    while grown:
        more = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= more
        grown = bool(more)
    return sum(ticks.get(pid, 0) for pid in tree) / os.sysconf("SC_CLK_TCK")


def _machine_busy_seconds() -> float:
    """CPU seconds all cores spent busy since boot (/proc/stat: all but idle and iowait)."""
    with open("/proc/stat", encoding="ascii") as stat:
        values = [int(value) for value in stat.readline().split()[1:]]
    return (sum(values) - values[3] - values[4]) / os.sysconf("SC_CLK_TCK")


def other_jobs() -> tuple[float, float, float]:
    """(machine busy, this tree's CPU, wall) seconds now, to subtract later."""
    return _machine_busy_seconds(), _tree_cpu_seconds(os.getpid()), time.perf_counter()


def others_cores(start: tuple[float, float, float]) -> float:
    """Cores other jobs kept busy on average since ``start``."""
    busy, ours, wall = (now - then for now, then in zip(other_jobs(), start, strict=True))
    return max(0.0, (busy - ours) / wall)


def scaling(data: Path, limit: int, partitions: int | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        files = write_inputs(dev_records(data, limit), Path(tmp) / "in")
        rows = {}
        reference = {}
        for master in ("local[1]", "local[2]"):
            reference[master] = cpu_reference(master)
            others = other_jobs()
            started = time.perf_counter()
            summary = run_spark(files, Path(tmp) / master, load_config(), master=master,
                                partitions=partitions)
            total = time.perf_counter() - started
            busy = others_cores(others)
            rows[master] = (summary.stored, summary.record_seconds, total)
            print(f"{master}: {summary.stored} articles; distributed phase "
                  f"{summary.record_seconds:.1f} s ({summary.stored / summary.record_seconds:.2f}"
                  f" articles/s); end to end {total:.1f} s "
                  f"({summary.stored / total:.2f} articles/s; corpus steps "
                  f"{summary.corpus_seconds:.1f} s); other jobs kept {busy:.2f} of "
                  f"{os.cpu_count()} cores busy on average", flush=True)
        one, two = rows["local[1]"], rows["local[2]"]
        print(f"local[2] / local[1]: distributed phase {one[1] / two[1]:.2f}x, "
              f"end to end {one[2] / two[2]:.2f}x; reference CPU loop "
              f"{reference['local[1]'] / reference['local[2]']:.2f}x "
              f"({reference['local[1]']:.1f} s / {reference['local[2]']:.1f} s)")


def equivalence(data: Path) -> None:
    for name in ("syndication-dev", "ecbplus-dev"):
        with tempfile.TemporaryDirectory() as tmp:
            result = compare_runs([str(data / name / "articles.jsonl")], load_config(),
                                  Path(tmp))
        print(f"{name}: {result.articles} articles; identical duplicate groups: "
              f"{result.same_groups} ({result.groups} groups); event ARI {result.event_ari:.4f} "
              f"({result.events_local} local / {result.events_spark} Spark events); "
              f"local run {result.local_seconds:.1f} s, Spark local[2] "
              f"{result.spark_seconds:.1f} s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--limit", type=int, default=1000, help="articles for the scaling run")
    parser.add_argument("--partitions", type=int, default=None,
                        help="default: the executor's (one per 64 articles)")
    parser.add_argument("--no-scaling", action="store_true")
    parser.add_argument("--no-equivalence", action="store_true")
    args = parser.parse_args()
    if not args.no_scaling:
        scaling(args.data, args.limit, args.partitions)
    if not args.no_equivalence:
        equivalence(args.data)


if __name__ == "__main__":
    main()
