"""Where things are in one article, for the speaker search: tokens, sentences, names, quotes."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.language.nlp import ParsedPiece, has_syntax
from storyline.language.quotes import QuoteSpan
from storyline.language.speaker_words import (
    ORGANISATION_NOUNS,
    PLATFORMS,
    SPEAKER_LABELS,
    WORK_NOUNS,
)
from storyline.model import Article, EntityMention

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass
class PlacedToken:
    """A parsed token and its offset in ``Article.text``."""

    start: int
    token: Token


class ArticleIndex:
    """Positions of tokens, sentences, mentions and quotes of one article."""

    def __init__(self, article: Article, pieces: Sequence[ParsedPiece],
                 spans: Sequence[QuoteSpan]) -> None:
        self.tokens = [PlacedToken(p.offset + t.idx, t) for p in pieces for t in p.doc]
        self.token_starts = [t.start for t in self.tokens]
        self.by_identity = {(id(t.token.doc), t.token.i): t.start for t in self.tokens}
        self.sentence_starts = [s.start for s in article.sentences]
        self.sentences = article.sentences
        self.mentions = _surnames_as_people(
            [_as_speaker(m) for m in article.entities if m.label in SPEAKER_LABELS])
        self.mention_starts = [m.start for m in self.mentions]
        self.mentions = [_named_thing(self, m) for m in self.mentions]
        self.quote_ranges = sorted((s.outer_start, s.outer_end) for s in spans)
        # The text and the quotes' own words, for lines read as a quote's (speaker_runs).
        self.text = article.text
        self.spans = list(spans)
        self.quoted_words: str | None = None
        self._words: dict[str, list[PlacedToken]] | None = None
        # Read again for every quote, pronoun and look-back: kept once made.
        self._sentence_tokens: dict[int, list[PlacedToken]] = {}
        self._mention_words: dict[str, list[EntityMention]] | None = None

    def start_of(self, token: Token) -> int:
        """Offset of a token in ``Article.text``."""
        return self.by_identity[(id(token.doc), token.i)]

    def sentence_of(self, position: int) -> int:
        """Index of the sentence an offset falls in."""
        return max(0, bisect.bisect_right(self.sentence_starts, position) - 1)

    def lookback_start(self, sentence: int, sentences: int) -> int:
        """Offset where the ``sentences`` sentences before ``sentence`` start (-1: from the top)."""
        first = sentence - sentences
        return self.sentence_starts[first] if first > 0 else -1

    def narrative_back(self, sentence: int, sentences: int) -> int:
        """Index of the sentence ``sentences`` sentences of narration before ``sentence`` (>= 0).

        Sentences wholly inside a quote are not counted: a five-sentence quote does not
        push the person it is about out of a pronoun's reach ("Dr Murray said …. “… .
        … . … .” But he added: …").
        """
        index = sentence
        while sentences > 0 and index > 0:
            index -= 1
            found = self.sentences[index]
            if not (self.in_quote(found.start) and self.in_quote(max(found.start, found.end - 1))):
                sentences -= 1
        return index

    def in_quote(self, position: int) -> bool:
        """Whether an offset is inside a quote (its marks included)."""
        index = bisect.bisect_right(self.quote_ranges, (position, float("inf"))) - 1
        return index >= 0 and self.quote_ranges[index][0] <= position < self.quote_ranges[index][1]

    def mention_at(self, position: int) -> EntityMention | None:
        """The speaker-label mention covering an offset, if any."""
        index = bisect.bisect_right(self.mention_starts, position) - 1
        for candidate in self.mentions[max(0, index - 1) : index + 1]:
            if candidate.start <= position < candidate.end:
                return candidate
        return None

    def tokens_between(self, start: int, end: int) -> list[PlacedToken]:
        """Tokens starting in ``start:end``."""
        low = bisect.bisect_left(self.token_starts, start)
        high = bisect.bisect_left(self.token_starts, end)
        return self.tokens[low:high]

    def has_quote(self, index: int) -> bool:
        """Whether a quote opens in the sentence."""
        sentence = self.sentences[index]
        low = bisect.bisect_left(self.quote_ranges, (sentence.start, -1))
        return low < len(self.quote_ranges) and self.quote_ranges[low][0] < sentence.end

    def sentence_tokens(self, index: int) -> list[PlacedToken]:
        """The sentence's tokens outside quotes (a shared list: not to be changed)."""
        if index not in self._sentence_tokens:
            sentence = self.sentences[index]
            self._sentence_tokens[index] = [
                t for t in self.tokens_between(sentence.start, sentence.end)
                if not self.in_quote(t.start)]
        return self._sentence_tokens[index]

    def tokens_with_word(self, word: str) -> list[PlacedToken]:
        """Tokens outside quotes spelled ``word`` (lower case), in text order."""
        if self._words is None:
            self._words = {}
            for item in self.tokens:
                if not self.in_quote(item.start):
                    self._words.setdefault(item.token.lower_, []).append(item)
        return self._words.get(word, [])

    def mentions_with_word(self, word: str) -> list[EntityMention]:
        """Mentions outside quotes with ``word`` (lower case) among their words."""
        if self._mention_words is None:
            self._mention_words = {}
            for mention in self.mentions:
                if not self.in_quote(mention.start):
                    for part in set(mention.text.lower().split()):
                        self._mention_words.setdefault(part, []).append(mention)
        return self._mention_words.get(word, [])


