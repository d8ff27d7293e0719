"""The public date API: storyline.dates.find over the pipeline's temporal code."""

from datetime import date

from storyline.dates import TimeExpression, find, granularity

NOV_1989 = date(1989, 11, 2)  # a Thursday, in the fourth quarter


def values(text: str, reference: date = NOV_1989) -> dict[str, str | None]:
    return {t.text: t.value for t in find(text, reference)}


def test_offsets_point_into_the_text_with_value_and_granularity() -> None:
    text = "Profit rose.\nThe company said on Oct. 31, 1989 it was done."
    (found,) = find(text, NOV_1989)
    assert found == TimeExpression(text.index("Oct."), text.index(" it"), "Oct. 31, 1989",
                                   "1989-10-31", "day")


def test_quarters_named_and_by_tense() -> None:
    assert values("Net rose in the third quarter.") == {"the third quarter": "1989-Q3"}
    assert values("Third-quarter profit fell.") == {"Third-quarter": "1989-Q3"}
    # "the quarter" is the one reported on (the last) unless the sentence looks ahead.
    assert values("Net income for the quarter was flat.") == {"the quarter": "1989-Q3"}
    assert values("Sales will improve in the quarter.") == {"the quarter": "1989-Q4"}
    assert values("Sales rose in the latest quarter.") == {"the latest quarter": "1989-Q3"}
    assert values("Net fell from the year-earlier quarter.") == {
        "the year-earlier quarter": "1988-Q3"}


def test_references_weeks_seasons_decades() -> None:
    assert values("Prices are now higher.") == {"now": "PRESENT_REF"}
    assert values("It currently holds shares.") == {"currently": "PRESENT_REF"}
    assert values("Sales fell recently.") == {"recently": "PAST_REF"}
    assert values("It will grow in the future.") == {"the future": "FUTURE_REF"}
    assert values("They met last week.") == {"last week": "1989-W43"}
    assert values("Shares rose this summer.", date(1998, 3, 22)) == {"this summer": "1998-SU"}
    assert values("It was bought last fall.", date(1998, 2, 6)) == {"last fall": "1997-FA"}
    assert values("Growth slowed in the 1980s.") == {"the 1980s": "198"}
    assert values("It was built in nineteen ninety-six.") == {"nineteen ninety-six": "1996"}


def test_the_past_year_is_the_year_before() -> None:
    assert values("Prices rose during the past year.", date(1998, 3, 3)) == {
        "the past year": "1997"}


def test_yearless_date_takes_the_nearest_year_the_tense_allows() -> None:
    # Nothing says past: the coming date is nearer.
    assert values("The dividend is payable Jan. 2.") == {"Jan. 2": "1990-01-02"}
    # Past tense and not far back: last year's.
    assert values("He stepped down in March.") == {"March": "1989-03"}
    # Past tense, last year's far back, this year's near: the year is unknown rather than
    # a year the reference does not support.
    assert values("The attacks of September 11 shocked the world.", date(2005, 8, 20)) == {
        "September 11": "XXXX-09-11"}
    # A month alone, just ahead, in a past-tense sentence: a plan reported.
    assert values("It told the companies of a cutback in September.", date(1990, 8, 16)) == {
        "September": "1990-09"}


def test_granularity_of_timex_values() -> None:
    cases = {"1998-02-13": "day", "1998-02": "month", "1998": "year", "1998-W06": "week",
             "1998-W06-WE": "weekend", "1989-Q3": "quarter", "1998-SU": "season",
             "199": "decade", "19": "century", "PRESENT_REF": "reference", None: None}
    assert {value: granularity(value) for value in cases} == cases


def test_without_a_reference_only_self_contained_values() -> None:
    found = {t.text: t.value for t in find("Now, in 1998, sales rose last week; it is now so.")}
    assert found == {"1998": "1998", "last week": None, "now": "PRESENT_REF"}


def test_weekday_with_a_yearless_date_takes_the_year_it_fits() -> None:
    found = values("The paper said in an editorial on Saturday, April 25: the court erred.",
                   date(1998, 4, 24))
    assert found == {"Saturday, April 25": "1998-04-25"}


def test_year_ago_results_in_a_report_on_quarters_are_the_year_ago_quarter() -> None:
    text = "Net income rose 5% in the third quarter. A year earlier it fell."
    assert values(text) == {"the third quarter": "1989-Q3", "A year earlier": "1988-Q3"}
    assert values("A year earlier it fell.") == {"A year earlier": "1988"}


