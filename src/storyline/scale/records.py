"""The record steps inside a Spark partition: the local executor's steps and chain, unchanged.

Spark reuses its Python workers between tasks, so the steps (and the spaCy model
they load on first use) are built once per worker and configuration, not once per
partition.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from storyline.config import Config
from storyline.model import Article
from storyline.pipeline.step import RecordStep, chain
from storyline.scale.inputs import Key, Keyed
from storyline.store.articles import content_hash

# Configuration (as JSON) → the record steps built from it, in this worker process.
_STEPS: dict[str, list[RecordStep]] = {}


def record_steps(config: Config) -> list[RecordStep]:
    """The record steps of ``config``, built as ``storyline run`` builds them (once here)."""
    key = json.dumps(config, sort_keys=True, default=str)
    if key not in _STEPS:
        import storyline.steps  # noqa: F401  (registers the built-in steps)
        from storyline.pipeline.run import build_steps

        _STEPS[key] = build_steps(config)[0]
    return _STEPS[key]


def run_partition(items: Iterable[tuple[Key, Article]], config: Config) -> Iterator[Keyed]:
    """Run the record steps over one partition; every result keeps its input's key.

    A step may drop an article by yielding a Skip; the Skip gets the key of the article
    with its origin, so skips too come back in input order.
    """
    keys: dict[str, Key] = {}
    by_origin: dict[str, Key] = {}

    def articles() -> Iterator[Article]:
        for key, article in items:
            # As the local run does, before any step fills in the hashed fields.
            article.input_hash = content_hash(article)
            keys[article.id] = key
            by_origin.setdefault(article.origin, key)
            yield article

    last: Key = (-1, -1)
    for item in chain(record_steps(config), articles()):
        if isinstance(item, Article):
            last = keys.pop(item.id, last)
            yield last, item
        else:
            yield by_origin.get(item.origin, last), item
