"""Vectors for comparing articles, events and single sentences by what they are about."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.base import clone
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer
from sklearn.preprocessing import normalize

from storyline.model import Article, EntityMention

LEAD_PARAGRAPHS = 2
TOKEN_PATTERN = r"(?u)\b[\w’']*[^\W\d_][\w’']*\b"
"""A word: letters, with digits or apostrophes inside (not a number alone)."""
_NO_TERM = " "  # the token pattern never yields a space: matches no text


def lead_text(article: Article) -> str:
    """Title and first body paragraphs: what the article is about, not its background."""
    body = [article.paragraph_text(i) for i, p in enumerate(article.paragraphs) if p.kind == "body"]
    return " ".join([article.title or "", *body[:LEAD_PARAGRAPHS]])


def entity_key(mention: EntityMention) -> str:
    """A mention's canonical name, lower-cased, spaces collapsed: one key per entity."""
    return " ".join((mention.canonical or mention.text).lower().split())


def entity_keys(article: Article) -> set[str]:
    """The keys of the entities the article names."""
    return {entity_key(e) for e in article.entities}


def entity_terms(article: Article) -> str:
    """Canonical entity names as single tokens, so "Fumio Kishida" and "Kishida" agree."""
    return " ".join("ent_" + key.replace(" ", "_") for key in sorted(entity_keys(article)))


class TextSpace:
    """One TF-IDF space shared by articles and sentences of a corpus.

    With ``by_sentence`` the weights come from sentence frequencies: in a small corpus
    every article names the main actors, but few sentences name the place of one event.

    The space is a term counter and a TF-IDF weighting kept apart (what scikit-learn's
    ``TfidfVectorizer`` does in one), so that the counts the fit took give the articles'
    vectors without a second pass over the texts.
    """

    def __init__(self, articles: Sequence[Article], by_sentence: bool = False) -> None:
        """Fit the vocabulary and weights on the whole corpus."""
        documents = [self.document(a) for a in articles]
        units = documents
        if by_sentence:
            units = [s.text for a in articles for s in a.sentences]
            units += [a.title or "" for a in articles]
        # Common terms are dropped only where there are enough articles to tell.
        max_df = 0.9 if len(articles) > 20 and not by_sentence else 1.0
        self.counter, counts, self.pruned = _fit(units, max_df)
        # (A corpus of no units still gets weights: one empty row to fit them on.)
        self.weights = TfidfTransformer(sublinear_tf=True).fit(
            counts if counts.shape[0] else csr_matrix((1, counts.shape[1]))
        )
        self.article_vectors: csr_matrix | None = None
        if documents and not by_sentence:
            # The fit counted every document already: no second pass over the texts.
            self.article_vectors = self._weigh(_sorted(counts))

    @staticmethod
    def document(article: Article) -> str:
        """The text an article is compared by: the lead counts twice, entities once more."""
        return " ".join(
            [lead_text(article), lead_text(article), article.text, entity_terms(article)]
        )

    def transform(self, texts: Sequence[str]) -> csr_matrix:
        """L2-normalised TF-IDF vectors of ``texts``."""
        return self._weigh(self.counter.transform(list(texts)))

    def _weigh(self, counts: csr_matrix) -> csr_matrix:
        return normalize(self.weights.transform(counts))


def _sorted(counts: csr_matrix) -> csr_matrix:
    """Counts with column indices in order, as ``transform`` gives them.

    Sums of squares (the norms) are added in index order: the same order, the same floats.
    """
    counts = csr_matrix(counts, dtype=np.float64)
    counts.sort_indices()
    return counts


def doc_analyzer() -> Callable[[str], list[str]]:
    """The function that turns a :meth:`TextSpace.document` into its terms."""
    return _counter(1.0).build_analyzer()


def _counter(max_df: float) -> CountVectorizer:
    return CountVectorizer(
        stop_words="english",
        min_df=1,
        max_df=max_df,
        token_pattern=TOKEN_PATTERN,
        dtype=np.float64,
    )


def _fit(units: Sequence[str], max_df: float) -> tuple[CountVectorizer, csr_matrix, list[str]]:
    """Fit a term counter that never fails on a degenerate vocabulary; the units' counts.

    Identical texts put every term in every unit, so ``max_df`` would prune them all;
    texts of stop words or numbers only have no terms at all. Then the space keeps what
    it can: all terms, else one term no token can be (every vector is zero, so nothing
    is similar by its words and dates and copies decide alone).

    Returns:
        The counter, the counts, and the terms ``max_df`` pruned.
    """
    try:
        return fit_terms(units, _counter(1.0), max_df, keep_all=True)
    except ValueError:  # "empty vocabulary"
        counter = CountVectorizer(vocabulary={_NO_TERM: 0}, dtype=np.float64)
        return counter, counter.fit_transform([_NO_TERM] * len(units)), []


class AllPruned(ValueError):
    """Every term is in more than ``max_df`` of the units: ``terms`` were all dropped."""

    def __init__(self, terms: list[str]) -> None:
        """Keep the dropped terms."""
        super().__init__("After pruning, no terms remain")
        self.terms = terms


def fit_terms(units: Sequence[str], counter: CountVectorizer, max_df: float,
              keep_all: bool = False) -> tuple[CountVectorizer, csr_matrix, list[str]]:
    """Count terms, then drop those in more than ``max_df`` of the units, as scikit-learn does.

    Done here rather than by the counter's own ``max_df`` so that the dropped terms are
    known: a text read into the space later must drop them too, not take them for new
    words (:mod:`storyline.events.state`).

    Args:
        units: Texts to fit on.
        counter: An unfitted counter with ``max_df=1.0``.
        max_df: Largest share of units a kept term may be in.
        keep_all: Where every term would go, keep them all (else: ``ValueError``).

    Returns:
        A counter over the kept terms (same order), the units' counts, the dropped terms.

    Raises:
        ValueError: The units hold no term at all, or (without ``keep_all``) none is kept.
    """
    counts = counter.fit_transform(units)
    frequency = np.bincount(counts.indices, minlength=counts.shape[1])
    keep = frequency <= max_df * counts.shape[0]
    if not keep.any():
        if not keep_all:
            raise AllPruned(sorted(counter.vocabulary_))
        return counter, counts, []
    if keep.all():
        return counter, counts, []
    terms = sorted(counter.vocabulary_, key=counter.vocabulary_.__getitem__)
    kept = [term for term, k in zip(terms, keep, strict=True) if k]
    fixed = clone(counter).set_params(vocabulary={term: i for i, term in enumerate(kept)})
    fixed.fit(units[:1])
    pruned = [term for term, k in zip(terms, keep, strict=True) if not k]
    return fixed, counts[:, np.flatnonzero(keep)].tocsr(), pruned