def test_vague_references_to_past_and_future() -> None:
    assert values("Sales will fall in the near term.") == {"the near term": "FUTURE_REF"}
    assert values("Sales fell over the last few months.") == {"the last few months": "PAST_REF"}
    assert values("The coming months will be hard.") == {"The coming months": "FUTURE_REF"}


def test_weeks_ago_is_a_week_and_last_weekday_is_past_whatever_the_tense() -> None:
    assert values("It began six weeks ago.", date(1998, 3, 4)) == {"six weeks ago": "1998-W04"}
    assert values("The bid, due to expire last Thursday, will be extended.") == {
        "last Thursday": "1989-10-26"}


def test_halves_and_fixed_holidays() -> None:
    assert values("Sales rose in the first half.") == {"the first half": "1989-H1"}
    assert values("Sales rose in the second half of 1988.") == {
        "the second half of 1988": "1988-H2"}
    assert values("Stores will open on Christmas Eve.") == {"Christmas Eve": "1989-12-24"}


def test_that_year_counts_from_the_last_year_named() -> None:
    text = "The plant opened in 1994. It closed the following year."
    assert values(text, date(1998, 4, 18)) == {"1994": "1994", "the following year": "1995"}
    assert values("It closed the following year.", date(1998, 4, 18)) == {
        "the following year": "1999"}


def test_the_next_day_counts_from_the_day_the_sentence_names() -> None:
    found = values("The talks began on Monday and ended the next day.")
    assert found == {"Monday": "1989-10-30", "the next day": "1989-10-31"}


def test_the_quarter_in_the_present_tense_is_the_current_one() -> None:
    assert values("Sales in the quarter are strong.") == {"the quarter": "1989-Q4"}


def test_soon_these_days_and_future_units_are_references() -> None:
    assert values("It will be healthy enough soon to buy debt.") == {"soon": "FUTURE_REF"}
    assert values("It seeks to sell it as soon as possible.") == {
        "as soon as possible": "FUTURE_REF"}
    # "soon after" orders two events; it names no time.
    assert values("He was killed soon after being captured.") == {}
    assert values("Few buy cars these days.") == {"these days": "PRESENT_REF"}
    assert values("Losses will cut taxes in future years.") == {"future years": "FUTURE_REF"}


def test_short_decades_halves_of_named_years_and_weeks_or_so_ago() -> None:
    # The half of a decade is no half-year: the decade is what the words date.
    assert values("Sales were flat in the last half of the '80s.") == {"the '80s": "198"}
    assert values("Growth will return in the '90s.") == {"the '90s": "199"}
    assert values("Earnings fall in the last half of 1989.") == {
        "the last half of 1989": "1989-H2"}
    assert values("Sales will rise in the second half of next year.") == {
        "the second half of next year": "1990-H2"}
    assert values("Then, a week or so ago, he left.") == {"a week or so ago": "1989-W43"}


def test_the_same_day_and_the_previous_weekday_count_from_the_day_told_of() -> None:
    monday = date(1989, 10, 30)
    assert values("The index fell on Friday. It was 4.5% below the previous Friday.", monday) == {
        "Friday": "1989-10-27", "the previous Friday": "1989-10-20"}
    assert values("The talks began Oct. 3. The same day, rebels attacked.", monday) == {
        "Oct. 3": "1989-10-03", "The same day": "1989-10-03"}
    assert values("He reached Philadelphia later in the day.", monday) == {
        "later in the day": "1989-10-30"}
    # A plain weekday is still counted from the date of writing.
    assert values("The talks began Oct. 3. Rebels attacked on Friday.", monday) == {
        "Oct. 3": "1989-10-03", "Friday": "1989-10-27"}


def test_a_year_earlier_than_a_quarter_end_is_the_year_ago_quarter() -> None:
    text = "For the quarter ended Sept. 30, net rose from $100 million a year earlier."
    assert values(text, date(1989, 10, 26))["a year earlier"] == "1988-Q3"


def test_last_month_name_is_not_the_month_just_ended_and_scheduled_days_are_ahead() -> None:
    march_1 = date(1998, 3, 1)  # a Sunday
    assert values("Two helicopters crashed last February.", march_1) == {
        "last February": "1997-02"}
    assert values("The plan was approved last April.", date(1989, 10, 27)) == {
        "last April": "1989-04"}
    assert values("Shares are to resume trading Tuesday.", date(1989, 10, 27)) == {
        "Tuesday": "1989-10-31"}
    assert values("Traders sold ahead of the weekend.", date(1989, 10, 30)) == {
        "the weekend": "1989-W44-WE"}
    assert values("It was the week's most active session.") == {"the week": "1989-W44"}


