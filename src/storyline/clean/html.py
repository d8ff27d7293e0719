"""Main text and metadata of an HTML page, with trafilatura."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# When the precise extraction keeps less than this share of the default one, the precise
# mode has most likely dropped real article paragraphs (measured on the HTML benchmark).
_PRECISION_MIN_SHARE = 0.5


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

    return trafilatura.bare_extraction(
        html,
        url=url,
        favor_precision=favor_precision,
        include_comments=False,  # reader comments are never the article
        include_tables=True,
        with_metadata=with_metadata,
    )


def extract_html(html: str, url: str | None = None, favor_precision: bool = True) -> HtmlExtraction:
    """Extract the article body and metadata from a page.

    With ``favor_precision`` the precise mode runs first; when its text is much shorter than
    the balanced mode's, the balanced text is used instead (precise mode sometimes drops
    whole sections of a real article).

    Args:
        html: The page source.
        url: Where it came from (helps metadata extraction), or ``None``.
        favor_precision: Prefer dropping doubtful blocks over keeping page furniture.

    Returns:
        The extraction; ``text`` is empty when the page holds no article.
    """
    document = _extract(html, url, favor_precision, with_metadata=True)
    text = (getattr(document, "text", None) or "") if document is not None else ""
    if favor_precision:
        balanced = _extract(html, url, False, with_metadata=False)
        balanced_text = (getattr(balanced, "text", None) or "") if balanced is not None else ""
        if len(text) < _PRECISION_MIN_SHARE * len(balanced_text):
            text = balanced_text
    if document is None:
        return HtmlExtraction(text=text)
    return HtmlExtraction(
        text=text,
        title=_clean_value(document.title),
        author=_clean_value(document.author),
        date=_clean_value(document.date),
        sitename=_clean_value(document.sitename),
    )


def _clean_value(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
