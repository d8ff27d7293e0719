"""Text outside marks that is not narration: a quote's lines running on, a pull-quote."""

from __future__ import annotations

from quoted_text import speakers


def test_unmarked_lines_of_a_quote_left_open_continue_its_speaker() -> None:
    assert speakers(
        "Citing his objections yesterday , Mr Solomou said : `` I believe the occupation "
        "of Iraq to be illegal .",
        "Washington and London have tried everything , and none of it was true .",
        "`` Now the fundamental bedrocks of democracy are being trampled by this war . ''",
    ) == ["Solomou", "Solomou"]


def test_a_line_with_a_speech_verb_ends_the_run() -> None:
    assert speakers(
        "Citing his objections yesterday , Mr Solomou said : `` I believe the occupation "
        "of Iraq to be illegal .",
        "Defence Secretary Geoff Hoon said the army would look into the matter carefully .",
        "`` Now the fundamental bedrocks of democracy are being trampled by this war . ''",
    )[1] == "Geoff Hoon"


def test_a_pull_quote_glued_to_a_quote_is_not_narration() -> None:
    assert speakers(
        "Gordon Brown said the country would help .",
        "`` It is a human tragedy of enormous proportions , '' he said .",
        "It is a human tragedy of enormous proportions `` We will do everything we can "
        "to ensure that the compassion shown is turned into help . ''",
    ) == ["Gordon Brown", "Gordon Brown"]


def test_a_caption_glued_to_the_next_paragraph_of_an_open_quote_is_not_narration() -> None:
    found = speakers(
        "Mr Cooke said his team was one of 47 working across the capital .",
        "He said , `` You hear gunfire , you see gangs of youths carrying machetes .",
        "Rescuers spent six hours freeing one woman trapped under her home `` We are doing "
        "quite well .",
        "`` The conditions yesterday were very hot and dusty . ''",
    )
    assert found == ["Cooke", "Cooke"]  # the last two paragraphs are one quote
