"""The web app in headless Chromium: a reader's path through a story, and no script injected.

Debian's chromium is driven by Playwright (``executable_path``; no browser is ever
downloaded). Screenshots of every page visited go to ``build/screenshots/`` for review.
Without chromium the tests skip, except in CI (``CI`` set), where ``.ci/run`` installs it.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"

if not CHROMIUM.exists() and not os.environ.get("CI"):
    pytest.skip("Debian chromium is not installed (apt-get install chromium)",
                allow_module_level=True)
playwright_api = pytest.importorskip("playwright.sync_api")


def _serve(db: Path) -> Iterator[str]:
    import uvicorn

    from storyline.web.app import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def sample_url(sample_db: Path) -> Iterator[str]:
    yield from _serve(sample_db)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                              args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    opened = browser.new_page(viewport={"width": 1200, "height": 900})
    opened.problems = []
    opened.on("pageerror", lambda error: opened.problems.append(f"page error: {error}"))
    opened.on("dialog", lambda dialog: (opened.problems.append(f"dialog: {dialog.message}"),
                                        dialog.dismiss()))
    opened.on("console", lambda message: opened.problems.append(message.text)
              if message.type == "error" else None)
    yield opened
    opened.close()


def _shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _clean(page: Any) -> None:
    assert page.evaluate("() => window.__xss") is None
    assert page.problems == []


def test_storylines_to_shared_passages(page: Any, sample_url: str) -> None:
    page.goto(sample_url + "/")
    _shot(page, "sample-storylines")
    page.get_by_role("link", name="Ostbury tram line").click()
    page.wait_for_selector("#timeline ol.timeline li")  # the cited timeline, fetched
    assert page.locator("figure.zoomable circle").count() >= 3
    _shot(page, "sample-storyline")
    page.locator("figure.zoomable button[data-zoom=in]").click()
    assert page.locator("figure.zoomable svg").get_attribute("viewBox").split()[2] != "900"
    page.locator("section.event-card h4 a").first.click()
    assert page.locator("h3.section", has_text="Sources").count() == 1
    page.wait_for_selector("section[data-coverage] details.outlet, section[data-coverage] .empty")
    _shot(page, "sample-event")
    page.locator("table.list").last.locator("a").first.click()
    assert page.locator(".text").inner_text()
    _shot(page, "sample-article")
    side = page.get_by_role("link", name="side by side").first
    if side.count():
        side.click()
        assert page.locator(".side.passage").count() >= 1
        _shot(page, "sample-shared")
    _clean(page)


def test_whatsnew_from_a_storyline(page: Any, sample_url: str) -> None:
    page.goto(sample_url + "/")
    page.get_by_role("link", name="Ostbury tram line").click()
    page.get_by_label("What is new since").fill("2024-03-01")
    page.get_by_role("button", name="Show").click()
    page.wait_for_selector("ol.timeline li")
    assert "What is new since 2024-03-01" in page.locator("h1").inner_text()
    assert page.locator("ol.timeline a.cite").count() >= 1
    _shot(page, "sample-whatsnew")
    _clean(page)


def test_search_from_the_header(page: Any, sample_url: str) -> None:
    page.goto(sample_url + "/")
    page.get_by_label("Search sentences").fill("tram depot")
    page.get_by_label("Search sentences").press("Enter")
    page.wait_for_selector("ol.results li")
    assert "tram" in page.locator("ol.results li").first.inner_text().lower()
    page.locator("ol.results li a").first.click()
    assert page.locator("h1").inner_text()
    _shot(page, "sample-search")
    _clean(page)


def test_hostile_article_runs_nothing(page: Any, sample_url: str) -> None:
    import json
    import urllib.request

    with urllib.request.urlopen(f"{sample_url}/api/articles/hostile-1") as response:
        event_id = json.load(response)["event_id"]
    for path in ["/articles/hostile-1", f"/events/{event_id}", "/search?q=depot",
                 "/entities/Ana%20Berg", "/"]:
        page.goto(sample_url + path)
        page.wait_for_load_state("networkidle")
        _clean(page)
    page.goto(sample_url + "/articles/hostile-1")
    assert "<script>window.__xss=1</script>" in page.locator("h1").inner_text()
    assert page.locator("a[href^='javascript']").count() == 0
    _shot(page, "hostile-article")


def test_japan_korea_story(page: Any, japan_korea_db: Path) -> None:
    for base in _serve(japan_korea_db):
        page.goto(base + "/")
        page.get_by_role("link", name="Japan–South Korea relations").click()
        page.wait_for_selector("#timeline ol.timeline li")
        assert page.locator("figure.zoomable circle").count() == 3
        _shot(page, "japan-korea-storyline")
        page.locator("section.event-card h4 a", has_text="Mend Ties at Rare Summit").click()
        assert "1 independent source" in page.locator("p.figures").inner_text()
        _shot(page, "japan-korea-event")
        _clean(page)
