"""Time the timeline of large storylines in a built store, beside loading their articles.

    python bench/timeline_speed.py --db STORE [--min-articles 500] [--storylines 5]

Picks the storylines holding at least ``--min-articles`` articles (the largest first, up
to ``--storylines``), and for each times ``build_timeline(store, storyline=ID)`` with the
shipped defaults (L 30, K 2), median of 3, beside the same-run reference: reading the
same storyline's articles from the store (``load_articles``), which every timeline must
do. Issue 10 asks for a 500-article storyline's timeline in under 5 s after the build.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from storyline.narrate.timeline import build_timeline
from storyline.store.articles import load_articles
from storyline.store.db import Store
from storyline.store.events import storyline_article_ids, storyline_members


def seconds(work: Callable[[], object], repeats: int = 3) -> float:
    """Median wall time of ``repeats`` calls."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    """Print one line per storyline: articles, timeline seconds, load seconds, ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a store written by storyline run")
    parser.add_argument("--min-articles", type=int, default=500)
    parser.add_argument("--storylines", type=int, default=5)
    args = parser.parse_args()
    if not args.db.exists():
        sys.exit(f"{args.db} does not exist; build one with `storyline run`")
    store = Store(args.db, read_only=True)
    members = storyline_members(store)
    sizes = {s: len(storyline_article_ids(store, s)) for s in members}
    chosen = sorted((s for s in sizes if sizes[s] >= args.min_articles),
                    key=lambda s: -sizes[s])[: args.storylines]
    if not chosen:
        sys.exit(f"no storyline holds {args.min_articles} articles; largest {max(sizes.values())}")
    print(f"store {args.db} ({sum(sizes.values())} articles in {len(sizes)} storylines)")
    print(f"{'storyline':24s} {'articles':>8s} {'timeline s':>10s} {'load s':>7s} {'ratio':>6s}")
    for storyline in chosen:
        ids = sorted(storyline_article_ids(store, storyline))
        timeline = seconds(lambda s=storyline: build_timeline(store, storyline=s))
        load = seconds(lambda ids=ids: list(load_articles(store, ids)))
        print(f"{storyline:24s} {sizes[storyline]:8d} {timeline:10.2f} {load:7.2f} "
              f"{timeline / load:6.1f}", flush=True)
    store.close()


if __name__ == "__main__":
    main()
