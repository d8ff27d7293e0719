"""Storylines on mixed Timeline17 topics: does each story come out as its own storyline?

    python bench/storylines.py [DATA_DIR] [--topics A,B,...] [--per-topic N] [--seed S]
                               [--cache DIR] [--set events.KEY=VALUE ...]

The articles of several t17-dev topics (all of them, or a seeded sample of N per topic) are
run together through `storyline run` into one store; each topic is one story. Printed:

- BCubed P/R/F1 of each article's storyline against its topic (an article of an unlinked
  event counts as a storyline of its own);
- the number of storylines, the largest (articles), the share of articles in unlinked
  events (a one-article storyline), and the storylines that hold articles of two stories
  in more than 5 % of their articles ("mixed");
- reference, same run, same articles: TF-IDF (title + text) average-link clustering of
  the articles at its best threshold against topic (an oracle: the threshold is picked
  on the answer), and the ratio.

The analysed store is kept in ``--cache`` (keyed by the topics and sample), so later runs
only redo the events step, with ``--set`` overrides of the ``[events]`` settings: that is
how settings are tuned on one half of the topics and checked on the other.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import TfidfVectorizer

sys.path.insert(0, str(Path(__file__).resolve().parent))

from events import bcubed, event_settings  # noqa: E402

from storyline.config import load_config  # noqa: E402
from storyline.events.step import EventsStep  # noqa: E402
from storyline.pipeline.run import run_pipeline  # noqa: E402
from storyline.store.db import Store  # noqa: E402
from storyline.store.view import CorpusView  # noqa: E402

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "data" / "t17-dev"
MIXED_SHARE = 0.05


def topic_records(data: Path, topics: list[str], per_topic: int, seed: int
                  ) -> list[dict[str, str]]:
    """The chosen topics' articles (a seeded sample of ``per_topic`` each when > 0)."""
    records: list[dict[str, str]] = []
    for topic in topics:
        with open(data / topic / "articles.jsonl", encoding="utf-8") as lines:
            items = [json.loads(line) for line in lines]
        if per_topic and len(items) > per_topic:
            items = random.Random(seed).sample(items, per_topic)
        records.extend({"id": f"{topic}-{item['id']}", "text": item["text"],
                        "published": item["time"], "source": topic.split("_")[-1],
                        "topic": topic} for item in items)
    return records


def analysed_store(records: list[dict[str, str]], cache: Path, key: str) -> Path:
    """A store with ``records`` run through the whole pipeline (made once per key)."""
    db = cache / f"{key}.db"
    if db.exists():
        return db
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "articles.jsonl"
        source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        partial = cache / f"{key}.partial.db"
        partial.unlink(missing_ok=True)
        with Store(partial) as store:
            run_pipeline(store, [str(source)], load_config())
        partial.rename(db)
    return db


def storylines_of(db: Path, overrides: dict[str, object]) -> tuple[dict[str, str], float]:
    """Article → storyline id from the events step re-run with ``overrides``; seconds."""
    config = load_config(overrides={"events": overrides} if overrides else None)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "copy.db"
        shutil.copy(db, copy)
        with Store(copy) as store:
            view = CorpusView(store)
            started = time.perf_counter()
            result = EventsStep(config).run(view, [])
            elapsed = time.perf_counter() - started
    rows = result.changes.events if result.changes and result.changes.events else []
    found: dict[str, str] = {}
    for row in rows:
        for article in row.articles:
            # An unlinked event (no storyline) counts as a storyline of its own.
            found[article] = row.storyline_id or f"unlinked:{article}"
    return found, elapsed


