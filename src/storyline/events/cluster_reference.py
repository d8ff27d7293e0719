"""The first, quadratic average-link clustering: the definition the fast one must equal.

:func:`reference_average_link` compares every group with every other after each merge
(O(n³) time, O(n²) memory). :mod:`storyline.events.cluster` gives the same groups at
scale; this one stays for small dense inputs and as the oracle of its tests.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix, issparse

from storyline.events.evidence import PartialDate


@dataclass
class GroupDate:
    """The date a group of articles points to, for the cannot-link check."""

    date: PartialDate

    @classmethod
    def of(cls, dates: Sequence[PartialDate]) -> GroupDate:
        """Pool members: the earliest full date, else the commonest year and month."""
        full = sorted(day for day in (d.full() for d in dates) if day is not None)
        if full:
            return cls(PartialDate(full[0].year, full[0].month, full[0].day))
        years = Counter(d.year for d in dates if d.year)
        months = Counter(d.month for d in dates if d.month)
        return cls(
            PartialDate(
                years.most_common(1)[0][0] if years else None,
                months.most_common(1)[0][0] if months else None,
                None,
            )
        )


def reference_average_link(
    similarity: np.ndarray | csr_matrix,
    seeds: Sequence[Sequence[int]],
    dates: Sequence[PartialDate],
    threshold: float,
    max_day_gap: int,
    min_total: float = 0.0,
) -> list[list[int]]:
    """Merge seed groups greedily by mean similarity, never across conflicting dates.

    Args:
        similarity: Article × article cosine similarity (dense), or the articles'
            L2-normalised vectors (sparse), whose products give it without ever
            holding N × N numbers: N copies of one text cost N, not N².
        seeds: Initial groups covering every article once (must-links: copies of one
            story, members of an event that already exists).
        dates: Each article's own partial date.
        threshold: Mean similarity two groups need to merge.
        max_day_gap: Days two full dates may differ within one event.
        min_total: Summed similarity (sizes × mean) a pair also needs to merge.

    Returns:
        Groups of article indices.
    """
    groups = [list(seed) for seed in seeds]
    count = len(groups)
    if count == 0:
        return []
    if issparse(similarity):
        rows = [i for members in groups for i in members]
        columns = [g for g, members in enumerate(groups) for _ in members]
        assign = csr_matrix((np.ones(len(rows)), (columns, rows)),
                            shape=(count, similarity.shape[0]))
        summed = assign @ similarity  # each group's summed vector
        totals = np.asarray((summed @ summed.T).todense())
        sizes = np.asarray(assign.sum(axis=1)).ravel()
    else:
        dense = np.zeros((count, similarity.shape[0]))
        for g, members in enumerate(groups):
            dense[g, members] = 1.0
        totals = dense @ similarity @ dense.T
        sizes = dense.sum(axis=1)
    group_dates = [GroupDate.of([dates[i] for i in members]) for members in groups]
    allowed = np.ones((count, count), dtype=bool)
    for a in range(count):
        for b in range(a + 1, count):
            ok = not group_dates[a].date.conflicts(group_dates[b].date, max_day_gap)
            allowed[a, b] = allowed[b, a] = ok
    active = np.ones(count, dtype=bool)
    while True:
        mean = totals / np.outer(sizes, sizes)
        mask = allowed & np.outer(active, active) & (totals >= min_total)
        np.fill_diagonal(mask, False)
        mean = np.where(mask, mean, -np.inf)
        a, b = (int(x) for x in np.unravel_index(int(np.argmax(mean)), mean.shape))
        if mean[a, b] < threshold:
            break
        groups[a].extend(groups[b])
        groups[b] = []
        totals[a, :] += totals[b, :]
        totals[:, a] += totals[:, b]
        sizes[a] += sizes[b]
        active[b] = False
        group_dates[a] = GroupDate.of([dates[i] for i in groups[a]])
        for other in (int(x) for x in np.flatnonzero(active)):
            if other != a:
                ok = not group_dates[a].date.conflicts(group_dates[other].date, max_day_gap)
                allowed[a, other] = allowed[other, a] = ok
    return [sorted(members) for members in groups if members]
