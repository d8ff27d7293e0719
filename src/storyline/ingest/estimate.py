"""How many records the inputs hold, counted cheaply, so progress can show time left.

Counting must cost little beside reading: a JSONL file is counted by its line breaks
(one pass over its bytes), a page or text file is one record. Inputs whose count
needs parsing (JSON arrays, feeds, CSV with quoted line breaks, WARC, gzip, URLs)
make the estimate unknown rather than wrong.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from storyline.ingest.formats import Format, format_for_name
from storyline.ingest.sources import is_url, walk_files

_CHUNK = 1 << 20


def estimate_records(inputs: Sequence[str], follow_symlinks: bool = False) -> int | None:
    """Records the local ``inputs`` hold, or ``None`` when some cannot be counted cheaply."""
    total = 0
    for given in inputs:
        if is_url(given):
            return None
        path = Path(given).expanduser()
        files = walk_files(path, follow_symlinks) if path.is_dir() else [path]
        for file in files:
            count = _records_in(file)
            if count is None:
                return None
            total += count
    return total


def _records_in(path: Path) -> int | None:
    kind = format_for_name(path.name)
    if kind in (Format.TEXT, Format.HTML):
        return 1
    if kind is not Format.JSONL:
        return None
    try:
        lines = 0
        last = b"\n"
        with open(path, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                lines += chunk.count(b"\n")
                last = chunk[-1:]
    except OSError:
        return None  # reading will report it
    return lines + (last != b"\n")
