"""The reading commands: storylines, show, search, and serve (the web app)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from storyline.cli.commands import main
from storyline.cli.common import (
    db_to_read,
    library_errors,
    open_existing_store,
    paging,
    say,
    table_or_json,
)
from storyline.errors import NotFoundError


@main.command()
@db_to_read
@click.option("--query", help="Only storylines with a sentence (or title) holding all these words.")
@click.option("--entity", help="Only storylines naming this person, place or organisation.")
@click.option("--outlet", help="Only storylines with an article from this outlet.")
@click.option("--from", "date_from", help="Only storylines with an event on or after this date.")
@click.option("--to", "date_to", help="Only storylines with an event on or before this date.")
@paging
@table_or_json
def storylines(db: str, query: str | None, entity: str | None, outlet: str | None,
               date_from: str | None, date_to: str | None, page: int, per_page: int,
               fmt: str) -> None:
    """List the storylines, most articles first, with dates, sources and ids.

    \b
    Example:
      storyline storylines --db story.db
      storyline storylines --db story.db --entity "Fumio Kishida" --format json
    """  # noqa: D301
    from storyline.explore.listing import storylines as list_storylines
    from storyline.render.terminal import print_out, storylines_table

    with library_errors(), open_existing_store(db) as store:
        found = list_storylines(store, word=query, entity=entity, outlet=outlet,
                                date_from=date_from, date_to=date_to, page=page,
                                per_page=per_page)
    print_out(storylines_table(found), found, fmt)


@main.command()
@click.argument("record_id", metavar="ID")
@db_to_read
@table_or_json
def show(record_id: str, db: str, fmt: str) -> None:
    """Show one storyline, event or article by its id.

    \b
    Example:
      storyline show sl-040511d962 --db story.db
      storyline show ev-9df29c1714 --db story.db --format json
    """  # noqa: D301
    from storyline.explore import pages
    from storyline.render import terminal
    from storyline.store.browse import resolve_kind
    from storyline.store.events import current_id

    with library_errors(), open_existing_store(db) as store:
        found_id = current_id(store, record_id)
        kind = resolve_kind(store, found_id)
        if kind is None:
            raise NotFoundError(f"no storyline, event or article {record_id!r} in {db}; "
                                "`storyline storylines --db DB` lists storylines")
        builders: dict[str, tuple[Callable[..., dict[str, Any]], Callable[..., Any]]] = {
                    "storyline": (pages.storyline, terminal.storyline_view),
                    "event": (pages.event, terminal.event_view),
                    "article": (pages.article, terminal.article_view)}
        build, view = builders[kind]
        data = build(store, found_id)
    terminal.print_out(view(data), {"kind": kind, **data}, fmt)


@main.command()
@click.argument("text")
@db_to_read
@click.option("--outlet", help="Only articles from this outlet.")
@click.option("--from", "date_from", help="Only articles published on or after this date.")
@click.option("--to", "date_to", help="Only articles published on or before this date.")
@paging
@table_or_json
def search(text: str, db: str, outlet: str | None, date_from: str | None,
           date_to: str | None, page: int, per_page: int, fmt: str) -> None:
    """Find the sentences holding all the words of TEXT, each with its article.

    \b
    Example:
      storyline search "summit Seoul" --db story.db
      storyline search "export curbs" --db story.db --from 2023-03 --format json
    """  # noqa: D301
    from storyline.explore.listing import search as search_sentences
    from storyline.render.terminal import print_out, search_table

    with library_errors(), open_existing_store(db) as store:
        found = search_sentences(store, text, outlet=outlet, date_from=date_from,
                                 date_to=date_to, page=page, per_page=per_page)
    print_out(search_table(found), found, fmt)


LOOPBACK = ("127.0.0.1", "localhost", "::1")


@main.command()
@db_to_read
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but this machine lets others on the "
                   "network read the database.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True,
              help="Port to listen on.")
def serve(db: str, host: str, port: int) -> None:
    """Browse a database in the web browser: storylines, events, articles, names, search.

    Read-only: nothing in the database is changed. The JSON API is under /api
    (its description at /api/openapi.json).

    \b
    Example:
      storyline serve --db story.db            # then open http://127.0.0.1:8000/
      storyline serve --db story.db --port 8080
    """  # noqa: D301
    import uvicorn

    from storyline.web.app import create_app

    if host not in LOOPBACK:
        say("warning:", f"listening on {host}: anyone who can reach this machine on port "
                        f"{port} can read the whole database", "yellow")
    with library_errors():
        app = create_app(db)
    click.echo(f"serving {db} at http://{'[' + host + ']' if ':' in host else host}:{port}/ "
               "(Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


