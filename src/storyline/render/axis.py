"""Geometry of the report's time axis: one row per storyline, one mark per event.

Only numbers and strings are produced here; the template draws them as inline
SVG (autoescaped), so no markup is ever built from article text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

WIDTH = 900
LABEL_WIDTH = 0  # storyline names are drawn above their row, not beside it
ROW_HEIGHT = 34
TOP = 6
PAD = 40
MAX_RADIUS = 11.0
MIN_RADIUS = 4.0


@dataclass
class Mark:
    """One event on the axis."""

    x: float
    y: float
    radius: float
    event_id: str
    label: str
    precise: bool  # day precision: filled; month/year: hollow


@dataclass
class Row:
    """One storyline's lane."""

    y: float
    title: str
    storyline_id: str
    marks: list[Mark] = field(default_factory=list)


@dataclass
class Tick:
    """A labelled tick on the axis."""

    x: float
    label: str


@dataclass
class Axis:
    """Everything the template needs to draw the picture."""

    width: int
    height: int
    axis_y: float
    rows: list[Row]
    ticks: list[Tick]


def day_of(value: str | None) -> date | None:
    """A representative day for an ISO date of any precision (mid-month, mid-year)."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        if len(parts) == 3:
            return date(int(parts[0]), int(parts[1]), int(parts[2]))
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 15)
        return date(int(parts[0]), 7, 1)
    except ValueError:
        return None


def build_axis(storylines: list[dict[str, Any]], events: dict[str, dict[str, Any]]) -> Axis | None:
    """Lay out the events of each storyline on a shared horizontal time axis.

    Args:
        storylines: Storyline records (``storyline_id``, ``title``, ``events``).
        events: Event records by id (``date``, ``date_precision``, ``title``, ``articles``).

    Returns:
        The layout, or ``None`` when no event has a date.
    """
    days = [d for e in events.values() if (d := day_of(e["date"])) is not None]
    if not days:
        return None
    first, last = min(days).toordinal(), max(days).toordinal()
    span = max(last - first, 1)
    biggest = max((_size(e) for e in events.values()), default=1) or 1

    def x_of(day: date) -> float:
        return PAD + LABEL_WIDTH + (day.toordinal() - first) / span * (WIDTH - 2 * PAD)

    rows: list[Row] = []
    for storyline in storylines:
        y = TOP + len(rows) * ROW_HEIGHT + ROW_HEIGHT / 2 + 6
        row = Row(y=y, title=storyline["title"] or storyline["storyline_id"],
                  storyline_id=storyline["storyline_id"])
        for event_id in storyline["events"]:
            event = events.get(event_id)
            day = day_of(event["date"]) if event else None
            if event is None or day is None:
                continue
            size = _size(event) / biggest
            radius = MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * size ** 0.5
            label = f"{event['date']} · {event['title'] or event_id} ({_size(event)})"
            row.marks.append(Mark(x=round(x_of(day), 1), y=y, radius=round(radius, 1),
                                  event_id=event_id, label=label,
                                  precise=event["date_precision"] == "day"))
        if row.marks:
            rows.append(row)
    axis_y = TOP + len(rows) * ROW_HEIGHT + 12
    return Axis(width=WIDTH, height=int(axis_y + 30), axis_y=axis_y, rows=rows,
                ticks=ticks(min(days), max(days), x_of))


def _size(event: dict[str, Any]) -> int:
    """Articles of an event: its ``article_count``, else the length of its ``articles``."""
    return int(event["article_count"]) if "article_count" in event else len(event["articles"])


def ticks(first: date, last: date, x_of: Any) -> list[Tick]:
    """Labelled ticks from ``first`` to ``last``: about eight months, or the two end days."""
    months = (last.year - first.year) * 12 + last.month - first.month
    step = max(1, -(-months // 8))  # at most about eight labels
    found: list[Tick] = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        day = date(year, month, 1)
        if day >= first or not found:
            position = max(day, first)
            found.append(Tick(x=round(x_of(position), 1), label=position.strftime("%b %Y")))
        month += step
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    if months == 0:  # one month: label the first and last day instead
        found = [Tick(x=round(x_of(first), 1), label=first.isoformat()),
                 Tick(x=round(x_of(last), 1), label=last.isoformat())] if first != last \
            else [Tick(x=round(x_of(first), 1), label=first.isoformat())]
    return found
