"""URL inputs, served by a local HTTP server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from storyline.ingest.ids import hashed_id

FIXTURES = Path(__file__).parent / "fixtures"
PAGE = (FIXTURES / "corpus" / "pages" / "strike-ends.html").read_bytes()
FEED = (FIXTURES / "feeds" / "gazette.rss").read_bytes()

# path → (status, content type, body, extra headers)
ROUTES: dict[str, tuple[int, str, bytes, dict[str, str]]] = {
    "/news/strike-ends": (200, "text/html; charset=utf-8", PAGE, {}),
    "/feed": (200, "application/rss+xml", FEED, {}),
    "/feed-as-text": (200, "text/plain", FEED, {}),
    "/old-link": (301, "text/html", b"", {"Location": "/news/strike-ends"}),
    "/loop": (302, "text/html", b"", {"Location": "/loop"}),
    "/gone": (404, "text/html", b"<p>Not found</p>", {}),
    "/big": (200, "text/html", b"<p>" + b"x" * 5000 + b"</p>", {}),
    "/logo.png": (200, "image/png", b"\x89PNG\r\n\x1a\n\x00\x00", {}),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        if self.path == "/agent":
            body = self.headers.get("User-Agent", "").encode()
            status, content_type, headers = 200, "text/plain", {}
        else:
            status, content_type, body, headers = ROUTES[self.path]
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                 "all_proxy"):
        monkeypatch.delenv(name, raising=False)


def test_page_url(read, server: str) -> None:
    url = f"{server}/news/strike-ends"
    articles, skips = read([url])
    assert skips == []
    (page,) = articles
    assert (page.id, page.origin, page.url) == (hashed_id(url), url, url)
    assert page.raw_format == "html"
    assert page.raw == PAGE.decode()


def test_redirect_is_followed_and_id_is_the_given_url(read, server: str) -> None:
    url = f"{server}/old-link"
    articles, _ = read([url])
    assert articles[0].id == hashed_id(url)
    assert articles[0].url == f"{server}/news/strike-ends"


def test_feed_url_gives_its_entries(read, server: str) -> None:
    articles, skips = read([f"{server}/feed"])
    assert [a.title for a in articles] == [
        "Ferry crews vote to strike", "Harbour committee to review dredging"]
    assert len(skips) == 1  # the entry without content
    file_articles, _ = read([FIXTURES / "feeds" / "gazette.rss"])
    assert [a.id for a in articles] == [a.id for a in file_articles]


def test_feed_is_detected_by_content_too(read, server: str) -> None:
    articles, _ = read([f"{server}/feed-as-text"])
    assert len(articles) == 2


def test_user_agent_comes_from_the_config(read, server: str) -> None:
    articles, _ = read([f"{server}/agent"], user_agent="storyline-test/1.0")
    assert [(a.raw, a.raw_format) for a in articles] == [("storyline-test/1.0", "text")]


@pytest.mark.parametrize(
    ("path", "settings", "reason"),
    [
        ("/gone", {}, "HTTP 404"),
        ("/loop", {"http_max_redirects": 3}, "too many redirects"),
        ("/big", {"http_max_bytes": 1000}, "[ingest].http_max_bytes"),
        ("/logo.png", {}, "not HTML, text or a feed"),
    ],
)
def test_bad_urls_are_skipped(read, server: str, path: str, settings: dict, reason: str) -> None:
    articles, skips = read([f"{server}{path}"], **settings)
    assert articles == []
    assert reason in skips[0].reason


def test_unreachable_host_is_skipped(read) -> None:
    # Port 9 (discard) on the loopback: the connection is refused at once.
    articles, skips = read(["http://127.0.0.1:9/news"], http_timeout=2.0)
    assert articles == []
    assert "cannot fetch" in skips[0].reason or "timed out" in skips[0].reason
