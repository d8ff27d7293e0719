"""The blocked, heap-driven average link gives the reference algorithm's groups."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.sparse import csr_matrix
from sklearn.preprocessing import normalize

from storyline.events.cluster import average_link
from storyline.events.cluster_reference import reference_average_link
from storyline.events.evidence import PartialDate

DAYS = st.one_of(
    st.just(PartialDate()),
    st.builds(PartialDate, st.sampled_from([2022, 2023]), st.none(), st.none()),
    st.builds(PartialDate, st.sampled_from([2023, None]), st.sampled_from([3, 5]), st.none()),
    st.builds(PartialDate, st.just(2023), st.just(5), st.integers(1, 12)),
)


@st.composite
def corpora(
    draw: st.DrawFn, ties: bool = True
) -> tuple[csr_matrix, list[list[int]], list[PartialDate], float]:
    count = draw(st.integers(1, 24))
    terms = draw(st.integers(1, 12))
    # Few terms and small integer weights: many equal vectors and equal means (ties).
    # Without ties: weights from a wide range, no copies.
    weight = st.integers(0, 3) if ties else st.integers(0, 10**6)
    weights = draw(st.lists(st.lists(weight, min_size=terms, max_size=terms),
                            min_size=count, max_size=count))
    copies = draw(st.lists(st.integers(0, count - 1), max_size=count // 2)) if ties else []
    matrix = np.array(weights, dtype=float)
    for target, source in enumerate(copies):
        matrix[target] = matrix[source]
    vectors = normalize(csr_matrix(matrix))
    labels = draw(st.lists(st.integers(0, max(count // 2, 1)), min_size=count, max_size=count))
    seeds: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        seeds.setdefault(label if label % 3 == 0 else -1 - i, []).append(i)
    dates = draw(st.lists(DAYS, min_size=count, max_size=count))
    threshold = draw(st.sampled_from([0.1, 0.14, 0.3, 0.5, 0.8]))
    return vectors, list(seeds.values()), dates, threshold


@settings(max_examples=300, deadline=None)
@given(corpora())
def test_blocked_groups_equal_the_reference(corpus: tuple) -> None:
    vectors, seeds, dates, threshold = corpus
    expected = reference_average_link(vectors, seeds, dates, threshold, 3)
    assert average_link(vectors, seeds, dates, threshold, 3) == expected


@settings(max_examples=200, deadline=None)
@given(corpora(ties=False))
def test_vector_sums_give_the_same_groups(corpus: tuple) -> None:
    """Parts too large for the dense matrix use summed vectors: the same groups but at ties.

    Their sums are added in another order, so two means equal in the reference can differ
    in the last bit there (and the other of the pair merges first): exact up to rounding.
    """
    vectors, seeds, dates, threshold = corpus
    expected = sorted(reference_average_link(vectors, seeds, dates, threshold, 3))
    assert sorted(average_link(vectors, seeds, dates, threshold, 3, exact_block=1)) == expected


def test_unlinked_groups_are_never_compared() -> None:
    """Two topics without a similar pair between them are clustered apart (and stay apart)."""
    vectors = normalize(csr_matrix(np.array([[1.0, 0, 0], [0.9, 0.1, 0], [0, 0, 1.0]])))
    assert average_link(vectors, [[0], [1], [2]], [PartialDate()] * 3, 0.5, 3) == [[0, 1], [2]]


def test_a_large_part_by_vector_sums_equals_the_reference() -> None:
    """Enough merges in one part that its matrix of group vectors is rebuilt on the way."""
    rng = np.random.default_rng(7)
    weights = rng.random((300, 40)) * (rng.random((300, 40)) < 0.3)
    vectors = normalize(csr_matrix(weights))
    seeds = [[i] for i in range(300)]
    dates = [PartialDate(2023, int(m), None) if m else PartialDate()
             for m in rng.choice([0, 0, 3, 5], 300)]
    expected = sorted(reference_average_link(vectors, seeds, dates, 0.3, 3))
    assert sorted(average_link(vectors, seeds, dates, 0.3, 3, exact_block=1)) == expected
    assert average_link(vectors, seeds, dates, 0.3, 3) == reference_average_link(
        vectors, seeds, dates, 0.3, 3)


@settings(max_examples=200, deadline=None)
@given(corpora(), st.sampled_from([0.5, 1.5, 3.0]))
def test_a_minimum_sum_gives_the_reference_groups(corpus: tuple, min_total: float) -> None:
    vectors, seeds, dates, threshold = corpus
    expected = reference_average_link(vectors, seeds, dates, threshold, 3, min_total)
    assert average_link(vectors, seeds, dates, threshold, 3, min_total=min_total) == expected


@settings(max_examples=200, deadline=None)
@given(corpora(ties=False), st.sampled_from([0.5, 1.5, 3.0]))
def test_a_minimum_sum_by_vector_sums_gives_the_reference_groups(
        corpus: tuple, min_total: float) -> None:
    """As the dense path, without ties: summed vectors are equal only up to rounding."""
    vectors, seeds, dates, threshold = corpus
    expected = reference_average_link(vectors, seeds, dates, threshold, 3, min_total)
    assert sorted(average_link(vectors, seeds, dates, threshold, 3, exact_block=1,
                               min_total=min_total)) == sorted(expected)


def test_a_minimum_sum_keeps_one_similar_pair_apart() -> None:
    # Cosine 0.6 clears the mean but is one pair's worth: 0.6 < 1.0.
    vectors = normalize(csr_matrix(np.array([[1.0, 0.0], [0.6, 0.8]])))
    assert average_link(vectors, [[0], [1]], [PartialDate()] * 2, 0.5, 3, min_total=1.0) == [
        [0], [1]]
    assert average_link(vectors, [[0], [1]], [PartialDate()] * 2, 0.5, 3) == [[0, 1]]