def test_wire_forms_month_of_a_relative_year_centuries_and_parts_of_months() -> None:
    feb_1998 = date(1998, 2, 11)
    assert values("The pact was signed on January 15 last year.", feb_1998) == {
        "January 15 last year": "1997-01-15"}
    assert values("In July last year, he won.", feb_1998) == {"July last year": "1997-07"}
    assert values("It will be done by the year 2000.", feb_1998) == {"the year 2000": "2000"}
    assert values("By the turn of the century, it will grow.", feb_1998) == {
        "the turn of the century": "20"}
    assert values("The visit is set for the end of the month.", feb_1998) == {
        "the end of the month": "1998-02"}
    assert values("They met on the 15th of January.", feb_1998) == {
        "the 15th of January": "1998-01-15"}
    assert values("The talks began Feb. 2. The following week, prices rose.", feb_1998) == {
        "Feb. 2": "1998-02-02", "The following week": "1998-W07"}


def test_a_scheduled_event_in_the_present_tense_is_ahead() -> None:
    friday = date(1998, 5, 1)
    assert values("He and Arafat meet separately Monday with Albright.", friday) == {
        "Monday": "1998-05-04"}
    assert values("The summit opens Thursday in Geneva.", friday) == {"Thursday": "1998-05-07"}
    # A noun is no verb: "the close of business Thursday" is the past one.
    assert values("At the close of business Thursday, shares were tendered.", friday) == {
        "Thursday": "1998-04-30"}


def test_counting_from_the_sentence_date_and_more_relative_forms() -> None:
    feb_1998 = date(1998, 2, 11)
    assert values("He was elected in May 1997 and took office a month later.", feb_1998) == {
        "May 1997": "1997-05", "a month later": "1997-06"}
    assert values("He was elected in 1994 and re-elected four years later.", feb_1998) == {
        "1994": "1994", "four years later": "1998"}
    assert values("The ruling came the day before yesterday.", feb_1998) == {
        "the day before yesterday": "1998-02-09"}
    assert values("A decade ago, the city was poor.", feb_1998) == {"A decade ago": "198"}
    assert values("The plant closed decades ago.", feb_1998) == {"decades ago": "PAST_REF"}
    assert values("The deal was signed on 12/03/1997.", feb_1998) == {"12/03/1997": "1997-12-03"}
    assert values("Two weeks from now, the polls open.", feb_1998) == {
        "Two weeks from now": "1998-W09"}


def test_expected_and_planned_events_are_ahead() -> None:
    wednesday = date(1998, 2, 11)
    assert values("Voting is expected Sunday.", wednesday) == {"Sunday": "1998-02-15"}
    assert values("A rally is planned for Saturday.", wednesday) == {"Saturday": "1998-02-14"}


def test_modifiers_are_inside_the_expression_as_timex3_marks_them() -> None:
    feb_1998 = date(1998, 2, 11)
    assert values("The plant will open early next year, by the end of 1999.", feb_1998) == {
        "early next year": "1999", "the end of 1999": "1999"}
    assert values("He was killed nearly four years ago.", feb_1998) == {
        "nearly four years ago": "1994"}
    assert values("Earlier yesterday, talks ended; they began in mid-November.", feb_1998) == {
        "Earlier yesterday": "1998-02-10", "mid-November": "1997-11"}
    assert values("Sales rose over the summer and in fiscal 1997.", feb_1998) == {
        "summer": "1997-SU", "fiscal 1997": "1997"}
    # A capital "Last" opening the sentence counts as "last".
    assert values("Last April, he left.", feb_1998) == {"Last April": "1997-04"}


def test_turn_of_the_century_is_the_nearest_and_quarters_count_from_the_writing() -> None:
    for written in (date(1998, 2, 11), date(2005, 6, 1)):
        assert values("By the turn of the century, it grows.", written) == {
            "the turn of the century": "20"}
    text = "The books closed Sept. 30. Sales rose in the previous quarter."
    assert values(text, date(2005, 6, 1))["the previous quarter"] == "2005-Q1"


def test_the_present_as_a_noun_only_and_a_capital_the_following_weekday() -> None:
    feb_1998 = date(1998, 2, 11)
    assert values("The present system is bad.", feb_1998) == {}
    assert values("He came on Friday. The following Monday he left.", feb_1998) == {
        "Friday": "1998-02-06", "The following Monday": "1998-02-09"}


def test_a_named_years_period_in_a_report_on_quarters_is_that_years_quarter() -> None:
    text = "Net rose in the third quarter. In the 1988 period, it fell."
    assert values(text, date(1989, 11, 1)) == {"the third quarter": "1989-Q3",
                                               "the 1988 period": "1988-Q3"}
    assert values("The deal closes around year end.") == {"around year end": "1989"}


