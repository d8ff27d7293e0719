"""Date-wise timeline summaries (the DATEWISE approach of news-tls, unsupervised).

Dates are ranked by how many distinct stories mention them (resolved temporal
expressions) plus how many distinct stories were published or are dated on them;
the top ``max_dates`` are kept in chronological order, and each gets its
``sentences_per_date`` most central sentences among those that mention it or
open an article published that day: central to that date's sentences and to the
whole story's, early sentences of articles published that day or a few days later
favoured, sentences naming the date favoured, long ones and past-perfect background
("had sunk") demoted. A sentence is told without the dateline or page timestamp
before it. Expressions of an article dated later from its event are resolved
against that date (``resolved_expressions``), so an undated scrape's "on Monday"
counts too.

Weights were tuned on bench/timelines.py's tune split; a learned date classifier
(logistic regression on mention, publication and spread counts, fitted on the
tune split) ranked the check split's dates worse than the plain sum (ROC AUC
0.56 vs 0.57 and 0.36 vs 0.64), so the sum stays.

Month-precision dates: a resolved ``YYYY-MM`` expression or event date is a
candidate of its own and is emitted as ``"YYYY-MM"`` (no day is invented), but
only for months where no day-precision date is a candidate; the more specific
days win. Year-only dates are ignored.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from storyline.errors import InputError, NotFoundError
from storyline.language.temporal import resolved_expressions
from storyline.model import Article
from storyline.narrate.centrality import SentenceSpace, collapse_repeats
from storyline.narrate.corpus import citation_preference
from storyline.narrate.headlines import find_stamp, strip_lead
from storyline.store.articles import arrival_order, arrivals, load_articles
from storyline.store.browse import storyline_article_ids
from storyline.store.db import Store
from storyline.store.events import (
    article_events,
    current_id,
    storyline_exists,
)
from storyline.store.provenance import load_provenance, matching_article_ids, provenance_of

PUBLICATION_SENTENCES = 5  # opening sentences of an article that speak for its publication day
MIN_TIMELINE_WORDS = 5
# Score bonus (over a TF-IDF cosine) of an article's first sentence on its publication
# day, less LEAD_DECAY per later sentence: leads report the day's news (the busiest-days
# baseline's strength). Tuned on bench/timelines.py --split tune.
LEAD_BONUS = 0.3
LEAD_DECAY = 0.1
REPORT_DAYS = 3  # an article's early sentences on a date it names, this many days back
# Weight of a sentence's cosine to the centroid of every candidate sentence (the whole
# story): demotes off-topic pages that happen to share a day (schedules, notices).
TOPIC_WEIGHT = 1.0
# Bonus of a sentence that names the date itself ("on Tuesday", "January 30"): it reports
# what happened then, where an opening sentence only shares the day. Tuned on --split tune.
NAMED_BONUS = 0.05
# ROUGE-F of a date's summary falls with every word beyond what the reference says
# (reference sentences run ~21 words): a sentence longer than LONG_WORDS loses
# LENGTH_PENALTY per LONG_WORDS words over. Tuned on --split tune.
LONG_WORDS = 30
LENGTH_PENALTY = 0.05
# A sentence in the past perfect ("Relations had sunk to their lowest level") that names
# no date tells what came before the news, not the day's news: demoted so it is not put
# on the publication day. Neutral on both t17-dev splits at 0.1; 0.3 cost MJ 0.009 AR1.
BACKGROUND_PENALTY = 0.1
# "had" + a past participle, not "had a", "had to", "had his" (possession, obligation).
_PAST_PERFECT = re.compile(
    r"\b(?:had|'d)\s+(?:(?:not|never|already|long|just|since|also|been)\s+)*"
    r"(?!(?:a|an|the|to|no|his|her|its|their|our|my|your|this|that|some|any|more|little|"
    r"much|many|few|enough|one|two|three)\b)[a-z]+(?:ed|en|wn|ne|un|ung|unk|ank|ought|aught|t)\b",
    re.IGNORECASE)
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_BOUND = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass
class _DateCandidates:
    """What points at one date: stories mentioning it and stories dated on it."""

    # Stories are duplicate groups (or article ids). Mentions count stories, not
    # sentences: one long piece recalling a day in ten sentences is one vote, not ten.
    mentions: set[str] = field(default_factory=set)
    stories: set[str] = field(default_factory=set)  # published or event-dated on it
    sentences: set[tuple[str, int]] = field(default_factory=set)  # (article id, index)
    named: set[tuple[str, int]] = field(default_factory=set)  # those naming the date

    @property
    def score(self) -> int:
        return len(self.mentions) + len(self.stories)


def build_timeline(
    store: Store,
    storyline: str | None = None,
    query: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    max_dates: int = 30,
    sentences_per_date: int = 2,
) -> list[dict[str, Any]]:
    """Summarise the stored articles as a dated list of cited sentences.

    Args:
        store: Open store.
        storyline: Only articles of this storyline's events.
        query: Only articles with a sentence matching these words (full-text search;
            every word must occur, punctuation is ignored).
        date_from: First date kept (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, inclusive).
        date_to: Last date kept (same forms, inclusive).
        max_dates: Number of dates L to keep.
        sentences_per_date: Sentences K per date.

    Returns:
        ``[{"date": "YYYY-MM-DD" (or "YYYY-MM"), "sentences": [{"text", "article_id"}]}]``
        sorted by date.

    Raises:
        NotFoundError: ``storyline`` does not exist.
        InputError: A date bound is malformed or the query has no words.
    """
    for bound in (date_from, date_to):
        if bound is not None and not _BOUND.match(bound):
            raise InputError(f"date {bound!r} is not YYYY, YYYY-MM or YYYY-MM-DD; fix --from/--to")
    ids = _selected_ids(store, storyline, query)
    articles = list(load_articles(store, ids)) if ids is not None else list(load_articles(store))
    # A storyline's or a query's timeline reads its own articles' rows, not the corpus's.
    provenance = load_provenance(store) if ids is None else provenance_of(store, ids)
    order = arrival_order(store) if ids is None else arrivals(store, ids)
    candidates = _collect(store, articles, provenance, ids)
    dates = [d for d in candidates if _in_range(d, date_from, date_to)]
    day_months = {d[:7] for d in dates if _DAY.match(d)}
    dates = [d for d in dates if _DAY.match(d) or d not in day_months]
    dates.sort(key=lambda d: (-candidates[d].score, -len(candidates[d].sentences), d))
    # Dates whose sentences were all told already make room for the next ones in rank.
    considered = dates[:max(max_dates, 0) * 2]

    by_id = {article.id: article for article in articles}
    rows = sorted({key for d in considered for key in candidates[d].sentences})
    space = SentenceSpace([_told(by_id[a].sentences[i].text) for a, i in rows])
    row_of = {key: number for number, key in enumerate(rows)}
    keys = [(citation_preference(a, provenance, order), i) for a, i in rows]
    topical = space.centrality(list(range(len(rows))))
    timeline: list[dict[str, Any]] = []
    used: list[int] = []  # a sentence (or its reprinted copy) is told once, at its best date
    for date in considered:
        if len(timeline) >= max_dates:
            break
        indices = sorted(row_of[key] for key in candidates[date].sentences)
        unique, weights = collapse_repeats(indices, space.texts, keys)
        bonus = [_lead_bonus(by_id[rows[row][0]], rows[row][1], date)
                 + TOPIC_WEIGHT * float(topical[row])
                 + NAMED_BONUS * (rows[row] in candidates[date].named)
                 - LENGTH_PENALTY * max(0.0, len(space.texts[row].split()) / LONG_WORDS - 1.0)
                 - BACKGROUND_PENALTY * _background(space.texts[row], rows[row], candidates[date])
                 for row in unique]
        chosen = space.select(unique, sentences_per_date, keys, bonus=bonus, avoid=used,
                              weights=weights)
        used.extend(chosen)
        sentences = [{"text": " ".join(space.texts[row].split()), "article_id": rows[row][0]}
                     for row in chosen]
        if sentences or sentences_per_date <= 0:
            timeline.append({"date": date, "sentences": sentences})
    timeline.sort(key=lambda entry: entry["date"])
    return timeline


def timeline_size(settings: Any, dates: int | None, sentences: int | None) -> tuple[int, int]:
    """(L, K) asked for, else the ``narrate`` settings' ``max_dates`` / ``sentences_per_date``."""
    return (dates or int(settings["max_dates"]),
            sentences or int(settings["sentences_per_date"]))


