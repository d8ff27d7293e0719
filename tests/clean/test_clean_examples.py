"""Checks on the shared development data (skipped when it is absent)."""

import json
from pathlib import Path

import pytest

from storyline.clean.step import clean_article
from storyline.model import Article

DATA = Path(__file__).resolve().parents[2] / "../shared/data"
JAPAN_KOREA = DATA / "japan-korea"
SYNDICATION = DATA / "syndication-dev"


def cleaned_japan_korea() -> dict[str, Article]:
    if not (JAPAN_KOREA / "expected.json").exists():
        pytest.skip("japan-korea example data is absent")
    articles = {}
    for path in sorted(JAPAN_KOREA.glob("*.txt")):
        article = Article(id=path.name, origin=str(path), raw=path.read_text(encoding="utf-8"))
        clean_article(article)
        articles[path.name] = article
    return articles


def test_japan_korea_boilerplate_headings_and_metadata() -> None:
    articles = cleaned_japan_korea()
    expected = json.loads((JAPAN_KOREA / "expected.json").read_text(encoding="utf-8"))
    for name, lines in expected["boilerplate"].items():
        text = articles[name].text
        for line in lines:
            if line.startswith("the headline"):
                continue
            literal = line.split("...")[0].strip()
            assert literal not in text, (name, line)
    for name, headings in expected["section_headings_not_body"].items():
        article = articles[name]
        assert [heading.text for heading in article.headings] == headings
        # Out of the body: not in the text, not a paragraph.
        assert not any(heading in article.text.split("\n\n") for heading in headings)
    wires = {name: article.wire for name, article in articles.items()}
    assert wires == {name: item["wire"] for name, item in expected["provenance"].items()}
    second = articles["001_fbac82d7d3572f62.txt"]
    assert second.dateline == "SEOUL, May 7"
    assert second.source == "TheStar"
    assert second.text.startswith("The leaders of South Korea and Japan struck")
    assert not second.text.rstrip().endswith("Bloomberg")
    # The headline shown twice at the top survives once, as the title, not in the body.
    for name in ("000_fd640aeae62571bb.txt", "002_439eda8d834cdb22.txt"):
        first = articles[name].paragraph_text(0)
        assert not first.startswith("(Bloomberg)")
        assert articles[name].text.count(first) == 1


def test_syndication_boilerplate_share_left() -> None:
    gold_path = SYNDICATION / "gold.json"
    if not gold_path.exists():
        pytest.skip("syndication-dev data is absent")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    total = left = 0
    with (SYNDICATION / "articles.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            article = Article(id=record["id"], raw=record["text"], title=record.get("title"),
                              source=record.get("source"))
            clean_article(article)
            for boilerplate in gold[record["id"]].get("boilerplate", []):
                total += 1
                left += boilerplate.strip() in article.text
    assert total > 0
    assert left / total <= 0.01
