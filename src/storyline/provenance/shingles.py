"""Word shingles: the units two texts are compared by.

Texts are lower-cased and reduced to their word characters before shingling, so
punctuation, quote styles and spacing changes made by a republisher do not hide a copy.
"""

from __future__ import annotations

import hashlib
import re

_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    """Return the lower-cased words of ``text`` (punctuation and spacing dropped)."""
    return _WORD.findall(text.casefold())


def shingle_sequence(text: str, size: int) -> list[str]:
    """Return the ``size``-word shingles of ``text`` in order (repeats kept).

    A text shorter than ``size`` words yields one shingle of all its words (or none
    when it has no words), so short texts can still be compared.
    """
    tokens = words(text)
    if len(tokens) < size:
        return [" ".join(tokens)] if tokens else []
    return [" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)]


def shingles(text: str, size: int) -> frozenset[str]:
    """Return the set of ``size``-word shingles of ``text`` (see :func:`shingle_sequence`)."""
    return frozenset(shingle_sequence(text, size))


def lede_shingles(text: str, size: int, count: int) -> frozenset[str]:
    """Return the ``size``-word shingles of the first ``count`` words of ``text``."""
    return shingles(" ".join(words(text)[:count]), size)


def text_key(text: str) -> str:
    """Return a hash of the normalised words: equal keys mean exact duplicates."""
    return hashlib.sha1(" ".join(words(text)).encode("utf-8")).hexdigest()
