"""Quotes a heading sentence hands to someone's remarks: "Here are the remarks of X :".

Transcripts and speeches are often introduced with no speech verb: "Here are the
remarks of Vice President Omar Suleiman :", "This is the text of President Hosni
Mubarak 's address to his country :". The words after the colon are the owner's:
the person or organisation an utterance noun belongs to ("of X", "X 's").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.language.names import PERSON_LABEL
from storyline.language.quotes import QuoteSpan
from storyline.language.speaker_index import ArticleIndex
from storyline.language.speaker_words import noun_forms
from storyline.model import EntityMention

if TYPE_CHECKING:
    from spacy.tokens import Token

# Nouns for words someone spoke or wrote out in full.
UTTERANCE_NOUNS = frozenset({
    "remark", "text", "transcript", "speech", "address", "statement", "word", "comment",
    "message", "testimony", "excerpt",
})


def utterance_owner(index: ArticleIndex, span: QuoteSpan) -> EntityMention | None:
    """Whose remarks a heading ending in a colon right before the quote announces, if any."""
    before = index.tokens_between(max(0, span.outer_start - 3), span.outer_start)
    colon = next((t for t in reversed(before) if t.token.text == ":"), None)
    if colon is None:
        return None
    sentence = index.sentences[index.sentence_of(colon.start)]
    for item in index.tokens_between(sentence.start, colon.start):
        token = item.token
        if index.in_quote(item.start) or token.tag_ not in ("NN", "NNS") \
                or not noun_forms(token.lower_) & UTTERANCE_NOUNS:
            continue
        owner = _owner(index, token, 0)
        if owner is not None:
            return owner
    return None


def _owner(index: ArticleIndex, noun: Token, depth: int) -> EntityMention | None:
    """The person or organisation the noun belongs to: its possessor or its "of" object."""
    for child in noun.children:
        if child.dep_ == "poss":
            return _named(index, child)
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                if depth < 2 and noun_forms(obj.lower_) & UTTERANCE_NOUNS:
                    return _owner(index, obj, depth + 1)  # "the text of X 's address"
                return _named(index, obj)
    return None


def _named(index: ArticleIndex, token: Token) -> EntityMention | None:
    mention = index.mention_at(index.start_of(token))
    if mention is not None and mention.label in (PERSON_LABEL, "ORG"):
        return mention
    return None
