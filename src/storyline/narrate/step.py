"""The narrate corpus step: titles and cited summaries for events and storylines."""

from __future__ import annotations

import json
from collections.abc import Sequence

from storyline.config import Config
from storyline.model import Article
from storyline.narrate.corpus import (
    arrival_order,
    citation_preference,
    event_members,
    load_provenance,
)
from storyline.narrate.summary import event_summary, event_title, storyline_title
from storyline.pipeline.step import CorpusResult, register_step
from storyline.store.articles import load_articles
from storyline.store.db import Store


@register_step("narrate")
class NarrateStep:
    """Titles every event and storyline and writes each event's cited summary.

    Only events that changed are recomputed: those holding an article of this run,
    those never narrated, and those whose summary cites an article no longer in them.
    """

    name = "narrate"
    version = "1"
    requires = ("sentences",)
    sets: tuple[str, ...] = ()

    def __init__(self, config: Config) -> None:
        """Keep the configuration (narrate reads no settings of its own yet)."""
        self.config = config

    def run(self, store: Store, new_ids: Sequence[str]) -> CorpusResult:
        """Narrate the events touched by ``new_ids`` and the storylines holding them."""
        members = event_members(store)
        stale = _stale_events(store, members, set(new_ids))
        if not stale:
            return CorpusResult(stats={"events narrated": 0})
        provenance = load_provenance(store)
        order = arrival_order(store)

        def preference(article_id: str) -> tuple[int, int]:
            return citation_preference(article_id, provenance, order)

        needed = sorted({article_id for event in stale for article_id in members.get(event, [])})
        articles = {article.id: article for article in load_articles(store, needed)}
        updates: list[tuple[str | None, str, str]] = []
        for event_id in sorted(stale):
            event_articles = [articles[i] for i in members.get(event_id, []) if i in articles]
            title = event_title(event_articles, preference)
            summary = [c.to_dict() for c in event_summary(event_articles, preference)]
            updates.append((title, json.dumps(summary, ensure_ascii=False), event_id))
        with store.transaction() as conn:
            conn.executemany("UPDATE events SET title = ?, summary = ? WHERE event_id = ?",
                             updates)
        storylines = self._title_storylines(store, stale, members)
        return CorpusResult(stats={"events narrated": len(stale),
                                   "storylines titled": storylines})

    def _title_storylines(
        self, store: Store, stale: set[str], members: dict[str, list[str]]
    ) -> int:
        rows = store.conn.execute(
            "SELECT s.storyline_id, s.title, e.event_id, e.title AS event_title "
            "FROM storylines s LEFT JOIN events e ON e.storyline_id = s.storyline_id"
        ).fetchall()
        events: dict[str, list[tuple[str | None, str | None]]] = {}
        touched: set[str] = set()
        for row in rows:
            events.setdefault(row["storyline_id"], [])
            if row["event_id"] is not None:
                events[row["storyline_id"]].append((row["event_id"], row["event_title"]))
            if row["title"] is None or row["event_id"] in stale:
                touched.add(row["storyline_id"])
        updates: list[tuple[str | None, str]] = []
        for storyline_id in sorted(touched):
            sized = [(title, len(members.get(event_id or "", [])))
                     for event_id, title in events[storyline_id]]
            ids = sorted({a for event_id, _ in events[storyline_id]
                          for a in members.get(event_id or "", [])})
            articles: list[Article] = list(load_articles(store, ids)) if len(sized) > 1 else []
            updates.append((storyline_title(sized, articles), storyline_id))
        with store.transaction() as conn:
            conn.executemany("UPDATE storylines SET title = ? WHERE storyline_id = ?", updates)
        return len(updates)


def _stale_events(store: Store, members: dict[str, list[str]], new_ids: set[str]) -> set[str]:
    stale: set[str] = set()
    for row in store.conn.execute("SELECT event_id, title, summary FROM events"):
        event_id = row["event_id"]
        current = set(members.get(event_id, []))
        cited = {item.get("article_id") for item in json.loads(row["summary"] or "[]")}
        if row["title"] is None or current & new_ids or not cited <= current \
                or (current and not cited):
            stale.add(event_id)
    return stale
