"""Quotes: where they are (no model) and who said them (with the spaCy model)."""

from __future__ import annotations

import pytest
from quoted_text import make_article

from storyline.config import default_config
from storyline.language.quotes import find_quote_spans
from storyline.language.step import LanguageStep
from storyline.model import Article, Quote


def quoted(*paragraphs: str) -> list[str]:
    article = make_article(*paragraphs)
    return [span.text(article.text) for span in find_quote_spans(article)]


def test_curly_and_straight_quotes_multi_sentence() -> None:
    assert quoted('“We won. It was hard,” she said. He said: "Nobody expected this result."') == [
        "We won. It was hard", "Nobody expected this result."]


def test_scare_quotes_of_three_words_or_fewer_are_ignored() -> None:
    assert quoted("Critics called it “groundbreaking” and “a turning point”.") == []


def test_quoted_titles_are_not_quotes() -> None:
    assert quoted("She spoke at the “Love Won Out Conference” in June.") == []


def test_quote_continues_into_the_next_paragraph_that_reopens_it() -> None:
    article = make_article("“We will rebuild every house,” he said. “Nobody will be left behind.",
                           "“Nobody will be forgotten either.”", "Then he left.")
    spans = find_quote_spans(article)
    assert [s.text(article.text) for s in spans] == [
        "We will rebuild every house",
        "Nobody will be left behind. Nobody will be forgotten either.",
    ]
    assert spans[1].paragraphs == [0, 1]


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    assert quoted("He said “this is not over by a long way", "The vote is on Friday.") == [
        "this is not over by a long way"]


def test_british_single_quotes_and_apostrophes() -> None:
    assert quoted("‘We don’t accept the workers’ claims at all,’ the firm said.") == [
        "We don’t accept the workers’ claims at all"]


def test_one_sentence_a_line_quote_closes_on_the_next_line() -> None:
    article = make_article("`` They are coming in with sticks .",
                           "They are everywhere , '' she said .", "`` We left at once . ''")
    assert [s.text(article.text) for s in find_quote_spans(article)] == [
        "They are coming in with sticks . They are everywhere", "We left at once ."]


def test_a_mirrored_pair_of_marks_opens_no_quote() -> None:
    assert quoted("The agency added to its ” 10 Most Wanted “ list a man who escaped from "
                  "custody last week in Texas.") == []
    assert quoted("“We will rebuild every house in this town,” he said. “Nobody will be left "
                  "behind.”") == ["We will rebuild every house in this town",
                                 "Nobody will be left behind."]


def test_headings_are_not_read_for_quotes() -> None:
    article = make_article("“A quote that is a headline here”", "Body text without quotes.")
    article.paragraphs[0].kind = "heading"
    assert find_quote_spans(article) == []


def run_step(*paragraphs: str) -> list[Quote]:
    article = make_article(*paragraphs)
    [result] = list(LanguageStep(default_config()).run([article]))
    assert isinstance(result, Article)
    for quote in result.quotes:
        if "\n" not in result.text[quote.start : quote.end]:
            assert result.text[quote.start : quote.end] == quote.text
    return result.quotes


