"""What the text around a date tells its value: lists, the day told of, a quarter's end.

A date's words alone give :func:`~storyline.language.temporal_resolve.resolve` what it
needs; these read its surroundings: the year a list's heading names, whether a day is the
one the report goes on telling of (not an event's name, a time of speaking or a day said in
a quotation), and the year of the day a named quarter "ended".
"""

from __future__ import annotations

import re
from datetime import date

from storyline.language.temporal_resolve import resolve
from storyline.language.temporal_tense import names_an_event
from storyline.model import TemporalExpression


def list_year(text: str, expressions: list[TemporalExpression],
              heading: int | None, same_line: bool = False) -> int | None:
    """The year the lines of a dated list take, after the sentence ``text``.

    A heading ending with a colon that names one year ("The 50th Anniversary Tour 2020
    dates:") gives its year to the list below it; a line opening with a date ("June 9 --
    West Palm Beach") keeps the year of the list it is in, and so does a dateless piece of
    the line before (``same_line``: "Sept. 5 -- White River Amphitheatre. Seattle, WA" cut in
    two sentences); any other sentence ends the list.
    """
    years = {e.year for e in expressions if e.kind in ("year", "absolute") and e.year}
    if text.rstrip().endswith(":") and len(years) == 1:
        return years.pop()
    if heading is not None and expressions and not text[: expressions[0].start].strip():
        return heading
    if heading is not None and same_line and not expressions:
        return heading
    return None


_ENDED_AT = re.compile(r"\s+(?:ended|ending)\s+(?:on\s+)?")


def quarter_of_end_day(
    quarter: TemporalExpression, following: list[TemporalExpression], sentence: str,
    anchor: date,
) -> str | None:
    """A named quarter's value, in the year of the day it "ended" when the words give one.

    "the second quarter ended Oct. 31", written on Oct. 27, 1989, is a fiscal quarter that
    ended in 1988: 1988-Q2 (TimeBank keeps the quarter's number, takes the day's year).
    """
    value = quarter.value
    if not following or not quarter.code or quarter.year is not None or quarter.unit:
        return value
    day = following[0]
    if day.kind != "partial" or not _ENDED_AT.fullmatch(sentence[quarter.end : day.start]):
        return value
    ended = resolve(day, anchor, sentence[: day.start], sentence[day.end :])
    if not ended or not ended[:4].isdigit():
        return value
    return f"{ended[:4]}-{quarter.code}"


# A day after a determiner or a possessive names an event ("Trump's July 25 phone call", "the
# Nov. 3 vote"); a day after a speech verb is when something was said ("Mayer said Tuesday").
# Neither is the day the text goes on telling of: "that day" looks further back.
_SPOKEN = re.compile(
    r"\b(?:said|says|told|tells|announced|added|wrote|stated|tweeted)\s+(?:on\s+)?$", re.I)


def names_no_narrated_day(sentence: str, expression: TemporalExpression) -> bool:
    """True when a day in ``sentence`` names an event or a time of speaking (see above)."""
    before = sentence[: expression.start]
    return names_an_event(before) or bool(_SPOKEN.search(before))


def in_quote(before: str) -> bool:
    """True when a quotation opened in ``before`` is not closed yet.

    A day said there ("… to take over tomorrow." Later in the day, he …) is not the day the
    report goes on with.
    """
    toggles = before.count('"') + before.count("''")
    return toggles % 2 == 1 or before.count("“") + before.count("``") > before.count("”")
