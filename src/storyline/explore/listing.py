"""Lists: storylines with their figures, and full-text search over sentences."""

from __future__ import annotations

from typing import Any

from storyline.explore.pages import independent_counts
from storyline.language.names import name_key
from storyline.narrate.timeline import fts_query
from storyline.store import browse
from storyline.store.db import Store

MAX_PER_PAGE = 200


def page_bounds(page: int, per_page: int) -> tuple[int, int]:
    """(limit, offset) of a 1-based page, with ``per_page`` held to 1…:data:`MAX_PER_PAGE`."""
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    return per_page, (max(1, page) - 1) * per_page


def storylines(store: Store, *, word: str | None = None, entity: str | None = None,
               outlet: str | None = None, date_from: str | None = None,
               date_to: str | None = None, page: int = 1, per_page: int = 50
               ) -> dict[str, Any]:
    """One page of storylines (most articles first), optionally narrowed.

    Args:
        store: Open store.
        word: Words all found in one sentence of the storyline (or in its title).
        entity: A name one of its articles mentions (any spelling of it).
        outlet: An outlet one of its articles comes from.
        date_from: Storylines with an event on or after this date (YYYY[-MM[-DD]]).
        date_to: Storylines with an event on or before this date.
        page: 1-based page number.
        per_page: Storylines per page (at most :data:`MAX_PER_PAGE`).

    Returns:
        ``{"items": [...], "total", "page", "per_page"}``; each item has ``storyline_id``,
        ``title``, ``start``, ``end``, ``event_count``, ``article_count``, ``outlet_count``,
        ``independent_sources`` and ``last_activity``.
    """
    limit, offset = page_bounds(page, per_page)
    narrow = browse.StorylineFilter(
        word=fts_query(word) if word else None,
        entity=name_key(entity) if entity else None,
        outlet=outlet or None, date_from=date_from or None, date_to=date_to or None)
    rows, total = browse.storyline_page(store, narrow, limit, offset)
    # The whole page in two reads (members, then provenance), not two per row.
    members = browse.storylines_article_ids(store, [row["storyline_id"] for row in rows])
    counts = independent_counts(store, members)
    for row in rows:
        row["independent_sources"] = counts.get(row["storyline_id"], 0)
    return {"items": rows, "total": total, "page": max(1, page), "per_page": limit}


def search(store: Store, text: str, *, outlet: str | None = None,
           date_from: str | None = None, date_to: str | None = None, page: int = 1,
           per_page: int = 20) -> dict[str, Any]:
    """Sentences containing all the words of ``text``, best match first, each cited.

    Raises:
        InputError: ``text`` has no words.

    Returns:
        ``{"items": [...], "total", "page", "per_page", "query"}``; each item has
        ``article_id``, ``idx`` (sentence number), ``start``, ``end``, ``text``, ``title``,
        ``source``, ``published``, ``event_id`` and ``storyline_id``.
    """
    limit, offset = page_bounds(page, per_page)
    rows, total = browse.search_sentences(store, fts_query(text), limit, offset,
                                          outlet or None, date_from or None, date_to or None)
    return {"items": rows, "total": total, "page": max(1, page), "per_page": limit,
            "query": text}
