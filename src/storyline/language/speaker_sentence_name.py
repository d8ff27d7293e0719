"""A "he"/"she" attribution that repeats the sentence's own named speaker.

News copy sometimes attributes one quote twice: "Justin Houston-Roberts, who also
represents soldiers, said: “…,” he said." The nearest speech verb's subject is the
pronoun, which the look-back of :mod:`~storyline.language.speaker_pronouns` may send
to someone named sentences before; the name that opens the very same sentence is who
"he" stands for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.language.names import PERSON_LABEL
from storyline.language.quotes import QuoteSpan
from storyline.language.speaker_gender import PRONOUNS, fits
from storyline.language.speaker_phrases import phrase_speaker, spoken_to, subject_token
from storyline.language.speaker_state import ResolverState
from storyline.language.speaker_words import PLAIN_SPEECH
from storyline.model import EntityMention

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs that only attribute words: a named subject of one of them speaks the quote.
# "add" is plain too ("X added: “…,” he said"); "claim", "warn", "insist" carry a
# report of their own more often than they frame the quote.
_PLAIN = PLAIN_SPEECH | frozenset({"add", "adds", "added", "adding"})


def named_in_sentence(state: ResolverState, span: QuoteSpan, verb: Token,
                      verbs: list[Token]) -> EntityMention | None:
    """The person named as the sentence's speaker when ``verb``'s subject is he/she.

    ``verb`` is the speech verb nearest the quote; ``verbs`` the other speech verbs of
    the quote's sentences. An earlier one in the same sentence, before the quote,
    outside quotes, of the main clause (not reported: "Moussa told TV that he …"),
    in :data:`_PLAIN` (or any verb of a clause ending in a colon right before the
    quote: "Chris has visited Haiti before : “…,” he said"), whose subject is a named
    person mention (not a description: "the 82-year-old former air force general
    told") of the pronoun's gender.
    """
    pronoun = subject_token(state.index, verb)
    if pronoun is None or pronoun.lower_ not in ("he", "she"):
        return None
    index = state.index
    sentence = index.sentence_of(index.start_of(verb))
    colon = _colon_clause_verb(state, span, verb)
    for other in ([colon] if colon is not None else []) + verbs:
        start = index.start_of(other)
        if other == verb or start >= span.outer_start or index.in_quote(start) \
                or index.sentence_of(start) != sentence \
                or (other.lower_ not in _PLAIN and other != colon) \
                or _reported(other, verb) or spoken_to(other):
            continue  # "X were told …, he said": X heard, not said
        subject = subject_token(index, other)
        if subject is None or subject.tag_ == "PRP":
            continue
        mention = index.mention_at(index.start_of(subject))
        # A description resolves elsewhere (or to nobody): only a name the parse
        # tagged, read as itself, is taken.
        if mention is None or mention.label != PERSON_LABEL \
                or phrase_speaker(state, subject) != mention:
            continue
        if fits(state, mention, PRONOUNS[pronoun.lower_]):
            return mention
    return None


def _colon_clause_verb(state: ResolverState, span: QuoteSpan, verb: Token) -> Token | None:
    """The verb of a clause that ends in a colon right before the quote, if ``verb`` is after it.

    ("Chris has visited Haiti before : “…,” he said": the clause introduces the quote,
    its subject is whom "he" repeats.)
    """
    index = state.index
    before = index.tokens_between(max(0, span.outer_start - 3), span.outer_start)
    colon = next((t.token for t in reversed(before) if t.token.text == ":"), None)
    if colon is None or index.start_of(verb) < span.outer_end:
        return None
    head = colon.head
    return head if head.tag_.startswith("VB") and head.i < colon.i else None


def _reported(other: Token, verb: Token) -> bool:
    """Whether ``other`` is in a clause someone reports ("X claims Y told him …").

    A clause hanging from ``verb`` itself is not reported: the parse reads "X said :
    “…,” he said" as "he said" of "X said".
    """
    return any(t.dep_ == "ccomp" and t.head != verb for t in (other, *other.ancestors))