def _named_thing(index: ArticleIndex, mention: EntityMention) -> EntityMention:
    """A "person" the text calls an organisation or a work: an organisation, not a speaker.

    ("A state television network, al-Iraqiya, showed …", "music trade magazine
    Billboard reported", "his movie Ted": the entity model tags them people.) The
    name in apposition to, or compounded with, such a noun.
    """
    if mention.label != "PERSON":
        return mention
    tokens = index.tokens_between(mention.start, mention.end)
    if not tokens:
        return mention
    last = tokens[-1].token
    if not has_syntax(last.doc):
        return mention  # parsed for entities only: no tree to read (and .lefts would crash)
    nouns = [c for c in last.lefts if c.dep_ == "compound" and c.tag_ == "NN"]
    if last.dep_ == "appos":
        nouns.append(last.head)
    if any(n.tag_ == "NN" and (n.lower_ in ORGANISATION_NOUNS or n.lower_ in WORK_NOUNS)
           and not _possessive(n) for n in nouns):
        return EntityMention(mention.text, "ORG", mention.start, mention.end,
                             canonical=mention.canonical)
    return mention


def _possessive(noun: Token) -> bool:
    """Whether "'s" follows the noun: "The fire service's Matt Goodman" is a person of it."""
    doc = noun.doc
    return any(doc[i].tag_ == "POS" for i in range(noun.i + 1, min(len(doc), noun.i + 3)))


def _surnames_as_people(mentions: list[EntityMention]) -> list[EntityMention]:
    """A one-word place or group name that is a person's last name in the article: that person.

    The entity model tags "Payton said", "Bodiford said", "Klitschko said" places or
    nationalities while "Sean Payton", "James Bodiford", "Vitali Klitschko" stand in the
    same article as people; read so, the name is a speaker "he" or "she" can stand for.
    So is a mention of any label spelled as a person's full name in the article ("I. Am"
    tagged an organisation once, a person elsewhere).
    """
    people: dict[str, str] = {}
    same: dict[str, str] = {}  # a person's exact name, tagged otherwise elsewhere ("I. Am")
    for mention in mentions:
        words = mention.text.split()
        if mention.label == "PERSON" and len(words) >= 2:
            people.setdefault(words[-1], mention.canonical or mention.text)
            same.setdefault(mention.text.lower(), mention.canonical or mention.text)
    found = []
    for m in mentions:
        name = people.get(m.text) if m.label in ("GPE", "NORP") else None
        name = name or (same.get(m.text.lower()) if m.label != "PERSON" else None)
        found.append(EntityMention(m.text, "PERSON", m.start, m.end, canonical=name)
                     if name else m)
    return found


def _as_speaker(mention: EntityMention) -> EntityMention:
    """The mention as the speaker search reads it: a platform is a company, not a person.

    (The entity model tags "Twitter" a person as the subject of "confirmed".)
    """
    if mention.label == "PERSON" and mention.text.lower() in PLATFORMS:
        return EntityMention(mention.text, "ORG", mention.start, mention.end,
                             canonical=mention.canonical)
    return mention
