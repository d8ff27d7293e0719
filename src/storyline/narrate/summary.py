"""Extractive summaries of events (titles are in :mod:`storyline.narrate.titles`).

An event's summary is two or three of its most central sentences, each citing the
article it comes from (the original when a reprint repeats it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from storyline.model import Article
from storyline.narrate.centrality import SentenceSpace, collapse_repeats

SUMMARY_SENTENCES = 3
MIN_SUMMARY_SENTENCES = 2
MIN_SENTENCE_WORDS = 6  # shorter lines are captions, bylines or fragments
MAX_SENTENCE_WORDS = 60  # longer ones are usually run-ons from a bad split
LEAD_BONUS = 0.05  # news puts the essentials first: nudge each article's opening sentence
TITLE_MAX_CHARS = 120

PreferenceKey = Callable[[str], tuple[int, int]]


@dataclass
class Citation:
    """One summary sentence and the article it is taken from."""

    text: str
    article_id: str

    def to_dict(self) -> dict[str, str]:
        """JSON form stored in ``events.summary``."""
        return {"text": self.text, "article_id": self.article_id}


def trim_title(text: str, limit: int = TITLE_MAX_CHARS) -> str:
    """Shorten ``text`` to ``limit`` characters at a word boundary, marking the cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:-–—")
    return f"{cut}…"


def _usable(text: str) -> bool:
    words = len(text.split())
    return MIN_SENTENCE_WORDS <= words <= MAX_SENTENCE_WORDS


def event_summary(
    articles: Sequence[Article], preference: PreferenceKey, count: int = SUMMARY_SENTENCES
) -> list[Citation]:
    """Pick the event's most central, mutually distinct sentences, in reading order.

    Args:
        articles: The event's articles.
        preference: Sort key per article id (originals first) used to pick which
            copy of a repeated sentence is cited.
        count: Sentences wanted (fewer when the event has fewer distinct ones).

    Returns:
        Citations ordered by article (preferred first) and position in it.
    """
    texts: list[str] = []
    owners: list[tuple[str, int]] = []
    for article in articles:
        for index, sentence in enumerate(article.sentences):
            if _usable(sentence.text):
                texts.append(" ".join(sentence.text.split()))
                owners.append((article.id, index))
    if not texts:
        # Nothing long enough: fall back to the opening sentences, however short.
        for article in sorted(articles, key=lambda a: preference(a.id)):
            for index, sentence in enumerate(article.sentences[:MIN_SUMMARY_SENTENCES]):
                texts.append(" ".join(sentence.text.split()))
                owners.append((article.id, index))
    if not texts:
        return []
    keys = [(preference(article_id), index) for article_id, index in owners]
    bonus = [LEAD_BONUS if index == 0 else 0.0 for _, index in owners]
    # Copies repeat sentences word for word: each is scored once, weighted by its copies.
    unique, weights = collapse_repeats(range(len(texts)), texts, keys, bonus)
    space = SentenceSpace([texts[row] for row in unique], fit_on=texts)
    chosen = space.select(list(range(len(unique))), count, [keys[row] for row in unique],
                          [bonus[row] for row in unique], weights=weights)
    picked = sorted((unique[position] for position in chosen), key=keys.__getitem__)
    return [Citation(texts[row], owners[row][0]) for row in picked]
