"""An article's date expressions resolved in text order, each after what came before it.

"that day", "the same period a year earlier", "later in the day", "the week": their values
come from what the text told of earlier (the last day, quarter, month or week named); a
list's lines take the year its heading names; "a day later" counts from the sentence's own
date. :func:`resolve_in_order` walks the sentences keeping that memory and calls
:func:`~storyline.language.temporal_resolve.resolve` on each expression.
"""

from __future__ import annotations

import re
from datetime import date

from storyline.language.temporal_context import (
    in_quote,
    list_year,
    names_no_narrated_day,
    quarter_of_end_day,
)
from storyline.language.temporal_resolve import resolve
from storyline.language.temporal_tense import is_future, is_past
from storyline.model import Article, TemporalExpression

_UNITS = ("day", "week", "month", "year")
_NARRATIVE = ("earlier", "later", "before", "after", "next day", "following day", "previous day",
              "preceding day", "in the day")
# Words that point back to a day told of before, in this sentence or an earlier one.
_ANAPHORIC = re.compile(r"(?:that|the same|the) day$|the eve$|"
                        r"(?:the )?(?:previous|preceding|following) \w+$|the next (?:day|morning)$|"
                        r"(?:earlier|later) in the day$")


def anchor_date(published: str | None, precision: str) -> date | None:
    """The publication date as a ``date`` when it is known to the day, else ``None``."""
    if not published or precision != "day":
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def resolve_in_order(
    article: Article, per_sentence: list[list[TemporalExpression]]
) -> list[TemporalExpression]:
    """Resolve each sentence's expressions (offsets within it) in text order.

    Returns:
        The expressions with article offsets and their sentence index; ``value`` is set when
        the article's date is known to the day.
    """
    anchor = anchor_date(article.published, article.published_precision)
    found: list[TemporalExpression] = []
    named_year: int | None = None  # the last year the text named: "that year" is that one
    named_day: date | None = None  # the last day the text named: "that day" is that one
    lead_day: date | None = None  # the first: a market report's "on the day" is its session
    # The last day told of outside a quotation, and its sentence: "later in the day" is that one
    told_day: tuple[date, int] | None = None
    named_quarter: tuple[int, str] | None = None  # the last quarter: "that quarter" is that one
    named_month: str | None = None  # the last month told of: "that month" is that one
    named_week: str | None = None  # the last week told of: "the week" in the past is that one
    heading_year: int | None = None  # the year a list's heading names ("Tour 2020 dates:")
    # A day of an earlier year the text told of, and its sentence: the yearless dates of the
    # story told after it are of its year ("On February 14 2003 … on February 28").
    narrative: tuple[date, int] | None = None
    for index, (sentence, expressions) in enumerate(
            zip(article.sentences, per_sentence, strict=True)):
        same_line = index > 0 and "\n" not in article.text[
            article.sentences[index - 1].end : sentence.start]
        heading_year = list_year(sentence.text, expressions, heading_year, same_line)
        reference = anchor
        # The coarsest unit the sentence's own date allows counting in: "in May 1997 … a month
        # later" counts months from May; "a day later" cannot count from it.
        reference_unit = "day"
        for position, expression in enumerate(expressions):
            if anchor is not None:
                # "On Monday he said his summit a day earlier…": "earlier" counts from Monday.
                words = expression.text.lower()
                base = reference if words.endswith(_NARRATIVE) and expression.kind != "quarter" \
                    and _UNITS.index(expression.unit or "day") >= _UNITS.index(reference_unit) \
                    else anchor
                if _ANAPHORIC.match(words) and expression.kind != "quarter":
                    # "the same day", "the following week": from the day told of before;
                    # "later in the day" only from a day the two sentences before told of
                    # (further back, it is the day of writing, as in a running report).
                    told = named_day
                    if words.endswith("in the day"):
                        told = told_day[0] if told_day and told_day[1] >= index - 2 else None
                    if expression.unit == "month" and named_month is not None:
                        # "June 2009 … scheduled for the following month": from the month
                        # told, which may be no day's.
                        told = date(int(named_month[:4]), int(named_month[5:7]), 1)
                    elif expression.unit == "year" and named_year is not None:
                        told = date(named_year, 1, 1)
                    if words.startswith("the next") and (not is_past(sentence.text) or re.match(
                            r"\s+or\s+(?:two|so)\b", sentence.text[expression.end :])):
                        told = None  # "in the next day or two": from the day of writing
                    base = reference if reference != anchor else told or anchor
                if expression.code == "session":
                    base = lead_day or anchor
                expression.value = resolve(
                    expression, base or anchor, sentence.text[: expression.start],
                    sentence.text[expression.end :],
                )
                bracketed = _BRACKETED_YEAR.match(sentence.text, expression.end)
                if bracketed and expression.kind == "partial" and expression.value and (
                        expression.unit != "year"):
                    # "on April 8 (2003)": the editor's bracket gives the year.
                    expression.value = bracketed.group(1) + expression.value[4:]
                narrative = narrated_year(expression, narrative, anchor, sentence.text, index)
                if expression.value and re.fullmatch(r"\d{4}-\d\d-\d\d", expression.value):
                    reference = date.fromisoformat(expression.value)
                    reference_unit = "day"
                    lead_day = lead_day or reference
                    if not names_no_narrated_day(sentence.text, expression):
                        named_day = reference
                        if not in_quote(sentence.text[: expression.start]):
                            told_day = reference, index
                elif expression.value and expression.kind == "absolute":
                    reference = date(int(expression.value[:4]), int(expression.value[5:7]), 1)
                    reference_unit = "month"
                elif expression.value and expression.kind == "year" and (
                        expression.value.isdigit() and len(expression.value) == 4):
                    reference, reference_unit = date(int(expression.value), 1, 1), "year"
                if heading_year is not None and expression.kind == "partial" and (
                        expression.unit != "year" and expression.value):
                    # A list under a heading naming its year: each line's date is of that year.
                    expression.value = f"{heading_year:04d}{expression.value[4:]}"
                if expression.kind == "quarter" and expression.value:
                    expression.value = quarter_of_end_day(
                        expression, expressions[position + 1 :], sentence.text, anchor)
                if expression.kind == "week" and expression.value:
                    if expression.text.lower() == "the week" and named_week and is_past(
                            sentence.text):
                        # "They launched it last week … signed up users throughout the week."
                        expression.value = named_week
                    named_week = expression.value
                if expression.kind == "month_anaphor" and named_month is not None:
                    expression.value = named_month
                elif expression.value and re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?",
                                                       expression.value):
                    named_month = expression.value[:7]
                if expression.kind == "year_anaphor" and named_year is not None:
                    expression.value = f"{named_year + (expression.offset or 0):04d}"
                if expression.kind == "quarter_anaphor" and named_quarter is not None:
                    # "the same period a year earlier": the quarter named last, a year back
                    year, code = named_quarter
                    expression.value = f"{year - (1 if expression.offset else 0):04d}-{code}"
                elif expression.kind == "quarter" and expression.value and re.fullmatch(
                        r"\d{4}-Q\d", expression.value):
                    named_quarter = int(expression.value[:4]), expression.value[5:]
            if expression.kind in ("absolute", "year") and expression.year is not None:
                named_year = expression.year
            expression.start += sentence.start
            expression.end += sentence.start
            expression.sentence = index
            found.append(expression)
    return found


