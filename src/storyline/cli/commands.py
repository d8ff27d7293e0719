"""The pipeline's commands: run, rebuild, export, timeline, report, import."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from storyline.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_SKIPPED,
    RateColumn,
    db_to_read,
    err,
    library_errors,
    open_existing_store,
    open_store,
    progress_reporter,
    say,
)
from storyline.config import Config, load_config


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
            summary = run_pipeline(store, list(inputs), config, progress_reporter(bar),
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
@db_to_read
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
@db_to_read
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
@db_to_read
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

    from storyline.narrate.timeline import build_timeline, timeline_markdown, timeline_size

    max_dates, per_date = timeline_size(config["narrate"], dates, sentences)
    with library_errors(), open_existing_store(db) as store:
        result = build_timeline(
            store, storyline=storyline_id, query=query, date_from=date_from, date_to=date_to,
            max_dates=max_dates, sentences_per_date=per_date,
        )
    if fmt == "md":
        click.echo(timeline_markdown(result), nl=False)
    else:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))


@main.command()
@db_to_read
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


