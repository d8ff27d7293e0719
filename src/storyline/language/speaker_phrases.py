"""Who a speech verb reports, and whom a noun phrase names as a speaker.

The verb's subject (or the subject of the verb it hangs from), the outermost named
source of a nested account, the name opening the clause or right after the verb when
the parse left the verb without a subject; a noun phrase's speaker is its mention, a
pronoun's or role noun's referent, or a document's owner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# Imported as a module: a document's owner is read from noun phrases, and a noun phrase
# can be a document ("the statement said"), so the two modules call each other.
from storyline.language import speaker_documents as documents
from storyline.language.names import PERSON_LABEL
from storyline.language.nlp import has_syntax
from storyline.language.person_names import BRACKETS
from storyline.language.speaker_index import ArticleIndex
from storyline.language.speaker_name_phrases import (
    ADDRESSED_VERBS,
    apposition_after_of,
    joint_names,
    led_by,
    loose_apposition,
    name_after,
    name_after_title,
    name_before,
    name_closing_before,
    owner_speaker,
)
from storyline.language.speaker_pronouns import is_subject, pronoun
from storyline.language.speaker_roles import (
    antecedent,
    name_ending_at,
    named_owner,
    unlabelled_name,
)
from storyline.language.speaker_state import PRONOUN_LOOKBACK_SENTENCES, ResolverState
from storyline.language.speaker_words import (
    ANONYMOUS_SOURCES,
    DOCUMENT_NOUNS,
    HEARING_VERBS,
    PERSON_ROLE_NOUNS,
    PLAIN_SPEECH,
    SUBJECTS,
    described,
    is_definite,
    is_speech_verb,
    noun_forms,
    same_entity,
)
from storyline.model import EntityMention

if TYPE_CHECKING:
    from spacy.tokens import Token

# Nouns for two people named together before ("the pair said"), read like "they".
JOINT_NOUNS = frozenset({"pair", "duo"})

# Verbs whose object is the one quoted ("the paper quoted him as saying").
QUOTING_VERBS = frozenset({"quote", "quotes", "quoted", "quoting"})
OBJECT_PRONOUNS = {"him": "male", "her": "female"}
_CLIMB = ("advcl", "xcomp", "conj", "ccomp", "pcomp", "acl")


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
    if inner is not None and _attributes_quote_before(state.index, verb, subject):
        return inner  # "The WSJ reports that … : “…,” Mr. Ghonim wrote": his words
    return outer_source(state, verb) or inner


def _attributes_quote_before(index: ArticleIndex, verb: Token, subject: Token) -> bool:
    """Whether a clause right after a quote's closing mark attributes it ("“…,” X wrote")."""
    first = min(subject.left_edge.i, verb.i)
    doc = verb.doc
    before = first - 1
    while before >= 0 and doc[before].is_punct and doc[before].text in (",", "."):
        before -= 1
    return before >= 0 and index.in_quote(index.start_of(doc[before]))


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
        if head.lower_ == "they":
            return joint_subject(state, head)
        if head.lower_ not in ("he", "she"):
            return None
        found = pronoun(state, start, "male" if head.lower_ == "he" else "female")
        return None if found is None or unnamed_since(state, found, start) else found
    if head.lower_ in JOINT_NOUNS and any(c.lower_ == "the" for c in head.children):
        return joint_subject(state, head)  # "the pair said": as "they said"
    titled = name_after_title(state.index, head)
    if titled is not None:  # before the mention: the entity model may tag "Sgt" itself
        return titled
    mention = state.index.mention_at(start)
    if mention is not None:
        return None if described(mention, head) else mention
    if head.dep_ == "appos" and head.head != head:
        # "Sir Stephen Wall, Mr Blair's former adviser, who said": the parse hangs the
        # relative clause on the description in apposition to the name.
        named = state.index.mention_at(state.index.start_of(head.head))
        if named is not None and named.label in (PERSON_LABEL, "ORG"):
            return named
    if head.tag_ == "NNP":
        mention = name_ending_at(state.index, head)
        if mention is not None:
            return mention
    for child in head.children:  # "his deputy, Kim Tae-hyo"
        if child.dep_ == "appos":
            mention = name_after_title(state.index, child) \
                or state.index.mention_at(state.index.start_of(child)) \
                or joint_names(state.index, child)  # "Troy police Lt. Gerry Scherlinck"
            if mention is not None:
                return mention
    named = apposition_after_of(state.index, head) or loose_apposition(state.index, head) \
        or led_by(state.index, head)
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


def joint_subject(state: ResolverState, they: Token) -> EntityMention | None:
    """The people a "they" subject stands for: joint names a subject a few sentences back.

    ("John Branca and John McClain said … . “…,” they added.") The nearest earlier
    plural subject outside quotes decides: joint names give the first person named, a
    plural noun whoever it stands for ("the co-executors", as those names), and one
    standing for nobody named ("the protesters", "officials") gives nobody: "they" is
    then not one person. Singular subjects are passed over.
    """
    index = state.index
    position = index.start_of(they)
    low = index.lookback_start(index.sentence_of(position), PRONOUN_LOOKBACK_SENTENCES)
    earlier = [item for item in index.tokens_between(max(0, low), position)
               if item.token.dep_ in SUBJECTS and not index.in_quote(item.start)]
    for item in reversed(earlier):
        subject = item.token
        if subject.lower_ == "they" or subject.lower_ in JOINT_NOUNS:
            continue  # a chain of "they", "the pair": the same people
        names = [index.mention_at(index.start_of(t)) for t in (subject, *subject.conjuncts)]
        people = [m for m in names if m is not None and m.label == PERSON_LABEL]
        if len(people) >= 2:
            return people[0]
        if subject.conjuncts:
            return None
        if subject.tag_ in ("NNS", "NNPS"):
            return phrase_speaker(state, subject)
    return None
