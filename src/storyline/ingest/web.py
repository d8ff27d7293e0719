"""http(s) URLs: fetch a page or a feed with httpx, within the configured limits.

Redirects are followed here, one hop at a time, so that every hop gets the same checks
as the URL given: http(s) only, public addresses only (see :mod:`netguard`), and the
whole chain within one deadline.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from typing import Any

import httpcore
import httpx

from storyline.ingest.decoding import decode_bytes, looks_binary
from storyline.ingest.feeds import read_feed
from storyline.ingest.formats import Format, sniff_markup
from storyline.ingest.ids import hashed_id
from storyline.ingest.netguard import (
    ALLOW_HINT,
    DeadlineExceeded,
    GuardedBackend,
    RefusedAddress,
    check_addresses,
    deadline_passed,
    deadline_scope,
    resolve,
)
from storyline.ingest.warc import HTML_TYPES, parse_content_type
from storyline.model import Article, Skip

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/feed+json", "application/xml", "text/xml")
_ACCEPT = ("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
           "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")


class WebClient(httpx.Client):
    """An httpx client that also carries the per-URL limits of ``[ingest]``."""

    def __init__(self, settings: dict[str, Any]) -> None:
        self.allow_private = bool(settings["allow_private"])
        self.deadline = float(settings["http_deadline"])
        self.max_redirects_allowed = int(settings["http_max_redirects"])
        super().__init__(
            transport=_GuardedTransport(self.allow_private),
            follow_redirects=False,  # followed by hand in _fetch, checking every hop
            timeout=float(settings["http_timeout"]),
            headers={"User-Agent": str(settings["user_agent"]), "Accept": _ACCEPT},
        )


class _GuardedTransport(httpx.HTTPTransport):
    """httpx's transport with a connection pool that connects through GuardedBackend."""

    def __init__(self, allow_private: bool) -> None:
        super().__init__()
        # httpx takes no network backend, so the pool it built is replaced by one
        # that resolves, checks and connects to the checked address (httpx is pinned).
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            network_backend=GuardedBackend(allow_private),
        )


def make_client(settings: dict[str, Any]) -> WebClient:
    """Return an HTTP client with the timeouts, address rules and user agent of ``[ingest]``."""
    return WebClient(settings)


def read_url(url: str, client: WebClient, max_bytes: int) -> Iterator[Article | Skip]:
    """Fetch ``url`` and yield the page as one Article, or the entries of a feed.

    Args:
        url: An http(s) URL.
        client: From :func:`make_client`.
        max_bytes: Largest body read ([ingest].http_max_bytes); a longer one is skipped.

    Yields:
        Articles, or one Skip saying why the URL gave nothing.
    """
    with deadline_scope(client.deadline):
        try:
            body, content_type, final_url = _fetch(url, client, max_bytes)
        except _Refused as exc:
            yield Skip(url, f"refused: {exc}; storyline fetches only public http(s) "
                            f"addresses by default ({ALLOW_HINT} to fetch it)")
            return
        except _BadScheme as exc:
            yield Skip(url, f"redirected to {exc}, which is not http(s); "
                            "give an http(s) URL")
            return
        except _TooLarge:
            yield Skip(url, f"response is over {max_bytes} bytes ([ingest].http_max_bytes); "
                            "raise the limit to read it")
            return
        except (_TooManyRedirects, httpx.TooManyRedirects):
            yield Skip(url, "too many redirects ([ingest].http_max_redirects); "
                            "give the final URL instead")
            return
        except (DeadlineExceeded, httpx.TimeoutException):
            if deadline_passed():
                yield Skip(url, f"took longer than the {client.deadline:g} s allowed per URL "
                                "([ingest].http_deadline); retry later or raise the limit")
            else:
                yield Skip(url, "timed out ([ingest].http_timeout); "
                                "retry later or raise the timeout")
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


class _TooManyRedirects(Exception):
    """More redirects than [ingest].http_max_redirects."""


class _BadScheme(Exception):
    """A redirect leads to something other than http(s)."""


class _Refused(Exception):
    """A hop's host is, or resolves to, an address that is not public."""


def _fetch(url: str, client: WebClient, max_bytes: int) -> tuple[bytes, str | None, str]:
    request = client.build_request("GET", url)
    for hop in range(client.max_redirects_allowed + 1):
        if request.url.scheme not in ("http", "https"):
            raise _BadScheme(str(request.url))
        try:
            if not client.allow_private:
                _precheck(request.url)
            response = client.send(request, stream=True)
        except RefusedAddress as exc:
            where = f"redirected to {request.url}, where " if hop else ""
            raise _Refused(f"{where}{exc}") from exc
        try:
            if response.next_request is not None:
                request = response.next_request
                continue
            response.raise_for_status()
            return _body(response, max_bytes), response.headers.get("Content-Type"), \
                str(response.url)
        finally:
            response.close()
    raise _TooManyRedirects


def _precheck(url: httpx.URL) -> None:
    """Refuse a hop whose host is or resolves to a non-public address.

    The connection itself checks again (and connects to the checked address); this
    earlier check also covers requests sent through a proxy, and names the hop.
    A name that does not resolve here is left to the connection (or the proxy) to report.

    Raises:
        RefusedAddress: The host is not public.
    """
    host = url.host
    try:
        ipaddress.ip_address(host)
        addresses = [host]
    except ValueError:
        try:
            addresses = resolve(host, url.port or (443 if url.scheme == "https" else 80))
        except OSError:
            return
    check_addresses(host, addresses)


def _body(response: httpx.Response, max_bytes: int) -> bytes:
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
    return b"".join(chunks)


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
