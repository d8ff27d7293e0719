"""Linking events into storylines: the same actors, within a plausible span of time."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from storyline.events.pairs import similar_pairs


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
    if not count:
        return []
    # Only pairs that clear the threshold, a block of rows at a time (never count × count);
    # each value is the one the full product holds, so the links are the same.
    first, second, _ = similar_pairs(vectors, None, threshold)
    near = [
        k for k, (a, b) in enumerate(zip(first.tolist(), second.tolist(), strict=True))
        if not ((left := dates[a]) and (right := dates[b])
                and abs((left - right).days) > max_gap_days)
    ]
    links = csr_matrix(
        (np.ones(len(near)), (first[near], second[near])), shape=(count, count)
    )
    _, labels = connected_components(links, directed=False)
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(labels.tolist()):  # ordered by first member, as before
        groups.setdefault(label, []).append(i)
    return list(groups.values())