def test_that_quarter_and_the_same_period_are_the_quarter_named_last() -> None:
    text = "Net rose in the second quarter. Results for that quarter included a charge."
    assert values(text) == {"the second quarter": "1989-Q2", "that quarter": "1989-Q2"}
    text = "Net rose in the third quarter, from $5 in the same period a year earlier."
    assert values(text) == {"the third quarter": "1989-Q3",
                            "the same period a year earlier": "1988-Q3"}
    # Where no quarter was named, the one a report is about; "the same period" outside a
    # report on quarters is no quarter.
    assert values("Results for that quarter included a charge.") == {"that quarter": "1989-Q3"}
    assert values("Sales rose in the same period.") == {}


def test_prior_year_and_month_named_quarters() -> None:
    assert values("Net fell from the prior-year quarter.") == {
        "the prior-year quarter": "1988-Q3"}
    assert values("Profit in the September quarter rose.") == {
        "the September quarter": "1989-Q3"}


def test_the_latest_fiscal_year_is_the_last_closed_one() -> None:
    assert values("Sales were $6 billion in the latest fiscal year.") == {
        "the latest fiscal year": "1988"}
    assert values("Sales will rise in the current fiscal year.") == {
        "the current fiscal year": "1989"}


def test_likely_to_points_ahead() -> None:
    wednesday = date(1989, 11, 1)
    text = "He said institutions were likely to buy as soon as trading opened Monday."
    assert values(text, wednesday) == {"Monday": "1989-11-06"}


def test_titles_and_the_generic_tomorrow_are_no_dates() -> None:
    assert values('He said on ABC\'s "This Week With David Brinkley" that it was over.') == {}
    assert values("I would have chosen the people of tomorrow.") == {}
    assert values("The rate holds as of tomorrow.") == {"tomorrow": "1989-11-03"}
    assert values("Nowadays, everyone flies.") == {"Nowadays": "PRESENT_REF"}


def test_a_years_possessive_is_no_decade_and_names_its_quarter() -> None:
    assert values("Fiscal 1990's first quarter was weak.") == {
        "1990's first quarter": "1990-Q1"}
    assert values("In the 1980's, sales rose.") == {"the 1980's": "198"}


def test_this_past_week_and_later_in_the_month() -> None:
    assert values("This past week, sales rose.") == {"This past week": "1989-W43"}
    assert values("Later in the month, sales rose.") == {"Later in the month": "1989-11"}
    assert values("Earlier in the week, sales rose.") == {"Earlier in the week": "1989-W44"}


def test_an_ongoing_events_day_told_in_the_present_is_today() -> None:
    assert values("It's the second day of an offensive.") == {"the second day": "1989-11-02"}
    assert values("The strike is in its third day.") == {"its third day": "1989-11-02"}
    assert values("It was the second day of the trial.") == {}


def test_once_as_formerly_is_a_past_reference() -> None:
    assert values("Coleco, a once high-flying toy maker, filed.") == {"once": "PAST_REF"}
    assert values("Once he left, it fell. He had once been high on it.") == {}


def test_quarters_told_of_three_sentences_back_and_no_quarter_century() -> None:
    text = ("Net rose in the third quarter. The latest results include a gain. "
            "It would not name the buyer. Year-earlier results included a charge.")
    assert values(text)["Year-earlier"] == "1988-Q3"
    text = "The rate is near its quarter-century low. Wages rose 3% from a year earlier."
    assert values(text, date(1998, 2, 6))["a year earlier"] == "1997"


def test_last_after_as_or_than_is_the_unit_this_year_left_out() -> None:
    assert values("The dividend will be twice as high this year as last.") == {
        "this year": "1989", "last": "1988"}
    assert values("Earnings will rise this year and next.") == {"this year": "1989", "next": "1990"}
    assert values("He came last and she came next.") == {}
    assert values("Sales rose more this month than last, he said.")["last"] == "1989-10"
    assert values("It is the same as last.") == {}


def test_a_quarter_that_ended_on_a_day_is_in_that_days_year() -> None:
    text = "In the second quarter ended Oct. 31, it lost money. Results for that quarter fell."
    assert values(text, date(1989, 10, 27)) == {
        "the second quarter": "1988-Q2", "Oct. 31": "1988-10-31", "that quarter": "1988-Q2"}
    text = "Net rose in the fourth quarter ended Sept. 30."
    assert values(text) == {"the fourth quarter": "1989-Q4", "Sept. 30": "1989-09-30"}


