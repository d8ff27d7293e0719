"""The self-contained HTML report: storylines → events → articles, a timeline and a picture.

One file, inline CSS and a few lines of JS, no external resource, so it opens
offline and can be mailed around. Article text is untrusted: the template is
rendered with autoescaping on and never marks article text as safe.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader

from storyline.config import Config, default_config
from storyline.errors import InputError
from storyline.narrate.timeline import build_timeline
from storyline.render.axis import build_axis
from storyline.render.records import ARTICLE_EXTRAS, iter_records
from storyline.store.db import Store


@dataclass
class Segment:
    """A piece of an article body; ``shared`` pieces also occur in another article.

    A ``heading`` piece is a section heading kept out of the body text, shown where its
    section begins.
    """

    text: str
    shared: bool
    heading: bool = False


def body_segments(text: str, spans: list[tuple[int, int]],
                  headings: Sequence[Mapping[str, Any]] = ()) -> list[Segment]:
    """Split ``text`` into plain and shared pieces (overlapping spans are merged).

    The section headings (``{text, offset}``) are put back where their sections begin.
    """
    pieces = _pieces(text, spans)
    marks = sorted((int(h["offset"]), str(h["text"])) for h in headings)
    if not marks:
        return [Segment(text[start:end], shared) for start, end, shared in pieces]
    segments: list[Segment] = []
    waiting = 0
    for start, end, shared in pieces:
        cut = start
        while waiting < len(marks) and marks[waiting][0] < end:
            offset = max(marks[waiting][0], cut)
            if offset > cut:
                segments.append(Segment(text[cut:offset], shared))
                cut = offset
            segments.append(Segment(marks[waiting][1], False, heading=True))
            waiting += 1
        segments.append(Segment(text[cut:end], shared))
    segments.extend(Segment(heading, False, heading=True) for _, heading in marks[waiting:])
    return segments


def _pieces(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """(start, end, shared) pieces covering ``text``."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        start, end = max(0, start), min(len(text), end)
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces: list[tuple[int, int, bool]] = []
    position = 0
    for start, end in merged:
        if start > position:
            pieces.append((position, start, False))
        pieces.append((start, end, True))
        position = end
    if position < len(text):
        pieces.append((position, len(text), False))
    return pieces


# Extras the article card shows in a place of their own.
SHOWN_IN_CARD = ("published_basis", "removed", "headings")


def report_context(store: Store, config: Config | None = None) -> dict[str, Any]:
    """Gather everything the report template shows.

    Args:
        store: Open store.
        config: Settings (the ``[narrate]`` timeline size); shipped defaults if ``None``.

    Returns:
        Template variables: storylines with their events and articles, unassigned
        articles, the timeline, the axis layout and overall counts.
    """
    settings = (config or default_config())["narrate"]
    articles = {a["id"]: a for a in iter_records(store, "articles")}
    events = {e["event_id"]: e for e in iter_records(store, "events")}
    storylines = list(iter_records(store, "storylines"))

    shared: dict[str, list[dict[str, Any]]] = defaultdict(list)
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for passage in iter_records(store, "passages"):
        for side, other in (("a", "b"), ("b", "a")):
            article_id = passage[side]
            spans[article_id].append((passage[f"{side}_start"], passage[f"{side}_end"]))
            shared[article_id].append({"other": passage[other], "text": passage[f"{side}_text"],
                                       "similarity": passage["similarity"]})
    # Counted once: asking every article for its reprints was quadratic in the corpus.
    reprints = Counter(a["reprint_of"] for a in articles.values() if a["reprint_of"])
    for article in articles.values():
        article["segments"] = body_segments(article["text"] or "", spans.get(article["id"], []),
                                            article.get("headings") or ())
        article["shared"] = shared.get(article["id"], [])
        # Only web addresses become links: a "javascript:" URL in the input must stay inert.
        url = article["url"] or ""
        article["link"] = url if url.startswith(("http://", "https://")) else None
        article["copies"] = reprints[article["id"]]

    placed: set[str] = set()
    for event in events.values():
        event["article_records"] = [articles[i] for i in event["articles"] if i in articles]
        event["reprints"] = sum(1 for a in event["article_records"] if a["reprint_of"])
        event["sources"] = sorted({a["source"] for a in event["article_records"] if a["source"]})
        placed.update(event["articles"])
    for storyline in storylines:
        storyline["event_records"] = [events[i] for i in storyline["events"] if i in events]
    linked = len(storylines)
    orphans = [events[e] for e in events if not events[e]["storyline_id"]]
    if orphans:
        storylines.append({"storyline_id": "", "title": "Events without a storyline",
                           "events": [e["event_id"] for e in orphans], "start": None,
                           "end": None, "event_records": orphans})
    return {
        "storylines": storylines,
        "unassigned": [a for a in articles.values() if a["id"] not in placed],
        "articles": articles,
        # Fields of the model the card does not show in its own place, listed by name.
        "article_fields": [name for name in ARTICLE_EXTRAS if name not in SHOWN_IN_CARD],
        "timeline": build_timeline(store, max_dates=int(settings["max_dates"]),
                                   sentences_per_date=int(settings["sentences_per_date"])),
        "axis": build_axis(storylines, events),
        "counts": {
            "articles": len(articles), "events": len(events),
            "storylines": linked,
            "reprints": sum(1 for a in articles.values() if a["reprint_of"]),
            "sources": len({a["source"] for a in articles.values() if a["source"]}),
        },
    }


def render_report(store: Store, config: Config | None = None) -> str:
    """Render the report for everything in ``store`` as one HTML string."""
    environment = Environment(
        loader=PackageLoader("storyline.render", "templates"),
        autoescape=True,  # article text is untrusted
        trim_blocks=True, lstrip_blocks=True,
    )
    template = environment.get_template("report.html.j2")
    return template.render(**report_context(store, config))


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