def fts_query(text: str) -> str:
    """Turn free user text into a safe FTS5 query: each word a quoted term, all required."""
    words = re.findall(r"\w+", text)
    if not words:
        raise InputError(f"query {text!r} has no words to search for; give at least one word")
    return " ".join(f'"{word}"' for word in words)


def _selected_ids(store: Store, storyline: str | None, query: str | None) -> list[str] | None:
    ids: set[str] | None = None
    if storyline is not None:
        storyline = current_id(store, storyline)  # an id merged into another still works
        if not storyline_exists(store, storyline):
            raise NotFoundError(
                f"no storyline {storyline!r}; list them with `storyline export --what storylines`")
        ids = set(storyline_article_ids(store, storyline))
    if query is not None:
        matched = matching_article_ids(store, fts_query(query))
        ids = matched if ids is None else ids & matched
    return None if ids is None else sorted(ids)


def _lead_bonus(article: Article, index: int, date: str) -> float:
    """Bonus of sentence ``index`` of ``article`` as a sentence of ``date``.

    Early sentences of an article published on the date, or up to REPORT_DAYS after
    it (the next days' reports of "Friday's" events), tell that date's news.
    """
    published = article.published
    if published is None:
        return 0.0
    if published[:len(date)] != date:
        if not (_DAY.match(date) and _DAY.match(published[:10])):
            return 0.0
        lag = (datetime.date.fromisoformat(published[:10])
               - datetime.date.fromisoformat(date)).days
        if not 0 < lag <= REPORT_DAYS:
            return 0.0
    return max(0.0, LEAD_BONUS * (1.0 - LEAD_DECAY * index))


