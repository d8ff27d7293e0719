"""Interrupted runs are finished by the next run; one writer at a time; runs are recorded."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from synthetic import write_corpus

from storyline.config import load_config
from storyline.errors import StoreError
from storyline.pipeline import run as run_module
from storyline.pipeline.run import run_pipeline
from storyline.store.db import Store


def snapshot(store: Store) -> dict[str, object]:
    conn = store.conn
    return {
        "events": sorted(tuple(r) for r in conn.execute(
            "SELECT event_id, article_id FROM event_articles")),
        "storylines": sorted(tuple(r) for r in conn.execute(
            "SELECT event_id, storyline_id, title, summary FROM events")),
        "provenance": sorted(tuple(r) for r in conn.execute("SELECT * FROM provenance")),
        "passages": conn.execute("SELECT COUNT(*) FROM passages").fetchone()[0],
        "records": sorted(tuple(r) for r in conn.execute("SELECT id, record FROM articles")),
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("synthetic")
    return [str(path) for path in write_corpus(folder, articles=60, seed=5)]


@pytest.fixture(scope="module")
def reference(corpus: list[str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    with Store(tmp_path_factory.mktemp("ref") / "ref.db") as store:
        run_pipeline(store, corpus, load_config())
        return snapshot(store)


@pytest.mark.parametrize("failing_step", ["recurring", "entities", "provenance", "events",
                                          "narrate"])
def test_interrupted_corpus_step_is_finished_by_the_next_run(
    corpus: list[str], reference: dict[str, object], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, failing_step: str,
) -> None:
    config = load_config()
    steps = run_module.build_steps(config)
    target = next(step for step in steps[1] if step.name == failing_step)
    original = type(target).run

    def interrupted(self: object, store: Store, ids: list[str]) -> object:
        original(self, store, ids)  # the step's writes happen, then Ctrl-C arrives
        raise KeyboardInterrupt

    monkeypatch.setattr(type(target), "run", interrupted)
    with Store(tmp_path / "story.db") as store:
        with pytest.raises(KeyboardInterrupt):
            run_pipeline(store, corpus, config)
        monkeypatch.setattr(type(target), "run", original)
        # A run with no inputs finishes the work; so would the same command again.
        summary = run_pipeline(store, [], config)
        assert summary.resumed_runs == 1
        assert snapshot(store) == reference
        statuses = [row[0] for row in store.conn.execute(
            "SELECT status FROM runs ORDER BY run_id")]
        assert statuses == ["interrupted", "finished"]


def test_a_rerun_with_nothing_new_does_no_corpus_work(
    corpus: list[str], tmp_path: Path
) -> None:
    config = load_config()
    with Store(tmp_path / "story.db") as store:
        run_pipeline(store, corpus, config)
        again = run_pipeline(store, corpus, config)
        assert again.stored == 0 and again.stats == {}
        stats = json.loads(store.conn.execute(
            "SELECT stats FROM runs ORDER BY run_id DESC LIMIT 1").fetchone()[0])
        assert stats["unchanged"] == again.unchanged


def test_a_second_writer_is_refused_clearly(corpus: list[str], tmp_path: Path) -> None:
    path = tmp_path / "story.db"
    with Store(path) as holder, holder.writer(), Store(path) as other:
        with pytest.raises(StoreError, match="another storyline run .*--wait"):
            run_pipeline(other, corpus[:1], load_config())
        # Readers are never blocked by the writer.
        assert other.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 0


def test_a_second_writer_waits_when_asked(corpus: list[str], tmp_path: Path) -> None:
    path = tmp_path / "story.db"
    messages: list[str] = []
    config = load_config(overrides={"store": {"lock_wait": 30}})
    with Store(path) as holder:
        lock = holder.writer()
        lock.__enter__()
        threading.Timer(0.5, lambda: lock.__exit__(None, None, None)).start()
        started = time.monotonic()
        with Store(path) as other:
            summary = run_pipeline(other, corpus[:1], config, on_message=messages.append)
        assert time.monotonic() - started >= 0.4
        assert summary.stored > 0
        assert len(messages) == 1 and messages[0].startswith("waiting for another storyline run")
