"""Metadata lines of a news copy: wire credits, datelines, publisher credits and bylines.

Each function looks at one block of text and says what it is (and what it names);
the step decides what to remove and which field to fill.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.clean.wires import WireList

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = rf"{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
# A place: capitalised words ("SEOUL", "New Delhi", "RIO DE JANEIRO", "Washington, D.C.").
_PLACE_WORD = r"[A-Z][\w.'’-]*"
_PLACE_LINK = r"(?:de|da|do|del|la|le|el|al|es|of|on|upon|am)?"
_PLACE = rf"{_PLACE_WORD}(?:\s+{_PLACE_LINK}\s*{_PLACE_WORD}){{0,3}}"
_SEPARATOR = r"\s*(?:[:—–]+|-{1,2})\s*"
_CAPS_PLACE = r"[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}"


@dataclass
class LedePrefix:
    """The dateline and wire credit opening a lede, and where the lede text itself starts."""

    dateline: str | None
    wire: str | None
    end: int


def parse_lede_prefix(text: str, wires: WireList) -> LedePrefix | None:
    """Find a leading ``CITY, Month Day (Agency) —`` / ``(Agency) —`` / ``CITY —`` prefix.

    Args:
        text: The first body paragraph.
        wires: Known agencies; the name in parentheses must be one of them.

    Returns:
        The parsed prefix, or ``None`` when the paragraph does not open with one.
    """
    with_wire = re.match(
        rf"(?P<dateline>{_PLACE}(?:,\s*{_PLACE})?(?:,\s*{_DAY})?)?\s*"
        rf"\((?P<wire>[^()]{{2,40}})\){_SEPARATOR}",
        text,
    )
    if with_wire:
        wire = wires.canonical(with_wire.group("wire"))
        if wire is not None:
            dateline = with_wire.group("dateline")
            return LedePrefix(dateline.strip() if dateline else None, wire, with_wire.end())
    # Without an agency only an all-capitals place (or a place and a date) is a dateline.
    bare = re.match(
        rf"(?P<dateline>{_CAPS_PLACE}(?:,\s*{_PLACE})?(?:,\s*{_DAY})?|{_PLACE},\s*{_DAY})"
        rf"\s*(?:[—–]+|-{{1,2}})\s+(?=\S)",
        text,
    )
    if bare and len(bare.group("dateline").split()) <= 8:
        return LedePrefix(bare.group("dateline").strip(), None, bare.end())
    return None


def split_sign_off(text: str, wires: WireList) -> tuple[str, str] | None:
    """Split a trailing ``– Bloomberg`` / ``(Reuters)`` sign-off from a paragraph.

    Returns:
        ``(paragraph without the sign-off, canonical agency)``, or ``None``.
    """
    match = re.search(
        rf"\s*(?:[—–]+|-{{1,2}})\s*(?P<a>{wires.alias_pattern})\.?\s*$"
        rf"|\s*\((?P<b>{wires.alias_pattern})\)\.?\s*$",
        text,
    )
    if not match:
        return None
    wire = wires.canonical(match.group("a") or match.group("b") or "")
    if wire is None:
        return None
    return text[: match.start()].rstrip(), wire


_CREDIT = re.compile(
    r"[—–-]*\s*\(?\s*(?:"
    r"with (?:additional |agency )?(?:inputs?|assistance|reporting|contributions?) (?:from|by)\b"
    r"|(?:additional |agency )?(?:reporting|writing|editing|compiled|edited|contributing) by\b"
    r"|inputs? from (?:agencies|wires)"
    r"|with (?:agency inputs|agencies|wires)"
    r").{0,250}",
    re.IGNORECASE,
)


def credit_wire(line: str, wires: WireList) -> tuple[bool, str | None]:
    """Tell whether ``line`` is a reporting credit ("(With inputs from Reuters)", "–With …").

    Returns:
        ``(is a credit line, canonical agency it names or None)``.
    """
    text = line.strip()
    if _CREDIT.fullmatch(text):
        return True, wires.find(text)
    bare = re.fullmatch(rf"[—–-]*\s*\(?\s*(?:{wires.alias_pattern})\s*\)?\.?", text)
    if bare:
        return True, wires.find(text)
    return False, None


_PUBLISHER = re.compile(
    r"(?:source|courtesy(?: of)?|via|originally published (?:by|in|on|at)"
    r"|this (?:article|story|report) (?:was |has been |is )?(?:first |originally )?"
    r"(?:published|appeared|posted) (?:in|on|at|by))"
    r"\s*[:\-–—]?\s*(?P<name>[^.!?:;]{2,60}?)\.?",
    re.IGNORECASE,
)


def publisher_credit(line: str) -> str | None:
    """Return the outlet named by a credit line like "Source : TheStar", else ``None``."""
    match = _PUBLISHER.fullmatch(line.strip())
    if not match:
        return None
    name = match.group("name").strip()
    words = name.split()
    # A credit names an outlet: a few capitalised words, not a clause.
    if not 1 <= len(words) <= 6 or not name[0].isupper():
        return None
    return name


_COPYRIGHT = re.compile(
    r"(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:\d{4}\s*(?:[-–]\s*\d{4})?\s*,?\s*)?"
    r"(?P<name>[^.,;:|©]{2,60}?(?:\s+(?:L\.P\.|Inc\.|Ltd\.|Co\.|Corp\.))?)\.?"
    r"(?:\s*(?:all rights reserved|tous droits réservés).*)?",
    re.IGNORECASE,
)
_CORPORATE = re.compile(r"\s+(?:L\.?P\.?|Inc\.?|Ltd\.?|LLC|plc|Co\.?|Corp\.?|Limited|"
                        r"Group|Media|Holdings)$", re.IGNORECASE)


def copyright_holder(line: str) -> str | None:
    """The holder a copyright line names ("©2023 Bloomberg L.P." → "Bloomberg"), else None.

    The company suffix goes (the outlet is "Bloomberg", not its legal entity); a holder
    must look like a name: one to six words, the first capitalised.
    """
    match = _COPYRIGHT.fullmatch(line.strip())
    if not match:
        return None
    name = _CORPORATE.sub("", match.group("name").strip()).strip()
    words = name.split()
    if not 1 <= len(words) <= 6 or not name[:1].isupper() or any(c.isdigit() for c in name):
        return None
    return name


_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|der|da|del|bin|al|el))*"
_BYLINE = re.compile(
    rf"(?:by|written by|words by|reporting by|story by)\s*:?\s+(?P<names>{_NAME}"
    rf"(?:\s*(?:,|and|&)\s*{_NAME})*)"
    r"(?:\s*(?:[|,/•·—–-]|\bfor\b)\s*(?P<org>[^|]{2,60}))?",
    re.IGNORECASE,
)


def byline(line: str, wires: WireList) -> tuple[str, str | None] | None:
    """Parse "By Jane Doe | Reuters"-style byline lines.

    Returns:
        ``(names, canonical agency or None)``, or ``None`` when the line is no byline.
    """
    text = line.strip()
    if len(text) > 120:
        return None
    match = _BYLINE.fullmatch(text)
    if not match:
        return None
    names = match.group("names").strip()
    if not names[:1].isupper():
        return None
    org = match.group("org")
    return names, (wires.find(org) if org else None)


_SIGNATURE = re.compile(
    r"(?:(?:[Tt]eam|[Ss]taff|[Dd]esk|[Bb]ureau)\s+[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}"
    r"|(?:[A-Z][\w&.'’-]*\s+){1,3}(?:[Ss]taff|[Dd]esk|[Bb]ureau|[Tt]eam))\.?",
)


def is_signature(line: str) -> bool:
    """Tell whether ``line`` is a staff signature ("Team Newsroom", "Web Desk") ending a copy."""
    text = line.strip()
    return len(text) <= 60 and bool(_SIGNATURE.fullmatch(text)) and text[0].isupper()
