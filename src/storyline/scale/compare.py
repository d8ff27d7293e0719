"""What a Spark run and a local run must share: duplicate groups and event partitions.

Ids of groups and events may differ between two stores; what they group may not.
Used by the equivalence tests and bench/spark.py.
"""

from __future__ import annotations

from pathlib import Path

from sklearn.metrics import adjusted_rand_score

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


def event_ari(a: Path, b: Path) -> float:
    """Adjusted Rand index of the two stores' event partitions (articles in either)."""
    left, right = events(a), events(b)
    ids = sorted(set(left) | set(right))
    return float(adjusted_rand_score([left.get(i, f"none:{i}") for i in ids],
                                     [right.get(i, f"none:{i}") for i in ids]))
