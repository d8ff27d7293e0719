"""Gender evidence for he/she: first names, gendered nouns, weighed against slips."""

from __future__ import annotations

from quoted_text import speakers

from storyline.language.first_names import first_name_gender


def test_a_common_first_name_says_the_gender_of_a_full_name() -> None:
    assert first_name_gender("Mark Roesler") == "male"
    assert first_name_gender("Anne-Lucie Norton") == "female"
    assert first_name_gender("Dr Judith Craig") == "female"


def test_a_name_alone_or_a_first_name_given_to_both_says_nothing() -> None:
    assert first_name_gender("Howard") is None  # a surname too ("Mr Howard")
    assert first_name_gender("Jean Philippe Chauzy") is None
    assert first_name_gender("Kim Jong-un") is None


def test_she_skips_a_man_named_last_for_the_woman_the_sentences_are_about() -> None:
    assert speakers(
        "The actress Jane Russell died on Thursday at the age of 85 .",
        "`` She captured the imagination of a generation , '' her agent , Mark Roesler , "
        "said .",
        "Even in old age she refused to be photographed .",
        "`` I do n't want to be photographed in my old age , '' she said in 1998 .",
    ) == ["Mark Roesler", "Jane Russell"]


def test_a_gendered_noun_in_apposition_says_the_gender() -> None:
    assert speakers(
        "Heather Smith , 23 , watched the protest from her hotel window .",
        "`` We were just in awe of the people crossing the bridge , '' she told reporters .",
        "Her father , George , filmed the protesters storming the bridge .",
        "`` It was frightening to see the police retreat , '' she said .",
    ) == ["Heather Smith", "Heather Smith"]


def test_one_gendered_slip_is_outweighed_by_the_rest_of_the_article() -> None:
    # "UN spokesman" is written of a woman; four other pieces of evidence say she is one.
    assert speakers(
        "`` The task is huge , '' UN spokesman Elisabeth Byrs told the BBC .",
        "`` Roads are heavy with traffic , '' said Ms Byrs of the UN .",
        "Ms Byrs said the capital was tense but calm .",
        "Adrien Tomarchio , of the agency Acted , told the BBC that food must reach the "
        "right people .",
        "`` If we distribute food all at once , some people will take more , '' he said .",
    ) == ["Elisabeth Byrs", "Elisabeth Byrs", "Adrien Tomarchio"]

