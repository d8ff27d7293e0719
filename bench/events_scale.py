"""How the events step scales: seconds and peak RSS at N articles grown from analysed dev sets.

Usage: python bench/events_scale.py STORE.db [STORE.db ...] [--sizes 1000 5000 20000]
                                   [--src DIR] [--timeout SECONDS]

STORE.db: stores that `storyline run` (or bench/events.py --keep-db) filled with dev-set
articles (ecbplus-dev, syndication-dev, t17-dev): their analysed articles are the seed.
The events step needs sentences, dates and entities, which cost a full pipeline run per
article; growing analysed articles instead keeps the bench about the events step alone.

How the corpus grows: round r > 0 adds a copy of every seed article in which
* names are swapped: the capitalised words inside entity spans (what NER found, not a
  list) are permuted among words of the same length, by a permutation drawn per round,
  so offsets stay valid and each round is a new cast in the same kinds of stories;
* dates are shifted: a full publication date moves r × 11 days (a different event under
  the 3-day gap); copies of one story (a duplicate group) stay one group per round.

Each size runs in a child process (its peak RSS is its own) with ``--src`` (a source tree,
e.g. an older commit's ``src`` from ``git archive``) first on the path, to compare code.
The same-run reference is a TF-IDF fit (scikit-learn) of the same documents: the step's
time is printed as a multiple of it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
WORD = re.compile(r"[A-Z][\w'’]*")


def seed_articles(stores: list[str]) -> tuple[list[Any], dict[str, str]]:
    """Analysed articles of the stores, and their duplicate groups."""
    from storyline.store.db import Store
    from storyline.store.view import CorpusView

    articles, groups = [], {}
    for path in stores:
        with Store(path) as store:
            view = CorpusView(store)
            for article in view.articles():
                article.id = f"{Path(path).stem}/{article.id}"
                articles.append(article)
            groups.update({f"{Path(path).stem}/{k}": f"{Path(path).stem}/{v}"
                           for k, v in view.duplicate_groups().items()})
    return articles, groups


def name_words(articles: list[Any]) -> dict[int, list[str]]:
    """Capitalised words found inside entity spans, by length."""
    words: dict[int, set[str]] = defaultdict(set)
    for article in articles:
        for entity in article.entities:
            for match in WORD.finditer(article.text[entity.start:entity.end]):
                words[len(match.group())].add(match.group())
    return {length: sorted(found) for length, found in words.items()}


def swap(words: dict[int, list[str]], round_: int) -> dict[str, str]:
    """A same-length permutation of the name words for one round."""
    chooser = random.Random(round_)
    mapping: dict[str, str] = {}
    for found in words.values():
        shuffled = found[:]
        chooser.shuffle(shuffled)
        mapping.update(zip(found, shuffled, strict=True))
    return mapping


def grown_copy(article: Any, round_: int, mapping: dict[str, str]) -> Any:
    """The article as round ``round_`` has it: names swapped, date shifted, new id."""
    import copy

    twin = copy.deepcopy(article)
    twin.id = f"{article.id}~{round_}"

    def words(text: str) -> str:
        return WORD.sub(lambda m: mapping.get(m.group(), m.group()), text)

    text = list(twin.text)
    for entity in twin.entities:
        text[entity.start:entity.end] = words(twin.text[entity.start:entity.end])
        entity.text, entity.canonical = words(entity.text), words(entity.canonical)
    twin.text = "".join(text)
    for sentence in twin.sentences:
        sentence.text = twin.text[sentence.start:sentence.end]
    twin.title = words(twin.title) if twin.title else twin.title
    if twin.published and twin.published_basis == "metadata" and len(twin.published) == 10:
        shifted = date.fromisoformat(twin.published) + timedelta(days=11 * round_)
        twin.published = shifted.isoformat()
    return twin


def grow(articles: list[Any], groups: dict[str, str], size: int) -> tuple[list[Any], dict]:
    """``size`` articles: the seed, then rounds of copies."""
    words = name_words(articles)
    grown, grown_groups = [], {}
    round_ = 0
    while len(grown) < size:
        mapping = swap(words, round_) if round_ else {}
        for article in articles[: size - len(grown)]:
            twin = grown_copy(article, round_, mapping) if round_ else article
            grown.append(twin)
            if article.id in groups:
                grown_groups[twin.id] = f"{groups[article.id]}~{round_}"
        round_ += 1
    return grown, grown_groups


class GrownView:
    """What the events step reads, for a grown corpus with no earlier events."""

    def __init__(self, articles: list[Any], groups: dict[str, str]) -> None:
        self._articles, self._groups = articles, groups
        self.read: set[str] = set()

    def articles(self, ids: Any = None) -> Any:
        return iter(self._articles)

    def duplicate_groups(self) -> dict[str, str]:
        return self._groups

    def event_members(self) -> dict[str, set[str]]:
        return {}

    def storyline_members(self) -> dict[str, set[str]]:
        return {}


def child(stores: list[str], size: int) -> None:
    """Time the events step on ``size`` grown articles; print one JSON line."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from storyline.config import load_config
    from storyline.events.features import TextSpace
    from storyline.events.step import EventsStep

    seed, groups = seed_articles(stores)
    articles, grown_groups = grow(seed, groups, size)
    documents = [TextSpace.document(a) for a in articles]
    started = time.perf_counter()
    TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(documents)
    reference = time.perf_counter() - started
    del documents
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    step = EventsStep(load_config())
    started = time.perf_counter()
    result = step.run(GrownView(articles, grown_groups), [a.id for a in articles])  # type: ignore[arg-type]
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"size": size, "seconds": seconds, "reference": reference,
                      "rss_before_mb": before, "peak_mb": peak, **result.stats}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stores", nargs="*")
    parser.add_argument("--sizes", nargs="+", type=int, default=[1000, 5000, 20000])
    parser.add_argument("--src", default=str(HERE.parent / "src"))
    parser.add_argument("--timeout", type=float, default=1800)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.stores:
        sys.exit("give one or more stores holding analysed dev-set articles")
    if args.child:
        child(args.stores, args.child)
        return
    env = {**os.environ, "PYTHONPATH": args.src}
    print(f"code: {args.src}")
    for size in args.sizes:
        command = [sys.executable, __file__, *args.stores, "--child", str(size)]
        try:
            done = subprocess.run(command, env=env, capture_output=True, text=True,
                                  timeout=args.timeout, check=True)
        except subprocess.TimeoutExpired:
            print(f"N={size}: not done in {args.timeout:.0f} s")
            continue
        except subprocess.CalledProcessError as error:
            print(f"N={size}: failed: {error.stderr.strip().splitlines()[-1:]}")
            continue
        row = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"N={size}: events step {row['seconds']:.1f} s "
              f"(= {row['seconds'] / row['reference']:.1f} × a TF-IDF fit of the same documents, "
              f"{row['reference']:.1f} s), peak RSS {row['peak_mb']:.0f} MB "
              f"({row['rss_before_mb']:.0f} MB before the step), "
              f"{row['events']} events, {row['storylines']} storylines")


if __name__ == "__main__":
    main()
