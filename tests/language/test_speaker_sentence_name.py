"""A "he"/"she" attribution after the sentence has named its speaker."""

from __future__ import annotations

from quoted_text import speakers


def test_he_said_after_a_named_speaker_in_the_same_sentence_is_that_person() -> None:
    assert speakers(
        "Gilbert Blades , a lawyer , has handled many desertion cases .",
        "Justin Houston-Roberts , who also represents soldiers , said : "
        "`` There 's been a very noticeable increase , '' he said .",
    ) == ["Justin Houston-Roberts"]


def test_a_described_subject_does_not_replace_the_pronoun() -> None:
    assert speakers(
        "Hosni Mubarak addressed the nation on Tuesday .",
        "Hours later a senior official said the talks went well : "
        "`` We are very close to a deal on the border and the prisoners , '' he said .",
    ) == ["Hosni Mubarak"]


def test_he_repeats_the_subject_of_a_clause_ending_in_a_colon_before_the_quote() -> None:
    assert speakers(
        "Prime Minister Gordon Brown said : `` Simon Cowell can make a huge amount of money . ''",
        "Chris Martin has visited Haiti before : `` It 's a country of extreme poverty and "
        "brutal living conditions , '' he said .") == ["Gordon Brown", "Chris Martin"]
