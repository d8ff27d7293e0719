"""Direct quotes: where they are in the text (their speakers are found in ``speakers``).

A quote is text between quotation marks in the body: curly “…”, straight "…" or ``…'',
possibly over several sentences, and over several paragraphs when a paragraph
leaves the quote open and the next one opens it again (the news convention), or
when the next one closes it without opening it (a text of one sentence a line). An
article with no double quotation marks at all is read for British ‘…’ quotes.
One to three quoted words are scare quotes or names (“groundbreaking”), not quotes;
neither are quoted titles (“Love Won Out Conference”). A mirrored pair (”15 Most Wanted“)
opens nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from storyline.model import Article

MIN_QUOTE_WORDS = 4

_DOUBLE_OPEN = "“"
_DOUBLE_CLOSE = "”"
_STRAIGHT = '"'
_SINGLE_OPEN = "‘"
_SINGLE_CLOSE = "’"
_SINGLE_CLOSE_BEFORE = ".,!?…"
_SINGLE_CLOSE_FOLLOWED_BY = ",.;:!?)—–"
_SENTENCE_END = re.compile(r"[.!?]")
_MARKS = re.compile("``|''|[“”\"‘’]")
# Tokenised corpora write quotes the TeX way: ``…''.
_EQUIVALENT = {"``": _DOUBLE_OPEN, "''": _DOUBLE_CLOSE}


@dataclass
class QuoteSpan:
    """One quote: ``pieces`` are the quoted stretches (one per paragraph it spans).

    Offsets index into ``Article.text``; a piece excludes its quotation marks, while
    ``outer_start``/``outer_end`` include them (used to tell quoted from narrative words).
    """

    pieces: list[tuple[int, int]]
    outer_start: int
    outer_end: int
    paragraphs: list[int] = field(default_factory=list)

    @property
    def start(self) -> int:
        """Offset of the first quoted character."""
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        """Offset just after the last quoted character."""
        return self.pieces[-1][1]

    def text(self, article_text: str) -> str:
        """Return the quoted words, pieces joined by a space."""
        return " ".join(article_text[start:end] for start, end in self.pieces)


def find_quote_spans(article: Article) -> list[QuoteSpan]:
    """Return the direct quotes of the article's body paragraphs, in text order.

    Quotes of fewer than :data:`MIN_QUOTE_WORDS` words are left out.
    """
    body = [i for i, p in enumerate(article.paragraphs) if p.kind == "body"]
    text = article.text
    has_double = any(mark in text for mark in (_DOUBLE_OPEN, _DOUBLE_CLOSE, _STRAIGHT, "``"))
    spans = _scan(article, body, single=not has_double)
    return [s for s in spans if _is_speech(s.text(text))]


def _is_speech(quoted: str) -> bool:
    """Whether quoted words are speech: long enough, and not a title (“Love Won Out Conference”)."""
    words = quoted.split()
    if len(words) < MIN_QUOTE_WORDS:
        return False
    is_title = all(w[:1].isupper() or not w[:1].isalpha() or len(w) <= 3 for w in words)
    return not (is_title and quoted.rstrip()[-1:] not in ".!?…")


def _scan(article: Article, body: Sequence[int], single: bool) -> list[QuoteSpan]:
    text = article.text
    spans: list[QuoteSpan] = []
    current: QuoteSpan | None = None
    mark = ""  # the opening mark of the current quote, as in _EQUIVALENT
    content_start = 0
    for position, index in enumerate(body):
        paragraph = article.paragraphs[index]
        cursor = paragraph.start
        if current is not None:
            opener = _MARKS.match(text, _first_visible(text, paragraph.start, paragraph.end))
            continued = opener is not None and _same_family(_mark_of(opener), mark)
            previous_body = position > 0 and body[position - 1] == index - 1
            if continued and previous_body and opener is not None:
                content_start = cursor = opener.end()
                current.paragraphs.append(index)
            elif previous_body and not single and _closes_first(text, paragraph.start,
                                                                paragraph.end):
                # One sentence a line (tokenised corpora): the quote goes on in this line
                # and closes in it.
                content_start = cursor = paragraph.start
                current.paragraphs.append(index)
            else:
                spans.append(current)  # left open: it ends with its paragraph
                current = None
        mirrored = -1  # the “ of a mirrored pair ”…“ (scraped text): no quote opens there
        for match in _MARKS.finditer(text, cursor, paragraph.end):
            char = _mark_of(match)
            if current is None:
                if match.start() == mirrored:
                    continue
                if match.group() == _DOUBLE_CLOSE and not single:
                    following = _MARKS.search(text, match.end(), paragraph.end)
                    inside = text[match.end() : following.start()] if following else ""
                    # A short run with no sentence end: a name or title, not a gap
                    # between two quotes.
                    if following is not None and following.group() == _DOUBLE_OPEN \
                            and len(inside.split()) <= 6 and not _SENTENCE_END.search(inside):
                        mirrored = following.start()
                elif _opens(text, match.start(), char, single):
                    mark, content_start = char, match.end()
                    current = QuoteSpan([], match.start(), match.end(), [index])
            elif _closes(text, match.start(), char, single):
                _add_piece(current, text, content_start, match.start())
                current.outer_end = match.end()
                spans.append(current)
                current = None
            elif char == mark and mark != _STRAIGHT:
                # A second opening mark with no close: restart from here.
                current = QuoteSpan([], match.start(), match.end(), [index])
                content_start = match.end()
        if current is not None:
            _add_piece(current, text, content_start, paragraph.end)
            current.outer_end = paragraph.end
    if current is not None:
        spans.append(current)
    return [s for s in spans if s.pieces]


def _closes_first(text: str, start: int, end: int) -> bool:
    """Whether the first quotation mark in ``start:end`` can only close a quote (” or '')."""
    first = _MARKS.search(text, start, end)
    return first is not None and _mark_of(first) == _DOUBLE_CLOSE


def _mark_of(match: re.Match[str]) -> str:
    return _EQUIVALENT.get(match.group(), match.group())


def _opens(text: str, offset: int, char: str, single: bool) -> bool:
    if single:
        return char == _SINGLE_OPEN and (offset == 0 or not text[offset - 1].isalnum())
    return char in (_DOUBLE_OPEN, _STRAIGHT)


def _closes(text: str, offset: int, char: str, single: bool) -> bool:
    if not single:
        # Scraped and converted text mixes styles ("…'' , “…"): any double close will do.
        return char in (_DOUBLE_CLOSE, _STRAIGHT)
    if char != _SINGLE_CLOSE or offset == 0 or text[offset - 1].isspace():
        return False
    following = text[offset + 1 : offset + 2]
    if following.isalnum():
        return False  # an apostrophe: don’t, Korea’s
    # The plural possessive ("workers’ union") looks like a close; a real close follows
    # punctuation or is followed by it.
    return text[offset - 1] in _SINGLE_CLOSE_BEFORE or following in ("", "\n") or \
        following in _SINGLE_CLOSE_FOLLOWED_BY


def _same_family(opener: str, mark: str) -> bool:
    doubles = (_DOUBLE_OPEN, _STRAIGHT)
    return opener == mark or (opener in doubles and mark in doubles)


def _first_visible(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _add_piece(span: QuoteSpan, text: str, start: int, end: int) -> None:
    """Add the stretch ``start:end`` trimmed of spaces and a dangling comma."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    if start < end:
        span.pieces.append((start, end))
