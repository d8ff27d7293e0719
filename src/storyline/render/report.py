"""The self-contained HTML report: the web app's views of every storyline, event and article.

One file, the web app's own stylesheet and script inlined and nothing loaded from
anywhere, so it opens offline and can be mailed around. It renders the same view
templates as `storyline serve` (render/templates/views.html.j2) with links made anchors.
Article text is untrusted: autoescaping is on and nothing from the store is marked safe;
a Content-Security-Policy allows only the report's own style and script (by hash).
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from storyline.config import Config, default_config
from storyline.errors import InputError
from storyline.explore import listing, pages
from storyline.explore.marking import article_pieces
from storyline.render.axis import build_axis
from storyline.render.charts import event_axis, outlet_bars
from storyline.render.links import report_href, web_link
from storyline.store import browse
from storyline.store.db import Store

STATIC = Path(__file__).parent / "static"
OVERVIEW_ROWS = 12  # storylines drawn in the overview picture: it must fit one screen


def report_context(store: Store, config: Config | None = None) -> dict[str, Any]:
    """Gather every view the report shows.

    Returns:
        Template variables: ``storylines`` (each with its view data, axis, bars, timeline
        and event details), ``unlinked`` events, ``articles`` (each with its text
        pieces), ``overview`` (the picture of the largest storylines), ``counts``.
    """
    settings = (config or default_config())["narrate"]
    listed: list[dict[str, Any]] = []
    page = 1
    while True:
        found = listing.storylines(store, page=page, per_page=listing.MAX_PER_PAGE)
        listed.extend(found["items"])
        if page * found["per_page"] >= found["total"]:
            break
        page += 1
    storylines: list[dict[str, Any]] = []
    for item in listed:
        data = pages.storyline(store, item["storyline_id"])
        events = {e["event_id"]: _event(store, e["event_id"]) for e in data["events"]}
        timeline = pages.timeline(store, data["storyline_id"], int(settings["max_dates"]),
                                  int(settings["sentences_per_date"]))
        data["cited"].update(pages.rows_by_id(
            store, [s["article_id"] for entry in timeline for s in entry["sentences"]]))
        storylines.append({
            "s": data, "axis": event_axis(data["events"]),
            "bars": outlet_bars(data["outlet_days"]), "events": events, "timeline": timeline,
        })
    unlinked = browse.unlinked_events(store)
    articles = []
    for article_id in browse.article_ids(store):
        article = pages.article(store, article_id)
        articles.append({"a": article, "pieces": article_pieces(article, names=False)})
    top: list[dict[str, Any]] = [s["s"] for s in storylines[:OVERVIEW_ROWS]]
    overview = build_axis([{"storyline_id": s["storyline_id"], "title": s["title"],
                            "events": [e["event_id"] for e in s["events"]]} for s in top],
                          {e["event_id"]: e for s in top for e in s["events"]})
    return {
        "storylines": storylines, "listed": listed,
        "unlinked": {"events": unlinked,
                     "details": {e["event_id"]: _event(store, e["event_id"]) for e in unlinked}},
        "articles": articles, "overview": overview, "hidden_rows": max(0, len(storylines)
                                                                      - OVERVIEW_ROWS),
        "counts": browse.totals(store),
    }


def _event(store: Store, event_id: str) -> dict[str, Any]:
    data = pages.event(store, event_id)
    data["rows"] = {row["id"]: row for row in data["article_records"]}
    return data


def _inline(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


def _digest(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def render_report(store: Store, config: Config | None = None) -> str:
    """Render the report for everything in ``store`` as one HTML string."""
    environment = Environment(
        loader=PackageLoader("storyline.render", "templates"),
        autoescape=True,  # article text is untrusted
        trim_blocks=True, lstrip_blocks=True,
    )
    environment.globals["href"] = report_href
    environment.filters["web_link"] = web_link
    style, script = _inline("storyline.css"), _inline("storyline.js") + _inline("report.js")
    # Our own files, not article text: the only strings marked safe, pinned by hash.
    policy = (f"default-src 'none'; style-src {_digest(style)}; script-src {_digest(script)}; "
              "img-src data:; base-uri 'none'; form-action 'none'")
    template = environment.get_template("report.html.j2")
    return template.render(style=Markup(style), script=Markup(script), policy=policy,
                           **report_context(store, config))


def write_report(store: Store, path: Path, config: Config | None = None) -> None:
    """Write the self-contained report for everything in ``store`` to ``path``.

    Raises:
        InputError: The file cannot be written.
    """
    html = render_report(store, config)
    try:
        Path(path).write_text(html, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write the report to {path}: {exc}; check the path") from exc
