"""How many independent sources report something: copies of one text count once."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from storyline.store.db import Store

Row = Mapping[str, Any]


def _rows_from_store(store: Store, article_ids: Sequence[str]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    ids = list(dict.fromkeys(article_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        found = store.conn.execute(
            f"""SELECT a.id AS article_id, p.duplicate_group AS duplicate_group, a.wire AS wire
                FROM articles a LEFT JOIN provenance p ON p.article_id = a.id
                WHERE a.id IN ({marks})""",
            tuple(chunk),
        )
        rows.extend(dict(row) for row in found)
    return rows


def independent_sources(rows: Store | Iterable[Row], article_ids: Sequence[str]) -> int:
    """Count the independent sources among ``article_ids``.

    Each duplicate group counts once (an article without a group is its own). Groups
    whose copies name the same wire agency also count once together: two agency
    stories on one event are one source, however many outlets reprint them.

    Args:
        rows: An open store, or rows with ``article_id``, ``duplicate_group`` and
            optionally ``wire`` (e.g. from a query joining provenance and articles).
        article_ids: The articles of one event.

    Returns:
        The number of independent sources (0 for no articles).
    """
    wanted = set(article_ids)
    if isinstance(rows, Store):
        found: Iterable[Row] = _rows_from_store(rows, list(article_ids))
    else:
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
