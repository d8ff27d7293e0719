"""Who said each quote, from the dependency parse and the article's entity mentions.

Patterns, tried in order for each quote:

1. A name labelling the quote before a colon, with no verb ("Peter Lynch/Defence
   Attorney : “…”").
2. A speech verb outside the quote in the quote's own sentences ("X said",
   "said X", "X told Y", "X added", "according to X", "according to X's report",
   "…, saying", "X was quoted as saying", "a spokesman stating"): its subject, or
   the subject of the verb it hangs from; in a nested account ("X says Y told them
   Z said: “…”") the outermost named source. A subject "he"/"she" is first the
   named person an earlier plain speech verb of the same sentence has as its main
   subject ("X said: “…,” he said"); else the later of the
   last quote's speaker (within three sentences) and the last person who was a main
   clause's subject (of one sentence's, the main clause's), else the last person who
   was a subject, else what the latest "he"/"she" before stands for (a chain of
   sentences about one person), else the last person mentioned. A definite role noun
   ("police", "the brothers") is the named entity it titled before ("Vancouver
   Police", "brothers Jermaine and Randy Jackson"); an organisation noun is the name
   compounded with it ("the AFP news agency"), else ("the company") the organisation
   last a subject; a name in apposition ending "The chief executive of X, Name," is
   the head's. A
   proper-noun subject the entity model missed is taken as a person, one it cut
   short ("Team spokesman Tim Mead" tagged "Tim") is extended to the head; an unnamed
   subject of "say"/"tell"/"state" ("a spokesman said") means no speaker. A document
   ("the statement said", "the blog adds", "a letter read") speaks for the owner the
   text gives it (see :func:`~storyline.language.speaker_documents.document_owner`).
   A verb the parse left with no subject takes the name opening its clause, else the
   name right after it ("…," insisted team spokesman Tim Mead"), else the name whose
   phrase ends right before it ("Mr Annan , who is in London , said"). Of joint
   speakers the first named is kept, and a later "they" or "the pair" is that one
   too. The subject of a passive "told"/"asked" heard
   the words ("X were told “…”, he said"); "Y quoted X as saying" gives X; an
   abbreviated title gives the name after it ("said Sgt. Marty Earley"). When a
   speech verb's clause holds the quote, a verb hanging from the quote's own words
   ("X said she hoped “…” while Y said …") is not tried for it.
3. A heading with no speech verb ending in a colon before the quote gives it to the
   owner of an utterance noun ("Here are the remarks of X :"; see
   :mod:`~storyline.language.speaker_utterances`). A quote embedded in a sentence
   with no speech verb: the subject of a naming verb
   whose clause holds it ("what Obama called “…”", a person or organisation; of a
   passive, its agent: "described by one critic as “…”" has no named speaker), else
   the sentence's subject, when it is a person or organisation ("He called it “…”",
   "Microsoft published an advisory that “…”").
4. A quote standing alone is a turn in a conversation (a bare "X said." or a
   sentence opening "said X, …" or "So said X" right after it being its own
   attribution): it continues the previous quote's speaker (an unnamed one too)
   unless a sentence in between reports someone else's words (then theirs) or has
   another named subject (then nobody's);
   with no previous quote near, the speaker of the nearest sentence at most three
   before it that has one. A sentence right before it may introduce it with no
   speech verb ("Captain X, 31, was upbeat.", "X, the senator who led the effort:").
   Failing all, the person the sentences just before are about (a named or he/she
   main subject), unless one of them reports words or asks a question. Never a later
   sentence's: that one mostly introduces a quote of its own.
5. A quote left without a speaker whose words are quoted again with one (a lead or
   pull-quote) takes that speaker; a pull-quote whose opening mark was lost takes it
   even over its own.

A speaker must be a named entity (person, organisation, place or group); "officials
said" gives no speaker rather than a wrong one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from storyline.language.names import PERSON_LABEL, speaker_id
from storyline.language.nlp import ParsedPiece, has_syntax
from storyline.language.quotes import QuoteSpan
from storyline.language.speaker_index import ArticleIndex, PlacedToken
from storyline.language.speaker_name_phrases import first_name
from storyline.language.speaker_phrases import (
    phrase_speaker,
    speaker_of_verb,
    spoken_to,
    subject_speaker,
    unnamed_subject,
)
from storyline.language.speaker_sentence_name import named_in_sentence
from storyline.language.speaker_state import ResolverState
from storyline.language.speaker_turns import attributed_after, continued, from_before, standalone
from storyline.language.speaker_utterances import utterance_owner
from storyline.language.speaker_words import (
    NAMING_VERBS,
    PLAIN_SPEECH,
    before_slash,
    is_speech_verb,
    share_repeated_words,
)
from storyline.model import Article, EntityMention, Quote

if TYPE_CHECKING:
    from spacy.tokens import Token


def attribute_quotes(article: Article, pieces: Sequence[ParsedPiece],
                     spans: Sequence[QuoteSpan]) -> list[Quote]:
    """Return the article's quotes with their speakers (``None`` when unknown).

    Args:
        article: With ``sentences`` and ``entities`` set.
        pieces: The article's parsed body paragraphs.
        spans: The quotes found by :func:`~storyline.language.quotes.find_quote_spans`.
    """
    index = ArticleIndex(article, pieces, spans)
    state = ResolverState(index)
    speakers: list[EntityMention | None] = []
    pending: list[int] = []
    for position, span in enumerate(spans):
        speaker, has_verb = _direct(state, span)
        if speaker is None and not has_verb and standalone(state, span):
            # A quote standing alone continues the conversation: the previous quote's
            # speaker, unless someone else took the floor in between; a bare "X said."
            # right after it is its own attribution.
            speaker, decided = attributed_after(state, span)
            if not decided:
                speaker, decided = continued(state, span)
            has_verb = decided
            if not decided:
                pending.append(position)
        speakers.append(speaker)
        state.record(span, speaker, said=has_verb or speaker is not None)
    for position in pending:
        span = spans[position]
        speakers[position] = from_before(state, span)
        state.record_sentence(span, speakers[position])
    share_repeated_words(article.text, spans, speakers)
    quotes = []
    for span, speaker in zip(spans, speakers, strict=True):
        name = speaker.canonical or speaker.text if speaker else None
        quotes.append(Quote(
            text=span.text(article.text), start=span.start, end=span.end, speaker=name,
            speaker_id=speaker_id(speaker.label, name) if speaker and name else None,
        ))
    return quotes



def _direct(state: ResolverState, span: QuoteSpan) -> tuple[EntityMention | None, bool]:
    """Speaker from the quote's own sentences, and whether a speech verb was there."""
    label = _colon_label(state, span)
    if label is not None:
        return label, True
    narrative = [t for s in state.quote_sentences(span) for t in state.index.sentence_tokens(s)]
    verbs = _framing_first(state, span, [t for t in narrative if is_speech_verb(t.token)])
    # The nearest speech verb first; a misparse can leave it with an unnamed subject.
    for verb in sorted(verbs, key=lambda t: _distance(t.start, span)):
        if spoken_to(verb.token):
            continue  # "X were told “…”, he said": X heard the words; another verb says who spoke
        speaker = speaker_of_verb(state, verb.token)
        if speaker is not None:
            # "X said: “…,” he said": the name the sentence itself gives, not whom
            # the pronoun's look-back finds sentences before.
            own = named_in_sentence(state, span, verb.token, [t.token for t in verbs])
            return own or speaker, True
        if verb.token.lower_ in PLAIN_SPEECH and unnamed_subject(state, verb.token):
            # "…, a spokesman said": the nearest verb's speaker has no name; a farther
            # verb's subject would be someone else.
            return None, True
    if verbs:
        return None, True
    owner = utterance_owner(state.index, span)
    if owner is not None:  # "Here are the remarks of X : “…”"
        return owner, True
    for item in narrative:
        if item.token.lower_ in NAMING_VERBS and item.token.tag_.startswith("VB") \
                and _frames(state, item.token, span):
            # "what Obama called “…”", "Playboy, which named her “…”": who gave the words;
            # of a passive, its agent ("a scene described by one critic as “…”": unnamed).
            agent = _agent(item.token)
            if agent is not None:
                found = phrase_speaker(state, agent)
                named = found is not None and found.label in (PERSON_LABEL, "ORG")
                return (found if named else None), True
            if item.token.tag_ == "VBN" and item.token.dep_ in ("acl", "relcl") \
                    or any(c.dep_ == "auxpass" for c in item.token.children):
                continue  # "a scene described as “…”": its subject is what is named
            speaker = subject_speaker(state, item.token)
            if speaker is not None and speaker.label in (PERSON_LABEL, "ORG"):
                return speaker, True
    roots = [t for t in narrative if t.token.dep_ == "ROOT"]
    for root in roots:
        speaker = subject_speaker(state, root.token)
        if speaker is not None and speaker.label in (PERSON_LABEL, "ORG"):
            return speaker, False
    return None, False


