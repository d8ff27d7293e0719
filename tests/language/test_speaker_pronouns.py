"""He/she in quote attributions: chains of sentences about one person, main-clause subjects."""

from __future__ import annotations

from quoted_text import speakers


def test_he_reads_back_through_sentences_whose_subject_is_he() -> None:
    assert speakers(
        "The playwright Harold Pinter has attacked the war in his acceptance speech .",
        "The 75-year-old will not be attending the award ceremony because of poor health .",
        "He will be sending his publisher , Stephen Page , in his place to receive the prize .",
        "But the author of many plays has recorded a video of himself reading the speech .",
        "In recent years he has been treated for cancer .",
        "One of the original angry young men , he has lost none of his fury in the speech .",
        "`` How many people do you have to kill before you qualify as a war criminal ? '' "
        "he said .",
    ) == ["Harold Pinter"]


def test_a_person_named_after_the_last_he_is_whom_he_stands_for() -> None:
    assert speakers(
        "Listener Francis Noel contacted us to query the tone of some of the news reporting .",
        "The reports had shown looting in the capital .",
        "Aid was slow to arrive in the first days .",
        "The airport was crowded with relief flights .",
        "Roads out of the city were blocked by rubble .",
        "He is not alone in that view of the coverage .",
        "It all reminds me of the comment from the rapper Kanye West about another storm .",
        "`` I hate the way they portray us in the media , '' he said .",
    ) == ["Kanye West"]


def test_the_main_clause_subject_beats_the_subject_of_a_clause_hanging_from_it() -> None:
    assert speakers(
        "The playwright Harold Pinter has called for Tony Blair to be tried for war crimes .",
        "The speech excoriates the government over its record .",
        "`` The invasion of Iraq was a bandit act of blatant state terrorism , '' he said .",
    ) == ["Harold Pinter"]


def test_the_source_of_according_to_is_whom_a_later_he_stands_for() -> None:
    assert speakers(
        "Paul Mann of the University of Texas says the plates have been pushing for years .",
        "Earthquakes have not been a priority in the Caribbean when it comes to planning .",
        "But that could change , according to Simon Young , supervisor of the insurance "
        "facility .",
        "`` Coming off a slow hurricane season , there will be a lot more talk about "
        "earthquakes , '' he told a news service .",
    ) == ["Simon Young"]


def test_an_unnamed_spokesman_after_the_person_named_takes_the_he() -> None:
    assert speakers(
        "Saddam Hussein is to go on trial on October 19 , Iraq 's government spokesman "
        "confirmed yesterday .",
        "`` They will be tried for the execution of 143 citizens , '' he said .",
    ) == [None]


def test_one_survivor_is_whom_a_later_he_stands_for() -> None:
    assert speakers(
        "The BBC 's Mark Doyle said people had taken refuge in the fields .",
        "One survivor said he had come to Haiti for his mother 's funeral .",
        "`` We do n't have any aid , nothing at all , '' he said .",
    ) == [None]


def test_an_unnamed_person_acting_on_her_leaves_her_the_she() -> None:
    assert speakers(
        "Shondell McAllister said she had to force her way through the crowd .",
        "An official looked at her and said he was sorry .",
        "`` I already know she is dead , '' she replied .",
    ) == ["Shondell McAllister"]


def test_a_description_naming_someone_is_no_unnamed_person() -> None:
    assert speakers(
        "Gordon Brown says the response from the public has been extraordinary .",
        "A spokeswoman for the World Food Programme , Emilia Casella , rejects the "
        "criticism .",
        "`` Everybody can see the suffering , '' she says .",
    ) == ["Emilia Casella"]


def test_the_antecedent_of_who_is_a_subject_for_a_later_he() -> None:
    assert speakers(
        "The driver , Sgt Marcus Smith , laughed at the joke .",
        "Support back home is not lost on General John Abizaid , who commands US forces "
        "in the Middle East .",
        "He says troops fight best when they know people are behind them .",
        "`` When my soldiers ask whether the people are behind them , I say yes , '' he said .",
    ) == ["John Abizaid"]


def test_a_long_quote_does_not_push_the_speaker_out_of_reach() -> None:
    found = speakers(
        "During the two-hour recording , Dr Conrad Murray said he wished Jackson no harm .",
        "A security guard called the emergency services .",
        "He acknowledged that he had given the singer propofol every day .",
        "`` He was my friend . He opened up to me in different ways . I wanted to help him . "
        "I cared for him . I had no intention of hurting him . I did not want him to fail . ''",
        "But he added : `` I realized Michael Jackson had a dependency and I was trying to wean "
        "him off it . ''")
    assert found[-1] == "Conrad Murray"
