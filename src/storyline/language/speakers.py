"""Who said each quote, from the dependency parse and the article's entity mentions.

Patterns, tried in order for each quote:

1. A name labelling the quote before a colon, with no verb ("Peter Lynch/Defence
   Attorney : “…”").
2. A speech verb outside the quote in the quote's own sentences ("X said",
   "said X", "X told Y", "X added", "according to X", "according to X's report",
   "…, saying", "X was quoted as saying", "a spokesman stating"): its subject, or
   the subject of the verb it hangs from; in a nested account ("X says Y told them
   Z said: “…”") the outermost named source. A subject "he"/"she" is the later of the
   last quote's speaker (within three sentences) and the last person who was a main
   clause's subject, else the last person who was a subject, else the last person
   mentioned. A definite role noun ("police", "the brothers") is the named entity
   it titled before ("Vancouver Police", "brothers Jermaine and Randy Jackson"); an
   organisation noun is the name compounded with it ("the AFP news agency"). A
   proper-noun subject the entity model missed is taken as a person, one it cut
   short ("Team spokesman Tim Mead" tagged "Tim") is extended to the head; an unnamed
   subject of "say"/"tell"/"state" ("a spokesman said") means no speaker. A document
   ("the statement said", "the blog adds", "a letter read") speaks for the owner the
   text gives it (see :meth:`_Resolver.document_owner`). A verb the parse left with no
   subject takes the name opening its clause, else the name right after it ("…,"
   insisted team spokesman Tim Mead"). Of joint speakers the first named is kept.
3. A quote embedded in a sentence with no speech verb ("He called it “…”"): the
   sentence's subject, when it is a person.
4. A quote standing alone is a turn in a conversation: it continues the previous
   quote's speaker (an unnamed one too) unless a sentence in between reports
   someone else's words (then theirs) or has another named subject (then nobody's);
   with no previous quote near, the speaker of the nearest sentence at most three
   before it that has one. Never a later sentence's: that one mostly introduces a
   quote of its own.
5. A quote left without a speaker whose words are quoted again with one (a lead or
   pull-quote) takes that speaker.

A speaker must be a named entity (person, organisation, place or group); "officials
said" gives no speaker rather than a wrong one.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

from storyline.language.names import PERSON_LABEL, speaker_id
from storyline.language.nlp import ParsedPiece
from storyline.language.quotes import QuoteSpan
from storyline.language.speaker_index import ArticleIndex
from storyline.language.speaker_words import (
    DOCUMENT_NOUNS,
    GENDER_PRONOUNS,
    GENDER_TITLES,
    ORGANISATION_NOUNS,
    PERSON_ROLE_NOUNS,
    PLAIN_SPEECH,
    PLATFORMS,
    SPEAKER_LABELS,
    SUBJECTS,
    TITLE_WORDS,
    before_slash,
    described,
    is_definite,
    is_reported,
    is_speech_verb,
    noun_forms,
    same_entity,
    share_repeated_words,
)
from storyline.model import Article, EntityMention, Quote

if TYPE_CHECKING:
    from spacy.tokens import Token

MAX_SENTENCE_DISTANCE = 3
# Words of a noun phrase naming someone after an inverted speech verb ("said the firm's
# chief executive, John Smith").
NAME_PHRASE_TAGS = frozenset({"NNP", "NNPS", "NN", "NNS", "JJ", "DT", "CD", "HYPH", "POS",
                              "PRP$"})
# Speech verbs whose object is the one spoken to ("told the BBC").
ADDRESSED_VERBS = frozenset({"tell", "tells", "told", "telling", "ask", "asks", "asked",
                             "asking", "urge", "urges", "urged", "urging", "warn", "warns",
                             "warned", "warning", "answer", "answers", "answered"})
PRONOUN_LOOKBACK_SENTENCES = 5
_CLIMB = ("advcl", "xcomp", "conj", "ccomp", "pcomp", "acl")


def attribute_quotes(article: Article, pieces: Sequence[ParsedPiece],
                     spans: Sequence[QuoteSpan]) -> list[Quote]:
    """Return the article's quotes with their speakers (``None`` when unknown).

    Args:
        article: With ``sentences`` and ``entities`` set.
        pieces: The article's parsed body paragraphs.
        spans: The quotes found by :func:`~storyline.language.quotes.find_quote_spans`.
    """
    index = ArticleIndex(article, pieces, spans)
    resolver = _Resolver(index)
    speakers: list[EntityMention | None] = []
    pending: list[int] = []
    for position, span in enumerate(spans):
        speaker, has_verb = resolver.direct(span)
        if speaker is None and not has_verb and resolver.standalone(span):
            # A quote standing alone continues the conversation: the previous quote's
            # speaker, unless someone else took the floor in between; a bare "X said."
            # right after it is its own attribution.
            speaker, decided = resolver.attributed_after(span)
            if not decided:
                speaker, decided = resolver.continued(span)
            has_verb = decided
            if not decided:
                pending.append(position)
        speakers.append(speaker)
        resolver.record(span, speaker, said=has_verb or speaker is not None)
    for position in pending:
        span = spans[position]
        speakers[position] = resolver.from_before(span)
        resolver.record_sentence(span, speakers[position])
    share_repeated_words(article.text, spans, speakers)
    quotes = []
    for span, speaker in zip(spans, speakers, strict=True):
        name = speaker.canonical or speaker.text if speaker else None
        quotes.append(Quote(
            text=span.text(article.text), start=span.start, end=span.end, speaker=name,
            speaker_id=speaker_id(speaker.label, name) if speaker and name else None,
        ))
    return quotes


class _Resolver:
    """Finds speakers; remembers attributed quotes for pronouns and later quotes."""

    def __init__(self, index: ArticleIndex) -> None:
        self.index = index
        self.attributed: list[tuple[int, int, EntityMention]] = []  # (sentence, end, speaker)
        # Lookups by position and by sentence, so a long article stays linear in its quotes.
        self.attributed_ends: list[int] = []
        self.by_sentence: dict[int, EntityMention] = {}
        self.turns: list[tuple[QuoteSpan, EntityMention | None, bool]] = []
        self.genders: dict[str, str | None] = {}

    def record(self, span: QuoteSpan, speaker: EntityMention | None, said: bool) -> None:
        """Remember a quote's speaker; ``said``: whether the speaker is known (or known unnamed)."""
        self.turns.append((span, speaker, said))
        if speaker is not None:
            sentence = self.index.sentence_of(span.end)
            self.attributed.append((sentence, span.end, speaker))
            self.attributed_ends.append(span.end)  # quotes come in text order
            self.by_sentence[sentence] = speaker

    def record_sentence(self, span: QuoteSpan, speaker: EntityMention | None) -> None:
        """Remember a speaker read from earlier sentences for the quote's (not for pronouns)."""
        if speaker is not None:
            for sentence in self.quote_sentences(span):
                self.by_sentence.setdefault(sentence, speaker)

    def quote_sentences(self, span: QuoteSpan) -> range:
        first = self.index.sentence_of(span.outer_start)
        last = self.index.sentence_of(max(span.outer_start, span.outer_end - 1))
        return range(first, last + 1)

    def standalone(self, span: QuoteSpan) -> bool:
        """Whether the quote's sentences say little besides the quote."""
        words = [t for s in self.quote_sentences(span) for t in self.index.sentence_tokens(s)
                 if t.token.is_alpha]
        return len(words) <= 2

    def direct(self, span: QuoteSpan) -> tuple[EntityMention | None, bool]:
        """Speaker from the quote's own sentences, and whether a speech verb was there."""
        label = self.colon_label(span)
        if label is not None:
            return label, True
        narrative = [t for s in self.quote_sentences(span) for t in self.index.sentence_tokens(s)]
        verbs = [t for t in narrative if is_speech_verb(t.token)]
        # The nearest speech verb first; a misparse can leave it with an unnamed subject.
        for verb in sorted(verbs, key=lambda t: _distance(t.start, span)):
            speaker = self.speaker_of_verb(verb.token)
            if speaker is not None:
                return speaker, True
            if verb.token.lower_ in PLAIN_SPEECH and self.unnamed_subject(verb.token):
                # "…, a spokesman said": the nearest verb's speaker has no name; a farther
                # verb's subject would be someone else.
                return None, True
        if verbs:
            return None, True
        roots = [t for t in narrative if t.token.dep_ == "ROOT"]
        for root in roots:
            speaker = self.subject_speaker(root.token)
            if speaker is not None and speaker.label == PERSON_LABEL:
                return speaker, False
        return None, False

    def colon_label(self, span: QuoteSpan) -> EntityMention | None:
        """A name heading the quote as a label: "Peter Lynch/Defence Attorney : “…”".

        The quote follows a colon, and the words the colon ends (the noun phrase it
        hangs from, or the sentence up to it) have a name and no verb: a caption or
        transcript label, not "X told Y:". The first name, a person's, is the speaker.
        """
        before = self.index.tokens_between(max(0, span.outer_start - 3), span.outer_start)
        colon = next((t for t in reversed(before) if t.token.text == ":"), None)
        if colon is None:
            return None
        sentence = self.index.sentences[self.index.sentence_of(colon.start)]
        prefix = [t.token for t in self.index.tokens_between(sentence.start, colon.start)
                  if not self.index.in_quote(t.start)]
        head = colon.token.head
        phrase = [t for t in head.subtree if t.i < colon.token.i] \
            if head.tag_.startswith("NN") else []
        for words in (phrase, prefix):
            if not words or any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in words):
                continue
            mention = self.first_name(words)
            # People label their words; an organisation before a colon is mostly a
            # programme's marker ("CLIP :", "BBC News :").
            if mention is not None and mention.label == PERSON_LABEL:
                return before_slash(mention)
        return None

    def first_name(self, words: Sequence[Token]) -> EntityMention | None:
        """The first person or organisation named in the words, outside prepositions.

        "His message to Obama :" names whom the words are about, not who said them.
        """
        for token in words:
            if token.dep_ == "pobj" or any(a.dep_ == "prep" for a in token.ancestors
                                           if a in words):
                continue
            mention = self.index.mention_at(self.index.start_of(token))
            if mention is not None and mention.label in (PERSON_LABEL, "ORG"):
                return mention
        return None

    def speaker_of_verb(self, verb: Token) -> EntityMention | None:
        if verb.lower_ == "according":
            for prep in verb.children:
                if prep.lower_ == "to":
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            return self.phrase_speaker(obj) or self.owner_speaker(obj)
            return None
        subject = self.subject_token(verb)
        if subject is None:
            return self.name_before(verb) or self.name_after(verb)
        inner = self.phrase_speaker(subject) or self.unlabelled_name(subject)
        return self.outer_source(verb) or inner

    def name_before(self, verb: Token) -> EntityMention | None:
        """A verb the parse left without a subject: the name opening its clause.

        ("Chris Hunt, head of organisers Global Events Live, said: “…”", misparsed.) The
        first name between the sentence start and the verb, a person's, with no verb in
        between and not inside a prepositional phrase.
        """
        position = self.index.start_of(verb)
        sentence = self.index.sentences[self.index.sentence_of(position)]
        words = [t.token for t in self.index.tokens_between(sentence.start, position)
                 if not self.index.in_quote(t.start)]
        if any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in words):
            return None
        mention = self.first_name(words)
        return mention if mention is not None and mention.label == PERSON_LABEL else None

    def name_after(self, verb: Token) -> EntityMention | None:
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
            position = self.index.start_of(token)
            if self.index.in_quote(position) or token.tag_ not in NAME_PHRASE_TAGS \
                    or token.dep_ == "mark":
                break
            mention = self.index.mention_at(position)
            if mention is None or token.dep_ == "poss" \
                    or mention.label not in (PERSON_LABEL, "ORG"):
                continue
            if mention.label == PERSON_LABEL:
                return before_slash(mention)
            found = found or mention
        return found

    def outer_source(self, verb: Token) -> EntityMention | None:
        """The named source of an account the verb's clause is reported in.

        "Shaath says Bush told them God said: “…”": the words come to the reader through
        Shaath, the outermost speaker with a name.
        """
        found: EntityMention | None = None
        current = verb
        for _ in range(6):
            shares_subject = current.dep_ == "conj" and not any(
                c.dep_ in SUBJECTS for c in current.children)
            if current.dep_ != "ccomp" and not shares_subject or current.head is current:
                break
            current = current.head
            # The frame comes first ("Shaath says Bush told them …"); a speech verb after
            # the clause is more often a misparse of two reports in one sentence.
            if current.i < verb.i and is_speech_verb(current) and current.lower_ != "according":
                subject = self.subject_token(current)
                speaker = self.phrase_speaker(subject) if subject is not None else None
                found = speaker or found
        return found

    def unlabelled_name(self, head: Token) -> EntityMention | None:
        """A proper-noun subject of a speech verb the entity model missed or misread.

        ("…," said 40-year-old Tsikala Stephania: tagged a facility.) Taken as a person:
        what says things and has a proper name, with no organisation or place label, is.
        """
        if head.tag_ != "NNP" or head.ent_type_ in SPEAKER_LABELS:
            return None
        words = [t for t in head.lefts if t.dep_ == "compound" and t.tag_ == "NNP"] + [head]
        if any(t.ent_type_ in SPEAKER_LABELS for t in words):
            return None
        if all(t.lower_.rstrip(".") in TITLE_WORDS for t in words):
            return None  # "said Secretary", "said Troy police Lt.": a title, not a name
        start = self.index.start_of(words[0])
        end = self.index.start_of(head) + len(head.text)
        name = " ".join(t.text for t in words)
        return EntityMention(name, PERSON_LABEL, start, end, canonical=name)

    def owner_speaker(self, head: Token) -> EntityMention | None:
        """The named owner of a source: "according to an MWEB update", "the ministry's report"."""
        for child in head.children:
            if child.dep_ in ("compound", "poss", "nmod"):
                mention = self.index.mention_at(self.index.start_of(child))
                if mention is not None:
                    return mention
        return None

    def unnamed_subject(self, verb: Token) -> bool:
        """Whether the verb's subject is a common noun phrase with no name ("officials")."""
        subject = self.subject_token(verb)
        return (subject is not None and subject.tag_ in ("NN", "NNS")
                and self.phrase_speaker(subject) is None)

    def subject_token(self, verb: Token) -> Token | None:
        """The subject of the verb or of the verb it hangs from (see :meth:`subject_speaker`)."""
        current: Token | None = verb
        for _ in range(4):
            if current is None:
                return None
            subjects = [c for c in current.children if c.dep_ in SUBJECTS
                        and not self.index.in_quote(self.index.start_of(c))]
            if subjects and current.dep_ == "relcl" \
                    and all(c.tag_ in ("WDT", "WP") for c in subjects):
                return current.head  # "Kim, who said …", "a letter that reads …"
            if subjects:  # "U2's guitarist The Edge told": two subjects, the named one
                return min(subjects, key=self._subject_rank)
            if current.dep_ in ("relcl", "acl"):  # "Kim, who said …", "a spokesman stating"
                return current.head
            current = self._climb(current)
        return None

    def _subject_rank(self, subject: Token) -> int:
        """Of two subjects, a person or organisation first, then another name, then the first."""
        mention = self.index.mention_at(self.index.start_of(subject))
        if mention is None:
            return 2
        return 0 if mention.label in (PERSON_LABEL, "ORG") else 1

    @staticmethod
    def _climb(token: Token) -> Token | None:
        """The verb a clause hangs from; "quoted as saying" climbs over the "as"."""
        over = token.head
        if token.dep_ == "pcomp" and over.dep_ == "prep" and over.head is not over:
            return over.head
        if token.dep_ not in _CLIMB or token.head is token:
            return None
        return token.head

    def subject_speaker(self, verb: Token) -> EntityMention | None:
        """The named subject of the verb, climbing to the verb it hangs from ("Kim, who said …")."""
        subject = self.subject_token(verb)
        return self.phrase_speaker(subject) if subject is not None else None

    def phrase_speaker(self, head: Token) -> EntityMention | None:
        start = self.index.start_of(head)
        if head.tag_ == "PRP":
            if head.lower_ not in ("he", "she"):
                return None
            return self.pronoun(start, "male" if head.lower_ == "he" else "female")
        mention = self.index.mention_at(start)
        if mention is not None:
            return None if described(mention, head) else mention
        if head.tag_ == "NNP":
            mention = self.name_ending_at(head)
            if mention is not None:
                return mention
        for child in head.children:  # "his deputy, Kim Tae-hyo"
            if child.dep_ == "appos":
                mention = self.index.mention_at(self.index.start_of(child))
                if mention is not None:
                    return mention
        if head.tag_ == "NN" and not any(c.dep_ == "det" for c in head.children):
            for child in head.children:  # "said businessman and blogger Andrew Halcro"
                if child.dep_ == "conj":
                    mention = self.index.mention_at(self.index.start_of(child))
                    if mention is not None and mention.label == PERSON_LABEL:
                        return mention
        if head.tag_ in ("NN", "NNS") and noun_forms(head.lower_) & DOCUMENT_NOUNS:
            return self.document_owner(head)
        if head.tag_ in ("NN", "NNS", "NNP", "NNPS") and is_definite(head):
            found = self.named_owner(head) or self.antecedent(head)
            if found is None and head.tag_ == "NN" and head.lower_ in PERSON_ROLE_NOUNS \
                    and any(c.lower_ == "the" for c in head.children):
                # "the singer said": as "she said" ("Murray's lawyer" is someone else)
                found = self.pronoun(start)
            return found
        return None

    def name_ending_at(self, head: Token) -> EntityMention | None:
        """A person's name the entity model cut short: "Team spokesman Tim Mead" tagged "Tim".

        The proper-noun head right after a person mention compounded to it ends the name.
        """
        for child in head.children:
            if child.dep_ != "compound" or child.i != head.i - 1:
                continue
            mention = self.index.mention_at(self.index.start_of(child))
            if mention is None or mention.label != PERSON_LABEL:
                return None
            name = mention.canonical or mention.text
            if not name.endswith(head.text):
                name = f"{mention.text} {head.text}"
            end = self.index.start_of(head) + len(head.text)
            return EntityMention(name, PERSON_LABEL, mention.start, end, canonical=name)
        return None

    def document_owner(self, head: Token) -> EntityMention | None:
        """Whose words a document carries: "the statement said", "the blog adds".

        The owner its phrase names ("the ministry's statement", "a Defence Ministry
        release", "its blog": the clause's subject); for a definite document without
        one, the owner of the nearest earlier mention of the noun a few sentences back
        ("Microsoft issued a statement", "said in a statement", "on its blog"). A
        document nobody is said to own ("a family statement") has no speaker.
        """
        found, decided = self.owner_in_phrase(head)
        if decided or not is_definite(head):
            return found
        position = self.index.start_of(head)
        first = self.index.sentence_of(position) - PRONOUN_LOOKBACK_SENTENCES
        low = self.index.sentence_starts[first] if first > 0 else -1
        earlier = [item for form in noun_forms(head.lower_)
                   for item in self.index.tokens_with_word(form) if low <= item.start < position]
        if not earlier:
            return None
        return self.document_source(max(earlier, key=lambda t: t.start).token)

    def document_source(self, noun: Token) -> EntityMention | None:
        """Who issued a document mentioned earlier: its owner, its issuer or its speaker."""
        found, decided = self.owner_in_phrase(noun)
        if decided:
            return found
        if noun.dep_ == "dobj":  # "Microsoft issued a statement", "the account carried a tweet"
            subject = self.subject_token(noun.head)
            if subject is None or subject is noun:
                return None
            return self.phrase_speaker(subject) or self.owner_in_phrase(subject)[0]
        if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head is not noun.head:
            verb = noun.head.head  # "X said in a statement", "X wrote on its blog"
            if is_speech_verb(verb):
                return self.speaker_of_verb(verb)
        if noun.dep_ in SUBJECTS and is_speech_verb(noun.head):  # "the statement said" again
            return self.document_owner(noun)
        return None

    def owner_in_phrase(self, noun: Token) -> tuple[EntityMention | None, bool]:
        """The owner a noun phrase names, and whether it names one.

        "the ministry's statement", "a Defence Ministry release", "a statement from the
        White House", "its blog" (the subject of the clause: "on its blog, Microsoft
        says"), "his letter" (as "he").
        """
        for child in noun.children:
            if child.dep_ in ("poss", "compound", "nmod", "amod"):
                if child.tag_ == "PRP$":
                    if child.lower_ in ("its", "their"):
                        return self.clause_subject(noun), True
                    if child.lower_ in ("his", "her"):
                        gender = "male" if child.lower_ == "his" else "female"
                        return self.pronoun(self.index.start_of(child), gender), True
                    return None, True
                if child.lower_ in PLATFORMS:
                    continue  # "another Twitter post": the medium, not the author
                mention = self.index.mention_at(self.index.start_of(child))
                if mention is not None:
                    return mention, True
                if child.dep_ == "poss" or child.tag_ in ("NNS", "NNP", "NNPS") \
                        or child.lower_ == "police":
                    found = self.phrase_speaker(child)
                    if found is not None or child.dep_ == "poss":
                        return found, True
            elif child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        found = self.phrase_speaker(obj)
                        if found is not None:
                            return found, True
        return None, False

    def clause_subject(self, noun: Token) -> EntityMention | None:
        """The named subject of the sentence a noun is in ("on its blog, Microsoft says")."""
        root = noun.sent.root
        subject = self.subject_token(root)
        if subject is None or subject is noun or subject in noun.subtree:
            return None
        return self.phrase_speaker(subject)

    def named_owner(self, head: Token) -> EntityMention | None:
        """The organisation an organisation noun is named by ("the AFP news agency")."""
        if not noun_forms(head.lower_) & ORGANISATION_NOUNS:
            return None
        for child in head.children:
            if child.dep_ == "compound":
                mention = self.index.mention_at(self.index.start_of(child))
                if mention is not None and mention.label != PERSON_LABEL:
                    return mention
        return None

    def antecedent(self, head: Token) -> EntityMention | None:
        """The named entity a definite role noun refers back to ("the brothers", "police").

        The nearest earlier mention outside quotes that has the noun among its words
        ("Vancouver Police"), or that the same noun named as a title or apposition
        ("Michael's brothers Jermaine and Randy Jackson", "singer Susan Boyle",
        "Digicel, the telecoms firm").
        """
        position = self.index.start_of(head)
        best: EntityMention | None = None
        for form in noun_forms(head.lower_):
            for mention in self.index.mentions_with_word(form):
                if mention.end <= position and (best is None or mention.start > best.start):
                    best = mention
            for item in self.index.tokens_with_word(form):
                if item.start >= position:
                    break
                found = self.named_by(item.token)
                if found is not None and (best is None or found.start > best.start):
                    best = found
        # A role is a person's or an organisation's, not a place's ("U.S. official").
        return best if best is not None and best.label in (PERSON_LABEL, "ORG") else None

    def named_by(self, noun: Token) -> EntityMention | None:
        """The mention a noun is a title or apposition of, or that is its apposition."""
        related = [c for c in noun.children if c.dep_ == "appos"]
        if noun.dep_ in ("compound", "appos") and noun.head is not noun:
            related.append(noun.head)
        for token in related:
            mention = self.index.mention_at(self.index.start_of(token))
            if mention is not None:
                return mention
        return None

    def pronoun(self, position: int, gender: str | None = None) -> EntityMention | None:
        """Resolve "he"/"she" at ``position`` to a person mentioned before it.

        The later of the last quote's speaker (within :data:`MAX_SENTENCE_DISTANCE`
        sentences) and the subject of the latest earlier sentence with a person as
        subject (its last outside reported clauses, if any); failing both, the last
        person who was a subject, else the last named. People the article marks as of
        the other ``gender`` ("male"/"female": a title, a pronoun after them) are skipped.
        """
        sentence = self.index.sentence_of(position)
        best: tuple[int, EntityMention] | None = None
        earlier = bisect.bisect_right(self.attributed_ends, position)
        if earlier:
            quote_sentence, end, speaker = self.attributed[earlier - 1]
            if sentence - quote_sentence <= MAX_SENTENCE_DISTANCE \
                    and speaker.label == PERSON_LABEL and self.fits(speaker, gender):
                best = (end, speaker)
        # Only mentions from the look-back window on: bisect instead of a scan of them all.
        first = sentence - PRONOUN_LOOKBACK_SENTENCES
        low = self.index.sentence_starts[first] if first > 0 else -1
        window = self.index.mentions[
            bisect.bisect_left(self.index.mention_starts, low)
            : bisect.bisect_right(self.index.mention_starts, position)]
        people = [m for m in window if m.label == PERSON_LABEL and m.end <= position
                  and not self.index.in_quote(m.start) and self.fits(m, gender)]
        subjects = [m for m in people if self._is_subject(m)]
        # The last subject of the latest earlier sentence that has a person as subject,
        # outside reported clauses ("Shaath claims Bush told him …": Shaath).
        earlier_subjects = [m for m in subjects if self.index.sentence_of(m.start) < sentence]
        if earlier_subjects:
            last = self.index.sentence_of(earlier_subjects[-1].start)
            same = [m for m in earlier_subjects if self.index.sentence_of(m.start) == last]
            unreported = [m for m in same if self._is_subject(m, main=True)]
            subject = unreported[-1] if unreported else same[0]
            if best is None or subject.start > best[0]:
                return subject
        if best is not None:
            return best[1]
        if subjects:
            return subjects[-1]
        return people[-1] if people else None

    def fits(self, mention: EntityMention, gender: str | None) -> bool:
        """Whether nothing in the article marks the person as of the other gender."""
        if gender is None:
            return True
        found = self.gender_of(mention)
        return found is None or found == gender

    def gender_of(self, mention: EntityMention) -> str | None:
        """What the article says of a person's gender, if it says one thing.

        Evidence, over all mentions of the name: a title before it (Mr, Mrs, Ms, …) and
        the first he/his/him or she/her after it in its sentence, when no other person
        is named in between.
        """
        name = mention.canonical or mention.text
        if name not in self.genders:
            votes: list[str] = []
            for other in self.index.mentions:
                if other.label == PERSON_LABEL and (other.canonical or other.text) == name \
                        and not self.index.in_quote(other.start):
                    votes.extend(self._gender_evidence(other))
            kinds = set(votes)
            self.genders[name] = kinds.pop() if len(kinds) == 1 else None
        return self.genders[name]

    def _gender_evidence(self, mention: EntityMention) -> list[str]:
        evidence = []
        before = self.index.tokens_between(max(0, mention.start - 6), mention.start)
        if before and before[-1].token.lower_.rstrip(".") in GENDER_TITLES:
            evidence.append(GENDER_TITLES[before[-1].token.lower_.rstrip(".")])
        sentence = self.index.sentences[self.index.sentence_of(mention.start)]
        for item in self.index.tokens_between(mention.end, sentence.end):
            if self.index.in_quote(item.start):
                continue
            other = self.index.mention_at(item.start)
            if other is not None and other.label == PERSON_LABEL:
                break
            if item.token.lower_ in GENDER_PRONOUNS:
                evidence.append(GENDER_PRONOUNS[item.token.lower_])
                break
        return evidence

    def _is_subject(self, mention: EntityMention, main: bool = False) -> bool:
        """Whether the mention is a subject (``main``: not of a reported clause)."""
        for item in self.index.tokens_between(mention.start, mention.end):
            head = item.token.head
            head_start = self.index.start_of(head)
            if not mention.start <= head_start < mention.end or head is item.token:
                dep = item.token.dep_
                if dep == "appos" and head.dep_ in SUBJECTS:
                    dep, head = head.dep_, head.head
                if dep in SUBJECTS and (not main or not is_reported(head)):
                    return True
        return False

    def attributed_after(self, span: QuoteSpan) -> tuple[EntityMention | None, bool]:
        """The speaker of a bare attribution right after the quote ("Const. Fanning said.").

        The next sentence is a few words around a speech verb that reports nothing of its
        own (no clause or object): it can only attribute the quote before it.
        """
        after = self.quote_sentences(span).stop
        if after >= len(self.index.sentences) or self.index.has_quote(after):
            return None, False
        tokens = self.index.sentence_tokens(after)
        if len([t for t in tokens if t.token.is_alpha]) > 8:
            return None, False
        for item in tokens:
            verb = item.token
            if is_speech_verb(verb) and verb.lower_ != "according" and not any(
                    c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children):
                speaker = self.speaker_of_verb(verb)
                return speaker, speaker is not None or self.unnamed_subject(verb)
        return None, False

    def continued(self, span: QuoteSpan) -> tuple[EntityMention | None, bool]:
        """The speaker a stand-alone quote continues, and whether that was decided.

        The previous quote's speaker (``None`` when it was an unnamed one), unless a
        narrative sentence in between reports someone's words (that speaker) or has a
        new named subject (no speaker), or more than :data:`MAX_SENTENCE_DISTANCE`
        narrative sentences separate the two, or the previous quote's speaker is unknown
        (undecided: earlier sentences are read then).
        """
        if not self.turns:
            return None, False
        previous, speaker, said = self.turns[-1]
        if not said:
            return None, False
        first = self.index.sentence_of(max(previous.outer_start, previous.outer_end - 1)) + 1
        last = self.index.sentence_of(span.outer_start)
        between = [s for s in range(first, last) if self.narrative(s)]
        if len(between) > MAX_SENTENCE_DISTANCE:
            return None, False
        for sentence in reversed(between):
            found = self.sentence_speaker(sentence)
            if found is not None:
                return found, True
            subject = self.named_subject(sentence)
            if subject is not None and not same_entity(subject, speaker):
                return None, True  # someone else has the floor: not a guess between two
        return speaker, True

    def narrative(self, sentence: int) -> bool:
        """Whether a sentence has words of its own outside quotes."""
        words = [t for t in self.index.sentence_tokens(sentence) if t.token.is_alpha]
        return len(words) > 2

    def named_subject(self, sentence: int) -> EntityMention | None:
        """The named subject of the sentence's main verb, if any."""
        for item in self.index.sentence_tokens(sentence):
            if item.token.dep_ == "ROOT":
                subject = self.subject_token(item.token)
                if subject is not None and subject.tag_ != "PRP":
                    return self.phrase_speaker(subject)
        return None

    def from_before(self, span: QuoteSpan) -> EntityMention | None:
        """The speaker of the nearest earlier sentence that has one, a few sentences back.

        Not of a later one: a later sentence's speech verb mostly reports something
        else, or introduces a quote of its own.
        """
        first = self.quote_sentences(span).start
        for candidate in range(first - 1, max(-1, first - 1 - MAX_SENTENCE_DISTANCE), -1):
            found = self.sentence_speaker(candidate)
            if found is not None:
                return found
        return None

    def sentence_speaker(self, sentence: int) -> EntityMention | None:
        """The speaker of a sentence: of a quote in it, else of its speech verb."""
        if sentence in self.by_sentence:
            return self.by_sentence[sentence]
        for item in self.index.sentence_tokens(sentence):
            if is_speech_verb(item.token):
                found = self.speaker_of_verb(item.token)
                if found is not None:
                    return found
        return None


def _distance(position: int, span: QuoteSpan) -> int:
    if position < span.outer_start:
        return span.outer_start - position
    return max(0, position - span.outer_end)
