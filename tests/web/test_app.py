"""The web app's JSON API and pages over a real store (the sample plus a hostile article)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from storyline.errors import StoreError
from storyline.store.db import Store


def _json(client: Any, path: str, status: int = 200) -> Any:
    response = client.get(path)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


@pytest.fixture(scope="module")
def ids(client: Any) -> dict[str, str]:
    storyline = _json(client, "/api/storylines")["items"][0]
    detail = _json(client, f"/api/storylines/{storyline['storyline_id']}")
    event = max(detail["events"], key=lambda e: e["article_count"])
    event_detail = _json(client, f"/api/events/{event['event_id']}")
    shared = next(a for a in event_detail["articles"]
                  if _json(client, f"/api/articles/{a}")["shared"])
    other = _json(client, f"/api/articles/{shared}")["shared"][0]["other"]
    return {"storyline": storyline["storyline_id"], "event": event["event_id"],
            "article": shared, "other": other}


def test_storylines_list_with_figures(client: Any) -> None:
    found = _json(client, "/api/storylines")
    assert found["total"] == 1 and found["page"] == 1
    item = found["items"][0]
    assert item["title"] == "Ostbury tram line"
    assert item["article_count"] == 10 and item["event_count"] >= 3
    assert 1 <= item["independent_sources"] <= item["article_count"]
    assert item["start"] <= item["end"] and item["last_activity"]


@pytest.mark.parametrize("query, total", [
    ("q=tram", 1), ("q=volcano", 0), ("entity=Ana+Berg", 1), ("entity=Nobody+Here", 0),
    ("date_from=2024-03", 1), ("date_to=2023-12-31", 0), ("date_from=2030", 0),
])
def test_storylines_filters(client: Any, query: str, total: int) -> None:
    assert _json(client, f"/api/storylines?{query}")["total"] == total


def test_storyline_event_article_and_shared_views(client: Any, ids: dict[str, str]) -> None:
    storyline = _json(client, f"/api/storylines/{ids['storyline']}")
    assert [e["date"] for e in storyline["events"] if e["date"]] == sorted(
        e["date"] for e in storyline["events"] if e["date"])
    assert storyline["outlet_days"] and all(e["summary"] is not None
                                            for e in storyline["events"])
    copies = sum(1 for a in storyline["cited"].values() if a["reprint_of"])
    assert sum(r["copies"] for r in storyline["reuse"]) >= copies
    timeline = _json(client, f"/api/storylines/{ids['storyline']}/timeline")
    assert timeline and all(s["article_id"] for entry in timeline for s in entry["sentences"])

    event = _json(client, f"/api/events/{ids['event']}")
    assert event["storyline_id"] == ids["storyline"]
    assert event["first_report"] in event["articles"]
    assert event["independent_sources"] <= len(event["reports"]) <= len(event["articles"])
    reported = [r["original"] for r in event["reports"]] + [
        c for r in event["reports"] for c in r["copies"]]
    assert sorted(reported) == sorted(event["articles"])

    article = _json(client, f"/api/articles/{ids['article']}")
    assert article["text"] and article["event_id"] == ids["event"]
    assert all(article["text"][d["start"]:d["end"]] == d["text"] for d in article["dates"])
    shared = _json(client, f"/api/articles/{ids['article']}/shared/{ids['other']}")
    assert shared["passages"]
    assert all(p["left"] and p["right"] for p in shared["passages"])


def test_entity_and_search(client: Any) -> None:
    entity = _json(client, "/api/entities/Ana%20Berg")
    assert entity["name"] == "Ana Berg" and entity["articles"] >= 1
    assert any("proud" in q["text"] for q in entity["quotes"])
    assert entity["events"]
    for event in entity["events"]:
        detail = _json(client, f"/api/events/{event['event_id']}")
        assert event["article_count"] == len(detail["articles"])
    found = _json(client, "/api/search?q=tram+depot")
    assert found["total"] >= 1
    assert all("tram" in r["text"].lower() for r in found["items"])
    assert found["items"][0]["article_id"]


@pytest.mark.parametrize("path", [
    "/api/storylines/sl-nope", "/api/storylines/sl-nope/timeline", "/api/events/ev-nope",
    "/api/articles/nope", "/api/articles/nope/shared/other", "/api/entities/Nobody%20Here",
])
def test_unknown_ids_are_404_with_a_message(client: Any, path: str) -> None:
    assert "no " in _json(client, path, 404)["detail"]


@pytest.mark.parametrize("path", [
    "/api/search", "/api/search?q=" + "x" * 201, "/api/search?q=%21%21%21",
    "/api/storylines?per_page=1000", "/api/storylines?page=0",
    "/api/storylines?date_from=yesterday", "/api/storylines/" + "x" * 201,
])
def test_bad_parameters_are_422(client: Any, path: str) -> None:
    assert _json(client, path, 422)["detail"]


def test_search_page_filters_and_keeps_them_across_pages(client: Any) -> None:
    everything = client.get("/search?q=tram").text.count("<li><p>")
    narrowed = client.get("/search?q=tram&outlet=Ostbury+Herald").text
    assert 0 < narrowed.count("<li><p>") < everything
    assert 'value="Ostbury Herald"' in narrowed
    if "next →" in narrowed:
        assert "outlet=Ostbury+Herald" in narrowed


def test_lists_are_paginated(client: Any) -> None:
    first = _json(client, "/api/search?q=tram&per_page=2")
    second = _json(client, "/api/search?q=tram&per_page=2&page=2")
    assert first["per_page"] == 2 and len(first["items"]) == 2
    assert first["total"] > 2 and first["items"] != second["items"]


def test_openapi_describes_every_api_path(client: Any) -> None:
    paths = set(_json(client, "/api/openapi.json")["paths"])
    assert {"/api/storylines", "/api/storylines/{storyline_id}", "/api/events/{event_id}",
            "/api/articles/{article_id}", "/api/articles/{article_id}/shared/{other_id}",
            "/api/entities/{name}", "/api/search",
            "/api/storylines/{storyline_id}/timeline", "/api/events/{event_id}/coverage",
            "/api/storylines/{storyline_id}/whatsnew"} <= paths


def test_pages_render_escaped_with_a_security_policy(client: Any, ids: dict[str, str]) -> None:
    pages = ["/", f"/storylines/{ids['storyline']}", f"/storylines/{ids['storyline']}/timeline",
             f"/events/{ids['event']}", f"/articles/{ids['article']}",
             f"/articles/{ids['article']}/shared/{ids['other']}", "/articles/hostile-1",
             "/entities/Ana%20Berg", "/search?q=depot", "/search?q=%21%21"]
    hostile_event = _json(client, "/api/articles/hostile-1")["event_id"]
    pages.append(f"/events/{hostile_event}")
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
        html = response.text
        assert "<script>window.__xss" not in html and "<img src=x" not in html, path
        assert 'href="javascript:' not in html.lower(), path
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in client.get("/articles/hostile-1").text


def test_missing_pages_are_404_pages(client: Any) -> None:
    response = client.get("/events/ev-nope")
    assert response.status_code == 404 and "text/html" in response.headers["content-type"]
    assert "no event" in response.text


@pytest.mark.parametrize("path", ["/static/../story.db", "/static/%2e%2e/app.py",
                                  "/static/..%2fapp.py", "/story.db"])
def test_nothing_outside_the_static_folder_is_served(client: Any, path: str) -> None:
    assert client.get(path).status_code == 404


def test_the_app_opens_the_store_read_only(sample_db: Path) -> None:
    store = Store(sample_db, read_only=True)
    with pytest.raises(sqlite3.OperationalError):
        store.conn.execute("DELETE FROM articles")
    store.close()
    with pytest.raises(StoreError, match="no database"):
        Store(sample_db.parent / "missing.db", read_only=True)


def test_whatsnew_and_coverage(client: Any, ids: dict[str, str]) -> None:
    storyline = _json(client, f"/api/storylines/{ids['storyline']}")
    since = storyline["end"]
    found = _json(client, f"/api/storylines/{ids['storyline']}/whatsnew?since={since}")
    assert found["since"] == since
    assert all(entry["date"] >= since for entry in found["dates"])
    everything = _json(client, f"/api/storylines/{ids['storyline']}/whatsnew?since=1900")
    assert sum(len(d["sentences"]) for d in everything["dates"]) >= sum(
        len(d["sentences"]) for d in found["dates"])
    assert client.get(f"/storylines/{ids['storyline']}/whatsnew?since={since}").status_code == 200
    event = _json(client, f"/api/events/{ids['event']}")
    for entry in event["coverage"]:
        assert set(entry["counts"]) == {"common", "only", "left_out"}
    assert _json(client, f"/api/events/{ids['event']}/coverage") == event["coverage"]
    assert 'data-coverage="/api/events/' in client.get(f"/events/{ids['event']}").text
