"""Cross-document dating: what other articles say fixes the date one article leaves open.

Three mechanisms, each general:

* pooling — articles of one story or event share its date facts (a dateline in one
  copy, a copyright year in another);
* mentions — an undated report of a summit takes the date that dated articles give
  when they mention that summit ("…held a summit in Tokyo in March");
* references — an article that speaks of "a visit last year" is a year after the
  dated event that visit matches.

A date stays unknown (or coarse) when no evidence fixes it: nothing is guessed.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
from scipy.sparse import csr_matrix

from storyline.events.evidence import DateEvidence, PartialDate, pooled_year
from storyline.events.features import TextSpace, lead_text
from storyline.events.pairs import blocks
from storyline.language.temporal import is_future, resolve
from storyline.model import Article, DateBasis, Precision


@dataclass
class Mention:
    """Dated words: some article says that something happened on ``value``.

    ``text`` is the window of words around the date expression (the event it dates),
    ``places`` the places named in that window.
    """

    article: int
    text: str
    value: str
    places: list[set[str]]


MENTION_WINDOW_WORDS = 12
PLACE_LABELS = ("GPE", "LOC", "FAC")


@dataclass
class DatedEvent:
    """An event's date as far as the evidence goes."""

    date: PartialDate
    basis: DateBasis


def pool_years(
    groups: Sequence[Sequence[int]], evidences: list[DateEvidence], datelines_only: bool = False
) -> None:
    """Give members of a group the year the group agrees on when their own date lacks it.

    Args:
        groups: Article indices that share a story (copies) or an event.
        evidences: Each article's evidence, completed in place.
        datelines_only: Complete only dates that already have a month ("SEOUL, May 7"),
            for groups less certain than copies of one story.
    """
    for members in groups:
        year = pooled_year([evidences[i] for i in members])
        if year is None:
            continue
        for i in members:
            own = evidences[i].own
            if own.year is None and (own.month or not datelines_only):
                own.year = year


def collect_mentions(articles: Sequence[Article], anchors: Sequence[date | None]) -> list[Mention]:
    """Date expressions that resolve to at least a month given each article's anchor."""
    mentions: list[Mention] = []
    for index, (article, anchor) in enumerate(zip(articles, anchors, strict=True)):
        if anchor is None:
            continue
        for expression in article.temporal:
            if expression.kind not in ("partial", "absolute", "weekday"):
                continue
            sentence = article.sentences[expression.sentence or 0]
            value = resolve(expression, anchor, article.text[sentence.start : expression.start])
            if not value or len(value) < 7 or not value[:4].isdigit():  # XXXX-09-11: no year
                continue
            start, end = _window(article, sentence.start, sentence.end, expression.start,
                                 expression.end)
            places = [{e.text.lower(), (e.canonical or e.text).lower()} for e in article.entities
                      if e.label in PLACE_LABELS and start <= e.start and e.end <= end]
            mentions.append(Mention(index, article.text[start:end], value, places))
    return mentions


def _window(article: Article, low: int, high: int, start: int, end: int) -> tuple[int, int]:
    """The span of a few words either side of ``start:end``, inside ``low:high``."""
    before = list(re.finditer(r"\S+", article.text[low:start]))
    after = list(re.finditer(r"\S+", article.text[end:high]))
    first = low + before[-MENTION_WINDOW_WORDS].start() if len(before) >= MENTION_WINDOW_WORDS \
        else low
    last = end + after[MENTION_WINDOW_WORDS - 1].end() if len(after) >= MENTION_WINDOW_WORDS \
        else high
    return first, last


