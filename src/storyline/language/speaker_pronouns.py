"""Resolving "he"/"she" to a person mentioned before, skipping people of the other gender."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from storyline.language.names import PERSON_LABEL
from storyline.language.nlp import has_syntax
from storyline.language.speaker_descriptions import described_after
from storyline.language.speaker_gender import fits
from storyline.language.speaker_index import ArticleIndex, PlacedToken
from storyline.language.speaker_state import (
    MAX_SENTENCE_DISTANCE,
    PRONOUN_LOOKBACK_SENTENCES,
    ResolverState,
)
from storyline.language.speaker_words import SUBJECTS, is_reported
from storyline.model import EntityMention

# Tags of a finite verb, or of a participle after its auxiliary ("has donated").
_FINITE = frozenset({"VBD", "VBZ", "VBP", "VBN"})
# How many "he"/"she" subjects a pronoun may read back through (see :func:`pronoun`).
MAX_CHAIN = 8

if TYPE_CHECKING:
    from spacy.tokens import Token


def pronoun(state: ResolverState, position: int, gender: str | None = None) -> EntityMention | None:
    """Resolve "he"/"she" at ``position`` to a person mentioned before it.

    The later of the last quote's speaker (within :data:`MAX_SENTENCE_DISTANCE`
    sentences) and the subject of the latest earlier sentence with a person as
    subject (the one of the main clause, outside reported clauses, if any); failing
    both, the last person who was a subject, else the referent of the latest earlier
    "he"/"she" subject (a chain of sentences about the same person: "He will be
    sending his publisher, Stephen Page …" does not make the publisher the topic),
    else the last named. People the article marks as of the other ``gender``
    ("male"/"female": a title, a pronoun after them) are skipped. An unnamed person
    who is a main clause's subject after the one found ("Iraq's government spokesman
    confirmed …") is whom the pronoun stands for: no speaker (see
    :func:`~storyline.language.speaker_descriptions.described_after`).
    """
    return _resolve(state, position, gender, 0)[0]


def _resolve(state: ResolverState, position: int, gender: str | None,
             depth: int) -> tuple[EntityMention | None, bool]:
    """:func:`pronoun`'s answer, and whether it found whom the pronoun stands for.

    ``(None, True)``: someone unnamed, so a chain of he/she stops there rather than
    falling back to the last person named.
    """
    sentence = state.index.sentence_of(position)
    best: tuple[int, EntityMention] | None = None
    earlier = bisect.bisect_right(state.attributed_ends, position)
    if earlier:
        quote_sentence, end, speaker = state.attributed[earlier - 1]
        if sentence - quote_sentence <= MAX_SENTENCE_DISTANCE \
                and speaker.label == PERSON_LABEL and fits(state, speaker, gender):
            best = (end, speaker)
    # Only mentions from the look-back window on: bisect instead of a scan of them all.
    first = state.index.narrative_back(sentence, PRONOUN_LOOKBACK_SENTENCES)
    low = state.index.sentence_starts[first] if first > 0 else -1
    window = state.index.mentions[
        bisect.bisect_left(state.index.mention_starts, low)
        : bisect.bisect_right(state.index.mention_starts, position)]
    people = [m for m in window if m.label == PERSON_LABEL and m.end <= position
              and not state.index.in_quote(m.start) and fits(state, m, gender)]
    subjects = [m for m in people if is_subject(state.index, m)]
    # The last subject of the latest earlier sentence that has a person as subject,
    # outside reported clauses ("Shaath claims Bush told him …": Shaath).
    earlier_subjects = [m for m in subjects if state.index.sentence_of(m.start) < sentence]
    if earlier_subjects:
        last = state.index.sentence_of(earlier_subjects[-1].start)
        same = [m for m in earlier_subjects if state.index.sentence_of(m.start) == last]
        unreported = [m for m in same if is_subject(state.index, m, main=True)]
        # The main clause's subject, not one of a clause hanging from it ("Pinter has
        # called for Tony Blair to be tried": Pinter); of equals the last.
        subject = min(reversed(unreported), key=lambda m: _clause_depth(state.index, m)) \
            if unreported else same[0]
        if best is None or subject.start > best[0]:
            return _unless_described(state, subject, sentence, bool(unreported), gender)
    if best is not None:
        return _unless_described(state, best[1], sentence, False, gender, best[0])
    if subjects:
        return _unless_described(state, subjects[-1], sentence, False, gender)
    chained = _pronoun_subject(state, first, sentence, gender)
    # A chain only when its "he" is in the sentence of the last person named or a later
    # one: "He is not alone. … the comment from rapper Kanye West. '…,' he said" is
    # West's; "He will be sending his publisher, Stephen Page, …" keeps its subject.
    if chained is not None and depth < MAX_CHAIN and (not people or state.index.sentence_of(
            chained) >= state.index.sentence_of(people[-1].start)):
        found, decided = _resolve(state, chained, gender, depth + 1)
        if decided:
            return found, True
    if people:
        return _unless_described(state, people[-1], sentence, False, gender)
    return None, False


def _unless_described(state: ResolverState, candidate: EntityMention, sentence: int,
                      main: bool, gender: str | None,
                      end: int | None = None) -> tuple[EntityMention | None, bool]:
    """The candidate, or no one when an unnamed person took the floor since (decided both)."""
    if described_after(state, candidate, sentence, main, gender, end):
        return None, True
    return candidate, True


def _pronoun_subject(state: ResolverState, first: int, sentence: int,
                     gender: str | None) -> int | None:
    """Offset of the latest "he"/"she" (of the gender) in sentences first..sentence-1.

    The nominative is a subject: no parse is needed (sentences far from quotes have none).
    A sentence whose subject is a proper noun the entity model missed breaks the chain.
    """
    words = {"male": ("he",), "female": ("she",)}.get(gender or "", ("he", "she"))
    for index in range(sentence - 1, max(-1, first - 1), -1):
        tokens = state.index.sentence_tokens(index)
        if any(_unknown_name(state.index, t) for t in tokens):
            return None  # a subject with a name the entity model missed takes over
        for item in reversed(tokens):
            if item.token.lower_ in words:
                return item.start
    return None


def _unknown_name(index: ArticleIndex, item: PlacedToken) -> bool:
    """Whether the token is a proper-noun main subject the entity model tagged nowhere."""
    token = item.token
    return token.dep_ in SUBJECTS and token.head.dep_ == "ROOT" and token.tag_ == "NNP" \
        and index.mention_at(item.start) is None \
        and not any(m.label == PERSON_LABEL for m in index.mentions_with_word(token.lower_))


def _clause_depth(index: ArticleIndex, mention: EntityMention) -> int:
    """How deep in its sentence's tree the clause the mention is subject of hangs."""
    depths = [len(list(item.token.ancestors)) - (item.token.dep_ == "appos")
              for item in index.tokens_between(mention.start, mention.end)
              if item.token.dep_ in SUBJECTS or item.token.dep_ == "appos"]
    return min(depths, default=0)