def speakers(*paragraphs: str) -> list[str | None]:
    return [quote.speaker for quote in run_step(*paragraphs)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“Prices will keep rising for the rest of the year,” John Carter said on Monday.",
         "John Carter"),
        ("“We are not going to accept this proposal under any circumstances,” said Thomas "
         "Becker, a union leader.", "Thomas Becker"),
        ("“There is no evidence that the vaccine caused the deaths,” Anna Kovacs told reporters.",
         "Anna Kovacs"),
        ("The plant will stay open, “at least until the end of next year,” according to Daniel "
         "Reyes, the company’s chief executive.", "Daniel Reyes"),
        ("“We expect the market to recover slowly over the summer,” Maria Lopez added.",
         "Maria Lopez"),
    ],
)
def test_attribution_patterns(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_speaker_id_is_a_slug_of_the_canonical_name() -> None:
    text = "Prime Minister Maria Lopez arrived. “This deal will create many new jobs,” Lopez said."
    [quote] = run_step(text)
    assert (quote.speaker, quote.speaker_id) == ("Maria Lopez", "person:maria-lopez")


def test_pronoun_goes_to_the_last_speaker_not_the_last_person_named() -> None:
    assert speakers(
        "“Prices will keep rising for the rest of the year,” John Carter told Maria Lopez.",
        "“I have warned about this for months,” he added.",
    ) == ["John Carter", "John Carter"]


def test_pronoun_without_an_earlier_quote_goes_to_the_last_person_subject() -> None:
    assert speakers(
        "Maria Lopez, the city’s mayor, spoke to reporters on Tuesday.",
        "“The bridge will reopen before the winter holidays,” she said.",
    ) == ["Maria Lopez"]


def test_standalone_quote_takes_the_speaker_of_the_previous_sentence() -> None:
    assert speakers(
        "Senator Robert Hale said the bill had failed in the chamber.",
        "“We did everything we could to get the votes we needed.”",
    ) == ["Robert Hale"]


def test_standalone_quote_does_not_take_the_speaker_of_the_next_sentence() -> None:
    assert speakers(
        "The vote took place late on Thursday.",
        "“We did everything we could to get the votes we needed.”",
        "Robert Hale, the senator who led the effort, said the vote was lost.",
    ) == [None]


def test_standalone_quote_continues_the_previous_quote_not_the_next_speaker() -> None:
    assert speakers(
        "Speaking after the vote, Robert Hale said: “We knew it would be close.",
        "We counted every vote twice.",
        "“Nobody in this building expected the result we got tonight.”",
        "Anna Kovacs, who leads the other side, said: “We will accept the result of the vote.”",
    ) == ["Robert Hale", "Robert Hale", "Anna Kovacs"]


def test_standalone_quote_after_a_new_named_subject_is_not_continued() -> None:
    assert speakers(
        "“We will appeal the ruling as soon as we can,” said Robert Hale.",
        "Anna Kovacs, the union leader, met workers outside the plant on Friday.",
        "“Nobody in this building expected the result we got tonight.”",
    ) == ["Robert Hale", None]


def test_standalone_quote_more_than_three_sentences_away_has_no_speaker() -> None:
    assert speakers(
        "Senator Robert Hale said the bill had failed in the chamber.",
        "The vote was 48 to 52. Several amendments were rejected.",
        "The chamber adjourned early on Thursday afternoon.",
        "“We did everything we could to get the votes we needed.”",
    ) == [None]


def test_unnamed_speaker_gives_no_speaker() -> None:
    assert speakers("“Nobody will be left behind in this town,” the governor said.") == [None]


def test_tokenised_tex_style_quotes() -> None:
    assert quoted("`` We have no idea what caused it , '' the pastor said .") == [
        "We have no idea what caused it"]
    assert quoted('He said "we have no idea what caused it. \'\' Then he left.') == [
        "we have no idea what caused it."]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“This is an abduction, not an adoption,” Minister Yves Christallin was quoted as "
         "saying by a news agency.", "Yves Christallin"),
        ("According to an Acme Telecom update, “some more bandwidth was brought online last "
         "night.”", "Acme Telecom"),
    ],
)
def test_attribution_through_quoted_as_saying_and_a_named_source(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_an_unnamed_nearest_subject_gives_no_speaker_rather_than_a_farther_one() -> None:
    assert speakers(
        "Robert Hale stated that he opposed the changes, with a spokesman stating: “As "
        "senator, he will fight to keep the strong protections of the law.”"
    ) == [None]


def test_a_run_of_standalone_quote_paragraphs_keeps_its_speaker() -> None:
    assert speakers(
        "“The danger is real and it is growing every year,” Robert Hale said.",
        "“We cannot say for sure how large the next wave will be.”",
        "“But the future need not look like the past at all.”",
        "“We know it is coming and we might have years to prepare.”",
        "“We must work urgently to prepare for the next one.”",
    ) == ["Robert Hale"] * 5


def test_a_proper_noun_speaker_the_entity_model_missed_is_taken_as_a_person() -> None:
    [speaker] = speakers("“I feel sorry for the young people of this city,” said 40-year-old "
                         "Tsikala Stephania, a public sector worker.")
    assert speaker == "Tsikala Stephania"


def test_a_bare_title_is_not_a_speaker_name() -> None:
    assert speakers("“We will keep the rule in place for the coming years,” said Secretary.") \
        == [None]


def test_pronoun_takes_a_later_main_subject_over_an_earlier_speaker() -> None:
    assert speakers(
        "“The bridge will reopen before the winter holidays,” John Carter said.",
        "Robert Hale, the city engineer, disputes the timetable.",
        "He told reporters: “There is no way the repairs are finished this year.”",
    ) == ["John Carter", "Robert Hale"]


def test_a_nested_account_goes_to_its_outer_named_source() -> None:
    assert speakers(
        "Robert Hale says that John Carter told him the minister said: “The plant will close "
        "by the end of the year.”"
    ) == ["Robert Hale"]


def test_words_quoted_again_with_a_speaker_take_that_speaker() -> None:
    assert speakers(
        "The plant faces “the hardest winter in its history” as orders fall.",
        "Orders fell by a third in the autumn.",
        "Its manager, John Carter, told the paper it faced “the hardest winter in its history.”",
    ) == ["John Carter", "John Carter"]


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (("The Metropolitan Police said the driver fled the scene after the crash.",
          "“The driver left the car in a field and ran towards the river,” police said."),
         "Metropolitan Police"),
        (("In a statement, Anna's brothers John and Peter Carter said they were shocked.",
          "The brothers said: “We ask everyone to respect our privacy at this time.”"),
         "John"),
        (("“The streets outside are filled with people waiting for news,” the Reuters news "
          "agency said.",), "Reuters"),
        (("“The streets outside are filled with people waiting for news,” a Reuters "
          "spokesman said.",), None),
    ],
)
def test_role_nouns_and_organisations_as_speakers(paragraphs: tuple[str, ...],
                                                  speaker: str | None) -> None:
    assert speakers(*paragraphs)[-1] == speaker


