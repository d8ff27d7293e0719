"""What the events step keeps between runs, and reading new articles into it.

A full clustering fits the facet spaces on the whole corpus; their terms (column, idf) are
stored and then frozen, so that an article added later is read into the same columns
without refitting anything: its vector is comparable with the stored ones, and an event's
summed vector stays valid. A term the fit never saw takes a new column with the weight it
has when first seen; all weights are refitted by the next full clustering (the step
clusters afresh when the corpus has grown by ``[events] refit_growth``).

Per article the state keeps its weighted vector, its entity keys and its date evidence
(as the full clustering left them), so that joining one new article to an event reads
that event's rows, never its articles' texts.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass

import numpy as np
from scipy.sparse import csr_matrix

from storyline.events.evidence import DateEvidence, PartialDate
from storyline.events.facets import FACETS, PRUNED, facet_counter, facet_scales
from storyline.events.features import TextSpace, doc_analyzer
from storyline.model import Article
from storyline.store.event_state import FeatureRow

Lookup = Callable[[Mapping[str, set[str]]], dict[tuple[str, str], tuple[int, float]]]
"""Reads the stored (column, idf) of the given facet terms (the view's ``space_columns``)."""


def analyzers(weights: Mapping[str, float]) -> dict[str, Callable[[str], list[str]]]:
    """Facet → the function that turns its text into terms, as the fit read it."""
    found: dict[str, Callable[[str], list[str]]] = {}
    for facet in facet_scales(weights):
        if facet == "doc":
            found[facet] = doc_analyzer()
        else:
            found[facet] = facet_counter(facet).build_analyzer()
    return found


def facet_text(article: Article, facet: str) -> str:
    """The text of ``article`` a facet is read from."""
    return TextSpace.document(article) if facet == "doc" else FACETS[facet](article)


@dataclass
class ReadArticles:
    """Articles read into the stored space, and the terms they brought into it."""

    vectors: csr_matrix
    new_terms: list[tuple[str, str, int, float]]
    """(facet, term, column, idf) of terms the space did not know, in new columns."""
    width: int


def read_articles(articles: Sequence[Article], weights: Mapping[str, float], lookup: Lookup,
                  width: int, fitted: int) -> ReadArticles:
    """The articles' weighted vectors in the stored space.

    Each facet as the fit made it: sublinear term frequency × idf, unit length, scaled
    by the facet's weight share. A term the fit dropped as too common counts for nothing;
    a term it never saw (a new name) takes a new column, with the idf it has among
    ``fitted`` documents plus these articles, so that the new articles that share it are
    alike by it (and later ones find it).
    """
    scales = facet_scales(weights)
    readers = analyzers(weights)
    counts = [{facet: Counter(readers[facet](facet_text(a, facet))) for facet in scales}
              for a in articles]
    known = dict(lookup({facet: {t for c in counts for t in c[facet]} for facet in scales}))
    frequency = Counter((facet, t) for c in counts for facet in scales for t in c[facet]
                        if (facet, t) not in known)
    new_terms: list[tuple[str, str, int, float]] = []
    total = fitted + len(articles)
    for (facet, term), df in sorted(frequency.items()):
        idf = float(np.log((1 + total) / (1 + df)) + 1)
        new_terms.append((facet, term, width + len(new_terms), idf))
        known[(facet, term)] = (new_terms[-1][2], idf)
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for r, by_facet in enumerate(counts):
        for facet, scale in scales.items():
            entries = [(known[(facet, term)], n) for term, n in by_facet[facet].items()
                       if known[(facet, term)][0] != PRUNED]
            if not entries:
                continue
            values = np.array([(1.0 + np.log(n)) * idf for (_, idf), n in entries])
            values *= scale / np.linalg.norm(values)
            rows.extend([r] * len(entries))
            cols.extend(col for (col, _), _ in entries)
            vals.extend(values.tolist())
    width += len(new_terms)
    matrix = csr_matrix((vals, (rows, cols)), shape=(len(articles), width))
    matrix.sort_indices()
    return ReadArticles(matrix, new_terms, width)


def feature_row(vector: csr_matrix, keys: set[str], evidence: DateEvidence) -> FeatureRow:
    """One article's stored row: its vector (one row of a matrix), keys and evidence."""
    return FeatureRow(
        vector.indices.astype(np.int32).tobytes(),
        vector.data.astype(np.float64).tobytes(),
        json.dumps(sorted(keys), ensure_ascii=False),
        json.dumps(asdict(evidence)),
    )


def stack_rows(rows: Sequence[FeatureRow], width: int) -> csr_matrix:
    """Stored rows back into one matrix (row i = ``rows[i]``)."""
    cols = [np.frombuffer(row.cols, dtype=np.int32) for row in rows]
    vals = [np.frombuffer(row.vals, dtype=np.float64) for row in rows]
    indptr = np.concatenate([[0], np.cumsum([len(c) for c in cols])])
    data = np.concatenate(vals) if vals else np.zeros(0)
    indices = np.concatenate(cols) if cols else np.zeros(0, dtype=np.int32)
    return csr_matrix((data, indices, indptr), shape=(len(rows), width))


def keys_of(row: FeatureRow) -> set[str]:
    """The entity keys of a stored row."""
    return set(json.loads(row.keys))


def evidence_of(row: FeatureRow) -> DateEvidence:
    """The date evidence of a stored row."""
    data = json.loads(row.evidence)
    hint = data.pop("event_hint")
    own = data.pop("own")
    return DateEvidence(own=PartialDate(**own), event_hint=PartialDate(**hint) if hint else None,
                        **data)


def strongest_columns(summed: csr_matrix, count: int) -> list[int]:
    """The ``count`` columns of largest value in a one-row matrix: an event's postings."""
    if summed.nnz <= count:
        return sorted(int(c) for c in summed.indices)
    top = np.argpartition(-summed.data, count)[:count]
    return sorted(int(c) for c in summed.indices[top])
