"""Text outside quotation marks that is not narration, so does not end a speaker's turn.

Two layouts of news copy put a speaker's words outside marks:

* A quote printed one sentence a line, its paragraphs run on: the opening mark of
  each paragraph is printed, the closing mark only at the very end ("`` First line . /
  Second line . / `` Third line . ''"), and the conversion to a line a sentence leaves
  the lines between with no mark at all. Such lines continue the quote before them.
* A pull-quote: a line of the quote printed large beside the text, which the text
  dump glues to a sentence without its marks ("It is a human tragedy of enormous
  proportions `` We will …").
* A photo caption glued to the head of a quote's next paragraph.
"""

from __future__ import annotations

import re

from storyline.language.quotes import QuoteSpan
from storyline.language.speaker_index import ArticleIndex
from storyline.language.speaker_words import is_speech_verb

# How many unmarked lines a quote left open may run through: longer stretches are
# narration that forgot a mark, or a message board's reply.
MAX_RUN_LINES = 2
# How many words outside marks a quote must repeat for them to be read as a pull-quote:
# fewer ("he said it was", "the situation is serious") recur by chance.
MIN_PULLED_WORDS = 6
_CLOSING_MARKS = ("''", "”", '"')
# A photo caption or credit ends a quote's run: the text resumes after it.
_CAPTION = re.compile(r"\b(?:photo(?:graph)?|picture|image)s?\s*:", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9']+")


def runs_on(index: ArticleIndex, previous: QuoteSpan, span: QuoteSpan, sentence: int) -> bool:
    """Whether ``sentence``, between two quotes, is a line of the first one running on.

    The first quote is left open at the end of its line (no closing mark), the second
    opens its own line, at most :data:`MAX_RUN_LINES` lines stand between them, and
    none of those has a mark, a speech verb (an attribution line) or a caption.
    """
    text = index.text
    place = index.sentences[sentence]
    if not previous.outer_end <= place.start < span.outer_start:
        return False
    if text[:previous.outer_end].rstrip().endswith(_CLOSING_MARKS) \
            or text[previous.outer_end:_line_end(text, previous.outer_end)].strip():
        return False  # closed, or the line goes on after it: narration follows
    if text[text.rfind("\n", 0, span.outer_start) + 1:span.outer_start].strip():
        return False  # the next quote does not open its line
    lines = [line for line in text[previous.outer_end:span.outer_start].split("\n")
             if line.strip()]
    if len(lines) > MAX_RUN_LINES or any(
            _CAPTION.search(line) or any(m in line for m in ("``", *_CLOSING_MARKS, "“"))
            for line in lines):
        return False
    between = range(index.sentence_of(previous.outer_end), index.sentence_of(span.outer_start))
    return not any(is_speech_verb(t.token) for s in between
                   if index.sentences[s].start >= previous.outer_end
                   for t in index.sentence_tokens(s))


def glued_to_open_quote(index: ArticleIndex, previous: QuoteSpan, span: QuoteSpan) -> bool:
    """Whether the words before ``span`` on its line are a caption glued into an open quote.

    The quote before is left open at the end of the line before (its next paragraph
    reopens with a mark), and the text dump glued a photo caption to the head of that
    paragraph ("… part of the culture here . / Rapid UK spent six hours freeing one woman
    `` We are doing quite well ."): words with no mark and no speech verb, which do not
    make the quote anyone else's.
    """
    text = index.text
    if text[:previous.outer_end].rstrip().endswith(_CLOSING_MARKS) \
            or text[previous.outer_end:_line_end(text, previous.outer_end)].strip():
        return False
    line_start = text.rfind("\n", 0, span.outer_start) + 1
    if line_start <= previous.outer_end or text[previous.outer_end:line_start].strip():
        return False  # not the next line
    glued = text[line_start:span.outer_start]
    if not glued.strip() or any(m in glued for m in ("``", *_CLOSING_MARKS, "“")):
        return False
    return not any(is_speech_verb(t.token) for t in index.tokens
                   if line_start <= t.start < span.outer_start)


def pulled_out(index: ArticleIndex, sentence: int) -> bool:
    """Whether the sentence's words outside marks repeat a quote's word for word."""
    words = _WORD.findall(" ".join(t.token.lower_ for t in index.sentence_tokens(sentence)))
    if len(words) < MIN_PULLED_WORDS:
        return False
    return f" {' '.join(words)} " in _quoted_words(index)


def _quoted_words(index: ArticleIndex) -> str:
    """Every quote's words, lower case, a space around each quote's."""
    if index.quoted_words is None:
        index.quoted_words = " ".join(
            f" {' '.join(_WORD.findall(index.text[s.start:s.end].lower()))} "
            for s in index.spans)
    return index.quoted_words


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end
