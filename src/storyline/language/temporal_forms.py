"""TimeML DATE forms beyond the calendar: quarters, seasons, weeks, decades, references.

TimeML marks as DATE not only calendar dates but "the third quarter" (``1989-Q3``),
"last fall" (``1997-FA``), "the weekend" (``1998-W06-WE``), "the 1990s" (``199``),
"now" (``PRESENT_REF``), "recently" (``PAST_REF``) and spelled-out years ("nineteen
ninety-six"). :data:`PATTERNS` finds them; :func:`build` keeps what the words say, and
:mod:`storyline.language.temporal_resolve` turns that into a value.
"""

from __future__ import annotations

import re
from typing import Any

from storyline.language import temporal_holidays
from storyline.model import TemporalExpression

_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
WORD_NUMBERS = {w: i for i, w in enumerate(_ONES.split("|"), 1)}
WORD_NUMBERS.update({w: i for i, w in enumerate(_TEENS.split("|"), 10)})
WORD_NUMBERS.update({w: i for i, w in enumerate(_TENS.split("|"), 2)})  # tens digit
# "nineteen ninety-six", "twenty oh five", "the year two thousand (and one)".
SPELLED_YEAR = (
    rf"(?:(?P<century>nineteen|twenty)[- ](?:(?P<tens>{_TENS})(?:[- ](?P<ones>{_ONES}))?|"
    rf"(?P<teen>{_TEENS})|(?:oh|o)[- ](?P<oh>{_ONES}))|"
    rf"the year two thousand(?:(?: and)? (?P<after>{_ONES}|{_TEENS}))?)"
)
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December)"
)
_MONTH_ABBR = (
    r"(?P<month>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|January|February|March|"
    r"April|May|June|July|August|September|October|November|December)"
)
_MONTH_NAMES = {name[:3]: name for name in ("january", "february", "march", "april", "may",
                "june", "july", "august", "september", "october", "november", "december")}
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
             "4th": 4}
_SEASON_CODES = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_DECADE_WORDS = {w[:-1] + "ies": WORD_NUMBERS[w] for w in _TENS.split("|")}  # "nineties": 9
# Relative words before "quarter"/"period", as an offset from the current quarter
# (None: the tense decides, the last quarter unless the sentence looks ahead).
_QUARTER_WHICH = {"the": None, "this": 0, "the current": 0, "last": -1, "the latest": None,
                  "the most recent": None, "the past": -1, "the previous": -1, "the prior": -1,
                  "next": 1, "the coming": 1, "the next": 1}
_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14),
             "halloween": (10, 31), "fourth of july": (7, 4), "veterans day": (11, 11)}
_UNITS = r"(?:days|weeks|months|quarters|years|periods)"  # "future quarters"
# After "the same quarter": a year back.
_AGO = (r"(?:last\s+year|a\s+year\s+(?:earlier|ago|before)|"
        r"(?:of\s+)?the\s+(?:previous|prior|preceding)\s+year)")
_YEAR_BEFORE = r"(?:the\s+)?(?:comparable\s+)?(?:year-earlier|year-ago|year\s+earlier)"

