"""Walks the inputs (paths, folders, URLs) and dispatches each to its reader."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from storyline.config import Config
from storyline.ingest.files import read_file
from storyline.model import Article, Skip

if TYPE_CHECKING:
    from storyline.ingest.web import WebClient


def read_inputs(inputs: Sequence[str], config: Config) -> Iterator[Article | Skip]:
    """Yield one raw Article per document found in ``inputs``, or a Skip with the reason.

    Folders are walked recursively in sorted order (hidden files and folders are
    left out), so the same inputs always give the same articles, ids and order.
    A missing path or a bad file never stops the stream: it becomes a Skip.

    Args:
        inputs: File paths, folder paths and http(s) URLs.
        config: Merged configuration; the ``[ingest]`` section is used.

    Yields:
        Articles with ``id``, ``origin``, ``raw`` and ``raw_format`` set (and ``url``,
        ``title``, ``source``, ``published``, ``language``, ``metadata`` when the
        input gives them), and Skips.
    """
    settings = config["ingest"]
    max_bytes = int(settings["max_bytes"])
    first_origin: dict[str, str] = {}
    client: WebClient | None = None
    try:
        for given in inputs:
            if is_url(given):
                # httpx is imported only when a URL is given: it costs ~0.2 s at start-up.
                from storyline.ingest.web import make_client, read_url

                client = client or make_client(settings)
                items = read_url(given, client, int(settings["http_max_bytes"]))
            else:
                items = _read_path(given, max_bytes)
            for item in items:
                if isinstance(item, Article):
                    if item.id in first_origin:
                        yield Skip(item.origin, f"duplicate id '{item.id}' (first from "
                                                f"{first_origin[item.id]}); give unique ids")
                        continue
                    first_origin[item.id] = item.origin
                yield item
    finally:
        if client is not None:
            client.close()


def is_url(value: str) -> bool:
    """Return True when ``value`` is an http(s) URL rather than a path."""
    return value.lower().startswith(("http://", "https://"))


def _read_path(given: str, max_bytes: int) -> Iterator[Article | Skip]:
    if "://" in given:
        yield Skip(given, "unsupported URL scheme; give a local path or an http(s) URL")
        return
    path = Path(given).expanduser()
    if path.is_dir():
        for file in walk_files(path):
            yield from read_file(file, path, max_bytes)
    elif path.is_file():
        yield from read_file(path, None, max_bytes)
    elif path.exists():
        yield Skip(given, "not a regular file or folder; give a file, folder or URL")
    else:
        yield Skip(given, "no such file or folder; check the path")


def walk_files(root: Path) -> list[Path]:
    """Return the non-hidden files under ``root``, sorted by their relative path."""
    found: list[Path] = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        found.extend(Path(folder, name) for name in names if not name.startswith("."))
    return sorted(found, key=lambda file: file.relative_to(root).as_posix())
