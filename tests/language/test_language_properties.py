"""Properties of the date finder and the quote finder on arbitrary text."""

from __future__ import annotations

import os
import re
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.clean.segment import Block, assemble
from storyline.language.quotes import find_quote_spans
from storyline.language.sentences import split_plain
from storyline.language.temporal import extract_temporal, find_expressions, resolve
from storyline.model import Article, Sentence

FAST = settings(max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "200")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])

# Words the patterns look for, mixed with anything at all.
DATE_WORDS = [
    "May", "March", "Sept.", "Monday", "last", "next", "this", "earlier this", "week", "years",
    "tomorrow", "yesterday", "today", "ago", "later", "two", "31", "29", "7th", "2023", "1999",
    "2024-02-29", "2023-02-31", "2024-00-01", "2019-19-23", "of", "in", ",", "percent", "will",
    "said", "February", "0",
    "99999999", "5000", "days", "weeks", "months",
    "now", "recently", "the", "quarter", "third", "summer", "weekend", "1990s", "nineties",
    "nineteen", "ninety-six", "20th century", "decade", "year-earlier", "period", "past",
]
QUOTE_MARKS = ["“", "”", '"', "‘", "’", "``", "''", "'", "\n\n", ",", "."]
# "N units ago/later" with any N: counts far beyond the calendar must not break resolving.
spans_of_time = st.builds(
    "{} {} {}".format, st.integers(min_value=0, max_value=10**12),
    st.sampled_from(["day", "days", "weeks", "month", "years"]),
    st.sampled_from(["ago", "later", "before", "after"]))
word = st.one_of(st.sampled_from(DATE_WORDS), st.text(max_size=6), spans_of_time)
texts = st.lists(word, max_size=25).map(" ".join)
quote_texts = st.lists(st.one_of(st.sampled_from(QUOTE_MARKS), st.sampled_from(DATE_WORDS),
                                 st.text(max_size=5)), max_size=40).map(" ".join)
anchors = st.one_of(st.none(), st.dates())
ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
TIMEX_OTHER = re.compile(
    r"\d{4}-(?:W(?:0[1-9]|[1-4]\d|5[0-3])(?:-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI)|\d{2,3}|"
    r"(?:PRESENT|PAST|FUTURE)_REF")


def well_formed(value: str) -> bool:
    """An ISO year, month or day that exists in the calendar, or another TIMEX3 DATE form."""
    if TIMEX_OTHER.fullmatch(value):
        return True
    if value.startswith("XXXX-"):  # a month (and day) whose year cannot be told
        value = "2000" + value[4:]
    if not ISO.fullmatch(value):
        return False
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 3:
        try:
            date(*parts)
        except ValueError:
            return False
    return len(parts) < 2 or 1 <= parts[1] <= 12


@FAST
@given(texts, anchors)
def test_date_expressions_are_spans_of_the_text_with_well_formed_values(
        text: str, anchor: date | None) -> None:
    found = find_expressions(text)
    assert [e.start for e in found] == sorted(e.start for e in found)
    for previous, expression in zip(found, found[1:], strict=False):
        assert previous.end <= expression.start  # no overlaps
    for expression in found:
        assert 0 <= expression.start < expression.end <= len(text)
        assert text[expression.start : expression.end] == expression.text
        if expression.month is not None:
            assert 1 <= expression.month <= 12
        if anchor is not None:
            value = resolve(expression, anchor, text[: expression.start])
            assert value is None or well_formed(value), (expression, value)


@FAST
@given(texts, anchors)
def test_extract_temporal_offsets_point_into_the_article(text: str, anchor: date | None) -> None:
    blocks = [Block(part) for part in text.split(" , ") if part.strip()]
    body, paragraphs, _ = assemble(blocks)
    sentences = [Sentence(p.start + s, p.start + e, body[p.start + s : p.start + e], i)
                 for i, p in enumerate(paragraphs)
                 for s, e in split_plain(body[p.start : p.end])]
    article = Article(id="t", text=body, paragraphs=paragraphs, sentences=sentences,
                      published=anchor.isoformat() if anchor else None,
                      published_precision="day" if anchor else "unknown")
    for expression in extract_temporal(article):
        assert body[expression.start : expression.end] == expression.text
        assert expression.sentence is not None
        sentence = sentences[expression.sentence]
        assert sentence.start <= expression.start < expression.end <= sentence.end
        if anchor is None:
            assert expression.value is None  # nothing to anchor it: never the clock
        else:
            assert expression.value is None or well_formed(expression.value)


@FAST
@given(quote_texts)
def test_quote_spans_lie_inside_body_paragraphs(text: str) -> None:
    blocks = [Block(" ".join(part.split())) for part in text.split("\n\n")]
    body, paragraphs, _ = assemble([b for b in blocks if b.text])
    article = Article(id="q", text=body, paragraphs=paragraphs)
    for span in find_quote_spans(article):
        assert span.pieces
        assert 0 <= span.outer_start <= span.start < span.end <= span.outer_end <= len(body)
        for start, end in span.pieces:
            assert start < end
            piece = body[start:end]
            assert piece == piece.strip()
            assert any(p.start <= start and end <= p.end for p in paragraphs)
        assert span.text(body) == " ".join(body[s:e] for s, e in span.pieces)
        assert all(body[s:e] in body for s, e in span.pieces)
