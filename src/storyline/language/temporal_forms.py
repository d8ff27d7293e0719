"""TimeML DATE forms beyond the calendar: quarters, seasons, weeks, decades, references.

TimeML marks as DATE not only calendar dates but "the third quarter" (``1989-Q3``),
"last fall" (``1997-FA``), "the weekend" (``1998-W06-WE``), "the 1990s" (``199``),
"now" (``PRESENT_REF``), "recently" (``PAST_REF``) and spelled-out years ("nineteen
ninety-six"). :data:`PATTERNS` finds them; :func:`build` keeps what the words say, and
:mod:`storyline.language.temporal_resolve` turns that into a value. Quarters and halves
have their own module, :mod:`storyline.language.temporal_quarters`; the words for months
and years are in :mod:`storyline.language.temporal_words`.
"""

from __future__ import annotations

import re
from typing import Any

from storyline.language import temporal_holidays
from storyline.language import temporal_quarters as quarters
from storyline.language.temporal_words import (
    DECADE_WORDS,
    MONTH,
    MONTH_ABBR,
    ORDINAL_WORDS,
    SPELLED_YEAR,
    YEAR,
    ZODIAC,
    month_number,
    spelled_year,
)
from storyline.model import TemporalExpression

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_SEASON_CODES = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14),
             "halloween": (10, 31), "fourth of july": (7, 4), "veterans day": (11, 11)}
_UNITS = r"(?:days|weeks|months|quarters|years|periods)"  # "future quarters"

