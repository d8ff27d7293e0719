"""A record with a headline and no body field is kept; a body field of the wrong kind is not."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.clean.step import clean_article

HEADLINE = "The parliament election is over in Turkmenistan."


def write(tmp_path: Path, *records: dict[str, object]) -> Path:
    path = tmp_path / "items.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_headline_alone_is_an_article_whose_text_survives_cleaning(read, tmp_path) -> None:
    articles, skips = read([write(tmp_path, {"id": "h", "title": HEADLINE})])
    assert skips == []
    article = articles[0]
    clean_article(article)
    assert article.text == HEADLINE
    assert article.title == HEADLINE
    assert article.metadata["body"] == "headline only"


def test_a_body_field_that_is_not_text_is_still_refused(read, tmp_path) -> None:
    articles, skips = read([write(
        tmp_path,
        {"id": "list", "title": HEADLINE, "text": ["one", "two"]},
        {"id": "blank", "title": HEADLINE, "text": "   "},
        {"id": "nothing"},
    )])
    assert articles == []
    reasons = [skip.reason for skip in skips]
    assert reasons[0].startswith("'text'/'html' must be a string")
    assert reasons[1].startswith("record's 'text'/'html' field has no content")
    assert reasons[2].startswith("record has no 'text', 'html' or 'title' field")
