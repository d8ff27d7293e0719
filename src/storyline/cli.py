"""The command line: thin wrappers that open the store, call one library function each.

Exit codes: 0 success; 1 an error stopped the command; 2 wrong usage;
3 the run finished but some inputs (or lines) were skipped — see the messages.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from storyline.config import Config, load_config
from storyline.errors import StorylineError
from storyline.store.db import Store

EXIT_SKIPPED = 3
err = Console(stderr=True)


@contextmanager
def library_errors() -> Iterator[None]:
    """Turn library errors into one clear line on stderr and exit code 1."""
    try:
        yield
    except StorylineError as exc:
        err.print(f"[red]error:[/red] {exc}", markup=True, highlight=False)
        sys.exit(1)


def open_store(path: str) -> Store:
    """Open the database named by --db."""
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
    """
    with library_errors():
        ctx.obj = load_config(config_path)


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
@click.pass_obj
def run(config: Config, inputs: tuple[str, ...], db: str, report_path: str | None) -> None:
    """Ingest INPUTS (files, folders, URLs) and analyse them: the main job.

    Re-running on the same database adds only what is new and keeps existing ids.

    \b
    Example:
      storyline run ~/scrapes/ feed.xml https://example.org/story --db story.db --report out.html
    """
    from storyline.pipeline.run import run_pipeline

    with library_errors(), open_store(db) as store:
        columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                   TextColumn("{task.completed} done"), TimeElapsedColumn())
        with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
            summary = run_pipeline(store, list(inputs), config, _progress_reporter(bar))
        for skip in summary.skipped:
            err.print(f"[yellow]skipped[/yellow] {skip.message()}", markup=True, highlight=False)
        line = (f"{summary.stored} articles stored, {summary.unchanged} unchanged, "
                f"{len(summary.skipped)} skipped")
        extra = ", ".join(f"{value} {key}" for key, value in summary.stats.items())
        click.echo(f"{line}; {extra}" if extra else line)
        if report_path:
            from storyline.render.report import write_report

            write_report(store, Path(report_path))
            click.echo(f"report written to {report_path}")
    if summary.skipped:
        sys.exit(EXIT_SKIPPED)


def command_help_ok(command: Any) -> bool:
    """True when a command has help text with an example (checked by the tests)."""
    return bool(command.help) and "Example" in command.help
