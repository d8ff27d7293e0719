"""Names behind role nouns and names the entity model missed or cut short.

"the brothers", "police" (a named entity titled so before), "the AFP news agency" (the
organisation compounded with the noun), "Team spokesman Tim Mead" tagged "Tim", "said
40-year-old Tsikala Stephania" tagged a facility. Everything here reads the article's
index only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.language.names import PERSON_LABEL
from storyline.language.nlp import has_syntax
from storyline.language.speaker_index import ArticleIndex
from storyline.language.speaker_pronouns import is_subject
from storyline.language.speaker_state import PRONOUN_LOOKBACK_SENTENCES
from storyline.language.speaker_words import (
    GENERIC_ORGANISATIONS,
    ORGANISATION_NOUNS,
    SPEAKER_LABELS,
    TITLE_WORDS,
    noun_forms,
)
from storyline.model import EntityMention

if TYPE_CHECKING:
    from spacy.tokens import Token


def unlabelled_name(index: ArticleIndex, head: Token) -> EntityMention | None:
    """A proper-noun subject of a speech verb the entity model missed or misread.

    ("…," said 40-year-old Tsikala Stephania: tagged a facility.) Taken as a person:
    what says things and has a proper name, with no organisation or place label, is.
    """
    if head.tag_ != "NNP" or head.ent_type_ in SPEAKER_LABELS or not has_syntax(head.doc):
        return None
    words = [t for t in head.lefts if t.dep_ == "compound" and t.tag_ == "NNP"] + [head]
    if any(t.ent_type_ in SPEAKER_LABELS for t in words):
        return None
    if all(t.lower_.rstrip(".") in TITLE_WORDS for t in words):
        return None  # "said Secretary", "said Troy police Lt.": a title, not a name
    start = index.start_of(words[0])
    end = index.start_of(head) + len(head.text)
    name = " ".join(t.text for t in words)
    return EntityMention(name, PERSON_LABEL, start, end, canonical=name)


def name_ending_at(index: ArticleIndex, head: Token) -> EntityMention | None:
    """A person's name the entity model cut short: "Team spokesman Tim Mead" tagged "Tim".

    The proper-noun head right after a person mention compounded to it ends the name.
    """
    for child in head.children:
        if child.dep_ != "compound" or child.i != head.i - 1:
            continue
        mention = index.mention_at(index.start_of(child))
        if mention is None or mention.label != PERSON_LABEL:
            return None
        name = mention.canonical or mention.text
        if not name.endswith(head.text):
            name = f"{mention.text} {head.text}"
        end = index.start_of(head) + len(head.text)
        return EntityMention(name, PERSON_LABEL, mention.start, end, canonical=name)
    return None


def named_owner(index: ArticleIndex, head: Token) -> EntityMention | None:
    """The organisation an organisation noun is named by ("the AFP news agency")."""
    if not noun_forms(head.lower_) & ORGANISATION_NOUNS:
        return None
    for child in head.children:
        if child.dep_ == "compound":
            mention = index.mention_at(index.start_of(child))
            if mention is not None and mention.label != PERSON_LABEL:
                return mention
    return None


def antecedent(index: ArticleIndex, head: Token) -> EntityMention | None:
    """The named entity a definite role noun refers back to ("the brothers", "police").

    The nearest earlier mention outside quotes that has the noun among its words
    ("Vancouver Police"), or that the same noun named as a title or apposition
    ("Michael's brothers Jermaine and Randy Jackson", "singer Susan Boyle",
    "Digicel, the telecoms firm").
    """
    position = index.start_of(head)
    best: EntityMention | None = None
    for form in noun_forms(head.lower_):
        for mention in index.mentions_with_word(form):
            if mention.end <= position and (best is None or mention.start > best.start):
                best = mention
        for item in index.tokens_with_word(form):
            if item.start >= position:
                break
            found = named_by(index, item.token)
            if found is not None and (best is None or found.start > best.start):
                best = found
    # A role is a person's or an organisation's, not a place's ("U.S. official").
    if best is not None and best.label in (PERSON_LABEL, "ORG"):
        return best
    return organisation_subject(index, head) if head.lower_ in GENERIC_ORGANISATIONS else None


def organisation_subject(index: ArticleIndex, head: Token) -> EntityMention | None:
    """The organisation "the company" stands for, a few sentences back.

    The last one a subject ("Earlier in the day, Twitter seemed unsure. “…,” the
    company tweeted."), else the only one named there at all ("Google executive X was
    released, the company said. “…,” the company tweeted."), an agent of a passive
    ("approved by the FDA") not counted; with two named and neither a subject, nobody.
    """
    position = index.start_of(head)
    first = index.sentence_of(position) - PRONOUN_LOOKBACK_SENTENCES
    named: dict[str, EntityMention] = {}
    for mention in reversed(index.mentions):
        if mention.start >= position or index.in_quote(mention.start):
            continue
        if index.sentence_of(mention.start) < first:
            break
        if mention.label == "ORG":
            if is_subject(index, mention):
                return mention
            if not _by_agent(index, mention):
                named.setdefault(mention.canonical or mention.text, mention)
    return next(iter(named.values())) if len(named) == 1 else None


def _by_agent(index: ArticleIndex, mention: EntityMention) -> bool:
    """Whether the mention is the agent of a passive ("approved by the FDA"): not the company."""
    tokens = index.tokens_between(mention.start, mention.end)
    last = tokens[-1].token if tokens else None
    return last is not None and last.dep_ == "pobj" and last.head.lower_ == "by"


def named_by(index: ArticleIndex, noun: Token) -> EntityMention | None:
    """The mention a noun is a title or apposition of, or that is its apposition."""
    related = [c for c in noun.children if c.dep_ == "appos"]
    if noun.dep_ in ("compound", "appos") and noun.head != noun:
        related.append(noun.head)
    for token in related:
        mention = index.mention_at(index.start_of(token))
        if mention is not None:
            return mention
    return None
