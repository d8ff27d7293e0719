"""What an event is, facet by facet, and one vector per article that weighs them all.

Two reports of one event share more than words: the same people, places and numbers
(a 6.1 quake, 12 dead), the same time words, a similar headline and lede. Two events of
one kind (two earthquakes, two product launches) share the words but not those. Each
facet here is its own TF-IDF space; an article's vector is the facets' unit vectors,
each scaled by the square root of its weight and laid side by side, so that the dot
product of two articles is the weighted sum of their per-facet cosines. The weights are
a logistic model's coefficients over those cosines, fitted on pairs of dev articles
(``bench/event_weights.py``), and shipped in ``defaults.toml`` (``[events]
facet_weights``). A weighted sum of dot products is itself a dot product, so the
clustering works on these vectors exactly as on plain TF-IDF ones: sparse products,
blocking, summed vectors per group.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer
from sklearn.preprocessing import normalize

from storyline.errors import ConfigError
from storyline.events.features import (
    TOKEN_PATTERN,
    AllPruned,
    TextSpace,
    entity_key,
    fit_terms,
    lead_text,
)
from storyline.model import Article

PLACES = frozenset({"GPE", "LOC", "FAC"})
GROUPS = frozenset({"NORP", "EVENT"})
_QUANTITY = re.compile(r"\b\d[\d,.]*\d\b|\b\d\b")
_UNIT = re.compile(r"\s*([^\W\d_]+)")


def _entities(labels: frozenset[str]) -> Callable[[Article], str]:
    """The facet text of entities with these labels: one token per mention."""
    def text(article: Article) -> str:
        return " ".join(entity_key(e).replace(" ", "_")
                        for e in article.entities if e.label in labels)
    return text


def quantities(article: Article) -> str:
    """Numbers with the word after them ("6.1_magnitude", "12_people"), one token each.

    The word keeps "12 dead" apart from "12 games"; a number alone also counts, since
    the unit is often a few words away.
    """
    tokens: list[str] = []
    text = article.text
    for match in _QUANTITY.finditer(text):
        number = match.group(0).replace(",", "")
        tokens.append(f"n{number}")
        unit = _UNIT.match(text, match.end())
        if unit:
            tokens.append(f"n{number}_{unit.group(1).lower()}")
    return " ".join(tokens)


def time_words(article: Article) -> str:
    """The article's date expressions, as resolved values where known, else as written.

    "now" or "recently" (``PRESENT_REF``, ``PAST_REF``) name no particular time: left out.
    """
    return " ".join("_".join((t.value or t.text).lower().split()) for t in article.temporal
                    if t.kind != "ref")


FACETS: dict[str, Callable[[Article], str]] = {
    "lead": lead_text,
    "title": lambda article: article.title or "",
    "person": _entities(frozenset({"PERSON"})),
    "org": _entities(frozenset({"ORG"})),
    "place": _entities(PLACES),
    "group": _entities(GROUPS),
    "number": quantities,
    "time": time_words,
}
"""Facet name → the text of an article it is read from (``doc`` is the TextSpace's)."""

PRUNED = -1
"""The column of a term the fit dropped as too common (it counts for nothing)."""
_WORDS = {"lead", "title"}  # facets of running text: English stop words and word tokens


def facet_vectors(articles: Sequence[Article], facet: str, space: TextSpace) -> csr_matrix:
    """Unit TF-IDF vectors of one facet (zero rows where an article has nothing of it)."""
    return fit_facet(articles, facet, space).vectors


@dataclass
class FittedFacet:
    """One facet fitted on a corpus: its vectors, its terms' columns and idf, dropped terms."""

    vectors: csr_matrix
    vocabulary: dict[str, int]
    idf: np.ndarray
    pruned: list[str]


def fit_facet(articles: Sequence[Article], facet: str, space: TextSpace) -> FittedFacet:
    """Fit one facet's TF-IDF space on ``articles`` (the doc facet is ``space``'s)."""
    if facet == "doc":
        if space.article_vectors is None:
            raise ValueError("the doc facet needs a space fitted on articles")
        return FittedFacet(space.article_vectors, dict(space.counter.vocabulary_),
                           space.weights.idf_, space.pruned)
    texts = [FACETS[facet](article) for article in articles]
    # As in the doc facet, what nearly every article has tells none apart (and N copies
    # sharing every term would otherwise make N² similar pairs).
    max_df = 0.9 if len(articles) > 20 else 1.0
    try:
        counter, counts, pruned = fit_terms(texts, facet_counter(facet), max_df)
    except AllPruned as everywhere:  # every term in nearly every article: none counts
        return FittedFacet(csr_matrix((len(articles), 1)), {}, np.zeros(0), everywhere.terms)
    except ValueError:  # no article has anything of this facet
        return FittedFacet(csr_matrix((len(articles), 1)), {}, np.zeros(0), [])
    weights = TfidfTransformer(sublinear_tf=True).fit(counts)
    vectors = normalize(weights.transform(counts)).tocsr()
    return FittedFacet(vectors, dict(counter.vocabulary_), weights.idf_, pruned)


def facet_counter(facet: str) -> CountVectorizer:
    """The (unfitted) term counter of a facet other than ``doc``: how its text is read."""
    if facet in _WORDS:
        return CountVectorizer(stop_words="english", token_pattern=TOKEN_PATTERN)
    return CountVectorizer(token_pattern=r"\S+", lowercase=False)


def check_weights(weights: object) -> None:
    """Refuse ``[events] facet_weights`` that name no facet or weigh nothing.

    Raises:
        ConfigError: Not a table of facet → non-negative number, or no weight positive.
    """
    known = ", ".join(["doc", *FACETS])
    if not isinstance(weights, Mapping) or not weights:
        raise ConfigError(f"[events] facet_weights must be a table of facet = weight; "
                          f"facets: {known}")
    for facet, weight in weights.items():
        if facet != "doc" and facet not in FACETS:
            raise ConfigError(f"[events] facet_weights: unknown facet {facet!r}; known: {known}")
        if isinstance(weight, bool) or not isinstance(weight, int | float) or weight < 0:
            raise ConfigError(f"[events] facet_weights: {facet} = {weight!r} is not a number "
                              f"≥ 0; give one")
    if not any(float(weight) > 0 for weight in weights.values()):
        raise ConfigError("[events] facet_weights has no positive weight; give doc = 1")


def weighted_vectors(
    articles: Sequence[Article], space: TextSpace, weights: Mapping[str, float]
) -> csr_matrix:
    """Each article's facets side by side, scaled so that products sum weighted cosines.

    Weights are made to sum to one, so a threshold keeps the scale of a cosine. An
    article with nothing of a facet has a zero cosine there (the fit saw the same).

    Raises:
        ConfigError: As :func:`check_weights`.
    """
    return fit_weighted(articles, space, weights)[0]


def facet_scales(weights: Mapping[str, float]) -> dict[str, float]:
    """Facet → the factor its unit vector is scaled by (sqrt of its share of the weight).

    Raises:
        ConfigError: As :func:`check_weights`.
    """
    check_weights(weights)
    used = {facet: float(weight) for facet, weight in weights.items() if float(weight) > 0}
    total = sum(used.values())
    return {facet: float(np.sqrt(weight / total)) for facet, weight in sorted(used.items())}


def fit_weighted(
    articles: Sequence[Article], space: TextSpace, weights: Mapping[str, float]
) -> tuple[csr_matrix, list[tuple[str, str, int, float]]]:
    """:func:`weighted_vectors`, and the space's terms as (facet, term, column, idf).

    Columns run over all facets side by side, in facet-name order (a facet without
    terms takes one empty column), so the rows can be stored and new articles read
    into the same columns later (:mod:`storyline.events.state`). Terms dropped as too
    common have column :data:`PRUNED`.
    """
    parts: list[csr_matrix] = []
    terms: list[tuple[str, str, int, float]] = []
    offset = 0
    for facet, scale in facet_scales(weights).items():
        fitted = fit_facet(articles, facet, space)
        parts.append(fitted.vectors * scale)
        terms.extend((facet, term, offset + col, float(fitted.idf[col]))
                     for term, col in fitted.vocabulary.items())
        terms.extend((facet, term, PRUNED, 0.0) for term in fitted.pruned)
        offset += fitted.vectors.shape[1]
    return hstack(parts, format="csr"), terms
