"""Citation preference, shared by the narrate step and the timeline."""

from __future__ import annotations

from storyline.store.provenance import Provenance


def citation_preference(
    article_id: str, provenance: dict[str, Provenance], order: dict[str, int]
) -> tuple[int, int]:
    """Sort key: originals before copies, then earlier arrivals first."""
    is_copy = provenance.get(article_id, Provenance()).is_copy
    return (1 if is_copy else 0, order.get(article_id, 0))
