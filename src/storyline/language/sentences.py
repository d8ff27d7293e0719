"""Sentence boundaries for news text: spaCy's, with the usual news failures repaired.

The parser's boundaries are good on clean prose but break news copy in known ways:
after "U.S." or "Mr.", between an initial and a surname, at "No. 5", and inside a
quote that carries on after a comma ("…,” he said"), and they run on past a quote that
ends its sentence ("…all day.” Palmer firemen…"). :func:`refine_spans` takes the
parser's spans and fixes those cases with rules on the characters alone, so it can
be tested without a model and reused by the model-free fallback splitter.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

TERMINALS = ".!?…"
CLOSERS = "”’\"')]»“"
OPENERS = "“‘\"'([«„‚"

# A sentence never ends on these: they always precede a name.
NAME_TITLES = frozenset({
    "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "sen", "sens", "rep", "reps", "gov",
    "lt", "col", "sgt", "capt", "cmdr", "adm", "maj", "rev", "hon", "pres", "supt", "insp",
    "st", "ft", "mt", "gens", "const", "det", "cpl", "pte", "cllr",
})
# These precede a number ("No. 5", "Sept. 11", "Vol. 3").
NUMBER_ABBREVIATIONS = frozenset({
    "no", "nos", "vol", "art", "fig", "p", "pp", "ch", "sec", "op", "ed", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
})
# These sit mid-sentence whatever follows.
INNER_ABBREVIATIONS = frozenset({"vs", "v", "approx", "e.g", "i.e", "cf", "ca", "viz", "al"})

# After "5 p.m." these carry the sentence on: the day or zone of the time.
_AFTER_CLOCK = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan|Feb|March|April|May|June|"
    r"July|Aug|Sept?|Oct|Nov|Dec|today|tomorrow|yesterday|tonight|[ECMP][SD]T|GMT|local)\b"
)
# How much of the text before a cut decides whether it is a sentence end.
_TAIL_CHARS = 200
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_INITIAL = re.compile(r"(?:^|[\s(])[A-Z]\.$")
_FIRST_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
# A quote that ends its sentence ("…all day.” Palmer firemen…"): the parser often runs on.
_QUOTE_END = re.compile(r"[.!?…]\s*(?:[”\"]|'')[ \t]+(?=[“\"`‘]*[A-Z])")
_PLAIN_CUT = re.compile(r"(?<=[.!?…])[”’\"')\]»“]*\s+(?=[“‘\"(\[„«‚]?[A-Z0-9À-ÞΑ-ΩА-Я])")


def refine_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Repair sentence spans of ``text`` and trim them to their visible characters.

    Args:
        text: The text the spans index into (one paragraph).
        spans: Proposed sentences as ``(start, end)`` offsets, in order.

    Returns:
        Sentences as ``(start, end)`` offsets with ``text[start:end]`` stripped and
        non-empty; together they cover every non-blank character of the spans.
    """
    if not spans:
        return []
    first, last = spans[0][0], spans[-1][1]
    cuts = sorted({start for start, _ in spans[1:]} | set(_line_cuts(text, first, last))
                  | {m.end() for m in _QUOTE_END.finditer(text, first, last)})
    # Where the straight double quotes are, once: counting them from the start for every
    # cut would be quadratic in a long paragraph.
    straight = [match.start() for match in re.finditer('"', text)]
    cuts = [_adjust_cut(text, cut, straight) for cut in cuts]
    kept: list[int] = []
    segment_start = first
    for index, cut in enumerate(cuts):
        if cut <= segment_start or cut >= last:
            continue
        following_end = cuts[index + 1] if index + 1 < len(cuts) else last
        # Only the end of the text before a cut matters; a bounded tail keeps a paragraph
        # of many merged cuts (no full stops at all) from being copied over and over.
        before = text[max(segment_start, cut - _TAIL_CHARS) : cut]
        if not before.strip(CLOSERS + " \n\t"):
            before = text[segment_start:cut]
        if _should_merge(before, text[cut:following_end]):
            continue
        kept.append(cut)
        segment_start = cut
    bounds = [first, *kept, last]
    result: list[tuple[int, int]] = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        trimmed = _trim(text, start, end)
        if trimmed:
            result.append(trimmed)
    return result


def split_plain(text: str) -> list[tuple[int, int]]:
    """Split ``text`` without a model (used for text that is not English)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _PLAIN_CUT.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return refine_spans(text, spans)


def _line_cuts(text: str, first: int, last: int) -> list[int]:
    """Line breaks inside a paragraph end a sentence when the line ends like one."""
    cuts = []
    for match in re.finditer(r"\n\s*", text[first:last]):
        before = text[first : first + match.start()].rstrip().rstrip(CLOSERS)
        if before and before[-1] in TERMINALS:
            cuts.append(first + match.end())
    return cuts


def _adjust_cut(text: str, cut: int, straight: list[int]) -> int:
    """Move a cut so closing quotes stay with their sentence and opening ones with theirs."""
    # Closing marks at the start of the next sentence belong to the previous one.
    position = cut
    while (position < len(text) and text[position] in CLOSERS
           and _is_closing(text, position, straight)):
        position += 1
    if position != cut and (position == len(text) or not text[position].isalnum()):
        cut = position
    # An opening mark left at the end of the previous sentence belongs to the next one.
    before = cut
    while before > 0 and text[before - 1].isspace():
        before -= 1
    while (before > 0 and text[before - 1] in OPENERS
           and not _is_closing(text, before - 1, straight)):
        before -= 1
    if before < cut and text[before] in OPENERS:
        cut = before
    return cut


def _is_closing(text: str, position: int, straight: list[int]) -> bool:
    """Whether the quote mark at ``position`` closes a quote (straight marks by parity).

    ``straight`` holds the offsets of every ``"`` in ``text``, in order.
    """
    mark = text[position]
    if mark in "”’)]»":
        return True
    if mark == '"':
        return bisect.bisect_left(straight, position) % 2 == 1
    if mark == "'":
        return position > 0 and not text[position - 1].isspace()
    return False


def _should_merge(before: str, after: str) -> bool:
    """Whether the cut between ``before`` and ``after`` is not a real sentence end."""
    head = before.rstrip()
    # Scraped and tokenised copy spaces the marks ("day. ”", "here . ''").
    core = head.rstrip(CLOSERS + " \t")
    if not core:
        return True
    if core[-1] not in TERMINALS:
        return True  # no full stop: a comma, a colon or a clause carried into a quote
    letter = _FIRST_LETTER.search(after)
    if letter and letter.group().islower() and after[: letter.start()].strip(OPENERS + " ") == "":
        return True
    if core != head:
        return False  # `…” Next` — the quote itself ended the sentence
    word_match = _LAST_WORD.search(core)
    if not word_match:
        return False
    word = word_match.group(1).lower()
    starts_with_digit = after.lstrip(OPENERS + " ")[:1].isdigit()
    if word in NAME_TITLES or word in INNER_ABBREVIATIONS:
        return True
    if word in NUMBER_ABBREVIATIONS and starts_with_digit:
        return True
    if word in ("a.m", "p.m") and _AFTER_CLOCK.match(after.lstrip(OPENERS + " ")):
        return True  # "at 5 p.m. Friday": the day belongs to the time
    # "George W. Bush": a middle initial runs into the surname.
    return bool(_INITIAL.search(core)) and after.lstrip()[:1].isupper()


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
