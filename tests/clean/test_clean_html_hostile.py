"""HTML that breaks tree builders, fragments without a page around them, entity attacks."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from storyline.clean.html import extract_html

PARA = ("The harbour strike ended on Monday after talks between the union and the port "
        "authority lasted all weekend.")
SECOND = "Ferries will sail again from Wednesday, the operator said in a statement."


@pytest.mark.parametrize("depth", [300, 100_000])
def test_deeply_nested_page_still_gives_its_text(depth: int) -> None:
    html = ("<html><body>" + "<div>" * depth + f"<p>{PARA}</p><p>{SECOND}</p>" + "</div>" * depth
            + "</body></html>")
    start = time.perf_counter()
    text = extract_html(html).text
    assert PARA in text and SECOND in text
    assert time.perf_counter() - start < 10


def test_deep_junk_before_the_article_does_not_hide_it() -> None:
    html = ("<html><body><article>" + "<span>" * 50_000 + "</span>" * 50_000
            + f"<p>{PARA}</p><p>{SECOND}</p></article></body></html>")
    assert PARA in extract_html(html).text


@pytest.mark.parametrize("fragment", [
    f"<p>{PARA}</p>",
    PARA,
    f"{PARA}<br>{SECOND}",
    f"<div><b>Breaking:</b> {PARA}</div>",
])
def test_a_fragment_keeps_its_text(fragment: str) -> None:
    text = extract_html(fragment).text
    assert PARA.split(" after")[0] in text and "<" not in text


def test_a_fragment_without_text_stays_empty() -> None:
    assert extract_html("<p> </p><img src='x.png'>").text == ""


def test_a_page_without_article_gets_no_fallback_text() -> None:
    page = ("<html><head><title>Home</title><script>var consent = 'Accept all cookies';"
            "</script></head><body><div id='app'></div></body></html>")
    assert extract_html(page).text == ""
    assert extract_html("<script>var consent = 'Accept all cookies';</script>").text == ""


def test_external_entities_and_entity_bombs_are_not_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-WORDS", "utf-8")
    laughs = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10))
    page = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">'
            f"{laughs}]><html><body><article><p>&xxe; &lol9; {PARA}</p><p>{SECOND}</p>"
            "</article></body></html>")
    start = time.perf_counter()
    text = extract_html(page).text
    assert PARA in text
    assert "TOP-SECRET" not in text and "lollol" not in text
    assert time.perf_counter() - start < 5