def test_that_month_the_final_quarter_and_the_end_of_the_decade() -> None:
    assert values("In March, sales rose. Prices fell that month too.") == {
        "March": "1989-03", "that month": "1989-03"}
    assert values("Prices fell the same month.") == {"the same month": "1989-11"}
    assert values("Sales rose in the final quarter.") == {"the final quarter": "1989-Q4"}
    assert values("It will happen by the end of the decade.") == {"the end of the decade": "198"}


def test_a_relative_years_quarter_is_one_expression() -> None:
    assert values("It rose in last year's fourth quarter.") == {
        "last year's fourth quarter": "1988-Q4"}
    assert values("It will rise in next year's first half.") == {
        "next year's first half": "1990-H1"}


def test_year_ago_periods_named_in_full_are_the_year_ago_quarter() -> None:
    told = "Net rose in the third quarter. "
    assert values(told + "It fell in the corresponding period last year.")[
        "the corresponding period last year"] == "1988-Q3"
    assert values(told + "It fell in last year's quarter.")["last year's quarter"] == "1988-Q3"
    assert values(told + "It fell in the year-ago third quarter.")[
        "the year-ago third quarter"] == "1988-Q3"
    # Without a year-ago phrase after it, "comparable periods" names no period.
    assert values(told + "Sales grew over comparable periods.") == {
        "the third quarter": "1989-Q3"}


def test_short_quarter_forms_and_year_to_date() -> None:
    nov_2019 = date(2019, 11, 19)
    assert values("It faced a headwind in Q3, lumber fell.", nov_2019) == {"Q3": "2019-Q3"}
    assert values("Profit in 3Q19 fell, sales in Q2 FY20 rose.", nov_2019) == {
        "3Q19": "2019-Q3", "Q2 FY20": "2020-Q2"}
    assert values("Sales in H1 2019 rose, and in 2H19.", nov_2019) == {
        "H1 2019": "2019-H1", "2H19": "2019-H2"}
    # A model name, a bare "H2" and a number after the quarter are no quarter's year.
    assert values("Audi Q3 sales rose. The H2 fuel cell.", nov_2019) == {}
    assert values("In Q3 19.5% more rose.", nov_2019) == {"Q3": "2019-Q3"}
    assert values("Shares are up 40% year to date.", nov_2019) == {"year to date": "2019"}


def test_sentence_opening_now_without_a_comma_is_the_present() -> None:
    assert values("Now officials are investigating.") == {"Now": "PRESENT_REF"}
    assert values("Now, he says, it is over. Now for the weather.") == {}
    assert values("Some consolidation is likely in the near-term.") == {
        "the near-term": "FUTURE_REF"}


def test_a_plan_told_in_the_past_for_a_month_just_gone_has_passed() -> None:
    nov_2019 = date(2019, 11, 20)
    assert values("He vowed Britain would leave the EU on Oct. 31.", nov_2019) == {
        "Oct. 31": "2019-10-31"}
    assert values("Assange was due to be released in September.", nov_2019) == {
        "September": "2019-09"}
    # Further back, or told as a plan now, it is the coming one.
    assert values("He said the plant would open in March.", nov_2019) == {"March": "2020-03"}
    assert values("Britain will leave the EU on Oct. 31.", nov_2019) == {"Oct. 31": "2020-10-31"}


def test_a_scheduled_verb_a_few_words_before_the_weekday_points_ahead() -> None:
    tuesday = date(2019, 11, 19)
    assert values("The show opens to the public on Friday.", tuesday) == {"Friday": "2019-11-22"}
    assert values("Lowe's reports earnings Wednesday.", tuesday) == {"Wednesday": "2019-11-20"}
    # Not a possessive, a report's "that" or a past verb after the day.
    assert values("News reports Monday said it was over.", tuesday) == {"Monday": "2019-11-18"}
    assert values("Reuters reports Monday that it is over.", tuesday) == {"Monday": "2019-11-18"}
    assert values("It opens its doors after Monday's vote.", tuesday) == {"Monday": "2019-11-18"}


def test_today_beside_a_far_time_means_nowadays() -> None:
    nov_2019 = date(2019, 11, 20)
    assert values("Costs fall from $0.23/W today to $0.10 by 2030.", nov_2019) == {
        "today": "PRESENT_REF", "2030": "2030"}
    assert values("The universe is as it is today 13.8 billion years on.", nov_2019) == {
        "today": "PRESENT_REF"}
    assert values("Costs fell today, the lowest since 2018.", nov_2019) == {
        "today": "2019-11-20", "2018": "2018"}
    # A report's day, beside its verb, whatever years the sentence names.
    assert values("Acme, founded in 1985, today announced a merger.", nov_2019) == {
        "1985": "1985", "today": "2019-11-20"}


