"""The same words quoted by several articles are one quote with every appearance."""

from __future__ import annotations

from storyline.model import Article, Quote
from storyline.provenance.quote_groups import group_quotes, quote_key


def article(article_id: str, *quotes: Quote) -> Article:
    return Article(id=article_id, quotes=list(quotes))


def test_one_record_per_thing_said_with_every_appearance() -> None:
    said = "We will not give up, whatever it costs."
    groups = group_quotes([
        article("a", Quote(said, 10, 49, "Ana Ruiz", "person:ana-ruiz")),
        article("b", Quote("“We will NOT give up — whatever it costs”", 3, 45, "Ana Ruiz",
                           "person:ana-ruiz"), Quote("Something else.", 60, 75, None, None)),
        article("c", Quote(said, 0, 39, None, None)),
    ])
    assert [len(g.appearances) for g in groups] == [3, 1]
    first = groups[0]
    assert [a.article_id for a in first.appearances] == ["a", "b", "c"]
    assert (first.speaker, first.speaker_id) == ("Ana Ruiz", "person:ana-ruiz")
    assert first.quote_id.startswith("q-") and groups[1].speaker is None


def test_the_key_ignores_case_spacing_and_marks() -> None:
    assert quote_key("“It is  over,” ") == quote_key("it is over") == "it is over"
    assert group_quotes([article("a", Quote("…", 0, 1, None, None))]) == []