def date_by_mentions(
    targets: Sequence[int],
    articles: Sequence[Article],
    mentions: Sequence[Mention],
    space: TextSpace,
    threshold: float,
    excluded: dict[int, set[int]],
) -> dict[int, PartialDate]:
    """Date undated articles by the best-matching dated mention in other articles.

    Args:
        targets: Indices of articles to date.
        articles: All articles.
        mentions: Dated sentences (from :func:`collect_mentions`).
        space: Shared TF-IDF space.
        threshold: Cosine a mention needs to count as speaking of the article's event.
        excluded: Article index → article indices whose mentions may not date it
            (itself and its copies, which would only repeat its own words).

    Returns:
        Article index → the date the mention gives (month or day precision).
    """
    if not targets or not mentions:
        return {}
    lead_texts = [lead_text(articles[i]) for i in targets]
    leads = space.transform(lead_texts)
    sentences = space.transform([m.text for m in mentions]).T.tocsr()
    found: dict[int, PartialDate] = {}
    # A block of targets at a time, and only the scores that clear the threshold: the
    # targets × mentions matrix is never held whole.
    for start, stop in blocks(len(targets), len(mentions)):
        scores = (leads[start:stop] @ sentences).tocsr()
        for row in range(stop - start):
            span = slice(scores.indptr[row], scores.indptr[row + 1])
            values, columns = scores.data[span], scores.indices[span]
            keep = values >= threshold
            if not keep.any():
                continue
            # Best first; equal scores in mention order (the earliest article's first).
            order = np.lexsort((columns[keep], -values[keep]))
            ranked = zip(values[keep][order].tolist(), columns[keep][order].tolist(), strict=True)
            target = targets[start + row]
            hint = _first_fitting(ranked, mentions, excluded.get(target, {target}),
                                  main_places(articles[target], lead_texts[start + row]),
                                  threshold)
            if hint is not None:
                found[target] = hint
    return found


def _first_fitting(
    ranked: Iterable[tuple[float, int]],
    mentions: Sequence[Mention],
    excluded: set[int],
    where: set[str],
    threshold: float,
) -> PartialDate | None:
    """The date of the best-scoring mention that may speak of the target's event."""
    for score, column in ranked:
        mention = mentions[column]
        if mention.article in excluded:
            continue
        named = set().union(*mention.places) if mention.places else set()
        # A mention naming a place speaks of an event there: it must be the lead's place.
        # One naming none must say much more to count.
        if (named and where and not where & named) or (not named and score < 2 * threshold):
            continue
        parts = [int(p) for p in mention.value.split("-")]
        return PartialDate(parts[0], parts[1], parts[2] if len(parts) > 2 else None)
    return None


def main_places(article: Article, lead: str) -> set[str]:
    """The place(s) named most often in an article's lead: where its event happens."""
    lowered = lead.lower()
    counts: Counter[str] = Counter()
    for entity in article.entities:
        if entity.label in PLACE_LABELS:
            name = entity.text.lower()
            counts[name] = lowered.count(name)
    if not counts or max(counts.values()) == 0:
        return set()
    top = max(counts.values())
    return {name for name, count in counts.items() if count == top}


def event_date(members: Sequence[int], evidences: Sequence[DateEvidence]) -> DatedEvent:
    """The date an event's articles give: their earliest full date, else what they agree on.

    Articles' own dates (metadata, datelines) count before hints from other articles.
    """
    own = [evidences[i] for i in members]
    full: list[tuple[date, DateBasis]] = sorted(
        (day, e.basis) for e in own if (day := e.own.full()) is not None
    )
    if full:
        return DatedEvent(_partial(full[0][0]), full[0][1])
    hinted = sorted(day for e in own if e.event_hint and (day := e.event_hint.full()))
    if hinted:
        return DatedEvent(_partial(hinted[0]), "event")
    partials: list[tuple[PartialDate, DateBasis]] = [(e.own, e.basis) for e in own]
    partials += [(e.event_hint, "event") for e in own if e.event_hint is not None]
    years = Counter(p.year for p, _ in partials if p.year)
    year = years.most_common(1)[0][0] if years else None
    months = Counter(
        (p.month, basis) for p, basis in partials if p.month and p.year in (None, year)
    )
    if not months:
        year_basis: DateBasis = next(
            (b for p, b in partials if p.year == year and b != "none"), "none"
        )
        return DatedEvent(PartialDate(year, None, None), year_basis if year else "none")
    # A month without a year is kept: references to other events may supply the year.
    (month, basis), _ = months.most_common(1)[0]
    return DatedEvent(PartialDate(year, month, None), basis)


