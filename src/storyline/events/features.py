"""Vectors for comparing articles, events and single sentences by what they are about."""

from __future__ import annotations

from collections.abc import Sequence

from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from storyline.model import Article

LEAD_PARAGRAPHS = 2
_NO_TERM = " "  # the token pattern never yields a space: matches no text


def lead_text(article: Article) -> str:
    """Title and first body paragraphs: what the article is about, not its background."""
    body = [article.paragraph_text(i) for i, p in enumerate(article.paragraphs) if p.kind == "body"]
    return " ".join([article.title or "", *body[:LEAD_PARAGRAPHS]])


def entity_terms(article: Article) -> str:
    """Canonical entity names as single tokens, so "Fumio Kishida" and "Kishida" agree."""
    names = {e.canonical or e.text for e in article.entities}
    return " ".join("ent_" + "_".join(name.lower().split()) for name in sorted(names))


class TextSpace:
    """One TF-IDF space shared by articles and sentences of a corpus.

    With ``by_sentence`` the weights come from sentence frequencies: in a small corpus
    every article names the main actors, but few sentences name the place of one event.
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
        self.vectorizer = _fit(units, max_df)
        self.article_vectors = self.transform(documents) if documents else None

    @staticmethod
    def document(article: Article) -> str:
        """The text an article is compared by: the lead counts twice, entities once more."""
        return " ".join(
            [lead_text(article), lead_text(article), article.text, entity_terms(article)]
        )

    def transform(self, texts: Sequence[str]) -> csr_matrix:
        """L2-normalised TF-IDF vectors of ``texts``."""
        return normalize(self.vectorizer.transform(list(texts)))


def _vectorizer(max_df: float) -> TfidfVectorizer:
    return TfidfVectorizer(
        stop_words="english",
        sublinear_tf=True,
        min_df=1,
        max_df=max_df,
        token_pattern=r"(?u)\b[\w’']*[^\W\d_][\w’']*\b",
    )


def _fit(units: Sequence[str], max_df: float) -> TfidfVectorizer:
    """Fit a vectorizer that never fails on a degenerate vocabulary.

    Identical texts put every term in every unit, so ``max_df`` would prune them all;
    texts of stop words or numbers only have no terms at all. Then the space keeps what
    it can: all terms, else one term no token can be (every vector is zero, so nothing
    is similar by its words and dates and copies decide alone).
    """
    try:
        return _vectorizer(max_df).fit(units)
    except ValueError:  # "After pruning, no terms remain" / "empty vocabulary"
        pass
    try:
        return _vectorizer(1.0).fit(units)
    except ValueError:
        return TfidfVectorizer(vocabulary={_NO_TERM: 0}).fit([_NO_TERM])
