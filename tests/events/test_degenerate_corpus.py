"""No corpus step fails on a degenerate vocabulary: copies, one word, stop words, numbers."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storyline_corpus_fixture import BRIDGE, FESTIVAL, STRIKE, make_article  # noqa: E402

import storyline.steps  # noqa: E402,F401  (registers the built-in steps)
from storyline.config import load_config  # noqa: E402
from storyline.events.features import TextSpace  # noqa: E402
from storyline.model import Article  # noqa: E402
from storyline.pipeline.run import run_corpus_step
from storyline.pipeline.step import create_step  # noqa: E402
from storyline.store.articles import save_articles  # noqa: E402
from storyline.store.db import Store  # noqa: E402

CORPUS_STEPS = ("provenance", "events", "narrate")


def run_corpus_steps(articles: list[Article]) -> Store:
    """Store ``articles`` and run the corpus steps that compare texts on them."""
    store = Store(":memory:")
    save_articles(store, articles, {"fixture": "1"})
    config = load_config()
    ids = [a.id for a in articles]
    for name in CORPUS_STEPS:
        run_corpus_step(store, create_step(name, config), ids)
    return store


def copies(count: int, sentences: list[str], prefix: str = "copy") -> list[Article]:
    return [make_article(f"{prefix}-{i:04d}", sentences, title="Council approves bridge",
                         source=f"Outlet {i}") for i in range(count)]


@pytest.mark.parametrize("others", [0, 1, 2])
def test_21_exact_copies_and_a_few_articles_run_and_group(others):
    normal = [make_article("strike", STRIKE, published="2024-03-10"),
              make_article("festival", FESTIVAL, published="2024-05-02")][:others]
    store = run_corpus_steps([*copies(21, BRIDGE), *normal])
    groups = {row[0]: row[1] for row in
              store.conn.execute("SELECT article_id, duplicate_group FROM provenance")}
    assert len({groups[f"copy-{i:04d}"] for i in range(21)}) == 1
    if normal:
        assert groups["strike"] != groups["copy-0000"]
    events = store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    assert events >= 1
    titled = store.conn.execute("SELECT COUNT(*) FROM events WHERE title IS NULL").fetchone()[0]
    assert titled == 0
    # A second run over a store holding the copies must not fail either.
    for name in CORPUS_STEPS:
        run_corpus_step(store, create_step(name, load_config()), [])


@pytest.mark.parametrize("sentences", [
    ["Bridge."],                                  # one word
    ["The and of to a in."],                      # stop words only
    ["2024 1999 42 7."],                          # numbers only
    [""],                                         # no text at all
], ids=["one-word", "stop-words", "numbers", "empty"])
def test_degenerate_texts_in_number_run(sentences):
    run_corpus_steps(copies(25, sentences))


def test_a_single_article_runs():
    run_corpus_steps([make_article("only", BRIDGE)])


@pytest.mark.parametrize("texts", [
    ["same words here"] * 25, ["word"] * 3, ["the of and"] * 30, ["12 34"] * 22, [""] * 21, [],
])
def test_text_space_never_fails(texts):
    articles = [make_article(f"a{i}", [t]) for i, t in enumerate(texts)]
    space = TextSpace(articles)
    assert space.transform(["anything at all"]).shape[0] == 1
    if articles:
        assert space.article_vectors is not None
        assert space.article_vectors.shape[0] == len(articles)
    TextSpace(articles, by_sentence=True)
