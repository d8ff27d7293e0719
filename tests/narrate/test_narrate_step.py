from __future__ import annotations

import json

from storyline.config import default_config
from storyline.narrate.step import NarrateStep
from storyline.pipeline.run import run_corpus_step
from storyline.pipeline.step import CorpusStep
from storyline.store.db import Store


def _events(store: Store) -> dict[str, dict]:
    rows = store.conn.execute("SELECT event_id, title, summary FROM events")
    return {row["event_id"]: {"title": row["title"], "summary": json.loads(row["summary"])}
            for row in rows}


def test_is_a_corpus_step() -> None:
    assert isinstance(NarrateStep(default_config()), CorpusStep)


def test_titles_come_from_original_headline(store: Store) -> None:
    run_corpus_step(store, NarrateStep(default_config()), ["a1", "a2", "a3", "a4", "a5", "a6"])
    events = _events(store)
    assert events["e1"]["title"] in {"Council approves harbour bridge",
                                     "Harbour bridge gets the green light"}
    assert events["e1"]["title"] != "Bridge approved"  # a2 is a reprint
    # a6 has no headline: its first sentence stands in.
    assert events["e3"]["title"].startswith("The spring music festival")


def test_summary_cites_originals_without_repeats(store: Store) -> None:
    run_corpus_step(store, NarrateStep(default_config()), ["a1", "a2", "a3"])
    summary = _events(store)["e1"]["summary"]
    assert 2 <= len(summary) <= 3
    texts = [item["text"] for item in summary]
    assert len(set(texts)) == len(texts)
    for item in summary:
        assert item["article_id"] in {"a1", "a3"}  # never the reprint a2
        assert item["text"]


def test_only_touched_events_are_recomputed(store: Store) -> None:
    step = NarrateStep(default_config())
    first = run_corpus_step(store, step, ["a1", "a2", "a3", "a4", "a5", "a6"])
    assert first.stats["events narrated"] == 3
    store.conn.execute("UPDATE events SET title = 'kept' WHERE event_id = 'e2'")
    again = run_corpus_step(store, step, ["a1"])
    assert again.stats["events narrated"] == 1
    assert _events(store)["e2"]["title"] == "kept"


def test_storyline_titles(store: Store) -> None:
    run_corpus_step(store, NarrateStep(default_config()), ["a1"])
    titles = dict(store.conn.execute("SELECT storyline_id, title FROM storylines").fetchall())
    # s1's two events (a bridge vote, a dock strike) share one word ("harbour") and no
    # name in their text: the biggest event's headline stands in, never an entity list.
    assert titles["s1"] == "Council approves harbour bridge"
    assert titles["s2"].startswith("The spring music festival")


def test_empty_store_is_fine() -> None:
    with Store(":memory:") as empty:
        result = run_corpus_step(empty, NarrateStep(default_config()), [])
    assert result.stats["events narrated"] == 0
