"""Named entity mentions: extraction from parsed text, and canonical names.

Within a document, short mentions take the full name they abbreviate ("Kishida" →
"Fumio Kishida"); across documents, :func:`canonicalize_across` extends this to
short names whose document never gives the full one, when the corpus knows exactly
one full name for them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from storyline.language.names import (
    ACRONYM_GROUPS,
    PERSON_LABEL,
    TITLE_WORDS,
    acronyms_of,
    as_acronym,
    canonicalize_document,
    contains_words,
    is_title_word,
    maximal,
    name_key,
    preferred_spellings,
    relabel_person_parts,
    speaker_id,
    words_of,
)
from storyline.language.nlp import ParsedPiece, has_syntax
from storyline.language.person_names import first_name_alone, person_label, without_brackets
from storyline.model import Article, EntityMention

if TYPE_CHECKING:
    from spacy.tokens import Token

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "EVENT", "FAC"})
_POSSESSIVES = ("’s", "'s", "’", "'")
_PROPER_TAGS = ("NNP", "NNPS")
_NOMINAL_ROLES = ("poss", "nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "attr")


def extract_mentions(pieces: Sequence[ParsedPiece], text: str) -> list[EntityMention]:
    """Return the entity mentions of one article, in text order, with canonical names.

    Args:
        pieces: The article's parsed body paragraphs.
        text: ``Article.text``, which mention offsets index into.
    """
    mentions: list[EntityMention] = []
    for piece in pieces:
        for entity in piece.doc.ents:
            if entity.label_ not in ENTITY_LABELS:
                continue
            tokens = without_brackets(list(entity))
            label = person_label(tokens, entity.label_)
            mention = _mention(_trim_tokens(tokens, label), label, piece.offset, text)
            if mention:
                mentions.append(mention)
    mentions.sort(key=lambda m: (m.start, m.end))
    relabel_person_parts(mentions)
    mentions.extend(_recover_person_mentions(pieces, text, mentions))
    mentions.sort(key=lambda m: (m.start, m.end))
    canonicalize_document(mentions, text)
    return mentions


def _trim_tokens(tokens: list[Token], label: str) -> list[Token]:
    """Drop a leading article, trailing possessive and punctuation, and a person's title."""
    while tokens and (tokens[0].lower_ in ("the", "a", "an") or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].text in _POSSESSIVES
                      or tokens[-1].is_punct):
        tokens = tokens[:-1]
    if label == PERSON_LABEL and len(tokens) > 1:
        # "U.S. President Joe Biden", "Secretary of State Antony Blinken" → the name.
        last_title = -1
        for index, token in enumerate(tokens[:-1]):
            if is_title_word(token.text):
                last_title = index
            elif not (token.text[:1].isupper() or token.lower_ in ("of", "the") or token.is_punct):
                break
        tokens = tokens[last_title + 1 :]
    return tokens


def _mention(tokens: list[Token], label: str, offset: int, text: str) -> EntityMention | None:
    if not tokens:
        return None
    start = offset + tokens[0].idx
    end = offset + tokens[-1].idx + len(tokens[-1].text)
    surface = text[start:end]
    for possessive in ("’s", "'s"):
        if surface.endswith(possessive) and len(surface) > len(possessive) + 1:
            end -= len(possessive)
            surface = surface[: -len(possessive)]
    if sum(ch.isalpha() for ch in surface) < 2:
        return None
    return EntityMention(surface, label, start, end)


def _recover_person_mentions(pieces: Sequence[ParsedPiece], text: str,
                             mentions: Sequence[EntityMention]) -> list[EntityMention]:
    """Add the name parts of known people that the model missed ("Kishida said").

    Also a person named by a common first name alone, untagged ("Heather … watched"):
    only where the sentence was parsed, which tells a name from a word.
    """
    name_parts = {
        word for m in mentions if m.label == PERSON_LABEL and len(m.text.split()) >= 2
        for word in m.text.split()
        if len(word) >= 3 and word[:1].isupper() and word.casefold() not in TITLE_WORDS
    }
    covered = {position for m in mentions for position in range(m.start, m.end)}
    found: list[EntityMention] = []
    for piece in pieces:
        parsed = has_syntax(piece.doc)
        for token in piece.doc:
            start = piece.offset + token.idx
            if start in covered:
                continue
            if token.text not in name_parts:
                if parsed and first_name_alone(token):
                    found.append(EntityMention(token.text, PERSON_LABEL, start,
                                               start + len(token.text)))
                continue
            if parsed:
                if not _used_as_name(token):
                    continue
                head = token.head
                in_other_name = head.tag_ in _PROPER_TAGS and head.text not in name_parts
                if token.dep_ == "compound" and in_other_name:
                    continue  # part of another proper name ("Kishida Foundation")
            elif not _name_by_shape(token, name_parts):
                continue
            found.append(EntityMention(token.text, PERSON_LABEL, start, start + len(token.text)))
    return found


