from storyline.events.dating import DatedEvent, event_date, publication_date
from storyline.events.evidence import DateEvidence, PartialDate, pooled_year


def test_pooled_year_prefers_own_dates_then_copyright():
    assert (
        pooled_year([DateEvidence(own=PartialDate(2021)), DateEvidence(year_hints=[2023])]) == 2021
    )
    assert pooled_year([DateEvidence(year_hints=[2023]), DateEvidence()]) == 2023


def test_stale_copyright_year_is_ignored():
    assert pooled_year([DateEvidence(year_hints=[2019], latest_year_mentioned=2022)]) is None


def test_event_takes_earliest_full_date_of_its_articles():
    evidences = [
        DateEvidence(own=PartialDate(2023, 5, 8), basis="metadata"),
        DateEvidence(own=PartialDate(2023, 5, 7), basis="dateline"),
    ]
    dated = event_date([0, 1], evidences)
    assert (dated.date.full().isoformat(), dated.basis) == ("2023-05-07", "dateline")


def test_hint_from_other_articles_dates_an_undated_event_to_the_month():
    evidence = DateEvidence(event_hint=PartialDate(2023, 3, None))
    dated = event_date([0], [evidence])
    assert (dated.date.year, dated.date.month, dated.date.day) == (2023, 3, None)
    assert publication_date(evidence, dated) == ("2023-03", "month", "event")


def test_later_weekday_in_the_lead_moves_the_publication_date():
    event = DatedEvent(PartialDate(2023, 5, 7), "dateline")  # a Sunday
    follow_up = DateEvidence(lead_weekdays=[0])  # "on Monday"
    assert publication_date(follow_up, event) == ("2023-05-08", "day", "relative")
    assert publication_date(DateEvidence(), event) == ("2023-05-07", "day", "event")


def test_nothing_known_stays_unknown():
    assert publication_date(DateEvidence(), DatedEvent(PartialDate(), "none")) == (
        None,
        "unknown",
        "none",
    )