def test_a_name_labelling_the_quote_is_its_speaker() -> None:
    assert speakers(
        "The council met on Monday to discuss the flood.",
        "Anna Kovacs/City Council Leader : “We will rebuild every house in this town before "
        "the winter.”",
        "His message to Robert Hale : “Nobody in this town will be left without a roof this "
        "year.”",
    ) == ["Anna Kovacs", None]


def test_an_affiliation_describing_an_unnamed_source_is_no_speaker() -> None:
    assert speakers("“The senator has been the first choice for the job for months,” said the "
                    "Democrat who is familiar with the talks.") == [None]


def test_the_named_one_of_two_subjects_speaks() -> None:
    assert speakers("The band's guitarist John Carter told a radio station the band “wrote a "
                    "song, finished and recorded it” last week.") == ["John Carter"]


def test_a_definite_role_noun_is_read_like_a_pronoun_but_not_a_possessed_one() -> None:
    assert speakers(
        "Robert Hale, who defends the driver, spoke outside the court on Friday.",
        "“My client cannot work because he is harassed wherever he goes,” said the attorney.",
        "“We will appeal against the sentence as soon as we can,” Carter's lawyer said.",
    ) == ["Robert Hale", None]


def test_pronoun_skips_subjects_of_reported_clauses() -> None:
    assert speakers(
        "Robert Hale claims John Carter told him the plant would close.",
        "He told the film crew: “Nobody believed it at the time, not even the workers.”",
    ) == ["Robert Hale"]


def test_a_possessed_role_noun_is_not_an_earlier_mention_of_the_noun() -> None:
    assert speakers(
        "President Robert Hale met farmers in the north on Monday.",
        "Ruritania's interim president said the government would cut “any link with the past "
        "regime”.",
    ) == [None]


def test_a_bare_attribution_after_a_standalone_quote_is_its_own() -> None:
    assert speakers(
        "“The driver left the car in a field and ran,” said Anna Kovacs.",
        "Road deaths are rare in the county, police say.",
        "“It is something no town can prepare for.”",
        "Const. Robert Hale said.",
    ) == ["Anna Kovacs", "Robert Hale"]


def test_a_report_after_the_quote_is_not_its_outer_frame() -> None:
    assert speakers(
        "Robert Hale spoke at the meeting on Monday.",
        "“Our focus right now is to get the funeral service together,” said Anna Kovacs, a "
        "local pastor who is working with the family on the service ; a date had yet to be "
        "set, he said.",
    ) == ["Anna Kovacs"]


