"""Repeated paragraphs (syndicated copies) are parsed once; the cache stays within its bound."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from storyline.language.nlp import ParseCache, parse_texts


class FakeDoc:
    def __init__(self, text: str, syntax: bool = True) -> None:
        self.text = text
        self.syntax = syntax
        self.tensor: Any = None

    def has_annotation(self, name: str) -> bool:
        return self.syntax


class CountingNlp:
    """Stands in for a pipeline: records every text it is given."""

    pipe_names = ["tok2vec", "tagger", "parser", "ner"]

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.entities_only: list[str] = []

    def pipe(self, texts: Iterable[str], batch_size: int,
             disable: list[str] | None = None) -> Iterator[FakeDoc]:
        for text in texts:
            (self.entities_only if disable else self.seen).append(text)
            yield FakeDoc(text, syntax=not disable)


def full(texts: list[str]) -> list[tuple[str, bool]]:
    return [(text, True) for text in texts]


def test_each_distinct_text_is_parsed_once_and_docs_come_back_in_order() -> None:
    nlp = CountingNlp()
    texts = ["a b", "c d", "a b", "e f", "c d", "a b"]
    docs = list(parse_texts(nlp, full(texts), batch_size=2,  # type: ignore[arg-type]
                            max_batch_chars=1_000, cache=ParseCache(1_000)))
    assert [doc.text for doc in docs] == texts
    assert nlp.seen == ["a b", "c d", "e f"]
    assert docs[0] is docs[2] is docs[5]


def test_without_a_cache_only_repeats_within_a_batch_are_shared() -> None:
    nlp = CountingNlp()
    docs = list(parse_texts(nlp, full(["x", "x", "y", "x"]), batch_size=3,  # type: ignore[arg-type]
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


def test_only_texts_that_need_syntax_go_through_the_whole_pipeline() -> None:
    nlp = CountingNlp()
    cache = ParseCache(1_000)
    items = [("quote", True), ("plain", False), ("plain", False), ("both", False),
             ("both", True)]
    docs = list(parse_texts(nlp, items, batch_size=10,  # type: ignore[arg-type]
                            max_batch_chars=1_000, cache=cache))
    assert [doc.text for doc in docs] == ["quote", "plain", "plain", "both", "both"]
    assert nlp.seen == ["quote", "both"]  # a text wanted both ways is parsed once, fully
    assert nlp.entities_only == ["plain"]
    # An entities-only Doc in the cache does not serve a request for syntax; a full one
    # serves both.
    again = list(parse_texts(nlp, [("plain", True), ("quote", False)],  # type: ignore[arg-type]
                             batch_size=10, max_batch_chars=1_000, cache=cache))
    assert nlp.seen == ["quote", "both", "plain"]
    assert [doc.syntax for doc in again] == [True, True]
