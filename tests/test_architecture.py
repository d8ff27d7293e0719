"""Stages compute, the executor persists: no SQL, connection or Store outside ``store/``."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "storyline"

# Modules allowed to hold a Store, and why. Everything else gets a CorpusView at most.
EXCEPTIONS: dict[str, str] = {
    "cli/common.py": "opens the store named by --db for the commands",
    "pipeline/run.py": "the executor: builds each corpus step's view and writes its changes",
    "pipeline/local.py": "the record-step executor: stores each batch of records",
}

# Read-side modules (they run after the pipeline and write nothing) that take the open Store
# only to hand it to storyline.store functions: they may import Store, but run no SQL,
# import no sqlite3 and never touch ``.conn``.
STORE_HOLDERS: dict[str, str] = {
    "render/export.py": "export_records takes the Store the CLI opened",
    "render/records.py": "reads export rows through storyline.store functions",
    "render/report.py": "the report reads its records and timeline from the Store",
    "narrate/timeline.py": "the timeline command reads articles through storyline.store",
    "scale/driver.py": "the Spark driver opens the local store the corpus steps run on",
    "scale/compare.py": "reads duplicate groups and events of two stores to compare them",
    "scale/output.py": "writes a store's tables as Parquet and imports them through store/",
    "explore/pages.py": "builds each view from storyline.store.browse reads",
    "explore/listing.py": "pages of storylines and search results from storyline.store.browse",
    "explore/compare.py": "reads two articles' shared passages through storyline.store.browse",
    "web/app.py": "opens the store read-only, one connection per server thread",
    "api.py": "the Python API: a Story holds the Store it opened and hands it to the views",
}


def _violations(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [f"imports {a.name}" for a in node.names if a.name.split(".")[0] == "sqlite3"]
        elif isinstance(node, ast.ImportFrom):
            if (node.module or "").split(".")[0] == "sqlite3":
                found.append("imports sqlite3")
            found += [f"imports Store from {node.module}" for a in node.names if a.name == "Store"]
        elif isinstance(node, ast.Attribute) and node.attr == "conn":
            found.append(f"touches .conn on line {node.lineno}")
    return found


def test_no_sql_outside_store() -> None:
    offenders: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if name.startswith("store/") or name in EXCEPTIONS:
            continue
        found = _violations(path)
        if name in STORE_HOLDERS:
            found = [f for f in found if not f.startswith("imports Store from")]
        if found:
            offenders[name] = found
    assert offenders == {}, "move the SQL into storyline/store (or give the step a CorpusView)"


def test_exceptions_are_still_needed() -> None:
    stale = [name for name in EXCEPTIONS if not _violations(PACKAGE / name)]
    stale += [name for name in STORE_HOLDERS
              if not any(f.startswith("imports Store from") for f in _violations(PACKAGE / name))]
    assert stale == [], f"no longer need an exception: {stale}"

