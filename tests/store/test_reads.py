"""The read queries the export, report and timeline use (they run no SQL of their own)."""

from storyline.model import Article, Sentence
from storyline.store.articles import save_articles
from storyline.store.browse import storyline_article_ids, storylines_article_ids
from storyline.store.db import Store
from storyline.store.events import (
    EventRow,
    event_rows,
    save_events,
    storyline_exists,
    storyline_rows,
)
from storyline.store.provenance import (
    Passage,
    matching_article_ids,
    passage_rows,
    replace_passages,
)


def _article(article_id: str, text: str) -> Article:
    return Article(id=article_id, text=text, sentences=[Sentence(0, len(text), text)])


def test_events_come_by_date_undated_last_and_storylines_answer_for_their_articles(tmp_path):
    with Store(tmp_path / "s.db") as store:
        save_articles(store, [_article(i, "Body.") for i in ("a1", "a2", "a3")], {})
        save_events(store, [
            EventRow("e3", "s1", None, "unknown", ["a3"]),
            EventRow("e2", "s1", "2024-05-02", "day", ["a2", "a1"]),
            EventRow("e1", "s2", "2024-05-01", "day", ["a1"]),
        ])
        assert [row["event_id"] for row in event_rows(store)] == ["e1", "e2", "e3"]
        assert set(event_rows(store)[0]) == {
            "event_id", "storyline_id", "date", "date_precision", "title", "summary"}
        assert sorted(storyline_rows(store)) == [("s1", None), ("s2", None)]
        assert storyline_exists(store, "s1") and not storyline_exists(store, "s9")
        assert storyline_article_ids(store, "s1") == ["a1", "a2", "a3"]  # arrival order
        assert storylines_article_ids(store, ["s2", "s1", "s9"]) == {
            "s1": ["a1", "a2", "a3"], "s2": ["a1"]}


def test_sentence_matches_and_passages_are_read_from_the_store(tmp_path):
    with Store(tmp_path / "s.db") as store:
        save_articles(store, [_article("a1", "The tram line opens."),
                              _article("a2", "Rain is expected.")], {})
        assert matching_article_ids(store, '"tram"') == {"a1"}
        replace_passages(store, ["a1", "a2"], [
            Passage("a1", "a2", 4, 8, 0, 4, "tram", "Rain", 0.5),
            Passage("a1", "a2", 0, 3, 0, 4, "The", "Rain", 0.25),
        ])
        assert [(row["a_start"], row["similarity"]) for row in passage_rows(store)] == [
            (0, 0.25), (4, 0.5)]