def _used_as_name(token: Token) -> bool:
    """Whether a token is used as a noun: tagged proper, or mis-tagged in a noun's role."""
    return token.tag_ in _PROPER_TAGS or (
        token.tag_ in ("NN", "NNS", "JJ") and token.dep_ in _NOMINAL_ROLES)


def _name_by_shape(token: Token, name_parts: set[str]) -> bool:
    """For text parsed for entities alone: a known name part, unless part of another name.

    Followed by another capitalised word that is no part of a known name, the token
    belongs to some other name ("Kishida Foundation").
    """
    doc = token.doc
    if token.i + 1 < len(doc):
        after = doc[token.i + 1].text
        if after[:1].isupper() and after not in name_parts:
            return False
    return True


def canonicalize_across(articles: Iterable[Article]) -> list[Article]:
    """Unify canonical names over a corpus; returns the articles whose names changed.

    Each article's names are first recomputed from its own mentions (so the function
    can be run again after new articles arrive). Then a person's short name that its
    document never expands takes the one full name of the corpus containing it
    ("Kishida" → "Fumio Kishida"), if exactly one exists; an acronym takes the one
    corpus name of its group with those initials; spelling variants share the most
    frequent spelling. Quote speakers follow their names. The result does not depend
    on the order of ``articles``.

    Args:
        articles: Articles with ``entities`` (and ``quotes``) set by the language step.

    Returns:
        The articles changed in place.
    """
    corpus = list(articles)
    states = [document_names(article) for article in corpus]
    resolve = _CorpusNames([m for a in corpus for m in a.entities])
    return [article for article, (back, snapshot) in zip(corpus, states, strict=True)
            if apply_corpus_names(article, back, snapshot, resolve)]


NamesState = tuple[list[tuple[int, str]], list[tuple[str | None, ...]]]


def document_names(article: Article) -> tuple[dict[str, str], NamesState]:
    """Recompute an article's names from its own mentions (the corpus pass undone).

    Returns the map from each mention's former name to its document name (quote
    speakers follow it) and the article's names as they were, to tell a change.
    """
    snapshot = _names_state(article)
    before = [m.canonical for m in article.entities]
    article.entities.sort(key=lambda m: (m.start, m.end))
    canonicalize_document(article.entities, article.text)
    back = {old: m.canonical for old, m in zip(before, article.entities, strict=True) if old}
    return back, snapshot


def apply_corpus_names(article: Article, back: dict[str, str], snapshot: NamesState,
                       resolve: Callable[[str, str], str]) -> bool:
    """Give an article's mentions and speakers their corpus names; whether they changed."""
    doc_names = {m.canonical for m in article.entities}
    for mention in article.entities:
        mention.canonical = resolve(mention.label, mention.canonical)
    for quote in article.quotes:
        if quote.speaker is None:
            continue
        label = (quote.speaker_id or "person:").split(":", 1)[0].upper()
        doc_name = quote.speaker if quote.speaker in doc_names else back.get(
            quote.speaker, quote.speaker)
        quote.speaker = resolve(label, doc_name)
        quote.speaker_id = speaker_id(label, quote.speaker)
    return _names_state(article) != snapshot


def _names_state(article: Article) -> NamesState:
    return ([(m.start, m.canonical) for m in article.entities],
            [(q.speaker, q.speaker_id) for q in article.quotes])


class _CorpusNames:
    """Corpus-wide name tables and the mapping from a document name to the corpus name."""

    def __init__(self, mentions: Sequence[EntityMention]) -> None:
        self.spellings = preferred_spellings(m.canonical for m in mentions)
        people = {self.spellings[name_key(m.canonical)] for m in mentions
                  if m.label == PERSON_LABEL and len(words_of(m.canonical)) >= 2}
        self.full_people = sorted(people)
        self.acronyms: dict[tuple[str, str], set[str]] = {}
        for mention in mentions:
            group = ACRONYM_GROUPS.get(mention.label)
            if group is None:
                continue
            for letters in acronyms_of(mention.canonical):
                spelled = self.spellings[name_key(mention.canonical)]
                self.acronyms.setdefault((group, letters), set()).add(spelled)
        self.cache: dict[tuple[str, str], str] = {}

    def __call__(self, label: str, name: str) -> str:
        key = (label, name)
        if key not in self.cache:
            self.cache[key] = self._resolve(label, name)
        return self.cache[key]

    def _resolve(self, label: str, name: str) -> str:
        name = self.spellings.get(name_key(name), name)
        if label == PERSON_LABEL:
            words = words_of(name)
            candidates = maximal([f for f in self.full_people
                                  if contains_words(words_of(f), words)])
            return candidates[0] if len(candidates) == 1 else name
        letters = as_acronym(name)
        group = ACRONYM_GROUPS.get(label)
        if letters and group:
            expansions = self.acronyms.get((group, letters), set())
            if len(expansions) == 1:
                return next(iter(expansions))
        return name
