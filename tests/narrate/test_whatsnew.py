from __future__ import annotations

from storyline.narrate.said import Said
from storyline.narrate.whatsnew import whats_new


def said(article: str, idx: int, text: str, published: str | None, outlet: str = "A",
         copy: bool = False, seq: int = 0) -> Said:
    return Said(article, idx, text, outlet, published, (1 if copy else 0, seq))


OLD = "The city council approved the new tram line to the harbour on Monday evening."
NEW = "The first trams will carry passengers from the depot to the harbour in September."


def test_only_what_no_earlier_article_reported() -> None:
    items = [said("a", 0, OLD, "2024-03-04", seq=1),
             said("b", 0, OLD.replace("Monday evening", "Monday"), "2024-03-10", "B", seq=2),
             said("b", 1, NEW, "2024-03-10", "B", seq=2)]
    found = whats_new(items, "2024-03-05")
    assert [s["text"] for d in found for s in d["sentences"]] == [NEW]
    assert found[0]["date"] == "2024-03-10" and found[0]["sentences"][0]["article_id"] == "b"


def test_a_new_thing_said_by_several_is_told_once_cited_to_the_original() -> None:
    items = [said("copy", 0, NEW, "2024-03-11", "C", copy=True, seq=3),
             said("orig", 0, NEW, "2024-03-11", "W", seq=2),
             said("later", 0, NEW + " Officials said so.", "2024-03-12", "L", seq=4)]
    found = whats_new(items, "2024-03-01")
    sentences = [s for d in found for s in d["sentences"]]
    assert len(sentences) == 1
    assert sentences[0]["article_id"] == "orig" and sentences[0]["also"] == 2


def test_undated_articles_count_as_earlier_and_short_lines_are_ignored() -> None:
    items = [said("u", 0, NEW, None), said("n", 0, NEW, "2024-05-01"),
             said("n", 1, "Read more here.", "2024-05-01")]
    assert whats_new(items, "2024-04") == []