# Tried before the calendar patterns, which would take part of them ("January", "next day").
FIRST: list[tuple[str, re.Pattern[str]]] = [
    ("month_year_rel", re.compile(
        rf"\b{_MONTH_ABBR}(?:\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?)?,?\s+(?:of\s+)?"
        r"(?P<which>last|next|this)\s+year\b")),
    ("spelled_my", re.compile(rf"\b{_MONTH}\s+(?:of\s+)?{SPELLED_YEAR}\b", re.I)),
    ("day_two", re.compile(r"\bthe\s+day\s+(?P<dir>before\s+yesterday|after\s+tomorrow)\b", re.I)),
    ("day_next", re.compile(
        r"\bthe\s+(?:(?P<after>next|following)\s+day|(?:previous|preceding)\s+day|"
        r"day\s+(?P<dir>before|after))\b", re.I)),
    # "that quarter", "the same period (a year earlier)": the quarter the text spoke of last.
    ("quarter_that", re.compile(
        rf"\b(?:that|the\s+same|the\s+(?:corresponding|comparable)(?=\s+(?:fiscal\s+)?"
        rf"(?:quarter|period)\s+{_AGO}))\s+(?:fiscal\s+)?(?P<noun>quarter|period)\b(?!-)"
        rf"(?:\s+(?P<ago>{_AGO}))?", re.I)),
    # "the year-earlier third quarter": before "third quarter" takes the words.
    ("quarter_before", re.compile(rf"\b{_YEAR_BEFORE}\s+(?:fiscal\s+)?(?P<ord>first|second|"
                                  r"third|fourth)[- ](?:fiscal\s+)?quarter\b", re.I)),
    # "last year's quarter": the year-ago quarter (before "last year" takes the words).
    ("quarter_owner", re.compile(r"\blast\s+year['’]s\s+(?:fiscal\s+)?(?P<noun>quarter|period)\b",
                                 re.I)),
    ("holiday_moving", temporal_holidays.PATTERN),  # "Easter Day last year" before "last year"
    # "the second half of next year" before "next year"
    ("quarter", re.compile(
        rf"\b(?:the\s+)?(?:{_YEAR}(?:['’]s)?\s+|(?P<rel_owner>this|last|next)\s+year['’]s\s+)?"
        r"(?:(?:fiscal|calendar)\s+)?(?P<ord>first|second|third|fourth|"
        r"1st|2nd|3rd|4th|last|latter|final)[- ](?:fiscal[- ])?(?P<part>quarter|half)\b"
        r"(?:\s+of(?:\s+(?:fiscal|the\s+fiscal\s+year))?\s+(?P<of>(?:19|20)\d\d)|"
        r"\s+of\s+(?P<rel>this|next|last)\s+year)?"
        r"(?!\s+of\s+(?:the\s+)?(?:['’]?\d+0'?s|decade|century))", re.I)),  # "…half of the '80s"
]
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("season", re.compile(
        r"\b(?:(?P<which>this past|this coming|this|last|next|the|early|late|mid|in|during|"
        r"by|since|until|over the)[- ])?(?P<season>spring|summer|autumn|fall|winter)\b"
        rf"(?:,?\s+(?:of\s+)?(?:{_YEAR}|{SPELLED_YEAR}))?", re.I)),
    ("spelled_year", re.compile(rf"\b{SPELLED_YEAR}\b", re.I)),
    ("quarter_before", re.compile(rf"\b{_YEAR_BEFORE}(?:\s+(?:fiscal\s+)?(?P<noun>quarter|"
                                  r"period))?\b", re.I)),
    # "Q3", "Q3 2019", "3Q19", "Q2 FY20", "1H19": the analysts' and markets' short forms.
    ("quarter_token", re.compile(
        r"\b(?:Q(?P<q>[1-4])|(?P<nq>[1-4])Q|(?P<nh>[12])H|H(?P<h>[12]))"
        r"(?:\s*(?:FY|CY)\s*['’]?(?P<fy>(?:19|20)?\d\d)|\s*['’](?P<short>\d\d)|(?P<tight>\d\d)|"
        r"[- ](?P<full>(?:19|20)\d\d)|\s+of\s+(?:['’]\s?(?P<of_short>\d\d)|(?P<of>(?:19|20)\d\d)))?"
        r"\b(?![.,]?\d|%)")),
    # "FY20", "FY2020": a fiscal year is valued as the year it is named by ("fiscal 2020").
    ("fiscal_year", re.compile(r"\bFY\s?['’]?(?P<yy>(?:19|20)?\d\d)\b(?![-–/]\d)")),
    # "up 40% year to date": the year so far.
    ("year_to_date", re.compile(r"\b(?:the\s+)?year[- ]to[- ]date\b", re.I)),
    ("quarter_year", re.compile(rf"\bthe\s+{_YEAR}\s+(?:fiscal\s+)?(?P<noun>quarter|period)\b",
                                re.I)),
    ("quarter_prior", re.compile(
        r"\b(?:the\s+)?(?:comparable\s+)?(?:prior|previous)[- ]year(?:'s)?\s+(?:fiscal\s+)?"
        r"(?P<noun>quarter|period)\b", re.I)),
    # "the September quarter": the quarter that month ends (calendar quarters).
    ("quarter_month", re.compile(rf"\b(?:the\s+)?{_MONTH_ABBR}\s+(?:fiscal\s+)?quarter\b")),
    ("quarter_which", re.compile(
        r"\b(?P<which>the most recent|the latest|the current|the previous|the prior|the past|"
        r"the coming|the next|this|last|next|the)\s+(?:fiscal\s+)?(?P<noun>quarter|period)\b(?!-)",
        re.I)),
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
    ("century", re.compile(r"\b(?:the\s+)?(?P<n>1\d|20|21|[1-9])(?:st|nd|rd|th)[- ]century\b",
                           re.I)),
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
    ("year_mid", re.compile(rf"\b(?:mid|early|late)-{_YEAR}\b", re.I)),
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
        r"the (?:near|short)(?: term|-term(?!\s+[a-z]))|"  # not "the short-term debt"
        r"(?:the\s+)?coming\s+(?:days|weeks|months|years)|"
        r"the (?:past|last) (?:few|several) (?:days|weeks|months|quarters|years)|"
        r"(?:(?:a few|several|some|many) )?(?:days|weeks|months|years|decades) ago|these days|"
        # "the present" as a noun; "the present system" is no time.
        r"(?:in |for )?the present(?=\s*(?:[.,;:!?'\")]|$|and\b|or\b))|the other day|"
        # "soon", but not "soon after" (an order of events) nor "as soon as it opens".
        r"(?:as )?soon as possible|(?<!as )soon(?!\s+(?:after|before|as|thereafter)\b)|"
        # "a once high-flying toy maker": "once" as "formerly", before what it qualifies.
        r"(?:(?<=\ba\s)|(?<=\ban\s)|(?<=\bthe\s))once(?=\s+[a-z]))\b",
        re.I)),
]


