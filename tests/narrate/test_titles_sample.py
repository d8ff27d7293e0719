"""Titles on the bundled sample corpus, run end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.config import load_config
from storyline.pipeline.run import run_pipeline
from storyline.store.db import Store

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "storyline" / "sample"


@pytest.fixture(scope="module")
def titled(tmp_path_factory: pytest.TempPathFactory):
    store = Store(tmp_path_factory.mktemp("sample") / "story.db")
    run_pipeline(store, [str(SAMPLE / "articles")], load_config())
    events = [row["title"] for row in store.conn.execute("SELECT title FROM events")]
    storylines = [row["title"] for row in store.conn.execute("SELECT title FROM storylines")]
    store.close()
    return events, storylines


def test_event_titles_are_headlines_of_the_sample(titled) -> None:
    events, _ = titled
    expected = json.loads((SAMPLE / "expected.json").read_text(encoding="utf-8"))
    headlines = {article["headline"] for article in expected["articles"].values()}
    assert events and all(title in headlines for title in events), events


def test_storyline_title_names_what_runs_through_it(titled) -> None:
    _, storylines = titled
    # expected.json calls the storyline "ostbury-tram-line".
    assert storylines == ["Ostbury tram line"]
