"""The text space gives the very numbers of a fitted TfidfVectorizer, texts read once."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storyline_corpus_fixture import BRIDGE, FESTIVAL, STRIKE, make_article  # noqa: E402

from storyline.events.features import TextSpace  # noqa: E402

TOKENS = r"(?u)\b[\w’']*[^\W\d_][\w’']*\b"


def corpus() -> list:
    texts = [BRIDGE, FESTIVAL, STRIKE, BRIDGE[:2] + STRIKE[:1], FESTIVAL[::-1]]
    return [make_article(f"a{i}", sentences, title=f"Title {i}")
            for i in range(5) for sentences in texts][:24]


def same(left, right) -> bool:
    left, right = left.tocsr(), right.tocsr()
    left.sort_indices()
    right.sort_indices()
    return all(np.array_equal(getattr(left, part), getattr(right, part))
               for part in ("indptr", "indices", "data"))


def test_article_vectors_equal_the_vectorizer_bit_for_bit() -> None:
    articles = corpus()
    space = TextSpace(articles)
    documents = [TextSpace.document(a) for a in articles]
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1, max_df=0.9,
                                 token_pattern=TOKENS).fit(documents)
    assert same(space.article_vectors, normalize(vectorizer.transform(documents)))
    assert same(space.transform(documents[:3]), normalize(vectorizer.transform(documents[:3])))
