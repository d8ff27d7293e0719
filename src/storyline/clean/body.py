"""The plain-text cleaning pass: boilerplate out, metadata lines read, headings marked."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storyline.clean import metadata
from storyline.clean.boilerplate import boilerplate_reason, share_bar_lines
from storyline.clean.segment import (
    Block,
    ends_sentence,
    is_body_like,
    mark_headings,
    split_blocks,
    word_count,
)
from storyline.clean.timestamps import Timestamp, parse_timestamp, publication_day
from storyline.clean.wires import WireList
from storyline.model import RemovedLine

# How sure each kind of evidence is about the agency; the lowest number wins.
_WIRE_FROM_LEDE, _WIRE_FROM_SIGN_OFF, _WIRE_FROM_CREDIT, _WIRE_FROM_COPYRIGHT = 1, 2, 3, 4
# Bylines and metadata credits sit in the first or last few blocks of a copy.
_EDGE_BLOCKS = 4
# Words that name a section of a news site; a label line made of capitalised words that
# includes one of them is navigation, not a headline.
_SECTION_WORDS = frozenset({
    "news", "world", "politics", "business", "sport", "sports", "opinion", "tech", "technology",
    "entertainment", "health", "science", "local", "national", "international", "asia",
    "europe", "africa", "americas", "economy", "markets", "latest", "breaking", "lifestyle",
    "culture", "home", "blog", "region", "regional", "nation", "metro", "finance", "money",
    "travel", "education", "environment", "climate", "us", "uk",
})
# A site's name above its navigation ("The Valley Courier") is a few words long.
_SITE_NAME_MAX_WORDS = 5
_LABEL_WORD = re.compile(r"[A-Z][\w'’.-]*|&|and|/|-|–")


@dataclass
class CleanBody:
    """The outcome of cleaning one body of text."""

    blocks: list[Block]
    removed: list[RemovedLine] = field(default_factory=list)
    title: str | None = None
    wire: str | None = None
    byline: str | None = None
    dateline: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO day named by a timestamp line ("Updated 3 June 2024")
    copyright_holder: str | None = None  # "Bloomberg L.P." of "©2023 Bloomberg L.P."


@dataclass
class _State:
    blocks: list[Block]
    removed: list[tuple[int, RemovedLine]] = field(default_factory=list)
    wire_evidence: list[tuple[int, str]] = field(default_factory=list)
    byline: str | None = None
    publisher: str | None = None
    copyright_holder: str | None = None
    timestamps: list[Timestamp] = field(default_factory=list)

    def remove(self, block: Block, reason: str) -> None:
        position = next(i for i, candidate in enumerate(self.blocks) if candidate is block)
        self.removed.append((position, RemovedLine(block.text, reason)))
        block.text = ""

    def trim(self, block: Block, kept: str, cut: str, reason: str) -> None:
        """Keep ``kept`` of the block and record ``cut``, the rest of it, as removed."""
        position = next(i for i, candidate in enumerate(self.blocks) if candidate is block)
        self.removed.append((position, RemovedLine(cut, reason)))
        block.text = kept

    def kept(self) -> list[Block]:
        return [block for block in self.blocks if block.text]

    def add_wire(self, rank: int, wire: str | None) -> None:
        if wire:
            self.wire_evidence.append((rank, wire))


def clean_body(text: str, title: str | None, wires: WireList, keep_header: bool = False
               ) -> CleanBody:
    """Clean a plain-text article body.

    Args:
        text: The body as scraped (or as extracted from HTML), one paragraph a line or
            paragraphs separated by blank lines.
        title: The headline when the input gave one; it is removed where the body repeats it.
        wires: Known news agencies.
        keep_header: Leave the first lines alone (no headline, section label or repeated
            lede removed): the text is a headline itself.

    Returns:
        The kept blocks (headings marked) and everything learned and removed on the way;
        ``title`` is the given one, or one taken from the body's first headline-like line.
    """
    state = _State([Block(part) for part in split_blocks(text)])
    _remove_chrome_and_credits(state, wires)
    if not keep_header:
        title = _remove_header(state, title)
        title = _remove_repeated_lede(state, title, wires)
    dateline = _strip_lede_prefix(state, wires)
    _strip_sign_off(state, wires)
    blocks = state.kept()
    mark_headings(blocks)
    wire = min(state.wire_evidence)[1] if state.wire_evidence else None
    removed = [line for _, line in sorted(state.removed, key=lambda item: item[0])]
    return CleanBody(
        blocks, removed, title, wire, state.byline, dateline, state.publisher,
        publication_day(state.timestamps), state.copyright_holder,
    )


def _remove_chrome_and_credits(state: _State, wires: WireList) -> None:
    """Remove page chrome anywhere, and credit/byline/timestamp lines at the edges of the copy.

    The top edge reaches at least to the first paragraph of prose, so a tall header
    (site name, navigation, headline, byline, timestamp) counts as edge throughout.
    """
    count = len(state.blocks)
    header_end = next(
        (index for index, block in enumerate(state.blocks) if is_body_like(block.text)), count
    )
    share_bar = share_bar_lines([block.text for block in state.blocks])
    for index, block in enumerate(state.blocks):
        at_edge = index < max(_EDGE_BLOCKS, header_end) or index >= count - _EDGE_BLOCKS
        reason = "share-bar" if index in share_bar else boilerplate_reason(block.text)
        if reason:
            if reason == "copyright":
                state.add_wire(_WIRE_FROM_COPYRIGHT, wires.find(block.text))
                if at_edge:
                    state.copyright_holder = (state.copyright_holder
                                              or metadata.copyright_holder(block.text))
            state.remove(block, reason)
            continue
        is_credit, wire = metadata.credit_wire(block.text, wires)
        if is_credit:
            state.add_wire(_WIRE_FROM_CREDIT, wire)
            state.remove(block, "wire-credit")
            continue
        publisher = metadata.publisher_credit(block.text)
        if publisher and at_edge:
            agency = wires.canonical(publisher)
            if agency:
                state.add_wire(_WIRE_FROM_CREDIT, agency)
                state.remove(block, "wire-credit")
            else:
                state.publisher = state.publisher or publisher
                state.remove(block, "publisher-credit")
            continue
        stamps = parse_timestamp(block.text) if at_edge else None
        if stamps:
            state.timestamps.extend(stamps)
            state.remove(block, "timestamp")
            continue
        parsed = metadata.byline(block.text, wires) if at_edge else None
        if parsed:
            state.byline = state.byline or parsed[0]
            state.add_wire(_WIRE_FROM_CREDIT, parsed[1])
            state.remove(block, "byline")
            continue
        if index >= count - _EDGE_BLOCKS and metadata.is_signature(block.text):
            state.remove(block, "byline")


def _normalise(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _is_headline_of(line: str, title: str) -> bool:
    """Tell whether ``line`` repeats the title (either may be a truncation of the other)."""
    line_key, title_key = _normalise(line), _normalise(title)
    if not line_key or not title_key:
        return False
    if line_key == title_key:
        return True
    if len(line_key) >= 20 and title_key.startswith(line_key):
        return True
    # A title cut short from a header line; a lede that merely starts like it is kept.
    return len(title_key) >= 20 and line_key.startswith(title_key) and not is_body_like(line)


def _is_headline_candidate(text: str) -> bool:
    return word_count(text) <= 25 and not text.rstrip().endswith(".") and not is_body_like(text)


def _is_section_label(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 8 or ends_sentence(text) or any(ch in text for ch in ",:;"):
        return False
    return all(_LABEL_WORD.fullmatch(word) for word in words)


def _remove_header(state: _State, title: str | None) -> str | None:
    """Handle the lines above the first paragraph of prose: site header, labels, headline."""
    header: list[Block] = []
    for block in state.kept():
        if is_body_like(block.text):
            break
        header.append(block)
    navigation: list[int] = []
    for index, block in enumerate(header):
        if " | " in block.text and not ends_sentence(block.text):
            state.remove(block, "site-header")
            navigation.append(index)
    if navigation:
        _remove_site_name(state, header, navigation[0], title)
    remaining = [block for block in header if block.text]
    for position, block in enumerate(remaining):
        if not _is_section_label(block.text):
            continue
        has_section_word = any(word.lower() in _SECTION_WORDS for word in block.text.split())
        headline_follows = any(
            _is_headline_candidate(later.text) for later in remaining[position + 1:]
        ) or title is not None
        if has_section_word and headline_follows:
            state.remove(block, "section-label")
    if title is None:
        title = _headline_in(header)
    if title:
        for block in header:
            if block.text and _is_headline_of(block.text, title):
                state.remove(block, "headline-repeat")
    return title


def _headline_in(header: list[Block]) -> str | None:
    """The headline among header lines: one shown twice, else the first headline-like line."""
    candidates = [block.text for block in header if block.text and
                  _is_headline_candidate(block.text)]
    keys = [_normalise(text) for text in candidates]
    repeated = [text for text, key in zip(candidates, keys, strict=True) if keys.count(key) > 1]
    chosen = repeated or candidates
    return chosen[0] if chosen else None


def _remove_site_name(
    state: _State, header: list[Block], nav_index: int, title: str | None
) -> None:
    """Remove the site's name standing above its navigation line; it names the publisher.

    Only short capitalised lines above the first navigation line count, and only when a
    headline (given, or a headline-like line) still follows, so a lone headline is kept.
    """
    later = [block.text for block in header[nav_index + 1:] if block.text]
    for block in header[:nav_index]:
        text = block.text
        if not text or len(text.split()) > _SITE_NAME_MAX_WORDS or not _is_section_label(text):
            continue
        if any(word.lower() in _SECTION_WORDS for word in text.split()):
            continue
        if title is not None and _is_headline_of(text, title):
            continue
        if title is None and not any(_is_headline_candidate(line) for line in later):
            continue
        state.publisher = state.publisher or text
        state.remove(block, "site-header")


def _remove_repeated_lede(state: _State, title: str | None, wires: WireList) -> str | None:
    """Drop leading lines that the next line repeats (headline or lede shown twice)."""
    while True:
        kept = state.kept()
        if len(kept) < 2:
            return title
        first, second = kept[0], kept[1]
        first_key = _normalise(_without_prefix(first.text, wires))
        second_key = _normalise(_without_prefix(second.text, wires))
        if len(first_key) < 20 or not second_key.startswith(first_key):
            return title
        title = title or first.text
        state.remove(first, "headline-repeat")


def _without_prefix(text: str, wires: WireList) -> str:
    prefix = metadata.parse_lede_prefix(text, wires)
    return text[prefix.end:] if prefix else text


def _strip_lede_prefix(state: _State, wires: WireList) -> str | None:
    """Take the dateline and wire credit off the first paragraph of prose."""
    for block in state.kept()[:3]:
        prefix = metadata.parse_lede_prefix(block.text, wires)
        if prefix is None:
            continue
        state.add_wire(_WIRE_FROM_LEDE, prefix.wire)
        rest = block.text[prefix.end:].strip()
        if rest:
            # The prefix is recorded like a removed line, so the input stays accounted for.
            state.trim(block, rest, block.text[: prefix.end].strip(), "dateline")
        else:
            state.remove(block, "dateline")
        return prefix.dateline
    return None


def _strip_sign_off(state: _State, wires: WireList) -> None:
    """Take a trailing "– Agency" sign-off off the last paragraphs."""
    for block in state.kept()[-2:]:
        split = metadata.split_sign_off(block.text, wires)
        if split is None:
            continue
        text, wire = split
        state.add_wire(_WIRE_FROM_SIGN_OFF, wire)
        if text:
            state.trim(block, text, block.text[len(text):].strip(), "wire-credit")
        else:
            state.remove(block, "wire-credit")
