"""Where a link to a record points: a page of the web app, or an anchor in the report.

Templates never build a URL themselves; they call ``href(kind, *ids)``. Ids are
percent-encoded, so an id holding ``/``, ``#`` or quotes stays one path segment.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

WEB: dict[str, str] = {
    "storyline": "/storylines/{}", "event": "/events/{}", "article": "/articles/{}",
    "entity": "/entities/{}", "shared": "/articles/{}/shared/{}",
    "timeline": "/storylines/{}/timeline", "whatsnew": "/storylines/{}/whatsnew",
    "api-storyline": "/api/storylines/{}", "api-timeline": "/api/storylines/{}/timeline",
    "api-event": "/api/events/{}", "api-coverage": "/api/events/{}/coverage",
    "api-article": "/api/articles/{}",
    "api-entity": "/api/entities/{}",
}
# The report is one page: records it holds are anchors; other views do not exist there.
REPORT: dict[str, str] = {
    "storyline": "#storyline-{}", "event": "#event-{}", "article": "#article-{}",
}


def web_href(kind: str, *ids: str) -> str:
    """The web app's address of a view (``KeyError`` for an unknown kind)."""
    return WEB[kind].format(*(quote(str(i), safe="") for i in ids))


def report_href(kind: str, *ids: str) -> str | None:
    """The report's anchor of a record, or ``None`` where the report has no such view."""
    pattern = REPORT.get(kind)
    return pattern.format(*(quote(str(i), safe="") for i in ids)) if pattern else None


def web_link(url: str | None) -> str | None:
    """``url`` if it is an http(s) address with a host, else ``None`` (never a link)."""
    if not url:
        return None
    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return text
