"""Walks the inputs (paths, folders, URLs) and dispatches each to its reader."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from storyline.config import Config
from storyline.ingest.files import read_file
from storyline.ingest.limits import Limits, one_line
from storyline.ingest.walk import walk_folder
from storyline.model import Article, Skip

if TYPE_CHECKING:
    from storyline.ingest.web import WebClient


def read_inputs(inputs: Sequence[str], config: Config) -> Iterator[Article | Skip]:
    """Yield one raw Article per document found in ``inputs``, or a Skip with the reason.

    Folders are walked recursively in sorted order (hidden files and folders are
    left out), so the same inputs always give the same articles, ids and order.
    A missing path or a bad file never stops the stream: it becomes a Skip, and so does
    any unexpected error of a reader (for the rest of that file only). Files are read one
    at a time, as the stream is consumed.

    Args:
        inputs: File paths, folder paths and http(s) URLs.
        config: Merged configuration; the ``[ingest]`` section is used.

    Yields:
        Articles with ``id``, ``origin``, ``raw`` and ``raw_format`` set (and ``url``,
        ``title``, ``source``, ``published``, ``language``, ``metadata`` when the
        input gives them), and Skips.
    """
    settings = config["ingest"]
    limits = Limits.from_settings(settings)
    unique = UniqueIds()
    client: WebClient | None = None
    try:
        for given in inputs:
            if is_url(given):
                # httpx is imported only when a URL is given: it costs ~0.2 s at start-up.
                from storyline.ingest.web import make_client, read_url

                client = client or make_client(settings)
                items = read_url(given, client, int(settings["http_max_bytes"]))
            else:
                items = _read_path(given, limits)
            for item in guarded(items, given):
                yield unique.check(item)
    finally:
        if client is not None:
            client.close()


class UniqueIds:
    """Keeps the first article of each id; a later one becomes a Skip naming the first."""

    def __init__(self) -> None:
        """Start with no ids seen."""
        self.first_origin: dict[str, str] = {}

    def check(self, item: Article | Skip) -> Article | Skip:
        """Return ``item``, or a Skip when an earlier article had its id."""
        if not isinstance(item, Article):
            return item
        if item.id in self.first_origin:
            return Skip(item.origin, f"duplicate id '{item.id}' (first from "
                                     f"{self.first_origin[item.id]}); give unique ids")
        self.first_origin[item.id] = item.origin
        return item


def is_url(value: str) -> bool:
    """Return True when ``value`` is an http(s) URL rather than a path."""
    return value.lower().startswith(("http://", "https://"))


def guarded(items: Iterable[Article | Skip], origin: str) -> Iterator[Article | Skip]:
    """Pass ``items`` on; an unexpected error of the reader ends that input with a Skip.

    What was yielded before the error is kept; the run goes on with the next input.
    """
    iterator = iter(items)
    while True:
        try:
            item = next(iterator)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001  (any reader bug must cost one input only)
            yield Skip(origin, f"unexpected {type(exc).__name__} while reading "
                               f"({one_line(exc)}); the rest of this input is skipped, "
                               "please report it with the file")
            return
        yield item


def _read_path(given: str, limits: Limits) -> Iterator[Article | Skip]:
    if "://" in given:
        yield Skip(given, "unsupported URL scheme; give a local path or an http(s) URL")
        return
    path = Path(given).expanduser()
    if path.is_dir():
        for file in walk_folder(path, limits.follow_symlinks):
            if isinstance(file, Skip):
                yield file
            else:
                yield from guarded(read_file(file, path, limits), str(file))
    elif path.is_file():
        yield from guarded(read_file(path, None, limits), str(path))
    elif path.exists():
        yield Skip(given, "not a regular file or folder; give a file, folder or URL")
    else:
        yield Skip(given, "no such file or folder; check the path")


def walk_files(root: Path, follow_symlinks: bool = False) -> list[Path]:
    """Return the files under ``root`` that a run reads, sorted by their relative path."""
    return [item for item in walk_folder(root, follow_symlinks) if isinstance(item, Path)]
