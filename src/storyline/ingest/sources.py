"""Walks the inputs and dispatches each file or URL to its reader. (stub)"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from storyline.config import Config
from storyline.model import Article, Skip


def read_inputs(inputs: Sequence[str], config: Config) -> Iterator[Article | Skip]:
    """Yield one raw Article per document found in ``inputs``, or a Skip with the reason."""
    for given in inputs:
        root = Path(given)
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        for path in files:
            if path.suffix != ".txt":
                continue
            rel = path.relative_to(root).as_posix() if root.is_dir() else path.name
            yield Article(id=rel, origin=str(path), raw=path.read_text(encoding="utf-8"))
