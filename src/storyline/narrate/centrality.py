"""Choosing the most central sentences of a set, never two near-identical ones.

Centrality is the TF-IDF cosine of a sentence to the centroid of its set (the
centroid summariser news-tls uses for each timeline date). Reprints repeat the
same sentences with light edits, so a greedy pass drops a candidate that is too
close to one already chosen, and cites the preferred copy of each chosen one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
from rapidfuzz import fuzz
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import TfidfVectorizer

NEAR_DUPLICATE_COSINE = 0.8  # TF-IDF cosine above which two sentences say the same thing
NEAR_DUPLICATE_RATIO = 90.0  # rapidfuzz ratio catching short sentences with small edits
_FUZZY_FLOOR = 0.4  # below this cosine two sentences share too few words to be copies
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Collapse case and whitespace, so reprinted copies of a sentence compare equal."""
    return _SPACE.sub(" ", text).strip().lower()


def collapse_repeats(
    indices: Sequence[int], texts: Sequence[str], keys: Sequence[Any],
    extra: Sequence[Any] | None = None,
) -> tuple[list[int], list[float]]:
    """One row per distinct sentence text, the preferred copy (smallest key) first.

    Copies repeat sentences word for word; scoring each repeat and comparing it with
    every chosen sentence costs N² for N copies. The returned weights (how many rows a
    kept row stands for) keep the centroid what it was.

    Args:
        indices: Candidate rows.
        texts: Text of every row.
        keys: Preference key of every row (smallest is kept).
        extra: Optional per-row value that must also agree (e.g. a score bonus).

    Returns:
        (kept rows in preference order, weight of each).
    """
    position: dict[tuple[str, Any], int] = {}
    unique: list[int] = []
    weights: list[float] = []
    for row in sorted(indices, key=keys.__getitem__):
        at = position.setdefault((texts[row], None if extra is None else extra[row]),
                                 len(unique))
        if at == len(unique):
            unique.append(row)
            weights.append(0.0)
        weights[at] += 1.0
    return unique, weights


class SentenceSpace:
    """TF-IDF vectors of a list of sentences, fitted once and queried by subsets."""

    def __init__(self, texts: Sequence[str], fit_on: Sequence[str] | None = None) -> None:
        """Vectorise ``texts`` (rows are L2-normalised, so dot products are cosines).

        ``fit_on`` (default ``texts``) gives the weights: all sentences, repeats
        included, when ``texts`` holds each repeated sentence once.
        """
        self.texts = list(texts)
        self.matrix: csr_matrix
        vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True)
        try:
            vectorizer.fit(self.texts if fit_on is None else list(fit_on))
        except ValueError:  # empty vocabulary: nothing but stop words or no text at all
            self.matrix = csr_matrix((len(self.texts), 1))
        else:
            self.matrix = csr_matrix(vectorizer.transform(self.texts))

    def centrality(
        self, indices: Sequence[int], weights: Sequence[float] | None = None
    ) -> np.ndarray:
        """Cosine of each sentence in ``indices`` to the centroid of that subset.

        ``weights`` counts each row several times (a sentence repeated by N copies
        is one row of weight N, not N rows).
        """
        if not indices:
            return np.zeros(0)
        rows = self.matrix[list(indices)]
        if weights is None:
            centroid = np.asarray(rows.mean(axis=0)).ravel()
        else:
            counts = np.asarray(weights, dtype=float)
            centroid = np.asarray(rows.T @ counts).ravel() / counts.sum()
        norm = float(np.linalg.norm(centroid))
        if norm == 0.0:
            return np.zeros(len(indices))
        return np.asarray(rows @ (centroid / norm)).ravel()

    def similar(self, first: int, second: int) -> bool:
        """Tell whether two sentences are near-identical (a reprint's copy, a light edit)."""
        cosine = float(self.matrix[first].multiply(self.matrix[second]).sum())
        return self._near(first, second, cosine)

    def copies(self, row: int, indices: Sequence[int]) -> list[int]:
        """Return the rows of ``indices`` near-identical to ``row`` (``row`` included)."""
        cosines = np.asarray(self.matrix[list(indices)] @ self.matrix[row].T.toarray()).ravel()
        return [other for other, cosine in zip(indices, cosines, strict=True)
                if other == row or self._near(row, other, float(cosine))]

    def _near(self, first: int, second: int, cosine: float) -> bool:
        if cosine >= NEAR_DUPLICATE_COSINE:
            return True
        a, b = normalise(self.texts[first]), normalise(self.texts[second])
        if a == b:
            return True
        # Sentences that differ by a few characters share most words: skip the costly
        # character comparison for pairs with little vocabulary in common.
        return cosine >= _FUZZY_FLOOR and fuzz.ratio(a, b) >= NEAR_DUPLICATE_RATIO

    def select(
        self,
        indices: Sequence[int],
        count: int,
        preference: Sequence[Any],
        bonus: Sequence[float] | None = None,
        avoid: Sequence[int] = (),
        weights: Sequence[float] | None = None,
    ) -> list[int]:
        """Pick up to ``count`` central, mutually distinct sentences from ``indices``.

        Args:
            indices: Candidate rows of this space.
            count: How many to return.
            preference: One sort key per row of the space; among near-identical
                copies the smallest key is returned (originals before reprints).
            bonus: Optional score added per candidate (same order as ``indices``).
            avoid: Rows already used elsewhere; their near-copies are not picked again.
            weights: Optional count per candidate (see :meth:`centrality`).

        Returns:
            Chosen rows, most central first; each is the preferred copy of its sentence.
        """
        if count <= 0 or not indices:
            return []
        scores = self.centrality(indices, weights)
        if bonus is not None:
            scores = scores + np.asarray(bonus, dtype=float)
        # Stable order: score descending, then preferred copy first.
        order = sorted(range(len(indices)), key=lambda i: (-scores[i], preference[indices[i]]))
        avoided = list(avoid)
        # One sparse product instead of a pair-by-pair loop over everything already used.
        against_avoided = (
            np.asarray((self.matrix[list(indices)] @ self.matrix[avoided].T).todense())
            if avoided else np.zeros((len(indices), 0))
        )
        chosen: list[int] = []
        for position in order:
            candidate = indices[position]
            close = np.nonzero(against_avoided[position] >= _FUZZY_FLOOR)[0]
            if any(self._near(candidate, avoided[j], float(against_avoided[position, j]))
                   for j in close):
                continue
            if any(self.similar(candidate, kept) for kept in chosen):
                continue
            chosen.append(candidate)
            if len(chosen) == count:
                break
        return [min(self.copies(kept, indices), key=lambda row: preference[row])
                for kept in chosen]
