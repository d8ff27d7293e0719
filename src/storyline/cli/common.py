"""What every command shares: one-line messages, library errors, opening the store, options.

Messages are plain text, one line each, on stderr: they carry paths, ids and titles from
the inputs, which must never be read as rich markup or wrapped. Rich only draws the
progress display, and only when stderr is a terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import Progress, ProgressColumn, Task
from rich.text import Text

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


class RateColumn(ProgressColumn):
    """Items per second of a task, so a long run shows how fast it goes."""

    def render(self, task: Task) -> Text:
        """Render ``12.3/s`` (blank until rich has measured a speed)."""
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f}/s" if speed else "", style="progress.data.speed")


def progress_reporter(progress: Progress) -> Callable[[str, int | None], Callable[[], None]]:
    """A pipeline progress callback drawing one rich task per label, with its rate."""
    def start(label: str, total: int | None) -> Callable[[], None]:
        task = progress.add_task(label, total=total)
        return lambda: progress.advance(task)

    return start


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


def command_help_ok(command: Any) -> bool:
    """True when a command has help text with an example (checked by the tests)."""
    return bool(command.help) and "Example" in command.help


