"""Publication dates as given by the input, normalised to ISO with a precision."""

from __future__ import annotations

import re
import time
from datetime import date, datetime
from email.utils import parsedate_tz
from typing import Any

from storyline.model import Precision

_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})[-/.](\d{1,2})$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_EARLIEST_YEAR = 1800
# Free-text dates must name their year and may not be relative ("tomorrow", "2 days ago",
# "Monday", "7 May"): dateparser would fill what is missing from the system clock, so the
# same input would get another date on another day. Such a value is left unparsed.
_FREE_TEXT_SETTINGS = {
    "STRICT_PARSING": False,
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["year"],
}
_LATEST_YEAR = 2200


def normalise_published(value: Any) -> tuple[str, Precision] | None:
    """Turn a date as an input gives it into ``(ISO date, precision)``.

    The calendar date is the one the publisher wrote: a time zone offset is not
    applied, so "23:30 -05:00 on 7 May" stays on 7 May.

    Args:
        value: A string (ISO 8601, RFC 2822, ``YYYY``, ``YYYY-MM``, or free text such
            as "7 May 2023"), a :class:`datetime`/:class:`date`, a ``time.struct_time``
            (feedparser) or a year as an ``int``.

    Returns:
        ``("YYYY-MM-DD", "day")``, ``("YYYY-MM", "month")`` or ``("YYYY", "year")``;
        ``None`` when the value is empty or not a plausible date.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime | date):
        return _day(value.year, value.month, value.day)
    if isinstance(value, time.struct_time):
        return _day(value.tm_year, value.tm_mon, value.tm_mday)
    if isinstance(value, int):
        return _year(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    return _parse_text(text)


def _parse_text(text: str) -> tuple[str, Precision] | None:
    if match := _YEAR.match(text):
        return _year(int(match.group(1)))
    if match := _MONTH.match(text):
        return _month(int(match.group(1)), int(match.group(2)))
    if match := _ISO_DAY.match(text):
        # The date part decides; a malformed time after it must not lose the day.
        return _day(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        pass
    else:
        return _day(parsed.year, parsed.month, parsed.day)
    rfc = parsedate_tz(text)
    if rfc is not None:
        return _day(rfc[0], rfc[1], rfc[2])
    return _parse_free_text(text)


def _parse_free_text(text: str) -> tuple[str, Precision] | None:
    # dateparser is slow to import; only dates in no standard format pay for it.
    from dateparser.date import DateDataParser

    try:
        data = DateDataParser(settings=_FREE_TEXT_SETTINGS).get_date_data(text)
    except (ValueError, OverflowError, TypeError):
        return None
    if data.date_obj is None:
        return None
    found = data.date_obj
    if data.period == "year":
        return _year(found.year)
    if data.period == "month":
        return _month(found.year, found.month)
    return _day(found.year, found.month, found.day)


def _plausible(year: int) -> bool:
    return _EARLIEST_YEAR <= year <= _LATEST_YEAR


def _year(year: int) -> tuple[str, Precision] | None:
    return (f"{year:04d}", "year") if _plausible(year) else None


def _month(year: int, month: int) -> tuple[str, Precision] | None:
    if not _plausible(year) or not 1 <= month <= 12:
        return None
    return f"{year:04d}-{month:02d}", "month"


def _day(year: int, month: int, day: int) -> tuple[str, Precision] | None:
    if not _plausible(year):
        return None
    try:
        return date(year, month, day).isoformat(), "day"
    except ValueError:
        return None
