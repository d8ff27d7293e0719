"""URL inputs, served by a local HTTP server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
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
    "/to-file": (302, "text/html", b"", {"Location": "file:///etc/passwd"}),
}
HITS: list[str] = []  # paths the server was asked for


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        HITS.append(self.path)
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


@pytest.fixture
def fetch(read):
    """Read URLs from the test server, which is on the loopback: allowed explicitly."""

    def run(inputs, **settings):
        return read(inputs, **{"allow_private": True, **settings})

    return run


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                 "all_proxy"):
        monkeypatch.delenv(name, raising=False)


def test_page_url(fetch, server: str) -> None:
    url = f"{server}/news/strike-ends"
    articles, skips = fetch([url])
    assert skips == []
    (page,) = articles
    assert (page.id, page.origin, page.url) == (hashed_id(url), url, url)
    assert page.raw_format == "html"
    assert page.raw == PAGE.decode()


def test_redirect_is_followed_and_id_is_the_given_url(fetch, server: str) -> None:
    url = f"{server}/old-link"
    articles, _ = fetch([url])
    assert articles[0].id == hashed_id(url)
    assert articles[0].url == f"{server}/news/strike-ends"


def test_feed_url_gives_its_entries(read, fetch, server: str) -> None:
    articles, skips = fetch([f"{server}/feed"])
    assert [a.title for a in articles] == [
        "Ferry crews vote to strike", "Harbour committee to review dredging"]
    assert len(skips) == 1  # the entry without content
    file_articles, _ = read([FIXTURES / "feeds" / "gazette.rss"])
    assert [a.id for a in articles] == [a.id for a in file_articles]


def test_feed_is_detected_by_content_too(fetch, server: str) -> None:
    articles, _ = fetch([f"{server}/feed-as-text"])
    assert len(articles) == 2


def test_user_agent_comes_from_the_config(fetch, server: str) -> None:
    articles, _ = fetch([f"{server}/agent"], user_agent="storyline-test/1.0")
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
def test_bad_urls_are_skipped(fetch, server: str, path: str, settings: dict, reason: str) -> None:
    articles, skips = fetch([f"{server}{path}"], **settings)
    assert articles == []
    assert reason in skips[0].reason


def test_unreachable_host_is_skipped(fetch) -> None:
    # Port 9 (discard) on the loopback: the connection is refused at once.
    articles, skips = fetch(["http://127.0.0.1:9/news"], http_timeout=2.0)
    assert articles == []
    assert "cannot fetch" in skips[0].reason or "timed out" in skips[0].reason


# --- Fetching safely: loopback refused by default, every hop checked, one deadline per URL.

def test_loopback_is_refused_by_default_with_a_one_line_hint(read, server: str) -> None:
    url = f"{server}/news/strike-ends"
    HITS.clear()
    articles, (skip,) = read([url])
    assert articles == []
    message = skip.message()
    assert message.startswith(f"{url}: refused: 127.0.0.1 is a loopback address")
    assert "--allow-private" in message and "[ingest].allow_private = true" in message
    assert "\n" not in message
    assert HITS == []  # nothing was sent


def test_the_config_can_allow_the_loopback(read, server: str) -> None:
    articles, skips = read([f"{server}/news/strike-ends"], allow_private=True)
    assert len(articles) == 1 and skips == []


def _fake_dns(monkeypatch: pytest.MonkeyPatch, answers: dict[str, list[list[str]]]) -> list[str]:
    """Resolve the names of ``answers`` to their next list of addresses (the last one sticks);
    everything else fails. No query leaves the machine. Returns the names looked up."""
    asked: list[str] = []

    def getaddrinfo(host: str, port: object, *args: object, **kwargs: object) -> list[tuple]:
        asked.append(host)
        if host not in answers:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        queue = answers[host]
        addresses = queue.pop(0) if len(queue) > 1 else queue[0]
        return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "",
                 (a, int(port or 0))) for a in addresses]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return asked


def test_a_name_is_refused_when_any_address_is_private(
        read, server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    port = server.rsplit(":", 1)[1]
    _fake_dns(monkeypatch, {"mixed.test": [["192.0.2.0", "10.0.0.7"]]})
    _test_net_is_public(monkeypatch)
    articles, (skip,) = read([f"http://mixed.test:{port}/news/strike-ends"])
    assert articles == []
    assert "mixed.test resolves to 10.0.0.7, a private address" in skip.reason


def _test_net_is_public(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let 192.0.2.0 (TEST-NET-1, routed nowhere) stand in for a public address, so that
    even a broken guard could not send anything to a real host."""
    from storyline.ingest import netguard

    real = netguard.address_kind
    monkeypatch.setattr(netguard, "address_kind",
                        lambda address: None if str(address) == "192.0.2.0" else real(address))


def test_rebinding_is_caught_at_connect_time(
        read, server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # The name answers a "public" address to the first lookup and the loopback to the
    # next: the connection must check what it connects to, not trust the first answer.
    port = server.rsplit(":", 1)[1]
    asked = _fake_dns(monkeypatch, {"rebind.test": [["192.0.2.0"], ["127.0.0.1"]]})
    _test_net_is_public(monkeypatch)
    HITS.clear()
    articles, (skip,) = read([f"http://rebind.test:{port}/news/strike-ends"])
    assert articles == []
    assert "rebind.test resolves to 127.0.0.1, a loopback address" in skip.reason
    assert asked.count("rebind.test") == 2 and HITS == []


def test_every_redirect_hop_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    # A public page redirecting to the loopback; served by a mock transport (no traffic).
    from storyline.config import load_config
    from storyline.ingest.web import make_client, read_url

    _fake_dns(monkeypatch, {"news.test": [["192.0.2.0"]]})
    _test_net_is_public(monkeypatch)
    seen: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(302, headers={"Location": "http://127.0.0.1:8080/admin"})

    with make_client(load_config()["ingest"]) as client:
        client._transport = httpx.MockTransport(answer)
        (skip,) = read_url("http://news.test/story", client, 1000)
    assert seen == ["http://news.test/story"]
    assert skip.reason.startswith("refused: redirected to http://127.0.0.1:8080/admin, "
                                  "where 127.0.0.1 is a loopback address")


def test_redirect_to_another_scheme_is_refused(fetch, server: str) -> None:
    articles, (skip,) = fetch([f"{server}/to-file"])
    assert articles == []
    assert skip.reason.startswith("redirected to file://")
    assert "which is not http(s)" in skip.reason


class DripHandler(BaseHTTPRequestHandler):
    """Sends its answer one byte every 0.1 s, for at most 10 s."""

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        body = b"<p>" + b"x" * 100 + b"</p>"
        head = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                f"Content-Length: {len(body)}\r\n\r\n").encode()
        slow = head + body if self.path == "/slow-headers" else body
        if self.path != "/slow-headers":
            self.wfile.write(head)
        try:
            for byte in slow:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass  # the client gave up: that is the point

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def drip_server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), DripHandler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("path", ["/slow-body", "/slow-headers"])
def test_a_dripping_server_is_cut_off_at_the_deadline(fetch, drip_server: str, path: str) -> None:
    started = time.monotonic()
    articles, (skip,) = fetch([f"{drip_server}{path}"], http_deadline=1.0, http_timeout=5.0)
    elapsed = time.monotonic() - started
    assert articles == []
    assert "took longer than the 1 s allowed per URL ([ingest].http_deadline)" in skip.reason
    assert elapsed < 2.5
