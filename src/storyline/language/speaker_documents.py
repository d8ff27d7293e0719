"""Documents as speakers: "the statement said", "the blog adds", "a letter read".

A document speaks for the owner the text gives it: in its own phrase ("the ministry's
statement", "its blog"), else, for a definite document, the issuer of the nearest
earlier mention of it ("Microsoft issued a statement", "X said in a statement").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# Imported as a module: noun phrases and documents call each other (see speaker_phrases).
from storyline.language import speaker_phrases as phrases
from storyline.language.speaker_pronouns import pronoun
from storyline.language.speaker_state import PRONOUN_LOOKBACK_SENTENCES, ResolverState
from storyline.language.speaker_words import (
    PLATFORMS,
    SUBJECTS,
    is_definite,
    is_speech_verb,
    noun_forms,
)
from storyline.model import EntityMention

if TYPE_CHECKING:
    from spacy.tokens import Token


def document_owner(state: ResolverState, head: Token) -> EntityMention | None:
    """Whose words a document carries: "the statement said", "the blog adds".

    The owner its phrase names ("the ministry's statement", "a Defence Ministry
    release", "its blog": the clause's subject); for a definite document without
    one, the owner of the nearest earlier mention of the noun a few sentences back
    ("Microsoft issued a statement", "said in a statement", "on its blog"). A
    document nobody is said to own ("a family statement") has no speaker.
    """
    found, decided = owner_in_phrase(state, head)
    if decided or not is_definite(head):
        return found
    position = state.index.start_of(head)
    first = state.index.sentence_of(position) - PRONOUN_LOOKBACK_SENTENCES
    low = state.index.sentence_starts[first] if first > 0 else -1
    earlier = [item for form in noun_forms(head.lower_)
               for item in state.index.tokens_with_word(form) if low <= item.start < position]
    if not earlier:
        return None
    return document_source(state, max(earlier, key=lambda t: t.start).token)


def document_source(state: ResolverState, noun: Token) -> EntityMention | None:
    """Who issued a document mentioned earlier: its owner, its issuer or its speaker."""
    found, decided = owner_in_phrase(state, noun)
    if decided:
        return found
    if noun.dep_ == "dobj":  # "Microsoft issued a statement", "the account carried a tweet"
        subject = phrases.subject_token(state.index, noun.head)
        if subject is None or subject is noun:
            return None
        return phrases.phrase_speaker(state, subject) or owner_in_phrase(state, subject)[0]
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head is not noun.head:
        verb = noun.head.head  # "X said in a statement", "X wrote on its blog"
        if is_speech_verb(verb):
            return phrases.speaker_of_verb(state, verb)
    if noun.dep_ in SUBJECTS and is_speech_verb(noun.head):  # "the statement said" again
        return document_owner(state, noun)
    return None


def owner_in_phrase(state: ResolverState, noun: Token) -> tuple[EntityMention | None, bool]:
    """The owner a noun phrase names, and whether it names one.

    "the ministry's statement", "a Defence Ministry release", "a statement from the
    White House", "its blog" (the subject of the clause: "on its blog, Microsoft
    says"), "his letter" (as "he").
    """
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "nmod", "amod"):
            if child.tag_ == "PRP$":
                if child.lower_ in ("its", "their"):
                    return clause_subject(state, noun), True
                if child.lower_ in ("his", "her"):
                    gender = "male" if child.lower_ == "his" else "female"
                    return pronoun(state, state.index.start_of(child), gender), True
                return None, True
            if child.lower_ in PLATFORMS:
                continue  # "another Twitter post": the medium, not the author
            mention = state.index.mention_at(state.index.start_of(child))
            if mention is not None:
                return mention, True
            if child.dep_ == "poss" or child.tag_ in ("NNS", "NNP", "NNPS") \
                    or child.lower_ == "police":
                found = phrases.phrase_speaker(state, child)
                if found is not None or child.dep_ == "poss":
                    return found, True
        elif child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found = phrases.phrase_speaker(state, obj)
                    if found is not None:
                        return found, True
    return None, False


def clause_subject(state: ResolverState, noun: Token) -> EntityMention | None:
    """The named subject of the sentence a noun is in ("on its blog, Microsoft says")."""
    root = noun.sent.root
    subject = phrases.subject_token(state.index, root)
    if subject is None or subject is noun or subject in noun.subtree:
        return None
    return phrases.phrase_speaker(state, subject)
