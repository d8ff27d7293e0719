"""Stable article ids: the same input read twice gets the same id."""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import urldefrag


def file_id(path: Path, root: Path | None) -> str:
    """Return the id of a whole-file article.

    Args:
        path: The file read.
        root: The directory given on the command line, or ``None`` when the file itself was.

    Returns:
        The path relative to ``root`` (POSIX separators), or the bare file name.
    """
    if root is None:
        return path.name
    return path.relative_to(root).as_posix()


def line_id(base: str, line: int) -> str:
    """Return the id of a record without its own id: ``<base>:<line>``."""
    return f"{base}:{line}"


def hashed_id(key: str, prefix: str = "url") -> str:
    """Return ``<prefix>:<sha1 prefix>`` of a URL or feed guid (fragment dropped)."""
    normalised = urldefrag(key.strip())[0] if "://" in key else key.strip()
    return f"{prefix}:{hashlib.sha1(normalised.encode('utf-8')).hexdigest()[:16]}"
