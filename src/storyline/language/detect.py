"""A cheap language guess: is this text English, and if not, what is it likely to be.

The English model is only worth running on English text. The guess uses the
script of the letters, then counts of very common function words; it is meant to
catch clearly foreign articles, not to identify languages finely.
"""

from __future__ import annotations

import re
from collections import Counter

SAMPLE_CHARS = 3000
MIN_WORDS = 12

# Unicode ranges of scripts that identify a language (or its most likely one).
_SCRIPTS: tuple[tuple[str, int, int], ...] = (
    ("ko", 0xAC00, 0xD7AF), ("ko", 0x1100, 0x11FF), ("ja", 0x3040, 0x30FF),
    ("zh", 0x4E00, 0x9FFF), ("ru", 0x0400, 0x04FF), ("ar", 0x0600, 0x06FF),
    ("he", 0x0590, 0x05FF), ("el", 0x0370, 0x03FF), ("hi", 0x0900, 0x097F),
    ("th", 0x0E00, 0x0E7F),
)


def _vocabulary(words: str) -> frozenset[str]:
    return frozenset(words.split())


_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": _vocabulary("the of and to in is that for it was on with as by at from he said"),
    "de": _vocabulary("der die und das ist nicht den mit sich auf dem ein eine für von zu"),
    "fr": _vocabulary("le la les et des est une pour dans qui que sur par pas du au"),
    "es": _vocabulary("el la los las y que del en por una para con es se lo como"),
    "it": _vocabulary("il che di e la per una sono con non del della gli nel alla"),
    "pt": _vocabulary("o que de e do da em um para com não uma os no se na por"),
    "nl": _vocabulary("de het een en van is dat op te niet zijn voor met die"),
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Letters of the scripts above (Greek and beyond); Latin text is scanned no further.
_BEYOND_LATIN = re.compile(r"[^\W\d_\u0000-\u036F]", re.UNICODE)


def detect_language(text: str) -> str:
    """Return a language code for ``text``: ``"en"`` unless it is clearly something else.

    Args:
        text: Article body (only the start is read).

    Returns:
        An ISO 639-1 code; ``"en"`` when the text is English, too short to tell, or unclear.
    """
    sample = text[:SAMPLE_CHARS]
    words = _WORD.findall(sample)
    letter_count = sum(len(word) for word in words)
    if not letter_count:
        return "en"
    scripts: Counter[str] = Counter()
    for char in _BEYOND_LATIN.findall(sample):
        code = ord(char)
        for language, low, high in _SCRIPTS:
            if low <= code <= high:
                scripts[language] += 1
                break
    if scripts and sum(scripts.values()) > letter_count / 2:
        if scripts["ja"]:
            return "ja"  # kana with kanji is Japanese, not Chinese
        return scripts.most_common(1)[0][0]
    words = [w.casefold() for w in words]
    if len(words) < MIN_WORDS:
        return "en"
    hits = {language: sum(w in vocabulary for w in words)
            for language, vocabulary in _FUNCTION_WORDS.items()}
    best = max(sorted(hits), key=lambda language: hits[language])
    if best != "en" and hits[best] >= 2 * hits["en"] and hits[best] >= len(words) * 0.08:
        return best
    return "en"
