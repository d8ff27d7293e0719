"""Adding one article to a store reads what that article needs, not the whole corpus.

A store of 50 and one of 500 synthetic articles (the second holds the first's 50 and 450
more) get the same new article; the corpus steps then run the same SQL statements and
decode the same article records, whatever the size of the store. The events step is
left out: it still re-clusters the whole corpus on every run (see docs/results.md).
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from synthetic import write_corpus

import storyline.steps  # noqa: F401  (registers the built-in steps)
from storyline.clean import recurring
from storyline.clean.step import CleanStep
from storyline.config import load_config
from storyline.ingest import read_inputs
from storyline.model import Article, Sentence
from storyline.pipeline import run as run_module
from storyline.pipeline.run import run_pipeline
from storyline.store.articles import save_articles
from storyline.store.db import Reads, Store


class FakeLanguage:
    """Sentences = paragraphs: the corpus steps' reads do not depend on spaCy."""

    name = "language"
    version = "fake"

    def run(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            article.sentences = [Sentence(p.start, p.end, article.text[p.start:p.end], i)
                                 for i, p in enumerate(article.paragraphs)]
            yield article


def prepared(folder: Path, count: int, seed: int, prefix: str, other_words: bool = False
             ) -> list[Article]:
    """Cleaned synthetic articles; ``other_words``: rot13'd, sharing no word with the rest."""
    config = load_config()
    files = [str(p) for p in write_corpus(folder, articles=count, seed=seed)]
    read = [a for a in read_inputs(files, config) if isinstance(a, Article)]
    for article in read:
        article.id = f"{prefix}{article.id}"
        if other_words:
            article.raw = codecs.encode(article.raw or "", "rot13")
            article.title = codecs.encode(article.title or "", "rot13")
            article.source = codecs.encode(article.source or "", "rot13")
    cleaned = [a for a in CleanStep(config).run(read) if isinstance(a, Article)]
    return list(FakeLanguage().run(cleaned))


def add_one(store: Store, corpus: list[Article], new: Article) -> Reads:
    config = load_config()
    versions = {"clean": CleanStep.version, "language": "fake"}
    save_articles(store, corpus, versions, fresh=True)
    run_pipeline(store, [], config)
    save_articles(store, [new], versions, fresh=True)
    with store.watch() as reads:
        run_pipeline(store, [], config)
    return reads


@pytest.fixture
def no_events(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run_module, "CORPUS_STEPS",
                        tuple(s for s in run_module.CORPUS_STEPS if s != "events"))
    monkeypatch.setattr(recurring, "create_step", lambda name, config: FakeLanguage())
    # The record steps' versions: the fake language step's, so nothing is re-run from input.
    monkeypatch.setattr(run_module.LocalExecutor, "versions",
                        property(lambda self: {"clean": CleanStep.version, "language": "fake"}))


def test_adding_one_article_reads_the_same_from_50_or_500(
        tmp_path: Path, no_events: None) -> None:
    base = prepared(tmp_path / "base", 51, seed=5, prefix="")
    # Unrelated to the new article (other words, other sources): only the size differs.
    extra = prepared(tmp_path / "extra", 450, seed=6, prefix="x-", other_words=True)
    new, small = base[-1], base[:-1]
    with Store(tmp_path / "small.db") as store:
        few = add_one(store, small, new)
    with Store(tmp_path / "large.db") as store:
        many = add_one(store, [*small, *extra], new)
    assert few.records == many.records
    assert few.records < 50  # the new article and its candidates, not the 50 stored
    assert few.statements == many.statements
