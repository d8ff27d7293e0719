"""What of an article goes through the model, and how much of the model it needs.

The whole pipeline (tagger and parser for tags, dependencies and sentences, NER for
entities) runs only on the paragraphs whose syntax is read: quotes and their
neighbours (:func:`syntax_paragraphs`). Elsewhere only names are read, so only the
entity model runs, and only on the sentences that can hold a name
(:func:`may_name`); their sentence boundaries come from punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from storyline.language.nlp import split_long
from storyline.language.quotes import QuoteSpan
from storyline.language.sentences import split_plain
from storyline.model import Article

# Paragraphs before a quote's whose syntax is read (see :func:`syntax_paragraphs`).
SYNTAX_BEFORE = 3
# Every label the language step keeps (PERSON, ORG, GPE, NORP, LOC, EVENT, FAC) is a
# proper name, and an English proper name has a capital letter.
_WORD = re.compile(r"[^\W\d_][\w’'.-]*")


@dataclass(frozen=True)
class Stretch:
    """One stretch of body text to parse: ``text`` starts at ``offset`` in the article."""

    paragraph: int
    offset: int
    text: str
    syntax: bool


def syntax_paragraphs(article: Article, spans: Sequence[QuoteSpan]) -> set[int]:
    """The body paragraphs whose syntax is read: those of a quote and their neighbours.

    Speakers are found from dependencies in a quote's own sentences; a "he said" looks
    back for the last person who was a grammatical subject, and a quote standing alone
    takes the speaker of a nearby sentence, before or after it — most often in the
    paragraph next to it. :data:`SYNTAX_BEFORE` paragraphs before a quote's are read:
    in a text of one sentence a line the subject "he" stands for is often a few lines
    up (a lead after a photo caption, a profile's "The 75-year-old … He …").
    """
    body = [i for i, paragraph in enumerate(article.paragraphs) if paragraph.kind == "body"]
    position = {index: n for n, index in enumerate(body)}
    wanted: set[int] = set()
    for span in spans:
        for index in span.paragraphs:
            n = position.get(index)
            if n is not None:
                wanted.update(body[max(0, n - SYNTAX_BEFORE) : n + 2])
    return wanted


def body_paragraphs(article: Article) -> Iterator[tuple[int, int, str]]:
    """(index, start, text) of each body paragraph with visible text (headings are not prose)."""
    for index, paragraph in enumerate(article.paragraphs):
        if paragraph.kind != "body":
            continue
        text = article.paragraph_text(index)
        if text.strip():
            yield index, paragraph.start, text


def may_name(sentence: str, common: frozenset[str]) -> bool:
    """Whether ``sentence`` can hold a proper name.

    It can when some word is capitalised, unless that word only opens the sentence
    and is a common one ("The", "But", "He"; but "US" is a name).
    """
    for position, match in enumerate(_WORD.finditer(sentence)):
        word = match.group()
        if word[:1].isupper() and (position or word.lower() not in common
                                   or (len(word) > 1 and word.isupper())):
            return True
    return False


def plan_article(article: Article, syntax: set[int] | None, max_chars: int,
                 common: frozenset[str]) -> list[Stretch]:
    """The stretches of ``article``'s body to parse, in text order.

    Args:
        article: With ``text`` and ``paragraphs`` set.
        syntax: Paragraphs that need the whole pipeline (``None``: all of them).
        max_chars: Longest stretch given to the model (``[language] max_chunk_chars``).
        common: Lower-case words that name nothing when they open a sentence.
    """
    stretches: list[Stretch] = []
    for index, begin, text in body_paragraphs(article):
        if syntax is None or index in syntax:
            for offset, piece in split_long(text, max_chars):
                stretches.append(Stretch(index, begin + offset, piece, True))
            continue
        for start, end in _runs(text, common, max_chars):
            for offset, piece in split_long(text[start:end], max_chars):
                stretches.append(Stretch(index, begin + start + offset, piece, False))
    return stretches


def _runs(text: str, common: frozenset[str], max_chars: int) -> list[tuple[int, int]]:
    """Runs of consecutive sentences of ``text`` that may name someone or something.

    Sentences stay together (up to ``max_chars``) so the entity model sees the same
    context it would in the whole paragraph.
    """
    runs: list[tuple[int, int]] = []
    for start, end in split_plain(text):
        if not may_name(text[start:end], common):
            continue
        if runs and not text[runs[-1][1] : start].strip() and end - runs[-1][0] <= max_chars:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return runs