# A year in brackets right after a yearless date: "April 8 (2003)", PTB "-LRB- 2003 -RRB-".
_BRACKETED_YEAR = re.compile(r"\s*(?:\(|-LRB-)\s*((?:1[6-9]|20)\d\d)\s*(?:\)|-RRB-)")


# How far after the last day told of a yearless date still continues its story, in days
# and in sentences.
_STORY_DAYS = 120
_STORY_SENTENCES = 6
_SINCE = re.compile(r"\b(?:since|until|till)\s+(?:early\s+|late\s+|mid-?)?$", re.I)


def narrated_year(expression: TemporalExpression, narrative: tuple[date, int] | None,
                  anchor: date, sentence: str, index: int) -> tuple[date, int] | None:
    """Give a yearless date in a past story of an earlier year that year; the story's new state.

    A text that tells a full date of an earlier year ("On February 14 2003 , Blix reported")
    and goes on in the past with yearless dates ("He followed up on February 28") tells of
    that year, not the publication's: the nearest-year rule would put February 28 two years
    on. Only dates falling within :data:`_STORY_DAYS` after the last day told, within
    :data:`_STORY_SENTENCES` sentences, continue it; a date of the publication's year, or a
    weekday or relative day (told from the day of writing), ends it.
    """
    if expression.kind == "absolute" and expression.year is not None and expression.value \
            and re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", expression.value):
        if expression.year >= anchor.year:
            return None
        if _SINCE.search(sentence[: expression.start]):
            return narrative  # "duties since July 2013": a period running to now, not a story
        told = date.fromisoformat(expression.value if len(expression.value) == 10
                                  else expression.value + "-01")
        return told, index
    if expression.kind in ("weekday", "relative"):
        # "The next day" goes on with the story; "on Monday", "yesterday" are of the writing.
        return narrative if _ANAPHORIC.match(expression.text.lower()) else None
    if narrative is None or expression.kind != "partial" or expression.month is None or \
            expression.offset is not None or not expression.value or \
            narrative[1] < index - _STORY_SENTENCES or not is_past(sentence) or \
            is_future(sentence[: expression.start], sentence[expression.end :]):
        # "last November", "June 28 last year" count from the writing; "a trial scheduled to
        # begin in September" looks ahead from it.
        return narrative
    told = narrative[0]
    try:
        day = date(told.year, expression.month, expression.day or 1)
    except ValueError:  # February 29 in a year without one
        return narrative
    if not 0 <= (day - told).days <= _STORY_DAYS:
        return narrative
    expression.value = f"{told.year:04d}{expression.value[4:]}"
    return day, index

