"""A lone article joins the event it is most like, on a lower bar than events merge on.

Average link merges two groups when their mean similarity clears the threshold; an
article that reports an event in other words (a short brief, a headline, a piece from
another angle) can fall under it against every single report, yet stand clearly closer
to one event than to any other. After clustering, each one-article group is compared
with every larger group (mean similarity: its vector against the group's summed vector,
over the group's size) and joins the best one whose mean clears ``attach_threshold`` and
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


def attach_singletons(
    vectors: csr_matrix,
    groups: list[list[int]],
    dates: Sequence[PartialDate],
    threshold: float,
    max_day_gap: int,
    margin: float = 1.0,
    movable: Collection[int] | None = None,
) -> list[list[int]]:
    """Move each one-article group into its most similar larger group, where allowed.

    Args:
        vectors: The articles' weighted vectors (rows as ``groups`` index them).
        groups: Groups of article indices, as clustering returned them.
        dates: Each article's own partial date.
        threshold: Mean similarity a lone article needs with a group (≤ 0: off).
        max_day_gap: Days two full dates may differ within one event.
        margin: How many times the next best group's mean the chosen one must reach.
        movable: Only lone articles among these move (``None``: all). A join moves only
            its new articles: the stored lone ones were judged against every event, not
            just against the few a join reads.

    Returns:
        The groups, lone articles moved, in the order given (emptied ones dropped).
    """
    lone = [g for g, members in enumerate(groups)
            if len(members) == 1 and (movable is None or members[0] in movable)]
    large = [g for g, members in enumerate(groups) if len(members) > 1]
    if threshold <= 0 or not lone or not large:
        return groups
    rows = [i for g in large for i in groups[g]]
    owners = [k for k, g in enumerate(large) for _ in groups[g]]
    assign = csr_matrix((np.ones(len(rows)), (owners, rows)),
                        shape=(len(large), vectors.shape[0]))
    summed = (assign @ vectors).tocsr()
    sizes = np.array([len(groups[g]) for g in large], dtype=np.float64)
    group_dates = [GroupDate.of([dates[i] for i in groups[g]]).date for g in large]
    moves: dict[int, int] = {}
    for start in range(0, len(lone), _BLOCK):
        block = lone[start:start + _BLOCK]
        products = (vectors[[groups[g][0] for g in block]] @ summed.T).tocsr()
        products = csr_matrix(products.multiply(1.0 / sizes))  # column k over group k's size
        for row, g in enumerate(block):
            article = groups[g][0]
            span = slice(products.indptr[row], products.indptr[row + 1])
            means, columns = products.data[span], products.indices[span]
            # Best first (ties: the earlier group); the first the dates allow is taken if
            # it stands clear of the next best (an article between two events joins neither).
            order = np.lexsort((columns, -means))
            for rank, k in enumerate(order):
                if means[k] < threshold:
                    break
                if not dates[article].conflicts(group_dates[columns[k]], max_day_gap):
                    runner_up = means[order[rank + 1]] if rank + 1 < len(order) else 0.0
                    if means[k] >= margin * runner_up:
                        moves[g] = large[int(columns[k])]
                    break
    result = [list(members) for members in groups]
    for g, target in moves.items():
        result[target].extend(result[g])
        result[g] = []
    return [sorted(members) for members in result if members]
