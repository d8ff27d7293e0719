"""The spaCy pipeline: loaded once per process, from an installed package only.

Nothing is downloaded at run time: the model is a pinned dependency of storyline.
Only the components the language step reads are kept (tagger for ``tag_``, parser
for sentences and speakers, NER for entities); the lemmatizer and the attribute
ruler (coarse POS, which nothing here reads) are excluded. The tagger and parser
run only where their output is read (:func:`parse_texts`, ``[language] syntax``).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

from storyline.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Components the step never reads; excluding them saves load and run time.
UNUSED_COMPONENTS: tuple[str, ...] = ("lemmatizer", "attribute_ruler", "textcat", "senter")

T = TypeVar("T", bound=Any)

# A paragraph longer than this is parsed in pieces (see ``[language] max_chunk_chars``).
MAX_PIECE_CHARS = 10_000
# At most this many characters go through the model at once (``[language] max_batch_chars``).
MAX_BATCH_CHARS = 50_000

# Where a sentence most likely ends: final punctuation, closing marks, then space.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]»]*\s+")


@dataclass
class ParsedPiece:
    """One parsed stretch of an article: a body paragraph, or part of a very long one.

    ``offset`` is where the Doc's text starts in ``Article.text``, so a token's
    position in the article is ``offset + token.idx``.
    """

    paragraph: int
    offset: int
    doc: Doc


@lru_cache(maxsize=4)
def load_pipeline(model_name: str) -> Language:
    """Load (once per process) the installed spaCy pipeline ``model_name``.

    Args:
        model_name: Package name of the pipeline, from ``[language].spacy_model``.

    Returns:
        The pipeline without the components the language step does not use.

    Raises:
        ConfigError: The pipeline is not installed; the message says how to fix it.
    """
    import spacy

    try:
        return spacy.load(model_name, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        package = model_name.replace("_", "-")
        raise ConfigError(
            f"spaCy pipeline {model_name!r} is not installed ({exc}); install the Python "
            f"package {package!r} into this environment or set [language].spacy_model "
            "to an installed pipeline"
        ) from exc


class ParseCache:
    """Docs of recently parsed texts, at most ``max_chars`` characters of them.

    Syndicated copies repeat whole paragraphs word for word; each distinct text is
    parsed once and its Doc shared (nothing downstream changes a Doc). A Doc with the
    syntax (tags and dependencies) also serves a request for entities alone. The least
    recently used texts are forgotten first, which bounds the memory the Docs hold.
    """

    def __init__(self, max_chars: int) -> None:
        """An empty cache holding at most ``max_chars`` characters of text (0: none)."""
        self.max_chars = max_chars
        self.chars = 0
        self.docs: OrderedDict[str, Doc] = OrderedDict()

    def get(self, text: str, syntax: bool = True) -> Doc | None:
        """The Doc of ``text`` if it is held (and has the syntax, when ``syntax``)."""
        doc = self.docs.get(text)
        if doc is None or (syntax and not has_syntax(doc)):
            return None
        self.docs.move_to_end(text)
        return doc

    def put(self, text: str, doc: Doc) -> None:
        """Hold the Doc of ``text``, forgetting the oldest ones beyond ``max_chars``."""
        if len(text) > self.max_chars:
            return
        if text in self.docs:
            self.docs[text] = doc
            self.docs.move_to_end(text)
            return
        self.docs[text] = doc
        self.chars += len(text)
        while self.chars > self.max_chars:
            old, _ = self.docs.popitem(last=False)
            self.chars -= len(old)


def has_syntax(doc: Doc) -> bool:
    """Whether ``doc`` went through the tagger and parser (not the entity model alone)."""
    return bool(doc.has_annotation("DEP"))


def common_words(nlp: Language) -> frozenset[str]:
    """The pipeline's stop words: lower-case words that open sentences and name nothing."""
    return frozenset(word.lower() for word in nlp.Defaults.stop_words)


@lru_cache(maxsize=4)
def parse_cache(model_name: str, max_chars: int) -> ParseCache:
    """The cache of this process for pipeline ``model_name``."""
    return ParseCache(max_chars)


def split_long(text: str, limit: int = MAX_PIECE_CHARS) -> list[tuple[int, str]]:
    """Cut ``text`` into pieces of at most ``limit`` characters, at sentence ends if possible.

    The model's working memory grows with the characters it is given at once, so a
    long paragraph is parsed piece by piece. A piece ends at the last likely sentence
    end in its second half, else at the last space there, else exactly at ``limit``
    (a run of text with no space at all).

    Returns:
        (offset of the piece in ``text``, piece) pairs covering the text in order.
    """
    limit = max(limit, 2)
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        low, high = start + limit // 2, start + limit
        cut = -1
        for match in _SENTENCE_END.finditer(text, low, high):
            cut = match.end()
        if cut <= start or cut > high:
            cut = text.rfind(" ", low, high) + 1
        if cut <= start:
            cut = high
        pieces.append((start, text[start:cut]))
        start = cut
    pieces.append((start, text[start:]))
    return pieces


def char_batches(items: Iterable[T], max_items: int, max_chars: int = MAX_BATCH_CHARS,
                 size: Callable[[T], int] = len) -> Iterator[list[T]]:
    """Group ``items`` in order into batches of at most ``max_items`` and ``max_chars``.

    ``size`` gives an item's characters; a single item longer than ``max_chars``
    forms a batch of its own.
    """
    batch: list[T] = []
    total = 0
    for item in items:
        chars = size(item)
        if batch and (len(batch) >= max_items or total + chars > max_chars):
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += chars
    if batch:
        yield batch


def parse_texts(nlp: Language, texts: Iterable[tuple[str, bool]], batch_size: int,
                max_batch_chars: int = MAX_BATCH_CHARS,
                cache: ParseCache | None = None) -> Iterator[Doc]:
    """Run the pipeline over ``texts``, yielding one Doc per text in order.

    Each item is ``(text, syntax)``: with ``syntax`` the whole pipeline runs (tagger
    and parser for tags, dependencies and sentences; NER for entities); without it
    only the entity model, which carries its own token vectors and costs about half
    of the whole. At most ``batch_size`` texts and ``max_batch_chars`` characters are
    parsed at once, which bounds the model's working memory. A text repeated in a
    batch, or held by ``cache``, is parsed once and its Doc shared. Each Doc's
    ``tensor`` (the token vectors the parser and tagger used, 96 floats a token) is
    dropped: nothing downstream reads it, and it is most of what a kept Doc weighs.
    """
    import numpy

    empty = numpy.zeros((0, 0), dtype="float32")
    entities_only = [name for name in nlp.pipe_names if name != "ner"]
    batches = char_batches(texts, batch_size, max_batch_chars, size=lambda item: len(item[0]))
    for batch in batches:
        docs: dict[str, Doc] = {}
        wanted: dict[str, bool] = {}
        for text, syntax in batch:
            wanted[text] = wanted.get(text, False) or syntax
        for text, syntax in wanted.items():
            held = cache.get(text, syntax) if cache else None
            if held is not None:
                docs[text] = held
        for syntax in (True, False):
            todo = [text for text, want in wanted.items() if want is syntax and text not in docs]
            if not todo:
                continue
            disable = [] if syntax else entities_only
            parsed = nlp.pipe(todo, batch_size=max(1, len(todo)), disable=disable)
            for text, doc in zip(todo, parsed, strict=True):
                doc.tensor = empty
                docs[text] = doc
                if cache:
                    cache.put(text, doc)
        for text, _ in batch:
            yield docs[text]
