"""The parse plan: whole pipeline around quotes, entity model only on sentences that may name."""

from __future__ import annotations

from storyline.language.plan import may_name, plan_article, syntax_paragraphs
from storyline.language.quotes import find_quote_spans
from storyline.model import Article, Paragraph

COMMON = frozenset({"the", "he", "but", "us", "it"})


def article(*paragraphs: str) -> Article:
    text, spans, start = "", [], 0
    for paragraph in paragraphs:
        spans.append(Paragraph(start, start + len(paragraph)))
        text += paragraph + "\n"
        start = len(text)
    return Article(id="a", text=text.rstrip("\n"), paragraphs=spans)


def test_a_sentence_may_name_when_a_word_other_than_a_common_opener_is_capitalised() -> None:
    assert may_name("The talks resumed in Seoul.", COMMON)
    assert may_name("Officials met again.", COMMON)  # an uncommon opener may be a name
    assert may_name("US officials met again.", COMMON)  # an acronym is a name
    assert not may_name("The talks resumed on time.", COMMON)
    assert not may_name("He said it was over.", COMMON)


def test_quote_paragraphs_three_before_and_one_after_get_syntax() -> None:
    doc = article("First one.", "Second one.", "Third one.", "Fourth one.",
                  "“We agree on every point that matters to us,” he said.", "Sixth.", "Seventh.")
    assert syntax_paragraphs(doc, find_quote_spans(doc)) == {1, 2, 3, 4, 5}


def test_plan_keeps_name_bearing_runs_of_sentences_and_whole_syntax_paragraphs() -> None:
    doc = article(
        "The rain fell. It was cold. Kim Lee arrived in Busan. She met Park there. "
        "The day ended.",
        "“We agree on every point that matters to us,” he said.",
    )
    stretches = plan_article(doc, {1}, 10_000, COMMON)
    assert [(s.paragraph, s.text, s.syntax) for s in stretches] == [
        (0, "Kim Lee arrived in Busan. She met Park there.", False),
        (1, "“We agree on every point that matters to us,” he said.", True),
    ]
    for stretch in stretches:
        assert doc.text[stretch.offset : stretch.offset + len(stretch.text)] == stretch.text
    everything = plan_article(doc, None, 10_000, COMMON)
    assert all(s.syntax for s in everything) and len(everything) == 2
