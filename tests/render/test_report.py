from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from storyline.config import default_config
from storyline.narrate.step import NarrateStep
from storyline.pipeline.run import run_corpus_step
from storyline.render.report import render_report, write_report
from storyline.store.db import Store


def _html(store: Store) -> str:
    run_corpus_step(store, NarrateStep(default_config()), ["a1"])
    return render_report(store)


def test_article_text_is_escaped(store: Store) -> None:
    html = _html(store)
    assert "<script>alert(1)</script>" not in html  # from a title
    assert "<script>alert('body')</script>" not in html  # from a body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count("<script>") == 1  # only the report's own inline script
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert policy and "script-src 'sha256-" in unescape(policy.group(1))
    assert "unsafe-inline" not in policy.group(1)


def test_javascript_urls_do_not_become_links(store: Store) -> None:
    store.conn.execute("UPDATE articles SET record = json_set(record, '$.url', "
                       "'javascript:alert(1)') WHERE id = 'a3'")
    assert 'href="javascript:' not in _html(store)


def test_self_contained(store: Store, tmp_path: Path) -> None:
    run_corpus_step(store, NarrateStep(default_config()), ["a1"])
    path = tmp_path / "report.html"
    write_report(store, path)
    html = path.read_text(encoding="utf-8")
    assert not re.search(r"""\bsrc\s*=\s*["']?(https?:)?//""", html, re.I)
    assert not re.search(r"<link\b", html, re.I)
    assert not re.search(r"""url\(\s*["']?(https?:)?//""", html, re.I)
    assert "@import" not in html
    # The only outside addresses are plain links to the articles' own pages.
    for tag in re.findall(r"<[^>]+(?:https?:)//[^>]*>", html):
        assert tag.startswith("<a href=") and 'rel="noreferrer noopener"' in tag


def test_content(store: Store) -> None:
    html = _html(store)
    assert "Council approves harbour bridge" in html
    assert 'id="article-a1"' in html and 'href="#article-a1"' in html  # citations link
    assert "Copy of" in html and "Later version of" in html
    assert "<mark" in html  # shared passage highlighted
    assert "Subscribe to our newsletter" in html and "boilerplate" in html
    assert "<svg" in html and "<circle" in html
    assert "2024-05" in html and "month" in html
    assert "Timeline" in html and "independent source" in html
    assert 'href="/' not in html  # no link into a web app that is not there


def test_empty_store_renders() -> None:
    with Store(":memory:") as empty:
        html = render_report(empty)
    assert "0 articles" in html and "<svg" not in html


def test_model_fields_without_a_place_of_their_own_are_listed_escaped(store: Store) -> None:
    store.conn.execute("UPDATE articles SET record = json_set(record, '$.origin', "
                       "'feed.jsonl:3 <b>x</b>') WHERE id = 'a3'")
    html = _html(store)
    assert "<dt>origin</dt><dd>feed.jsonl:3 &lt;b&gt;x&lt;/b&gt;</dd>" in html


def test_the_filter_filters_the_pictures_too(store: Store) -> None:
    html = _html(store)
    # The overview's and each storyline's marks name the event they stand for, which the
    # filter hides with it (render/static/report.js).
    assert re.search(r'<a href="#event-[^"]+" data-event="[^"]+"><circle', html)
    assert 'class="event-card filterable" id="event-' in html
