"""The self-contained report on a big store: time to write, size, time to open and filter.

    python bench/report.py --db STORE.db [--out /tmp/report.html]

Writes the report for every article in the store and opens it in Debian's chromium
(Playwright, ``executable_path=/usr/bin/chromium``): load time, then the time the filter
box takes to hide what lacks a word. Beside it, in the same run: the articles export as
JSON lines (the same records read, no HTML) and the load time of a plain HTML file of the
same size holding the articles' text in <pre> blocks (what any browser pays for the bytes).
"""

from __future__ import annotations

import argparse
import html
import io
import json
import tempfile
import time
from pathlib import Path

from storyline.render.export import export_records
from storyline.render.report import write_report
from storyline.store.db import Store


def open_times(path: Path, word: str | None) -> tuple[float, float | None]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        start = time.perf_counter()
        page.goto(path.resolve().as_uri(), wait_until="load")
        loaded = time.perf_counter() - start
        filtered = None
        if word:
            start = time.perf_counter()
            page.fill("#filter", word)
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => r(null)))")
            filtered = time.perf_counter() - start
        browser.close()
    return loaded, filtered


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "report.html")
    parser.add_argument("--word", default="president")
    args = parser.parse_args()
    with Store(args.db) as store:
        start = time.perf_counter()
        write_report(store, args.out)
        written = time.perf_counter() - start
        buffer = io.StringIO()
        start = time.perf_counter()
        count = export_records(store, "articles", "jsonl", buffer)
        exported = time.perf_counter() - start
    size = args.out.stat().st_size
    plain = args.out.with_suffix(".plain.html")
    texts = [json.loads(line).get("text") or "" for line in buffer.getvalue().splitlines()]
    body = "".join(f"<pre>{html.escape(t)}</pre>" for t in texts)
    filler = max(0, size - len(body) - 100)
    plain.write_text(f"<!doctype html><html><body>{body}<!--{' ' * filler}--></body></html>",
                     encoding="utf-8")
    loaded, filtered = open_times(args.out, args.word)
    plain_loaded, _ = open_times(plain, None)
    print(f"{count:,} articles; report {size / 1e6:.1f} MB written in {written:.1f} s "
          f"(articles export {exported:.1f} s, ratio {written / exported:.1f}); chromium load "
          f"{loaded:.2f} s (plain HTML of the same size {plain_loaded:.2f} s, ratio "
          f"{loaded / plain_loaded:.1f}); filter '{args.word}' {filtered:.2f} s")


if __name__ == "__main__":
    main()
