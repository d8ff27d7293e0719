"""Readable terminal tables for `storyline storylines`, `show` and `search`.

Every value from the store is wrapped in :class:`rich.text.Text`, so a title holding
``[bold]`` or an escape sequence is printed as the characters it is, never as styling.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from storyline.model import one_line


def _cell(value: Any, limit: int = 0) -> Text:
    text = "" if value is None else one_line(str(value))
    if limit and len(text) > limit:
        text = text[: limit - 1] + "…"
    return Text(text)


def _table(title: str, columns: Sequence[tuple[str, str]],
           rows: Iterable[Sequence[Any]]) -> Table:
    table = Table(title=Text(title), title_justify="left", show_edge=False, pad_edge=False)
    for name, justify in columns:
        # Ids, dates and counts are never cut or wrapped (an id is copied into the next
        # command); the prose columns wrap instead.
        whole = name in ("id", "article", "from", "to", "date", "published") or justify == "right"
        table.add_column(Text(name), justify=justify,  # type: ignore[arg-type]
                         no_wrap=whole, min_width=None if whole else 16, ratio=None if whole else 1)
    for row in rows:
        table.add_row(*row)
    return table


def storylines_table(found: dict[str, Any]) -> RenderableType:
    """The storyline list as a table, with the page position under it."""
    table = _table(
        _n(int(found["total"]), "storyline"),
        [("id", "left"), ("title", "left"), ("from", "left"), ("to", "left"),
         ("events", "right"), ("articles", "right"), ("outlets", "right"),
         ("sources", "right")],
        ([_cell(s["storyline_id"]), _cell(s["title"], 60), _cell(s["start"]), _cell(s["end"]),
          _cell(s["event_count"]), _cell(s["article_count"]), _cell(s["outlet_count"]),
          _cell(s["independent_sources"])] for s in found["items"]))
    return Group(table, Text("sources: independent sources (copies and one wire's stories "
                             "count once)", style="dim"), _page_line(found))


def search_table(found: dict[str, Any]) -> RenderableType:
    """Search results: each sentence with the article it comes from."""
    table = _table(
        f"{_n(int(found['total']), 'sentence')} with all of: {one_line(found['query'])}",
        [("sentence", "left"), ("article", "left"), ("outlet", "left"), ("date", "left")],
        ([_cell(r["text"], 160), _cell(r["article_id"]), _cell(r["source"]),
          _cell(r["published"])] for r in found["items"]))
    return Group(table, _page_line(found))


def _page_line(found: dict[str, Any]) -> Text:
    last = max(1, -(-int(found["total"]) // int(found["per_page"])))
    return Text(f"page {found['page']} of {last}" + (" (--page N for more)" if last > 1 else ""),
                style="dim")


def storyline_view(data: dict[str, Any]) -> RenderableType:
    """A storyline: its figures and its events."""
    head = Text(one_line(data.get("title") or "Untitled storyline"), style="bold")
    figures = Text(
        f"{data['storyline_id']} · {data.get('start') or '?'} – {data.get('end') or '?'} · "
        f"{data['event_count']} events · {data['article_count']} articles · "
        f"{data['outlet_count']} outlets · "
        f"{data['independent_sources']} independent sources")
    events = _table("events", [("date", "left"), ("id", "left"), ("title", "left"),
                               ("articles", "right")],
                    ([_cell(e["date"]), _cell(e["event_id"]), _cell(e["title"], 70),
                      _cell(e["article_count"])] for e in data["events"]))
    return Group(head, figures, events)


def event_view(data: dict[str, Any]) -> RenderableType:
    """An event: figures, cited summary, independent reports and their copies."""
    rows = {r["id"]: r for r in data["article_records"]}

    def outlet(article_id: str) -> str:
        row = rows.get(article_id) or {}
        return str(row.get("source") or row.get("wire") or article_id)

    head = Text(one_line(data.get("title") or "Untitled event"), style="bold")
    figures = Text(
        f"{data['event_id']} · {data.get('date') or 'undated'} · {len(data['articles'])} "
        f"articles · {data['independent_sources']} independent sources · first reported by "
        f"{one_line(str(data.get('first_outlet') or data.get('first_report') or '?'))}")
    summary = Text("\n".join(f"• {one_line(s['text'])} [{outlet(s['article_id'])}]"
                             for s in data["summary"]))
    reports = _table("independent reports", [("original", "left"), ("published", "left"),
                                             ("copies", "left")],
                     ([_cell(f"{outlet(r['original'])} ({r['original']})"),
                       _cell(r["published"]),
                       _cell(", ".join(outlet(c) for c in r["copies"]) or "—", 80)]
                      for r in data["reports"]))
    return Group(head, figures, summary, reports)


def article_view(data: dict[str, Any]) -> RenderableType:
    """An article: where it comes from, its provenance, its clean text."""
    head = Text(one_line(data.get("title") or "(untitled)"), style="bold")
    lines = [f"{data['id']} · {data.get('source') or 'unknown outlet'} · "
             f"{data.get('published') or 'undated'}"]
    if data.get("reprint_of") or data.get("exact_duplicate_of"):
        lines.append(f"copy of {data.get('reprint_of') or data.get('exact_duplicate_of')}")
    if data.get("version_of"):
        lines.append(f"later version of {data['version_of']}")
    if data.get("copies"):
        lines.append(f"copied by {', '.join(data['copies'])}")
    if data.get("event_id"):
        lines.append(f"event {data['event_id']} · storyline {data.get('storyline_id') or '—'}")
    return Group(head, Text("\n".join(one_line(line) for line in lines)), Text(""),
                 Text(data.get("text") or ""))


def print_out(renderable: RenderableType | None, data: Any, fmt: str) -> None:
    """Print ``data`` as JSON (``fmt == "json"``) or ``renderable`` for a reader."""
    if fmt == "json" or renderable is None:
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        return
    # Piped into a file or a pager, rich would assume 80 columns and squeeze the table.
    width = None if sys.stdout.isatty() else 120
    Console(highlight=False, markup=False, emoji=False, width=width).print(renderable)


def _n(count: int, word: str) -> str:
    return f"{count:,} {word}" + ("" if count == 1 else "s")


def run_summary(stored: int, unchanged: int, skipped: int, totals: dict[str, int],
                db: str) -> list[str]:
    """What a run did and what the database now holds, in plain words, plus what to do next."""
    did = f"Stored {_n(stored, 'new article')}"
    if unchanged:
        did += f"; {_n(unchanged, 'input')} already stored and unchanged"
    if skipped:
        did += f"; {_n(skipped, 'input')} skipped (see the messages above)"
    holds = (f"{db} now holds {_n(totals['articles'], 'article')} from "
             f"{_n(totals['outlets'], 'outlet')}")
    if totals["copies"]:
        copies = totals["copies"]
        holds += f" ({copies:,} {'is a copy' if copies == 1 else 'are copies'} of another)"
    holds += (f", in {_n(totals['events'], 'event')} and "
              f"{_n(totals['storylines'], 'storyline')}.")
    lines = [did + ".", holds]
    if totals["articles"]:
        lines.append(f"Next: storyline storylines --db {db}   or   storyline serve --db {db}")
    return lines
