"""Timestamp lines of a web copy: "Updated 3 June 2024, 16:40", "Published: June 3, 2024".

Such a line is page furniture, but the date it names is the best publication date a
plain-text copy carries when its input gave none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.language.temporal import find_expressions

# Longer lines are prose that happens to start with "Published".
_MAX_LINE_CHARS = 160
_LABEL = re.compile(
    r"\s*(?P<label>first\s+published|published|posted|last\s+updated|updated|last\s+modified"
    r"|modified)(?:\s+(?:on|at))?\s*:?\s*",
    re.IGNORECASE,
)
_SEGMENT_SEPARATORS = re.compile(r"\s+[|·•]\s+|\s*;\s*")
_ISO_WITH_TIME = re.compile(r"\b((?:19|20)\d\d-[01]\d-[0-3]\d)T(?=\d)")
# What may stand around the date: a weekday, a clock time, a time zone, "at", "on", "ago".
_FILLER = re.compile(
    r"\b(?:on|at|ago|hrs?|hours?|mins?|minutes?|days?)\b"
    r"|\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|urday|sday)?\b\.?"
    r"|\b\d{1,2}(?:[:.h]\d{2}(?::\d{2}(?:\.\d+)?)?)?\s*(?:[ap]\.?m\b\.?)?"
    r"|\b[ap]\.?m\b\.?"
    r"|\b(?:UTC|GMT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}\b"
    r"|(?-i:\b[A-Z]{2,4}T\b)|(?<![^\d\s])Z\b"
    r"|\b\d+\b",
    re.IGNORECASE,
)
_PUNCTUATION = re.compile(r"[\s,.\-–—()/]+")


@dataclass
class Timestamp:
    """What a timestamp line says: the kind of stamp and the day it names (ISO), if any."""

    label: str  # "published" or "updated"
    day: str | None


def parse_timestamp(line: str) -> list[Timestamp] | None:
    """Read a line made only of "Published/Posted/Updated <date>[, time]" stamps.

    Args:
        line: One block of the copy.

    Returns:
        The stamps in line order (``day`` is ``None`` when the stamp names no full date,
        e.g. "Updated 2 hours ago"), or ``None`` when the line is anything else.
    """
    text = " ".join(line.split())
    if not text or len(text) > _MAX_LINE_CHARS:
        return None
    stamps: list[Timestamp] = []
    for segment in _SEGMENT_SEPARATORS.split(text):
        stamp = _parse_segment(segment)
        if stamp is None:
            return None
        stamps.append(stamp)
    return stamps


def publication_day(stamps: list[Timestamp]) -> str | None:
    """The day a list of stamps dates the copy: the published one, else the first update."""
    dated = [stamp for stamp in stamps if stamp.day]
    published = [stamp for stamp in dated if stamp.label == "published"]
    chosen = published or dated
    return chosen[0].day if chosen else None


def _parse_segment(segment: str) -> Timestamp | None:
    label_match = _LABEL.match(segment)
    if not label_match:
        return None
    label = "updated" if "updated" in label_match.group("label").lower() else "published"
    label = "updated" if "modified" in label_match.group("label").lower() else label
    rest = _ISO_WITH_TIME.sub(r"\1 ", segment[label_match.end():])
    if not rest.strip():
        return None
    day: str | None = None
    residue = rest
    for expression in find_expressions(rest):
        if day is None and expression.year and expression.month and expression.day:
            day = f"{expression.year:04d}-{expression.month:02d}-{expression.day:02d}"
        residue = residue[: expression.start] + " " * len(expression.text) + residue[
            expression.end:]
    residue = _PUNCTUATION.sub("", _FILLER.sub(" ", residue))
    if residue:
        return None
    # A bare number ("Posted 3") is no stamp: it needs a date or an "… ago".
    if day is None and not re.search(r"\bago\b|[A-Za-z]{3}", rest):
        return None
    return Timestamp(label, day)
