"""Quotes standing alone: the person the sentences before them are about."""

from __future__ import annotations

from storyline.config import default_config
from storyline.language.step import LanguageStep
from storyline.model import Article, Paragraph


def speakers(*paragraphs: str) -> list[str | None]:
    """The speakers of the quotes the language step finds in the paragraphs."""
    text, spans = "", []
    for paragraph in paragraphs:
        if text:
            text += "\n\n"
        spans.append(Paragraph(len(text), len(text) + len(paragraph)))
        text += paragraph
    [result] = list(LanguageStep(default_config()).run([Article(id="t", text=text,
                                                                paragraphs=spans)]))
    assert isinstance(result, Article)
    return [quote.speaker for quote in result.quotes]


def test_a_standalone_quote_after_sentences_about_a_person_is_theirs() -> None:
    assert speakers(
        "Pierre Paul Guerrier used to run the local brewery .",
        "The place has been flattened , but he has begun to rebuild it .",
        "`` I 'm not going to wait for the government to help me . ''",
    ) == ["Pierre Paul Guerrier"]


def test_an_unnamed_source_or_a_question_before_a_standalone_quote_stops_the_search() -> None:
    assert speakers(
        "Lindsay Lohan checked into the clinic on Thursday night , her rep confirms .",
        "`` And she showed up in the morning and hated it there . ''",
    ) == [None]
