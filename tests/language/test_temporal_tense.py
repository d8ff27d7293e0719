"""The tense tests a date's value depends on."""

from datetime import date

from storyline.language.temporal_tense import (
    is_future,
    is_future_in_past,
    is_past,
    names_an_event,
    today_means_nowadays,
)


def test_future_cues_and_scheduled_verbs_point_ahead():
    assert is_future("The company will report results on ")
    assert is_future("The show opens ")
    assert not is_future("The show opens ", "'s vote")  # "opens its doors after Monday's vote"
    assert not is_future("Analysts said ")


def test_the_clause_of_the_date_decides_not_the_reporting_verb():
    assert is_future("Analysts said the plant will open in ")
    assert not is_future("The plant will be larger, officials said in ")


def test_past_and_future_in_the_past():
    assert is_past("Prices rose sharply")
    assert is_future_in_past("It said the plant would open in ")
    assert not is_future_in_past("It says the plant will open in ")


def test_today_beside_a_far_time_means_nowadays_unless_it_tells_of_the_day():
    anchor = date(2023, 5, 7)
    assert today_means_nowadays("Solar costs $0.23/W ", " and will cost $0.10 by 2030.", anchor)
    assert not today_means_nowadays("The company, founded in 1985, ", " announced a deal.", anchor)


def test_a_date_after_a_determiner_or_possessive_names_an_event():
    assert names_an_event("questions about Trump's ")
    assert names_an_event("ahead of the ")
    assert not names_an_event("talks resume on ")


def test_a_present_progressive_before_the_date_tells_of_an_arrangement():
    assert is_future('He said: "We\'re meeting on ')
    assert is_future("Opposition movements are calling for mass protests on ")
    assert not is_future("Protesters were gathering on ")
    assert not is_future("The company is going ")  # no date after a bare "going"


def test_a_date_before_its_clause_verb_takes_the_verbs_future():
    assert is_future("Sales in ", " will rise.")
    assert is_future("In ", ", prices are expected to climb.")
    assert not is_future("Sales in ", " rose and will rise.")  # the past comes first
    assert not is_future("Mubarak said ", " he will step down.")  # the time of speaking
    assert not is_future("Mubarak's announcement ", " that he will step down")
    assert not is_future("talks since ", " attack are scheduled to resume")


def test_a_participle_after_a_sentence_opening_determiner_is_no_past_verb():
    assert not is_past("The estimated release date is")
    assert not is_past("An expected rise")
    assert is_past("Prices jumped")


def test_the_next_day_of_a_narrative_is_no_future():
    assert not is_future("The next day, ")
    assert is_future("They meet next ")
    assert is_future("the next round of talks in ")


def test_a_date_opening_its_clause_waits_for_a_plan():
    assert is_future("From ", " or April this year , it plans to deploy robots .")
    assert is_future("In ", " the company intends to open a store .")
    assert not is_future("In ", " the company opened a store .")


def test_short_and_irregular_past_forms_tell_what_happened_unless_after_be():
    assert is_past("The singer died at his home on ")
    assert is_past("Thousands fled the city in ")
    assert is_past("She wrote to the council in ")
    assert not is_past("The film can still be heard live ")
    assert not is_past("Letters should be sent to ")


def test_a_long_clause_with_no_verb_near_the_date_takes_the_tense_of_its_verb():
    assert is_future("The panel will resume considering the involuntary manslaughter charge "
                     "against the family doctor of the late singer on ")
    # A present verb of a scheduled event near the date keeps the window short.
    assert is_future("An official told CNN the White House has shown support for a long and "
                     "orderly transition of power up to the day the president 's term ends in ")