# Tried before the calendar patterns, which would take part of them ("January", "next day").
FIRST: list[tuple[str, re.Pattern[str]]] = [
    ("month_year_rel", re.compile(
        rf"\b{MONTH_ABBR}(?:\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?)?,?\s+(?:of\s+)?"
        r"(?P<which>last|next|this)\s+year\b")),
    ("spelled_my", re.compile(rf"\b{MONTH}\s+(?:of\s+)?{SPELLED_YEAR}\b", re.I)),
    # "the year of the rat": a year of the Chinese zodiac (before "the year" takes the words).
    ("zodiac_year", re.compile(rf"\bthe\s+year\s+of\s+the\s+(?P<animal>{'|'.join(ZODIAC)})\b",
                               re.I)),
    ("day_two", re.compile(r"\bthe\s+day\s+(?P<dir>before\s+yesterday|after\s+tomorrow)\b", re.I)),
    ("day_next", re.compile(
        r"\bthe\s+(?:(?P<after>next|following)\s+day|(?:previous|preceding)\s+day|"
        r"day\s+(?P<dir>before|after))\b", re.I)),
    quarters.THAT,
    quarters.BEFORE_NAMED,
    quarters.OWNER,
    ("holiday_moving", temporal_holidays.PATTERN),  # "Easter Day last year" before "last year"
    quarters.NAMED,  # "the second half of next year" before "next year"
]
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("season", re.compile(
        r"\b(?:(?P<which>this past|this coming|this|last|next|the|early|late|mid|in|during|"
        r"by|since|until|over the)[- ])?(?P<season>spring|summer|autumn|fall|winter)"
        r"(?P<time>time)?\b"
        rf"(?:,?\s+(?:of\s+)?(?:{YEAR}|{SPELLED_YEAR}))?", re.I)),
    ("spelled_year", re.compile(rf"\b{SPELLED_YEAR}\b", re.I)),
    quarters.BEFORE,
    quarters.TOKEN,
    # "FY20", "FY2020": a fiscal year is valued as the year it is named by ("fiscal 2020").
    ("fiscal_year", re.compile(r"\bFY\s?['’]?(?P<yy>(?:19|20)?\d\d)\b(?![-–/]\d)")),
    # "up 40% year to date": the year so far.
    ("year_to_date", re.compile(r"\b(?:the\s+)?year[- ]to[- ]date\b", re.I)),
    quarters.OF_YEAR,
    quarters.PRIOR,
    quarters.OF_MONTH,
    quarters.WHICH,
    # "the day's testimony", "down 2.7% on the day": the day told of, a market report's trading
    # day (the figure or "up"/"down" before it; not "on the day of the vote", "the day when").
    ("day_told", re.compile(
        r"\b(?:(?P<own>the\s+day)(?=['’]s\b)|(?:%|percent|per\s+cent|points?|cents?|up|down|"
        r"higher|lower|flat|unchanged|changed|steady)\s+on\s+(?P<span>the\s+day)\b"
        r"(?=\s*(?:[.,;:!?)]|$))|"
        # "March 7 , the day Blix reported": in apposition to the day before it (not a year's).
        r"(?:(?<=\D\d\s,\s)|(?<=\D\d\d\s,\s)|(?<=\D\d,\s)|(?<=\D\d\d,\s))"
        r"(?P<appos>the\s+day\b(?!\s+(?:after|before|of\b))|the\s+eve\b))", re.I)),
    ("day_that", re.compile(r"\b(?:(?:that|the same)\s+day|(?:earlier|later)\s+in\s+the\s+day)\b",
                            re.I)),
    ("weekday_that", re.compile(
        r"\b(?i:the)\s+(?P<which>(?i:previous|preceding|following))\s+(?P<weekday>Monday|Tuesday|Wednesday|"
        r"Thursday|Friday|Saturday|Sunday)\b")),
    # "It's the second day of an offensive": an ongoing event's day told in the present is today.
    ("day_nth", re.compile(
        r"\b(?:it's|it is|is|marks)\s+(?:in\s+)?(?P<span>(?:the|its)\s+(?:first|second|third|"
        r"fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+day)\b(?!s)",
        re.I)),
    # "later in the month": the unit being written in, as "later this month" is.
    ("unit_in", re.compile(r"\b(?:earlier|later)\s+in\s+the\s+(?P<unit>week|month|year)\b", re.I)),
    ("the_week", re.compile(
        r"\bthe\s+week\b(?!-|'s?\s+(?:time|notice)|\s+(?:of|before|after|earlier|later))", re.I)),
    ("holiday", re.compile(
        r"\b(?P<holiday>Christmas(?:\s+(?:Eve|Day))?|New\s+Year's\s+(?:Eve|Day)|"
        r"Valentine's\s+Day|Halloween|Fourth\s+of\s+July|Veterans\s+Day)")),
    ("weekend", re.compile(
        r"\b(?P<which>this past|this coming|this|last|next|the)\s+weekend\b", re.I)),
    ("decade", re.compile(
        r"(?:\b(?:the\s+)?(?:(?:early|mid|late)[- ])?)?(?:\b(?P<year>1[5-9]\d0|20\d0)'?s|"
        r"(?<![\w'])['’](?P<short>\d0)s|"
        r"(?:nineteen[- ])?(?P<word>twenties|thirties|forties|fifties|sixties|seventies|"
        r"eighties|nineties))\b", re.I)),
    ("decade_ago", re.compile(r"\b(?:a|one|two|three)\s+decades?\s+ago\b", re.I)),
    ("decade_which", re.compile(
        r"\b(?P<which>this|the last|the past|the next|the coming|the previous)\s+decade\b",
        re.I)),
    ("century", re.compile(r"\b(?:the\s+)?(?:(?P<n>1\d|20|21|[1-9])(?:st|nd|rd|th)|"
                           rf"(?P<word>{'|'.join(ORDINAL_WORDS)}))[- ]century\b"
                           r"(?!\s+(?:BCE?|B\.C\.))", re.I)),  # no TIMEX3 value before year 1
    ("century_which", re.compile(
        r"\b(?:the\s+turn\s+of\s+the|(?P<which>this|the\s+(?:next|new|coming)|next|last))\s+"
        r"century\b", re.I)),
    # "the end of the month": the month (TIMEX3 marks the whole phrase with the month's value).
    ("unit_part", re.compile(
        r"\b(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+(?P<which>the|this|next|last)\s+"
        r"(?P<unit>week|month)\b", re.I)),
    # "the end of the decade" (TIMEX3: the decade, as "the end of the month" is the month).
    ("era_part", re.compile(
        r"\b(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+(?:the|this)\s+"
        r"(?P<unit>decade|century)\b", re.I)),
    # "that month", "the same month": the month the text told of last.
    ("month_that", re.compile(r"\b(?:that|the\s+same)\s+month\b(?![- ](?:earlier|ago|old|long))",
                              re.I)),
    ("unit_that", re.compile(
        r"\b(?:the\s+)?(?P<which>following|previous|preceding)\s+(?P<unit>week|month)\b", re.I)),
    ("year_that", re.compile(
        r"\b(?:(?P<that>that|the same) year|the (?P<after>following|ensuing|succeeding) year|"
        r"the (?P<before>previous|preceding|prior) year|the year (?P<dir>before|after))\b"
        r"(?![- ](?:earlier|ago|end|old|long))", re.I)),
    ("year_the", re.compile(
        r"\b(?:the|this)\s+(?P<mod>(?:(?:current|past|previous|prior|coming|full|latest|"
        r"most\s+recent|fiscal|calendar)\s+)*)year\b"
        r"(?![- ](?:earlier|ago|before|after|end|old|long|\d))",
        re.I)),
    ("year_end", re.compile(r"\b(?:the\s+)?(?:year[- ]end|year's end|end of the year)\b", re.I)),
    ("year_mid", re.compile(rf"\b(?:mid|early|late)-{YEAR}\b", re.I)),
    # "the 2022/23 season": a season across two years (sport, theatre, school).
    ("season_years", re.compile(
        rf"\b(?:the\s+){YEAR}\s?[/–-]\s?(?P<next>(?:19|20)?\d\d)\s+season\b", re.I)),
    # "twice as high a dividend this year as last", "this year and next": the unit of
    # "this year" left out.
    ("unit_elided", re.compile(
        r"(?:(?<=\bas )|(?<=\bthan )|(?<=\band )|(?<=\bor ))(?P<which>last|next)"
        r"(?=\s*(?:[.,;:!?]|$))", re.I)),
    ("ref", re.compile(
        r"\b(?:(?:right\s+)?now|currently|current|nowadays|presently|at present|"
        r"(?:more\s+|until\s+|only\s+)?recently|recent(?:\s+(?:days|weeks|months|years))?|"
        r"the past(?!\s+(?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten|year|"
        r"month|week|day|decade|quarter|century|\w+ty))|the (?:near |distant |foreseeable )?"
        rf"future(?!\s+of)|in future(?!\s+{_UNITS})|future {_UNITS}|"
        r"(?<![\w-])future(?=\s+(?-i:[a-z]))|"  # "future growth"; not "Future Shock", a title
        r"the (?:near|short)(?: term|-term(?!\s+[a-z]))|"  # not "the short-term debt"
        r"(?:the\s+)?coming\s+(?:days|weeks|months|years)|"
        r"the (?:past|last) (?:few|several) (?:days|weeks|months|quarters|years)|"
        r"(?:(?:a few|several|some|many) )?(?:days|weeks|months|years|decades) ago|these days|"
        r"(?<=\bat )the moment|(?<=\bfor )the moment|(?:not\s+)?long ago|previously|"
        # "the present" as a noun; "the present system" is no time.
        r"(?:in |for )?the present(?=\s*(?:[.,;:!?'\")]|$|and\b|or\b))|the other day|"
        # "soon", but not "soon after" (an order of events) nor "as soon as it opens".
        r"(?:as )?soon as possible|(?<!as )soon(?!\s+(?:after|before|as|thereafter)\b)|"
        # "a once high-flying toy maker": "once" as "formerly", before what it qualifies.
        r"(?:(?<=\ba\s)|(?<=\ban\s)|(?<=\bthe\s))once(?=\s+[a-z]))\b",
        re.I)),
]