# "quarter" in "quarter-century" or "headquarters" speaks of no quarter of a year.
_QUARTER_WORD = re.compile(r"quarter(?![- ]century)", re.I)


def speaks_of_quarters(text: str) -> bool:
    """True when ``text`` speaks of quarters of a year ("third-quarter", "the quarter")."""
    return bool(_QUARTER_WORD.search(text))


def spelled_year(groups: dict[str, Any]) -> int | None:
    """The year a :data:`SPELLED_YEAR` match names."""
    if groups.get("century"):
        base = 1900 if groups["century"].lower() == "nineteen" else 2000
        if groups.get("tens"):
            return base + 10 * WORD_NUMBERS[groups["tens"].lower()] + WORD_NUMBERS.get(
                (groups.get("ones") or "").lower(), 0)
        if groups.get("teen"):
            return base + WORD_NUMBERS[groups["teen"].lower()]
        return base + WORD_NUMBERS[(groups.get("oh") or "").lower()]
    return 2000 + WORD_NUMBERS.get((groups.get("after") or "").lower(), 0)


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
        month = _month_number(_MONTH_NAMES[groups["month"].lower().rstrip(".")[:3]])
        return make(kind="partial", month=month, day=int(groups["day"]) if groups.get("day")
                    else None, unit="year", offset=1 if which == "next" else -1 if which == "last"
                    else 0)
    if kind == "spelled_my":
        month = _month_number(groups["month"])
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
    if kind == "spelled_year" or kind == "year_mid":
        named = int(groups["year"]) if groups.get("year") else spelled_year(groups)
        return make(kind="year", year=named)
    if kind == "season":
        found = _season(groups, make, words)
        if found is not None and (groups.get("which") or "").lower() in _PREPOSITIONS:
            # "over the summer": the preposition was a cue, not part of the expression.
            found.start = match.start("season")
            found.text = text[found.start : found.end]
        return found
    mentions_quarter = speaks_of_quarters(context + " " + text)
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
    if kind == "quarter_before":
        # "year-earlier" results are a quarter's when the sentence is about quarters.
        if groups.get("ord"):  # "the year-earlier third quarter": that quarter, a year back
            return make(kind="quarter", code=f"Q{_ORDINALS[groups['ord'].lower()]}", offset=-4)
        if (groups.get("noun") or "").lower() == "quarter" or mentions_quarter:
            return make(kind="quarter", offset=-4)
        return make(kind="relative", offset=-1, unit="year")
    if kind == "quarter_token":
        return _quarter_token(groups, make, text[:start])
    if kind == "fiscal_year":
        short = groups["yy"]
        return make(kind="year", year=int(short) if len(short) == 4 else 2000 + int(short))
    if kind == "year_to_date":
        return make(kind="relative", offset=0, unit="year")
    if kind == "quarter_year":  # "the 1988 period": that year's quarter of the one reported
        if not mentions_quarter:
            return None
        return make(kind="quarter", year=int(groups["year"]))
    if kind in ("quarter_that", "quarter_prior", "quarter_owner") and \
            groups["noun"].lower() == "period" \
            and not mentions_quarter:
        return None  # "that period", "the same period": a quarter only where quarters are told of
    if kind == "quarter_that":  # resolved as the quarter named last (see extract_temporal)
        return make(kind="quarter_anaphor", offset=-4 if groups.get("ago") else 0)
    if kind in ("quarter_prior", "quarter_owner"):  # "the prior-year quarter": a year ago
        return make(kind="quarter", offset=-4)
    if kind == "quarter_month":  # "the September quarter" (ends in September): Q3
        month = _month_number(_MONTH_NAMES[groups["month"].lower().rstrip(".")[:3]])
        return make(kind="quarter", code=f"Q{(month - 1) // 3 + 1}")
    if kind == "quarter_which":
        if groups["noun"].lower() == "period" and not mentions_quarter:
            return None  # "the period" is a quarter only where quarters are spoken of
        return make(kind="quarter", offset=_QUARTER_WHICH[groups["which"].lower()])
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
        return make(kind="decade", code=str(_DECADE_WORDS[groups["word"].lower()]))
    if kind == "decade_ago":  # "a decade ago" (TIMEX3 198 in 1998): a decade back
        count = {"a": 1, "one": 1, "two": 2, "three": 3}[words.split()[0]]
        return make(kind="decade", offset=-count)
    if kind == "decade_which":
        which = groups["which"].lower()
        return make(kind="decade", offset=0 if which == "this" else 1 if "next" in which
                    or "coming" in which else -1)
    if kind == "century":
        return make(kind="century", year=(int(groups["n"]) - 1) * 100)
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
        found = make(kind="relative", offset=0, unit="day")
        found.start = match.start("span")  # the verb was a cue, not part of the expression
        found.text = text[found.start : found.end]
        return found
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
            re.search(r"past|recent|last|ago|other day|once", words)) else "PRESENT_REF"
        return make(kind="ref", code=code)
    return None


_PREPOSITIONS = {"in", "during", "by", "since", "until", "over the"}
# After a sentence-opening "Now": a comma, "for" ("Now for the weather") or nothing.
_NOW_MOVES_ON = re.compile(r"\s*(?:[,;:.!?\-–—]|for\b|$)", re.I)
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


def _season(groups: dict[str, Any], make: Any, words: str) -> TemporalExpression | None:
    which = (groups.get("which") or "").lower()
    season = groups["season"].lower()
    year = int(groups["year"]) if groups.get("year") else None
    if year is None and (groups.get("century") or "thousand" in words):
        year = spelled_year(groups)
    # "fall" is a verb and a noun far more often than a season: it needs a clear cue.
    cue = which in ("this past", "this coming", "this", "last", "next", "early", "late")
    if year is None and not which or season == "fall" and year is None and not cue:
        return None
    offset = -1 if which in ("last", "this past") else 1 if which in ("next", "this coming") \
        else 0 if which == "this" else None
    return make(kind="season", code=_SEASON_CODES[season], year=year, offset=offset)


def _month_number(name: str) -> int:
    return ["january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december"].index(name.lower()) + 1
