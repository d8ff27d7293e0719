"""The spaCy pipeline: loaded once per process, from an installed package only.

Nothing is downloaded at run time: the model is a pinned dependency of storyline.
Only the components the language step reads are kept (tagger for ``tag_``, parser
for sentences and speakers, NER for entities); the lemmatizer and the attribute
ruler (coarse POS, which nothing here reads) are excluded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from storyline.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Components the step never reads; excluding them saves load and run time.
UNUSED_COMPONENTS: tuple[str, ...] = ("lemmatizer", "attribute_ruler", "textcat", "senter")

# Longer texts are cut at whitespace into pieces of at most this many characters,
# well under spaCy's ``max_length`` so memory stays bounded.
MAX_PIECE_CHARS = 100_000


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


def split_long(text: str, limit: int = MAX_PIECE_CHARS) -> list[tuple[int, str]]:
    """Cut ``text`` at whitespace into pieces of at most ``limit`` characters.

    Returns:
        (offset of the piece in ``text``, piece) pairs covering the text in order.
    """
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        cut = text.rfind(" ", start + limit // 2, start + limit)
        if cut <= start:
            cut = start + limit
        pieces.append((start, text[start:cut]))
        start = cut
    pieces.append((start, text[start:]))
    return pieces


def parse_texts(nlp: Language, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
    """Run the pipeline over ``texts`` in batches, yielding one Doc per text in order."""
    yield from nlp.pipe(texts, batch_size=batch_size)
