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
