"""The maintained list of news agencies (``data/wires.txt``) and lookups in it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class WireList:
    """Agency names: every credited spelling mapped to one canonical name."""

    canonical_by_alias: dict[str, str]
    alias_pattern: str  # regex alternation of every alias, longest first

    def canonical(self, name: str) -> str | None:
        """Return the canonical agency for an exact credited name, else ``None``."""
        return self.canonical_by_alias.get(name.strip().rstrip("."))

    def find(self, text: str) -> str | None:
        """Return the canonical agency of the first agency name found in ``text`` as a word."""
        match = self.regex.search(text)
        return self.canonical_by_alias[match.group(0)] if match else None

    @property
    def regex(self) -> re.Pattern[str]:
        """Whole-word, case-sensitive matcher of any alias."""
        return _compile(self.alias_pattern)


@lru_cache(maxsize=8)
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])")


def parse_wire_list(text: str) -> WireList:
    """Parse the ``wires.txt`` format: ``Canonical | alias | alias`` a line, ``#`` comments.

    Args:
        text: The file content.

    Returns:
        The alias table.
    """
    canonical_by_alias: dict[str, str] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        names = [name.strip() for name in line.split("|") if name.strip()]
        for name in names:
            canonical_by_alias.setdefault(name, names[0])
    aliases = sorted(canonical_by_alias, key=len, reverse=True)
    return WireList(canonical_by_alias, "|".join(re.escape(alias) for alias in aliases))


@lru_cache(maxsize=1)
def load_wires() -> WireList:
    """Return the shipped agency list (read once per process)."""
    text = resources.files("storyline").joinpath("data/wires.txt").read_text(encoding="utf-8")
    return parse_wire_list(text)
