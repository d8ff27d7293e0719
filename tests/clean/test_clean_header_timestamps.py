"""Site headers, one-button-a-line share bars and timestamp lines of plain-text copies."""

from storyline.clean.body import clean_body
from storyline.clean.boilerplate import share_bar_lines
from storyline.clean.step import clean_article
from storyline.clean.timestamps import parse_timestamp, publication_day
from storyline.clean.wires import load_wires
from storyline.model import Article

WIRES = load_wires()
HEADLINE = "Valley bridge reopens to traffic after months of repairs"
LEDE = ("The harbour bridge reopened to traffic on Tuesday after eight months of repairs "
        "that cost the city more than it had planned, the transport office said.")
SECOND = "Engineers replaced the main cables and resurfaced the deck ahead of schedule."


def reasons(removed) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {line.text: line.reason for line in removed}


def test_share_bar_one_button_a_line_with_wire_lede() -> None:
    raw = "\n".join([
        HEADLINE, "Share this story", "Facebook", "X", "LinkedIn", "Email", HEADLINE,
        f"RIVERTON, May 4 (Reuters) — {LEDE}", SECOND,
    ])
    article = Article(id="a", raw=raw)
    clean_article(article)
    assert (article.dateline, article.wire) == ("RIVERTON, May 4", "Reuters")
    assert article.title == HEADLINE
    assert article.text == f"{LEDE}\n\n{SECOND}"
    why = reasons(article.removed)
    assert all(why[line] == "share-bar" for line in ("Share this story", "Facebook", "X", "Email"))


def test_lone_button_words_are_not_a_share_bar() -> None:
    assert share_bar_lines(["Intro line", "X", "Some text"]) == set()
    assert share_bar_lines(["Facebook", "X", "WhatsApp"]) == {0, 1, 2}
    assert share_bar_lines(["Share", "X", "Body"]) == {0, 1}


def test_site_header_becomes_source_and_timestamp_the_date() -> None:
    raw = "\n".join([
        "The Valley Courier", "Home | Politics | Sport | Culture", HEADLINE, "By Jane Roe",
        "Published: March 5, 2024 at 9:30 a.m. EST", HEADLINE, LEDE, SECOND,
    ])
    article = Article(id="b", raw=raw)
    clean_article(article)
    assert article.title == HEADLINE
    assert article.source == "The Valley Courier"
    assert article.byline == "Jane Roe"
    assert (article.published, article.published_precision, article.published_basis) == (
        "2024-03-05", "day", "text")
    assert article.text == f"{LEDE}\n\n{SECOND}"
    why = reasons(article.removed)
    assert why["The Valley Courier"] == "site-header"
    assert why["Published: March 5, 2024 at 9:30 a.m. EST"] == "timestamp"


def test_given_source_and_date_are_kept() -> None:
    raw = "\n".join(["Daily Post", "News | World", HEADLINE, "Updated 6 March 2024, 10:15",
                     LEDE])
    article = Article(id="c", raw=raw, source="Metro Times", published="2024-03-04",
                      published_precision="day", published_basis="metadata")
    clean_article(article)
    assert article.source == "Metro Times"
    assert (article.published, article.published_basis) == ("2024-03-04", "metadata")
    assert article.text == LEDE


def test_lone_headline_above_navigation_stays_the_title() -> None:
    result = clean_body(f"Bridge Reopens\nNews | Sport\n{LEDE}", None, WIRES)
    assert result.title == "Bridge Reopens"
    assert result.publisher is None


def test_timestamp_forms() -> None:
    assert publication_day(parse_timestamp("Updated 6 March 2024, 10:15") or []) == "2024-03-06"
    assert publication_day(parse_timestamp("Last updated: Mar. 6, 2024 4.40pm") or []) == (
        "2024-03-06")
    assert publication_day(parse_timestamp("Posted 2024-03-06T10:15:00Z") or []) == "2024-03-06"
    both = parse_timestamp("Published 4 March 2024 | Updated 6 March 2024, 10:15") or []
    assert publication_day(both) == "2024-03-04"
    stamps = parse_timestamp("Updated 2 hours ago")
    assert stamps is not None and publication_day(stamps) is None
    for line in ("Posted by the community team", "Published in The Valley Courier",
                 "Updated at last", "Posted 3", f"Published {LEDE}"):
        assert parse_timestamp(line) is None, line


def test_timestamp_line_with_an_impossible_iso_month_is_not_a_crash() -> None:
    # Found by the fuzzer (crash-0e79bb38…): the timestamp reader's date finder raised
    # on "2024-00-01"; the line is now kept as text, not read as a stamp.
    from storyline.clean.body import clean_body
    from storyline.clean.wires import load_wires

    prose = ("The council approved the new tram line on Monday after a long debate "
             "that lasted well into the night, officials said.")
    result = clean_body(f"Updated 2024-00-01\n{prose}", None, load_wires())
    assert result.published is None
    assert prose in [block.text for block in result.blocks]
