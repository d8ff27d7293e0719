"""Who said each quote, from the dependency parse and the article's entity mentions.

Patterns, tried in order for each quote:

1. A speech verb outside the quote in the quote's own sentences ("X said",
   "said X", "X told Y", "X added", "according to X", "according to X's report",
   "…, saying", "X was quoted as saying", "a spokesman stating"): its subject, or
   the subject of the verb it hangs from. A subject "he"/"she" is resolved to the
   speaker of the last attributed quote within three sentences, else the last
   person who was a grammatical subject, else the last person mentioned. A
   proper-noun subject the entity model missed is taken as a person; an unnamed
   subject of "say"/"tell"/"state" ("a spokesman said") means no speaker.
2. A quote embedded in a sentence with no speech verb ("He called it “…”"): the
   sentence's subject, when it is a person.
3. A quote standing alone: the speaker of the nearest sentence at most three
   sentences before it (or, failing that, after it) that has one; a run of such
   quotes passes the speaker down the run.

A speaker must be a named entity (person, organisation, place or group); "officials
said" gives no speaker rather than a wrong one.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.language.names import PERSON_LABEL, speaker_id
from storyline.language.nlp import ParsedPiece
from storyline.language.quotes import QuoteSpan
from storyline.language.sentences import NAME_TITLES
from storyline.model import Article, EntityMention, Quote

if TYPE_CHECKING:
    from spacy.tokens import Token

MAX_SENTENCE_DISTANCE = 3
PRONOUN_LOOKBACK_SENTENCES = 5
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_SUBJECTS = ("nsubj", "nsubjpass")
_CLIMB = ("advcl", "xcomp", "conj", "ccomp", "pcomp", "acl")


def _verb_forms() -> frozenset[str]:
    regular = (
        "add", "state", "announce", "explain", "note", "insist", "ask", "argue", "claim",
        "declare", "warn", "reply", "respond", "continue", "recall", "suggest", "acknowledge",
        "comment", "remark", "stress", "emphasise", "emphasize", "urge", "report", "conclude",
        "promise", "vow", "pledge", "predict", "complain", "observe", "agree", "answer",
        "confirm", "deny", "tweet", "post", "testify", "concede", "caution", "assert",
        "maintain", "contend", "mention", "joke", "shout", "whisper", "plead", "demand",
        "boast", "recount", "reiterate", "underline", "underscore", "counter", "lament",
        "exclaim", "murmur", "scoff", "announce", "point", "cry", "reply", "quip", "admit",
    )
    forms: set[str] = {"say", "says", "said", "saying", "tell", "tells", "told", "telling",
                       "write", "writes", "wrote", "written", "writing", "speak", "spoke",
                       "cry", "cries", "cried", "quipped", "admitted", "admitting"}
    for verb in regular:
        stem = verb[:-1] if verb.endswith("e") else verb
        past = verb[:-1] + "ied" if verb.endswith("y") and verb[-2] not in "aeiou" else stem + "ed"
        third = verb[:-1] + "ies" if verb.endswith("y") and verb[-2] not in "aeiou" else (
            verb + "es" if verb.endswith(("s", "sh", "ch")) else verb + "s")
        forms.update({verb, third, past, stem + "ing"})
    return frozenset(forms)


SPEECH_VERBS = _verb_forms()
_TITLE_WORDS = NAME_TITLES | {
    "secretary", "president", "minister", "chief", "director", "spokesman", "spokeswoman",
    "officer", "judge", "governor", "mayor", "senator", "general", "commander", "inspector",
    "constable", "sheriff", "undersheriff", "detective", "prosecutor", "chairman",
}
# Verbs that only report speech ("point", "note", "agree" have other senses): an unnamed
# subject of one of these is the quote's speaker, so no farther verb is tried.
_PLAIN_SPEECH = frozenset({"say", "says", "said", "saying", "tell", "tells", "told", "telling",
                           "state", "states", "stated", "stating"})


@dataclass
class _Token:
    start: int
    token: Token


class _ArticleIndex:
    """Positions of tokens, sentences, mentions and quotes of one article."""

    def __init__(self, article: Article, pieces: Sequence[ParsedPiece],
                 spans: Sequence[QuoteSpan]) -> None:
        self.tokens = [_Token(p.offset + t.idx, t) for p in pieces for t in p.doc]
        self.token_starts = [t.start for t in self.tokens]
        self.by_identity = {(id(t.token.doc), t.token.i): t.start for t in self.tokens}
        self.sentence_starts = [s.start for s in article.sentences]
        self.sentences = article.sentences
        self.mentions = [m for m in article.entities if m.label in SPEAKER_LABELS]
        self.mention_starts = [m.start for m in self.mentions]
        self.quote_ranges = sorted((s.outer_start, s.outer_end) for s in spans)

    def start_of(self, token: Token) -> int:
        return self.by_identity[(id(token.doc), token.i)]

    def sentence_of(self, position: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, position) - 1)

    def in_quote(self, position: int) -> bool:
        index = bisect.bisect_right(self.quote_ranges, (position, float("inf"))) - 1
        return index >= 0 and self.quote_ranges[index][0] <= position < self.quote_ranges[index][1]

    def mention_at(self, position: int) -> EntityMention | None:
        index = bisect.bisect_right(self.mention_starts, position) - 1
        for candidate in self.mentions[max(0, index - 1) : index + 1]:
            if candidate.start <= position < candidate.end:
                return candidate
        return None

    def tokens_between(self, start: int, end: int) -> list[_Token]:
        low = bisect.bisect_left(self.token_starts, start)
        high = bisect.bisect_left(self.token_starts, end)
        return self.tokens[low:high]

    def sentence_tokens(self, index: int) -> list[_Token]:
        sentence = self.sentences[index]
        return [t for t in self.tokens_between(sentence.start, sentence.end)
                if not self.in_quote(t.start)]


def attribute_quotes(article: Article, pieces: Sequence[ParsedPiece],
                     spans: Sequence[QuoteSpan]) -> list[Quote]:
    """Return the article's quotes with their speakers (``None`` when unknown).

    Args:
        article: With ``sentences`` and ``entities`` set.
        pieces: The article's parsed body paragraphs.
        spans: The quotes found by :func:`~storyline.language.quotes.find_quote_spans`.
    """
    index = _ArticleIndex(article, pieces, spans)
    resolver = _Resolver(index)
    speakers: list[EntityMention | None] = []
    needs_neighbour: list[bool] = []
    for span in spans:
        speaker, has_verb = resolver.direct(span)
        speakers.append(speaker)
        resolver.record(span, speaker)
        needs_neighbour.append(speaker is None and not has_verb and resolver.standalone(span))
    for position, span in enumerate(spans):
        if needs_neighbour[position]:
            speakers[position] = resolver.from_neighbours(span)
            # A run of stand-alone quote paragraphs carries one speaker down the run.
            resolver.record_sentence(span, speakers[position])
    quotes = []
    for span, speaker in zip(spans, speakers, strict=True):
        name = speaker.canonical or speaker.text if speaker else None
        quotes.append(Quote(
            text=span.text(article.text), start=span.start, end=span.end, speaker=name,
            speaker_id=speaker_id(speaker.label, name) if speaker and name else None,
        ))
    return quotes


class _Resolver:
    """Finds speakers; remembers attributed quotes for pronouns and neighbours."""

    def __init__(self, index: _ArticleIndex) -> None:
        self.index = index
        self.attributed: list[tuple[int, int, EntityMention]] = []  # (sentence, end, speaker)
        # Lookups by position and by sentence, so a long article stays linear in its quotes.
        self.attributed_ends: list[int] = []
        self.by_sentence: dict[int, EntityMention] = {}

    def record(self, span: QuoteSpan, speaker: EntityMention | None) -> None:
        if speaker is not None:
            sentence = self.index.sentence_of(span.end)
            self.attributed.append((sentence, span.end, speaker))
            self.attributed_ends.append(span.end)  # quotes come in text order
            self.by_sentence[sentence] = speaker

    def record_sentence(self, span: QuoteSpan, speaker: EntityMention | None) -> None:
        """Remember a neighbour-found speaker for the quote's sentences (not for pronouns)."""
        if speaker is not None:
            for sentence in self.quote_sentences(span):
                self.by_sentence.setdefault(sentence, speaker)

    def quote_sentences(self, span: QuoteSpan) -> range:
        first = self.index.sentence_of(span.outer_start)
        last = self.index.sentence_of(max(span.outer_start, span.outer_end - 1))
        return range(first, last + 1)

    def standalone(self, span: QuoteSpan) -> bool:
        """Whether the quote's sentences say little besides the quote."""
        words = [t for s in self.quote_sentences(span) for t in self.index.sentence_tokens(s)
                 if t.token.is_alpha]
        return len(words) <= 2

    def direct(self, span: QuoteSpan) -> tuple[EntityMention | None, bool]:
        """Speaker from the quote's own sentences, and whether a speech verb was there."""
        narrative = [t for s in self.quote_sentences(span) for t in self.index.sentence_tokens(s)]
        verbs = [t for t in narrative if _is_speech_verb(t.token)]
        # The nearest speech verb first; a misparse can leave it with an unnamed subject.
        for verb in sorted(verbs, key=lambda t: _distance(t.start, span)):
            speaker = self.speaker_of_verb(verb.token)
            if speaker is not None:
                return speaker, True
            if verb.token.lower_ in _PLAIN_SPEECH and self.unnamed_subject(verb.token):
                # "…, a spokesman said": the nearest verb's speaker has no name; a farther
                # verb's subject would be someone else.
                return None, True
        if verbs:
            return None, True
        roots = [t for t in narrative if t.token.dep_ == "ROOT"]
        for root in roots:
            speaker = self.subject_speaker(root.token)
            if speaker is not None and speaker.label == PERSON_LABEL:
                return speaker, False
        return None, False

    def speaker_of_verb(self, verb: Token) -> EntityMention | None:
        if verb.lower_ == "according":
            for prep in verb.children:
                if prep.lower_ == "to":
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            return self.phrase_speaker(obj) or self.owner_speaker(obj)
            return None
        subject = self.subject_token(verb)
        if subject is None:
            return None
        return self.phrase_speaker(subject) or self.unlabelled_name(subject)

    def unlabelled_name(self, head: Token) -> EntityMention | None:
        """A proper-noun subject of a speech verb the entity model missed or misread.

        ("…," said 40-year-old Tsikala Stephania: tagged a facility.) Taken as a person:
        what says things and has a proper name, with no organisation or place label, is.
        """
        if head.tag_ != "NNP" or head.ent_type_ in SPEAKER_LABELS:
            return None
        words = [t for t in head.lefts if t.dep_ == "compound" and t.tag_ == "NNP"] + [head]
        if any(t.ent_type_ in SPEAKER_LABELS for t in words):
            return None
        if all(t.lower_.rstrip(".") in _TITLE_WORDS for t in words):
            return None  # "said Secretary", "said Troy police Lt.": a title, not a name
        start = self.index.start_of(words[0])
        end = self.index.start_of(head) + len(head.text)
        name = " ".join(t.text for t in words)
        return EntityMention(name, PERSON_LABEL, start, end, canonical=name)

    def owner_speaker(self, head: Token) -> EntityMention | None:
        """The named owner of a source: "according to an MWEB update", "the ministry's report"."""
        for child in head.children:
            if child.dep_ in ("compound", "poss", "nmod"):
                mention = self.index.mention_at(self.index.start_of(child))
                if mention is not None:
                    return mention
        return None

    def unnamed_subject(self, verb: Token) -> bool:
        """Whether the verb's subject is a common noun phrase with no name ("officials")."""
        subject = self.subject_token(verb)
        return (subject is not None and subject.tag_ in ("NN", "NNS")
                and self.phrase_speaker(subject) is None)

    def subject_token(self, verb: Token) -> Token | None:
        """The subject of the verb or of the verb it hangs from (see :meth:`subject_speaker`)."""
        current: Token | None = verb
        for _ in range(4):
            if current is None:
                return None
            for child in current.children:
                if child.dep_ in _SUBJECTS and not self.index.in_quote(self.index.start_of(child)):
                    return child
            if current.dep_ in ("relcl", "acl"):  # "Kim, who said …", "a spokesman stating"
                return current.head
            current = self._climb(current)
        return None

    @staticmethod
    def _climb(token: Token) -> Token | None:
        """The verb a clause hangs from; "quoted as saying" climbs over the "as"."""
        over = token.head
        if token.dep_ == "pcomp" and over.dep_ == "prep" and over.head is not over:
            return over.head
        if token.dep_ not in _CLIMB or token.head is token:
            return None
        return token.head

    def subject_speaker(self, verb: Token) -> EntityMention | None:
        """The named subject of the verb, climbing to the verb it hangs from ("Kim, who said …")."""
        subject = self.subject_token(verb)
        return self.phrase_speaker(subject) if subject is not None else None

    def phrase_speaker(self, head: Token) -> EntityMention | None:
        start = self.index.start_of(head)
        if head.tag_ == "PRP":
            return self.pronoun(start) if head.lower_ in ("he", "she") else None
        mention = self.index.mention_at(start)
        if mention is not None:
            return mention
        for child in head.children:  # "his deputy, Kim Tae-hyo"
            if child.dep_ == "appos":
                mention = self.index.mention_at(self.index.start_of(child))
                if mention is not None:
                    return mention
        return None

    def pronoun(self, position: int) -> EntityMention | None:
        """Resolve "he"/"she" at ``position`` to a person mentioned before it."""
        sentence = self.index.sentence_of(position)
        earlier = bisect.bisect_right(self.attributed_ends, position)
        if earlier:
            quote_sentence, _end, speaker = self.attributed[earlier - 1]
            if sentence - quote_sentence <= MAX_SENTENCE_DISTANCE and speaker.label == PERSON_LABEL:
                return speaker
        # Only mentions from the look-back window on: bisect instead of a scan of them all.
        first = sentence - PRONOUN_LOOKBACK_SENTENCES
        low = self.index.sentence_starts[first] if first > 0 else -1
        window = self.index.mentions[
            bisect.bisect_left(self.index.mention_starts, low)
            : bisect.bisect_right(self.index.mention_starts, position)]
        people = [m for m in window if m.label == PERSON_LABEL
                  and m.end <= position and not self.index.in_quote(m.start)]
        subjects = [m for m in people if self._is_subject(m)]
        if subjects:
            return subjects[-1]
        return people[-1] if people else None

    def _is_subject(self, mention: EntityMention) -> bool:
        for item in self.index.tokens_between(mention.start, mention.end):
            head = item.token.head
            head_start = self.index.start_of(head)
            if not mention.start <= head_start < mention.end or head is item.token:
                dep = item.token.dep_
                if dep in _SUBJECTS or (dep == "appos" and head.dep_ in _SUBJECTS):
                    return True
        return False

    def from_neighbours(self, span: QuoteSpan) -> EntityMention | None:
        sentences = self.quote_sentences(span)
        for distance in range(1, MAX_SENTENCE_DISTANCE + 1):
            for candidate in (sentences.start - distance, sentences.stop - 1 + distance):
                if 0 <= candidate < len(self.index.sentences):
                    found = self.sentence_speaker(candidate)
                    if found is not None:
                        return found
        return None

    def sentence_speaker(self, sentence: int) -> EntityMention | None:
        """The speaker of a sentence: of a quote in it, else of its speech verb."""
        if sentence in self.by_sentence:
            return self.by_sentence[sentence]
        for item in self.index.sentence_tokens(sentence):
            if _is_speech_verb(item.token):
                found = self.speaker_of_verb(item.token)
                if found is not None:
                    return found
        return None


def _is_speech_verb(token: Token) -> bool:
    if token.lower_ == "according":
        return any(child.lower_ == "to" for child in token.children)
    return token.lower_ in SPEECH_VERBS and token.tag_.startswith("VB")


def _distance(position: int, span: QuoteSpan) -> int:
    if position < span.outer_start:
        return span.outer_start - position
    return max(0, position - span.outer_end)
