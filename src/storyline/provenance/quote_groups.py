"""One quote, many outlets: the same words quoted by several articles are one record.

A wire quote reprinted by forty sites is one thing said, not forty. Quotes are grouped by
their words (case, spacing, punctuation and quotation marks aside); each group keeps
every appearance and the speaker most appearances give.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from storyline.model import Article

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Appearance:
    """Where one article quotes it: offsets into that article's text."""

    article_id: str
    start: int
    end: int


@dataclass
class QuoteGroup:
    """A quote and every article quoting it, in the order the articles were given."""

    quote_id: str
    text: str
    speaker: str | None
    speaker_id: str | None
    appearances: list[Appearance] = field(default_factory=list)


def quote_key(text: str) -> str:
    """The words of a quote, lower-cased: what two outlets quoting it share."""
    return " ".join(_WORD.findall(text.casefold()))


def group_quotes(articles: Iterable[Article]) -> list[QuoteGroup]:
    """Group the articles' quotes by their words, in order of first appearance."""
    groups: dict[str, QuoteGroup] = {}
    speakers: dict[str, Counter[tuple[str, str | None]]] = {}
    for article in articles:
        for quote in article.quotes:
            key = quote_key(quote.text)
            if not key:
                continue
            if key not in groups:
                digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
                groups[key] = QuoteGroup(f"q-{digest}", quote.text, None, None)
                speakers[key] = Counter()
            groups[key].appearances.append(Appearance(article.id, quote.start, quote.end))
            if quote.speaker:
                speakers[key][(quote.speaker, quote.speaker_id)] += 1
    for key, group in groups.items():
        if speakers[key]:
            # The attribution most outlets give (ties: the first seen).
            (group.speaker, group.speaker_id), _ = speakers[key].most_common(1)[0]
    return list(groups.values())
