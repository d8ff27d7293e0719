"""Record steps in worker processes: same results, input order, skips kept."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from storyline.model import Article, Skip
from storyline.pipeline.step import chain
from storyline.pipeline.workers import resolve_workers, run_in_workers


class ShoutStep:
    """Upper-cases the raw text; skips an article whose raw text is empty."""

    name = "shout"
    version = "1"
    requires = ("raw",)
    sets = ("text",)

    def run(self, articles: Iterable[Article]) -> Iterator[Article | Skip]:
        for article in articles:
            if not article.raw:
                yield Skip(article.id, "empty")
                continue
            article.text = article.raw.upper()
            yield article


def _stream() -> list[Article | Skip]:
    items: list[Article | Skip] = []
    for number in range(11):
        items.append(Article(id=str(number), raw="" if number % 4 == 3 else f"text {number}"))
        if number == 5:
            items.append(Skip("input-5", "unreadable"))
    return items


def _summary(items: Iterable[Article | Skip]) -> list[tuple[str, str]]:
    return [(item.origin, item.reason) if isinstance(item, Skip) else (item.id, item.text)
            for item in items]


def test_workers_give_the_in_process_result_in_input_order() -> None:
    expected = _summary(chain([ShoutStep()], _stream()))
    got = _summary(run_in_workers([ShoutStep()], _stream(), workers=2, chunk_size=2))
    assert got == expected


def test_a_stream_shorter_than_a_chunk_runs_in_process() -> None:
    got = _summary(run_in_workers([ShoutStep()], _stream()[:3], workers=2, chunk_size=64))
    assert got == _summary(chain([ShoutStep()], _stream()[:3]))


def test_workers_setting_is_capped_at_the_available_cores() -> None:
    assert 1 <= resolve_workers(0) == resolve_workers(10_000)
    assert resolve_workers(1) == 1


def test_one_worker_consumes_the_stream_lazily() -> None:
    produced: list[int] = []

    def articles() -> Iterator[Article]:
        for number in range(1_000):
            produced.append(number)
            yield Article(id=str(number), raw="text")

    first = next(run_in_workers([ShoutStep()], articles(), workers=1, chunk_size=4))
    assert isinstance(first, Article) and len(produced) <= 5


def test_a_chunk_closes_at_its_character_bound() -> None:
    items: list[Article | Skip] = [Article(id=str(n), raw="x" * 10) for n in range(6)]
    got = _summary(run_in_workers([ShoutStep()], items, workers=2, chunk_size=64,
                                  chunk_chars=25))
    assert got == _summary(chain([ShoutStep()], [Article(id=str(n), raw="x" * 10)
                                                 for n in range(6)]))
