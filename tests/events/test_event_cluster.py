import numpy as np

from storyline.events.cluster import average_link
from storyline.events.evidence import PartialDate


def test_similar_articles_merge_and_dissimilar_stay_apart():
    similarity = np.array([[1, 0.8, 0.1], [0.8, 1, 0.1], [0.1, 0.1, 1]])
    groups = average_link(similarity, [[0], [1], [2]], [PartialDate()] * 3, 0.5, 3)
    assert sorted(groups) == [[0, 1], [2]]


def test_conflicting_dates_never_merge():
    similarity = np.array([[1, 0.9], [0.9, 1]])
    dates = [PartialDate(2023, 3, None), PartialDate(2023, 5, 7)]
    assert sorted(average_link(similarity, [[0], [1]], dates, 0.5, 3)) == [[0], [1]]


def test_days_within_the_gap_merge():
    similarity = np.array([[1, 0.9], [0.9, 1]])
    dates = [PartialDate(2023, 5, 7), PartialDate(2023, 5, 8)]
    assert average_link(similarity, [[0], [1]], dates, 0.5, 3) == [[0, 1]]


def test_seeds_are_must_links():
    similarity = np.array([[1, 0.0], [0.0, 1]])
    assert average_link(similarity, [[0, 1]], [PartialDate()] * 2, 0.5, 3) == [[0, 1]]
