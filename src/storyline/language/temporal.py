"""Date expressions in English news text, normalised against an anchor date.

Extraction only reads the words: "May 7" keeps month and day, "Thursday" keeps a
weekday, "last year" keeps an offset. :func:`resolve` turns one expression into
an ISO value once an anchor (normally the publication date) is known, so that an
undated article can be resolved later, when other articles have dated it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from typing import Any

from storyline.language import temporal_forms, temporal_quarters
from storyline.language.temporal_article import anchor_date, resolve_in_order
from storyline.language.temporal_resolve import (
    MAX_YEAR,
    MIN_YEAR,
    resolve,
    shift,
    weekday_near,
)
from storyline.language.temporal_tense import is_future, is_past
from storyline.model import Article, TemporalExpression

__all__ = [
    "MAX_YEAR", "MIN_YEAR", "anchor_date", "extract_temporal", "find_expressions", "is_future",
    "is_past", "resolve", "shift", "weekday_near",
]

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|"
    # Capitals, as headings and datelines write them ("19 JANUARY").
    r"JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# What keeps a number of 1000-1899 from being a year: a zone (a 24-hour time: "1815 GMT")
# or an era ("1500 BC"); after a month or "year", also a word it counts ("Every year 1500
# children die"): a lowercase word that is no function word or past verb ("in 1692 killed
# 2,000" is a year).
_ZONE_OR_ERA = r"(?!\s*(?:GMT|BST|UTC|[ECMP][SD]?T|hrs|hours|local|BC|BCE)\b)"
_NOT_A_COUNT = (
    r"(?!\s+(?!(?:in|at|on|of|and|or|but|to|for|when|where|while|with|by|from|after|before|"
    r"until|during|as|the|a|an|this|that|his|her|their|its|he|she|they|we|it|there|no|not|"
    r"was|were|is|had|has)\b)(?![a-z]+ed\b)[a-z])")
# With a month beside it a year of any century is a date ("8 Feb 1843", "May 1787").
_FULL_YEAR = rf"(?P<year>(?:19|20)\d\d|1[0-8]\d\d{_ZONE_OR_ERA}{_NOT_A_COUNT})"
# Alone, one before 1900 only after a word that makes it a year ("in 1692", "since 1804",
# "the year 1692"): "1500 soldiers" is a count, "until 1221" a time.
_BARE_YEAR = (r"(?P<year>(?:19|20)\d\d|(?:(?<=\bin )|(?<=\bsince ))1[0-8]\d\d"
              rf"{_ZONE_OR_ERA}|(?<=\byear )1[0-8]\d\d{_ZONE_OR_ERA}{_NOT_A_COUNT})")
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_UNIT = r"(?P<unit>day|week|month|year)s?"
# A comma, PTB-spaced or not: "Feb. 11, 2011" and the tokenised "Feb. 11 , 2011".
_COMMA = r"(?:\s?,)?"
_COUNT = r"(?P<count>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)"

_WHICH = {"last": -1, "next": 1, "this": 0, "this past": -1, "this coming": 1}
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}

# Ordered: longer, more specific forms first; matches never overlap.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    *temporal_forms.FIRST,  # "January nineteen ninety-seven" before "January"
    # ISO, or month/day/year in the US order news agencies write.
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b|"
                       r"\b(?P<m2>[01]?\d)/(?P<d2>[0-3]?\d)/(?P<year2>(?:19|20)\d\d)\b")),
    ("mdy", re.compile(rf"\b{_MONTH}\s+{_DAY}{_COMMA}\s+{_FULL_YEAR}\b")),
    ("dmy", re.compile(rf"\b(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}{_COMMA}\s+{_FULL_YEAR}\b")),
    ("my", re.compile(rf"\b{_MONTH}(?:\s+of)?{_COMMA}\s+{_FULL_YEAR}\b")),
    # "Saturday, April 25", "Thursday 14 January": the weekday tells the year.
    ("wmd", re.compile(rf"\b{_WEEKDAY}{_COMMA}\s+{_MONTH}\s+{_DAY}\b(?!\s?,?\s*\d)")),
    ("wdm", re.compile(
        rf"\b{_WEEKDAY}{_COMMA}\s+(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}\b(?!\s?,?\s*\d)")),
    ("md", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:%|percent|per cent|,\s*\d))")),
    ("dm", re.compile(rf"\b{_DAY}\s+{_MONTH}\b|\b(?:the\s+)?(?P<nth>[0-3]?\d)(?:st|nd|rd|th)\s+"
                      rf"of\s+{_MONTH.replace('?P<month>', '?P<month_of>')}\b")),
    ("rel_day", re.compile(r"\b(?P<word>today|yesterday|tomorrow)\b", re.I)),
    (
        "rel_unit",
        re.compile(rf"\b(?P<which>last|this past|this coming|this|next|earlier this|later this)\s+"
                   rf"{_UNIT}\b", re.I),
    ),
    ("ago", re.compile(
        rf"\b{_COUNT}\s+{_UNIT}\s+(?:or so\s+)?(?P<dir>ago|earlier|later|before|after|from now)\b",
        re.I)),
    *temporal_forms.PATTERNS,
    ("weekday", re.compile(
        rf"\b(?:(?P<which>(?i:last|next|this past|this coming|this))\s+)?{_WEEKDAY}\b")),
    ("month", re.compile(rf"\b(?:(?P<which>(?i:last|next|this))\s+)?{_MONTH}\b(?!\s+\d)")),
    ("year", re.compile(rf"(?<![$£€\d.,-])\b(?:the\s+year\s+)?{_BARE_YEAR}\b(?![-–]\d|\d|%|[.,]\d)",
                        re.I)),
]

# "May" the verb and "March" the verb/noun are far more common than the month without a cue.
_AMBIGUOUS_MONTHS = {"may", "march", "jan", "mar", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
_MONTH_CUE = re.compile(
    r"(?:\b(?:in|since|until|by|from|through|early|late|mid|last|next|this|"
    r"of|during|before|after|end of)\s*-?\s*)$",
    re.I,
)


_CALENDAR_KINDS = {"iso", "mdy", "dmy", "my", "wmd", "wdm", "md", "dm", "rel_day", "rel_unit",
                   "ago", "weekday", "month", "year"}


def extract_temporal(article: Article) -> list[TemporalExpression]:
    """Find the date expressions of an article's sentences and resolve what its date allows.

    Args:
        article: An article with ``sentences`` set (offsets into ``text``).

    Returns:
        Expressions in text order; ``value`` is set when ``article.published`` anchors them.
    """
    found = []
    for index, sentence in enumerate(article.sentences):
        # Three sentences back tell whether "the period" or "a year earlier" is about quarters
        # (results: the quarter, then a gain it included and who paid it, then "year-earlier").
        context = " ".join(s.text for s in article.sentences[max(0, index - 3) : index])
        found.append(find_expressions(sentence.text, context))
    return resolve_in_order(article, found)


def resolved_expressions(article: Article) -> list[TemporalExpression]:
    """The article's date expressions resolved against the date it has now.

    The language step resolves against the date the page gave. An undated scrape is dated
    later, from its event (``published_basis`` "event", "relative", "dateline"), and its
    stored expressions stay unresolved: those are resolved afresh here, the same way
    (the stored expressions keep what their words say; only the values are worked out).
    """
    stored = article.temporal
    if all(t.value is not None for t in stored) or anchor_date(
            article.published, article.published_precision) is None:
        return stored
    per_sentence: list[list[TemporalExpression]] = [[] for _ in article.sentences]
    for expression in stored:
        index = expression.sentence
        if index is None or not 0 <= index < len(article.sentences):
            return stored  # not from these sentences: leave it as it is
        offset = article.sentences[index].start
        per_sentence[index].append(replace(
            expression, start=expression.start - offset, end=expression.end - offset,
            value=None))
    return resolve_in_order(article, per_sentence)


def find_expressions(text: str, context: str = "") -> list[TemporalExpression]:
    """Return the date expressions in ``text`` (offsets relative to it), unresolved.

    ``context`` is the text just before (the previous sentences): it tells whether
    "the period" or "a year earlier" speaks of a quarter.
    """
    taken: list[tuple[int, int]] = []
    found: list[TemporalExpression] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            expression = _build(kind, match, text, context)
            if expression is None or _in_title(text, match):
                continue
            taken.append(span)
            found.append(expression)
    found.sort(key=lambda e: e.start)
    for before, expression in zip([None, *found], found, strict=False):
        _take_modifier(text, expression, before.end if before else 0)
    return found


_TITLE_NEXT = re.compile(r"\s+[A-Z][a-z]")
# Before a capitalised "Today" in mid-sentence: a name's word ("USA Today", "VOA Today") or
# "the" ("the Today programme").
_NAME_BEFORE = re.compile(r"(?:\b[A-Z][\w.&]*|\bthe)\s+$")


def _in_title(text: str, match: re.Match[str]) -> bool:
    """True for the words opening a quoted title ("This Week With David Brinkley"): no time."""
    words = match.group().split()
    return len(words) > 1 and all(w[0].isupper() for w in words) and bool(
        _TITLE_NEXT.match(text, match.end())) and text[: match.start()].endswith(
        ('"', "“", "``", "'"))


# Words TIMEX3 takes into the expression they modify ("early next year", "the end of 1990",
# "nearly four years ago", "late yesterday"); the value stays the expression's.
_MODIFIER = re.compile(
    r"\b(?:early|late|mid|the\s+(?:middle|end|beginning|start)\s+of|sometime|some\s+time|around)"
    r"(?:\s+|-)$", re.I)
_COUNT_MODIFIER = re.compile(r"\b(?:nearly|almost|about|around|roughly|some|more\s+than)\s+$",
                             re.I)
_DAY_MODIFIER = re.compile(r"\b(?:earlier|later)\s+$", re.I)
_FISCAL = re.compile(r"\bfiscal(?:\s+year)?\s+$", re.I)


def _take_modifier(text: str, expression: TemporalExpression, limit: int) -> None:
    """Widen ``expression`` over a modifier just before it (not past ``limit``)."""
    if expression.kind == "ref":
        return
    head = text[limit : expression.start]
    words = expression.text.lower()
    match = _MODIFIER.search(head)
    if match is None and words.endswith(" ago"):
        match = _COUNT_MODIFIER.search(head)
    if match is None and words in ("today", "yesterday", "tomorrow"):
        match = _DAY_MODIFIER.search(head)
    if match is None and expression.kind == "year":
        match = _FISCAL.search(head)
    if match is None:
        return
    start = limit + match.start()
    expression.text = text[start : expression.end]
    expression.start = start


def _build(
    kind: str, match: re.Match[str], text: str, context: str = ""
) -> TemporalExpression | None:
    if kind not in _CALENDAR_KINDS:
        return temporal_forms.build(kind, match, text, context)
    groups = match.groupdict()
    month = MONTHS.get((groups.get("month") or groups.get("month_of") or "").lower().rstrip("."))
    day = int(groups.get("day") or groups.get("nth") or 0) or None
    year = int(groups["year"]) if groups.get("year") else None
    start, end = match.span()

    def make(**values: Any) -> TemporalExpression:
        return TemporalExpression(match.group(), start, end, **values)

    if kind == "iso":
        month, day = int(groups["m"] or groups["m2"]), int(groups["d"] or groups["d2"])
        if groups["m2"] and month > 12 >= day:  # "19/11/2019": day first, as outside the US
            month, day = day, month
        year = int(groups["year"] or groups["year2"])
        return _checked(make(kind="absolute", year=year, month=month, day=day))
    if kind in ("mdy", "dmy"):
        return _checked(make(kind="absolute", year=year, month=month, day=day))
    if kind == "my":
        return make(kind="absolute", year=year, month=month)
    if kind in ("md", "dm", "wmd", "wdm"):
        weekday = WEEKDAYS[groups["weekday"].lower()] if groups.get("weekday") else None
        return _checked(make(kind="partial", month=month, day=day, weekday=weekday))
    if kind == "rel_day":
        offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[groups["word"].lower()]
        if offset == 1 and re.search(r"(?<!\bas )\bof\s+$", text[:start], re.I):
            return None  # "the people of tomorrow": the future at large, no day
        if groups["word"] == "Today" and _NAME_BEFORE.search(text[:start]) and (
                text[:start].strip(" \"'`“‘(")) and not text[end:].startswith(","):
            # "USA Today", "the Today programme": a name ("… for Surgeon General Today, the
            # President announced": a heading run into the day)
            return None
        return make(kind="relative", offset=offset, unit="day")
    if kind == "rel_unit":
        offset = _WHICH.get(groups["which"].lower(), 0)
        if groups["unit"].lower() == "week":  # "last week" is a week, not a day
            return make(kind="week", offset=offset)
        return make(kind="relative", offset=offset, unit=groups["unit"].lower())
    if kind == "ago":
        count = groups["count"].lower()
        number = _NUMBERS.get(count) or int(count)
        sign = 1 if groups["dir"].lower() in ("later", "after", "from now") else -1
        if number == 1 and sign < 0 and groups["unit"].lower() == "year" and (
                temporal_quarters.speaks_of_quarters(context + " " + text)):
            # Results "a year earlier" in a sentence about quarters: the year-ago quarter.
            return make(kind="quarter", offset=-4)
        if groups["unit"].lower() == "week":  # "six weeks ago" is a week (TIMEX3 1998-W02)
            return make(kind="week", offset=sign * number)
        return make(kind="relative", offset=sign * number, unit=groups["unit"].lower())
    if kind == "weekday":
        which = (groups.get("which") or "").lower()
        return make(
            kind="weekday", offset=_WHICH.get(which), weekday=WEEKDAYS[groups["weekday"].lower()]
        )
    if kind == "month":
        which = (groups.get("which") or "").lower()
        name = groups["month"].lower().rstrip(".")
        if not which and name in _AMBIGUOUS_MONTHS and not _MONTH_CUE.search(text[:start]):
            return None
        if not groups["month"][0].isupper():
            return None
        return make(kind="partial", month=month, offset=_WHICH.get(which))
    if kind == "year":
        return make(kind="year", year=year)
    return None


def _checked(expression: TemporalExpression) -> TemporalExpression | None:
    """Drop impossible calendar dates such as "February 31" or "2024-00-01"."""
    if expression.month is not None and not 1 <= expression.month <= 12:
        return None  # an ISO-looking code, not a date
    if expression.month is None or expression.day is None:
        return expression
    year = expression.year or 2000  # a leap year, so 29 February survives
    if expression.day < 1 or expression.day > calendar.monthrange(year, expression.month)[1]:
        return None
    return expression
