"""How many independent sources report something: copies of one text count once."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

Row = Mapping[str, Any]


def independent_sources(rows: Iterable[Row], article_ids: Sequence[str]) -> int:
    """Count the independent sources among ``article_ids``.

    Each duplicate group counts once (an article without a group is its own). Groups
    whose copies name the same wire agency also count once together: two agency
    stories on one event are one source, however many outlets reprint them.

    Args:
        rows: Rows with ``article_id``, ``duplicate_group`` and optionally ``wire``
            (``storyline.store.provenance.independence_rows`` reads them from a store).
        article_ids: The articles of one event.

    Returns:
        The number of independent sources (0 for no articles).
    """
    wanted = set(article_ids)
    found = [row for row in rows if row["article_id"] in wanted]
    group_of = {row["article_id"]: row.get("duplicate_group") or row["article_id"] for row in found}
    wires: dict[str, Counter[str]] = defaultdict(Counter)
    for row in found:
        if row.get("wire"):
            wires[group_of[row["article_id"]]][str(row["wire"]).casefold()] += 1
    keys: set[str] = set()
    for article_id in wanted:
        group = group_of.get(article_id, article_id)
        named = wires.get(group)
        keys.add("wire:" + named.most_common(1)[0][0] if named else "group:" + group)
    return len(keys)


def first_report(rows: Iterable[Row], article_ids: Sequence[str]) -> Row | None:
    """The row of the article that first reported an event: its earliest original.

    An original is an article that reprints or duplicates no other; among them the
    earliest publication date wins (undated last; a date known to the month sorts before
    the days of that month), then arrival order. Only copies: the earliest copy.

    Args:
        rows: Rows as :func:`independent_sources` takes them, with ``published``,
            ``reprint_of``, ``exact_duplicate_of`` and ``seq``.
        article_ids: The articles of one event.
    """
    wanted = set(article_ids)
    found = [row for row in rows if row["article_id"] in wanted]
    originals = [row for row in found
                 if not row.get("reprint_of") and not row.get("exact_duplicate_of")]
    candidates = originals or found
    if not candidates:
        return None
    return min(candidates, key=lambda row: (row.get("published") is None,
                                            row.get("published") or "", row.get("seq") or 0,
                                            row["article_id"]))