def _partial(day: date) -> PartialDate:
    return PartialDate(day.year, day.month, day.day)


def year_by_references(
    members: Sequence[int],
    articles: Sequence[Article],
    dated_events: Sequence[tuple[str, int]],
    space: TextSpace,
    threshold: float,
    dated_vectors: csr_matrix | None = None,
) -> int | None:
    """The year an event must have, from "last year"/"this year" references to dated events.

    Args:
        members: Article indices of the undated event.
        articles: All articles.
        dated_events: (representative text, year) of events whose year is known.
        space: Shared TF-IDF space.
        threshold: Cosine a reference sentence needs with the event it points to (positive).
        dated_vectors: ``space.transform`` of the dated events' texts, when the caller
            asks about many events (computed here otherwise).

    Returns:
        The year most (score-weighted) references point to, or ``None``.
    """
    if not dated_events:
        return None
    references: list[tuple[str, int]] = []
    for i in members:
        article = articles[i]
        for expression in article.temporal:
            if expression.kind != "relative" or expression.unit != "year":
                continue
            if expression.offset is None or expression.offset > 0:
                continue
            sentence = article.sentences[expression.sentence or 0]
            if is_future(article.text[sentence.start : expression.start]):
                continue
            references.append((sentence.text, expression.offset))
    if not references:
        return None
    if dated_vectors is None:
        dated_vectors = space.transform([text for text, _ in dated_events])
    sentence_vectors = space.transform([text for text, _ in references])
    scores = (sentence_vectors @ dated_vectors.T).tocsr()
    votes: dict[int, float] = defaultdict(float)
    for row, (_, offset) in enumerate(references):
        span = slice(scores.indptr[row], scores.indptr[row + 1])
        values, columns = scores.data[span], scores.indices[span]
        if not len(values):
            continue  # nothing in common with any dated event: every score is 0
        best = float(values.max())
        if best >= threshold:
            column = int(columns[values == best].min())  # the first best, as argmax takes
            votes[dated_events[column][1] - offset] += best
    return max(votes, key=lambda y: votes[y]) if votes else None


def publication_date(
    evidence: DateEvidence, event: DatedEvent
) -> tuple[str | None, Precision, DateBasis]:
    """An article's own publication date within its event: (ISO, precision, basis).

    Its own full date wins; an article that reports a later weekday than the event's
    ("on Monday said his summit a day earlier") is dated to that weekday after it.
    """
    own = evidence.own
    if own.full():
        return iso_of(own), "day", evidence.basis
    event_day = event.date.full()
    if event_day is not None:
        later = [(w - event_day.weekday()) % 7 for w in evidence.lead_weekdays]
        offset = max(later, default=0)
        day = event_day + timedelta(days=offset)
        return day.isoformat(), "day", ("relative" if offset else "event")
    if own.year and own.month:
        return f"{own.year:04d}-{own.month:02d}", "month", evidence.basis
    if event.date.year:
        return iso_of(event.date), precision_of(event.date), event.basis
    return None, "unknown", "none"


def anchors_of(evidences: Sequence[DateEvidence]) -> list[date | None]:
    """Each article's day-precise anchor for resolving its expressions, when it has one.

    Only the article's own evidence counts: a date derived by an earlier run is not evidence.
    """
    return [evidence.own.full() for evidence in evidences]


def iso_of(partial: PartialDate) -> str | None:
    """ISO text of a partial date, as precise as it is known."""
    if partial.year is None:
        return None
    if partial.month is None:
        return f"{partial.year:04d}"
    if partial.day is None:
        return f"{partial.year:04d}-{partial.month:02d}"
    return f"{partial.year:04d}-{partial.month:02d}-{partial.day:02d}"


def precision_of(partial: PartialDate) -> Precision:
    """How precisely a partial date is known: day, month, year or unknown."""
    if partial.year is None:
        return "unknown"
    if partial.month is None:
        return "year"
    return "month" if partial.day is None else "day"
