"""Facets: products of the weighted vectors are weighted sums of per-facet cosines."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storyline_corpus_fixture import facet_articles, make_article  # noqa: E402

from storyline.config import load_config  # noqa: E402
from storyline.errors import ConfigError  # noqa: E402
from storyline.events.facets import (  # noqa: E402
    check_weights,
    facet_vectors,
    quantities,
    weighted_vectors,
)
from storyline.events.features import TextSpace  # noqa: E402
from storyline.events.step import EventsStep  # noqa: E402


def test_products_are_weighted_sums_of_facet_cosines() -> None:
    corpus = facet_articles()
    space = TextSpace(corpus)
    weights = {"doc": 2.0, "title": 1.0, "person": 1.0, "number": 0.0}
    vectors = weighted_vectors(corpus, space, weights)
    expected = sum(
        (weight / 4.0) * (facet_vectors(corpus, facet, space) @
                          facet_vectors(corpus, facet, space).T).toarray()
        for facet, weight in weights.items() if weight)
    assert np.allclose((vectors @ vectors.T).toarray(), expected, atol=1e-12)


def test_numbers_keep_the_word_after_them() -> None:
    article = make_article("n", ["A 6.1 magnitude quake killed 12 people and 1,200 goats."])
    tokens = quantities(article).split()
    assert {"n6.1_magnitude", "n12_people", "n1200_goats", "n12"} <= set(tokens)


@pytest.mark.parametrize("weights", [{}, {"dco": 1}, {"doc": "1"}, {"doc": -1}, {"doc": 0},
                                     {"doc": True}])
def test_bad_weights_are_refused_when_the_step_is_made(weights) -> None:
    with pytest.raises(ConfigError):
        check_weights(weights)
    with pytest.raises(ConfigError):
        EventsStep(load_config(overrides={"events": {"facet_weights": weights}}))


def test_shipped_weights_are_valid() -> None:
    check_weights(load_config()["events"]["facet_weights"])
