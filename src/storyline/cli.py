r"""The command line: thin wrappers that open the store, call one library function each.

Exit codes: 0 success; 1 an error stopped the command; 2 wrong usage;
3 the run finished but some inputs (or lines) were skipped — see the messages;
130 interrupted (Ctrl-C).

Messages are plain text, one line each, on stderr: they carry paths, ids and titles from
the inputs, which must never be read as rich markup or wrapped. Rich only draws the
progress display, and only when stderr is a terminal.

Command docstrings are click help: the ``\b`` line before each example keeps click
from rewrapping it (hence ``noqa: D301``: a raw docstring would make it a literal backslash).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from storyline.config import Config, load_config
from storyline.errors import NotFoundError, StorylineError
from storyline.model import one_line
from storyline.store.db import Store

EXIT_SKIPPED = 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
err = Console(stderr=True)


def say(label: str, text: str, color: str) -> None:
    """Write ``label text`` as one plain line to stderr (the label coloured on a terminal)."""
    click.echo(f"{click.style(label, fg=color)} {one_line(text)}", err=True)


@contextmanager
def library_errors() -> Iterator[None]:
    """Turn library errors into one clear line on stderr and exit code 1."""
    try:
        yield
    except StorylineError as exc:
        say("error:", str(exc), "red")
        sys.exit(1)


def open_store(path: str) -> Store:
    """Open the database named by --db."""
    return Store(path)


def open_existing_store(path: str) -> Store:
    """Open the database named by --db for reading; never create an empty one.

    Raises:
        NotFoundError: No file at ``path``.
    """
    if not Path(path).is_file():
        raise NotFoundError(
            f"no database at {path}; create it with `storyline run INPUTS --db {path}`")
    return Store(path)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="TOML file overriding the shipped defaults (only the keys it names).")
@click.version_option(package_name="storyline")
@click.pass_context
def main(ctx: click.Context, config_path: str | None) -> None:
    """Follow a news story across outlets.

    \b
    Example:
      storyline run articles/ --db story.db --report report.html
    """  # noqa: D301
    with library_errors():
        ctx.obj = load_config(config_path)


class RateColumn(ProgressColumn):
    """Items per second of a task, so a long run shows how fast it goes."""

    def render(self, task: Task) -> Text:
        """Render ``12.3/s`` (blank until rich has measured a speed)."""
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f}/s" if speed else "", style="progress.data.speed")


def _progress_reporter(progress: Progress) -> Callable[[str, int | None], Callable[[], None]]:
    def start(label: str, total: int | None) -> Callable[[], None]:
        task = progress.add_task(label, total=total)
        return lambda: progress.advance(task)

    return start


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", default="story.db", show_default=True, help="SQLite database to fill.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False),
              help="Also write the self-contained HTML report here.")
@click.option("--follow-symlinks", is_flag=True,
              help="In folders, also read links whose target is outside the folder.")
@click.option("--allow-private", is_flag=True,
              help="Also fetch URLs on this machine or the local network (loopback, private "
                   "and link-local addresses); refused by default.")
@click.option("--wait", "wait", type=float, default=None, metavar="SECONDS",
              help="If another run is writing this database, wait this long for it "
                   "(default: [store] lock_wait, 0 = refuse at once).")
@click.option("-v", "--verbose", is_flag=True, help="Also print each step's counters.")
@click.pass_obj
def run(config: Config, inputs: tuple[str, ...], db: str, report_path: str | None,
        follow_symlinks: bool, allow_private: bool, wait: float | None, verbose: bool) -> None:
    """Ingest INPUTS (files, folders, URLs) and analyse them: the main job.

    Re-running on the same database adds only what is new and keeps existing ids;
    after Ctrl-C, running the same command again finishes the job.

    \b
    Example:
      storyline run ~/scrapes/ feed.xml https://example.org/story --db story.db --report out.html
      storyline run http://localhost:8000/feed.xml --allow-private --db story.db
    """  # noqa: D301
    if allow_private:
        config["ingest"]["allow_private"] = True
    if follow_symlinks:
        config["ingest"]["follow_symlinks"] = True
    if wait is not None:
        config["store"]["lock_wait"] = wait
    try:
        _run(config, inputs, db, report_path, verbose)
    except KeyboardInterrupt:
        # No traceback: stopping a long run is normal, and what is stored stays stored.
        say("interrupted:", "stopped before the end; run the same command again to finish "
                            "(nothing stored is lost)", "yellow")
        sys.exit(EXIT_INTERRUPTED)


def _run(config: Config, inputs: tuple[str, ...], db: str, report_path: str | None,
         verbose: bool) -> None:
    from storyline.pipeline.run import run_pipeline

    with library_errors(), open_store(db) as store:
        # markup=False: nothing in the progress labels is styling.
        columns = (SpinnerColumn(), TextColumn("{task.description}", markup=False), BarColumn(),
                   TextColumn("{task.completed} done"), RateColumn(), TimeElapsedColumn(),
                   TimeRemainingColumn())
        with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
            summary = run_pipeline(store, list(inputs), config, _progress_reporter(bar),
                                   on_message=lambda text: say("note:", text, "cyan"))
        for skip in summary.skipped:
            say("skipped", skip.message(), "yellow")
        if summary.stored == 0 and summary.unchanged == 0:
            say("warning:", "nothing was stored: no input held an article"
                + (" (every input was skipped, see above)" if summary.skipped else
                   "; check the paths and formats (docs/inputs.md)"), "yellow")
        from storyline.render.terminal import run_summary
        from storyline.store.browse import totals

        for line in run_summary(summary.stored, summary.unchanged, len(summary.skipped),
                                totals(store), db):
            click.echo(line)
        if verbose:
            click.echo("steps: " + ", ".join(
                f"{key.replace('_', ' ')} {value}" for key, value in summary.stats.items()))
        if report_path:
            from storyline.render.report import write_report

            write_report(store, Path(report_path), config)
            click.echo(f"report written to {report_path}")
    if summary.skipped:
        sys.exit(EXIT_SKIPPED)


@main.command()
@click.option("--db", required=True, help="Database written by `storyline run`.")
@click.option("--corpus-only", is_flag=True,
              help="Keep each article's cleaning and language analysis; redo only the "
                   "corpus steps (recurring lines, names, provenance, events, narration).")
@click.option("--wait", "wait", type=float, default=None, metavar="SECONDS",
              help="If another run is writing this database, wait this long for it.")
@click.pass_obj
def rebuild(config: Config, db: str, corpus_only: bool, wait: float | None) -> None:
    """Re-analyse everything stored, as if every article had just arrived.

    Use it after changing settings that the stored analysis depends on. Ids of
    events and storylines are kept where the result overlaps the old one.

    \b
    Example:
      storyline --config mine.toml rebuild --db story.db
      storyline rebuild --db story.db --corpus-only
    """  # noqa: D301
    from storyline.pipeline.run import rebuild as rebuild_store

    if wait is not None:
        config["store"]["lock_wait"] = wait
    try:
        with library_errors(), open_existing_store(db) as store:
            summary = rebuild_store(store, config, corpus_only,
                                    on_message=lambda text: say("note:", text, "cyan"))
    except KeyboardInterrupt:
        say("interrupted:", "stopped before the end; `storyline run` or `storyline rebuild` "
                            "on this database finishes it (nothing stored is lost)", "yellow")
        sys.exit(EXIT_INTERRUPTED)
    extra = ", ".join(f"{value} {key}" for key, value in summary.stats.items())
    click.echo(f"{summary.stored} articles re-analysed; {extra}" if extra
               else f"{summary.stored} articles re-analysed")


@main.command()
@click.option("--db", required=True, help="Database written by `storyline run`.")
@click.option("--what", type=click.Choice(["articles", "events", "storylines", "passages",
                                           "quotes", "entities", "coverage", "whatsnew"]),
              required=True, help="Which records to export.")
@click.option("--since", metavar="DATE",
              help="With --what whatsnew: new since this date (YYYY[-MM[-DD]]; default: each "
                   "storyline's last day).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]),
              default="jsonl", show_default=True,
              help="Output format (CSV: contract fields only, lists as JSON strings).")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="File to write; standard output when omitted.")
def export(db: str, what: str, since: str | None, fmt: str, output: str | None) -> None:
    """Export stored records following the export contract (see docs/cli.md).

    \b
    Example:
      storyline export --db story.db --what events --format jsonl -o events.jsonl
      storyline export --db story.db --what articles --format csv > articles.csv
      storyline export --db story.db --what whatsnew --since 2024-03-01
    """  # noqa: D301
    from storyline.render.export import export_records

    if fmt == "parquet" and output is None and sys.stdout.isatty():
        raise click.UsageError("Parquet is binary: give -o FILE or redirect standard output")
    with library_errors(), open_existing_store(db) as store:
        export_records(store, what, fmt, Path(output) if output else None, since=since)


@main.command()
@click.option("--db", required=True, help="Database written by `storyline run`.")
@click.option("--storyline", "storyline_id", help="Only this storyline (an id from the export).")
@click.option("--query", help="Only articles with a sentence containing all these words.")
@click.option("--from", "date_from", help="First date kept: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--to", "date_to", help="Last date kept (inclusive), same forms.")
@click.option("--dates", type=click.IntRange(min=1),
              help="Number of dates L [default: narrate.max_dates].")
@click.option("--sentences", type=click.IntRange(min=1),
              help="Sentences per date K [default: narrate.sentences_per_date].")
@click.option("--format", "fmt", type=click.Choice(["json", "md"]), default="json",
              show_default=True, help="JSON list of {date, sentences} or Markdown.")
@click.pass_obj
def timeline(config: Config, db: str, storyline_id: str | None, query: str | None,
             date_from: str | None, date_to: str | None, dates: int | None,
             sentences: int | None, fmt: str) -> None:
    """Print a dated summary: the most reported dates, each with cited sentences.

    Dates known only to the month are printed as YYYY-MM (no day is invented).

    \b
    Example:
      storyline timeline --db story.db --query "harbour strike" --from 2024-03 --dates 10
      storyline timeline --db story.db --storyline s1 --format md
    """  # noqa: D301
    import json

    from storyline.narrate.timeline import build_timeline, timeline_markdown

    settings = config["narrate"]
    with library_errors(), open_existing_store(db) as store:
        result = build_timeline(
            store, storyline=storyline_id, query=query, date_from=date_from, date_to=date_to,
            max_dates=dates or int(settings["max_dates"]),
            sentences_per_date=sentences or int(settings["sentences_per_date"]),
        )
    if fmt == "md":
        click.echo(timeline_markdown(result), nl=False)
    else:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))


@main.command()
@click.option("--db", required=True, help="Database written by `storyline run`.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True,
              help="HTML file to write (one self-contained file).")
@click.pass_obj
def report(config: Config, db: str, output: str) -> None:
    """Write the self-contained HTML report: storylines, events, articles, timeline.

    \b
    Example:
      storyline report --db story.db -o report.html
    """  # noqa: D301
    from storyline.render.report import write_report

    with library_errors(), open_existing_store(db) as store:
        write_report(store, Path(output), config)
    click.echo(f"report written to {output}")


def db_to_read(function: Callable[..., Any]) -> Callable[..., Any]:
    """Shared option: the database a browsing command reads."""
    return click.option("--db", required=True, help="Database written by `storyline run`.")(
        function)


def table_or_json(function: Callable[..., Any]) -> Callable[..., Any]:
    """Shared option: a readable table (default) or JSON for scripts."""
    return click.option("--format", "fmt", type=click.Choice(["table", "json"]),
                        default="table", show_default=True,
                        help="A table to read, or JSON (the API's fields) for scripts.")(
        function)


def paging(function: Callable[..., Any]) -> Callable[..., Any]:
    """Shared options: which page of a long list, and how long a page is."""
    function = click.option("--page", type=click.IntRange(min=1), default=1,
                            show_default=True, help="Page number.")(function)
    return click.option("--per-page", type=click.IntRange(1, 200), default=20,
                        show_default=True, help="Rows per page.")(function)


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
        kind = resolve_kind(store, current_id(store, record_id))
        if kind is None:
            raise NotFoundError(f"no storyline, event or article {record_id!r} in {db}; "
                                "`storyline storylines --db DB` lists storylines")
        builders: dict[str, tuple[Callable[..., dict[str, Any]], Callable[..., Any]]] = {
                    "storyline": (pages.storyline, terminal.storyline_view),
                    "event": (pages.event, terminal.event_view),
                    "article": (pages.article, terminal.article_view)}
        build, view = builders[kind]
        data = build(store, current_id(store, record_id))
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


@main.group()
def spark() -> None:
    """Run storyline on Apache Spark (needs the extra: pip install "storyline[spark]").

    \b
    Example:
      storyline spark run articles.jsonl --output out/ && storyline import out/ --db story.db
    """  # noqa: D301


@spark.command("run")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--output", type=click.Path(file_okay=False), required=True,
              help="New (or empty) folder for the Parquet tables.")
@click.option("--master", default=None,
              help="Spark master: local[*], local[2], yarn, k8s://HOST:PORT, spark://HOST:7077 "
                   "[default: spark-submit's, else local[*]].")
@click.option("--partitions", type=click.IntRange(min=1), default=None,
              help="Partitions for cleaning and language analysis "
                   "[default: one per 64 articles, at least twice Spark's parallelism].")
@click.option("--db", type=click.Path(dir_okay=False), default=None,
              help="Also keep the SQLite store the corpus steps ran on (a new file).")
@click.pass_obj
def spark_run(config: Config, inputs: tuple[str, ...], output: str, master: str | None,
              partitions: int | None, db: str | None) -> None:
    """Analyse INPUTS (files, folders, URLs, Parquet) with Spark; write Parquet to --output.

    Reading, cleaning and language analysis run on the Spark executors; the corpus
    steps (provenance, events, storylines, narration) on the driver, with the same
    code as `storyline run` (docs/spark.md).

    \b
    Example:
      storyline spark run articles.jsonl more/ --output out/ --master "local[2]"
      spark-submit --master yarn "$(python -m storyline.scale.submit --path)" \\
          hdfs:///news/articles.parquet --output /shared/out/
    """  # noqa: D301
    from storyline.scale.session import INSTALL_HINT, pyspark_available

    if not pyspark_available():
        say("error:", INSTALL_HINT, "red")
        sys.exit(1)
    from storyline.scale.driver import run_spark

    with library_errors():
        columns = (SpinnerColumn(), TextColumn("{task.description}", markup=False),
                   TextColumn("{task.completed} done"), RateColumn(), TimeElapsedColumn())
        with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
            summary = run_spark(list(inputs), Path(output), config, master, partitions,
                                Path(db) if db else None, _progress_reporter(bar))
    for skip in summary.skipped:
        say("skipped", skip.message(), "yellow")
    extra = ", ".join(f"{value} {key}" for key, value in summary.stats.items())
    line = (f"{summary.stored} articles analysed in {summary.partitions} partitions, "
            f"{len(summary.skipped)} skipped")
    click.echo(f"{line}; {extra}" if extra else line)
    click.echo(f"Parquet tables written to {output}")
    if summary.skipped:
        sys.exit(EXIT_SKIPPED)


@main.command("import")
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("--db", required=True, help="New SQLite database to fill.")
def import_command(folder: str, db: str) -> None:
    """Load the output of `storyline spark run` into a database, to browse it locally.

    Export, timeline and report then work on it as after `storyline run`.

    \b
    Example:
      storyline import out/ --db story.db && storyline report --db story.db -o report.html
    """  # noqa: D301
    from storyline.scale.output import import_output

    if Path(db).exists():
        say("error:", f"{db} exists; give a new file for --db", "red")
        sys.exit(1)
    try:
        with library_errors(), open_store(db) as store:
            counts = import_output(Path(folder), store)
    except SystemExit:
        # Nothing was imported: leave no empty database behind to be mistaken for a result.
        for suffix in ("", "-wal", "-shm", ".lock"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        raise
    click.echo(f"{counts.get('articles', 0)} articles, {counts.get('events', 0)} events, "
               f"{counts.get('storylines', 0)} storylines imported into {db}")


def command_help_ok(command: Any) -> bool:
    """True when a command has help text with an example (checked by the tests)."""
    return bool(command.help) and "Example" in command.help


if __name__ == "__main__":
    main()
