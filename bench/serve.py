"""Web app latency: p50/p99 per page of `storyline serve` on a big store, beside static files.

    python bench/serve.py --db STORE.db [--requests 200] [--seed 1]

Starts `storyline serve --db STORE.db` and, in another process on the same server stack
(uvicorn + Starlette), a static-file server holding one saved copy of each page kind (the
reference: the cost of sending those bytes, with no database). Both are asked the same
number of requests, one at a time, from this process over loopback, with the requests
interleaved so that both see the same machine load. Pages asked: the storyline list,
storyline pages (every storyline in turn, then again), event pages (a seeded sample of
events, largest ones included), article pages, search (one or two words drawn from
stored sentences, with a seeded generator), and the two parts pages fetch after they show:
a storyline's cited timeline and an event's coverage by outlet. Each kind gets 5 warm-up
requests first (the warm-up ids are asked again in the timed run).

Prints per kind: p50 and p99 of the app, p50 and p99 of the static reference, and the
ratio of the p99s. Targets (issue "Explore a story"): storyline and event pages p99 <
100 ms, search p99 < 300 ms, on a store of at least 20,000 articles.
"""

from __future__ import annotations

import argparse
import random
import re
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import httpx

STATIC_APP = """
import sys
import uvicorn
from starlette.applications import Starlette
from starlette.staticfiles import StaticFiles
app = Starlette()
app.mount("/", StaticFiles(directory=sys.argv[1]))
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit(f"server at {url} did not start")


def sample_paths(db: Path, requests: int, seed: int) -> dict[str, list[str]]:
    """The page paths asked, per kind (read straight from the store: ids only)."""
    rng = random.Random(seed)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    storylines = [r[0] for r in conn.execute("SELECT storyline_id FROM storylines")]
    events = [r[0] for r in conn.execute(
        "SELECT event_id FROM event_articles GROUP BY event_id ORDER BY COUNT(*) DESC")]
    articles = [r[0] for r in conn.execute("SELECT id FROM articles")]
    total = conn.execute("SELECT COUNT(*) FROM sentences").fetchone()[0]
    words: list[str] = []
    while len(words) < requests:
        text = conn.execute("SELECT text FROM sentences LIMIT 1 OFFSET ?",
                            (rng.randrange(total),)).fetchone()[0]
        found = [w for w in re.findall(r"[A-Za-z]{4,}", text)]
        if found:
            start = rng.randrange(len(found))
            words.append(" ".join(found[start:start + rng.choice((1, 2))]))
    conn.close()
    biggest = events[:10]
    picked_events = biggest + rng.sample(events, min(len(events), requests - len(biggest)))
    return {
        "storylines list": ["/"] * requests,
        "storyline": [f"/storylines/{quote(storylines[i % len(storylines)], safe='')}"
                      for i in range(requests)],
        "event": [f"/events/{quote(e, safe='')}" for e in picked_events[:requests]],
        "article": [f"/articles/{quote(a, safe='')}"
                    for a in rng.sample(articles, min(requests, len(articles)))],
        "search": [f"/search?q={quote(w)}" for w in words],
        # What the storyline and event pages fetch after they show (not cached: each id once
        # per round; the app keeps a timeline until the store changes, so repeats are cheap).
        "timeline (api)": [f"/api/storylines/{quote(storylines[i % len(storylines)], safe='')}"
                           "/timeline" for i in range(requests)],
        "coverage (api)": [f"/api/events/{quote(e, safe='')}/coverage"
                           for e in picked_events[:requests]],
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    count = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    conn.close()
    print(f"store {args.db}: {count:,} articles")
    paths = sample_paths(args.db, args.requests, args.seed)

    app_port, static_port = free_port(), free_port()
    app = subprocess.Popen([sys.executable, "-m", "storyline.cli", "serve", "--db",
                            str(args.db), "--port", str(app_port)],
                           stderr=subprocess.DEVNULL)
    static_dir = Path(tempfile.mkdtemp(prefix="storyline-serve-"))
    static = None
    try:
        base = f"http://127.0.0.1:{app_port}"
        wait_up(base + "/favicon.ico")
        with httpx.Client(timeout=60) as client:
            for kind, kind_paths in paths.items():  # one saved copy of each kind's page
                page = client.get(base + kind_paths[0])
                (static_dir / f"{kind.replace(' ', '-')}.html").write_bytes(page.content)
            static = subprocess.Popen([sys.executable, "-c", STATIC_APP, str(static_dir),
                                       str(static_port)], stderr=subprocess.DEVNULL)
            reference = f"http://127.0.0.1:{static_port}"
            wait_up(reference + "/")
            print(f"{'page':16} {'n':>4} {'p50 ms':>8} {'p99 ms':>8} {'static p50':>11} "
                  f"{'static p99':>11} {'p99 ratio':>10}")
            for kind, kind_paths in paths.items():
                saved = f"/{kind.replace(' ', '-')}.html"
                for path in kind_paths[:5]:
                    client.get(base + path)
                    client.get(reference + saved)
                timings: list[float] = []
                refs: list[float] = []
                for path in kind_paths:
                    start = time.perf_counter()
                    response = client.get(base + path)
                    timings.append((time.perf_counter() - start) * 1000)
                    if response.status_code != 200:
                        print(f"  {path}: HTTP {response.status_code}")
                    start = time.perf_counter()
                    client.get(reference + saved)
                    refs.append((time.perf_counter() - start) * 1000)
                p99, ref99 = percentile(timings, 0.99), percentile(refs, 0.99)
                print(f"{kind:16} {len(timings):>4} {percentile(timings, 0.5):>8.1f} "
                      f"{p99:>8.1f} {percentile(refs, 0.5):>11.1f} {ref99:>11.1f} "
                      f"{p99 / ref99:>10.1f}")
    finally:
        app.terminate()
        if static is not None:
            static.terminate()


if __name__ == "__main__":
    main()