def is_subject(index: ArticleIndex, mention: EntityMention, main: bool = False) -> bool:
    """Whether the mention is a subject (``main``: not of a reported clause).

    Also the source of "according to" (a speaker, as a subject of "said" is), the
    antecedent of "who" subject of a relative clause (not a main subject), and
    when the parse gave the finite verb right after the name no subject
    ("Speaking to Newsbeat Jermaine Jackson criticised …", the name parsed as the
    object of "to"): the name is what the verb is about.
    """
    tokens = index.tokens_between(mention.start, mention.end)
    if tokens and (_subjectless_verb_after(tokens[-1].token)
                   or _subjectless_head(tokens[-1].token)):
        return True
    if not main and tokens and _relative_subject(tokens[-1].token):
        return True  # "… on General John Abizaid, who commands US forces. He says …"
    for item in tokens:
        head = item.token.head
        if item.token.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
            return True  # "…, according to Simon Young. “…,” he told …": the source
        head_start = index.start_of(head)
        if not mention.start <= head_start < mention.end or head == item.token:
            dep = item.token.dep_
            if dep == "appos" and head.dep_ in SUBJECTS:
                dep, head = head.dep_, head.head
            if dep in SUBJECTS and (not main or not is_reported(head)):
                return True
    return False


def _relative_subject(token: Token) -> bool:
    """Whether the name is the antecedent of a relative clause's subject ("X, who said").

    One person's name only: "Britons who have lost their sons" are no "he" or "she".
    """
    return token.tag_ == "NNP" and has_syntax(token.doc) and any(
        child.dep_ == "relcl" and any(c.dep_ in SUBJECTS and c.lower_ == "who"
                                      for c in child.children)
        for child in token.children)


def _subjectless_head(token: Token) -> bool:
    """Whether the name hangs, before it, from a main verb the parse left without a subject.

    ("Singer Madonna , meanwhile , has donated …", the name parsed as an adverbial.)
    """
    verb = token.head
    return verb.i > token.i and verb.dep_ == "ROOT" and verb.tag_ in _FINITE \
        and token.dep_ not in ("pobj", "dobj", "iobj", "attr", "oprd", "poss", "prep") \
        and not any(c.dep_ in SUBJECTS or c.dep_ == "expl" for c in verb.children)


def _subjectless_verb_after(token: Token) -> bool:
    """Whether the next token is a finite main verb the parse left without a subject."""
    if token.i + 1 >= len(token.doc):
        return False
    verb = token.doc[token.i + 1]
    return verb.tag_ in ("VBD", "VBZ", "VBP") and verb.dep_ == "ROOT" \
        and not any(c.dep_ in SUBJECTS or c.dep_ == "expl" for c in verb.children)
