"""Date expressions in English text with TIMEX3 values: the public entry point.

>>> from datetime import date
>>> [(t.text, t.value) for t in find("Profit rose in the third quarter.", date(1989, 11, 2))]
[('the third quarter', '1989-Q3')]

A thin layer over :mod:`storyline.language.temporal`, the code the pipeline's language
step runs (``extract_temporal``): the text is cut into sentences without a model and
each expression is resolved against ``reference``, the date the text was written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from storyline.language.sentences import split_plain
from storyline.language.temporal import extract_temporal
from storyline.model import Article, Sentence

_DAY = re.compile(r"^(?:\d{4}|XXXX)-\d\d-\d\d$")
_MONTH = re.compile(r"^(?:\d{4}|XXXX)-\d\d$")


@dataclass(frozen=True)
class TimeExpression:
    """One date expression: where it is, what it says and its TIMEX3 value.

    ``value`` is ``None`` when the words name no resolvable date; ``granularity`` is
    one of day, week, weekend, month, quarter, half, season, year, decade, century or
    reference (``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``).
    """

    start: int
    end: int
    text: str
    value: str | None
    granularity: str | None


def find(text: str, reference: date | None = None) -> list[TimeExpression]:
    """Find the date expressions of ``text`` and resolve them against ``reference``.

    Args:
        text: English prose (a news article, a paragraph, a sentence).
        reference: The date the text was written; without it nothing is resolved
            except references such as "now" (``PRESENT_REF``) and explicit years.

    Returns:
        The expressions in text order, with offsets into ``text``.
    """
    article = Article(
        id="text",
        text=text,
        sentences=_sentences(text),
        published=reference.isoformat() if reference else None,
        published_precision="day" if reference else "unknown",
    )
    found = []
    for expression in extract_temporal(article):
        value = expression.value
        if value is None and reference is None and expression.kind in ("ref", "year"):
            value = expression.code or (f"{expression.year:04d}" if expression.year else None)
        found.append(TimeExpression(expression.start, expression.end, expression.text, value,
                                    granularity(value)))
    return found


def _sentences(text: str) -> list[Sentence]:
    """Sentences cut without a model; a line break always ends one (headlines, datelines)."""
    found = []
    for line in re.finditer(r"[^\n]+", text):
        offset = line.start()
        for start, end in split_plain(line.group()):
            if line.group()[start:end].strip():
                begin, stop = offset + start, offset + end
                found.append(Sentence(begin, stop, text[begin:stop]))
    return found


def granularity(value: str | None) -> str | None:
    """The unit a TIMEX3 value is precise to ("1998-Q3" -> "quarter")."""
    if value is None:
        return None
    if value.endswith("_REF"):
        return "reference"
    if _DAY.match(value):
        return "day"
    if _MONTH.match(value):
        return "month"
    if value.endswith("-WE"):
        return "weekend"
    for marker, unit in (("-W", "week"), ("-Q", "quarter"), ("-H", "half")):
        if marker in value:
            return unit
    if value[-2:] in ("SP", "SU", "FA", "WI"):
        return "season"
    return {4: "year", 3: "decade", 2: "century"}.get(len(value))
