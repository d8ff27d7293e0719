"""Event clustering on ECB+: BCubed F1 of storyline's events against the gold events.

Usage: python bench/events.py [DATA_DIR] [--limit-topics N] [--half odd|even]
                               [--set KEY=VALUE ...] [--keep-db DB | --reuse DB]

``--keep-db`` keeps the analysed store; ``--reuse`` re-runs only the events step on a
copy of one (settings tuned this way, on one half of the topics, checked on the other).

Prints storyline's BCubed P/R/F1 and, measured in the same run on the same
articles, the field's reference: TF-IDF average-link clustering at its best
threshold (the README of the data says it scores about 0.87), with the ratio.

Also the storylines against the topics (each ECB+ topic is one story of two events):
BCubed F1 (an unlinked event's article is a storyline of its own), and how many
storylines hold articles of more than one topic.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

from storyline.config import load_config
from storyline.events.step import EventsStep
from storyline.pipeline.run import run_pipeline
from storyline.store.db import Store
from storyline.store.view import CorpusView

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "data" / "ecbplus-dev"


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """BCubed precision, recall and F1 of a clustering against gold labels."""
    by_pred: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for item, label in predicted.items():
        by_pred[label].add(item)
    for item, label in gold.items():
        by_gold[label].add(item)
    precision = recall = 0.0
    for item in gold:
        mine, truth = by_pred[predicted[item]], by_gold[gold[item]]
        overlap = len(mine & truth)
        precision += overlap / len(mine)
        recall += overlap / len(truth)
    precision, recall = precision / len(gold), recall / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def event_settings(items: list[str]) -> dict[str, object]:
    """``KEY=VALUE`` options as [events] settings (a value is JSON where it parses)."""
    settings: dict[str, object] = {}
    for item in items:
        key, text = item.split("=", 1)
        try:
            settings[key] = json.loads(text)
        except json.JSONDecodeError:
            settings[key] = text
    return settings


def reference(records: list[dict[str, str]], gold: dict[str, str]) -> tuple[float, float]:
    """TF-IDF average-link at the best of a sweep of thresholds: (F1, threshold)."""
    texts = [f"{r.get('title', '')} {r['text']}" for r in records]
    vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    best = (0.0, 0.0)
    for threshold in np.arange(0.05, 0.95, 0.05):
        model = AgglomerativeClustering(
            n_clusters=None, metric="cosine", linkage="average",
            distance_threshold=1 - threshold,
        ).fit(vectors.toarray())
        labels = {r["id"]: str(label) for r, label in zip(records, model.labels_, strict=True)}
        best = max(best, (bcubed(labels, gold)[2], float(threshold)))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(DEFAULT))
    parser.add_argument("--limit-topics", type=int, default=0)
    parser.add_argument("--half", choices=("odd", "even"),
                        help="score only the odd or even topics (all are run together)")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="an [events] setting, e.g. similarity_threshold=0.16 (JSON value)")
    parser.add_argument("--reuse", help="a store kept by --keep-db: re-run the events step only")
    parser.add_argument("--no-reference", action="store_true")
    parser.add_argument("--keep-db", help="also keep the analysed database at this path")
    args = parser.parse_args()
    source = Path(args.data) / "articles.jsonl"
    if not source.exists():
        sys.exit(f"{source} not found; pass the ecbplus-dev folder")
    records = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines()]
    if args.limit_topics:
        topics = sorted({r["topic"] for r in records})[: args.limit_topics]
        records = [r for r in records if r["topic"] in topics]
    settings = event_settings(args.set)
    overrides = {"events": settings} if settings else None
    gold = {r["id"]: r["event"] for r in records}
    with tempfile.TemporaryDirectory() as tmp:
        subset = Path(tmp) / "articles.jsonl"
        subset.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
        started = time.perf_counter()
        config = load_config(overrides=overrides)
        if args.reuse:
            # Only the events step again, on a copy of a store this script kept.
            shutil.copy(args.reuse, Path(tmp) / "bench.db")
            with Store(Path(tmp) / "bench.db") as store:
                result = EventsStep(config).run(CorpusView(store), [])
                rows = result.changes.events or []
                predicted = {a: row.event_id for row in rows for a in row.articles}
                storyline = {a: row.storyline_id for row in rows for a in row.articles}
                skipped = [row["reason"] for row in
                           store.conn.execute("SELECT reason FROM skipped")]
        else:
            with Store(args.keep_db or Path(tmp) / "bench.db") as store:
                run_pipeline(store, [str(subset)], config)
                found = store.conn.execute(
                    "SELECT ea.event_id, ea.article_id, e.storyline_id FROM event_articles ea "
                    "JOIN events e ON e.event_id = ea.event_id")
                rows = list(found)
                predicted = {row["article_id"]: row["event_id"] for row in rows}
                storyline = {row["article_id"]: row["storyline_id"] for row in rows}
                skipped = [row["reason"] for row in
                           store.conn.execute("SELECT reason FROM skipped")]
        elapsed = time.perf_counter() - started
    if args.half:
        parity = 1 if args.half == "odd" else 0
        records = [r for r in records if int(r["topic"]) % 2 == parity]
        gold = {r["id"]: r["event"] for r in records}
        print(f"scoring the {args.half} topics only: {len(records)} articles")
    missing = [item for item in gold if item not in predicted]
    # An article the pipeline skipped counts as a cluster of its own.
    predicted.update({item: f"missing:{item}" for item in missing})
    precision, recall, f1 = bcubed(predicted, gold)
    ref_f1, ref_threshold = (1.0, 0.0) if args.no_reference else reference(records, gold)
    for reason in sorted(set(skipped)):
        print(f"skipped ({skipped.count(reason)}): {reason}")
    print(f"articles: {len(records)}, gold events: {len(set(gold.values()))}, "
          f"predicted events: {len(set(predicted.values()))}, not stored: {len(missing)}, "
          f"pipeline {elapsed:.1f}s")
    print(f"storyline BCubed P={precision:.3f} R={recall:.3f} F1={f1:.3f}")
    print(f"reference TF-IDF average-link (best threshold {ref_threshold:.2f}) F1={ref_f1:.3f}")
    print(f"ratio storyline/reference: {f1 / ref_f1:.3f}")
    print(storylines_against_topics(storyline, {r["id"]: r["topic"] for r in records}))


def storylines_against_topics(storyline: dict[str, str | None], topic: dict[str, str]) -> str:
    """One line: storylines' BCubed F1 against topic, their number, how many span topics."""
    found = {item: storyline.get(item) or f"unlinked:{item}" for item in topic}
    members: dict[str, set[str]] = defaultdict(set)
    for item, label in found.items():
        if not label.startswith("unlinked:"):
            members[label].add(topic[item])
    spanning = sum(1 for topics in members.values() if len(topics) > 1)
    f1 = bcubed(found, topic)[2]
    return (f"storylines against topic: BCubed F1={f1:.3f}; {len(members)} storylines, "
            f"{spanning} hold articles of more than one topic")


if __name__ == "__main__":
    main()
