"""The main job: incremental runs, stable ids, bad input never loses what is stored."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from storyline.config import load_config
from storyline.errors import StepError
from storyline.pipeline.run import run_pipeline
from storyline.pipeline.step import check_order
from storyline.store.db import Store

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "storyline" / "sample" / "articles"


def event_ids(store: Store) -> dict[str, str]:
    rows = store.conn.execute("SELECT article_id, event_id FROM event_articles")
    return {row["article_id"]: row["event_id"] for row in rows}


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("inputs")
    files = sorted(SAMPLE.iterdir())
    for path in files[:4]:
        shutil.copy(path, folder / path.name)
    store = Store(tmp_path_factory.mktemp("db") / "story.db")
    config = load_config()
    first = run_pipeline(store, [str(folder)], config)
    before = event_ids(store)
    for path in files[4:]:
        shutil.copy(path, folder / path.name)
    (folder / "broken.jsonl").write_text('{"id": "ok-1", "text": "' + "Fine text. " * 10
                                         + '"}\n{not json\n', encoding="utf-8")
    second = run_pipeline(store, [str(folder)], config)
    third = run_pipeline(store, [str(folder)], config)
    yield store, first, second, third, before
    store.close()


def test_second_run_adds_only_new_articles(two_runs):
    store, first, second, third, _ = two_runs
    assert first.stored > 0
    assert second.unchanged == first.stored
    assert third.stored == 0 and third.unchanged == first.stored + second.stored


def test_existing_events_keep_their_ids(two_runs):
    store, _, _, _, before = two_runs
    after = event_ids(store)
    kept = [article for article, event in before.items() if after.get(article) == event]
    assert len(kept) >= len(before) * 0.75


def test_bad_line_is_skipped_by_number_and_the_rest_kept(two_runs):
    store, _, second, _, _ = two_runs
    assert any(skip.line == 2 and "broken.jsonl" in skip.origin for skip in second.skipped)
    assert store.conn.execute("SELECT 1 FROM articles WHERE id = 'ok-1'").fetchone()


def test_a_step_missing_its_input_is_refused():
    class NeedsQuotes:
        name, version, requires, sets = "late", "1", ("nonexistent_field",), ()

    with pytest.raises(StepError, match="E004"):
        check_order([NeedsQuotes()])  # type: ignore[list-item]
