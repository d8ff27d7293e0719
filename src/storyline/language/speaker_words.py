"""Words and token tests for finding speakers: speech verbs, role and organisation nouns.

Everything here reads one token or one string; the speaker search is in ``speakers`` and the
other ``speaker_*`` modules.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from storyline.language.names import contains_words
from storyline.language.quotes import QuoteSpan
from storyline.language.sentences import NAME_TITLES
from storyline.model import EntityMention

if TYPE_CHECKING:
    from spacy.tokens import Token

SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
SUBJECTS = ("nsubj", "nsubjpass")


def _verb_forms() -> frozenset[str]:
    regular = (
        "add", "state", "announce", "explain", "note", "insist", "ask", "argue", "claim",
        "declare", "warn", "reply", "respond", "continue", "recall", "suggest", "acknowledge",
        "comment", "remark", "stress", "emphasise", "emphasize", "urge", "report", "conclude",
        "promise", "vow", "pledge", "predict", "complain", "observe", "agree", "answer",
        "confirm", "deny", "tweet", "post", "testify", "concede", "caution", "assert",
        "maintain", "contend", "mention", "joke", "shout", "whisper", "plead", "demand",
        "boast", "recount", "reiterate", "underline", "underscore", "counter", "lament",
        "exclaim", "murmur", "scoff", "point", "cry", "quip", "admit", "text", "email",
        "message", "reveal", "disclose",
    )
    forms: set[str] = {"say", "says", "said", "saying", "tell", "tells", "told", "telling",
                       "write", "writes", "wrote", "written", "writing", "speak", "spoke",
                       "cry", "cries", "cried", "quipped", "admitted", "admitting"}
    for verb in regular:
        stem = verb[:-1] if verb.endswith("e") else verb
        past = verb[:-1] + "ied" if verb.endswith("y") and verb[-2] not in "aeiou" else stem + "ed"
        third = verb[:-1] + "ies" if verb.endswith("y") and verb[-2] not in "aeiou" else (
            verb + "es" if verb.endswith(("s", "sh", "ch")) else verb + "s")
        forms.update({verb, third, past, stem + "ing"})
    return frozenset(forms)


SPEECH_VERBS = _verb_forms()
TITLE_WORDS = NAME_TITLES | {
    "secretary", "president", "minister", "chief", "director", "spokesman", "spokeswoman",
    "officer", "judge", "governor", "mayor", "senator", "general", "commander", "inspector",
    "constable", "sheriff", "undersheriff", "detective", "prosecutor", "chairman",
}
# Nouns that name an organisation, so that a name compounded with one is the speaker
# ("the AFP news agency said"); a person's role noun is not ("a Coca-Cola spokesman").
ORGANISATION_NOUNS = frozenset({
    "agency", "company", "firm", "group", "ministry", "department", "police", "newspaper",
    "paper", "network", "channel", "broadcaster", "station", "website", "site", "blog",
    "magazine", "council", "government", "army", "military", "office", "service", "bank",
    "union", "party", "organisation", "organization", "committee", "commission", "board",
    "court", "team", "club", "studio", "campaign", "foundation", "charity", "institute",
    "association", "authority", "embassy", "administration", "daily", "tabloid", "outlet",
})
# Organisation nouns that stand for the organisation last in the news ("the company
# tweeted"), not for a body of their own ("the government", "police").
GENERIC_ORGANISATIONS = frozenset({"company", "firm", "group", "organisation", "organization",
                                   "charity", "network", "website", "site", "broadcaster"})
# Documents and posts that carry words ("the statement said", "the blog adds", "a letter
# read"): their speaker is the owner the text gives them, never the document itself.
DOCUMENT_NOUNS = frozenset({
    "statement", "report", "blog", "letter", "post", "posting", "tweet", "website", "release",
    "memo", "email", "e-mail", "message", "document", "study", "complaint", "filing",
    "affidavit", "indictment", "communique", "announcement", "bulletin", "notice", "update",
    "editorial", "column", "article", "page", "account", "note", "transcript", "ruling",
    "motion", "lawsuit", "suit", "petition", "survey",
})
# Works named like people ("the film Ted", "the album Thriller"): a person tagged so is none.
WORK_NOUNS = frozenset({"film", "movie", "book", "novel", "album", "song", "single", "show",
                        "programme", "program", "series", "play", "documentary", "musical"})
# Services that carry other people's posts: a "Twitter post" is not Twitter's words.
PLATFORMS = frozenset({"twitter", "facebook", "youtube", "instagram", "myspace", "tumblr",
                       "linkedin", "weibo", "blogger", "wordpress", "tiktok", "snapchat"})
# Verbs that carry a document's words ("a letter read"), or its reader's ("she read a
# statement"): speech with a document for subject or object.
DOCUMENT_VERBS = frozenset({"read", "reads"})
# Verbs that give a name or a description in someone's words ("what Obama called “…”").
NAMING_VERBS = frozenset({"call", "calls", "called", "calling", "name", "names", "named",
                          "dub", "dubs", "dubbed", "brand", "brands", "branded", "describe",
                          "describes", "described", "describing"})
# Verbs whose "from" phrase names who spoke ("the court heard from X").
HEARING_VERBS = frozenset({"hear", "hears", "heard", "hearing"})
# Nouns for a person the story is about ("the singer", "the attorney", "the civil rights
# leader"): with "the" or a possessive and no name of their own, they are read like "he"
# or "she". Nouns for anonymous sources ("the spokesman", "the official") are not.
PERSON_ROLE_NOUNS = frozenset({
    "singer", "star", "actor", "actress", "rapper", "musician", "artist", "performer",
    "presenter", "lawyer", "attorney", "witness", "doctor", "physician", "cardiologist",
    "nurse", "prosecutor", "judge", "detective", "leader", "politician", "candidate",
    "president", "minister", "senator", "governor", "mayor", "chairman", "chief", "manager",
    "coach", "player", "captain", "promoter", "producer", "organiser", "organizer",
    "founder", "owner", "boss", "director", "author", "writer", "activist", "campaigner",
    "victim", "survivor", "mother", "father", "sister", "brother", "wife", "husband",
    "daughter", "son", "widow", "pastor", "priest", "bishop", "cleric", "professor",
    "expert", "economist", "analyst", "scientist", "researcher", "teacher", "general",
    "commander", "king", "queen", "prince", "princess", "billionaire", "tycoon",
    "member", "killer", "murderer", "suspect", "defendant", "convict", "comedian", "host",
    "boxer", "champion", "fighter", "athlete", "footballer", "golfer",
    "premier", "chancellor", "ambassador", "envoy", "preacher", "evangelist",
    "televangelist", "novelist", "playwright", "composer", "designer", "filmmaker",
})
# Nouns for a source the article leaves unnamed ("the source said", "a spokesman said"): a
# "he" after one is that source, not someone named before it.
ANONYMOUS_SOURCES = frozenset({
    "source", "spokesman", "spokeswoman", "spokesperson", "official", "insider", "aide",
    "eyewitness", "resident", "man", "woman", "person", "diplomat",
})
# What a title says of a person's gender (for "he"/"she" antecedents: speaker_gender).
GENDER_TITLES = {"mr": "male", "sir": "male", "lord": "male", "mrs": "female", "ms": "female",
                 "miss": "female", "dame": "female", "lady": "female"}
# Verbs that only report speech ("point", "note", "agree" have other senses): an unnamed
# subject of one of these is the quote's speaker, so no farther verb is tried.
PLAIN_SPEECH = frozenset({"say", "says", "said", "saying", "tell", "tells", "told", "telling",
                           "state", "states", "stated", "stating"})


def share_repeated_words(text: str, spans: Sequence[QuoteSpan],
                          speakers: list[EntityMention | None]) -> None:
    """A quote with no speaker whose words are quoted again with one takes that speaker.

    Leads, pull-quotes and captions repeat words the body attributes ("may be the
    toughest recruiting environment ever" … , General Schoomaker tells the paper). A
    pull-quote whose opening mark was lost takes it even when it had a speaker: the
    words around such a box are the caption's and the next paragraph's, run together.
    """
    words = [_words(span.text(text)) for span in spans]
    for position, speaker in enumerate(speakers):
        if speaker is not None and not spans[position].lost_opening:
            continue
        for other, found in enumerate(speakers):
            if other != position and found is not None and not spans[other].lost_opening \
                    and _contains(words[other], words[position]):
                speakers[position] = found
                break


def _words(quoted: str) -> list[str]:
    """The quoted words, case-folded, without punctuation (a tokenised " . " is no word)."""
    words = ("".join(c for c in w.casefold() if c.isalnum()) for w in quoted.split())
    return [w for w in words if w]


def _contains(one: list[str], other: list[str]) -> bool:
    """Whether one word run holds the other (either way round), at four words or more."""
    if len(one) < 4 or len(other) < 4:
        return False
    return one == other or contains_words(one, other) or contains_words(other, one)


def before_slash(mention: EntityMention) -> EntityMention:
    """A label's name without the role the entity model ran it into ("David Soares/Albany …")."""
    name = mention.canonical or mention.text
    if "/" not in name:
        return mention
    cut = name.split("/", 1)[0].strip()
    return EntityMention(cut, mention.label, mention.start, mention.start + len(cut), canonical=cut)


def described(mention: EntityMention, head: Token) -> bool:
    """Whether an affiliation names a person described, not a speaker named.

    "the Democrat who is familiar with …", "a Palestinian": a group label (NORP) used
    for one unnamed person, with a relative clause or an indefinite article.
    """
    if mention.label != "NORP":
        return False
    return any(c.dep_ in ("relcl", "acl") or (c.dep_ == "det" and c.lower_ in ("a", "an"))
               for c in head.children)


def noun_forms(word: str) -> set[str]:
    """The word and its singular, crudely ("brothers" → brother, "agencies" → agency).

    The pipeline runs without a lemmatizer; plural and singular is all that is needed.
    """
    forms = {word}
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    elif word.endswith("s") and not word.endswith("ss"):
        forms.add(word[:-1])
    return forms


def is_definite(noun: Token) -> bool:
    """"the police", "police", "the brothers": not "a spokesman", "one official".

    Nor a possessed noun ("Tunisia's interim president"): its owner, not an earlier
    mention of the same noun, says who it is.
    """
    for child in noun.children:
        if child.dep_ in ("det", "nummod") and child.lower_ not in ("the", "this", "that"):
            return False
        if child.dep_ == "poss":
            return False
        if child.dep_ == "det":
            return True
    return noun.tag_ in ("NNS", "NNPS") or noun.lower_ == "police"


def is_reported(verb: Token) -> bool:
    """Whether the verb is in a reported clause ("… claims Bush told him"): a ccomp."""
    return verb.dep_ == "ccomp" or any(a.dep_ == "ccomp" for a in verb.ancestors)


def same_entity(one: EntityMention, other: EntityMention | None) -> bool:
    """Whether two mentions carry the same name."""
    if other is None:
        return False
    return (one.canonical or one.text) == (other.canonical or other.text)


def is_speech_verb(token: Token) -> bool:
    """A verb that reports words ("said", "told", "according to", "the letter read")."""
    if token.lower_ == "according":
        return any(child.lower_ == "to" for child in token.children)
    if token.lower_ in HEARING_VERBS:  # "the court heard from X": X spoke
        return token.tag_.startswith("VB") and any(c.lower_ == "from" for c in token.children)
    if token.lower_ in DOCUMENT_VERBS and token.tag_.startswith("VB"):
        # "a letter read", or someone reading one out ("Mulet read a message from …").
        return any(c.dep_ in (*SUBJECTS, "dobj") and noun_forms(c.lower_) & DOCUMENT_NOUNS
                   for c in token.children)
    return token.lower_ in SPEECH_VERBS and token.tag_.startswith("VB")
