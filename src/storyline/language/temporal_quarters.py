"""Quarters and halves of a year as business news writes them.

"the third quarter" (``1989-Q3``), "the year-earlier period", "Q3 2019", "the September
quarter", "that quarter": the patterns here find them, :func:`build` keeps what the words
say, and :mod:`storyline.language.temporal_resolve` turns that into a value (a quarter
named without a year takes the one its sentence's tense points to).
:mod:`storyline.language.temporal_forms` tries these patterns in its own order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from storyline.language.temporal_words import MONTH_ABBR, YEAR, month_number
from storyline.model import TemporalExpression

Pattern = tuple[str, re.Pattern[str]]

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
             "4th": 4}
# Relative words before "quarter"/"period", as an offset from the current quarter
# (None: the tense decides, the last quarter unless the sentence looks ahead).
_QUARTER_WHICH = {"the": None, "this": 0, "the current": 0, "last": -1, "the latest": None,
                  "the most recent": None, "the past": -1, "the previous": -1, "the prior": -1,
                  "next": 1, "the coming": 1, "the next": 1}
# After "the same quarter": a year back.
_AGO = (r"(?:last\s+year|a\s+year\s+(?:earlier|ago|before)|"
        r"(?:of\s+)?the\s+(?:previous|prior|preceding)\s+year)")
_YEAR_BEFORE = r"(?:the\s+)?(?:comparable\s+)?(?:year-earlier|year-ago|year\s+earlier)"

# "that quarter", "the same period (a year earlier)": the quarter the text spoke of last.
THAT: Pattern = ("quarter_that", re.compile(
    rf"\b(?:that|the\s+same|the\s+(?:corresponding|comparable)(?=\s+(?:fiscal\s+)?"
    rf"(?:quarter|period)\s+{_AGO}))\s+(?:fiscal\s+)?(?P<noun>quarter|period)\b(?!-)"
    rf"(?:\s+(?P<ago>{_AGO}))?", re.I))
# "the year-earlier third quarter": before "third quarter" takes the words.
BEFORE_NAMED: Pattern = ("quarter_before", re.compile(
    rf"\b{_YEAR_BEFORE}\s+(?:fiscal\s+)?(?P<ord>first|second|third|fourth)[- ](?:fiscal\s+)?"
    r"quarter\b", re.I))
# "last year's quarter": the year-ago quarter (before "last year" takes the words).
OWNER: Pattern = ("quarter_owner", re.compile(
    r"\blast\s+year['’]s\s+(?:fiscal\s+)?(?P<noun>quarter|period)\b", re.I))
# "the second half of next year" (before "next year" takes the words).
NAMED: Pattern = ("quarter", re.compile(
    rf"\b(?:the\s+)?(?:{YEAR}(?:['’]s)?\s+|(?P<rel_owner>this|last|next)\s+year['’]s\s+)?"
    r"(?:(?:fiscal|calendar)\s+)?(?P<ord>first|second|third|fourth|"
    r"1st|2nd|3rd|4th|last|latter|final)[- ](?:fiscal[- ])?(?P<part>quarter|half)\b"
    r"(?:\s+of(?:\s+(?:fiscal|the\s+fiscal\s+year))?\s+(?P<of>(?:19|20)\d\d)|"
    r"\s+of\s+(?P<rel>this|next|last)\s+year)?"
    r"(?!\s+of\s+(?:the\s+)?(?:['’]?\d+0'?s|decade|century))", re.I))  # "…half of the '80s"
BEFORE: Pattern = ("quarter_before", re.compile(
    rf"\b{_YEAR_BEFORE}(?:\s+(?:fiscal\s+)?(?P<noun>quarter|period))?\b", re.I))
# "Q3", "Q3 2019", "3Q19", "Q2 FY20", "1H19": the analysts' and markets' short forms.
TOKEN: Pattern = ("quarter_token", re.compile(
    r"\b(?:Q(?P<q>[1-4])|(?P<nq>[1-4])Q|(?P<nh>[12])H|H(?P<h>[12]))"
    r"(?:\s*(?:FY|CY)\s*['’]?(?P<fy>(?:19|20)?\d\d)|\s*['’](?P<short>\d\d)|(?P<tight>\d\d)|"
    r"[- ](?P<full>(?:19|20)\d\d)|\s+of\s+(?:['’]\s?(?P<of_short>\d\d)|(?P<of>(?:19|20)\d\d)))?"
    r"\b(?![.,]?\d|%)"))
OF_YEAR: Pattern = ("quarter_year", re.compile(
    rf"\bthe\s+{YEAR}\s+(?:fiscal\s+)?(?P<noun>quarter|period)\b", re.I))
PRIOR: Pattern = ("quarter_prior", re.compile(
    r"\b(?:the\s+)?(?:comparable\s+)?(?:prior|previous)[- ]year(?:'s)?\s+(?:fiscal\s+)?"
    r"(?P<noun>quarter|period)\b", re.I))
# "the September quarter": the quarter that month ends (calendar quarters).
OF_MONTH: Pattern = ("quarter_month", re.compile(
    rf"\b(?:the\s+)?{MONTH_ABBR}\s+(?:fiscal\s+)?quarter\b"))
WHICH: Pattern = ("quarter_which", re.compile(
    r"\b(?P<which>the most recent|the latest|the current|the previous|the prior|the past|"
    r"the coming|the next|this|last|next|the)\s+(?:fiscal\s+)?(?P<noun>quarter|period)\b(?!-)",
    re.I))
KINDS = {"quarter", "quarter_before", "quarter_token", "quarter_year", "quarter_that",
         "quarter_prior", "quarter_owner", "quarter_month", "quarter_which"}

# "quarter" in "quarter-century" or "headquarters" speaks of no quarter of a year.
_QUARTER_WORD = re.compile(r"quarter(?![- ]century)", re.I)


def speaks_of_quarters(text: str) -> bool:
    """True when ``text`` speaks of quarters of a year ("third-quarter", "the quarter")."""
    return bool(_QUARTER_WORD.search(text))


def build(
    kind: str, match: re.Match[str], text: str, context: str,
    make: Callable[..., TemporalExpression],
) -> TemporalExpression | None:
    """What a match of one of :data:`KINDS` says, or ``None`` when it is no quarter after all.

    ``text`` is the sentence, ``context`` the sentences before it; ``make`` builds the
    expression over the match's words.
    """
    groups = match.groupdict()
    if kind == "quarter":
        year: str | None = groups.get("year") or groups.get("of")
        half = groups["part"].lower() == "half"
        ordinal = groups["ord"].lower()
        # "the last/final half" is the second one; "the final quarter" the fourth; "the last
        # quarter" is mostly "the latest" (left to the quarter_which pattern).
        number = 4 if ordinal == "final" and not half else _ORDINALS.get(ordinal, 2 if half else 0)
        if not number or half and number > 2:
            return None
        # "the second half of next year": a year counted from the anchor's (see _quarter).
        # "last year's fourth quarter" as well.
        relative = groups.get("rel") or groups.get("rel_owner") or ""
        offset = {"this": 0, "next": 1, "last": -1}.get(relative.lower())
        return make(kind="quarter", code=f"{'H' if half else 'Q'}{number}",
                    year=int(year) if year else None, unit="year" if offset is not None else None,
                    offset=offset)
    if kind == "quarter_token":
        return _quarter_token(groups, make, text[: match.start()])
    if kind == "quarter_month":  # "the September quarter" (ends in September): Q3
        month = month_number(groups["month"])
        return make(kind="quarter", code=f"Q{(month - 1) // 3 + 1}")
    mentions_quarter = speaks_of_quarters(context + " " + text)
    if kind == "quarter_before":
        # "year-earlier" results are a quarter's when the sentence is about quarters.
        if groups.get("ord"):  # "the year-earlier third quarter": that quarter, a year back
            return make(kind="quarter", code=f"Q{_ORDINALS[groups['ord'].lower()]}", offset=-4)
        if (groups.get("noun") or "").lower() == "quarter" or mentions_quarter:
            return make(kind="quarter", offset=-4)
        return make(kind="relative", offset=-1, unit="year")
    if kind == "quarter_year":  # "the 1988 period": that year's quarter of the one reported
        if not mentions_quarter:
            return None
        return make(kind="quarter", year=int(groups["year"]))
    if groups["noun"].lower() == "period" and not mentions_quarter:
        # "that period", "the same period", "the period": a quarter only where quarters are
        # spoken of
        return None
    if kind == "quarter_that":  # resolved as the quarter named last (see extract_temporal)
        return make(kind="quarter_anaphor", offset=-4 if groups.get("ago") else 0)
    if kind in ("quarter_prior", "quarter_owner"):  # "the prior-year quarter": a year ago
        return make(kind="quarter", offset=-4)
    if kind == "quarter_which":
        return make(kind="quarter", offset=_QUARTER_WHICH[groups["which"].lower()])
    return None


# A capitalised word before "Q3" other than these makes it a name ("Audi Q3").
_TOKEN_OPENERS = {"in", "for", "during", "the", "its", "this", "last", "next", "by", "since",
                  "from", "after", "before", "of", "and", "or", "to", "until", "through", "our",
                  "their", "with", "at", "on"}


def _quarter_token(groups: dict[str, Any], make: Any, before: str) -> TemporalExpression | None:
    """A short quarter or half ("Q3", "3Q19", "H1 2019"), unless it is part of a name."""
    previous = re.search(r"([A-Z][\w&.-]*)\s*$", before)
    if previous and previous.group(1).lower() not in _TOKEN_OPENERS:
        return None
    number = groups.get("q") or groups.get("nq") or groups.get("nh") or groups.get("h")
    code = ("Q" if groups.get("q") or groups.get("nq") else "H") + str(number)
    year = groups.get("fy") or groups.get("short") or groups.get("tight") or groups.get(
        "full") or groups.get("of_short") or groups.get("of")
    if year is None:
        if code[0] == "H":  # a bare "H1" or "H2" is too often something else
            return None
        return make(kind="quarter", code=code)  # the tense decides, as for "the third quarter"
    return make(kind="quarter", code=code, year=int(year) if len(year) == 4 else 2000 + int(year))
