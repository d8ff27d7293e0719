"""Publication dates never come from the system clock: relative words stay unresolved."""

from __future__ import annotations

import pytest

from storyline.ingest.dates import normalise_published


@pytest.mark.parametrize("value", [
    "tomorrow", "yesterday", "today", "now", "2 days ago", "in 3 weeks", "3 hours ago",
    "last year", "next month", "Monday", "7 May", "March",
])
def test_relative_or_yearless_dates_are_not_resolved_against_today(value: str) -> None:
    # Any answer here would be read off the clock the run happens on.
    assert normalise_published(value) is None


@pytest.mark.parametrize(("value", "expected"), [
    ("7 May 2023", ("2023-05-07", "day")),
    ("Monday, 7 May 2023", ("2023-05-07", "day")),
    ("May 2023", ("2023-05", "month")),
    ("le 3 juin 2024", ("2024-06-03", "day")),
])
def test_dates_with_a_year_still_parse(value: str, expected: tuple[str, str]) -> None:
    assert normalise_published(value) == expected
