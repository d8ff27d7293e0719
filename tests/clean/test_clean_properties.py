"""Properties of cleaning: it never invents text, and kept plus removed lines are the input."""

from __future__ import annotations

import os
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.clean.body import clean_body
from storyline.clean.segment import normalise_line, split_blocks
from storyline.clean.step import clean_article
from storyline.clean.wires import load_wires
from storyline.model import Article

WIRES = load_wires()
FAST = settings(max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "150")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])

# Lines of the kinds cleaning acts on, so that examples reach its rules, not only prose.
LINES = [
    "LONDON (Reuters) - The council approved the tram plan on Monday after a long debate.",
    "SEOUL, May 7 (Yonhap) — Officials met to discuss trade and security.",
    "WASHINGTON — The senate voted 51 to 49.",
    "By Maria Silva and John Okafor",
    "Reporting by Aiko Tanaka; Editing by Tomas Novak",
    "Published 3 June 2024, 16:40 | Updated 4 June 2024",
    "Updated 2 hours ago",
    "Share on Facebook", "Share", "Tweet", "Email", "Copy link",
    "Sign up for our daily newsletter", "Advertisement", "Read more: Trams return to the city",
    "© 2024 The Valley Courier. All rights reserved.",
    "Home | World | Politics | Business",
    "The Valley Courier",
    "World News",
    "Council Approves Tram Plan",
    "Council Approves Tram Plan",
    "The plan will cost 12 million euros, the mayor said. – Reuters",
    "Talks continue next week (AFP).",
    "“We will keep going,” she said.",
    "the line continues here in lower case and ends.",
    "Source: The Valley Courier",
]
line = st.one_of(st.sampled_from(LINES), st.text(max_size=80))
breaks = st.sampled_from(["\n", "\n\n", "\r\n", "\n \n", "\u2028", "\u2029"])


@st.composite
def bodies(draw: st.DrawFn) -> str:
    parts = draw(st.lists(line, max_size=12))
    out = ""
    for part in parts:
        out += part + draw(breaks)
    return out


def flat(text: str) -> str:
    """The input as the cleaner sees it: invisible characters gone, whitespace runs one space."""
    return normalise_line(text)


def words(texts: list[str]) -> Counter[str]:
    return Counter(word for text in texts for word in text.split())


@FAST
@given(bodies(), st.one_of(st.none(), st.sampled_from(LINES)))
def test_clean_body_never_invents_text(raw: str, title: str | None) -> None:
    result = clean_body(raw, title, WIRES)
    source = flat(raw)
    for block in result.blocks:
        assert block.text and flat(block.text) == block.text
        assert block.text in source
    for removed in result.removed:
        assert removed.text in source
    for value in (result.dateline, result.byline):
        if value:
            assert flat(value) in source
    if result.title and result.title != title:
        assert result.title in source


@FAST
@given(bodies(), st.one_of(st.none(), st.sampled_from(LINES)))
def test_kept_and_removed_lines_account_for_the_input(raw: str, title: str | None) -> None:
    result = clean_body(raw, title, WIRES)
    kept = [block.text for block in result.blocks]
    assert words(kept) + words([r.text for r in result.removed]) == words(split_blocks(raw))


@FAST
@given(bodies())
def test_clean_article_paragraphs_index_the_text(raw: str) -> None:
    article = Article(id="p", raw=raw, raw_format="text")
    clean_article(article, wires=WIRES)
    source = flat(raw)
    previous_end = 0
    for paragraph in article.paragraphs:
        assert previous_end <= paragraph.start < paragraph.end <= len(article.text)
        piece = article.text[paragraph.start : paragraph.end]
        assert piece.strip() == piece and piece in source
        previous_end = paragraph.end
    assert article.text == "\n\n".join(
        article.text[p.start : p.end] for p in article.paragraphs)
