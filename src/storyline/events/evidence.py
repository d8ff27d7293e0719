"""What one article says about its own date, before other articles are consulted.

The evidence is partial on purpose: a dateline gives month and day but no year,
a copyright line gives a year, "on Thursday" gives a weekday. Cross-document
dating (:mod:`storyline.events.dating`) pools these partial facts per event.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from storyline.language.temporal import find_expressions, is_future
from storyline.model import Article, DateBasis

_COPYRIGHT_YEAR = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?((?:19|20)\d\d)", re.I)
LEAD_PARAGRAPHS = 2


@dataclass
class PartialDate:
    """A date known only in part: any field may be missing."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def full(self) -> date | None:
        """The date, when all three fields are known."""
        if self.year and self.month and self.day:
            return date(self.year, self.month, self.day)
        return None

    def conflicts(self, other: PartialDate, max_day_gap: int) -> bool:
        """True when the two cannot be the same event's date."""
        mine, theirs = self.full(), other.full()
        if mine and theirs:
            return abs((mine - theirs).days) > max_day_gap
        if self.year and other.year and self.year != other.year:
            return True
        return bool(self.month and other.month and self.month != other.month)


@dataclass
class DateEvidence:
    """The date facts an article states about itself."""

    own: PartialDate = field(default_factory=PartialDate)
    basis: DateBasis = "none"  # what ``own`` came from: metadata, dateline or text
    year_hints: list[int] = field(default_factory=list)  # copyright lines
    latest_year_mentioned: int | None = None
    lead_weekdays: list[int] = field(default_factory=list)  # past-tense weekdays in the lead
    event_hint: PartialDate | None = None  # what other articles' mentions say (cross-document)

    def about(self) -> PartialDate:
        """The date this article's event has, as far as known: its own, else the hint."""
        if self.own.month is None and self.event_hint is not None:
            return self.event_hint
        return self.own


def article_evidence(article: Article) -> DateEvidence:
    """Collect the date evidence of one article (publication metadata, dateline, text)."""
    evidence = DateEvidence()
    if article.published and article.published_basis == "metadata":
        evidence.own = partial_from_iso(article.published)
        evidence.basis = "metadata"
    elif article.dateline:
        dateline = _dateline_date(article.dateline)
        if dateline:
            evidence.own, evidence.basis = dateline, "dateline"
    evidence.year_hints = [
        int(m.group(1)) for line in article.removed for m in _COPYRIGHT_YEAR.finditer(line.text)
    ]
    lead_end = _lead_end(article)
    years: list[int] = []
    this_month_sentences: list[str] = []
    for expression in article.temporal:
        sentence = article.sentences[expression.sentence or 0]
        before = article.text[sentence.start : expression.start]
        if expression.kind in ("year", "absolute") and expression.year and not is_future(before):
            years.append(expression.year)
        if (
            expression.kind == "weekday"
            and expression.start < lead_end
            and not is_future(before)
            and expression.offset is None
            and expression.weekday is not None
        ):
            evidence.lead_weekdays.append(expression.weekday)
        if expression.kind == "relative" and expression.unit == "month" and expression.offset == 0:
            this_month_sentences.append(sentence.text)
    evidence.latest_year_mentioned = max(years) if years else None
    if evidence.own.month is None:
        evidence.own.month = _current_month(this_month_sentences)
        if evidence.own.month and evidence.basis == "none":
            evidence.basis = "text"
    return evidence


def partial_from_iso(value: str) -> PartialDate:
    """The partial date an ISO text gives ("2023", "2023-05", "2023-05-07")."""
    parts = [int(p) for p in value[:10].split("-") if p.isdigit()]
    return PartialDate(
        parts[0] if parts else None,
        parts[1] if len(parts) > 1 else None,
        parts[2] if len(parts) > 2 else None,
    )


def _dateline_date(dateline: str) -> PartialDate | None:
    for expression in find_expressions(dateline):
        if expression.month and (expression.day or expression.year):
            return PartialDate(expression.year, expression.month, expression.day)
    return None


def _lead_end(article: Article) -> int:
    body = [p for p in article.paragraphs if p.kind == "body"]
    if not body:
        return len(article.text)
    return body[min(LEAD_PARAGRAPHS, len(body)) - 1].end


def _current_month(sentences: list[str]) -> int | None:
    """The month a text is written in, when it says "this month" beside one month name.

    "He will step down this month; the vote is on September 27" fixes the month.
    """
    months: Counter[int] = Counter()
    for text in sentences:
        named = {e.month for e in find_expressions(text) if e.month and not e.year}
        if len(named) == 1:
            months[named.pop()] += 1
    return months.most_common(1)[0][0] if len(months) == 1 else None


def pooled_year(evidences: list[DateEvidence]) -> int | None:
    """The year several articles of one story agree on, from their own dates or copyright lines."""
    own = Counter(e.own.year for e in evidences if e.own.year)
    if own:
        return own.most_common(1)[0][0]
    hints = Counter(y for e in evidences for y in e.year_hints)
    if not hints:
        return None
    year = hints.most_common(1)[0][0]
    latest = max((e.latest_year_mentioned or 0) for e in evidences)
    # A copyright year older than a year the text itself mentions is a stale template.
    return year if year >= latest else None
