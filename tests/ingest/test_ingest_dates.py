from __future__ import annotations

import time
from datetime import date, datetime

import pytest

from storyline.ingest.dates import normalise_published


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-06", ("2024-03-06", "day")),
        ("2024-03-06T18:20:00+01:00", ("2024-03-06", "day")),
        ("2024-03-06T23:30:00Z", ("2024-03-06", "day")),
        ("2024-03-06 23:30", ("2024-03-06", "day")),
        ("Fri, 01 Mar 2024 23:30:00 -0500", ("2024-03-01", "day")),
        ("2024-03", ("2024-03", "month")),
        ("2024/3", ("2024-03", "month")),
        ("2024", ("2024", "year")),
        (2024, ("2024", "year")),
        ("12 September 2023", ("2023-09-12", "day")),
        ("March 2024", ("2024-03", "month")),
        (datetime(2024, 3, 6, 12, 0), ("2024-03-06", "day")),
        (date(2024, 3, 6), ("2024-03-06", "day")),
        (time.strptime("2024-03-06", "%Y-%m-%d"), ("2024-03-06", "day")),
        # Unix timestamps (seconds or milliseconds, 1990-2100): the UTC day.
        (1709719200, ("2024-03-06", "day")),
        (1709719200000, ("2024-03-06", "day")),
        ("1709719200", ("2024-03-06", "day")),
        (2024.0, ("2024", "year")),
        ("Wednesday, 6 March 2024 10:00", ("2024-03-06", "day")),
    ],
)
def test_dates_are_normalised_with_their_precision(value: object, expected: tuple) -> None:
    assert normalise_published(value) == expected


@pytest.mark.parametrize("value", [None, "", "   ", "not a date", "2024-13", "0999", True,
                                   "2024-02-30", 3.5])
def test_non_dates_give_none(value: object) -> None:
    assert normalise_published(value) is None


@pytest.mark.parametrize("value", [
    # Numbers in any spelling are not dates.
    "1e30", "1e3", "3.14", "-5", "NaN", "Infinity", "12345", "7", 1e30, float("nan"), 12345,
    # Relative words and dates without a year would depend on the day of the run.
    "yesterday", "2 days ago", "May 7", "07/05/23",
    # Far years, in every format.
    "0001-01-01", "9999-12-31", "10000-01-01", "Sat, 01 Jan 0001 00:00:00 GMT", 9999, 1,
    # Timestamps outside 1990-2100, and digits of another length.
    100_000_000, 5_000_000_000, "170000000012",
])
def test_numbers_relative_words_and_far_years_are_not_dates(value: object) -> None:
    assert normalise_published(value) is None
