"""Helpers for the quote tests: an article made of paragraphs, and the speakers found in it."""

from __future__ import annotations

from storyline.config import default_config
from storyline.language.step import LanguageStep
from storyline.model import Article, Paragraph


def make_article(*paragraphs: str) -> Article:
    """An article whose text is the paragraphs, a blank line between them."""
    text, spans = "", []
    for paragraph in paragraphs:
        if text:
            text += "\n\n"
        spans.append(Paragraph(len(text), len(text) + len(paragraph)))
        text += paragraph
    return Article(id="t", text=text, paragraphs=spans)


def speakers(*paragraphs: str) -> list[str | None]:
    """The speakers of the quotes the language step finds in the paragraphs."""
    [result] = list(LanguageStep(default_config()).run([make_article(*paragraphs)]))
    assert isinstance(result, Article)
    return [quote.speaker for quote in result.quotes]
