from storyline.clean.segment import (
    Block,
    assemble,
    blocks_of,
    looks_like_heading,
    mark_headings,
    split_blocks,
)
from storyline.model import Article

PROSE = "The council met on Monday and agreed a budget after a long debate, officials said."


def test_one_paragraph_a_line_without_blank_lines() -> None:
    assert split_blocks("First line here.\nSecond line here.\n") == [
        "First line here.", "Second line here."]


def test_lowercase_continuation_is_joined() -> None:
    text = "Keep up with what happens in the region,\nits people and the world.\n\nNext."
    assert split_blocks(text) == [
        "Keep up with what happens in the region, its people and the world.", "Next."]


def test_hard_wrapped_paragraphs_are_joined() -> None:
    wrapped = (
        "The council met on Monday and agreed a budget after a long\n"
        "debate that ran late into the night, officials said on Tuesday\n"
        "morning in a statement.\n\n"
        "The mayor said the plan would be published within the week and\n"
        "Residents would be consulted before any of the cuts took effect\n"
        "next spring.\n"
    )
    blocks = split_blocks(wrapped)
    assert len(blocks) == 2
    assert blocks[0].endswith("in a statement.")


def test_whitespace_and_invisible_characters_are_normalised() -> None:
    assert split_blocks("  A\u200b  line\u00a0here.  \n \n") == ["A line here."]


def test_heading_shape() -> None:
    assert looks_like_heading("Export curbs")
    assert looks_like_heading("Looming Election Uncertainty")
    assert not looks_like_heading("He left.")
    assert not looks_like_heading("a lowercase fragment")
    assert not looks_like_heading(PROSE)


def test_headings_only_between_prose() -> None:
    blocks = [Block(PROSE), Block("Skepticism at home"), Block(PROSE), Block("Trailing label")]
    mark_headings(blocks)
    assert [b.kind for b in blocks] == ["body", "heading", "body", "body"]


def test_assemble_offsets_and_headings_apart() -> None:
    text, paragraphs, headings = assemble(
        [Block("One."), Block("Two", "heading"), Block("Three."), Block("End", "heading")])
    assert text == "One.\n\nThree."
    assert [text[p.start:p.end] for p in paragraphs] == ["One.", "Three."]
    assert [(h.text, h.offset) for h in headings] == [("Two", 6), ("End", len(text))]


def test_blocks_of_puts_headings_back_in_reading_order() -> None:
    blocks = [Block("Lead."), Block("Two", "heading"), Block("Three."), Block("End", "heading")]
    article = Article(id="a")
    article.text, article.paragraphs, article.headings = assemble(blocks)
    assert [(b.text, b.kind) for b in blocks_of(article)] == [(b.text, b.kind) for b in blocks]


def test_short_questions_are_prose_not_headings() -> None:
    assert not looks_like_heading("Where was the outrage?")
