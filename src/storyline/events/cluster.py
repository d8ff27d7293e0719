"""Average-link clustering of articles into events, with dates as cannot-links.

Two groups of articles join when their mean pairwise similarity clears a
threshold and their dates allow one event: a summit in March and a summit in
May are two events however alike their words are.

The groups are those of :func:`~storyline.events.cluster_reference.reference_average_link`
(merge the most similar allowed pair, again and again), found without comparing every
group with every other:

* Blocking. A mean of member-pair similarities reaches the threshold only if some
  member pair does, so groups never joined by such a pair (directly or through other
  groups) can never merge. The pairs come from sparse products a block at a time
  (:mod:`storyline.events.pairs`); each connected part is clustered on its own, since a
  merge in one part changes nothing in another.
* A heap. Within a part only linked pairs are candidates; a merge changes the means of
  the merged group's pairs only, so those are pushed again and older entries are
  recognised as stale by a version number.

Within a part of at most ``exact_block`` groups the summed similarities are kept in a
dense matrix and updated by the same additions as the reference, so every mean is the
same float and the merges are the same, ties included. A larger part keeps one summed
vector per group and takes its products when needed: the same sums added in another
order, equal up to rounding (a merge can differ only where two means tie to ~1e-15).
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

import numpy as np
from scipy.sparse import csr_matrix, issparse
from scipy.sparse.csgraph import connected_components

from storyline.events.cluster_reference import GroupDate, reference_average_link
from storyline.events.evidence import PartialDate
from storyline.events.pairs import similar_pairs

EDGE_MARGIN = 1e-9
"""Pairs this far under the threshold still link groups: a mean computed by other additions
than the pair's own product may round a hair above it, and an extra link costs nothing."""

EXACT_BLOCK = 3000
"""Default largest part clustered with a dense matrix of sums (3000² floats: 72 MB)."""


def average_link(
    similarity: np.ndarray | csr_matrix,
    seeds: Sequence[Sequence[int]],
    dates: Sequence[PartialDate],
    threshold: float,
    max_day_gap: int,
    exact_block: int = EXACT_BLOCK,
    min_total: float = 0.0,
) -> list[list[int]]:
    """Merge seed groups greedily by mean similarity, never across conflicting dates.

    Args:
        similarity: The articles' L2-normalised vectors (sparse), whose products give
            their cosines; or an article × article similarity matrix (dense, small
            inputs only: it is clustered by the reference algorithm).
        seeds: Initial groups covering every article once (must-links: copies of one
            story, members of an event that already exists).
        dates: Each article's own partial date.
        threshold: Mean similarity two groups need to merge (positive).
        max_day_gap: Days two full dates may differ within one event.
        exact_block: Largest part kept as a dense matrix (see the module docstring).
        min_total: Summed similarity (sizes × mean) a pair also needs: one similar
            pair of small groups is one noisy cosine, many pairs of large ones are not.

    Returns:
        Groups of article indices, as the reference algorithm returns them.
    """
    if not issparse(similarity):
        return reference_average_link(similarity, seeds, dates, threshold, max_day_gap,
                                      min_total)
    vectors = csr_matrix(similarity)
    groups = [list(seed) for seed in seeds]
    count = len(groups)
    if count == 0:
        return []
    rows = [i for members in groups for i in members]
    columns = [g for g, members in enumerate(groups) for _ in members]
    assign = csr_matrix((np.ones(len(rows)), (columns, rows)), shape=(count, vectors.shape[0]))
    summed = (assign @ vectors).tocsr()  # each group's summed vector, as the reference has it
    group_of = np.zeros(vectors.shape[0], dtype=np.int64)
    group_of[rows] = columns
    first, second, _ = similar_pairs(vectors, None, threshold - EDGE_MARGIN)
    first, second = group_of[first], group_of[second]
    apart = first != second
    links = csr_matrix(
        (np.ones(int(apart.sum())), (first[apart], second[apart])), shape=(count, count)
    )
    links = (links + links.T).tocsr()
    parts, labels = connected_components(links, directed=False)
    order = np.argsort(labels, kind="stable")
    bounds = np.flatnonzero(np.diff(labels[order])) + 1
    state = _State(groups, dates, max_day_gap, threshold,
                   np.asarray(assign.sum(axis=1)).ravel().tolist(), min_total)
    for part in np.split(order, bounds):
        if len(part) < 2:
            continue
        members = [int(g) for g in part]  # ascending: the stable sort kept index order
        totals: _Totals = (
            _DenseTotals(summed, members) if len(members) <= exact_block
            else _VectorTotals(summed, members)
        )
        state.merge_part(members, links, totals)
    return [sorted(members) for members in groups if members]


