"""How the speaker search reads an article's mentions: things the entity model calls people."""

from __future__ import annotations

from quoted_text import speakers


def test_a_person_the_text_calls_a_magazine_is_no_speaker() -> None:
    # "magazine Billboard": the entity model tags it a person, the text says what it is.
    assert speakers(
        "La Toya Jackson spoke to GMTV on Thursday about her brother .",
        "Earlier this week music trade magazine Billboard reported that the estate had "
        "earned $ 1 billion .",
        "In an interview she said : `` It is a slap in the face to the family . ''",
    ) == ["La Toya Jackson"]
