"""Vectors for comparing articles, events and single sentences by what they are about."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from storyline.model import Article

LEAD_PARAGRAPHS = 2


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
        self.vectorizer = TfidfVectorizer(
            stop_words="english",
            sublinear_tf=True,
            min_df=1,
            max_df=0.9 if len(articles) > 20 and not by_sentence else 1.0,
            token_pattern=r"(?u)\b[\w’']*[^\W\d_][\w’']*\b",
        )
        documents = [self.document(a) for a in articles]
        units = documents
        if by_sentence:
            units = [s.text for a in articles for s in a.sentences]
            units += [a.title or "" for a in articles]
        self.vectorizer.fit(units or ["empty"])
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


def cosine_matrix(vectors: csr_matrix) -> np.ndarray:
    """Dense cosine similarity of normalised row vectors."""
    return np.asarray((vectors @ vectors.T).todense())
