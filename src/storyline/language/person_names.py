"""People the entity model mislabels or misses, told by their names' shape.

The small English model tags "Ms Norton" and "Anne-Lucie Norton" organisations, leaves
"Heather" (a witness named by her first name) untagged, and glues the bracket tokens of
Penn-Treebank-escaped text ("-RRB- Sarah Palin") to names. A title of address or a
common first name says a name is a person's; brackets are punctuation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from storyline.language.first_names import FIRST_NAMES, first_name_of
from storyline.language.names import PERSON_LABEL

if TYPE_CHECKING:
    from spacy.tokens import Token

# Penn Treebank escapes of brackets, as some corpora print them.
BRACKETS = frozenset({"-LRB-", "-RRB-", "-LSB-", "-RSB-", "-LCB-", "-RCB-"})
# Titles of address that only go before a person's name.
ADDRESS_TITLES = frozenset({"mr", "mrs", "ms", "miss"})
# Lowercase role words that, right before two or three capitalised words, make them a
# person's name ("DEA spokeswoman Violet Szeleczky", tagged an organisation).
ROLE_TITLES = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "minister", "secretary", "president",
    "senator", "governor", "mayor", "judge", "ambassador", "chairman", "chairwoman",
    "professor", "detective", "inspector", "sheriff", "lawyer", "attorney", "prosecutor",
})
# Labels a person's name may wrongly get; a date or a number never is one.
NAME_LABELS = frozenset({"ORG", "GPE", "FAC", "NORP", "LOC"})
# Last words of names of things named after people ("George Washington University",
# "Marie Curie Cancer Care", "John Lewis Partnership").
THING_WORDS = frozenset({
    "university", "college", "school", "academy", "foundation", "hospital", "institute",
    "center", "centre", "trust", "fund", "street", "road", "avenue", "square", "bridge",
    "station", "airport", "park", "hall", "house", "church", "cathedral", "company", "group",
    "inc", "corp", "ltd", "llc", "award", "awards", "prize", "festival", "stadium", "arena",
    "theatre", "theater", "museum", "library", "island", "falls", "lake", "river", "county",
    "memorial", "society", "association", "council", "committee", "care", "appeal", "show",
    "tour", "partnership", "brothers", "bros", "and", "&", "co", "law", "act", "day",
})
# Dependency roles of a word used as a noun phrase's head.
_NOMINAL_ROLES = ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "attr", "poss")


def without_brackets(tokens: list[Token]) -> list[Token]:
    """The entity's tokens without bracket escapes at its ends, cut at one inside it.

    ("-RRB- -RRB- U.N." → "U.N."; "Vanessa Dutton -LRB- nee Morgan" → "Vanessa Dutton".)
    """
    while tokens and tokens[0].text in BRACKETS:
        tokens = tokens[1:]
    for index, token in enumerate(tokens):
        if token.text in BRACKETS:
            return tokens[:index]
    return tokens


def person_label(tokens: Sequence[Token], label: str) -> str:
    """PERSON for a name the model gave another label, when its shape says it is a person's.

    A title of address before capitalised words ("Ms Norton", or "Mr" just outside the
    entity: "Mr Fouda" tagged "Fouda"), a lowercase role word before two or three
    ("DEA spokeswoman Violet Szeleczky"), or two to four capitalised words opening with a
    common first name and not ending in a word for a thing named after someone
    ("Anne-Lucie Norton", not "John Lewis Partnership").
    """
    if label not in NAME_LABELS or not tokens:
        return label
    if _titled(tokens[0]) and len(tokens) <= 3 and all(t.text[:1].isupper() for t in tokens):
        return PERSON_LABEL
    if _after_role(tokens[0]) and 2 <= len(tokens) <= 3 and all(
            t.text[:1].isupper() and t.is_alpha for t in tokens):
        return PERSON_LABEL
    if not 2 <= len(tokens) <= 4:
        return label
    if not all(t.text[:1].isupper() for t in tokens[1:]):
        return label
    if tokens[0].lower_.rstrip(".") in ADDRESS_TITLES:
        return PERSON_LABEL
    if not tokens[0].text[:1].isupper() or tokens[-1].lower_ in THING_WORDS:
        return label
    first = first_name_of(" ".join(t.text for t in tokens))
    return PERSON_LABEL if first is not None and first in FIRST_NAMES else label


def _titled(token: Token) -> bool:
    """Whether the word right before a name is a title of address ("Mr", "Mrs.").

    Capitalised: "will miss England 's match" is a verb.
    """
    if token.i == 0:
        return False
    word = token.doc[token.i - 1].text.rstrip(".")
    return word[:1].isupper() and word.lower() in ADDRESS_TITLES


def _after_role(token: Token) -> bool:
    """Whether the word right before a name is a lowercase role ("spokeswoman")."""
    return token.i > 0 and token.doc[token.i - 1].text in ROLE_TITLES


def first_name_alone(token: Token) -> bool:
    """Whether an untagged token is a person named by a common first name alone ("Heather").

    A proper noun used as a noun phrase's head, capitalised, with no capitalised word
    right before or after it (not part of a longer name: "George Street").
    """
    if token.tag_ != "NNP" or token.dep_ not in _NOMINAL_ROLES or token.ent_type_:
        return False
    if token.lower_ not in FIRST_NAMES or not token.text[:1].isupper() or token.text.isupper():
        return False
    doc = token.doc
    for neighbour in (token.i - 1, token.i + 1):
        if 0 <= neighbour < len(doc) and doc[neighbour].text[:1].isupper() \
                and doc[neighbour].is_alpha and not doc[neighbour].is_sent_start:
            return False
    return True
