"""Quotes standing alone: turns in a conversation, and speakers read from nearby sentences."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from storyline.language.names import PERSON_LABEL
from storyline.language.quotes import QuoteSpan
from storyline.language.speaker_index import PlacedToken
from storyline.language.speaker_name_phrases import first_name
from storyline.language.speaker_phrases import (
    phrase_speaker,
    speaker_of_verb,
    subject_token,
    unnamed_subject,
)
from storyline.language.speaker_runs import glued_to_open_quote, pulled_out, runs_on
from storyline.language.speaker_state import MAX_SENTENCE_DISTANCE, ResolverState
from storyline.language.speaker_words import SUBJECTS, is_speech_verb, same_entity
from storyline.model import EntityMention

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs of a clause saying how someone stood ("was upbeat", "seemed defiant").
COPULAS = frozenset({"is", "are", "was", "were", "seem", "seems", "seemed", "remain",
                     "remains", "remained", "sound", "sounds", "sounded", "appear",
                     "appears", "appeared"})


# Words outside quotes a sentence may have and still say nothing of its own ("he said").
_BARE_WORDS = 2


def standalone(state: ResolverState, span: QuoteSpan) -> bool:
    """Whether the quote's sentences say little besides the quote (or a glued caption)."""
    if state.turns and glued_to_open_quote(state.index, state.turns[-1][0], span):
        return True
    return sum(_own_words(state, s) for s in state.quote_sentences(span)) <= _BARE_WORDS


def _own_words(state: ResolverState, sentence: int) -> int:
    """How many words the sentence has outside quotes (none when they are a pull-quote)."""
    if pulled_out(state.index, sentence):
        return 0
    return sum(1 for t in state.index.sentence_tokens(sentence) if t.token.is_alpha)


def attributed_after(state: ResolverState, span: QuoteSpan) -> tuple[EntityMention | None, bool]:
    """The speaker of a bare attribution right after the quote ("Const. Fanning said.").

    The next sentence is a few words around a speech verb that reports nothing of its
    own (no clause or object), or opens with such a verb however long the speaker's
    description ("So said former US President, Bill Clinton, special envoy …", a
    "said X, a professor of …" the page broke off its quote): it can only attribute
    the quote before it.
    """
    after = state.quote_sentences(span).stop
    if after >= len(state.index.sentences) or state.index.has_quote(after):
        return None, False
    tokens = state.index.sentence_tokens(after)
    opening = _opening_verb(tokens)
    if opening is None and _own_words(state, after) > 8:
        return None, False
    for item in tokens:
        verb = item.token
        if opening is not None and verb != opening:
            continue
        if is_speech_verb(verb) and verb.lower_ != "according" and not any(
                c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children):
            speaker = speaker_of_verb(state, verb)
            return speaker, speaker is not None or unnamed_subject(state, verb)
    return None, False


def _opening_verb(tokens: Sequence[PlacedToken]) -> Token | None:
    """The verb a sentence opens with, after at most "So" ("said X, …", "So says X.")."""
    words = [t.token for t in tokens if t.token.is_alpha]
    if words and words[0].lower_ == "so":
        words = words[1:]
    # The sentence's own finite verb: not a participle opening a clause about someone
    # else ("Asked about X's comments, Y criticised …").
    if words and words[0].dep_ == "ROOT" and words[0].tag_ in ("VBD", "VBZ", "VBP") \
            and is_speech_verb(words[0]):
        return words[0]
    return None


def continued(state: ResolverState, span: QuoteSpan) -> tuple[EntityMention | None, bool]:
    """The speaker a stand-alone quote continues, and whether that was decided.

    The previous quote's speaker (``None`` when it was an unnamed one), unless a
    narrative sentence in between (not a line of the previous quote running on
    unmarked: :func:`~storyline.language.speaker_runs.runs_on`) reports someone's
    words (that speaker) or has a new named subject (no speaker), or more than
    :data:`MAX_SENTENCE_DISTANCE` narrative sentences separate the two, or the previous
    quote's speaker is unknown (undecided: earlier sentences are read then).
    """
    if not state.turns:
        return None, False
    previous, speaker, said = state.turns[-1]
    if not said:
        return None, False
    first = state.index.sentence_of(max(previous.outer_start, previous.outer_end - 1)) + 1
    last = state.index.sentence_of(span.outer_start)
    # Lines of the previous quote running on unmarked are its speaker's words.
    between = [s for s in range(first, last) if narrative(state, s)
               and not runs_on(state.index, previous, span, s)]
    if len(between) > MAX_SENTENCE_DISTANCE:
        return None, False
    for sentence in reversed(between):
        found = sentence_speaker(state, sentence) or (
            introduced_by(state, sentence) if sentence == last - 1 else None)
        if found is not None:
            return found, True
        subject = named_subject(state, sentence)
        if subject is not None and not same_entity(subject, speaker):
            return None, True  # someone else has the floor: not a guess between two
    return speaker, True


