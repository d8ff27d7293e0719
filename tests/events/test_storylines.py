"""Storylines from similar pairs only equal the all-pairs single link."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.sparse import csr_matrix
from sklearn.preprocessing import normalize

from storyline.events.storylines import link_events


def all_pairs(vectors, dates, threshold, max_gap_days):
    """The quadratic single link the step used before."""
    count = vectors.shape[0]
    parent = list(range(count))

    def find(i):
        while parent[i] != i:
            i = parent[i]
        return i

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


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 20).flatmap(lambda n: st.tuples(
    st.lists(st.lists(st.integers(0, 3), min_size=6, max_size=6), min_size=n, max_size=n),
    st.lists(st.one_of(st.none(), st.integers(0, 1500)), min_size=n, max_size=n),
    st.sampled_from([0.12, 0.3, 0.6]),
)))
def test_links_equal_the_all_pairs_single_link(case) -> None:
    weights, days, threshold = case
    vectors = normalize(csr_matrix(np.array(weights, dtype=float).reshape(len(weights), 6)))
    dates = [None if d is None else date(2020, 1, 1) + timedelta(days=d) for d in days]
    assert link_events(vectors, dates, threshold, 550) == all_pairs(vectors, dates, threshold, 550)
