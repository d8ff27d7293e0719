"""Publication dates as given by the input, normalised to ISO with a precision."""

from __future__ import annotations

import math
import re
import time
from datetime import UTC, date, datetime
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
# Unix timestamps are read only in this window (1990-01-01 to 2100-01-01, UTC), in seconds
# or milliseconds; any other number in a date field is not a date.
_EPOCH_FIRST = 631_152_000
_EPOCH_LAST = 4_102_444_800
_EPOCH_DIGITS = re.compile(r"^\d{10}$|^\d{13}$")
_FOUR_DIGITS = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_HAS_DIGIT = re.compile(r"\d")
# Only dates written out in full: no "yesterday", no "2 days ago", no bare numbers.
_FREE_TEXT_SETTINGS = {"STRICT_PARSING": False, "PARSERS": ["custom-formats", "absolute-time"],
                       "REQUIRE_PARTS": ["year"]}


def normalise_published(value: Any) -> tuple[str, Precision] | None:
    """Turn a date as an input gives it into ``(ISO date, precision)``.

    The calendar date is the one the publisher wrote: a time zone offset is not
    applied, so "23:30 -05:00 on 7 May" stays on 7 May.

    Only date-like values are dates (be conservative: a wrong date misplaces an article
    on the timeline, a missing one is filled in later from the text):

    - text must be ISO 8601, RFC 2822, ``YYYY``/``YYYY-MM``, or a written date that
      names its year in four digits ("7 May 2023"); relative words ("yesterday"), a
      date without a year ("May 7") and anything that reads as a number ("1e30",
      "3.14") are not dates;
    - a number is a year when it is an integer from 1800 to 2200, a Unix timestamp when
      it is 10 digits of seconds or 13 of milliseconds between 1990 and 2100 (the UTC
      day); the same holds for text of only those digits; no other number is a date;
    - years outside 1800–2200 (year 1, 9999, 10000) are not dates.

    Args:
        value: A string, a :class:`datetime`/:class:`date`, a ``time.struct_time``
            (feedparser), or a number.

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
    if isinstance(value, int | float):
        return _number(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    return _parse_text(text)


def _number(value: float) -> tuple[str, Precision] | None:
    if isinstance(value, float) and (not math.isfinite(value) or not value.is_integer()):
        return None
    number = int(value)
    if _EARLIEST_YEAR <= number <= _LATEST_YEAR:
        return _year(number)
    for scale in (1, 1000):  # seconds, milliseconds
        if _EPOCH_FIRST * scale <= number < _EPOCH_LAST * scale:
            moment = datetime.fromtimestamp(number / scale, UTC)
            return _day(moment.year, moment.month, moment.day)
    return None


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _parse_text(text: str) -> tuple[str, Precision] | None:
    if _EPOCH_DIGITS.match(text):
        return _number(int(text))
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
    if _is_number(text) or not _HAS_DIGIT.search(text):
        return None  # "1e30", "3.14", "NaN", "yesterday": not a date
    rfc = parsedate_tz(text)
    if rfc is not None:
        # The email parser turns a year "0001" or "24" into 2001 and 2024: the year must
        # be written as it is.
        return _day(rfc[0], rfc[1], rfc[2]) if str(rfc[0]) in text else None
    return _parse_free_text(text)


def _parse_free_text(text: str) -> tuple[str, Precision] | None:
    # dateparser is slow to import; only dates in no standard format pay for it.
    from dateparser.date import DateDataParser

    years = {int(year) for year in _FOUR_DIGITS.findall(text)}
    if not years:
        return None  # no year written: dateparser would take the current one
    try:
        data = DateDataParser(settings=_FREE_TEXT_SETTINGS).get_date_data(text)
    except (ValueError, OverflowError, TypeError):
        return None
    if data.date_obj is None or data.date_obj.year not in years:
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
