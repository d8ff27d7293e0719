"""Geometry of a storyline's pictures (web app and report): numbers and strings only.

No markup is built here from article text; the templates draw these as inline SVG with
autoescaping on.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from storyline.render.axis import day_of
from storyline.render.axis import ticks as axis_ticks

WIDTH = 900
PAD = 30
PALETTE = ("#2a6fdb", "#d9822b", "#3a9e5c", "#b5478f", "#7a5cc4", "#c24a3a", "#2c9aa6",
           "#8a8f2a")
MAX_OUTLETS = len(PALETTE) - 1  # the rest share the last colour as "others"


def event_axis(events: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Marks for a storyline's dated events on one date axis (x in 0…WIDTH).

    Returns ``{"marks": [{x, y, r, event_id, label, date, precise}], "ticks": [Tick],
    "width", "height"}``; undated events are left out (the list below shows them).
    """
    dated = [(day, e) for e in events if (day := day_of(e.get("date")))]
    if not dated:
        return {"marks": [], "ticks": [], "width": WIDTH, "height": 0}
    first = min(d for d, _ in dated).toordinal()
    last = max(d for d, _ in dated).toordinal()
    span = max(1, last - first)
    biggest = max(int(e.get("article_count") or 1) for _, e in dated)
    marks = []
    lanes: dict[int, int] = defaultdict(int)
    for day, e in sorted(dated, key=lambda item: item[0]):
        x = PAD + (day.toordinal() - first) / span * (WIDTH - 2 * PAD)
        lane = lanes[round(x / 14)]  # events on nearly the same day stack upwards
        lanes[round(x / 14)] += 1
        size = int(e.get("article_count") or 1)
        marks.append({"x": round(x, 1), "y": 70 - min(lane, 4) * 14,
                      "r": round(3 + 7 * (size / biggest) ** 0.5, 1),
                      "event_id": e["event_id"], "label": e.get("title") or e["event_id"],
                      "date": e.get("date"), "precise": e.get("date_precision") == "day"})
    # The overview's tick rule (about eight month labels, or the two end days).
    ticks = axis_ticks(date.fromordinal(first), date.fromordinal(last),
                       lambda day: PAD + (day.toordinal() - first) / span * (WIDTH - 2 * PAD))
    return {"marks": marks, "ticks": ticks, "width": WIDTH, "height": 100}


def outlet_bars(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Stacked bars of articles per day, one colour per outlet (the biggest first).

    ``rows`` are ``{date, outlet, articles}``. Days are bucketed into weeks or months when
    there are too many to draw one bar each.
    """
    if not rows:
        return {"bars": [], "legend": [], "width": WIDTH, "height": 0}
    totals: dict[str, int] = defaultdict(int)
    for row in rows:
        totals[row["outlet"]] += int(row["articles"])
    top = sorted(totals, key=lambda o: (-totals[o], o))[:MAX_OUTLETS]
    colour = {outlet: PALETTE[i] for i, outlet in enumerate(top)}
    days = [d for row in rows if (d := day_of(row["date"]))]
    span = (max(days) - min(days)).days + 1 if days else 1
    bucket = 1 if span <= 120 else 7 if span <= 700 else 30
    stacks: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    first = min(days).toordinal() if days else 0
    for row in rows:
        day = day_of(row["date"])
        if day is None:
            continue
        key = (day.toordinal() - first) // bucket
        stacks[key][row["outlet"] if row["outlet"] in colour else "others"] += int(
            row["articles"])
    columns = max(stacks) + 1
    tallest = max(sum(s.values()) for s in stacks.values())
    width = (WIDTH - 2 * PAD) / columns
    bars = []
    for key, stack in sorted(stacks.items()):
        y = 120.0
        for outlet in [*top, "others"]:
            n = stack.get(outlet, 0)
            if not n:
                continue
            h = 110 * n / tallest
            y -= h
            start = date.fromordinal(first + key * bucket).isoformat()
            bars.append({"x": round(PAD + key * width, 1), "y": round(y, 1),
                         "w": round(max(1.0, width - 1), 1), "h": round(h, 1),
                         "fill": colour.get(outlet, PALETTE[-1]),
                         "label": f"{start}: {n} from {outlet}"})
    legend = [{"outlet": o, "fill": colour[o], "articles": totals[o]} for o in top]
    if len(totals) > len(top):
        legend.append({"outlet": "others", "fill": PALETTE[-1],
                       "articles": sum(totals[o] for o in totals if o not in colour)})
    unit = {1: "day", 7: "week", 30: "month"}[bucket]
    return {"bars": bars, "legend": legend, "width": WIDTH, "height": 130, "unit": unit}
