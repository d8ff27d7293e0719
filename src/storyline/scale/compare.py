"""What a Spark run and a local run must share: duplicate groups and event partitions.

Ids of groups and events may differ between two stores; what they group may not.
Used by the equivalence tests and bench/spark.py.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sklearn.metrics import adjusted_rand_score

from storyline.config import Config
from storyline.store.db import Store
from storyline.store.events import event_members
from storyline.store.provenance import duplicate_groups


def groups(path: Path) -> set[frozenset[str]]:
    """Duplicate groups as sets of article ids."""
    with Store(path) as store:
        by_group: dict[str, set[str]] = {}
        for article, group in duplicate_groups(store).items():
            by_group.setdefault(group, set()).add(article)
    return {frozenset(members) for members in by_group.values()}


def events(path: Path) -> dict[str, str]:
    """Article id → its event id."""
    with Store(path) as store:
        return {article: event for event, members in event_members(store).items()
                for article in members}


def event_ari(left: dict[str, str], right: dict[str, str]) -> float:
    """Adjusted Rand index of two event partitions (article → event; articles in either)."""
    ids = sorted(set(left) | set(right))
    return float(adjusted_rand_score([left.get(i, f"none:{i}") for i in ids],
                                     [right.get(i, f"none:{i}") for i in ids]))


@dataclass
class Equivalence:
    """How a Spark run of some inputs compares with a local run of the same inputs."""

    articles: int
    same_groups: bool
    groups: int
    event_ari: float
    events_local: int
    events_spark: int
    local_seconds: float
    spark_seconds: float


def compare_runs(inputs: Sequence[str], config: Config, work: Path,
                 master: str = "local[2]") -> Equivalence:
    """Run ``inputs`` locally and on Spark (then imported) under ``work``; compare them."""
    from storyline.pipeline.run import run_pipeline
    from storyline.scale.driver import run_spark
    from storyline.scale.output import import_output

    local_db, spark_db = work / "local.db", work / "spark.db"
    started = time.perf_counter()
    with Store(local_db) as store:
        summary = run_pipeline(store, list(inputs), config)
    local_seconds = time.perf_counter() - started
    started = time.perf_counter()
    run_spark(inputs, work / "spark-out", config, master=master)
    spark_seconds = time.perf_counter() - started
    with Store(spark_db) as store:
        import_output(work / "spark-out", store)
    local_groups = groups(local_db)
    local_events, spark_events = events(local_db), events(spark_db)
    return Equivalence(
        articles=summary.stored, same_groups=local_groups == groups(spark_db),
        groups=len(local_groups), event_ari=event_ari(local_events, spark_events),
        events_local=len(set(local_events.values())),
        events_spark=len(set(spark_events.values())),
        local_seconds=local_seconds, spark_seconds=spark_seconds,
    )
