"""Copies at any multiplicity: the pairwise work grows with N, not N²."""

from __future__ import annotations

import random

import pytest

import storyline.provenance.step as provenance_step
from storyline.config import load_config
from storyline.model import Article, Sentence
from storyline.pipeline.run import run_corpus_step
from storyline.provenance.copies import CopyClasses, expand_passages
from storyline.provenance.passages import Passage
from storyline.provenance.step import ProvenanceStep
from storyline.store.articles import save_articles
from storyline.store.db import Store

COPIES = 2000
NEAR_COPIES = 600
TEXT = [
    "The city council approved the new harbour bridge after a long debate on Monday.",
    "Engineers said construction of the harbour bridge would begin in the spring.",
    "The mayor called the harbour bridge vote a turning point for the waterfront district.",
]
OTHER = [
    "Dock workers began a strike at the harbour on Sunday over pay and working hours.",
    "The union said the strike would go on until the port authority agreed to negotiate.",
]
SHORT = ["Bridge approved."]  # fewer words than one shingle: copies are still copies


def short_article(article_id: str, sentences: list[str], source: str = "Paper") -> Article:
    text, spans = "", []
    for sentence in sentences:
        start = len(text) + (1 if text else 0)
        text = f"{text} {sentence}" if text else sentence
        spans.append(Sentence(start, start + len(sentence), sentence))
    return Article(id=article_id, origin="test", url=None, raw=text, title=None, source=source,
                   text=text, sentences=spans)


def counted_run(articles: list[Article], monkeypatch: pytest.MonkeyPatch) -> tuple[Store, int]:
    """Run provenance on ``articles``; return the store and the exact comparisons made."""
    calls = 0
    real = provenance_step.overlap

    def counting(a: frozenset[str], b: frozenset[str]):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(provenance_step, "overlap", counting)
    store = Store(":memory:")
    save_articles(store, articles, {})
    run_corpus_step(store, ProvenanceStep(load_config()), [a.id for a in articles])
    return store, calls


def groups(store: Store) -> dict[str, str]:
    rows = store.conn.execute("SELECT article_id, duplicate_group FROM provenance")
    return {row[0]: row[1] for row in rows}


def test_exact_copies_are_compared_linearly_and_grouped(monkeypatch):
    articles = [short_article(f"c{i:05d}", TEXT, f"Outlet {i}") for i in range(COPIES)]
    articles += [short_article("other", OTHER), short_article("s1", SHORT),
                 short_article("s2", SHORT)]
    store, calls = counted_run(articles, monkeypatch)
    assert calls <= COPIES + 10
    found = groups(store)
    assert len({found[f"c{i:05d}"] for i in range(COPIES)}) == 1
    assert found["other"] != found["c00000"]
    assert found["s1"] == found["s2"]
    rows = store.conn.execute(
        "SELECT exact_duplicate_of, reprint_of FROM provenance WHERE article_id = 'c01999'"
    ).fetchone()
    assert tuple(rows) == ("c00000", "c00000")


def test_later_copies_join_the_stored_group(monkeypatch):
    first = [short_article(f"c{i}", TEXT) for i in range(3)]
    store = Store(":memory:")
    save_articles(store, first, {})
    step = ProvenanceStep(load_config())
    run_corpus_step(store, step, [a.id for a in first])
    later = [short_article(f"d{i}", TEXT) for i in range(3)]
    save_articles(store, later, {})
    run_corpus_step(store, step, [a.id for a in later])
    found = groups(store)
    assert len(set(found.values())) == 1
    row = store.conn.execute(
        "SELECT exact_duplicate_of FROM provenance WHERE article_id = 'd2'").fetchone()
    assert row[0] == "c0"


def test_copies_in_one_batch_share_passages_with_the_first_only():
    articles = [short_article(f"c{i}", TEXT) for i in range(6)]
    articles.append(short_article("quote", [TEXT[0], *OTHER]))
    store = Store(":memory:")
    save_articles(store, articles, {})
    run_corpus_step(store, ProvenanceStep(load_config()), [a.id for a in articles])
    pairs = {tuple(row) for row in store.conn.execute("SELECT a, b FROM passages")}
    # Each copy shares its text with the first (5, not 15 pairs) and the quoted sentence
    # with the article quoting it (6).
    assert {p for p in pairs if "quote" not in p} == {("c0", f"c{i}") for i in range(1, 6)}
    assert {p for p in pairs if "quote" in p} == {(f"c{i}", "quote") for i in range(6)}


def test_near_copies_in_one_bucket_are_capped(monkeypatch):
    rng = random.Random(7)
    words = " ".join(TEXT).split()
    articles = []
    for i in range(NEAR_COPIES):
        changed = list(words)
        changed[rng.randrange(len(changed))] = f"word{i}"
        articles.append(short_article(f"n{i:04d}", [" ".join(changed)]))
    store, calls = counted_run(articles, monkeypatch)
    limit = int(load_config()["provenance"]["max_candidates"])
    assert calls <= limit * NEAR_COPIES
    assert len(set(groups(store).values())) == 1


def test_passages_of_a_text_are_given_to_its_copies():
    classes = CopyClasses.build(["a", "a2", "a3", "b"], {"a": 1, "a2": 1, "a3": 1, "b": 2}.get,
                                {"a": 0, "a2": 1, "a3": 2, "b": 3})
    shared = Passage("a", "b", 0, 10, 5, 15, "x" * 10, "y" * 10, 0.9)
    own = Passage("a", "a2", 0, 30, 0, 30, "z" * 30, "z" * 30, 1.0)
    expanded = expand_passages([shared, own], classes)
    pairs = sorted((p.a, p.b) for p in expanded)
    assert pairs == [("a", "a2"), ("a", "b"), ("a2", "b"), ("a3", "b")]
    moved = next(p for p in expanded if p.a == "a3")
    assert (moved.a_start, moved.b_start, moved.b_text) == (0, 5, "y" * 10)


def test_a_pair_aligned_directly_is_not_given_again():
    classes = CopyClasses.build(["a", "a2", "b"], {"a": 1, "a2": 1, "b": 2}.get,
                                {"a": 0, "a2": 1, "b": 2})
    direct = Passage("a2", "b", 0, 10, 5, 15, "x" * 10, "y" * 10, 0.9)
    shared = Passage("a", "b", 0, 10, 5, 15, "x" * 10, "y" * 10, 0.9)
    pairs = [(p.a, p.b) for p in expand_passages([shared, direct], classes)]
    assert sorted(pairs) == [("a", "b"), ("a2", "b")]