def reference(records: list[dict[str, str]], gold: dict[str, str],
              scored: dict[str, str]) -> tuple[float, float]:
    """TF-IDF average-link of the articles at the best of a sweep of thresholds: (F1, t).

    One average-link tree (cosine distance; an article with no terms is at distance 1
    from everything) cut at each threshold.
    """
    texts = [r["text"] for r in records]
    vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    distance = 1 - (vectors @ vectors.T).toarray()
    np.fill_diagonal(distance, 0)
    tree = linkage(squareform(np.clip(distance, 0, 1), checks=False), method="average")
    best = (0.0, 0.0)
    for threshold in np.arange(0.02, 0.5, 0.01):
        labels = fcluster(tree, t=1 - threshold, criterion="distance")
        found = {r["id"]: str(label) for r, label in zip(records, labels, strict=True)}
        best = max(best, (bcubed(found, scored)[2], float(threshold)))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(DEFAULT))
    parser.add_argument("--topics", default="", help="comma-separated (default: all)")
    parser.add_argument("--per-topic", type=int, default=0, help="sample size (0: all)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "storylines-bench"))
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="an [events] setting for the re-run, e.g. storyline_threshold=0.2")
    parser.add_argument("--score-topics", default="",
                        help="score only these topics' articles (all topics stay in the run)")
    parser.add_argument("--no-reference", action="store_true")
    args = parser.parse_args()
    data = Path(args.data)
    if not data.is_dir():
        sys.exit(f"{data} not found; pass the t17-dev folder")
    topics = args.topics.split(",") if args.topics else sorted(p.name for p in data.iterdir())
    records = topic_records(data, topics, args.per_topic, args.seed)
    gold = {r["id"]: r["topic"] for r in records}
    scored = set(args.score_topics.split(",")) if args.score_topics else set(topics)
    key = "-".join(topics) + f"-n{args.per_topic}-s{args.seed}"
    started = time.perf_counter()
    db = analysed_store(records, Path(args.cache), key)
    analysed = time.perf_counter() - started
    overrides = event_settings(args.set)
    found, seconds = storylines_of(db, overrides)
    # Storylines are made of every article (a scored topic mixed with another one is
    # mixed); only the scored topics' articles are scored.
    predicted = {item: found.get(item, f"missing:{item}") for item in gold}
    scored_gold = {item: topic for item, topic in gold.items() if topic in scored}
    precision, recall, f1 = bcubed(predicted, scored_gold)
    members: dict[str, list[str]] = defaultdict(list)
    for item, label in predicted.items():
        members[label].append(item)
    storylines = {label: items for label, items in members.items()
                  if not label.startswith(("unlinked:", "missing:"))
                  and any(gold[i] in scored for i in items)}
    unlinked = sum(1 for item, label in predicted.items()
                   if label.startswith("unlinked:") and item in scored_gold)
    mixed = []
    for items in storylines.values():
        counts = Counter(gold[i] for i in items)
        minority = 1 - counts.most_common(1)[0][1] / len(items)
        if minority > MIXED_SHARE:
            mixed.append((len(items), minority, dict(counts)))
    largest = max((len(items) for items in storylines.values()), default=0)
    print(f"topics: {', '.join(topics)}; articles {len(records)}, stored "
          f"{len(found)}; analysed in {analysed:.0f}s, events step {seconds:.1f}s; "
          f"overrides {overrides or 'none'}")
    print(f"storyline BCubed P={precision:.3f} R={recall:.3f} F1={f1:.3f}")
    print(f"storylines {len(storylines)}, largest {largest} articles, unlinked "
          f"{unlinked / len(scored_gold):.1%} of articles, mixed (> {MIXED_SHARE:.0%} of another "
          f"story) {len(mixed)}")
    for size, minority, counts in sorted(mixed, key=lambda m: m[:2], reverse=True)[:5]:
        print(f"  mixed: {size} articles, {minority:.0%} minority: {counts}")
    if not args.no_reference:
        ref_f1, ref_threshold = reference(records, gold, scored_gold)
        print(f"reference TF-IDF average-link of articles (oracle threshold "
              f"{ref_threshold:.2f}) F1={ref_f1:.3f}; ratio {f1 / ref_f1:.3f}")


if __name__ == "__main__":
    main()
