"""Whether a later text is a new version of an earlier one, and what it changed.

A version keeps most of its predecessor's text and adds passages of its own; an
update puts new text at its top (a new lede over the old story). Copies do not
qualify: a reprint adds only headers and footers, a lightly edited copy changes
scattered words (each swap breaks a few shingles, never a run of them), and a copy
that restores text a truncated copy dropped adds nothing that an earlier member of
the group did not already have. These functions work on shingle sequences (the text's
word shingles in order) so that they can be tested without documents.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from storyline.provenance.shingles import shingles, words


@dataclass(frozen=True)
class VersionEvidence:
    """How a later text relates to an earlier one (counts are shingles)."""

    new: int  # shingles of the later text in new passages (runs not in any earlier text)
    new_top: int  # of those, in the opening (the lede) of the later text


def new_runs(
    sequence: Sequence[str], known: Callable[[str], bool], min_run: int
) -> list[tuple[int, int]]:
    """Spans ``[start, end)`` of at least ``min_run`` consecutive shingles not ``known``."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for position, shingle in enumerate([*sequence, None]):
        if shingle is not None and not known(shingle):
            if start is None:
                start = position
            continue
        if start is not None and position - start >= min_run:
            runs.append((start, position))
        start = None
    return runs


def version_evidence(
    later: Sequence[str],
    known: Callable[[str], bool],
    min_run: int,
    lede: int,
) -> VersionEvidence:
    """What ``later`` (a shingle sequence) adds to the texts published before it.

    ``known`` tells whether a shingle was in one of them (the candidate predecessor
    included): only passages found in none are new. ``lede`` is the number of opening
    shingles that make the later text's lede. (How much of the predecessor the later
    text keeps is the caller's check, from the pair's shared-shingle count.)
    """
    runs = new_runs(later, known, min_run)
    new_top = sum(min(end, lede) - start for start, end in runs if start < lede)
    return VersionEvidence(sum(end - start for start, end in runs), new_top)


@dataclass(frozen=True)
class Changes:
    """What a version changed, paragraph by paragraph."""

    added: int  # paragraphs of the version not in its predecessor
    removed: int  # paragraphs of the predecessor not in the version
    rewritten: int  # paragraphs partly kept (some of their shingles changed)

    def summary(self) -> str:
        """A short account, e.g. ``"paragraphs: 2 added, 1 rewritten"``."""
        counts = [f"{n} {what}" for n, what in ((self.added, "added"), (self.removed, "removed"),
                                                (self.rewritten, "rewritten")) if n]
        return "paragraphs: " + (", ".join(counts) if counts else "none changed")


def paragraph_changes(
    later: Sequence[frozenset[str]],
    earlier: Sequence[frozenset[str]],
    same: float = 0.8,
    kept: float = 0.2,
) -> Changes:
    """Count paragraphs added, removed and rewritten between two versions.

    Paragraphs are given as shingle sets. A paragraph whose shingles are, for at least
    ``same`` of them, in the other text is unchanged; with at least ``kept`` it is
    rewritten; below that it is added (in ``later``) or removed (from ``earlier``).
    Empty paragraphs are ignored.
    """
    in_earlier = frozenset().union(*earlier) if earlier else frozenset()
    in_later = frozenset().union(*later) if later else frozenset()
    added = rewritten = removed = 0
    for paragraph in later:
        if not paragraph:
            continue
        share = len(paragraph & in_earlier) / len(paragraph)
        if share < kept:
            added += 1
        elif share < same:
            rewritten += 1
    for paragraph in earlier:
        if paragraph and len(paragraph & in_later) / len(paragraph) < kept:
            removed += 1
    return Changes(added, removed, rewritten)


def text_changes(later: str, earlier: str, size: int = 5) -> Changes:
    """:func:`paragraph_changes` of two texts, their paragraphs being their lines.

    Lines of fewer than ``size`` words (headings, share bars) are not paragraphs.
    """
    def paragraphs(text: str) -> list[frozenset[str]]:
        return [shingles(line, size) for line in text.splitlines()
                if len(words(line)) >= size]

    return paragraph_changes(paragraphs(later), paragraphs(earlier))
