"""Blocks of a text body: splitting into paragraphs, section headings, and joining them back."""

from __future__ import annotations

from dataclasses import dataclass

from storyline.model import Article, Heading, Paragraph, ParagraphKind

# Characters that end a sentence (possibly followed by a closing quote or bracket).
_FINAL = (".", "!", "?", "…", '"', "”", "’", "'", ")", "]", "»")
_NOT_HEADING_ENDS = (".", ",", ";", ":", "?", "!", '"', "”", "’", "'", "…", "-", "–", "—")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


@dataclass
class Block:
    """One paragraph of the body being cleaned."""

    text: str
    kind: ParagraphKind = "body"


def normalise_line(line: str) -> str:
    """Collapse the whitespace of one line and drop invisible characters."""
    return " ".join(line.translate(_INVISIBLE).split())


def ends_sentence(text: str) -> bool:
    """Tell whether ``text`` ends like a sentence (final punctuation or a closing quote)."""
    return text.rstrip().endswith(_FINAL)


def split_blocks(text: str) -> list[str]:
    """Split plain text into paragraphs.

    Every line is a paragraph (scraped text usually has one paragraph a line) unless it
    continues the line before: that line does not end a sentence and this one starts in
    lower case, or the text is hard-wrapped (blank lines between paragraphs, lines of a
    fixed width inside them) and the line before is full width.

    Args:
        text: Plain text with any newline convention.

    Returns:
        The paragraphs, whitespace-normalised, empty ones dropped.
    """
    normalised = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    lines = [normalise_line(line) for line in normalised.replace("\u2029", "\n\n").split("\n")]
    hard_wrapped = _is_hard_wrapped(lines)
    blocks: list[str] = []
    previous_line = ""
    for line in lines:
        if blocks and previous_line and _continues(previous_line, line, hard_wrapped):
            blocks[-1] = f"{blocks[-1]} {line}"
        elif line:
            blocks.append(line)
        previous_line = line
    return blocks


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Blank-line-separated groups of several lines, all but their last of one width."""
    inner: list[int] = []
    for index, line in enumerate(lines[:-1]):
        if line and lines[index + 1]:
            inner.append(len(line))
    if len(inner) < 3 or max(len(line) for line in lines) > 120:
        return False
    return sum(50 <= length <= 100 for length in inner) >= 0.8 * len(inner)


def _continues(previous_line: str, line: str, hard_wrapped: bool) -> bool:
    if not line:
        return False
    if line[0].islower() and not ends_sentence(previous_line):
        return True
    return hard_wrapped and len(previous_line) >= 50


def word_count(text: str) -> int:
    """Number of whitespace-separated words."""
    return len(text.split())


def is_body_like(text: str) -> bool:
    """Tell whether the block reads as prose (a full sentence or a long run of words)."""
    words = word_count(text)
    return words >= 25 or (words >= 8 and ends_sentence(text))


def looks_like_heading(text: str) -> bool:
    """A short line with no final punctuation starting with a capital: a section heading."""
    words = word_count(text)
    if not 1 <= words <= 10 or len(text) > 80:
        return False
    if not (text[0].isupper() or text[0].isdigit()):
        return False
    # Questions and exclamations in short lines are mostly prose ("Where was the outrage?").
    if text.rstrip().endswith(_NOT_HEADING_ENDS):
        return False
    # Headings are mostly letters: no figures-only lines, no URLs.
    if "://" in text or "@" in text:
        return False
    return sum(ch.isalpha() for ch in text) >= 0.6 * len(text.replace(" ", ""))


def mark_headings(blocks: list[Block]) -> None:
    """Mark heading-like blocks standing between prose paragraphs as ``heading``."""
    for index in range(1, len(blocks) - 1):
        block = blocks[index]
        before, after = blocks[index - 1], blocks[index + 1]
        if before.kind == "heading" or not looks_like_heading(block.text):
            continue
        if is_body_like(after.text) and not looks_like_heading(before.text):
            block.kind = "heading"


def assemble(blocks: list[Block]) -> tuple[str, list[Paragraph], list[Heading]]:
    """Join the body blocks with blank lines: the text, its paragraphs' offsets, its headings.

    Section headings are not body text (not sentences, not in the exported body): each
    is kept apart at the offset of the paragraph it heads.
    """
    parts: list[str] = []
    paragraphs: list[Paragraph] = []
    headings: list[Heading] = []
    waiting: list[str] = []
    offset = 0
    for block in blocks:
        if not block.text:
            continue
        if block.kind == "heading":
            waiting.append(block.text)
            continue
        if parts:
            offset += 2
        headings.extend(Heading(text, offset) for text in waiting)
        waiting = []
        parts.append(block.text)
        paragraphs.append(Paragraph(offset, offset + len(block.text), block.kind))
        offset += len(block.text)
    headings.extend(Heading(text, offset) for text in waiting)
    return "\n\n".join(parts), paragraphs, headings


def blocks_of(article: Article) -> list[Block]:
    """The article's paragraphs and headings as blocks again, in reading order."""
    blocks: list[Block] = []
    headings = sorted(article.headings, key=lambda heading: heading.offset)
    next_heading = 0
    for index, paragraph in enumerate(article.paragraphs):
        while next_heading < len(headings) and headings[next_heading].offset <= paragraph.start:
            blocks.append(Block(headings[next_heading].text, "heading"))
            next_heading += 1
        blocks.append(Block(article.paragraph_text(index), paragraph.kind))
    blocks.extend(Block(heading.text, "heading") for heading in headings[next_heading:])
    return blocks
