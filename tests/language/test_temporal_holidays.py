"""Holidays whose day moves with the year."""

from datetime import date

from storyline.dates import find
from storyline.language.temporal_holidays import day_of, holiday_near


def test_days_of_moving_holidays() -> None:
    assert day_of("easter", 1998) == date(1998, 4, 12)
    assert day_of("easter", 2024) == date(2024, 3, 31)
    assert day_of("good friday", 1989) == date(1989, 3, 24)
    assert day_of("thanksgiving", 1989) == date(1989, 11, 23)
    assert day_of("memorial day", 1998) == date(1998, 5, 25)
    assert day_of("labor day", 1989) == date(1989, 9, 4)
    assert day_of("election day", 1998) == date(1998, 11, 3)


def test_the_passed_or_the_coming_one() -> None:
    november = date(1989, 11, 2)
    assert holiday_near("thanksgiving", november, False, None) == date(1988, 11, 24)
    assert holiday_near("thanksgiving", november, True, None) == date(1989, 11, 23)
    assert holiday_near("easter", november, True, -1) == date(1989, 3, 26)


def test_found_in_text_with_the_tense_deciding_the_year() -> None:
    november = date(1989, 11, 2)
    found = {t.text: t.value for t in find(
        "Stores will open on Thanksgiving Day. The strike began on Labor Day.", november)}
    assert found == {"Thanksgiving Day": "1989-11-23", "Labor Day": "1989-09-04"}
    assert find("He arrived on Easter Island.", november) == []
    assert [t.value for t in find("They met on the Fourth of July.", november)] == ["1989-07-04"]


def test_a_year_given_and_a_holiday_naming_a_thing() -> None:
    november = date(1989, 11, 2)
    found = find("He was killed on Easter Day last year.", november)
    assert [(t.text, t.value) for t in found] == [("Easter Day last year", "1988-04-03")]
    assert find("He posed with the Thanksgiving turkey.", november) == []
    assert [t.text for t in find("Traffic was heavy over the Labor Day weekend.", november)] == [
        "Labor Day"]


def test_shopping_days_after_thanksgiving_and_parents_days():
    assert day_of("black friday", 2019) == date(2019, 11, 29)
    assert day_of("cyber monday", 2019) == date(2019, 12, 2)
    assert day_of("mother's day", 2019) == date(2019, 5, 12)
    assert day_of("father's day", 2019) == date(2019, 6, 16)
