"""People the entity model mislabels or misses: brackets, titles of address, first names."""

from __future__ import annotations

from quoted_text import make_article, speakers

from storyline.config import default_config
from storyline.language.step import LanguageStep
from storyline.model import Article


def _people(*paragraphs: str) -> list[str]:
    [result] = list(LanguageStep(default_config()).run([make_article(*paragraphs)]))
    assert isinstance(result, Article)
    return [m.text for m in result.entities if m.label == "PERSON"]


def test_bracket_escapes_are_no_part_of_a_name() -> None:
    people = _people("-LRB- Updated 9:57 a.m. -RRB- Sarah Palin questioned the White House .")
    assert "Sarah Palin" in people
    assert not any("-RRB-" in p or "-LRB-" in p for p in people)


def test_a_title_of_address_or_a_first_name_makes_a_name_a_persons() -> None:
    [speaker] = speakers(
        "The degree is traditional , says Anne-Lucie Norton , director of the programme .",
        "There is archive footage of Kennedy 's speech from the height of the cold war .",
        "But Ms Norton points out that the entry standards are traditional .",
        "The point of e-learning is not the technology : `` It 's the learning , stupid , '' "
        "she says .",
    )
    assert speaker is not None and speaker.endswith("Norton")  # not Kennedy


def test_a_person_named_by_a_first_name_alone_is_a_person() -> None:
    assert speakers(
        "Heather -LRB- whose last name is being withheld -RRB- , 23 , watched chaos erupt "
        "below her hotel window .",
        "`` Initially , we were just in awe of all of the people , '' she told reporters .",
    ) == ["Heather"]


def test_a_title_of_address_just_outside_the_entity_makes_it_a_persons() -> None:
    import spacy

    from storyline.language.person_names import person_label

    doc = spacy.blank("en")("Mr Fouda said the Alpha Group agreed .")
    assert person_label([doc[1]], "ORG") == "PERSON"  # "Mr" before the tagged "Fouda"
    assert person_label([doc[4], doc[5]], "ORG") == "ORG"
    doc = spacy.blank("en")("Rooney will miss England 's match .")
    assert person_label([doc[3]], "GPE") == "GPE"  # the verb, not the title
    doc = spacy.blank("en")("DEA spokeswoman Violet Szeleczky confirmed the Drug Agency search .")
    assert person_label([doc[2], doc[3]], "ORG") == "PERSON"  # a role word before it
    assert person_label([doc[7], doc[8]], "ORG") == "ORG"