class _Totals:
    """Summed similarities between groups of one part, as the merges change them."""

    def pair_totals(self, a: int, others: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """(sum a→other, sum other→a) for each of ``others``."""
        raise NotImplementedError

    def merge(self, a: int, b: int) -> None:
        """Group ``b`` joined group ``a``."""
        raise NotImplementedError


class _DenseTotals(_Totals):
    """The reference's matrix restricted to one part: the same floats, the same updates."""

    def __init__(self, summed: csr_matrix, members: list[int]) -> None:
        block = summed[members]
        self.position = {g: x for x, g in enumerate(members)}
        # Row i of a sparse product depends on row i alone, so this block holds exactly
        # the numbers the reference's whole matrix holds at these places.
        self.totals = np.asarray((block @ block.T).todense())

    def pair_totals(self, a: int, others: list[int]) -> tuple[np.ndarray, np.ndarray]:
        x = self.position[a]
        where = [self.position[c] for c in others]
        return self.totals[x, where], self.totals[where, x]

    def merge(self, a: int, b: int) -> None:
        x, y = self.position[a], self.position[b]
        self.totals[x, :] += self.totals[y, :]
        self.totals[:, x] += self.totals[:, y]


class _VectorTotals(_Totals):
    """Sums as products of summed vectors (equal up to rounding), never an m × m matrix.

    A group's vector is the sum of its seeds' rows; its sums with the neighbours are one
    product of their seed rows with the group's vector made dense, added up per neighbour.
    """

    def __init__(self, summed: csr_matrix, members: list[int]) -> None:
        self.matrix = summed[members]
        self.rows = {g: [x] for x, g in enumerate(members)}

    def pair_totals(self, a: int, others: list[int]) -> tuple[np.ndarray, np.ndarray]:
        vector = np.asarray(self.matrix[self.rows[a]].sum(axis=0)).ravel()
        rows = [x for c in others for x in self.rows[c]]
        owner = np.repeat(np.arange(len(others)), [len(self.rows[c]) for c in others])
        values = np.bincount(owner, weights=self.matrix[rows] @ vector, minlength=len(others))
        return values, values

    def merge(self, a: int, b: int) -> None:
        self.rows[a].extend(self.rows.pop(b))


class _State:
    """Groups, their sizes and dates across all parts of one clustering."""

    def __init__(
        self,
        groups: list[list[int]],
        dates: Sequence[PartialDate],
        max_day_gap: int,
        threshold: float,
        sizes: list[float],
        min_total: float = 0.0,
    ) -> None:
        self.groups, self.dates, self.gap, self.threshold = groups, dates, max_day_gap, threshold
        self.sizes, self.min_total = sizes, min_total
        self.group_dates = [GroupDate.of([dates[i] for i in members]) for members in groups]
        self.version = [0] * len(groups)

    def merge_part(self, members: list[int], links: csr_matrix, totals: _Totals) -> None:
        """Merge within one part, best allowed pair first, until no mean clears the threshold.

        The heap orders entries as the reference's ``argmax`` does: highest mean, then
        lowest row, then lowest column (its matrix need not be exactly symmetric, so
        both orders of a pair are entries).
        """
        neighbours = {g: {int(c) for c in links.indices[links.indptr[g]:links.indptr[g + 1]]}
                      for g in members}
        heap: list[tuple[float, int, int, int, int]] = []
        for a in members:
            later = sorted(c for c in neighbours[a] if c > a)
            if later:
                self._push(heap, a, later, totals)
        while heap:
            _, a, b, version_a, version_b = heapq.heappop(heap)
            if version_a != self.version[a] or version_b != self.version[b]:
                continue  # a newer entry (or none: the pair stopped qualifying) replaced it
            self.groups[a].extend(self.groups[b])
            self.groups[b] = []
            totals.merge(a, b)
            self.sizes[a] += self.sizes[b]
            self.version[a] += 1
            self.version[b] += 1  # b is gone: every entry naming it is stale
            self.group_dates[a] = GroupDate.of([self.dates[i] for i in self.groups[a]])
            joined = (neighbours[a] | neighbours.pop(b)) - {a, b}
            neighbours[a] = joined
            for c in joined:
                neighbours[c].discard(b)
                neighbours[c].add(a)
            if joined:
                self._push(heap, a, sorted(joined), totals)

    def _push(
        self, heap: list[tuple[float, int, int, int, int]], a: int, others: list[int],
        totals: _Totals,
    ) -> None:
        """Enter (a, c) and (c, a) for each allowed c whose mean and sum with a clear the bars."""
        outgoing, incoming = totals.pair_totals(a, others)
        size_a, date_a = self.sizes[a], self.group_dates[a].date
        for c, out_total, in_total in zip(others, outgoing.tolist(), incoming.tolist(),
                                          strict=True):
            product = size_a * self.sizes[c]
            out_mean, in_mean = out_total / product, in_total / product
            if max(out_mean, in_mean) < self.threshold:
                continue
            if date_a.conflicts(self.group_dates[c].date, self.gap):
                continue
            if out_mean >= self.threshold and out_total >= self.min_total:
                heapq.heappush(heap, (-out_mean, a, c, self.version[a], self.version[c]))
            if in_mean >= self.threshold and in_total >= self.min_total:
                heapq.heappush(heap, (-in_mean, c, a, self.version[c], self.version[a]))
