"""Sentences as things said: which sentences of a set say the same thing.

Outlets reword what they take from each other and from the wires, so "the same thing"
is a TF-IDF cosine of at least :data:`SAME_THING_COSINE` (or a near-identical copy), a
looser bar than the timeline's near-duplicate test, which only catches reprints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.sparse.csgraph import connected_components

from storyline.narrate.centrality import SentenceSpace, normalise

SAME_THING_COSINE = 0.5
MIN_WORDS = 6  # shorter stretches ("Read more.", datelines) say nothing on their own


@dataclass(frozen=True)
class Said:
    """One sentence of one article, with what decides who said it first."""

    article_id: str
    idx: int
    text: str
    outlet: str
    published: str | None
    order: tuple[int, int]
    """Citation preference: originals before copies, then arrival (smallest first)."""


def usable(text: str) -> bool:
    """Whether a sentence is long enough to say something by itself."""
    return len(text.split()) >= MIN_WORDS


def same_thing_groups(items: Sequence[Said]) -> list[list[int]]:
    """Group the sentences saying the same thing (indices into ``items``), largest first.

    Groups are the connected parts of the "says the same thing" graph; each group's
    indices are in citation order (the original's sentence first). Copies repeat
    sentences word for word: each distinct text is vectorised once.
    """
    if not items:
        return []
    texts: dict[str, int] = {}
    row_of = [texts.setdefault(normalise(item.text), len(texts)) for item in items]
    space = SentenceSpace(list(texts))
    cosines = (space.matrix @ space.matrix.T).tocsr()
    cosines.data = np.where(cosines.data >= SAME_THING_COSINE, 1.0, 0.0)
    cosines.eliminate_zeros()
    _, labels = connected_components(cosines, directed=False)
    groups: dict[int, list[int]] = {}
    for index, row in enumerate(row_of):
        groups.setdefault(int(labels[row]), []).append(index)
    found = [sorted(members, key=lambda i: (items[i].order, items[i].idx))
             for members in groups.values()]
    found.sort(key=lambda members: (-len({items[i].outlet for i in members}),
                                    items[members[0]].order))
    return found


def known_before(new: Sequence[Said], earlier: Sequence[Said]) -> list[bool]:
    """Tell, for each of ``new``, whether some sentence of ``earlier`` says the same thing."""
    if not new or not earlier:
        return [False] * len(new)
    space = SentenceSpace([item.text for item in [*new, *earlier]])
    top = space.matrix[: len(new)]
    rest = space.matrix[len(new):]
    best = np.asarray((top @ rest.T).max(axis=1).todense()).ravel()
    return [bool(value >= SAME_THING_COSINE) for value in best]
