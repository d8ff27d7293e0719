"""The name a phrase around a speech verb gives, read from the parse and the mentions.

No resolver state: the words before or after a verb the parse left without a subject,
a name after an abbreviated title, a name set off by a comma or hanging from "of X",
joint names, the one leading a body, a source's owner. :mod:`speaker_phrases` decides
which of them a verb or noun phrase takes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from storyline.language.names import PERSON_LABEL
from storyline.language.speaker_index import ArticleIndex
from storyline.language.speaker_roles import unlabelled_name
from storyline.language.speaker_words import PERSON_ROLE_NOUNS, before_slash
from storyline.model import EntityMention

if TYPE_CHECKING:
    from spacy.tokens import Token

# Words of a noun phrase naming someone after an inverted speech verb ("said the firm's
# chief executive, John Smith").
NAME_PHRASE_TAGS = frozenset({"NNP", "NNPS", "NN", "NNS", "JJ", "DT", "CD", "HYPH", "POS",
                              "PRP$"})
# Speech verbs whose object is the one spoken to ("told the BBC").
ADDRESSED_VERBS = frozenset({"tell", "tells", "told", "telling", "ask", "asks", "asked",
                             "asking", "urge", "urges", "urged", "urging", "warn", "warns",
                             "warned", "warning", "answer", "answers", "answered"})
# Abbreviated titles and ranks written before a name ("Lt. Gerry Scherlinck").
TITLE_ABBREVIATIONS = frozenset({
    "lt", "lieut", "sgt", "capt", "cpt", "col", "gen", "maj", "cpl", "pvt", "adm", "cmdr",
    "det", "insp", "supt", "const", "dr", "mr", "mrs", "ms", "prof", "gov", "sen", "rep",
    "rev", "atty", "dist", "asst", "dep",
})
# Participles naming who runs a body ("an inquiry led by X", "a panel chaired by Y").
LEADING_VERBS = frozenset({"led", "headed", "chaired", "conducted", "commissioned", "run"})


def first_name(index: ArticleIndex, words: Sequence[Token]) -> EntityMention | None:
    """The first person or organisation named in the words, outside prepositions.

    "His message to Obama :" names whom the words are about, not who said them.
    """
    for token in words:
        if token.dep_ == "pobj" or any(a.dep_ == "prep" for a in token.ancestors
                                       if a in words):
            continue
        mention = index.mention_at(index.start_of(token))
        if mention is not None and mention.label in (PERSON_LABEL, "ORG"):
            return mention
    return None


def name_before(index: ArticleIndex, verb: Token) -> EntityMention | None:
    """A verb the parse left without a subject: the name opening its clause.

    ("Chris Hunt, head of organisers Global Events Live, said: “…”", misparsed.) The
    first name between the sentence start and the verb, a person's, with no verb in
    between and not inside a prepositional phrase.
    """
    position = index.start_of(verb)
    sentence = index.sentences[index.sentence_of(position)]
    words = [t.token for t in index.tokens_between(sentence.start, position)
             if not index.in_quote(t.start)]
    if any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in words):
        return None
    mention = first_name(index, words)
    return mention if mention is not None and mention.label == PERSON_LABEL else None


def name_closing_before(index: ArticleIndex, verb: Token) -> EntityMention | None:
    """A verb the parse left without a subject: the person whose phrase ends right before it.

    ("In an interview with the BBC Mr Annan , who is in London , said : “…”", the name
    parsed as the object of "with" and its relative clause hiding it from
    :func:`name_before`.) The words before the verb, punctuation aside, close the
    phrase of a person's name (the name itself, or a relative clause or apposition
    hanging from it).
    """
    doc = verb.doc
    last = verb.i - 1
    while last >= 0 and doc[last].is_punct:
        last -= 1
    if last < 0:
        return None
    for token in (doc[last], *doc[last].ancestors):
        if token.i >= verb.i:
            return None
        position = index.start_of(token)
        mention = index.mention_at(position)
        if mention is not None and not index.in_quote(position):
            if mention.label == PERSON_LABEL and max(t.i for t in token.subtree) >= last:
                return mention
            if token.i != last:
                return None  # the phrase ending before the verb is another name's
    return None


def name_after(index: ArticleIndex, verb: Token) -> EntityMention | None:
    """A verb the parse left without a subject: the name right after it.

    ("…," said Ron Howard, the former actor …", "insisted team spokesman Tim Mead",
    misparsed.) The first person named within a few words of a noun phrase after the
    verb (an organisation if no person follows: "said ABC Entertainment Group prexy
    Paul Lee" is Lee); not whom it is told to ("tells the BBC"), nor an owner ("said
    Ms. Davis's sister").
    """
    if verb.lower_ in ADDRESSED_VERBS:
        return None
    doc = verb.doc
    found: EntityMention | None = None
    for token in doc[verb.i + 1 : min(len(doc), verb.i + 8)]:
        position = index.start_of(token)
        if index.in_quote(position) or token.tag_ not in NAME_PHRASE_TAGS \
                or token.dep_ == "mark":
            break
        mention = index.mention_at(position)
        if mention is None or token.dep_ == "poss" \
                or mention.label not in (PERSON_LABEL, "ORG"):
            continue
        if mention.label == PERSON_LABEL:
            return before_slash(mention)
        found = found or mention
    return found


def name_after_title(index: ArticleIndex, head: Token) -> EntityMention | None:
    """The person named right after an abbreviated title the parse took for the subject.

    ("…," said Troy police Lt. Gerry Scherlinck": the parse makes "Lt" the subject and
    the name, after the abbreviation's full stop, a fragment of its own.)
    """
    if head.lower_.rstrip(".") not in TITLE_ABBREVIATIONS:
        return None
    doc = head.doc
    following = head.i + 1
    # Past the full stop and further abbreviations ("Dist. Atty. Steve Cooley").
    while following < len(doc) and following <= head.i + 4 and (
            doc[following].text == "."
            or doc[following].lower_.rstrip(".") in TITLE_ABBREVIATIONS):
        following += 1
    if following >= len(doc):
        return None
    mention = index.mention_at(index.start_of(doc[following]))
    return mention if mention is not None and mention.label == PERSON_LABEL else None


def led_by(index: ArticleIndex, head: Token) -> EntityMention | None:
    """Who leads a body the noun names: "an investigation led by Paul Volcker".

    The "by" agent of a participle of leading ("a panel chaired by X"), a person or an
    organisation: the body's words are theirs.
    """
    if head.tag_ not in ("NN", "NNS"):
        return None
    for verb in head.children:
        if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.lower_ not in LEADING_VERBS:
            continue
        for agent in verb.children:
            if agent.dep_ != "agent":
                continue
            for obj in agent.children:
                mention = index.mention_at(index.start_of(obj)) if obj.dep_ == "pobj" else None
                if mention is not None and mention.label in (PERSON_LABEL, "ORG"):
                    return mention
    return None


def loose_apposition(index: ArticleIndex, head: Token) -> EntityMention | None:
    """A name set off by a comma after the phrase, that the parse did not hang on it.

    ("according to the official Palestinian news agency , Wafa .": "Wafa" parsed as an
    adverbial of the verb.) The phrase is followed by a comma and a person's or
    organisation's name that ends the clause (punctuation or the sentence's end after it).
    """
    doc = head.doc
    after = max(t.i for t in head.subtree) + 1
    if after + 1 >= len(doc) or doc[after].text != "," or doc[after + 1].head.i == head.i:
        return None
    position = index.start_of(doc[after + 1])
    mention = index.mention_at(position)
    if mention is None or mention.label not in (PERSON_LABEL, "ORG") or index.in_quote(position):
        return None
    last = after + 1
    while last + 1 < len(doc) and index.start_of(doc[last + 1]) < mention.end:
        last += 1
    return mention if last + 1 >= len(doc) or doc[last + 1].is_punct else None


def joint_names(index: ArticleIndex, first: Token) -> EntityMention | None:
    """Joint names in apposition, the first of them missed by the entity model.

    ("their brothers Marlon, Tito and Jackie") The first, a proper noun taken as a
    person, else the first person named.
    """
    found = unlabelled_name(index, first)
    if found is not None:
        return found
    for token in first.conjuncts:
        mention = index.mention_at(index.start_of(token))
        if mention is not None and mention.label == PERSON_LABEL:
            return mention
    return None


def apposition_after_of(index: ArticleIndex, head: Token) -> EntityMention | None:
    """The person an apposition ending the phrase names: "The chief executive of X, Name,".

    The parse hangs the name on X, the object of "of"/"for"/"at"; when X is an
    organisation or place (not a person's role: "the mother of the victim, Jane"), the
    name is the phrase's head's.
    """
    last = max(t.i for t in head.subtree)
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "for", "at"):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.lower_ in PERSON_ROLE_NOUNS:
                continue
            owner = index.mention_at(index.start_of(obj))
            if owner is not None and owner.label == PERSON_LABEL:
                continue
            for child in obj.children:
                if child.dep_ != "appos" or max(t.i for t in child.subtree) < last - 1:
                    continue
                mention = index.mention_at(index.start_of(child))
                if mention is None:
                    mention = next((index.mention_at(index.start_of(t)) for t in child.lefts
                                    if t.dep_ == "compound"), None)
                if mention is not None and mention.label == PERSON_LABEL:
                    return mention
    return None


def owner_speaker(index: ArticleIndex, head: Token) -> EntityMention | None:
    """The named owner of a source: "according to an MWEB update", "the ministry's report"."""
    for child in head.children:
        if child.dep_ in ("compound", "poss", "nmod"):
            mention = index.mention_at(index.start_of(child))
            if mention is not None:
                return mention
    return None
