"""Unnamed people as antecedents of "he"/"she": a description with no name is no speaker.

"Saddam is to go on trial, Iraq's government spokesman confirmed. “…,” he said": the
"he" is the spokesman, whom the article does not name, not Saddam. A description
("a spokesman", "one man", "his lawyer", "a senior official") that is a main clause's
subject after the person a pronoun would otherwise stand for takes the pronoun, so
the quote gets no speaker rather than a wrong one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.language.names import PERSON_LABEL
from storyline.language.nlp import has_syntax
from storyline.language.speaker_gender import GENDERED_NOUNS
from storyline.language.speaker_state import ResolverState
from storyline.language.speaker_words import (
    ANONYMOUS_SOURCES,
    PERSON_ROLE_NOUNS,
    SUBJECTS,
    is_reported,
)
from storyline.model import EntityMention

if TYPE_CHECKING:
    from spacy.tokens import Token

# Nouns for a person. Only an anonymous source is unnamed whatever its determiner ("the
# spokesman", "Iraq's government spokesman"); other nouns only with an indefinite one ("a
# man", "one survivor"): "the singer", "his mother", "the former diplomat" mostly stand
# for someone named before, or for someone else than the quote's speaker.
PERSON_NOUNS = ANONYMOUS_SOURCES | PERSON_ROLE_NOUNS | frozenset(GENDERED_NOUNS) | {
    "survivor", "witness", "bystander", "passer-by", "employee", "worker", "protester",
    "demonstrator", "soldier", "officer", "policeman", "student", "neighbour", "neighbor",
}
_ALWAYS_UNNAMED = frozenset({"source", "spokesman", "spokeswoman", "spokesperson", "official",
                             "insider", "aide"})
_INDEFINITE = frozenset({"a", "an", "one", "another"})
# Object pronouns: "An official looked at her and said …" is still about her.
_OBJECT_PRONOUNS = {"him": "male", "her": "female"}


def described_after(state: ResolverState, candidate: EntityMention, sentence: int,
                    candidate_main: bool, gender: str | None,
                    candidate_end: int | None = None) -> bool:
    """Whether an unnamed person is a main subject between the candidate and the pronoun.

    Sentences after the candidate's (``candidate_end``: a quote's end, for its
    speaker) and before the pronoun's ``sentence``; the candidate's own sentence too
    when the candidate is not its main subject (``candidate_main``) and is no quote's
    speaker ("Saddam is to go on trial, the spokesman confirmed").
    """
    index = state.index
    own = index.sentence_of(candidate.start if candidate_end is None else candidate_end)
    low = own if not candidate_main and candidate_end is None else own + 1
    return any(_has_description(state, s, gender) for s in range(low, sentence))


def _has_description(state: ResolverState, sentence: int, gender: str | None) -> bool:
    """Whether a main clause's subject in the sentence is an unnamed person of the gender.

    Not when "him"/"her" of the gender is an object outside reported clauses, nor when
    the main verb has a second subject with a person's name: the person the pronoun
    stands for is still in play ("An official looked at her and said …"; "A smart
    young woman …, Nicole's outlook is upbeat").
    """
    for item in state.index.sentence_tokens(sentence):
        token = item.token
        if token.dep_ not in SUBJECTS or not _main_verb(token.head) \
                or not unnamed_person(state, token):
            continue
        found = GENDERED_NOUNS.get(token.lower_)
        if gender is not None and found is not None and found != gender:
            continue
        if not _still_about_other(state, token.head, token, gender):
            return True
    return False


def _still_about_other(state: ResolverState, verb: Token, subject: Token,
                       gender: str | None) -> bool:
    """Whether the sentence is still about someone else than its unnamed subject.

    "him"/"her" of the gender is an object outside reported clauses, or the verb has
    another subject with a person's name.
    """
    sentence = state.index.sentence_of(state.index.start_of(verb))
    for item in state.index.sentence_tokens(sentence):
        word = item.token
        if gender is not None and word.dep_ in _OBJECTS \
                and _OBJECT_PRONOUNS.get(word.lower_) == gender and not is_reported(word.head):
            return True
    return any(c.dep_ in SUBJECTS and c != subject and _names_someone(state, c)
               for c in verb.children)


_OBJECTS = ("dobj", "pobj", "dative", "iobj")


def _main_verb(verb: Token) -> bool:
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def _names_someone(state: ResolverState, noun: Token) -> bool:
    """Whether a person's name is in the noun's phrase."""
    index = state.index
    if not has_syntax(noun.doc):
        return False  # parsed for entities only: no tree to read
    for token in noun.subtree:
        mention = index.mention_at(index.start_of(token))
        if mention is not None and mention.label == PERSON_LABEL:
            return True
    return False


def unnamed_person(state: ResolverState, noun: Token) -> bool:
    """Whether a noun is a person the article leaves unnamed there ("a spokesman").

    A singular common noun for a person with no name in its phrase ("spokesman Tim
    Mead", "a man called Abu Rabe'e", "a spokeswoman for the WFP, Emilia Casella"): an
    anonymous source, or another person noun with "a", "one" or "another".
    """
    if noun.tag_ != "NN" or noun.lower_ not in PERSON_NOUNS:
        return False
    if _names_someone(state, noun):
        return False
    if noun.lower_ in _ALWAYS_UNNAMED:
        return True
    return any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in noun.children) \
        or any(c.dep_ == "nummod" and c.lower_ == "one" for c in noun.children)