def build(
    kind: str, match: re.Match[str], text: str, context: str = ""
) -> TemporalExpression | None:
    """What one :data:`PATTERNS` match says, or ``None`` when it is no date after all.

    ``text`` is the sentence, ``context`` the sentences before it.
    """
    groups = match.groupdict()
    start, end = match.span()
    words = " ".join(match.group().lower().split())

    def make(**values: Any) -> TemporalExpression:
        return TemporalExpression(match.group(), start, end, **values)

    if kind == "month_year_rel":  # "July last year": the month in the year the words give
        which = groups["which"].lower()
        month = month_number(groups["month"])
        return make(kind="partial", month=month, day=int(groups["day"]) if groups.get("day")
                    else None, unit="year", offset=1 if which == "next" else -1 if which == "last"
                    else 0)
    if kind == "zodiac_year":  # the year its tense points to (see temporal_resolve)
        return make(kind="zodiac", code=ZODIAC[groups["animal"].lower()])
    if kind == "spelled_my":
        month = month_number(groups["month"])
        return make(kind="absolute", year=spelled_year(groups), month=month)
    if kind == "unit_elided":  # the unit of the "this year" it is compared with
        units = re.findall(r"\b(?:this|next|last)\s+(year|month|week)\b", text[:start], re.I)
        if not units:
            return None
        unit, step = units[-1].lower(), -1 if groups["which"].lower() == "last" else 1
        return make(kind="week", offset=step) if unit == "week" else make(
            kind="relative", offset=step, unit=unit)
    if kind == "year_end":  # the end of the year being written in
        return make(kind="relative", offset=0, unit="year")
    if kind == "season_years":  # the year it starts in; its end's year after "the end of"
        first, last = int(groups["year"]), int(groups["next"][-2:])
        if last != (first + 1) % 100:
            return None
        ending = re.search(r"\b(?:end|close|finish)\s+of\s+$", text[:start], re.I)
        return make(kind="year", year=first + 1 if ending else first)
    if kind == "spelled_year" or kind == "year_mid":
        named = int(groups["year"]) if groups.get("year") else spelled_year(groups)
        return make(kind="year", year=named)
    if kind == "season":
        found = _season(groups, make, words)
        if found is not None and (groups.get("which") or "").lower() in _PREPOSITIONS:
            # "over the summer": the preposition was a cue, not part of the expression.
            return _without_cue(found, match.start("season"), text)
        return found
    if kind in quarters.KINDS:
        return quarters.build(kind, match, text, context, make)
    if kind == "fiscal_year":
        short = groups["yy"]
        return make(kind="year", year=int(short) if len(short) == 4 else 2000 + int(short))
    if kind == "year_to_date":
        return make(kind="relative", offset=0, unit="year")
    if kind == "the_week":  # "the week" in news is the current one
        if match.group().startswith("The") and text[:start].strip(" \"'`“‘("):
            return None  # "on ABC's The Week": a title
        return make(kind="week", offset=0)
    if kind == "holiday":  # fixed-date holidays; the year as for any yearless date
        month, day = _HOLIDAYS[" ".join(groups["holiday"].lower().split())]
        return make(kind="partial", month=month, day=day)
    if kind == "holiday_moving":  # "Thanksgiving": its day once the year is known
        if temporal_holidays.names_a_thing(text, start, end):
            return None
        code = " ".join(groups["holiday"].lower().replace("’", "'").split())
        if groups.get("year_which"):  # "Easter Day last year": in the year the words give
            year_offset = {"last": -1, "next": 1}.get(groups["year_which"].lower(), 0)
            return make(kind="holiday", code=code, unit="year", offset=year_offset)
        which = (groups.get("which") or "").lower()
        return make(kind="holiday", code=code, offset={"last": -1, "next": 1}.get(which))
    if kind == "weekend":
        which = groups["which"].lower()
        offset = -1 if which == "last" else 1 if which == "next" else None
        return make(kind="weekend", offset=offset)
    if kind == "decade":
        if groups.get("year") and words[0].isdigit() and "s" in words[-2:] and "'" in words:
            return None  # "1990's budget" without "the": a year's, left to the year pattern
        if groups.get("year"):
            return make(kind="decade", year=int(groups["year"]))
        if groups.get("short"):  # "the '80s": the latest decade ending so (see _era)
            return make(kind="decade", code=groups["short"][0])
        return make(kind="decade", code=str(DECADE_WORDS[groups["word"].lower()]))
    if kind == "decade_ago":  # "a decade ago" (TIMEX3 198 in 1998): a decade back
        count = {"a": 1, "one": 1, "two": 2, "three": 3}[words.split()[0]]
        return make(kind="decade", offset=-count)
    if kind == "decade_which":
        which = groups["which"].lower()
        return make(kind="decade", offset=0 if which == "this" else 1 if "next" in which
                    or "coming" in which else -1)
    if kind == "century":
        number = int(groups["n"]) if groups.get("n") else ORDINAL_WORDS[groups["word"].lower()]
        return make(kind="century", year=(number - 1) * 100)
    if kind == "century_which":
        which = " ".join((groups.get("which") or "").lower().split())
        if which in ("", "the new"):  # "the turn of the century": the nearest turn (see _era)
            return make(kind="century", code="turn")
        return make(kind="century", offset=0 if which == "this" else -1 if which == "last" else 1)
    if kind == "unit_part":
        which = groups["which"].lower()
        offset = 1 if which == "next" else -1 if which == "last" else 0
        if groups["unit"].lower() == "week":
            return make(kind="week", offset=offset)
        return make(kind="relative", offset=offset, unit="month")
    if kind == "day_nth":
        # The verb was a cue, not part of the expression.
        return _without_cue(make(kind="relative", offset=0, unit="day"), match.start("span"), text)
    if kind == "unit_in":
        unit = groups["unit"].lower()
        return make(kind="week", offset=0) if unit == "week" else make(
            kind="relative", offset=0, unit=unit)
    if kind == "era_part":
        return make(kind=groups["unit"].lower(), offset=0)
    if kind == "month_that":  # the month named last (see extract_temporal), else this one
        return make(kind="month_anaphor")
    if kind == "unit_that":  # counted from the day told of (see extract_temporal)
        offset = 1 if groups["which"].lower() == "following" else -1
        if groups["unit"].lower() == "week":
            return make(kind="week", offset=offset)
        return make(kind="relative", offset=offset, unit="month")
    if kind == "day_two":
        return make(kind="relative", offset=-2 if "before" in words else 2, unit="day")
    if kind == "day_next":  # counted from the day the sentence is about (see extract_temporal)
        later = groups.get("after") or (groups.get("dir") or "").lower() == "after"
        return make(kind="relative", offset=1 if later else -1, unit="day")
    if kind == "day_told":  # the day told of before, else the day of writing (see _resolve_all)
        # The figure was a cue, not part of the expression.
        if groups.get("own") or groups.get("appos"):
            return _without_cue(make(kind="relative", offset=0, unit="day"),
                                match.start("own" if groups.get("own") else "appos"), text)
        return _without_cue(make(kind="relative", offset=0, unit="day", code="session"),
                            match.start("span"), text)
    if kind == "day_that":  # the day the sentence (or the text before) is about
        return make(kind="relative", offset=0, unit="day")
    if kind == "weekday_that":  # counted from the day told of (see extract_temporal)
        weekday = _WEEKDAYS.index(groups["weekday"].lower())
        return make(kind="weekday", weekday=weekday,
                    offset=1 if groups["which"].lower() == "following" else -1)
    if kind == "year_that":  # counted from the last year the text named, else the anchor's
        offset = -1 if groups.get("before") or (groups.get("dir") or "").lower() == "before" \
            else 0 if groups.get("that") else 1
        return make(kind="year_anaphor", offset=offset)
    if kind == "year_the":
        modifier = groups["mod"].lower()
        # "the latest fiscal year" is the last one closed, as "the latest quarter" is.
        offset = -1 if re.search(r"past|previous|prior|latest|recent", modifier) else 1 if (
            "coming" in modifier) else 0
        return make(kind="relative", offset=offset, unit="year")
    if kind == "ref":
        if words == "now" and not text[:start].strip(" \"'`“‘(") and _NOW_MOVES_ON.match(
                text, end):
            # "Now, ..." and "Now for ..." opening a sentence move the story on, not the time;
            # "Now officials are investigating" tells of the present.
            return None
        code = "FUTURE_REF" if re.search(r"future|term|coming|soon", words) else "PAST_REF" if (
            re.search(r"past|recent|last|ago|other day|once|previous", words)) else "PRESENT_REF"
        return make(kind="ref", code=code)
    return None


