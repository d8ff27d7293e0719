"""The words dates are written with: month names, years in figures and spelled out.

Shared by the patterns of :mod:`storyline.language.temporal_forms` and
:mod:`storyline.language.temporal_quarters`.
"""

from __future__ import annotations

import re
from typing import Any

_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
WORD_NUMBERS = {w: i for i, w in enumerate(_ONES.split("|"), 1)}
WORD_NUMBERS.update({w: i for i, w in enumerate(_TEENS.split("|"), 10)})
WORD_NUMBERS.update({w: i for i, w in enumerate(_TENS.split("|"), 2)})  # tens digit
# "nineteen ninety-six", "twenty oh five", "the year two thousand (and one)".
SPELLED_YEAR = (
    rf"(?:(?P<century>nineteen|twenty)[- ](?:(?P<tens>{_TENS})(?:[- ](?P<ones>{_ONES}))?|"
    rf"(?P<teen>{_TEENS})|(?:oh|o)[- ](?P<oh>{_ONES}))|"
    rf"the year two thousand(?:(?: and)? (?P<after>{_ONES}|{_TEENS}))?)"
)
MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December)"
)
MONTH_ABBR = (
    r"(?P<month>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|January|February|March|"
    r"April|May|June|July|August|September|October|November|December)"
)
MONTH_NAMES = {name[:3]: name for name in ("january", "february", "march", "april", "may",
                "june", "july", "august", "september", "october", "november", "december")}
YEAR = r"(?P<year>(?:19|20)\d\d)"
# The animals of the Chinese zodiac, as the year they name counts from one of the rat (2020).
ZODIAC = {animal: str(number) for number, animals in enumerate(
    ("rat", "ox", "tiger", "rabbit hare", "dragon", "snake", "horse", "goat sheep ram", "monkey",
     "rooster", "dog", "pig boar")) for animal in animals.split()}
_MONTH_ORDER = list(MONTH_NAMES.values())
# Ordinals spelled out, as centuries are named ("the fourteenth century").
ORDINAL_WORDS = {word: number for number, word in enumerate(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
     "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
     "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first"], 1)}
DECADE_WORDS = {w[:-1] + "ies": WORD_NUMBERS[w] for w in _TENS.split("|")}  # "nineties": 9


def spelled_year(groups: dict[str, Any]) -> int | None:
    """The year a :data:`SPELLED_YEAR` match names."""
    if groups.get("century"):
        base = 1900 if groups["century"].lower() == "nineteen" else 2000
        if groups.get("tens"):
            return base + 10 * WORD_NUMBERS[groups["tens"].lower()] + WORD_NUMBERS.get(
                (groups.get("ones") or "").lower(), 0)
        if groups.get("teen"):
            return base + WORD_NUMBERS[groups["teen"].lower()]
        return base + WORD_NUMBERS[(groups.get("oh") or "").lower()]
    return 2000 + WORD_NUMBERS.get((groups.get("after") or "").lower(), 0)


def month_number(name: str) -> int:
    """The number of a month named in full or shortened ("Sept.", "Oct", "October")."""
    return _MONTH_ORDER.index(MONTH_NAMES[name.lower().rstrip(".")[:3]]) + 1


# A year in figures, not an amount ("$2000", "2,019") nor a part of a number ("2019.5").
_ANY_YEAR = re.compile(r"(?<![$£€\d.,])\b(?:1[5-9]|20)\d\d\b(?![\d%]|[.,]\d)")


def years_named(text: str) -> list[int]:
    """The years from 1500 to 2099 ``text`` names in figures, in text order."""
    return [int(year) for year in _ANY_YEAR.findall(text)]
