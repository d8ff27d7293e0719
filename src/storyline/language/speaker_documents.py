"""Documents as speakers: "the statement said", "the blog adds", "a letter read".

A document speaks for the owner the text gives it: in its own phrase ("the ministry's
statement", "its blog"), else, for a definite document, the issuer of the nearest
earlier mention of it ("Microsoft issued a statement", "X said in a statement").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# Imported as a module: noun phrases and documents call each other (see speaker_phrases).
from storyline.language import speaker_phrases as phrases
from storyline.language.names import PERSON_LABEL
from storyline.language.nlp import has_syntax
from storyline.language.speaker_pronouns import pronoun
from storyline.language.speaker_state import PRONOUN_LOOKBACK_SENTENCES, ResolverState
from storyline.language.speaker_words import (
    DOCUMENT_NOUNS,
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
    that gives one ("Microsoft issued a statement", "said in a statement", "on its
    blog", "the memo" as the subject of anything, read back in turn). A document
    nobody is said to own ("a family statement") has no speaker.
    """
    found, decided = owner_in_phrase(state, head)
    if decided or not is_definite(head):
        return found
    position = state.index.start_of(head)
    if position not in state.owners:
        state.owners[position] = None  # a mention read back once (the chain goes backwards)
        state.owners[position] = _earlier_owner(state, head, position)
    return state.owners[position]


def _earlier_owner(state: ResolverState, head: Token, position: int) -> EntityMention | None:
    """The owner the nearest earlier mention of a document noun gives, a few sentences back."""
    low = state.index.lookback_start(state.index.sentence_of(position), PRONOUN_LOOKBACK_SENTENCES)
    earlier = [item for form in noun_forms(head.lower_)
               for item in state.index.tokens_with_word(form) if low <= item.start < position]
    for item in sorted(earlier, key=lambda t: t.start, reverse=True):
        # The nearest mention that says whose it is ("the existence of the memo" does not).
        found = document_source(state, item.token)
        if found is not None:
            return found
    return None


def document_source(state: ResolverState, noun: Token) -> EntityMention | None:
    """Who issued a document mentioned earlier: its owner, its issuer or its speaker."""
    found, decided = owner_in_phrase(state, noun)
    if decided:
        return found
    if noun.dep_ == "dobj":  # "Microsoft issued a statement", "the account carried a tweet"
        subject = phrases.subject_token(state.index, noun.head)
        if subject is None or subject == noun:
            return None
        return phrases.phrase_speaker(state, subject) or owner_in_phrase(state, subject)[0]
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head != noun.head:
        verb = noun.head.head  # "X said in a statement", "X wrote on its blog"
        if is_speech_verb(verb):
            return phrases.speaker_of_verb(state, verb)
    if noun.dep_ in SUBJECTS:  # "the statement said" again, "the memo authorised"
        return document_owner(state, noun)
    return None


def owner_in_phrase(state: ResolverState, noun: Token) -> tuple[EntityMention | None, bool]:
    """The owner a noun phrase names, and whether it names one.

    "the ministry's statement", "a Defence Ministry release", "a statement from the
    White House", "a memo signed by General X", "its blog" (the subject of the clause:
    "on its blog, Microsoft says"), "his letter" (as "he").
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
        elif child.dep_ == "acl":
            found = _issuer_in_clause(state, child)
            if found is not None:
                return found, True
    return None, False


def _issuer_in_clause(state: ResolverState, verb: Token) -> EntityMention | None:
    """Who a clause on a document says issued it, a person or an organisation.

    "a memo signed by …", "a statement issued by …", "a statement purporting to be
    from X", "a letter attributed to X": the object of a "by"/"from" (or "to" after
    "attributed") on the clause's verb or the verbs it continues with ("purporting →
    be → from"); not one deeper in the clause ("issued after talks with delegates from
    X").
    """
    verbs = [verb]
    while len(verbs) < 4:
        following = next((c for c in verbs[-1].children if c.dep_ == "xcomp"), None)
        if following is None:
            break
        verbs.append(following)
    for head in verbs:
        for token in head.children:
            attributed = token.lower_ == "to" and head.lower_ == "attributed"
            if token.dep_ != "agent" and not (
                    token.dep_ == "prep" and (token.lower_ == "from" or attributed)):
                continue
            for obj in token.children:
                found = phrases.phrase_speaker(state, obj) if obj.dep_ == "pobj" else None
                if found is not None and found.label in (PERSON_LABEL, "ORG"):
                    return found
    return None


def clause_subject(state: ResolverState, noun: Token) -> EntityMention | None:
    """The named subject of the sentence a noun is in ("on its blog, Microsoft says")."""
    if not has_syntax(noun.doc):
        return None  # parsed for entities only: no tree to read
    root = noun.sent.root
    subject = phrases.subject_token(state.index, root)
    if subject is None or subject in noun.subtree:
        return None
    return phrases.phrase_speaker(state, subject)


def document_it(state: ResolverState, head: Token) -> EntityMention | None:
    """The owner of the document an "it" subject stands for ("The memo … It stated …").

    The subject of the nearest earlier sentence's main verb (skipping other "it"s, a
    few sentences back), when that is a document.
    """
    sentence = state.index.sentence_of(state.index.start_of(head))
    for earlier in range(sentence - 1, max(-1, sentence - 1 - PRONOUN_LOOKBACK_SENTENCES), -1):
        root = next((t.token for t in state.index.sentence_tokens(earlier)
                     if t.token.dep_ == "ROOT"), None)
        subject = next((c for c in root.children if c.dep_ in SUBJECTS), None) \
            if root is not None else None
        if subject is None or subject.lower_ == "it":
            continue
        if subject.tag_ in ("NN", "NNS") and noun_forms(subject.lower_) & DOCUMENT_NOUNS:
            return document_owner(state, subject)
        return None
    return None
