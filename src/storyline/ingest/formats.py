"""Which reader handles an input: by file name first, by a cheap look at the content second."""

from __future__ import annotations

import re
from enum import Enum


class Format(Enum):
    """The input formats ingest understands."""

    TEXT = "text"
    HTML = "html"
    JSONL = "jsonl"
    JSON = "json"
    CSV = "csv"
    TSV = "tsv"
    FEED = "feed"
    WARC = "warc"


BY_SUFFIX: dict[str, Format] = {
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    ".md": Format.TEXT,
    ".markdown": Format.TEXT,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
    ".jsonl": Format.JSONL,
    ".ndjson": Format.JSONL,
    ".json": Format.JSON,
    ".csv": Format.CSV,
    ".tsv": Format.TSV,
    ".xml": Format.FEED,
    ".rss": Format.FEED,
    ".atom": Format.FEED,
    ".warc": Format.WARC,
}

SUPPORTED = ", ".join([*BY_SUFFIX, ".gz of any of them", "http(s) URLs"])

_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_ROOT = re.compile(r"<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)
_PROLOGUE = re.compile(r"\A(?:\s|<\?xml[^>]*\?>|<!--.*?-->|<\?xml-stylesheet[^>]*\?>)*", re.DOTALL)
_SNIFF_CHARS = 2048


def format_for_name(name: str) -> Format | None:
    """Return the format a file name announces (``.gz`` already removed), if any."""
    dot = name.rfind(".")
    return BY_SUFFIX.get(name[dot:].lower()) if dot >= 0 else None


def sniff_markup(text: str) -> Format | None:
    """Return FEED or HTML when the start of ``text`` is an RSS/Atom feed or an HTML page."""
    head = _PROLOGUE.sub("", text[:_SNIFF_CHARS], count=1)
    if _FEED_ROOT.match(head):
        return Format.FEED
    if _HTML_ROOT.match(head) or _HTML_ROOT.search(head[:200]):
        return Format.HTML
    return None