def test_he_skips_a_person_the_article_marks_as_a_woman() -> None:
    assert speakers(
        "John Carter said he was organising a concert for the flood victims.",
        "The singer Anna Kovacs gave the plan her backing, saying she would love to sing.",
        "Speaking afterwards, he said: “We made a decision today and we will not wait.”",
    ) == ["John Carter"]


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (("Acme Corp issued a statement on Friday.",
          "“We are deeply saddened by the loss of our colleague,” the statement read."),
         "Acme Corp"),
        (("“We are deeply saddened by the loss of our colleague,” a statement from Acme Corp "
          "said.",), "Acme Corp"),
        (("Microsoft said in a statement on Monday that it was investigating the attacks. "
          "“We take security seriously and will act quickly,” the statement said.",),
         "Microsoft"),
        (("The report by Human Rights Watch says: “Civilians were targeted in many of the "
          "cases.”",), "Human Rights Watch"),
    ],
)
def test_a_document_speaks_for_its_owner(paragraphs: tuple[str, ...], speaker: str) -> None:
    assert speakers(*paragraphs) == [speaker]


def test_a_document_nobody_owns_has_no_speaker() -> None:
    assert speakers("“We are deeply saddened by the loss of our colleague,” a family "
                    "statement said.") == [None]


@pytest.mark.parametrize(
    "text",
    [
        "“We are out of the race for him now,” insisted team spokesman Tim Mead.",
        "Team spokesman Tim Mead insisted, “we are out of the race for him now.”",
        "Tim Mead confirmed on Monday: “We are out of the race for him now.”",
        "“We are out of the race for him now,” Tim Mead tweeted.",
    ],
)
def test_speech_verbs_in_every_position(text: str) -> None:
    assert speakers(text) == ["Tim Mead"]


def test_of_joint_speakers_the_first_named_is_kept() -> None:
    assert speakers("“We are not going to quit this fight,” Jane Smith and John Jones "
                    "said.") == ["Jane Smith"]


def test_a_relative_pronoun_subject_is_its_antecedent() -> None:
    assert speakers("The plan was welcomed by Maria Lopez, who said: “This is the best news "
                    "the town has had in years.”") == ["Maria Lopez"]


def test_a_flattened_paragraph_reopening_a_straight_quote_is_one_quote() -> None:
    assert quoted('"The crowd were into it tonight. "It has been a very different season. '
                  '"You never take winning for granted. \'\' The Colts had looked beaten.') == [
        "The crowd were into it tonight. It has been a very different season. "
        "You never take winning for granted."]
    # A detached closing mark before an attribution closes the quote.
    assert quoted('"What did the person look like when you saw her? "Eyewitness News asked. '
                  '"Not responding. She was unconscious, "Rambrich said.') == [
        "What did the person look like when you saw her?",
        "Not responding. She was unconscious"]


def test_a_closing_mark_whose_opening_was_lost_closes_its_sentence() -> None:
    assert quoted("The court heard the call .",
                  "He 's pumping the chest , but he 's not responding , sir '' End Quote",
                  "Rally organisers urged people not to forget September 11 '' and left .",
                  "`` We left the house at once . ''") == [
        "He 's pumping the chest , but he 's not responding , sir", "We left the house at once ."]


def test_a_one_sentence_a_line_quote_runs_through_unmarked_lines() -> None:
    assert quoted("Chief Officer Mike Thomas said : `` This is what we do the job for .",
                  "The conditions we are working in are pretty dire .",
                  "This is a real bonus to us all . ''", "Rescue came later .") == [
        "This is what we do the job for . The conditions we are working in are pretty dire . "
        "This is a real bonus to us all ."]


def test_a_pull_quote_whose_opening_was_lost_takes_the_speaker_of_its_repeat() -> None:
    assert speakers(
        "`` He was sweating and he appeared very nervous , '' the guard said .",
        "He wanted to make sure that help was available '' End Quote Meanwhile , Mr Muhammad "
        "confirmed he saw the stand .",
        "Kathy Jorrie told the court : `` He wanted to make sure that help was available . ''",
    ) == [None, "Kathy Jorrie", "Kathy Jorrie"]


