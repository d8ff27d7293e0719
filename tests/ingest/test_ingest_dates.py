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
    ],
)
def test_dates_are_normalised_with_their_precision(value: object, expected: tuple) -> None:
    assert normalise_published(value) == expected


@pytest.mark.parametrize("value", [None, "", "   ", "not a date", "2024-13", "0999", True,
                                   "2024-02-30", 3.5])
def test_non_dates_give_none(value: object) -> None:
    assert normalise_published(value) is None
