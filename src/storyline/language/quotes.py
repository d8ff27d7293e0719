"""Direct quotes: where they are in the text (their speakers are found in ``speakers``).

A quote is text between quotation marks in the body: curly “…”, straight "…" or ``…'',
possibly over several sentences, and over several paragraphs when a paragraph
leaves the quote open and the next one opens it again (the news convention), or
when the next one closes it without opening it (a text of one sentence a line). A
paragraph whose paragraph breaks were lost reopens a straight-quoted quote in the middle
(`…home. "It's been…`): a mark after a sentence end, attached to the next word, opens
a new piece of the same quote rather than closing it. A closing mark with no opening
one, the first mark of its paragraph, closes a quote whose opening mark was lost (a
pull-quote box, a quote continued on the next line): it starts with its sentence. An
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
_SENTENCE_BREAK = re.compile(r"[.!?]\s+")
# Lines of a one-sentence-a-line text a quote may run through without a mark.
_UNMARKED_LINES = 5
# Characters a quoted paragraph rarely exceeds (a longer stretch between marks is narrative).
_LONGEST_PIECE = 500
# Words of an attribution: a stretch with one is narrative between two quotes.
_ATTRIBUTION = re.compile(r"\b(?:said|says|asked|asks|told|tells|added|adds|according)\b")
_MARKS = re.compile("``|''|[“”\"‘’]")
_DOUBLE_MARKS = re.compile("``|''|[“”\"]")
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
    lost_opening: bool = False  # closed by a mark whose opening one was lost (a pull-quote)

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
            elif previous_body and not single and _closed_later(article, body, position):
                # One sentence a line (tokenised corpora): the quote goes on in this line
                # and closes in it or in a later line, the lines in between unmarked.
                content_start = cursor = paragraph.start
                current.paragraphs.append(index)
            else:
                spans.append(current)  # left open: it ends with its paragraph
                current = None
        mirrored = -1  # the “ of a mirrored pair ”…“ (scraped text): no quote opens there
        first_mark = current is None
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
                if char == _DOUBLE_CLOSE and not single and first_mark and mirrored < 0 \
                        and _ends_quote(text, match):
                    spans.append(_lost_opening(text, paragraph.start, match, index))
                elif _opens(text, match.start(), char, single):
                    mark, content_start = char, match.end()
                    current = QuoteSpan([], match.start(), match.end(), [index])
            elif mark == _STRAIGHT and char == _STRAIGHT \
                    and _reopens(text, content_start, match.start(), paragraph.end):
                # Paragraph breaks lost: the next paragraph's opening mark, not a close.
                _add_piece(current, text, content_start, match.start())
                content_start = match.end()
            elif _closes(text, match.start(), char, single):
                _add_piece(current, text, content_start, match.start())
                current.outer_end = match.end()
                spans.append(current)
                current = None
            elif char == mark and mark != _STRAIGHT:
                # A second opening mark with no close: a lost closing mark when a new
                # sentence starts there (the stretch so far is a quote of its own),
                # else a stray first mark (restart from here).
                opened_line = current.outer_start == _first_visible(
                    text, article.paragraphs[current.paragraphs[0]].start, paragraph.end)
                if mark == _DOUBLE_OPEN and _lost_close(text, content_start, match, opened_line):
                    _add_piece(current, text, content_start, match.start())
                    current.outer_end = match.start()
                    spans.append(current)
                current = QuoteSpan([], match.start(), match.end(), [index])
                content_start = match.end()
            first_mark = False
        if current is not None:
            _add_piece(current, text, content_start, paragraph.end)
            current.outer_end = paragraph.end
    if current is not None:
        spans.append(current)
    return [s for s in spans if s.pieces]


def _reopens(text: str, start: int, offset: int, end: int) -> bool:
    """Whether a straight mark inside an open quote opens a new paragraph's piece of it.

    It follows a sentence end and a space, and is attached to the next word
    (`…home. "It's`), where a closing mark is attached to the word before it. Scraped
    text also detaches closing marks (`…ground? "Eyewitness News asked.`, `the musical
    "The Boy From Oz. "Jackman has …`): the words quoted so far (from ``start``) are no
    title, and those up to the next mark no attribution nor a stretch longer than a
    quoted paragraph (:data:`_LONGEST_PIECE`).
    """
    before = text[max(0, offset - 3) : offset].rstrip()
    if offset == 0 or not text[offset - 1].isspace() or before[-1:] not in ".!?" \
            or not text[offset + 1 : offset + 2].isalnum():
        return False
    if all(w[:1].isupper() or not w[:1].isalpha() for w in text[start:offset].split()):
        return False
    following = _MARKS.search(text, offset + 1, end)
    stop = following.start() if following else end
    return stop - offset <= _LONGEST_PIECE and not _ATTRIBUTION.search(text, offset + 1, stop)


def _ends_quote(text: str, close: re.Match[str]) -> bool:
    """Whether a closing mark with no opening one can end a whole quoted sentence.

    It follows a sentence end or a comma (`… absolutely , '' Woods said`), or a new
    sentence starts after it (`… sir '' End Quote …`); not words running on (`… the
    lessons of September 11 '' and arguing …`: a partial quote whose start is unknown),
    nor a mistyped opening mark (`The report said : '' …`, `establishing '' ‘safe
    space’ …`).
    """
    before = text[: close.start()].rstrip()[-1:]
    after = text[close.end() :].lstrip()[:1]
    return before in ".,!?" or (before.isalnum() and after.isupper())


def _lost_opening(text: str, start: int, close: re.Match[str], index: int) -> QuoteSpan:
    """A quote closed by ``close`` whose opening mark was lost: from its sentence's start.

    The sentence starts after the last sentence end before the mark, in its paragraph.
    """
    end = close.start()
    for stop in _SENTENCE_BREAK.finditer(text, start, end):
        if text[stop.end() : end].strip():
            start = stop.end()
    span = QuoteSpan([], start, close.end(), [index], lost_opening=True)
    _add_piece(span, text, start, end)
    return span


def _closed_later(article: Article, body: Sequence[int], position: int) -> bool:
    """Whether a quote left open goes on in the paragraph ``body[position]``.

    It does when the first quotation mark from there on, in consecutive paragraphs of
    which at most :data:`_UNMARKED_LINES` have no mark, can only close a quote (” or ''),
    or opens one after a sentence end inside its line (a lost close, see :func:`_lost_close`).
    """
    for offset, index in enumerate(body[position : position + _UNMARKED_LINES + 1]):
        if index != body[position] + offset:
            return False
        paragraph = article.paragraphs[index]
        first = _MARKS.search(article.text, paragraph.start, paragraph.end)
        if first is not None:
            # An opening mark inside a line, after a sentence end, whose quote closes:
            # the open quote's closing mark was lost there (`… justice ... `` But …''`).
            following = _MARKS.search(article.text, first.end())
            return _mark_of(first) == _DOUBLE_CLOSE or (
                first.start() > _first_visible(article.text, paragraph.start, paragraph.end)
                and _mark_of(first) == _DOUBLE_OPEN
                and article.text[: first.start()].rstrip()[-1:] in ".!?…"
                and following is not None and _mark_of(following) == _DOUBLE_CLOSE
                and not _ATTRIBUTION.search(
                    article.text, article.paragraphs[body[position]].start, first.start()))
    return False


def _lost_close(text: str, start: int, opening: re.Match[str], opened_line: bool) -> bool:
    """Whether a second opening mark in an open quote stands for a close and a reopening.

    A new sentence starts after it, it follows a sentence end or the quote opened its
    line (``opened_line``: a mark first in its paragraph opens a real quote), and the
    stretch quoted since ``start`` has no attribution: stray narration before a real
    quote mostly has one (`… `` stray he said `` …`).
    """
    following = text[opening.end() :].lstrip()[:1]
    after = _DOUBLE_MARKS.search(text, opening.end())
    reopened = text[opening.end() : after.start() if after else len(text)]
    # The new quote is a sentence, not a name in marks (`about some `` Rosenbauer ''`).
    return (opened_line or text[: opening.start()].rstrip()[-1:] in ".!?…") \
        and following.isupper() and len(reopened.split()) >= MIN_QUOTE_WORDS \
        and not _ATTRIBUTION.search(text, start, opening.start())


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
