"""TIMEX3 values for the date expressions :mod:`storyline.language.temporal` finds.

A value depends on the anchor (the publication date) and on tense
(:mod:`storyline.language.temporal_tense`): "March" in a sentence about what will happen
is the coming March, in one about what happened the past one. Calendar dates come out in
ISO form; the other TimeML DATE forms as TIMEX3 writes them (``1998-W06``, ``1989-Q3``,
``1998-SU``, ``199``, ``PRESENT_REF``).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta

from storyline.language.temporal_holidays import day_of, holiday_near
from storyline.language.temporal_tense import (
    is_future,
    is_future_in_past,
    is_past,
    names_an_event,
    today_means_nowadays,
)
from storyline.language.temporal_words import years_named
from storyline.model import TemporalExpression

# Values outside these years are no ISO dates ("5000 years ago"); they stay unresolved.
MIN_YEAR, MAX_YEAR = 1, 9999
SEASONS = ("SP", "SU", "FA", "WI")  # in calendar order; winter starts in December
# A yearless date further back than this, while the coming one is nearer, is not
# taken as last year's in a past-tense sentence: the year is left unknown.
FAR_MONTHS = 10
# A plan told in the past ("would", "was due to") for a month at most this far back has passed;
# further back, "said it would open in March" reports a plan for the coming one.
PLAN_PASSED_MONTHS = 2
# Words before a date that point ahead of the time of writing: an end or a start to come.
_FORWARD = re.compile(
    r"\b(?:to|until|till|through|by|effective|payable|record|starting|beginning|expire|"
    r"expires|due)\s+(?:(?:mid|early|late)[- ])?$", re.I
)
# A period that "ended" on the date, or what has been so "since" it: the date has passed,
# however far back it is.
_ENDED = re.compile(r"\b(?:ended\s+(?:on\s+)?|since\s+)$", re.I)


def resolve(
    expression: TemporalExpression, anchor: date, sentence: str = "", after: str = ""
) -> str | None:
    """Normalise ``expression`` against ``anchor``; returns a TIMEX3 value or ``None``.

    Args:
        expression: What the words say.
        anchor: The date the text was written (publication date).
        sentence: The sentence text before the expression; its tense decides between
            the past and the coming occurrence of a weekday or month without a year.
        after: The rest of the sentence, read for its tense too when given.
    """
    future = is_future(sentence, after) and not _ENDED.search(sentence)
    kind = expression.kind
    if kind == "ref":
        return expression.code
    if expression.text.lower() == "today" and today_means_nowadays(sentence, after, anchor):
        return "PRESENT_REF"  # "as it is today 13.8 billion years after the Big Bang": nowadays
    if kind == "absolute":
        return _iso(expression.year, expression.month, expression.day)
    if kind == "year":
        return _iso(expression.year, None, None)
    if kind in ("decade", "century"):
        return _era(expression, anchor)
    if kind == "quarter":
        return _quarter(expression, anchor, future, is_past(sentence + " " + after))
    if kind == "holiday" and expression.code and expression.unit == "year":
        year = anchor.year + (expression.offset or 0)
        return day_of(expression.code, year).isoformat() if MIN_YEAR <= year <= MAX_YEAR else None
    if kind == "holiday" and expression.code:
        # The coming one when the sentence looks ahead, or tells of no past and it is nearer.
        passed = holiday_near(expression.code, anchor, False, expression.offset)
        coming = holiday_near(expression.code, anchor, True, expression.offset)
        nearer = coming - anchor < anchor - passed and not is_past(sentence + " " + after)
        return (coming if future or nearer else passed).isoformat()
    if kind == "quarter_anaphor":
        # "that quarter" with no quarter named before it: the one a report is about.
        stand_in = replace(expression, kind="quarter", offset=expression.offset or None)
        return _quarter(stand_in, anchor, future, is_past(sentence + " " + after))
    if kind == "zodiac" and expression.code is not None:
        return _zodiac(int(expression.code), anchor, future, is_past(sentence + " " + after),
                       years_named(sentence + " " + after))
    if kind == "season":  # "prices will hit $8 by summer": the coming one, as for a month
        ahead = bool(_FORWARD.search(sentence)) and not is_past(sentence + " " + after)
        return _season(expression, anchor, future or ahead)
    if kind == "partial" and expression.month is not None:
        past = is_past(sentence + " " + after)
        planned = future and is_future_in_past(sentence)
        if expression.day is not None and future and names_an_event(sentence):
            # "will face questions about Trump's July 25 call": the future is the telling's, not
            # the event's; it only settles a year the calendar and the past tense leave unknown
            # ("said its effort would continue past the Nov. 1 deadline", written in October).
            value = _partial(expression, anchor, False, past, sentence)
            if value is not None and not value.startswith("XXXX"):
                return value
        return _partial(expression, anchor, future, past, sentence, planned)
    try:
        if kind == "weekday" and expression.weekday is not None and expression.offset == 0:
            # "this Friday": that day of the writing's week (Monday to Sunday), unless the
            # sentence tells of the past and that day is still to come, or of the future (or
            # not of the past) and that day has gone.
            day = anchor + timedelta(days=expression.weekday - anchor.weekday())
            past = is_past(sentence + " " + after)
            if day > anchor and not future and past:
                day -= timedelta(weeks=1)
            elif day < anchor and (future or not past):  # "due to appear this Tuesday", said on
                day += timedelta(weeks=1)  # a Sunday: the coming one
            return day.isoformat()
        if kind == "weekday" and expression.weekday is not None:
            day = weekday_near(anchor, expression.weekday, future, expression.offset or 0)
            return day.isoformat()
        if kind == "week" and expression.offset is not None:
            return _week(anchor + timedelta(weeks=expression.offset))
        if kind == "weekend":
            saturday = weekday_near(anchor, 5, future, expression.offset or 0)
            return f"{_week(saturday)}-WE"
        if kind == "month_anaphor":
            return shift(anchor, "month", 0)
        if kind == "year_anaphor":
            return _iso(anchor.year + (expression.offset or 0), None, None)
        if kind == "relative" and expression.unit and expression.offset is not None:
            return shift(anchor, expression.unit, expression.offset)
    except OverflowError:
        return None  # "99999999 days ago": beyond the calendar, so left unresolved
    return None


def _partial(
    expression: TemporalExpression, anchor: date, future: bool, past: bool, preceding: str,
    planned: bool = False,
) -> str | None:
    """A month (and day) named without a year; ``planned``: a plan told in the past."""
    month, day = expression.month or 1, expression.day
    if expression.unit == "year":  # "July last year"
        return _iso(anchor.year + (expression.offset or 0), month, day)
    if day is not None and expression.weekday is not None:
        # "Saturday, April 25": of the years around the anchor, the nearest where it fits.
        fitting = [y for y in (anchor.year, anchor.year - 1, anchor.year + 1) if MIN_YEAR <= y
                   <= MAX_YEAR and _weekday_of(y, month, day) == expression.weekday]
        if fitting:
            return _iso(fitting[0], month, day)
    year = _year_for_month(anchor, month, day, future, past, expression.offset, preceding,
                           planned)
    if year is None:  # the tense and the calendar disagree: the year is unknown
        return f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")
    if day is not None:
        # "29 February" in a year without one: the nearest leap year the words point to.
        step = 1 if future or (expression.offset or 0) > 0 else -1
        for _ in range(8):
            if day <= calendar.monthrange(year, month)[1]:
                break
            year += step
        else:
            return None
    return _iso(year, month, day)


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return date(year, month, day).weekday()
    except ValueError:  # 29 February in a common year
        return None


def _year_for_month(
    anchor: date,
    month: int,
    day: int | None,
    future: bool,
    past: bool,
    offset: int | None,
    preceding: str = "",
    planned: bool = False,
) -> int | None:
    """The year of a month named without one: the nearest that fits the tense.

    ``None`` when the sentence is in the past tense but last year's date is more than
    :data:`FAR_MONTHS` back while this year's is nearer: such a date ("the attacks of
    September 11" written in August) is an anniversary or a well-known date, not last year's.
    A month without a day is then the coming one: "told the companies of a cutback in
    September", written in August, reports a plan.
    A plan told in the past (``planned``: "would leave the EU on Oct. 31", written in
    November) whose date is at most :data:`PLAN_PASSED_MONTHS` back has passed.
    """
    if offset == -1:
        # "last March": the latest March before this month, but not the month just ended
        # ("last month" would say that): "last February", written on March 1, is a year back.
        return anchor.year if month < anchor.month - 1 else anchor.year - 1
    if offset == 1:  # "next March": the first March after this month
        return anchor.year if month > anchor.month else anchor.year + 1
    if offset == 0:  # "this March"
        return anchor.year
    behind = anchor.year - 1 if (month, day or 1) > (anchor.month, anchor.day) else anchor.year
    ahead = anchor.year + 1 if (month, day or 31) < (anchor.month, anchor.day) else anchor.year
    if _ENDED.search(preceding):
        # "the quarter ended Oct. 31", written on Oct. 27: last year's Oct. 31.
        return behind
    here = anchor.year * 12 + anchor.month
    if future and planned and here - (behind * 12 + month) <= PLAN_PASSED_MONTHS:
        return behind
    if future:
        # "will meet in March", said in November, means next March.
        return ahead
    back, forward = here - (behind * 12 + month), ahead * 12 + month - here
    if back <= forward:
        return behind
    # The coming one is nearer: it is meant when the words point ahead ("payable Jan. 2",
    # "extended to Nov. 16") or nothing says the sentence tells of the past.
    if not past or _FORWARD.search(preceding):
        return ahead
    if back <= FAR_MONTHS:
        return behind
    return ahead if day is None else None


def _quarter(
    expression: TemporalExpression, anchor: date, future: bool, past: bool = True
) -> str | None:
    """``YYYY-Qn`` (or ``YYYY-Hn``): a named quarter, or the quarter the tense points to."""
    per_year = 2 if (expression.code or "").startswith("H") else 4  # halves or quarters
    current = anchor.year * per_year + (anchor.month - 1) * per_year // 12
    if expression.code:  # "the third quarter", "the first half"
        number = int(expression.code[1]) - 1
        if expression.year is not None:
            index = expression.year * per_year + number
        elif expression.unit == "year":  # "of next year": the year is told
            index = (anchor.year + (expression.offset or 0)) * per_year + number
        else:
            index = anchor.year * per_year + number
            # A quarter is reported on after it ends: the one just ended is still news to come.
            if future and index < current - 1:
                index += per_year
            elif not future and index > current:
                index -= per_year
            index += expression.offset or 0  # "the year-earlier third quarter": -4
        year = index // per_year
        if not MIN_YEAR <= year <= MAX_YEAR:
            return None
        return f"{year:04d}-{expression.code[0]}{index % per_year + 1}"
    elif expression.offset is None:
        # "the quarter": the one being reported on (the last) unless speaking ahead.
        index = current if future or not past else current - 1
        if expression.year is not None:  # "the 1988 period": the same quarter in that year
            index = expression.year * 4 + index % 4
    else:
        index = current + expression.offset
        if expression.offset < -1:  # "the year-ago quarter": a year before the last one
            index = current - 1 + expression.offset
    year = index // 4
    return f"{year:04d}-Q{index % 4 + 1}" if MIN_YEAR <= year <= MAX_YEAR else None


def _season(expression: TemporalExpression, anchor: date, future: bool) -> str | None:
    """``YYYY-SU``: the season the words and tense point to."""
    number = SEASONS.index(expression.code or "SU")
    if expression.year is not None:
        return f"{expression.year:04d}-{SEASONS[number]}"
    # Counted in seasons from spring of year 0; January and February belong to last winter.
    current = (anchor.year * 12 + anchor.month - 3) // 3
    index = anchor.year * 4 + number  # "this summer": the anchor's year
    offset = expression.offset
    if offset == -1:  # "last fall": the latest one before the current season
        while index >= current:
            index -= 4
    elif offset == 1:  # "next spring"
        while index <= current:
            index += 4
    elif offset is None and future:  # the coming one, the current one included: "the winter
        index = current + (number - current) % 4  # will be hard", written in January, is this one
    elif offset is None:  # "in the summer": the latest, the current one included
        while index > current:
            index -= 4
    year = index // 4
    return f"{year:04d}-{SEASONS[index % 4]}" if MIN_YEAR <= year <= MAX_YEAR else None


# A year of the rat, the first animal of the Chinese zodiac's twelve.
_RAT_YEAR = 2020


def _zodiac(animal: int, anchor: date, future: bool, past: bool, named: list[int]) -> str | None:
    """The year of a zodiac animal that its sentence or tense points to.

    One of the ``named`` years of its sentence that is the animal's ("the year of the Rooster,
    he was born in 1945"), else the coming one when ``future``, the latest when ``past``, else
    the nearest ("Next year is the year of the rat", written in 2019: 2020). The Chinese year
    starts in January or February; TIMEX3 gives it the number of the year it starts in.
    """
    fitting = [year for year in named if (year - _RAT_YEAR - animal) % 12 == 0]
    if fitting:
        return _iso(fitting[0], None, None)
    latest = anchor.year - (anchor.year - _RAT_YEAR - animal) % 12
    coming = latest if latest == anchor.year else latest + 12
    if future:
        year = coming
    elif past or anchor.year - latest <= coming - anchor.year:
        year = latest
    else:
        year = coming
    return _iso(year, None, None)


def _era(expression: TemporalExpression, anchor: date) -> str | None:
    """A decade (``199``) or century (``19``) value."""
    if expression.kind == "century":
        if expression.year is not None:
            return f"{expression.year // 100:02d}"
        century = anchor.year // 100 + (expression.offset or 0)
        if expression.code == "turn":  # the century whose start is nearest: 1998 and 2005 -> 20
            century = (anchor.year + 50) // 100
        return f"{century:02d}" if century >= 0 else None
    if expression.year is not None:
        return f"{expression.year // 10:03d}"
    decade = anchor.year // 10 + (expression.offset or 0)
    if expression.code:  # "the nineties": the latest decade ending so, up to the next one
        named = anchor.year // 100 * 10 + int(expression.code)
        decade = named if named <= anchor.year // 10 + 1 else named - 10  # 1989: "the '90s" ahead
    return f"{decade:03d}" if decade >= 0 else None


def _week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def weekday_near(anchor: date, weekday: int, future: bool, offset: int = 0) -> date:
    """The weekday closest to ``anchor``: the past one, or the coming one when ``future``."""
    back = (anchor.weekday() - weekday) % 7
    if (future and offset >= 0) or offset > 0:  # "last Thursday" is past whatever the tense
        ahead = (weekday - anchor.weekday()) % 7
        return anchor + timedelta(days=ahead or (7 if offset > 0 else 0))
    if offset < 0 and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def shift(anchor: date, unit: str, offset: int) -> str | None:
    """``anchor`` moved by ``offset`` units, at the precision the unit implies.

    Returns:
        The ISO value, or ``None`` when it falls outside years 1–9999.

    Raises:
        OverflowError: A day or week offset too large for any date.
    """
    if unit == "day":
        return (anchor + timedelta(days=offset)).isoformat()
    if unit == "week":
        return (anchor + timedelta(weeks=offset)).isoformat()
    if unit == "month":
        months = anchor.year * 12 + anchor.month - 1 + offset
        return _iso(months // 12, months % 12 + 1, None)
    return _iso(anchor.year + offset, None, None)


def _iso(year: int | None, month: int | None, day: int | None) -> str | None:
    if year is None or not MIN_YEAR <= year <= MAX_YEAR:
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"
