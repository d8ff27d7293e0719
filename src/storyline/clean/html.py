"""Main text and metadata of an HTML page, with trafilatura (and fallbacks it needs)."""

from __future__ import annotations

import html as html_module
import re
from dataclasses import dataclass
from typing import Any

# When the precise extraction keeps less than this share of the default one, the precise
# mode has most likely dropped real article paragraphs (measured on the HTML benchmark).
_PRECISION_MIN_SHARE = 0.5
# libxml2 (under lxml, under trafilatura) stops building the tree at 256 nested elements
# and the page comes out empty; deeper tags are dropped (their text kept) before that.
MAX_HTML_DEPTH = 200

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)(?:\s[^>]*)?>")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})
_PAGE = re.compile(r"<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)
_HIDDEN = re.compile(r"<(script|style|template|noscript|head)\b.*?</\1\s*>|<!--.*?-->",
                     re.IGNORECASE | re.DOTALL)
_BLOCK = re.compile(r"</?(?:p|div|br|li|h[1-6]|tr|blockquote|section|article|header|footer|"
                    r"pre|table|ul|ol|dd|dt|figcaption)\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]*>")
_DECLARATION = re.compile(r"<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>|<\?xml[^>]*\?>",
                          re.IGNORECASE | re.DOTALL)


@dataclass
class HtmlExtraction:
    """What the page yields: body text (one paragraph a line) and its metadata."""

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None  # ISO day
    sitename: str | None = None


def _extract(html: str, url: str | None, favor_precision: bool, with_metadata: bool) -> Any:
    import trafilatura  # deferred: importing it costs time that plain-text runs need not pay

    try:
        return trafilatura.bare_extraction(
            html,
            url=url,
            favor_precision=favor_precision,
            include_comments=False,  # reader comments are never the article
            include_tables=True,
            with_metadata=with_metadata,
        )
    except (ValueError, TypeError, RecursionError, MemoryError, LookupError):
        # A page the parsers choke on is handled by the fallbacks below, not by a crash.
        return None


def _text_of(document: Any) -> str:
    return (getattr(document, "text", None) or "") if document is not None else ""


def extract_html(html: str, url: str | None = None, favor_precision: bool = True) -> HtmlExtraction:
    """Extract the article body and metadata from a page.

    With ``favor_precision`` the precise mode runs first; when its text is much shorter than
    the balanced mode's, the balanced text is used instead (precise mode sometimes drops
    whole sections of a real article).

    Two fallbacks keep text that trafilatura alone would lose: a page nested deeper than
    :data:`MAX_HTML_DEPTH` is flattened first (the tree builder gives up on it), and an
    HTML *fragment* (no ``<html>``/``<body>``: a feed entry, a record's ``html`` field)
    whose extraction is empty gives its plain text, since it has no page furniture to remove.

    Args:
        html: The page source.
        url: Where it came from (helps metadata extraction), or ``None``.
        favor_precision: Prefer dropping doubtful blocks over keeping page furniture.

    Returns:
        The extraction; ``text`` is empty when the page holds no article.
    """
    if too_deep(html):
        html = flatten_deep(html)
    document = _extract(html, url, favor_precision, with_metadata=True)
    text = _text_of(document)
    if favor_precision:
        balanced_text = _text_of(_extract(html, url, False, with_metadata=False))
        if len(text) < _PRECISION_MIN_SHARE * len(balanced_text):
            text = balanced_text
    if not text.strip() and not _PAGE.search(html[:4096]):
        text = fragment_text(html)
    if document is None:
        return HtmlExtraction(text=text)
    return HtmlExtraction(
        text=text,
        title=_clean_value(document.title),
        author=_clean_value(document.author),
        date=_clean_value(document.date),
        sitename=_clean_value(document.sitename),
    )


def _depth_steps(html: str) -> Any:
    """Yield (match, depth after it, kept?) for every tag, counting nesting without a tree."""
    depth = 0
    for match in _TAG.finditer(html):
        closing, name = match.group(1), match.group(2).lower()
        if closing:
            kept = depth <= MAX_HTML_DEPTH
            depth = max(0, depth - 1)
        elif name in _VOID or match.group().endswith("/>"):
            kept = depth < MAX_HTML_DEPTH
        else:
            depth += 1
            kept = depth <= MAX_HTML_DEPTH
        yield match, depth, kept


def too_deep(html: str) -> bool:
    """Return True when tags nest deeper than :data:`MAX_HTML_DEPTH` (cheap for most pages)."""
    if html.count("<") <= MAX_HTML_DEPTH:
        return False
    return any(depth > MAX_HTML_DEPTH for _, depth, _ in _depth_steps(html))


def flatten_deep(html: str) -> str:
    """Drop the tags nested deeper than :data:`MAX_HTML_DEPTH`, keeping all the text."""
    parts: list[str] = []
    position = 0
    for match, _, kept in _depth_steps(html):
        parts.append(html[position:match.start()])
        parts.append(match.group() if kept else " ")
        position = match.end()
    parts.append(html[position:])
    return "".join(parts)


def fragment_text(html: str) -> str:
    """Return the visible text of an HTML fragment, one block a line (no tree is built)."""
    text = _DECLARATION.sub(" ", html)
    text = _HIDDEN.sub(" ", text)
    text = _BLOCK.sub("\n", text)
    text = html_module.unescape(_ANY_TAG.sub("", text))
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _clean_value(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