def _colon_label(state: ResolverState, span: QuoteSpan) -> EntityMention | None:
    """A name heading the quote as a label: "Peter Lynch/Defence Attorney : “…”".

    The quote follows a colon, and the words the colon ends (the noun phrase it
    hangs from, or the sentence up to it) have a name and no verb: a caption or
    transcript label, not "X told Y:". The first name, a person's, is the speaker.
    """
    before = state.index.tokens_between(max(0, span.outer_start - 3), span.outer_start)
    colon = next((t for t in reversed(before) if t.token.text == ":"), None)
    if colon is None:
        return None
    sentence = state.index.sentences[state.index.sentence_of(colon.start)]
    prefix = [t.token for t in state.index.tokens_between(sentence.start, colon.start)
              if not state.index.in_quote(t.start)]
    head = colon.token.head
    phrase = [t for t in head.subtree if t.i < colon.token.i] \
        if head.tag_.startswith("NN") and has_syntax(head.doc) else []
    for words in (phrase, prefix):
        if not words or any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in words):
            continue
        mention = first_name(state.index, words)
        # People label their words; an organisation before a colon is mostly a
        # programme's marker ("CLIP :", "BBC News :").
        if mention is not None and mention.label == PERSON_LABEL:
            return before_slash(mention)
    return None


