"""A heading sentence that hands the quote after its colon to someone's remarks."""

from __future__ import annotations

from quoted_text import speakers


def test_the_remarks_of_a_person_give_the_quote_after_the_colon() -> None:
    assert speakers(
        "Here are the remarks of Egyptian Vice President Omar Suleiman following the speech : "
        "`` This is a very historic hour in the history of the homeland . ''") == ["Omar Suleiman"]


def test_the_text_of_a_person_s_address_gives_the_quote_after_the_colon() -> None:
    assert speakers(
        "This is the text of Egyptian President Hosni Mubarak 's address to his country Tuesday "
        "evening : `` In the name of God , my fellow citizens , I speak to you in a difficult "
        "time . ''") == ["Hosni Mubarak"]