def narrative(state: ResolverState, sentence: int) -> bool:
    """Whether a sentence has words of its own outside quotes."""
    return _own_words(state, sentence) > _BARE_WORDS


def named_subject(state: ResolverState, sentence: int) -> EntityMention | None:
    """The named subject of the sentence's main verb, if any."""
    for item in state.index.sentence_tokens(sentence):
        if item.token.dep_ == "ROOT":
            subject = subject_token(state.index, item.token)
            if subject is not None and subject.tag_ != "PRP":
                return phrase_speaker(state, subject)
    return None


def from_before(state: ResolverState, span: QuoteSpan) -> EntityMention | None:
    """The speaker of the nearest earlier sentence that has one, a few sentences back.

    Not of a later one: a later sentence's speech verb mostly reports something
    else, or introduces a quote of its own.
    """
    first = state.quote_sentences(span).start
    for candidate in range(first - 1, max(-1, first - 1 - MAX_SENTENCE_DISTANCE), -1):
        found = sentence_speaker(state, candidate) or (
            introduced_by(state, candidate) if candidate == first - 1 else None)
        if found is not None:
            return found
    return topic(state, first)


def topic(state: ResolverState, first: int) -> EntityMention | None:
    """The person the sentences right before a quote are about, if they are about one.

    The nearest of the :data:`MAX_SENTENCE_DISTANCE` sentences before it whose main
    subject is a named person or "he"/"she" gives that person ("Francoise and her
    relatives have got no food. They are surviving … “It is the only way we can
    exist …”"); a sentence with a quote or a speech verb of its own (someone else's
    words, an unnamed source's too), or a question (the writer's), stops the search.
    """
    for candidate in range(first - 1, max(-1, first - 1 - MAX_SENTENCE_DISTANCE), -1):
        tokens = state.index.sentence_tokens(candidate)
        if state.index.has_quote(candidate) or any(is_speech_verb(t.token) for t in tokens) \
                or (tokens and tokens[-1].token.text == "?"):
            return None  # another's words (an unnamed source's), or the writer's question
        for item in tokens:
            if item.token.dep_ != "ROOT":
                continue
            subject = subject_token(state.index, item.token)
            if subject is None:
                continue
            found = phrase_speaker(state, subject)
            if found is not None and found.label == PERSON_LABEL:
                return found
    return None


def introduced_by(state: ResolverState, sentence: int) -> EntityMention | None:
    """The person a sentence right before a quote introduces it with, with no speech verb.

    Its last main clause gives the person's stance ("…, but Captain Andrus Merilo, 31,
    was upbeat."), or it ends in a colon ("Tito Jackson, the eldest brother:"); the
    person is that clause's named subject, or the first person the colon's words name.
    """
    tokens = [t.token for t in state.index.sentence_tokens(sentence)
              if not t.token.is_space]
    if not tokens:
        return None
    colon = tokens[-1].text == ":"
    mains = [t for t in tokens if t.dep_ == "ROOT"
             or (t.dep_ == "conj" and t.head.dep_ == "ROOT" and t.tag_.startswith("VB"))]
    for verb in reversed(mains):
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subject is None or not verb.tag_.startswith("VB"):
            continue
        stance = verb.lower_ in COPULAS and any(c.dep_ == "acomp" for c in verb.children)
        found = phrase_speaker(state, subject) if stance or colon else None
        return found if found is not None and found.label == PERSON_LABEL else None
    if colon and not any(t.dep_ == "ROOT" and t.tag_.startswith("VB") for t in tokens):
        # A label: "Robert Hale, the senator who led the effort:"
        found = first_name(state.index, tokens)
        return found if found is not None and found.label == PERSON_LABEL else None
    return None


def sentence_speaker(state: ResolverState, sentence: int) -> EntityMention | None:
    """The speaker of a sentence: of a quote in it, else of its speech verb."""
    if sentence in state.by_sentence:
        return state.by_sentence[sentence]
    for item in state.index.sentence_tokens(sentence):
        if is_speech_verb(item.token):
            found = speaker_of_verb(state, item.token)
            if found is not None:
                return found
    return None
