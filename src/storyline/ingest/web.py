"""http(s) URLs: fetch a page or a feed with httpx, within the configured limits."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx

from storyline.ingest.decoding import decode_bytes, looks_binary
from storyline.ingest.feeds import read_feed
from storyline.ingest.formats import Format, sniff_markup
from storyline.ingest.ids import hashed_id
from storyline.ingest.warc import HTML_TYPES, parse_content_type
from storyline.model import Article, Skip

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/feed+json", "application/xml", "text/xml")
_ACCEPT = ("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
           "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")


def make_client(settings: dict[str, Any]) -> httpx.Client:
    """Return an HTTP client with the timeout, redirect cap and user agent of ``[ingest]``."""
    return httpx.Client(
        follow_redirects=True,
        max_redirects=int(settings["http_max_redirects"]),
        timeout=float(settings["http_timeout"]),
        headers={"User-Agent": str(settings["user_agent"]), "Accept": _ACCEPT},
    )


def read_url(url: str, client: httpx.Client, max_bytes: int) -> Iterator[Article | Skip]:
    """Fetch ``url`` and yield the page as one Article, or the entries of a feed.

    Args:
        url: An http(s) URL.
        client: From :func:`make_client`.
        max_bytes: Largest body read ([ingest].http_max_bytes); a longer one is skipped.

    Yields:
        Articles, or one Skip saying why the URL gave nothing.
    """
    try:
        body, content_type, final_url = _fetch(url, client, max_bytes)
    except _TooLarge:
        yield Skip(url, f"response is over {max_bytes} bytes ([ingest].http_max_bytes); "
                        "raise the limit to read it")
        return
    except httpx.TooManyRedirects:
        yield Skip(url, "too many redirects ([ingest].http_max_redirects); "
                        "give the final URL instead")
        return
    except httpx.TimeoutException:
        yield Skip(url, "timed out ([ingest].http_timeout); retry later or raise the timeout")
        return
    except httpx.HTTPStatusError as exc:
        yield Skip(url, f"the server answered HTTP {exc.response.status_code}; "
                        "check the URL or retry later")
        return
    except httpx.HTTPError as exc:
        yield Skip(url, f"cannot fetch ({type(exc).__name__}: {exc}); check the URL "
                        "and the network")
        return
    yield from _document(url, final_url, body, content_type)


class _TooLarge(Exception):
    """The body is longer than the configured cap."""


def _fetch(url: str, client: httpx.Client, max_bytes: int) -> tuple[bytes, str | None, str]:
    with client.stream("GET", url) as response:
        response.raise_for_status()
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise _TooLarge
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise _TooLarge
            chunks.append(chunk)
        return b"".join(chunks), response.headers.get("Content-Type"), str(response.url)


def _document(
    url: str, final_url: str, body: bytes, content_type: str | None
) -> Iterator[Article | Skip]:
    mime, charset = parse_content_type(content_type)
    if not body.strip():
        yield Skip(url, "the server sent an empty body; nothing to ingest")
        return
    if looks_binary(body):
        yield Skip(url, f"the server sent {mime}, not HTML, text or a feed; "
                        "give the URL of an article page or feed")
        return
    text = decode_bytes(body, charset)
    if text is None:
        yield Skip(url, "cannot decode the response; it names no usable charset")
        return
    sniffed = sniff_markup(text)
    if mime in FEED_TYPES and sniffed != Format.HTML or sniffed == Format.FEED:
        yield from read_feed(body, url, hashed_id(url), base_url=final_url)
        return
    if mime in HTML_TYPES or sniffed == Format.HTML or mime == "text/plain":
        metadata = {"fetched_url": final_url} if final_url != url else {}
        yield Article(
            id=hashed_id(url),
            origin=url,
            url=final_url,
            raw=text,
            raw_format="text" if mime == "text/plain" and sniffed is None else "html",
            metadata=metadata,
        )
        return
    yield Skip(url, f"the server sent {mime}, not HTML, text or a feed; "
                    "give the URL of an article page or feed")