def _without_cue(found: TemporalExpression, start: int, text: str) -> TemporalExpression:
    """``found`` narrowed to start at ``start``: the words before told what it is only."""
    found.start = start
    found.text = text[start : found.end]
    return found


_PREPOSITIONS = {"in", "during", "by", "since", "until", "over the"}
# After a sentence-opening "Now": a comma, "for" ("Now for the weather") or nothing.
_NOW_MOVES_ON = re.compile(r"\s*(?:[,;:.!?\-–—]|for\b|$)", re.I)
def _season(groups: dict[str, Any], make: Any, words: str) -> TemporalExpression | None:
    which = (groups.get("which") or "").lower()
    season = groups["season"].lower()
    year = int(groups["year"]) if groups.get("year") else None
    if year is None and (groups.get("century") or "thousand" in words):
        year = spelled_year(groups)
    # "fall" is a verb and a noun far more often than a season: it needs a clear cue.
    cue = which in ("this past", "this coming", "this", "last", "next", "early", "late")
    # "a summertime phone call": no other sense to rule out.
    if year is None and not which and not groups.get("time") or (
            season == "fall" and year is None and not cue):
        return None
    offset = -1 if which in ("last", "this past") else 1 if which in ("next", "this coming") \
        else 0 if which == "this" else None
    return make(kind="season", code=_SEASON_CODES[season], year=year, offset=offset)
