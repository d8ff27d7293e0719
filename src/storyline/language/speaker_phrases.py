"""Who a speech verb reports, and whom a noun phrase names as a speaker.

The verb's subject (or the subject of the verb it hangs from), the outermost named
source of a nested account, the name opening the clause or right after the verb when
the parse left the verb without a subject; a noun phrase's speaker is its mention, a
pronoun's or role noun's referent, or a document's owner.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

# Imported as a module: a document's owner is read from noun phrases, and a noun phrase
# can be a document ("the statement said"), so the two modules call each other.
from storyline.language import speaker_documents as documents
from storyline.language.names import PERSON_LABEL
from storyline.language.nlp import has_syntax
from storyline.language.person_names import BRACKETS
from storyline.language.speaker_index import ArticleIndex
from storyline.language.speaker_pronouns import is_subject, pronoun
from storyline.language.speaker_roles import (
    antecedent,
    name_ending_at,
    named_owner,
    unlabelled_name,
)
from storyline.language.speaker_state import ResolverState
from storyline.language.speaker_words import (
    ANONYMOUS_SOURCES,
    DOCUMENT_NOUNS,
    HEARING_VERBS,
    PERSON_ROLE_NOUNS,
    PLAIN_SPEECH,
    SUBJECTS,
    before_slash,
    described,
    is_definite,
    is_speech_verb,
    noun_forms,
    same_entity,
)
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
# Verbs whose object is the one quoted ("the paper quoted him as saying").
QUOTING_VERBS = frozenset({"quote", "quotes", "quoted", "quoting"})
OBJECT_PRONOUNS = {"him": "male", "her": "female"}
_CLIMB = ("advcl", "xcomp", "conj", "ccomp", "pcomp", "acl")


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


def spoken_to(verb: Token) -> bool:
    """Whether the verb is a passive of telling or asking: its subject is who heard the words.

    ("Mr Sevan and Mr Stephanides were told they would receive a letter “…”, he said":
    the two were told, the spokesman speaks.)
    """
    return verb.lower_ in ADDRESSED_VERBS and any(
        c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def speaker_of_verb(state: ResolverState, verb: Token) -> EntityMention | None:
    """The named speaker a speech verb reports ("X said", "according to X", "heard from X")."""
    if spoken_to(verb):
        return None
    quoted = quoted_person(state, verb)
    if quoted is not None:
        return quoted
    if verb.lower_ == "according" or verb.lower_ in HEARING_VERBS:
        for prep in verb.children:
            if prep.lower_ in ("to", "from"):
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        return phrase_speaker(state, obj) or owner_speaker(state.index, obj)
        return None
    subject = subject_token(state.index, verb)
    if subject is None:
        return name_before(state.index, verb) or name_after(state.index, verb) \
            or name_closing_before(state.index, verb)
    inner = phrase_speaker(state, subject) or unlabelled_name(state.index, subject)
    return outer_source(state, verb) or inner


def quoted_person(state: ResolverState, verb: Token) -> EntityMention | None:
    """Whom a "quote" verb's object names: "the Daily News quoted witness X as saying".

    The verb or the one its clause hangs from ("as saying" climbs to "quoted"); its
    object, outside quotes, is who spoke, not the subject that reports it ("People quoted
    him as saying": "him" is read like "he").
    """
    current: Token | None = verb
    for _ in range(3):
        if current is None:
            return None
        if current.lower_ in QUOTING_VERBS and current.tag_.startswith("VB"):
            break
        current = _climb(current)
    else:
        return None
    if current is None:
        return None
    for child in current.children:
        if child.dep_ != "dobj" or state.index.in_quote(state.index.start_of(child)):
            continue
        if child.lower_ in OBJECT_PRONOUNS:
            return pronoun(state, state.index.start_of(child), OBJECT_PRONOUNS[child.lower_])
        return phrase_speaker(state, child)
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


def outer_source(state: ResolverState, verb: Token) -> EntityMention | None:
    """The named source of an account the verb's clause is reported in.

    "Shaath says Bush told them God said: “…”": the words come to the reader through
    Shaath, the outermost speaker with a name.
    """
    found: EntityMention | None = None
    current = verb
    for _ in range(6):
        shares_subject = current.dep_ == "conj" and not any(
            c.dep_ in SUBJECTS for c in current.children)
        if current.dep_ != "ccomp" and not shares_subject or current.head == current:
            break
        current = current.head
        # The frame comes first ("Shaath says Bush told them …"); a speech verb after
        # the clause is more often a misparse of two reports in one sentence.
        if current.i < verb.i and is_speech_verb(current) and current.lower_ != "according":
            subject = subject_token(state.index, current)
            speaker = phrase_speaker(state, subject) if subject is not None else None
            found = speaker or found
    return found


def _name_after_title(index: ArticleIndex, head: Token) -> EntityMention | None:
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


def _led_by(index: ArticleIndex, head: Token) -> EntityMention | None:
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


def _loose_apposition(index: ArticleIndex, head: Token) -> EntityMention | None:
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


def _joint_names(index: ArticleIndex, first: Token) -> EntityMention | None:
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


def _apposition_after_of(index: ArticleIndex, head: Token) -> EntityMention | None:
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


def unnamed_since(state: ResolverState, mention: EntityMention, position: int) -> bool:
    """Whether an anonymous source spoke between a mention and a later "he"/"she".

    ("The source, who requested anonymity, said …" then "“…,” he said": he is the
    source, not the person named before.) A sentence after the mention's and before
    the pronoun's whose main verb is say/tell/state with an anonymous source for
    subject ("the source", "a spokesman": not "the judge", who may be named before).
    """
    # The person's last mention as a subject, not the one the pronoun resolved through
    # (a quote's speaker can be named far back).
    last = max((m.start for m in state.index.mentions
                if m.start < position and same_entity(m, mention)
                and not state.index.in_quote(m.start) and is_subject(state.index, m)),
               default=mention.start)
    first = state.index.sentence_of(max(last, mention.start)) + 1
    for sentence in range(first, state.index.sentence_of(position)):
        for item in state.index.sentence_tokens(sentence):
            verb = item.token
            if verb.dep_ != "ROOT" or verb.lower_ not in PLAIN_SPEECH:
                continue
            subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
            if subject is not None and subject.lower_ in ANONYMOUS_SOURCES \
                    and phrase_speaker(state, subject) is None:
                return True
    return False


def owner_speaker(index: ArticleIndex, head: Token) -> EntityMention | None:
    """The named owner of a source: "according to an MWEB update", "the ministry's report"."""
    for child in head.children:
        if child.dep_ in ("compound", "poss", "nmod"):
            mention = index.mention_at(index.start_of(child))
            if mention is not None:
                return mention
    return None


def unnamed_subject(state: ResolverState, verb: Token) -> bool:
    """Whether the verb's subject is a common noun phrase with no name ("officials")."""
    subject = subject_token(state.index, verb)
    return (subject is not None and subject.tag_ in ("NN", "NNS")
            and phrase_speaker(state, subject) is None)


def subject_token(index: ArticleIndex, verb: Token) -> Token | None:
    """The subject of the verb or of the verb it hangs from (see :func:`subject_speaker`)."""
    current: Token | None = verb
    for _ in range(4):
        if current is None:
            return None
        # A bracket escape is no subject ("X of the DEA -LRB- DEA -RRB- said", misparsed).
        subjects = [c for c in current.children if c.dep_ in SUBJECTS
                    and not index.in_quote(index.start_of(c)) and c.text not in BRACKETS]
        if subjects and current.dep_ == "relcl" \
                and all(c.tag_ in ("WDT", "WP") for c in subjects):
            return current.head  # "Kim, who said …", "a letter that reads …"
        if subjects:  # "U2's guitarist The Edge told": two subjects, the named one
            return min(subjects, key=lambda s: _subject_rank(index, s))
        if current.dep_ in ("relcl", "acl"):  # "Kim, who said …", "a spokesman stating"
            return current.head
        current = _climb(current)
    return None


def _subject_rank(index: ArticleIndex, subject: Token) -> int:
    """Of two subjects, a person or organisation first, then another name, then the first."""
    mention = index.mention_at(index.start_of(subject))
    if mention is None:
        return 2
    return 0 if mention.label in (PERSON_LABEL, "ORG") else 1


def _climb(token: Token) -> Token | None:
    """The verb a clause hangs from; "quoted as saying" climbs over the "as"."""
    over = token.head
    if token.dep_ == "pcomp" and over.dep_ == "prep" and over.head != over:
        return over.head
    if token.dep_ not in _CLIMB or token.head == token:
        return None
    return token.head


def subject_speaker(state: ResolverState, verb: Token) -> EntityMention | None:
    """The named subject of the verb, climbing to the verb it hangs from ("Kim, who said …")."""
    subject = subject_token(state.index, verb)
    return phrase_speaker(state, subject) if subject is not None else None


def phrase_speaker(state: ResolverState, head: Token) -> EntityMention | None:
    """The named speaker a noun phrase (given by its head) stands for, if any."""
    start = state.index.start_of(head)
    if not has_syntax(head.doc):
        return state.index.mention_at(start)  # parsed for entities only: no tree to read
    if head.tag_ == "PRP":
        if head.lower_ == "it":
            return documents.document_it(state, head)
        if head.lower_ not in ("he", "she"):
            return None
        found = pronoun(state, start, "male" if head.lower_ == "he" else "female")
        return None if found is None or unnamed_since(state, found, start) else found
    titled = _name_after_title(state.index, head)
    if titled is not None:  # before the mention: the entity model may tag "Sgt" itself
        return titled
    mention = state.index.mention_at(start)
    if mention is not None:
        return None if described(mention, head) else mention
    if head.tag_ == "NNP":
        mention = name_ending_at(state.index, head)
        if mention is not None:
            return mention
    for child in head.children:  # "his deputy, Kim Tae-hyo"
        if child.dep_ == "appos":
            mention = _name_after_title(state.index, child) \
                or state.index.mention_at(state.index.start_of(child)) \
                or _joint_names(state.index, child)  # "Troy police Lt. Gerry Scherlinck"
            if mention is not None:
                return mention
    named = _apposition_after_of(state.index, head) or _loose_apposition(state.index, head) \
        or _led_by(state.index, head)
    if named is not None:
        return named
    if head.tag_ == "NN" and not any(c.dep_ == "det" for c in head.children):
        for child in head.children:  # "said businessman and blogger Andrew Halcro"
            if child.dep_ == "conj":
                mention = state.index.mention_at(state.index.start_of(child))
                if mention is not None and mention.label == PERSON_LABEL:
                    return mention
    if head.tag_ in ("NN", "NNS") and noun_forms(head.lower_) & DOCUMENT_NOUNS:
        return documents.document_owner(state, head)
    if head.tag_ in ("NN", "NNS", "NNP", "NNPS") and is_definite(head):
        found = named_owner(state.index, head) or antecedent(state.index, head)
        if found is None and head.tag_ == "NN" and head.lower_ in PERSON_ROLE_NOUNS \
                and any(c.lower_ == "the" for c in head.children):
            # "the singer said": as "she said" ("Murray's lawyer" is someone else)
            found = pronoun(state, start)
        return found
    return None
