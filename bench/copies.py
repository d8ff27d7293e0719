"""Copies at any multiplicity: time and peak memory of the corpus steps on N exact copies.

Usage: python bench/copies.py [--counts 200 1000 5000] [--near] [--distinct-max 1000]

For each N, a fresh process stores N exact copies of one short article (plus three
unrelated ones) and runs provenance, events and narrate on them; it prints each step's
seconds and the process's peak RSS. Measured in the same run, as references: the time
hashlib takes to hash the N texts (the floor of any exact-copy detection), and the same
steps on N distinct short articles (up to ``--distinct-max``). ``--near`` adds N
near-identical copies (each with one word changed), which the hash cannot collapse.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from storyline.config import load_config
from storyline.model import Article, Paragraph, Sentence
from storyline.pipeline.run import run_corpus_step
from storyline.store.articles import save_articles
from storyline.store.db import Store

STEPS = ("provenance", "events", "narrate")
BASE = [
    "The city council approved the new harbour bridge after a long debate on Monday.",
    "Engineers said construction of the harbour bridge would begin in the spring.",
    "The mayor called the harbour bridge vote a turning point for the waterfront district.",
    "Opponents warned that the bridge budget could double before the work is finished.",
]
OTHERS = [
    ["Dock workers began a strike at the harbour on Sunday over pay and hours.",
     "The union said the strike would continue until the port authority negotiates."],
    ["The spring music festival returned to the old town square with dozens of bands.",
     "Organisers said the festival drew more visitors than in any previous year."],
    ["A storm closed the coastal road for six hours and cut power to two villages.",
     "Repair crews restored electricity to most homes by the evening."],
]
WORDS = ("river", "market", "school", "vote", "budget", "storm", "police", "museum", "train",
         "airport", "factory", "hospital", "court", "farmer", "teacher", "election", "bridge",
         "harbour", "festival", "company")


def article(article_id: str, sentences: list[str], source: str) -> Article:
    """An article as the record steps leave it: text, one paragraph, sentence spans."""
    text, spans = "", []
    for sentence in sentences:
        start = len(text) + (1 if text else 0)
        text = f"{text} {sentence}" if text else sentence
        spans.append(Sentence(start, start + len(sentence), sentence, 0))
    return Article(id=article_id, origin="bench", url=None, raw=text, title="Harbour news",
                   source=source, text=text, paragraphs=[Paragraph(0, len(text))],
                   sentences=spans, published="2024-03-04", published_precision="day",
                   published_basis="metadata", language="en")


def corpus(count: int, kind: str) -> list[Article]:
    """``count`` copies (exact, near or distinct) and three unrelated articles."""
    rng = random.Random(count)
    found = []
    for i in range(count):
        if kind == "exact":
            sentences = BASE
        elif kind == "near":
            words = " ".join(BASE).split()
            words[rng.randrange(len(words))] = rng.choice(WORDS)
            sentences = [" ".join(words) + "."]
        else:
            sentences = [" ".join(rng.choice(WORDS) for _ in range(12)) + "." for _ in range(3)]
        found.append(article(f"c{i:05d}", sentences, f"Outlet {i}"))
    found += [article(f"other{i}", s, "Other Paper") for i, s in enumerate(OTHERS)]
    return found


def measure(count: int, kind: str) -> dict[str, float]:
    """Run the corpus steps once (in this process) and return seconds and peak RSS."""
    import storyline.steps  # noqa: F401  (registers the built-in steps)
    from storyline.pipeline.step import create_step

    articles = corpus(count, kind)
    config = load_config()
    result: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "copies.db")
        save_articles(store, articles, {})
        ids = [a.id for a in articles]
        for name in STEPS:
            start = time.perf_counter()
            run_corpus_step(store, create_step(name, config), ids)
            result[name] = time.perf_counter() - start
        groups = store.conn.execute(
            "SELECT COUNT(DISTINCT duplicate_group) FROM provenance").fetchone()[0]
        store.close()
    result["groups"] = groups
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def in_child(count: int, kind: str, timeout: float) -> dict[str, float] | None:
    """Measure in a fresh process, so peak RSS is this run's own."""
    command = [sys.executable, __file__, "--child", kind, str(count)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                              check=True)
    except subprocess.TimeoutExpired:
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def hash_seconds(count: int) -> float:
    """Seconds to sha1 the normalised texts of ``count`` copies (the reference floor)."""
    texts = [a.text for a in corpus(count, "exact")]
    start = time.perf_counter()
    for text in texts:
        hashlib.sha1(" ".join(text.casefold().split()).encode("utf-8")).hexdigest()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--counts", type=int, nargs="+", default=[200, 1000, 5000])
    parser.add_argument("--near", action="store_true", help="also near-identical copies")
    parser.add_argument("--distinct-max", type=int, default=1000)
    parser.add_argument("--timeout", type=float, default=900)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(int(args.child[1]), args.child[0])))
        return 0
    kinds = ["exact", *(["near"] if args.near else []), "distinct"]
    print(f"{'kind':9s} {'N':>6s} {'prov s':>8s} {'events s':>9s} {'narrate s':>9s} "
          f"{'total s':>8s} {'RSS MB':>7s} {'groups':>6s} {'hash ms':>8s} {'total/hash':>10s}")
    for count in args.counts:
        hashed = hash_seconds(count)
        for kind in kinds:
            if kind == "distinct" and count > args.distinct_max:
                continue
            found = in_child(count, kind, args.timeout)
            if found is None:
                print(f"{kind:9s} {count:6d}  did not finish in {args.timeout:.0f} s")
                continue
            total = sum(found[name] for name in STEPS)
            print(f"{kind:9s} {count:6d} {found['provenance']:8.2f} {found['events']:9.2f} "
                  f"{found['narrate']:9.2f} {total:8.2f} {found['peak_rss_mb']:7.0f} "
                  f"{int(found['groups']):6d} {hashed * 1000:8.2f} {total / hashed:10.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
