"""The words dates are written with."""

import re

from storyline.language.temporal_words import (
    SPELLED_YEAR,
    ZODIAC,
    month_number,
    spelled_year,
    years_named,
)


def test_month_number_reads_full_and_short_names():
    assert month_number("October") == 10
    assert month_number("Sept.") == 9
    assert month_number("jan") == 1


def test_spelled_years():
    def year(words: str) -> int | None:
        match = re.fullmatch(SPELLED_YEAR, words)
        assert match is not None
        return spelled_year(match.groupdict())

    assert year("nineteen ninety-six") == 1996
    assert year("twenty oh five") == 2005
    assert year("the year two thousand and one") == 2001


def test_years_named_in_figures_not_amounts():
    assert years_named("Born in 1945, $2000 richer by 2019.5 and 2011.") == [1945, 2011]


def test_zodiac_animals_count_from_the_rat():
    assert ZODIAC["rat"] == "0" and ZODIAC["rooster"] == "9" and ZODIAC["boar"] == "11"
