"""A one-article event linked to no other event is "unlinked": it gets no storyline."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storyline_corpus_fixture import BRIDGE, STRIKE, make_article  # noqa: E402

import storyline.steps  # noqa: E402,F401  (registers the built-in steps)
from storyline.config import load_config  # noqa: E402
from storyline.pipeline.run import run_corpus_step  # noqa: E402
from storyline.pipeline.step import create_step  # noqa: E402
from storyline.store.articles import save_articles  # noqa: E402
from storyline.store.db import Store  # noqa: E402
from storyline.store.view import CorpusView  # noqa: E402


def test_a_lone_article_is_unlinked_and_a_reported_event_is_a_storyline() -> None:
    articles = [
        *(make_article(f"bridge-{i}", BRIDGE, title="Council approves bridge",
                       source=f"Outlet {i}", published="2024-05-02") for i in range(3)),
        make_article("strike", STRIKE, published="2024-03-10"),
    ]
    store = Store(":memory:")
    save_articles(store, articles, {"fixture": "1"})
    for name in ("provenance", "events", "narrate"):
        run_corpus_step(store, create_step(name, load_config()), [a.id for a in articles])
    storyline_of = {
        row[0]: row[1] for row in store.conn.execute(
            "SELECT ea.article_id, e.storyline_id FROM event_articles ea "
            "JOIN events e ON e.event_id = ea.event_id")
    }
    assert storyline_of["strike"] is None
    assert storyline_of["bridge-0"] is not None
    stored = [row[0] for row in store.conn.execute("SELECT storyline_id FROM storylines")]
    assert stored == [storyline_of["bridge-0"]]
    # The run summary counts storylines, not the unlinked event's missing one.
    result = create_step("events", load_config()).run(CorpusView(store), [])
    assert result.stats["storylines"] == 1
