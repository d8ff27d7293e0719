"""What a date's surroundings tell its value."""

from storyline.language.temporal import find_expressions
from storyline.language.temporal_context import list_year


def test_list_year_heading_lines_and_pieces_of_a_line():
    heading = "Tour 2020 dates:"
    assert list_year(heading, find_expressions(heading), None) == 2020
    line = "June 9 -- Tampa, FL"
    assert list_year(line, find_expressions(line), 2020) == 2020
    assert list_year("Seattle, WA", [], 2020, same_line=True) == 2020
    assert list_year("Seattle, WA", [], 2020) is None  # a line of its own ends the list
    prose = "Tickets went on sale June 1."
    assert list_year(prose, find_expressions(prose), 2020, same_line=True) is None
