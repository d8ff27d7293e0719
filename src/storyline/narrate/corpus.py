"""Shared by narrate, timeline and render: citation preference (stored rows live in store/)."""

from __future__ import annotations

from storyline.store.articles import arrival_order
from storyline.store.events import EventDate, article_events
from storyline.store.events import event_members_in_order as event_members
from storyline.store.provenance import Provenance, load_provenance

__all__ = [
    "EventDate", "Provenance", "arrival_order", "article_events", "citation_preference",
    "event_members", "load_provenance",
]


def citation_preference(
    article_id: str, provenance: dict[str, Provenance], order: dict[str, int]
) -> tuple[int, int]:
    """Sort key: originals before copies, then earlier arrivals first."""
    is_copy = provenance.get(article_id, Provenance()).is_copy
    return (1 if is_copy else 0, order.get(article_id, 0))
