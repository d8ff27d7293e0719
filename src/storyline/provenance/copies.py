"""Exact copies: articles with one text are compared once, through a representative.

N copies of one text would otherwise be N² pairs to sketch, verify, group and align.
Copies are found by a hash (the normalised words for grouping, the MinHash digest for
the LSH index, the raw text for passages, whose offsets must hold in every copy), the
pairwise work runs on the earliest copy of each text, and the result is expanded to
the others: they join its duplicate group and share its passages.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from storyline.provenance.passages import Passage
from storyline.provenance.relations import Overlap, Pair, pair_key


@dataclass
class CopyClasses:
    """Articles sharing a hash, each class led by its earliest arrival."""

    rep_of: dict[str, str] = field(default_factory=dict)  # only for copies, not their rep
    copies: dict[str, list[str]] = field(default_factory=dict)  # rep → later copies

    @classmethod
    def build(
        cls, ids: Iterable[str], key: Callable[[str], Hashable | None], seq: Mapping[str, int]
    ) -> CopyClasses:
        """Group ``ids`` by ``key`` (``None`` = never a copy, e.g. an empty text)."""
        first: dict[Hashable, str] = {}
        found = cls()
        for article_id in sorted(ids, key=seq.__getitem__):
            value = key(article_id)
            if value is None:
                continue
            rep = first.setdefault(value, article_id)
            if rep != article_id:
                found.rep_of[article_id] = rep
                found.copies.setdefault(rep, []).append(article_id)
        return found

    def rep(self, article_id: str) -> str:
        """The representative of ``article_id``'s class (itself when it leads one)."""
        return self.rep_of.get(article_id, article_id)

    def reps(self, ids: Iterable[str]) -> set[str]:
        """The representatives of ``ids``."""
        return {self.rep(i) for i in ids}


def representative_pairs(pairs: Iterable[Pair], classes: CopyClasses) -> set[Pair]:
    """Map pairs onto representatives, dropping pairs inside one class."""
    mapped = set()
    for a, b in pairs:
        ra, rb = classes.rep(a), classes.rep(b)
        if ra != rb:
            mapped.add(pair_key(ra, rb))
    return mapped


def representative_links(
    links: Mapping[Pair, Overlap], classes: CopyClasses
) -> dict[Pair, Overlap]:
    """Links between representatives (copies of one text overlap every article alike)."""
    mapped: dict[Pair, Overlap] = {}
    for (a, b), found in sorted(links.items()):
        key = pair_key(classes.rep(a), classes.rep(b))
        if key[0] != key[1]:
            mapped.setdefault(key, found)
    return mapped


def expand_passages(passages: Sequence[Passage], classes: CopyClasses) -> list[Passage]:
    """Give each copy the passages its representative shares with other texts.

    Passages between a representative and its own copies are kept as they are (each
    copy then shares its whole text with the earliest one), not multiplied between
    copies: N copies give N - 1 such passages, not N².
    """
    expanded = list(passages)
    # A new text's copy stored earlier was aligned directly: that pair is not given twice.
    computed = {(p.a, p.b) for p in passages}
    for passage in passages:
        for side, other in ((passage.a, passage.b), (passage.b, passage.a)):
            if classes.rep(other) == side:
                continue  # a copy of this very text
            for copy in classes.copies.get(side, ()):
                moved = _moved(passage, side, copy)
                if (moved.a, moved.b) not in computed:
                    expanded.append(moved)
    return expanded


def _moved(passage: Passage, side: str, copy: str) -> Passage:
    """The same passage with ``side`` replaced by ``copy`` (same text, same offsets)."""
    moved = replace(passage, a=copy) if passage.a == side else replace(passage, b=copy)
    if moved.a <= moved.b:
        return moved
    return Passage(moved.b, moved.a, moved.b_start, moved.b_end, moved.a_start, moved.a_end,
                   moved.b_text, moved.a_text, moved.similarity)
