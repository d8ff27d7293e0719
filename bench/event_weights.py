"""Fit the event facets' weights (``[events] facet_weights``) on half of ECB+ dev.

    python bench/events.py --keep-db /tmp/ecb.db          # analyse ECB+ dev once
    python bench/event_weights.py /tmp/ecb.db [DATA_DIR] [--half odd|even]

Every pair of stored articles of the chosen half of the topics (odd or even topic
numbers) is a sample: its features are the cosines of the two articles in each facet of
``storyline.events.facets``, its label whether gold puts them in one event. Pairs of one
topic are all kept (two events of one kind: the hard negatives); pairs across topics are
sampled (2 %, seeded), since they are easy and many. A logistic regression over the
cosines gives one coefficient per facet; negative ones are set to 0 (a dot product
cannot weigh a facet negatively), and the rest, made to sum to one, are printed as the
TOML line to ship. The other half is left for ``bench/events.py --half``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from storyline.events.facets import FACETS, facet_vectors
from storyline.events.features import TextSpace
from storyline.store.db import Store
from storyline.store.view import CorpusView

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "data" / "ecbplus-dev"
CROSS_TOPIC_SAMPLE = 0.02


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", help="a store of ECB+ dev analysed by bench/events.py --keep-db")
    parser.add_argument("data", nargs="?", default=str(DEFAULT))
    parser.add_argument("--half", choices=("odd", "even"), default="odd")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    lines = (Path(args.data) / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    records = {r["id"]: r for r in map(json.loads, lines)}
    with Store(args.db) as store:
        articles = [a for a in CorpusView(store).articles() if a.id in records]
    parity = 1 if args.half == "odd" else 0
    articles = [a for a in articles if int(records[a.id]["topic"]) % 2 == parity]
    events = np.array([records[a.id]["event"] for a in articles])
    topics = np.array([records[a.id]["topic"] for a in articles])
    space = TextSpace(articles)
    facets = ["doc", *FACETS]
    first, second = np.triu_indices(len(articles), 1)
    same_topic = topics[first] == topics[second]
    keep = same_topic | (np.random.default_rng(args.seed).random(len(first))
                         < CROSS_TOPIC_SAMPLE)
    first, second = first[keep], second[keep]
    features = np.stack([
        np.asarray((vectors[first].multiply(vectors[second])).sum(axis=1)).ravel()
        for vectors in (facet_vectors(articles, facet, space) for facet in facets)
    ], axis=1)
    labels = (events[first] == events[second]).astype(int)
    model = LogisticRegression(max_iter=5000).fit(features, labels)
    coefficients = dict(zip(facets, model.coef_[0].tolist(), strict=True))
    print(f"{args.half} topics: {len(articles)} articles, {len(labels)} pairs "
          f"({labels.sum()} same event); coefficients (intercept "
          f"{model.intercept_[0]:.3f}):")
    for facet, value in coefficients.items():
        print(f"  {facet:7} {value:7.3f}")
    kept = {facet: max(value, 0.0) for facet, value in coefficients.items()}
    total = sum(kept.values())
    shipped = ", ".join(f"{facet} = {value / total:.3f}" for facet, value in kept.items()
                        if value > 0)
    print(f"facet_weights = {{ {shipped} }}")


if __name__ == "__main__":
    main()
