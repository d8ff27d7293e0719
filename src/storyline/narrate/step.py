"""The narrate corpus step: titles and cited summaries for events and storylines."""

from __future__ import annotations

import json
from collections.abc import Sequence

from storyline.config import Config
from storyline.model import Article
from storyline.narrate.corpus import citation_preference
from storyline.narrate.summary import event_summary
from storyline.narrate.titles import event_title, storyline_title
from storyline.pipeline.step import CorpusResult, register_step
from storyline.store.changes import Changes
from storyline.store.view import CorpusView


@register_step("narrate")
class NarrateStep:
    """Titles every event and storyline and writes each event's cited summary.

    Only events that changed are recomputed: those holding an article of this run,
    those never narrated, and those whose summary cites an article no longer in them.
    A storyline is titled when it has no title, or when its changed events hold
    ``[narrate] retitle_share`` of its articles.
    """

    name = "narrate"
    version = "1"
    requires = ("sentences",)
    sets: tuple[str, ...] = ()
    reads = ("articles", "provenance", "events", "storylines")
    writes = ("events", "storylines")

    def __init__(self, config: Config) -> None:
        """Read the [narrate] settings."""
        self.config = config
        self.retitle_share = float(config["narrate"]["retitle_share"])

    def run(self, view: CorpusView, pending: Sequence[str]) -> CorpusResult:
        """Narrate the events touched by ``pending`` and the storylines holding them."""
        # Memberships only (ids, no records): the events step rewrites every event each run.
        members = view.event_members_in_order()
        stale = _stale_events(view, members, set(pending))
        if not stale:
            return CorpusResult(stats={"events narrated": 0})
        needed = sorted({article_id for event in stale for article_id in members.get(event, [])})
        # Only the articles of the events narrated: looked up, not the whole corpus's rows.
        provenance = view.provenance_of(needed)
        order = view.arrivals(needed)

        def preference(article_id: str) -> tuple[int, int]:
            return citation_preference(article_id, provenance, order)

        articles = {article.id: article for article in view.articles(needed)}
        texts: dict[str, tuple[str | None, str]] = {}
        for event_id in sorted(stale):
            event_articles = [articles[i] for i in members.get(event_id, []) if i in articles]
            title = event_title(event_articles, preference)
            summary = [c.to_dict() for c in event_summary(event_articles, preference)]
            texts[event_id] = (title, json.dumps(summary, ensure_ascii=False))
        titles = self._title_storylines(view, stale, members, texts, articles)
        return CorpusResult(
            stats={"events narrated": len(stale), "storylines titled": len(titles)},
            changes=Changes(event_texts=texts, storyline_titles=titles),
        )

    def _changed_enough(self, events: list[tuple[str | None, str | None]], stale: set[str],
                        members: dict[str, list[str]]) -> bool:
        """Whether a titled storyline's changed events hold enough of it to title it again.

        A title names what runs through the whole storyline: a few articles more do not
        change it, and a title that moved with every run would be no name at all (and
        titling reads every article of the storyline).
        """
        changed = _article_count(events, members, stale)
        return changed > 0 and changed >= self.retitle_share * _article_count(events, members)

    def _title_storylines(
        self,
        view: CorpusView,
        stale: set[str],
        members: dict[str, list[str]],
        texts: dict[str, tuple[str | None, str]],
        loaded: dict[str, Article],
    ) -> dict[str, str | None]:
        events: dict[str, list[tuple[str | None, str | None]]] = {}
        untitled: set[str] = set()
        for storyline_id, title, event_id, event_title_now in view.storyline_events():
            events.setdefault(storyline_id, [])
            if event_id is not None:
                # The titles this step just made count, as if already stored.
                new = texts.get(event_id)
                events[storyline_id].append((event_id, new[0] if new else event_title_now))
            if title is None:
                untitled.add(storyline_id)
        touched = untitled | {s for s, held in events.items()
                              if self._changed_enough(held, stale, members)}
        titles: dict[str, str | None] = {}
        for storyline_id in sorted(touched):
            ids = sorted({a for event_id, _ in events[storyline_id]
                          for a in members.get(event_id or "", [])})
            # The stale events' articles are loaded already; only the others are read.
            missing = [a for a in ids if a not in loaded]
            by_id = {**{a: loaded[a] for a in ids if a in loaded},
                     **{article.id: article for article in view.articles(missing)}}
            grouped = [(title, [by_id[a] for a in members.get(event_id or "", []) if a in by_id])
                       for event_id, title in events[storyline_id]]
            titles[storyline_id] = storyline_title(grouped)
        return titles


def _article_count(events: list[tuple[str | None, str | None]],
                   members: dict[str, list[str]], only: set[str] | None = None) -> int:
    return sum(len(members.get(e or "", [])) for e, _ in events if only is None or e in only)


def _stale_events(view: CorpusView, members: dict[str, list[str]], pending: set[str]) -> set[str]:
    stale: set[str] = set()
    for event_id, title, summary in view.event_texts():
        current = set(members.get(event_id, []))
        cited = {item.get("article_id") for item in json.loads(summary or "[]")}
        if title is None or current & pending or not cited <= current \
                or (current and not cited):
            stale.add(event_id)
    return stale