def test_that_day_skips_days_that_name_an_event_or_a_time_of_speaking() -> None:
    wednesday = date(2019, 11, 20)
    text = ("The panel met on Tuesday. In the morning they read Trump's July 25 call. "
            "Later in the day, two more testified.")
    assert values(text, wednesday)["Later in the day"] == "2019-11-19"
    text = ("Users rushed in last Tuesday. Mayer said Tuesday the demand was high. "
            "He never had demand like that day.")
    assert values(text, date(2019, 11, 19))["that day"] == "2019-11-12"


def test_the_week_in_the_past_after_a_week_named_is_that_week() -> None:
    tuesday = date(2019, 11, 19)
    text = "It launched last week. It signed up users throughout the week."
    assert values(text, tuesday) == {"last week": "2019-W46", "the week": "2019-W46"}
    assert values("Prices will rise during the week.", tuesday) == {"the week": "2019-W47"}


def test_this_weekday_fiscal_short_years_day_first_dates_and_contracted_futures() -> None:
    tuesday = date(2019, 11, 19)
    assert values("The vote is this Friday.", tuesday) == {"this Friday": "2019-11-22"}
    assert values("The meeting this Wednesday was calm.", tuesday) == {
        "this Wednesday": "2019-11-13"}
    assert values("Profit in FY20 rose.", tuesday) == {"FY20": "2020"}
    assert values("The report came out on 19/11/2019.", tuesday) == {"19/11/2019": "2019-11-19"}
    assert values("We'll decide Friday.", tuesday) == {"Friday": "2019-11-22"}
    assert values("It won't happen Friday.", tuesday) == {"Friday": "2019-11-22"}


def test_checks_read_off_unlabelled_dev_articles() -> None:
    monday = date(2011, 1, 31)
    # A day said inside a quotation is not the day "later in the day" goes on with.
    text = ('Mubarak said, "A new government will take over tomorrow." '
            "Later in the day, he appointed a deputy.")
    assert values(text, monday)["Later in the day"] == "2011-01-31"
    # "today" beside a far time, but told with a modal, opening the sentence or before "is".
    assert values("Iraq will today take back Babylon, ruined over centuries.", monday) == {
        "today": "2011-01-31"}
    assert values("Today, more than two decades later, he was charged.", monday) == {
        "Today": "2011-01-31"}
    # "this Tuesday" in a sentence looking ahead, written on a Sunday: the coming one.
    assert values("They are due to appear in court this Tuesday.", date(2005, 11, 27)) == {
        "this Tuesday": "2005-11-29"}
    # Names, not dates.
    assert values("Clinton said so on ABC's The Week.", monday) == {}
    assert values("She told USA Today. An inquiry by the Today programme found it.", monday) == {}
    # "First reports from … Tuesday's earthquake": "reports" is a noun there.
    assert values("First reports from the epicentre of Tuesday's quake came in.", monday) == {
        "Tuesday": "2011-01-25"}
    assert values("It will pay 7 cents in Q4 of '10.", monday) == {"Q4 of '10": "2010-Q4"}
    assert values("It is not adding to the short-term debt.", monday) == {}


def test_checks_read_off_unlabelled_wire_articles() -> None:
    day = date(2009, 2, 6)
    # A reporting or past verb within three words keeps "today" the day; a comparison's
    # "than it was" does not.
    assert values("The Mafia boss, hidden for decades, died today in prison.", day)[
        "today"] == "2009-02-06"
    assert values("Regardless, today it was announced that, after 30 years, he quits.", day)[
        "today"] == "2009-02-06"
    assert values("Is Turkey freer today than it was in the spring of 1985?", day)[
        "today"] == "PRESENT_REF"
    # A heading run into "Today," is the day; shouting capitals are no name.
    assert values("Obama Names Nominee Today, the President announced.", day) == {
        "Today": "2009-02-06"}
    assert values("ALL THIS IS HAPPENING TODAY.", day) == {"TODAY": "2009-02-06"}


