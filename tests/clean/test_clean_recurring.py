from collections.abc import Iterable, Iterator

import pytest

from storyline.clean import recurring
from storyline.clean.step import CleanStep
from storyline.config import load_config
from storyline.model import Article, Sentence
from storyline.pipeline.run import run_corpus_step
from storyline.store.articles import load_articles, save_articles
from storyline.store.db import Store

FOOTER = "Tips? Write to the newsroom at any hour of the day."
TOPICS = ["harbour bridge", "school budget", "river flood", "city election", "museum opening"]


def story(index: int, topic: str, footer: bool = True) -> Article:
    body = [
        f"The {topic} was the main subject of the council meeting on day {index}, officials said.",
        f"Residents asked many questions about the {topic} and its cost to the town.",
    ]
    if footer:
        body.append(FOOTER)
    return Article(id=f"a{index}", origin=f"a{index}.txt", raw="\n\n".join(body),
                   source="Valley Courier")


class FakeLanguage:
    name = "language"
    version = "test"

    def run(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            article.sentences = [Sentence(p.start, p.end, article.text[p.start:p.end], i)
                                 for i, p in enumerate(article.paragraphs)]
            yield article


@pytest.fixture
def store(monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.setattr(recurring, "create_step", lambda name, config: FakeLanguage())
    db = Store(":memory:")
    yield db
    db.conn.close()


def stored(store: Store, articles: list[Article]) -> list[str]:
    step = CleanStep(load_config())
    cleaned = [item for item in step.run(articles) if isinstance(item, Article)]
    save_articles(store, cleaned, {"clean": step.version})
    return [article.id for article in cleaned]


def test_line_in_enough_unrelated_articles_is_removed(store: Store) -> None:
    ids = stored(store, [story(i, topic) for i, topic in enumerate(TOPICS[:3])])
    result = run_corpus_step(store, recurring.RecurringStep(load_config()), ids)
    assert result.stats["recurring_lines_removed"] == 3
    for article in load_articles(store):
        assert FOOTER not in article.text
        assert article.removed[-1].text == FOOTER
        assert article.removed[-1].reason == "recurring"
        assert article.sentences  # re-annotated
        assert article.paragraphs[-1].end == len(article.text)


def test_below_threshold_nothing_is_removed(store: Store) -> None:
    ids = stored(store, [story(i, topic) for i, topic in enumerate(TOPICS[:2])])
    result = run_corpus_step(store, recurring.RecurringStep(load_config()), ids)
    assert result.changes.articles == []
    assert all(FOOTER in article.text for article in load_articles(store))


def test_versions_of_one_story_do_not_make_their_lines_recurring() -> None:
    first = story(1, "harbour bridge")
    versions = [first, story(1, "harbour bridge"), story(1, "harbour bridge")]
    step = CleanStep(load_config())
    cleaned = [item for item in step.run(versions) if isinstance(item, Article)]
    assert recurring.recurring_lines(cleaned, 3) == set()


def test_rerun_is_stable(store: Store) -> None:
    ids = stored(store, [story(i, topic) for i, topic in enumerate(TOPICS[:3])])
    step = recurring.RecurringStep(load_config())
    run_corpus_step(store, step, ids)
    again = run_corpus_step(store, step, ids)
    assert again.changes.articles == []
    # A new article of the source loses the line too, once the corpus has shown it recurs.
    new_ids = stored(store, [story(9, TOPICS[4])])
    later = run_corpus_step(store, step, new_ids)
    assert [article.id for article in later.changes.articles] == new_ids


def test_many_changed_articles_are_re_annotated_in_workers_with_the_same_result() -> None:
    # 40 articles lose the footer: more than one chunk, so two worker processes parse them.
    import storyline.steps  # noqa: F401  (registers the language step)

    def run(workers: int) -> list[tuple[str, list[tuple[int, int]], list[str]]]:
        config = load_config()
        config["language"]["workers"] = workers
        db = Store(":memory:")
        try:
            articles = [story(i, TOPICS[i % len(TOPICS)]) for i in range(40)]
            ids = stored(db, articles)
            result = run_corpus_step(db, recurring.RecurringStep(config), ids)
            assert result.stats["recurring_lines_removed"] == 40
            return [(a.id, [(s.start, s.end) for s in a.sentences],
                     sorted(m.text for m in a.entities)) for a in load_articles(db)]
        finally:
            db.conn.close()

    one, two = run(1), run(2)
    assert one == two
    assert all(sentences for _, sentences, _ in one)
