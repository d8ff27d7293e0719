"""What is new since a date: the sentences that report what no earlier article reported."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storyline.narrate.said import Said, known_before, same_thing_groups, usable


def whats_new(items: Sequence[Said], since: str) -> list[dict[str, Any]]:
    """Sentences of articles published on or after ``since`` that no earlier one reported.

    "Earlier" is every article published before ``since`` (undated articles count as
    earlier: they cannot show that they came later). Among the new articles, a thing said
    by several is told once, cited to the original (or the first to report it).

    Args:
        items: The sentences of a storyline's (or any set's) articles.
        since: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    Returns:
        ``[{"date", "sentences": [{"text", "article_id", "outlet", "also"}]}]`` by date;
        ``also`` counts the other articles that report the same thing after ``since``.
    """
    kept = [item for item in items if usable(item.text)]
    new = [item for item in kept if item.published and item.published >= since]
    earlier = [item for item in kept if not (item.published and item.published >= since)]
    fresh = [item for item, known in zip(new, known_before(new, earlier), strict=True)
             if not known]
    # Entries by date, each with its place in citation order (the order they are told in).
    by_date: dict[str, list[tuple[tuple[tuple[int, int], int], dict[str, Any]]]] = {}
    for group in same_thing_groups(fresh):
        # The thing said is dated by its first report, and cited to the preferred copy.
        first = min(group, key=lambda i: (fresh[i].published or "", fresh[i].order))
        cited = fresh[group[0]]
        others = {fresh[i].article_id for i in group} - {cited.article_id}
        by_date.setdefault((fresh[first].published or "")[:10], []).append(
            ((cited.order, cited.idx),
             {"text": " ".join(cited.text.split()), "article_id": cited.article_id,
              "outlet": cited.outlet, "also": len(others)}))
    found = []
    for date in sorted(by_date):
        entries = sorted(by_date[date], key=lambda entry: entry[0])
        found.append({"date": date, "sentences": [sentence for _, sentence in entries]})
    return found
