"""Holidays whose day moves: "Thanksgiving", "Labor Day", "Easter" are TIMEX3 dates.

TimeML marks a holiday as a DATE with the day it falls on. Fixed ones ("Christmas Eve")
are plain yearless dates (see :mod:`storyline.language.temporal_forms`); the ones here
fall on a weekday of a month or hang on Easter, so their day depends on the year, which
the tense decides as for any yearless date (:func:`holiday_near`).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

# name: (month, weekday (Monday 0), nth of the month; -1 the last)
_WEEKDAY_OF_MONTH = {
    "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "labor day": (9, 0, 1),
    "memorial day": (5, 0, -1), "martin luther king day": (1, 0, 3),
    "martin luther king jr. day": (1, 0, 3), "presidents day": (2, 0, 3),
    "presidents' day": (2, 0, 3), "columbus day": (10, 0, 2), "mother's day": (5, 6, 2),
    "mothers day": (5, 6, 2), "father's day": (6, 6, 3), "fathers day": (6, 6, 3),
}
# Shopping days counted from Thanksgiving.
_AFTER_THANKSGIVING = {"black friday": 1, "cyber monday": 4}
_EASTER_OFFSET = {"easter": 0, "easter sunday": 0, "easter day": 0, "good friday": -2,
                  "easter monday": 1}

PATTERN = re.compile(
    r"\b(?:(?P<which>last|next|this)\s+)?(?P<holiday>Thanksgiving(?:\s+Day)?|Labor\s+Day|"
    r"Memorial\s+Day|Martin\s+Luther\s+King(?:\s+Jr\.)?\s+Day|Presidents'?\s+Day|"
    r"Columbus\s+Day|Election\s+Day|Good\s+Friday|Easter(?:\s+(?:Sunday|Monday|Day))?|"
    r"Black\s+Friday|Cyber\s+Monday|Mother['’]?s\s+Day|Father['’]?s\s+Day)\b"
    # "Easter Day last year": the year the words give
    r"(?:\s+(?P<year_which>last|next|this)\s+year\b)?"
    r"(?!\s+(?:Island|Rising)\b)")  # "Easter Island"
# After "the", a holiday before a noun names a thing ("the Thanksgiving turkey"), unless the
# noun is a stretch of time ("the Labor Day weekend").
_THING = re.compile(r"\s+(?!(?:weekend|holidays?|season|week|period|break|day|night|eve)\b)"
                    r"[a-z]")


def names_a_thing(text: str, start: int, end: int) -> bool:
    """True for "the Thanksgiving turkey": the holiday modifies a noun after "the"."""
    return text[:start].lower().endswith("the ") and bool(_THING.match(text, end))


def day_of(name: str, year: int) -> date:
    """The day the holiday ``name`` (lower case, single spaces) falls on in ``year``."""
    if name in _EASTER_OFFSET:
        return _easter(year) + timedelta(days=_EASTER_OFFSET[name])
    if name in _AFTER_THANKSGIVING:
        return _nth_weekday(year, 11, 3, 4) + timedelta(days=_AFTER_THANKSGIVING[name])
    if name == "election day":  # the Tuesday after the first Monday of November
        first_monday = _nth_weekday(year, 11, 0, 1)
        return first_monday + timedelta(days=1)
    month, weekday, nth = _WEEKDAY_OF_MONTH[name]
    return _nth_weekday(year, month, weekday, nth)


def holiday_near(name: str, anchor: date, ahead: bool, offset: int | None) -> date:
    """The holiday's day nearest ``anchor``: the last one passed, or the coming one.

    ``offset`` -1 ("last Thanksgiving") or 1 ("next Easter") overrides ``ahead``.
    """
    days = [day_of(name, year) for year in (anchor.year - 1, anchor.year, anchor.year + 1)]
    passed = max(d for d in days if d <= anchor)
    coming = min(d for d in days if d > anchor)
    if offset == -1:
        return max(d for d in days if d < anchor)
    if offset == 1:
        return coming
    return coming if ahead else passed


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    if nth < 0:  # the last one: a week back from the first of the next month's week
        following = date(year + month // 12, month % 12 + 1, 1)
        back = (following.weekday() - weekday - 1) % 7 + 1
        return following - timedelta(days=back)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)