def _framing_first(state: ResolverState, span: QuoteSpan,
                   verbs: list[PlacedToken]) -> list[PlacedToken]:
    """The speech verbs, without those hanging from the quote's words when one frames it.

    "Cheryl Cole said she hoped money would “help …” while Rod Stewart said …": the
    nearer "said" is Stewart's, in a clause the parse hangs from the quote; Cole's
    "said" holds the quote in its clause. With no verb framing the quote ("“…,” he
    said", often parsed as hanging from the quote) all are kept.
    """
    if not any(_frames(state, v.token, span) for v in verbs):
        return verbs
    inside = range(span.start, span.end)
    return [v for v in verbs if _frames(state, v.token, span) or not any(
        state.index.start_of(a) in inside for a in v.token.ancestors)]


def _frames(state: ResolverState, verb: Token, span: QuoteSpan) -> bool:
    """Whether the quote's words are in the verb's clause (its object or complement)."""
    inside = state.index.tokens_between(span.start, span.end)
    return any(verb in item.token.ancestors for item in inside[:3])


def _agent(verb: Token) -> Token | None:
    """The noun of a passive verb's "by" phrase, if any."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _distance(position: int, span: QuoteSpan) -> int:
    if position < span.outer_start:
        return span.outer_start - position
    return max(0, position - span.outer_end)
