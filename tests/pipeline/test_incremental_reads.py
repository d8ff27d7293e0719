"""Adding articles to a store reads what they need, not the whole corpus.

A store of 50 and one of 500 synthetic articles (the second holds the first's 50 and 450
more) get the same new articles; the corpus steps — the events step's join included —
then run the same SQL statements and decode the same article records, whatever the size
of the store: nothing global is re-read or refitted.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from prepared import FakeLanguage, prepared

import storyline.steps  # noqa: F401  (registers the built-in steps)
from storyline.clean import recurring
from storyline.clean.step import CleanStep
from storyline.config import load_config
from storyline.model import Article
from storyline.pipeline import run as run_module
from storyline.pipeline.run import run_pipeline
from storyline.store.articles import save_articles
from storyline.store.db import Reads, Store


def add(store: Store, corpus: list[Article], new: Sequence[Article]) -> Reads:
    config = load_config()
    versions = {"clean": CleanStep.version, "language": "fake"}
    save_articles(store, corpus, versions, fresh=True)
    run_pipeline(store, [], config)
    save_articles(store, list(new), versions, fresh=True)
    with store.watch() as reads:
        run_pipeline(store, [], config)
    return reads


@pytest.fixture
def fake_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(recurring, "create_step", lambda name, config: FakeLanguage())
    # The record steps' versions: the fake language step's, so nothing is re-run from input.
    monkeypatch.setattr(run_module.LocalExecutor, "versions",
                        property(lambda self: {"clean": CleanStep.version, "language": "fake"}))


def test_adding_one_article_reads_the_same_from_50_or_500(
        tmp_path: Path, fake_language: None) -> None:
    base = prepared(tmp_path / "base", 51, seed=5, prefix="")
    # Unrelated to the new article (other words, other sources): only the size differs.
    extra = prepared(tmp_path / "extra", 450, seed=6, prefix="x-", other_words=True)
    new, small = base[-1:], base[:-1]
    with Store(tmp_path / "small.db") as store:
        few = add(store, small, new)
    with Store(tmp_path / "large.db") as store:
        many = add(store, [*small, *extra], new)
    assert few.records == many.records
    assert few.records < 50  # the new article and its candidates, not the 50 stored
    assert few.statements == many.statements
