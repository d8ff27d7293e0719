"""The self-contained HTML report. (stub)"""

from __future__ import annotations

from pathlib import Path

from storyline.store.db import Store


def write_report(store: Store, path: Path) -> None:
    """Write the report for everything in ``store`` to ``path``."""
    path.write_text("<!doctype html><title>storyline</title>", encoding="utf-8")
