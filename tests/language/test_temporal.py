from datetime import date

from storyline.language.temporal import extract_temporal, find_expressions, resolve, weekday_near
from storyline.model import Article, Sentence

ANCHOR = date(2023, 5, 7)  # a Sunday


def values(text: str, anchor: date = ANCHOR) -> list[tuple[str, str | None]]:
    return [(e.text, resolve(e, anchor, text[: e.start])) for e in find_expressions(text)]


def test_absolute_dates_in_three_spellings():
    found = values("On May 7, 2023, on 7 May 2023 and on 2023-05-07.")
    assert [v for _, v in found] == ["2023-05-07"] * 3


def test_month_and_day_without_year_take_the_anchor_year():
    assert values("The vote was on April 30.") == [("April 30", "2023-04-30")]


def test_future_month_day_points_ahead():
    assert values("They will vote on September 27.") == [("September 27", "2023-09-27")]


def test_past_month_after_anchor_month_is_last_year():
    assert values("Prices rose in November.") == [("November", "2022-11")]


def test_future_cue_only_counts_in_its_own_clause():
    assert values("Japan in March said it will expand curbs.") == [("March", "2023-03")]


def test_may_the_verb_is_not_a_month():
    assert values("Kishida may proceed with caution.") == []


def test_weekday_resolves_to_the_past_one_unless_future():
    assert values("Kishida met Yoon on Thursday.") == [("Thursday", "2023-05-04")]
    assert values("He is due to return on Saturday.") == [("Saturday", "2023-05-13")]
    assert weekday_near(ANCHOR, ANCHOR.weekday(), future=False) == ANCHOR


def test_relative_units_keep_their_precision():
    found = dict(values("It fell last month, rose last year, and two days ago it closed."))
    assert found == {"last month": "2023-04", "last year": "2022", "two days ago": "2023-05-05"}


def test_year_ranges_money_and_percent_are_not_dates():
    assert values("The 1910-1945 rule cost $2019 and 2020% more.") == []


def test_narrative_offset_counts_from_the_weekday_before_it():
    text = "Kishida on Monday said his summit a day earlier went well."
    article = Article(id="a", text=text, sentences=[Sentence(0, len(text), text)],
                      published="2023-05-08", published_precision="day")
    found = {e.text: e.value for e in extract_temporal(article)}
    assert found == {"Monday": "2023-05-08", "a day earlier": "2023-05-07"}


def test_undated_article_keeps_partial_fields_unresolved():
    text = "SEOUL, May 7: leaders met."
    article = Article(id="a", text=text, sentences=[Sentence(0, len(text), text)])
    (expression,) = extract_temporal(article)
    assert (expression.month, expression.day, expression.value) == (5, 7, None)


def test_leap_day_without_a_year_resolves_to_a_leap_year():
    # Found by the property test: "29 February" in a 2023 article gave "2022-02-29",
    # and extract_temporal then raised on the impossible date.
    assert values("The law passed on 29 February.", date(2023, 5, 7)) == [
        ("29 February", "2020-02-29")]
    assert values("It took effect on February 29.", date(2023, 5, 7)) == [
        ("February 29", "2020-02-29")]
    assert values("The vote will be on February 29.", date(2023, 5, 7)) == [
        ("February 29", "2024-02-29")]
    text = "The law passed on 29 February."
    article = Article(id="a", text=text, sentences=[Sentence(0, len(text), text)],
                      published="2023-05-07", published_precision="day")
    assert [e.value for e in extract_temporal(article)] == ["2020-02-29"]


def test_offsets_beyond_the_calendar_stay_unresolved():
    # Found by the property test: "99999999 days ago" raised OverflowError (the whole
    # language step with it) and "23844 years after" gave the non-ISO value "25844".
    assert values("It began 99999999 days ago.") == [("99999999 days ago", None)]
    assert values("It ends 3000 weeks later.", date(9999, 1, 1)) == [("3000 weeks later", None)]
    assert values("It ends 23844 years after.") == [("23844 years after", None)]
    assert values("It began 5000 years ago.") == [("5000 years ago", None)]
    assert values("It began 50 years ago.") == [("50 years ago", "1973")]


def test_iso_like_number_with_an_impossible_month_is_no_date():
    # Found by the fuzzer: "2024-00-01" (or month 13-19) raised calendar.IllegalMonthError
    # from find_expressions, which both the clean step (timestamp lines) and the
    # language step call, so one such string stopped the run.
    assert values("Ticket 2024-00-01 and batch 2019-19-23 are codes.") == []
    assert values("It opened on 2024-12-01.") == [("2024-12-01", "2024-12-01")]


def test_expressions_of_an_article_dated_later_are_resolved_against_that_date():
    from storyline.language.temporal import resolved_expressions

    text = "Kishida on Monday said his summit a day earlier went well."
    article = Article(id="a", text=text, sentences=[Sentence(0, len(text), text)])
    article.temporal = extract_temporal(article)  # the language step: no date yet
    assert all(e.value is None for e in article.temporal)
    # the events step dates the scrape from its event
    article.published, article.published_precision = "2023-05-08", "day"
    article.published_basis = "relative"
    found = {e.text: e.value for e in resolved_expressions(article)}
    assert found == {"Monday": "2023-05-08", "a day earlier": "2023-05-07"}
    assert all(e.value is None for e in article.temporal)  # the stored record is untouched


def test_a_phrase_without_a_verb_takes_the_tense_of_the_clause_before_it():
    text = "It said flights would leave from March 30, with the third departing from August 6."
    assert values(text, date(1998, 2, 13)) == [("March 30", "1998-03-30"),
                                              ("August 6", "1998-08-06")]
    # Not across the reporting verb: "said Monday" is the day it was said.
    assert values("Prices will rise, analysts said Monday.") == [("Monday", "2023-05-01")]
    # Nor into the clause before a conjunction: "but on July 7 I raced" has its own verb.
    text = "I wasn't due to be working, but on July 7 I raced into the office."
    assert values(text, date(2005, 9, 5)) == [("July 7", "2005-07-07")]


def test_a_period_that_ended_on_a_yearless_day_ended_in_the_past():
    # Written on Oct. 27: this year's Oct. 31 has not come, so the quarter ended last year's.
    found = values("In the second quarter ended Oct. 31, it had a loss.", date(1989, 10, 27))
    assert ("Oct. 31", "1988-10-31") in found


def test_the_day_after_a_market_figure_or_before_a_possessive_is_a_day():
    found = find_expressions("Sterling was down 0.21% on the day. He saw the day's testimony.")
    assert [(e.text, e.kind, e.code) for e in found] == [
        ("the day", "relative", "session"), ("the day", "relative", None)]
    assert find_expressions("At the end of the day, it is a vote on the day of the poll.") == []