def _told(text: str) -> str:
    """A sentence as the timeline tells it: no dateline, page timestamp or headline before it.

    Pages run headline, standfirst, timestamp and lede into one line ("… Tuesday 4 January
    2005 09.11 GMT The governor of …"); the lede after the stamp is the news.
    """
    text = strip_lead(text)
    inner = find_stamp(text)
    if inner is not None:
        after = text[inner:].strip()
        if len(after.split()) >= MIN_TIMELINE_WORDS:
            return after
    return text


def _background(text: str, key: tuple[str, int], found: _DateCandidates) -> bool:
    """Whether a sentence tells what came before the date it is a candidate of."""
    return key not in found.named and _PAST_PERFECT.search(text) is not None


def _usable(text: str) -> bool:
    return len(text.split()) >= MIN_TIMELINE_WORDS


def _collect(
    store: Store, articles: Sequence[Article], provenance: dict[str, Any],
    ids: Sequence[str] | None,
) -> dict[str, _DateCandidates]:
    events = article_events(store, ids)
    candidates: dict[str, _DateCandidates] = defaultdict(_DateCandidates)
    for article in articles:
        prov = provenance.get(article.id)
        story = (prov.duplicate_group if prov else None) or article.id
        mentioned: set[int] = set()
        for expression in resolved_expressions(article):
            date = _candidate_date(expression.value)
            index = expression.sentence
            if date is None or index is None or not 0 <= index < len(article.sentences):
                continue
            text = article.sentences[index].text
            mentioned.add(index)
            if _usable(text):
                candidates[date].mentions.add(story)
                candidates[date].sentences.add((article.id, index))
                candidates[date].named.add((article.id, index))
        published = _dated(article.published, article.published_precision)
        event = events.get(article.id)
        event_date = _dated(event.date, event.precision) if event else None
        for date in {published, event_date}:
            if date is not None:
                candidates[date].stories.add(story)
        if published is not None:
            # The opening sentences that name no other date report the publication day.
            for index, sentence in enumerate(article.sentences[:PUBLICATION_SENTENCES]):
                if index not in mentioned and _usable(sentence.text):
                    candidates[published].sentences.add((article.id, index))
    return {date: found for date, found in candidates.items() if found.sentences}


def _candidate_date(value: str | None) -> str | None:
    if not value:
        return None
    value = value[:10]
    if _DAY.match(value) or _MONTH.match(value):
        return value
    return None


def _dated(value: str | None, precision: str) -> str | None:
    if precision == "day":
        return _candidate_date(value)
    if precision == "month":
        return _candidate_date((value or "")[:7])
    return None


def _in_range(date: str, date_from: str | None, date_to: str | None) -> bool:
    # Prefix comparisons make a month overlap a day bound inside it, and vice versa.
    if date_from is not None and date < date_from[:len(date)]:
        return False
    return not (date_to is not None and date[:len(date_to)] > date_to)


def timeline_markdown(timeline: Sequence[dict[str, Any]]) -> str:
    """Format a timeline as Markdown: one heading per date, one cited bullet per sentence."""
    lines: list[str] = []
    for entry in timeline:
        lines.append(f"## {entry['date']}\n")
        for sentence in entry["sentences"]:
            text = " ".join(sentence["text"].split())
            lines.append(f"- {text} [{sentence['article_id']}]")
        lines.append("")
    return "\n".join(lines)
