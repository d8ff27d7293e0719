"""The words dates are written with."""

import re

from storyline.language.temporal_words import SPELLED_YEAR, month_number, spelled_year


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
