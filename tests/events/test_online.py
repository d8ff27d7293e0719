"""Joining new articles to stored events: what it reads, and what it gives."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from sklearn.metrics import adjusted_rand_score

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "pipeline"))

from prepared import FakeLanguage, prepared  # noqa: E402

import storyline.steps  # noqa: E402,F401  (registers the built-in steps)
from storyline.clean import recurring  # noqa: E402
from storyline.clean.step import CleanStep  # noqa: E402
from storyline.config import load_config  # noqa: E402
from storyline.events.step import EventsStep  # noqa: E402
from storyline.model import Article  # noqa: E402
from storyline.pipeline import run as run_module  # noqa: E402
from storyline.pipeline.run import run_corpus_step, run_pipeline  # noqa: E402
from storyline.store.articles import forget_step_work, pending_ids, save_articles  # noqa: E402
from storyline.store.db import Reads, Store  # noqa: E402
from storyline.store.events import event_members  # noqa: E402
from storyline.store.view import CorpusView  # noqa: E402

VERSIONS = {"clean": CleanStep.version, "language": "fake"}
BEFORE_EVENTS = ("recurring", "entities", "provenance")


@pytest.fixture(autouse=True)
def fake_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(recurring, "create_step", lambda name, config: FakeLanguage())
    monkeypatch.setattr(run_module.LocalExecutor, "versions", property(lambda self: VERSIONS))


def config() -> dict:
    found = load_config()
    found["language"]["workers"] = 1
    return found


def events_run(store: Store, new: Sequence[Article], monkeypatch: pytest.MonkeyPatch,
               during: Callable[[pytest.MonkeyPatch], None] = lambda patch: None,
               ) -> tuple[Reads, dict[str, int]]:
    """Add ``new``, bring the steps before events up to date, then watch the events step.

    ``during`` patches what it likes for the events step alone.
    """
    save_articles(store, list(new), VERSIONS, fresh=True)
    with monkeypatch.context() as patch:
        patch.setattr(run_module, "CORPUS_STEPS", BEFORE_EVENTS)
        run_pipeline(store, [], config())
    step = EventsStep(config())
    with store.watch() as reads, monkeypatch.context() as patch:
        during(patch)
        result = run_corpus_step(store, step, pending_ids(store, step.name, step.version),
                                 record=True)
    return reads, result.stats


def partition(store: Store) -> dict[str, str]:
    return {a: e for e, members in event_members(store).items() for a in members}


GLOBAL_READS = ("event_members", "storyline_members", "duplicate_groups", "provenance",
                "signatures", "event_texts", "arrival_order")
"""View methods that read something of every stored article or event."""


def test_ten_new_articles_read_no_more_from_500_than_from_50(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base = prepared(tmp_path / "base", 60, seed=5, prefix="")
    # Unrelated to the new articles (other words, other sources): only the size differs.
    extra = prepared(tmp_path / "extra", 450, seed=6, prefix="x-", other_words=True)
    called: list[str] = []
    original_articles = CorpusView.articles

    def articles(self: CorpusView, ids: Sequence[str] | None = None):  # type: ignore[no-untyped-def]
        if ids is None:
            called.append("articles")
        return original_articles(self, ids)

    def watch(patch: pytest.MonkeyPatch) -> None:
        patch.setattr(CorpusView, "articles", articles)
        for method in GLOBAL_READS:
            patch.setattr(CorpusView, method, lambda self, *a, _m=method, **k: called.append(_m))

    seen = []
    for name, corpus in (("small", base[:50]), ("large", [*base[:50], *extra])):
        with Store(tmp_path / f"{name}.db") as store:
            save_articles(store, corpus, VERSIONS, fresh=True)
            run_pipeline(store, [], config())
            reads, stats = events_run(store, base[50:], monkeypatch, during=watch)
            assert "events changed" in stats  # joined, not clustered afresh
            seen.append(reads)
    assert called == []  # nothing of the whole corpus
    few, many = seen
    # The same articles decoded and about the same statements (the larger store's term
    # weights differ a little, so a stored article's date may be revisited or not).
    assert max(few.records, many.records) < 50
    assert many.statements <= few.statements * 1.2


def test_joining_gives_each_article_one_event_as_a_full_run_does(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = prepared(tmp_path / "base", 60, seed=5, prefix="")
    with Store(tmp_path / "once.db") as store:
        save_articles(store, corpus, VERSIONS, fresh=True)
        run_pipeline(store, [], config())
        once = partition(store)
    with Store(tmp_path / "added.db") as store:
        save_articles(store, corpus[:50], VERSIONS, fresh=True)
        run_pipeline(store, [], config())
        _, stats = events_run(store, corpus[50:], monkeypatch)
        assert "events changed" in stats
        run_pipeline(store, [], config())  # narrate
        added = partition(store)
        titles = store.conn.execute("SELECT COUNT(*) FROM events WHERE title IS NULL"
                                    ).fetchone()[0]
    assert sorted(added) == sorted(once) == sorted(a.id for a in corpus)
    ids = sorted(once)
    assert adjusted_rand_score([once[i] for i in ids], [added[i] for i in ids]) > 0.9
    assert titles == 0


def test_a_corpus_grown_past_refit_growth_is_clustered_afresh(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = prepared(tmp_path / "base", 30, seed=5, prefix="")
    with Store(tmp_path / "grown.db") as store:
        save_articles(store, corpus[:20], VERSIONS, fresh=True)
        run_pipeline(store, [], config())
        _, stats = events_run(store, corpus[20:], monkeypatch)  # 30 > 20 × 1.25
    assert "events" in stats and "events changed" not in stats


def test_a_rebuild_clusters_afresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = prepared(tmp_path / "base", 30, seed=5, prefix="")
    with Store(tmp_path / "rebuilt.db") as store:
        save_articles(store, corpus[:28], VERSIONS, fresh=True)
        run_pipeline(store, [], config())
        _, stats = events_run(store, corpus[28:], monkeypatch)
        assert "events changed" in stats
        forget_step_work(store, ["events"])  # what `storyline rebuild --corpus-only` does
        _, stats = events_run(store, [], monkeypatch)
    assert "events" in stats and "events changed" not in stats


def test_two_joins_keep_every_article_in_one_event_and_the_state_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = prepared(tmp_path / "base", 60, seed=9, prefix="")
    with Store(tmp_path / "twice.db") as store:
        save_articles(store, corpus[:50], VERSIONS, fresh=True)
        run_pipeline(store, [], config())
        for batch in (corpus[50:55], corpus[55:]):  # 60 ≤ 50 × (1 + refit_growth)
            _, stats = events_run(store, batch, monkeypatch)
            assert "events changed" in stats
        conn = store.conn
        held = conn.execute("SELECT article_id, COUNT(*) FROM event_articles "
                            "GROUP BY article_id").fetchall()
        empty = conn.execute("SELECT COUNT(*) FROM events WHERE event_id NOT IN "
                             "(SELECT event_id FROM event_articles)").fetchone()[0]
        width = int(conn.execute("SELECT value FROM event_meta WHERE key = 'width'"
                                 ).fetchone()[0])
        widest = conn.execute("SELECT MAX(col) FROM event_space").fetchone()[0]
        stale = conn.execute("SELECT COUNT(*) FROM event_terms WHERE event_id NOT IN "
                             "(SELECT event_id FROM events)").fetchone()[0]
        featured = conn.execute("SELECT COUNT(*) FROM event_features").fetchone()[0]
        # An unlinked event is a one-article event; no storyline is left without events.
        lonely = conn.execute(
            "SELECT COUNT(*) FROM events e WHERE storyline_id IS NULL AND "
            "(SELECT COUNT(*) FROM event_articles a WHERE a.event_id = e.event_id) > 1"
        ).fetchone()[0]
        solo = conn.execute(
            "SELECT COUNT(*) FROM storylines s WHERE (SELECT COUNT(*) FROM event_articles a "
            "JOIN events e ON e.event_id = a.event_id WHERE e.storyline_id = s.storyline_id) = 1"
        ).fetchone()[0]
        hollow = conn.execute("SELECT COUNT(*) FROM storylines WHERE storyline_id NOT IN "
                              "(SELECT storyline_id FROM events WHERE storyline_id IS NOT NULL)"
                              ).fetchone()[0]
    assert sorted(a for a, _ in held) == sorted(a.id for a in corpus)
    assert all(n == 1 for _, n in held)
    assert empty == 0 and stale == 0 and lonely == 0 and solo == 0 and hollow == 0
    assert widest < width
    assert featured == len(corpus)


def test_a_bulk_of_pending_articles_is_clustered_afresh(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = prepared(tmp_path / "base", 30, seed=5, prefix="")
    with Store(tmp_path / "bulk.db") as store:
        save_articles(store, corpus, VERSIONS, fresh=True)
        run_pipeline(store, [], config())
        monkeypatch.setattr("storyline.events.step.JOIN_MIN", 5)
        # Every article pending again (as after a record step's new version).
        save_articles(store, corpus, VERSIONS, fresh=True)
        store.conn.execute("DELETE FROM step_runs WHERE step = 'events'")
        store.conn.execute("DELETE FROM step_complete WHERE step = 'events'")
        _, stats = events_run(store, [], monkeypatch)
    assert "events" in stats and "events changed" not in stats
