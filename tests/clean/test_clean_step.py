from storyline.clean.step import CleanStep
from storyline.config import load_config
from storyline.model import Article, Skip

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Harbour Bridge Reopens After Repairs | Valley Courier</title>
<meta property="og:title" content="Harbour Bridge Reopens After Repairs">
<meta property="og:site_name" content="Valley Courier">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Harbour Bridge Reopens After Repairs</h1>
<p>The harbour bridge reopened to traffic on Tuesday after eight months of repairs that
cost the city more than it had planned, the transport office said in a statement.</p>
<p>Engineers replaced the main cables and resurfaced the deck, and the work finished two
weeks ahead of the revised schedule published last autumn by the council.</p>
<h2>Traffic returns</h2>
<p>Commuters who had taken a long detour through the industrial district welcomed the
news, and bus operators said they would restore their usual routes next week.</p>
<p>Share on Facebook Share on Twitter Share on WhatsApp</p>
</article>
<footer><p>© 2024 Valley Courier. All rights reserved.</p></footer>
</body></html>"""

PLAIN = (
    "Harbour Bridge Reopens After Repairs\n\n"
    "HARBOURTON, March 5 (Reuters) - The harbour bridge reopened to traffic on Tuesday after "
    "eight months of repairs, the transport office said.\n\n"
    "Engineers replaced the main cables and resurfaced the deck.\n\n"
    "Advertisement\n"
)


def run(article: Article, **clean: object) -> Article | Skip:
    step = CleanStep(load_config(overrides={"clean": clean} if clean else None))
    (item,) = list(step.run([article]))
    return item


def test_html_page_gives_body_and_metadata() -> None:
    article = run(Article(id="p", raw=PAGE, raw_format="html"))
    assert isinstance(article, Article)
    assert article.text.startswith("The harbour bridge reopened")
    assert "Commuters who had taken" in article.text
    assert "Share on Facebook" not in article.text
    assert "All rights reserved" not in article.text
    assert "Home" not in article.text
    assert article.title == "Harbour Bridge Reopens After Repairs"
    assert article.source == "Valley Courier"
    assert article.byline == "Jane Roe"
    assert (article.published, article.published_precision, article.published_basis) == (
        "2024-03-05", "day", "metadata")
    assert [h.text for h in article.headings] == ["Traffic returns"]
    assert "Traffic returns" not in article.text


def test_html_keeps_dates_and_sources_given_by_the_input() -> None:
    given = Article(id="p", raw=PAGE, raw_format="html", source="Feed Name",
                    published="2024-03-04", published_precision="day",
                    published_basis="metadata")
    article = run(given)
    assert isinstance(article, Article)
    assert article.source == "Feed Name"
    assert article.published == "2024-03-04"


def test_plain_text_article() -> None:
    article = run(Article(id="t", raw=PLAIN))
    assert isinstance(article, Article)
    assert article.title == "Harbour Bridge Reopens After Repairs"
    assert article.wire == "Reuters"
    assert article.dateline == "HARBOURTON, March 5"
    assert article.text.startswith("The harbour bridge reopened")
    assert article.paragraphs[-1].end == len(article.text)
    assert {line.reason for line in article.removed} == {"headline-repeat", "advertisement",
                                                         "dateline"}


def test_rerun_derives_everything_from_raw_again() -> None:
    article = run(Article(id="t", raw=PLAIN))
    assert isinstance(article, Article)
    article.raw = PLAIN.replace("Harbour Bridge Reopens", "Old Bridge Reopens")
    article.raw = article.raw.replace("(Reuters)", "(AFP)")
    again = run(article)
    assert isinstance(again, Article)
    assert again.title == "Old Bridge Reopens After Repairs"
    assert again.wire == "AFP"
    assert len(again.removed) == 3  # headline, dateline prefix, advertisement: not doubled


def test_wire_copy_without_credit_gets_its_source_as_wire() -> None:
    article = run(Article(id="w", raw=PLAIN.replace(" (Reuters)", ""), source="Associated Press"))
    assert isinstance(article, Article)
    assert article.wire == "AP"


def test_short_body_is_skipped_with_reason() -> None:
    skip = run(Article(id="s", origin="in/s.txt", raw="Subscribe now\n\nTiny."))
    assert isinstance(skip, Skip)
    assert skip.origin == "in/s.txt"
    assert "min_body_chars" in skip.reason


def test_min_body_chars_is_configurable() -> None:
    item = run(Article(id="s", raw="Tiny but wanted."), min_body_chars=5)
    assert isinstance(item, Article)
