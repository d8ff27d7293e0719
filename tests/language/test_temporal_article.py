"""An article's expressions resolved in text order, after what the text told before."""

from datetime import date

from storyline.dates import find


def values(text: str, reference: date) -> dict[str, str | None]:
    return {e.text: e.value for e in find(text, reference)}


def test_a_past_story_of_an_earlier_year_keeps_its_year():
    text = ("On February 14 2003 , Blix reported to the council . He followed up on February 28 . "
            "On March 12 , Blair asked for a statement . The next day he left .")
    found = values(text, date(2005, 4, 27))
    assert found["February 28"] == "2003-02-28"
    assert found["March 12"] == "2003-03-12"
    assert found["The next day"] == "2003-03-13"


def test_the_story_ends_with_the_writing_and_with_periods_running_to_now():
    # "last November" counts from the day of writing; a plan looks ahead from it.
    text = "Talks began on February 14 2003 . Last November they failed ."
    assert values(text, date(2005, 4, 27))["Last November"] == "2004-11"
    text = "Duties have applied since July 2013 . Data released in August showed a rise ."
    assert values(text, date(2019, 11, 20))["August"] == "2019-08"


def test_the_next_day_or_two_is_from_the_writing():
    text = ("The quake struck on January 12 . "
            "Officials said fuel would arrive in the next day or two .")
    assert values(text, date(2010, 1, 18))["the next day"] == "2010-01-19"


def test_month_names_in_capitals():
    assert values("19 JANUARY", date(2010, 1, 19)) == {"19 JANUARY": "2010-01-19"}
    assert values("PRICES MAY RISE", date(2010, 1, 19)) == {}


def test_the_day_in_apposition_to_a_date_is_that_date():
    found = values("On May 3 , the day that they lost , he left .", date(2005, 1, 24))
    assert found["the day"] == found["May 3"] == "2004-05-03"
    assert "the day" not in values("In 2003 , the day was cold .", date(2005, 1, 24))


def test_the_following_month_or_year_counts_from_the_one_told():
    text = "Jackson died in June 2009 . His tour had been scheduled for the following month ."
    assert values(text, date(2011, 2, 3))["the following month"] == "2009-07"
    text = "He was elected in 1997 . The following year he resigned ."
    assert values(text, date(2011, 2, 3))["The following year"] == "1998"


def test_the_eve_in_apposition_to_a_day_is_that_day():
    found = values("On January 27 , the eve of the first protest , they met .", date(2011, 2, 10))
    assert found["the eve"] == found["January 27"] == "2011-01-27"
    assert values("On the eve of the vote he left .", date(2011, 2, 10)) == {}
