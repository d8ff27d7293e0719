"""Relative dates are resolved against the article's own date, never against the clock."""

from __future__ import annotations

from datetime import date

from storyline.language.temporal import extract_temporal
from storyline.model import Article, Sentence

TEXT = "The mayor said the tram reopens tomorrow, two days after the vote on Monday in May."


def article(published: str | None, precision: str) -> Article:
    return Article(id="a", text=TEXT, sentences=[Sentence(0, len(TEXT), TEXT)],
                   published=published, published_precision=precision)  # type: ignore[arg-type]


def test_relative_dates_follow_the_publication_date() -> None:
    found = {e.text: e.value for e in extract_temporal(article("2019-02-27", "day"))}
    assert found["tomorrow"] == "2019-02-28"
    assert found["Monday"] == "2019-02-25"
    # Nothing resolved lands on or near the day the test runs.
    today = date.today().isoformat()
    assert all(value is None or not today.startswith(value) for value in found.values())


def test_without_a_day_anchor_relative_dates_stay_unresolved() -> None:
    for published, precision in ((None, "unknown"), ("2019", "year"), ("2019-02", "month")):
        expressions = extract_temporal(article(published, precision))
        assert [e.text for e in expressions] == ["tomorrow", "two days after", "Monday", "May"]
        assert all(e.value is None for e in expressions)
