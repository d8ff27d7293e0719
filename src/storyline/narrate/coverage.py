"""How outlets covered one event: what each carried that most did, alone, or left out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storyline.narrate.said import Said, same_thing_groups, usable

MAX_LISTED = 8  # sentences listed per outlet and kind; the counts give the rest


def compare_coverage(items: Sequence[Said]) -> list[dict[str, Any]]:
    """Compare the outlets reporting one event, by groups of sentences saying one thing.

    A thing said is *common* when at least half the outlets (and two or more) carried it.
    For each outlet: the common things it carried, the things only it carried, and the
    common things it left out, each as a cited sentence (its own wording where it has
    one, else the original's).

    Returns:
        One entry per outlet, most articles first: ``{"outlet", "articles", "common",
        "only", "left_out", "counts": {"common", "only", "left_out"}}``; empty when fewer
        than two outlets report the event.
    """
    kept = [item for item in items if usable(item.text)]
    outlets: dict[str, set[str]] = {}
    for item in kept:
        outlets.setdefault(item.outlet, set()).add(item.article_id)
    if len(outlets) < 2:
        return []
    groups = same_thing_groups(kept)
    carriers = [{kept[i].outlet for i in group} for group in groups]
    common_bar = max(2, (len(outlets) + 1) // 2)
    found = []
    for outlet in sorted(outlets, key=lambda o: (-len(outlets[o]), o)):
        common: list[dict[str, Any]] = []
        only: list[dict[str, Any]] = []
        left_out: list[dict[str, Any]] = []
        for group, carried in zip(groups, carriers, strict=True):
            own = next((kept[i] for i in group if kept[i].outlet == outlet), None)
            shown = own or kept[group[0]]
            entry = {"text": " ".join(shown.text.split()), "article_id": shown.article_id,
                     "outlets": len(carried)}
            if len(carried) >= common_bar:
                (common if own else left_out).append(entry)
            elif own and carried == {outlet}:
                only.append(entry)
        found.append({
            "outlet": outlet, "articles": len(outlets[outlet]),
            "common": common[:MAX_LISTED], "only": only[:MAX_LISTED],
            "left_out": left_out[:MAX_LISTED],
            "counts": {"common": len(common), "only": len(only), "left_out": len(left_out)},
        })
    return found
