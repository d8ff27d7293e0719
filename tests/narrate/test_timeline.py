from __future__ import annotations

import pytest

from storyline.errors import InputError, NotFoundError
from storyline.narrate.timeline import build_timeline, fts_query
from storyline.store.db import Store


def test_sorted_by_date_with_limits(store: Store) -> None:
    timeline = build_timeline(store, max_dates=3, sentences_per_date=1)
    dates = [entry["date"] for entry in timeline]
    assert dates == sorted(dates)
    assert len(timeline) == 3
    assert all(len(entry["sentences"]) == 1 for entry in timeline)
    # The most cited day (three articles, two stories) is always kept.
    assert "2024-03-04" in dates


def test_k_sentences_and_no_repeats(store: Store) -> None:
    timeline = build_timeline(store, max_dates=10, sentences_per_date=2)
    texts = [s["text"] for entry in timeline for s in entry["sentences"]]
    assert len(texts) == len(set(texts))  # the updated copy a5 does not retell a4
    assert all(1 <= len(entry["sentences"]) <= 2 for entry in timeline)
    for entry in timeline:
        for sentence in entry["sentences"]:
            assert set(sentence) == {"text", "article_id"}
            assert sentence["article_id"] != "a2"  # reprint of a1: cite the original


def test_month_precision_only_where_no_day(store: Store) -> None:
    dates = [entry["date"] for entry in build_timeline(store, max_dates=20)]
    assert "2024-05" in dates  # festival: only month precision known
    assert "2024-04" in dates  # "April" mentioned, no April day anywhere
    assert "2024-03" not in dates  # March has day dates
    assert not any(date.startswith("2024-05-") for date in dates)  # no invented day


def test_date_range(store: Store) -> None:
    dates = [e["date"] for e in build_timeline(store, date_from="2024-03-05", date_to="2024-04")]
    assert dates and all(d[:10] >= "2024-03-05" for d in dates)
    assert "2024-04" in dates and "2024-05" not in dates


def test_query_filters_articles(store: Store) -> None:
    timeline = build_timeline(store, query="festival")
    cited = {s["article_id"] for entry in timeline for s in entry["sentences"]}
    assert cited == {"a6"}


def test_query_is_escaped(store: Store) -> None:
    # FTS5 syntax in user input must not raise an SQLite error.
    assert build_timeline(store, query='strike" OR NEAR( "port*') is not None
    assert fts_query('a "b" c*') == '"a" "b" "c"'
    with pytest.raises(InputError):
        build_timeline(store, query="!!!")


def test_storyline_filter(store: Store) -> None:
    cited = {s["article_id"] for entry in build_timeline(store, storyline="s2")
             for s in entry["sentences"]}
    assert cited == {"a6"}
    with pytest.raises(NotFoundError):
        build_timeline(store, storyline="nope")


def test_bad_date_bound(store: Store) -> None:
    with pytest.raises(InputError):
        build_timeline(store, date_from="March 2024")


def test_empty_store() -> None:
    with Store(":memory:") as empty:
        assert build_timeline(empty) == []


def test_leads_of_the_day_are_favoured() -> None:
    from storyline.model import Article
    from storyline.narrate.timeline import _lead_bonus

    article = Article(id="x", origin="t", raw="", text="", sentences=[],
                      published="2024-03-04", published_precision="day",
                      published_basis="metadata")
    assert _lead_bonus(article, 0, "2024-03-04") > _lead_bonus(article, 3, "2024-03-04") > 0
    assert _lead_bonus(article, 0, "2024-03") > 0  # a month holds its days' leads
    assert _lead_bonus(article, 0, "2024-03-05") == 0.0  # another day's news


def test_next_days_reports_are_favoured() -> None:
    from storyline.model import Article
    from storyline.narrate.timeline import REPORT_DAYS, _lead_bonus

    article = Article(id="x", published="2024-03-04", published_precision="day")
    assert _lead_bonus(article, 0, "2024-03-03") > 0  # "yesterday" in a next-day report
    assert _lead_bonus(article, 0, f"2024-02-{29 - REPORT_DAYS:02d}") == 0.0  # long ago
    assert _lead_bonus(article, 0, "2024-03-05") == 0.0  # not yet happened when written


def test_sentences_are_told_without_page_stamps_and_datelines() -> None:
    from storyline.narrate.timeline import _told

    glued = ("Months of war that ruined centuries of history Saturday 15 January 2005 16.16 GMT "
             "Troops from the base left the ancient city on Friday.")
    assert _told(glued) == "Troops from the base left the ancient city on Friday."
    assert _told("SEOUL, May 7 (Reuters) - The leaders met for the first time in years.") \
        == "The leaders met for the first time in years."
    assert _told("The leaders met on Sunday.") == "The leaders met on Sunday."


def test_past_perfect_background_is_demoted_unless_it_names_the_date() -> None:
    from storyline.narrate.timeline import _background, _DateCandidates

    found = _DateCandidates(named={("a", 3)})
    assert _background("Relations had sunk to their lowest level.", ("a", 1), found)
    assert _background("Talks had already stalled.", ("a", 1), found)
    assert not _background("Relations had sunk on Monday.", ("a", 3), found)  # names it
    assert not _background("He had a meeting with the envoy.", ("a", 1), found)
    assert not _background("They had to leave the city.", ("a", 1), found)
    assert not _background("The leaders met on Sunday.", ("a", 1), found)


def test_an_undated_scrape_dated_from_its_event_points_at_the_days_it_names() -> None:
    from storyline.language.temporal import extract_temporal
    from storyline.model import Article, Sentence
    from storyline.store.articles import save_articles

    sentences = ["Kishida said the talks with his neighbour built trust between them.",
                 "Their summit on Sunday was the first one in the capital in twelve years."]
    text = " ".join(sentences)
    article = Article(id="s", origin="t", text=text, raw=text,
                      sentences=[Sentence(0, len(sentences[0]), sentences[0]),
                                 Sentence(len(sentences[0]) + 1, len(text), sentences[1])])
    article.temporal = extract_temporal(article)  # resolved before the article had a date
    article.published, article.published_precision = "2023-05-08", "day"
    article.published_basis = "relative"
    store = Store(":memory:")
    save_articles(store, [article], {"t": "1"})
    dates = [entry["date"] for entry in build_timeline(store)]
    assert dates == ["2023-05-07", "2023-05-08"]  # Sunday, and the lead's publication day
    store.close()
