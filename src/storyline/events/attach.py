"""A lone article or a small group joins the event it is most like, on a lower bar.

Average link merges two groups when their mean similarity clears the threshold; an
article that reports an event in other words (a short brief, a headline, a piece from
another angle) can fall under it against every single report, yet stand clearly closer
to one event than to any other. After clustering, each group of up to
``attach_max_size`` articles is compared with every larger group (mean similarity: its
summed vector against the group's, over both sizes) and joins the best one whose mean
clears ``attach_threshold``, stands ``attach_margin`` times clear of the next best and
whose date allows it. Groups are compared as clustering left them: no attachment changes
another's choice, so the order does not matter.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy as np
from scipy.sparse import csr_matrix

from storyline.events.cluster_reference import GroupDate
from storyline.events.evidence import PartialDate

_BLOCK = 256  # lone articles compared at once (bounds the product's memory)


def attach_small(
    vectors: csr_matrix,
    groups: list[list[int]],
    dates: Sequence[PartialDate],
    threshold: float,
    max_day_gap: int,
    margin: float = 1.0,
    movable: Collection[int] | None = None,
    max_size: int = 1,
) -> list[list[int]]:
    """Move each small group into its most similar larger group, where allowed.

    Args:
        vectors: The articles' weighted vectors (rows as ``groups`` index them).
        groups: Groups of article indices, as clustering returned them.
        dates: Each article's own partial date.
        threshold: Mean similarity a small group needs with a larger one (≤ 0: off).
        max_day_gap: Days two full dates may differ within one event.
        margin: How many times the next best group's mean the chosen one must reach.
        movable: Only small groups holding one of these articles move (``None``: all). A
            join moves only groups with new articles: the stored ones were judged against
            every event, not just against the few a join reads.
        max_size: Groups of at most this many articles are small.

    Returns:
        The groups, small ones moved, in the order given (emptied ones dropped).
    """
    small = [g for g, members in enumerate(groups)
             if len(members) <= max_size
             and (movable is None or any(i in movable for i in members))]
    large = [g for g, members in enumerate(groups) if len(members) > max_size]
    if threshold <= 0 or not small or not large:
        return groups
    summed_large = _sums(vectors, [groups[g] for g in large])
    summed_small = _sums(vectors, [groups[g] for g in small])
    sizes = np.array([len(groups[g]) for g in large], dtype=np.float64)
    group_dates = [GroupDate.of([dates[i] for i in groups[g]]).date for g in large]
    moves: dict[int, int] = {}
    for start in range(0, len(small), _BLOCK):
        block = small[start:start + _BLOCK]
        products = (summed_small[start:start + len(block)] @ summed_large.T).tocsr()
        products = csr_matrix(products.multiply(1.0 / sizes))  # column k over group k's size
        for row, g in enumerate(block):
            date = GroupDate.of([dates[i] for i in groups[g]]).date
            span = slice(products.indptr[row], products.indptr[row + 1])
            means = products.data[span] / len(groups[g])
            columns = products.indices[span]
            # Best first (ties: the earlier group); the first the dates allow is taken if
            # it stands clear of the next best (an article between two events joins neither).
            order = np.lexsort((columns, -means))
            for rank, k in enumerate(order):
                if means[k] < threshold:
                    break
                if not date.conflicts(group_dates[columns[k]], max_day_gap):
                    runner_up = means[order[rank + 1]] if rank + 1 < len(order) else 0.0
                    if means[k] >= margin * runner_up:
                        moves[g] = large[int(columns[k])]
                    break
    result = [list(members) for members in groups]
    for g, target in moves.items():
        result[target].extend(result[g])
        result[g] = []
    return [sorted(members) for members in result if members]


def _sums(vectors: csr_matrix, groups: list[list[int]]) -> csr_matrix:
    """Each group's summed vector, one row per group."""
    rows = [i for members in groups for i in members]
    owners = [k for k, members in enumerate(groups) for _ in members]
    assign = csr_matrix((np.ones(len(rows)), (owners, rows)),
                        shape=(len(groups), vectors.shape[0]))
    return (assign @ vectors).tocsr()
