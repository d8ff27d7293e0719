"""What an article says of a person's gender, for resolving "he"/"she" to them.

Evidence, strongest first: a title before a mention ("Mr", "Mrs"), a gendered noun
the name is in apposition or compounded with ("her father, George", "actress Julia
Roberts", "Emilia Casella, a spokeswoman"), a common first name ("Mark Roesler"), the
first "he" or "she" after a mention in its sentence. A pronoun after a name is weak
evidence ("Mark Roesler said she never recovered"): it weighs least.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.language.first_names import FIRST_NAMES, first_name_gender
from storyline.language.names import PERSON_LABEL
from storyline.language.nlp import has_syntax
from storyline.language.speaker_index import ArticleIndex
from storyline.language.speaker_state import ResolverState
from storyline.language.speaker_words import GENDER_TITLES
from storyline.model import EntityMention

if TYPE_CHECKING:
    from spacy.tokens import Token

# Nouns that say a person's gender when a name is in apposition to or compounded with
# one. Roles held by both ("director", "spokesperson") are not here, nor "spokesman" and
# "chairman", often written of women ("UN spokesman Elisabeth Byrs").
GENDERED_NOUNS = {
    **dict.fromkeys((
        "man", "boy", "father", "dad", "son", "brother", "husband", "boyfriend", "uncle",
        "nephew", "grandfather", "grandson", "stepfather", "stepson", "king", "prince",
        "actor", "congressman", "businessman", "policeman", "fireman", "sportsman",
        "gentleman", "widower", "monk", "duke",
        "emperor", "groom", "schoolboy", "cameraman", "frontman", "fisherman", "assemblyman",
        "father-in-law", "son-in-law", "brother-in-law", "fiance", "lord",
        "sir", "sultan", "sheikh", "pope", "cardinal",
    ), "male"),
    **dict.fromkeys((
        "woman", "girl", "mother", "mum", "mom", "daughter", "sister", "wife", "girlfriend",
        "aunt", "niece", "grandmother", "granddaughter", "stepmother", "stepdaughter",
        "queen", "princess", "actress", "spokeswoman", "chairwoman", "congresswoman",
        "businesswoman", "policewoman", "sportswoman", "councilwoman", "lady", "widow",
        "nun", "duchess", "empress", "bride", "schoolgirl", "heiress", "waitress",
        "hostess", "baroness", "countess", "housewife", "mother-in-law", "daughter-in-law",
        "sister-in-law", "fiancee", "grandma", "granny", "dame", "madam", "madame",
    ), "female"),
}
PRONOUNS = {"he": "male", "him": "male", "his": "male", "himself": "male",
            "she": "female", "her": "female", "hers": "female", "herself": "female"}
# How much each kind of evidence weighs: a title or a noun is said of this person; a
# first name is right nearly always, when it is a first name; a pronoun after a name
# may be about someone else ("Roesler said she never recovered").
WEIGHTS = {"title": 3.0, "noun": 3.0, "first name": 2.5, "pronoun": 1.0}


def fits(state: ResolverState, mention: EntityMention, gender: str | None) -> bool:
    """Whether nothing in the article marks the person as of the other gender."""
    if gender is None:
        return True
    found = gender_of(state, mention)
    return found is None or found == gender


def gender_of(state: ResolverState, mention: EntityMention) -> str | None:
    """What the article says of a person's gender, if it says one thing (see the module doc).

    Each piece of evidence weighs (:data:`WEIGHTS`); a gender is known when its weight is
    over twice the other's: one slip ("UN spokesman Elisabeth Byrs" beside four "Ms
    Byrs") or a name glued to a photo credit ("Photograph : Sarah Lee Carne Ross", then
    "he" after "Ross" again and again) does not decide.
    """
    name = mention.canonical or mention.text
    if name not in state.genders:
        weights = {"male": 0.0, "female": 0.0}
        for other in state.index.mentions:
            if other.label == PERSON_LABEL and (other.canonical or other.text) == name \
                    and not state.index.in_quote(other.start):
                for kind, gender in _mention_evidence(state.index, other):
                    weights[gender] += WEIGHTS[kind]
        # A one-word name in the list is mostly a person named by a first name alone
        # ("Heather", "Samantha"): the article gives no fuller name containing it.
        first = first_name_gender(name) or (FIRST_NAMES.get(name.lower()) if " " not in name
                                            else None)
        if first is not None:
            weights[first] += WEIGHTS["first name"]
        male, female = weights["male"], weights["female"]
        state.genders[name] = "male" if male > 2 * female else (
            "female" if female > 2 * male else None)
    return state.genders[name]


def _mention_evidence(index: ArticleIndex, mention: EntityMention) -> list[tuple[str, str]]:
    """A mention's evidence: (kind of evidence, gender) for a title, a noun, a pronoun after it."""
    evidence: list[tuple[str, str]] = []
    before = index.tokens_between(max(0, mention.start - 6), mention.start)
    if before and before[-1].token.lower_.rstrip(".") in GENDER_TITLES:
        evidence.append(("title", GENDER_TITLES[before[-1].token.lower_.rstrip(".")]))
    tokens = index.tokens_between(mention.start, mention.end)
    if tokens:
        noun = _gendered_noun(tokens[-1].token)
        if noun is not None:
            evidence.append(("noun", noun))
    sentence = index.sentences[index.sentence_of(mention.start)]
    for item in index.tokens_between(mention.end, sentence.end):
        if index.in_quote(item.start):
            continue
        other = index.mention_at(item.start)
        if other is not None and other.label == PERSON_LABEL:
            break
        if item.token.lower_ in PRONOUNS:
            evidence.append(("pronoun", PRONOUNS[item.token.lower_]))
            break
    return evidence


def _gendered_noun(token: Token) -> str | None:
    """The gender of a noun the name (given by its last token) is in apposition with.

    "her father, George" (the name hangs on the noun), "George, her father" (the noun
    hangs on the name), "actress Julia Roberts" (the noun compounded before the name).
    """
    if not has_syntax(token.doc):
        return None  # parsed for entities only: no tree to read
    nouns = [c for c in token.children if c.dep_ == "appos"]
    nouns += [c for c in token.lefts if c.dep_ == "compound" and c.tag_ in ("NN", "NNS")]
    if token.dep_ == "appos":
        nouns.append(token.head)
    for noun in nouns:
        if noun.tag_ in ("NN", "NNS") and noun.lower_ in GENDERED_NOUNS:
            return GENDERED_NOUNS[noun.lower_]
    return None