def test_a_list_under_a_heading_naming_its_year_takes_that_year() -> None:
    text = ("The 50th Anniversary Tour 2020 dates:\n"
            "June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL\n"
            "June 10 -- Credit Union Amphitheatre, Tampa, FL\n"
            "Tickets went on sale June 1.\n")
    found = [(e.text, e.value) for e in find(text, reference=date(2019, 11, 19))]
    assert found == [("2020", "2020"), ("June 9", "2020-06-09"), ("June 10", "2020-06-10"),
                     ("June 1", "2019-06-01")]  # the list ends at a line of prose
    # A heading naming two years gives none.
    text = "Dates for 2019 and 2020:\nJune 9 -- Tampa\n"
    assert [e.value for e in find(text, reference=date(2019, 11, 19))][-1] == "2019-06-09"


def test_a_list_line_cut_in_two_sentences_stays_in_the_list() -> None:
    text = ("The Tour 2020 dates:\n"
            "Sept. 5 -- White River Amphitheatre. Seattle, WA\n"
            "Sept. 12 -- Shoreline Amphitheatre, Mountain View, CA\n"
            "The band formed in Sept. 12 of another year. Sept. 18 -- Los Angeles\n")
    found = [(e.text, e.value) for e in find(text, reference=date(2019, 11, 19))]
    assert found[:3] == [("2020", "2020"), ("Sept. 5", "2020-09-05"),
                         ("Sept. 12", "2020-09-12")]
    assert found[-1] == ("Sept. 18", "2019-09-18")  # a line of prose ended the list


def test_the_day_of_a_market_report_and_the_days_events() -> None:
    text = ("Oil fell on Tuesday on oversupply concerns. Treasury yields were down from late on "
            "Monday. Sterling was last at $1.2925, down 0.21% on the day.")
    assert values(text, date(2019, 11, 19))["the day"] == "2019-11-19"  # the session reported
    text = ("The testimony Tuesday of four officials was heard. Trump said he had watched part "
            "of the day's testimony.")
    assert values(text, date(2019, 11, 20))["the day"] == "2019-11-19"
    # Neither "the day of the vote" nor "the day when" is a day of their own.
    assert values("Fans waited on the day of the verdict.", date(2019, 11, 20)) == {}
    assert values("Shares closed up 2% on the day when the deal was announced.",
                  date(2019, 11, 20)) == {}


def test_a_day_naming_an_event_is_not_moved_ahead_by_the_tellings_future() -> None:
    day = date(2019, 11, 20)
    assert values("The envoy is likely to face questions about Trump's July 25 call.", day) == {
        "July 25": "2019-07-25"}
    assert values("Egyptians will learn in school about the January 25 revolution.",
                  date(2011, 1, 26)) == {"January 25": "2011-01-25"}
    # The future still settles what the calendar leaves open: the deadline to come.
    assert values("The bank said its effort would continue past the Nov. 1 deadline.",
                  date(1989, 10, 27)) == {"Nov. 1": "1989-11-01"}
    assert values("Talks will resume on Dec. 3.", day) == {"Dec. 3": "2019-12-03"}


def test_zodiac_years_from_the_sentence_or_the_tense() -> None:
    text = ("Bird flu in the year of the rooster, swine fever in the year of the pig. "
            "Next year is the year of the rat.")
    found = values(text, date(2019, 11, 19))
    assert (found["the year of the rooster"], found["the year of the pig"],
            found["the year of the rat"]) == ("2017", "2019", "2020")
    assert values("He was born in the year of the dragon.", date(2023, 5, 1)) == {
        "the year of the dragon": "2012"}  # the past: the latest, not the coming 2024
    assert values("The year of the Rooster, he was born in 1945.", date(2011, 2, 6))[
        "The year of the Rooster"] == "1945"


def test_a_reported_arrangement_in_the_present_progressive_is_to_come() -> None:
    day = date(2011, 1, 31)  # a Monday
    assert values('He said: "We\'re meeting on Saturday."', day) == {"Saturday": "2011-02-05"}
    assert values("He said they met on Saturday.", day) == {"Saturday": "2011-01-29"}


def test_a_quarter_or_day_before_will_is_to_come() -> None:
    day = date(2019, 11, 19)  # a Tuesday, in the fourth quarter
    assert values("Sales in Q1 will rise.", day) == {"Q1": "2020-Q1"}
    assert values("Sales in Q1 rose.", day) == {"Q1": "2019-Q1"}
    assert values("On Friday, the court will rule.", day) == {"Friday": "2019-11-22"}
    assert values("Mubarak said Friday he will step down.", day) == {"Friday": "2019-11-15"}


def test_a_season_to_come_includes_the_current_one() -> None:
    assert values("The winter death toll will be similar.", date(2010, 1, 15)) == {
        "The winter": "2009-WI"}  # December 2009 to February 2010
    assert values("Prices will rise in the summer.", date(2010, 1, 15)) == {"the summer": "2010-SU"}


