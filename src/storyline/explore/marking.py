"""An article's text cut into pieces for display, each piece with what it is part of.

Names, dates, quotes and passages shared with other articles are spans over the text;
they may overlap or nest. :func:`annotate` cuts the text at every span boundary so a
template can wrap each piece in the marks of the spans covering it, without ever building
markup from the text itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Piece:
    """A stretch of text and the spans (kind and details) that cover all of it."""

    text: str
    marks: list[dict[str, Any]] = field(default_factory=list)
    heading: bool = False

    def kinds(self) -> list[str]:
        """The kinds of the spans covering this piece (``entity``, ``date``, ``shared`` …)."""
        return sorted({str(m["kind"]) for m in self.marks})

    def first(self, kind: str) -> dict[str, Any] | None:
        """The first covering span of ``kind``."""
        return next((m for m in self.marks if m["kind"] == kind), None)


def annotate(text: str, spans: Iterable[Mapping[str, Any]],
             headings: Sequence[Mapping[str, Any]] = ()) -> list[Piece]:
    """Cut ``text`` at every boundary of ``spans`` (each with ``start``, ``end``, ``kind``).

    Section headings (``{text, offset}``, kept out of the body) come back as pieces of
    their own where their section begins.
    """
    usable = [dict(s) for s in spans
              if 0 <= int(s["start"]) < int(s["end"]) <= len(text)]
    cuts = {0, len(text)} | {int(s["start"]) for s in usable} | {int(s["end"]) for s in usable}
    marks = sorted((int(h["offset"]), str(h["text"])) for h in headings)
    cuts |= {min(max(0, offset), len(text)) for offset, _ in marks}
    points = sorted(cuts)
    pieces: list[Piece] = []
    waiting = 0
    for start, end in zip(points, points[1:], strict=False):
        while waiting < len(marks) and marks[waiting][0] <= start:
            pieces.append(Piece(marks[waiting][1], heading=True))
            waiting += 1
        covering = [s for s in usable if s["start"] <= start and end <= s["end"]]
        pieces.append(Piece(text[start:end], covering))
    pieces.extend(Piece(heading, heading=True) for _, heading in marks[waiting:])
    return pieces


def article_pieces(article: Mapping[str, Any], names: bool = True) -> list[Piece]:
    """An article view's text cut at its names and dates (if ``names``) and shared passages.

    The report leaves names and dates unmarked: on a thousand articles their marks alone
    would double the file, and the event views list the names.
    """
    spans = [{"start": p["start"], "end": p["end"], "kind": "shared", "other": item["other"]}
             for item in article["shared"] for p in item["passages"]]
    if names:
        spans += [{**mention, "kind": "entity"} for mention in article["entities"]]
        spans += [{**found, "kind": "date"} for found in article["dates"]]
    return annotate(article["text"] or "", spans, article["headings"])
