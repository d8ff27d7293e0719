"""Cleaned synthetic articles with sentences but no spaCy: for tests of the corpus steps."""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from pathlib import Path

from synthetic import write_corpus

from storyline.clean.step import CleanStep
from storyline.config import load_config
from storyline.ingest import read_inputs
from storyline.model import Article, Sentence


class FakeLanguage:
    """Sentences = paragraphs: the corpus steps' reads do not depend on spaCy."""

    name = "language"
    version = "fake"

    def run(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            article.sentences = [Sentence(p.start, p.end, article.text[p.start:p.end], i)
                                 for i, p in enumerate(article.paragraphs)]
            yield article


_DIGITS = str.maketrans("0123456789", "5678901234")


def prepared(folder: Path, count: int, seed: int, prefix: str, other_words: bool = False
             ) -> list[Article]:
    """Cleaned synthetic articles.

    ``other_words``: letters rot13'd and digits shifted, sharing no word or number with
    the rest (the metadata dates stay: the articles still date the same).
    """
    config = load_config()
    files = [str(p) for p in write_corpus(folder, articles=count, seed=seed)]
    read = [a for a in read_inputs(files, config) if isinstance(a, Article)]
    for article in read:
        article.id = f"{prefix}{article.id}"
        if other_words:
            article.raw = codecs.encode(article.raw or "", "rot13").translate(_DIGITS)
            article.title = codecs.encode(article.title or "", "rot13")
            article.source = codecs.encode(article.source or "", "rot13")
    cleaned = [a for a in CleanStep(config).run(read) if isinstance(a, Article)]
    return list(FakeLanguage().run(cleaned))
