"""Linking events into storylines: the same actors, within a plausible span of time."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
from scipy.sparse import csr_matrix


def link_events(
    vectors: csr_matrix,
    dates: Sequence[date | None],
    threshold: float,
    max_gap_days: int,
) -> list[list[int]]:
    """Single-link components of events whose similarity clears ``threshold``.

    Args:
        vectors: One normalised vector per event (entity-weighted TF-IDF centroid).
        dates: Each event's (approximate) date, or ``None``.
        threshold: Cosine needed to link two events.
        max_gap_days: Events further apart than this are not linked directly.

    Returns:
        Groups of event indices, each a storyline.
    """
    count = vectors.shape[0]
    parent = list(range(count))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    if count:
        similarity = np.asarray((vectors @ vectors.T).todense())
        for a in range(count):
            for b in range(a + 1, count):
                if similarity[a, b] < threshold:
                    continue
                first, second = dates[a], dates[b]
                if first and second and abs((first - second).days) > max_gap_days:
                    continue
                parent[find(a)] = find(b)
    groups: dict[int, list[int]] = {}
    for i in range(count):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())
