import pytest

from storyline.clean.boilerplate import boilerplate_reason


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("The Harbour Times Newsletter", "newsletter"),
        ("Keep up to date with what's happening in the region and the world.", "newsletter"),
        ("You can unsubscribe at any time. By signing up you agree to our Terms.", "newsletter"),
        ("This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of "
         "Service apply.", "newsletter"),
        ("Sign up for our daily newsletter", "newsletter"),
        ("Subscribe on YouTube", "newsletter"),
        ("Share on Facebook Share on Twitter Share on WhatsApp", "share-bar"),
        ("Facebook Twitter LinkedIn Email", "share-bar"),
        ("Follow us on Instagram", "share-bar"),
        ("Home » Blog » Some headline about a summit", "breadcrumb"),
        ("News › World › Asia", "breadcrumb"),
        ("©2023 Example Media L.P.", "copyright"),
        ("© 2024 The Valley Courier. All rights reserved.", "copyright"),
        ("Copyright 2022 Example Group", "copyright"),
        ("Read: Leaders Meet in the Capital for Talks", "teaser"),
        ("Read more: Markets fall on rate fears", "teaser"),
        ("Also read", "teaser"),
        ("More stories like this are available on example.com", "more-stories"),
        ("More from Valley Courier", "more-stories"),
        ("Most Read", "more-stories"),
        ("Leave a Reply", "comment-form"),
        ("Your email address will not be published. Required fields are marked *",
         "comment-form"),
        ("12 Comments", "comment-form"),
        ("Skip to content", "navigation"),
        ("Advertisement", "advertisement"),
    ],
)
def test_boilerplate_lines_are_recognised(line: str, reason: str) -> None:
    assert boilerplate_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "The minister said she would read the report before the vote.",
        "Read the statement in full, he told reporters, before deciding.",
        "The company shares its data with partners on Facebook and Twitter, the filing said.",
        "More from the interview will be published on Monday, the editor said.",
        "(c) the third condition of the agreement covers exports.",
        "Copyright lawsuits against the platform have multiplied this year.",
        "The leaders met in Tokyo on Thursday.",
        "Export curbs",
    ],
)
def test_article_prose_is_kept(line: str) -> None:
    assert boilerplate_reason(line) is None


def test_long_paragraph_opening_with_trigger_word_is_kept() -> None:
    paragraph = "Read: " + "the council met for hours and debated the budget at length. " * 8
    assert boilerplate_reason(paragraph) is None
