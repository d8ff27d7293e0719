"""Quotes standing alone: the person the sentences before them are about."""

from __future__ import annotations

from quoted_text import speakers


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


def test_a_sentence_opening_with_said_attributes_the_quote_before_it() -> None:
    # A scraped page broke "“…,” said X, a long description." at the paragraph end.
    assert speakers(
        "The board met for six hours on Tuesday , analysts said .",
        "`` The board had to ask itself whether it could survive the vote . ''",
        "said Margaret Ellery , a professor of economics at a state university who "
        "advised two previous governments on budget reform .",
    ) == ["Margaret Ellery"]


def test_so_said_x_after_a_quote_attributes_it() -> None:
    assert speakers(
        "Crowds gathered outside the stadium on Monday .",
        "`` When you think about people who lost everything , you have to act . ''",
        "So said former governor Daniel Okafor , the envoy to the region .",
    ) == ["Daniel Okafor"]


def test_an_opening_participle_about_someone_else_does_not_attribute() -> None:
    assert speakers(
        "Mr Halvorsen posted a message , saying : `` We can not go on like this . ''",
        "`` Nobody listens to the farmers any more . ''",
        "Asked about Mr Halvorsen 's comments , party deputy Lena Moss criticised the plan .",
    ) == ["Halvorsen", "Halvorsen"]
