"""The stored event space: articles read into it later get the vectors the fit gave them."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storyline_corpus_fixture import facet_articles, make_article  # noqa: E402

from storyline.config import load_config  # noqa: E402
from storyline.events.evidence import DateEvidence, PartialDate  # noqa: E402
from storyline.events.facets import PRUNED, fit_weighted  # noqa: E402
from storyline.events.features import TextSpace  # noqa: E402
from storyline.events.state import (  # noqa: E402
    evidence_of,
    feature_row,
    keys_of,
    read_articles,
    stack_rows,
    strongest_columns,
)


def test_articles_read_into_the_stored_space_get_the_fitted_vectors() -> None:
    articles = facet_articles()
    weights = load_config()["events"]["facet_weights"]
    fitted, terms = fit_weighted(articles, TextSpace(articles), weights)
    table = {(facet, term): (col, idf) for facet, term, col, idf in terms}

    def lookup(wanted):
        return {(f, t): table[(f, t)] for f, ts in wanted.items() for t in ts if (f, t) in table}

    again = read_articles(articles, weights, lookup, fitted.shape[1], len(articles))
    assert not again.new_terms
    assert np.allclose(again.vectors.toarray(), fitted.toarray(), atol=1e-12)


def table_lookup(terms):
    table = {(facet, term): (col, idf) for facet, term, col, idf in terms}
    return lambda wanted: {(f, t): table[(f, t)] for f, ts in wanted.items() for t in ts
                           if (f, t) in table}


def test_new_words_take_new_columns_and_common_ones_count_for_nothing() -> None:
    # 24 articles (over 20: terms in more than 90 % of them are dropped), all saying "town".
    articles = [make_article(f"a{i}", [f"The town council met about the bridge {word}."],
                             title="") for i, word in enumerate(["repairs", "costs"] * 12)]
    weights = {"doc": 1.0}
    fitted, terms = fit_weighted(articles, TextSpace(articles), weights)
    dropped = {term for facet, term, col, _ in terms if col == PRUNED}
    assert "town" in dropped
    new = [make_article("n1", ["Zorblat town costs."], title=""),
           make_article("n2", ["Zorblat town repairs."], title="")]
    read = read_articles(new, weights, table_lookup(terms), fitted.shape[1], len(articles))
    assert [(facet, term) for facet, term, _, _ in read.new_terms] == [("doc", "zorblat")]
    assert read.width == fitted.shape[1] + 1
    column = read.new_terms[0][2]
    assert column == fitted.shape[1]
    # Both new articles share the new word; neither counts the dropped one.
    assert all(column in read.vectors[r].indices for r in range(2))
    assert read.vectors.shape[1] == read.width
    assert np.allclose(np.linalg.norm(read.vectors.toarray(), axis=1), 1.0)
    again = read_articles(articles[:1], weights, table_lookup(terms), fitted.shape[1],
                          len(articles))
    assert np.allclose(again.vectors.toarray(), fitted[:1].toarray(), atol=1e-12)


def test_feature_rows_round_trip() -> None:
    articles = facet_articles()
    fitted, _ = fit_weighted(articles, TextSpace(articles), {"doc": 1.0})
    evidence = DateEvidence(own=PartialDate(2024, 5, None), basis="dateline",
                            lead_weekdays=[2], event_hint=PartialDate(2024, 5, 7))
    rows = [feature_row(fitted[i], {"ostbury", "ana ruiz"}, evidence) for i in range(4)]
    assert np.array_equal(stack_rows(rows, fitted.shape[1]).toarray(), fitted.toarray())
    assert keys_of(rows[0]) == {"ostbury", "ana ruiz"}
    assert evidence_of(rows[0]) == evidence


def test_strongest_columns_are_the_largest_values() -> None:
    articles = facet_articles()
    fitted, _ = fit_weighted(articles, TextSpace(articles), {"doc": 1.0})
    row = fitted[0]
    top = strongest_columns(row, 3)
    largest = sorted(row.indices[np.argsort(-row.data)[:3]].tolist())
    assert top == largest
    assert strongest_columns(row, 10_000) == sorted(row.indices.tolist())