def test_a_weekday_before_day_and_month_tells_the_year() -> None:
    assert values("Your stories Thursday 14 January: troops will land.", date(2010, 1, 15)) == {
        "Thursday 14 January": "2010-01-14"}
    assert values("Tickets go on sale on Friday 5 March.", date(2010, 2, 27)) == {
        "Friday 5 March": "2010-03-05"}


def test_the_moment_long_ago_and_previously_are_references() -> None:
    found = values("At the moment, we wait. A call he released not long ago was previously seen.")
    assert found == {"the moment": "PRESENT_REF", "not long ago": "PAST_REF",
                     "previously": "PAST_REF"}
    assert values("It was the moment he knew.") == {}  # no time of its own


def test_future_before_a_noun_is_a_reference_to_the_future() -> None:
    assert values("Markets price future growth.") == {"future": "FUTURE_REF"}
    assert values("The future of innovation is rewind design.") == {"future": "FUTURE_REF"}
    assert values("Future Shock is a book.") == {}  # a title's word


def test_a_season_across_two_years() -> None:
    day = date(2019, 11, 20)
    assert values("He signed until the end of the 2022/23 season.", day) == {
        "the end of the 2022/23 season": "2023"}
    assert values("They won the title in the 2009-2010 season.", day) == {
        "the 2009-2010 season": "2009"}
    assert "2019-21 season" not in str(values("The 2019-21 season.", day))  # not two years


def test_centuries_spelled_out_and_none_before_year_one() -> None:
    assert values("It was the Black Death during the fourteenth century.") == {
        "the fourteenth century": "13"}
    assert values("Late nineteenth-century houses stand.") == {"Late nineteenth-century": "18"}
    assert values("A 6th century BC street and the third century B.C. city.") == {}


def test_summertime_and_a_season_by_which_something_will_be() -> None:
    day = date(2019, 11, 20)
    assert values("A newly revealed summertime phone call.", day) == {"summertime": "2019-SU"}
    assert values("Watch gas prices hit $8 by summertime!", date(2011, 1, 29)) == {
        "summertime": "2011-SU"}
    assert values("It was clear by the spring that the war was lost.", day) == {
        "the spring": "2019-SP"}


def test_a_date_after_since_has_passed() -> None:
    day = date(2011, 2, 4)
    assert values("What I would say is that since January 14th, we have had support.", day) == {
        "January 14th": "2011-01-14"}
    assert values("He has been in Iraq since March.", date(2005, 10, 20)) == {"March": "2005-03"}
    assert values("It will stay shut since Monday's fire.", day)["Monday"] == "2011-01-31"


def test_full_dates_with_a_ptb_spaced_comma() -> None:
    day = date(2011, 2, 2)
    assert values("It was Tuesday , January 25 . Protests spread .", day) == {
        "Tuesday , January 25": "2011-01-25"}
    assert values("Jackson died on 25 June , 2009 at the age of 50 .", day) == {
        "25 June , 2009": "2009-06-25"}
    assert values("Aired February 11 , 2011 - 13:00 ET", day) == {
        "February 11 , 2011": "2011-02-11"}


def test_a_yearless_date_after_died_is_the_past_one() -> None:
    found = values("Jackson died at his home on 25 June aged 50 .", date(2010, 2, 5))
    assert found == {"25 June": "2009-06-25"}


def test_a_bracketed_year_after_a_yearless_date_gives_its_year() -> None:
    found = values("an inquiry into what happened on April 8 (2003) .", date(2005, 11, 23))
    assert found == {"April 8": "2003-04-08", "2003": "2003"}
    assert values("the raid on April 8 (pictured) .", date(2005, 11, 23)) == {
        "April 8": "2005-04-08"}


def test_years_before_1900_with_a_month_or_after_in_and_not_counts_or_times() -> None:
    reference = date(2010, 1, 14)
    assert values("8 Feb 1843 : Leeward Islands .", reference) == {"8 Feb 1843": "1843-02-08"}
    assert values("A quake in 1692 killed 2,000 ; 1500 soldiers came .", reference) == {
        "1692": "1692"}
    assert values("19 JANUARY , 1815 GMT , ENTERING HAITI", reference) == {
        "19 JANUARY": "2010-01-19"}
    assert values("an ambulance was not called until 1221 .", reference) == {}
    assert values("A curfew has been in force since 1800 GMT .", reference) == {}
    assert values("Every year 1500 children die ; it was built in 1500 BC .", reference) == {}
    assert values("He married on 25 March 1829 in Newchurch .", reference) == {
        "25 March 1829": "1829-03-25"}