def test_he_can_be_a_name_the_parse_left_as_no_subject() -> None:
    [speaker] = speakers(
        "Speaking to Newsbeat Jermaine Jackson criticised the timing of the concert which will "
        "clash with the trial of Dr Conrad Murray .",
        "`` It 's bad timing because it 's two weeks into the trial , '' he said .",
    )
    # The entity model may cut the name short; the point is "he" is not the last name seen.
    assert speaker is not None and speaker.endswith("Jackson")


def test_joint_names_in_apposition_give_the_first() -> None:
    [speaker] = speakers(
        "But their brothers Marlon , Tito and Jackie said in an interview that they would go "
        "ahead as `` they kept changing the trial date on us , '' adding it was a chance .")
    assert speaker is not None and speaker.split()[0] in ("Marlon", "Tito", "Jackie")


def test_he_after_an_anonymous_source_spoke_is_that_source() -> None:
    assert speakers(
        "Earlier in the day , Robert Hale said the site was down .",
        "The source , who requested anonymity , said some users still had access .",
        "`` It is almost completely inaccessible in the city , '' he said .",
    ) == [None]


def test_reading_out_a_message_introduces_its_words() -> None:
    assert speakers(
        "At the memorial , a visibly emotional Edmond Mulet read a message from the "
        "secretary general .",
        "`` To you I say : we are with you in spirit . ''",
    ) == ["Edmond Mulet"]


def test_a_memo_speaks_for_whoever_signed_it() -> None:
    assert speakers(
        "A memo signed by Lieutenant General Ricardo Sanchez authorised 29 interrogation "
        "techniques .",
        "The memo also stated that the policy was modelled on another one `` but modified for "
        "a theatre of war in which the conventions apply '' .",
        "The memo also laid out guidance for when the techniques could be used .",
        "It stated there should be `` a reasonable basis to believe that the detainee possesses "
        "critical intelligence '' .",
    ) == ["Ricardo Sanchez", "Ricardo Sanchez"]


def test_a_stance_or_a_colon_before_a_standalone_quote_introduces_its_speaker() -> None:
    assert speakers(
        "`` In Bosnia you could sit and enjoy nature , '' said Sgt Ramil Sadikov .",
        "Two soldiers have been killed , but Captain Andrus Merilo , 31 , was upbeat .",
        "`` This is better than being a staff officer next to the coffee machine . ''",
    ) == ["Ramil Sadikov", "Andrus Merilo"]


def test_heard_from_names_who_spoke() -> None:
    assert speakers(
        "`` I did n't question his authority , '' the bodyguard Alberto Alvarez said .",
        "Later in the day the court heard from the star 's chef , Kai Chase , who described "
        "the doctor as frantic .",
        "`` His energy was very nervous and he was shouting for help . ''",
    ) == ["Alberto Alvarez", "Kai Chase"]


def test_a_label_ending_in_a_colon_before_a_standalone_quote_is_its_speaker() -> None:
    assert speakers(
        "The vote was close on Thursday night .",
        "Robert Hale , the senator who led the effort :",
        "`` We did everything we could to get the votes we needed . ''",
    ) == ["Robert Hale"]


def test_a_naming_verb_gives_the_words_to_its_subject() -> None:
    assert speakers(
        "The US has launched what President Barack Obama called `` one of the largest relief "
        "efforts in its history '' following the earthquake .") == ["Barack Obama"]


def test_an_opening_mark_after_a_sentence_end_in_an_open_quote_closes_it_and_reopens() -> None:
    assert quoted(
        "`` Therefore they must face the court .",
        "But he has been clever .",
        "He has not signed the treaty ... `` But the other one has signed it . ''",
    ) == ["Therefore they must face the court . But he has been clever . "
          "He has not signed the treaty ...", "But the other one has signed it ."]


def test_a_second_opening_mark_after_an_attribution_restarts_the_quote() -> None:
    assert quoted("`` He came home , they said . `` Then he left the house for good . ''") == [
        "Then he left the house for good ."]


def test_a_second_opening_mark_in_a_quote_that_opened_its_line_closes_it_and_reopens() -> None:
    assert quoted("`` I believe these words still apply to art `` So as a writer I stand by "
                  "them . ''", "He talks about some `` Rosenbauer '' machine .") == [
        "I believe these words still apply to art", "So as a writer I stand by them ."]
