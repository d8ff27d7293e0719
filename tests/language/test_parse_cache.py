"""Repeated paragraphs (syndicated copies) are parsed once; the cache stays within its bound."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from storyline.language.nlp import ParseCache, parse_texts


class FakeDoc:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tensor: Any = None


class CountingNlp:
    """Stands in for a pipeline: records every text it is given."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def pipe(self, texts: Iterable[str], batch_size: int) -> Iterator[FakeDoc]:
        for text in texts:
            self.seen.append(text)
            yield FakeDoc(text)


def test_each_distinct_text_is_parsed_once_and_docs_come_back_in_order() -> None:
    nlp = CountingNlp()
    texts = ["a b", "c d", "a b", "e f", "c d", "a b"]
    docs = list(parse_texts(nlp, texts, batch_size=2, max_batch_chars=1_000,  # type: ignore[arg-type]
                            cache=ParseCache(1_000)))
    assert [doc.text for doc in docs] == texts
    assert nlp.seen == ["a b", "c d", "e f"]
    assert docs[0] is docs[2] is docs[5]


def test_without_a_cache_only_repeats_within_a_batch_are_shared() -> None:
    nlp = CountingNlp()
    docs = list(parse_texts(nlp, ["x", "x", "y", "x"], batch_size=3,  # type: ignore[arg-type]
                            max_batch_chars=1_000))
    assert [doc.text for doc in docs] == ["x", "x", "y", "x"]
    assert nlp.seen == ["x", "y", "x"]


def test_the_cache_forgets_the_least_recently_used_beyond_its_size() -> None:
    cache = ParseCache(max_chars=10)
    for text in ("aaaa", "bbbb"):
        cache.put(text, FakeDoc(text))  # type: ignore[arg-type]
    assert cache.get("aaaa") is not None  # now the most recent
    cache.put("cccc", FakeDoc("cccc"))  # type: ignore[arg-type]
    assert cache.get("bbbb") is None and cache.get("aaaa") is not None
    assert cache.chars <= 10
    cache.put("x" * 11, FakeDoc("big"))  # type: ignore[arg-type]
    assert cache.get("x" * 11) is None
