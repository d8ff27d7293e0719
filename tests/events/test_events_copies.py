"""N copies of one article: events and narrate do work in N, not N²."""

from __future__ import annotations

import sys
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storyline_corpus_fixture import BRIDGE, STRIKE, make_article  # noqa: E402

import storyline.steps  # noqa: E402,F401  (registers the built-in steps)
from storyline.config import load_config  # noqa: E402
from storyline.narrate.centrality import SentenceSpace  # noqa: E402
from storyline.pipeline.run import run_corpus_step
from storyline.pipeline.step import create_step  # noqa: E402
from storyline.store.articles import save_articles  # noqa: E402
from storyline.store.db import Store  # noqa: E402

COPIES = 2000
# An N × N float matrix of 2,000 copies is 32 MB; everything linear here is a few MB.
MAX_PEAK_BYTES = 16 * 2**20


@pytest.fixture(scope="module")
def copies_store() -> Iterator[Store]:
    """2,000 copies of one article and one other, after provenance."""
    articles = [make_article(f"c{i:05d}", BRIDGE, title="Bridge approved", source=f"Outlet {i}")
                for i in range(COPIES)]
    articles.append(make_article("strike", STRIKE, published="2024-03-10"))
    store = Store(":memory:")
    save_articles(store, articles, {})
    run_corpus_step(store, create_step("provenance", load_config()), [a.id for a in articles])
    yield store
    store.close()


def all_ids(store: Store) -> list[str]:
    return [row[0] for row in store.conn.execute("SELECT id FROM articles")]


def test_events_of_copies_take_linear_memory(copies_store):
    tracemalloc.start()
    try:
        run_corpus_step(copies_store, create_step("events", load_config()), all_ids(copies_store))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MAX_PEAK_BYTES
    groups = copies_store.conn.execute(
        "SELECT COUNT(DISTINCT event_id) FROM event_articles WHERE article_id LIKE 'c%'")
    assert groups.fetchone()[0] == 1


def test_narrating_copies_compares_sentences_linearly(copies_store, monkeypatch):
    if not copies_store.conn.execute("SELECT 1 FROM events").fetchone():
        run_corpus_step(copies_store, create_step("events", load_config()), all_ids(copies_store))
    calls = 0
    real = SentenceSpace._near

    def counting(self, first, second, cosine):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        return real(self, first, second, cosine)

    monkeypatch.setattr(SentenceSpace, "_near", counting)
    run_corpus_step(copies_store, create_step("narrate", load_config()), all_ids(copies_store))
    assert calls <= COPIES + 50
    summaries = copies_store.conn.execute("SELECT summary FROM events WHERE summary != '[]'")
    assert summaries.fetchone() is not None
