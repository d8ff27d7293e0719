"""Whole tables out of and into a store, for executors that keep their results elsewhere.

The Spark executor writes every table of the store it analysed as Parquet, and
``storyline import`` loads them into a new store, so the exports, the timeline and
the report read the same rows as after a local run. This module only moves rows;
the file format is the caller's business.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from storyline.errors import StoreError
from storyline.store.db import Store
from storyline.store.schema import SCHEMA_VERSION

# Parents before children (foreign keys); any other table of the schema follows, and
# foreign keys are checked at commit. The full-text index is filled by the triggers.
TABLES: tuple[str, ...] = (
    "articles", "sentences", "step_runs", "signatures", "provenance", "passages",
    "storylines", "events", "event_articles", "runs", "skipped",
)
_BATCH = 1_000


def table_names(store: Store) -> list[str]:
    """Every data table of the schema (not SQLite's own, not the full-text index)."""
    rows = store.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'sentences_fts%' ORDER BY rowid")
    found = [row["name"] for row in rows]
    return [name for name in TABLES if name in found] + [n for n in found if n not in TABLES]


@dataclass
class TableRows:
    """One table: its columns (name, declared SQL type) and its rows, a batch at a time."""

    name: str
    columns: list[tuple[str, str]]
    batches: Iterator[list[tuple[Any, ...]]]


def columns_of(store: Store, table: str) -> list[tuple[str, str]]:
    """The columns of ``table`` as (name, declared type), in table order."""
    known = table_names(store)
    if table not in known:
        raise StoreError(f"no table named {table!r}; known: {', '.join(known)}")
    rows = store.conn.execute(f"PRAGMA table_info({table})").fetchall()
    return [(row["name"], str(row["type"]).upper()) for row in rows]


def dump_tables(store: Store) -> Iterator[TableRows]:
    """Every table of ``store`` (see :data:`TABLES`), each read a batch at a time.

    Consume one table's batches before asking for the next table.
    """
    for table in table_names(store):
        columns = columns_of(store, table)
        yield TableRows(table, columns, _batches(store, table, [name for name, _ in columns]))


def _batches(store: Store, table: str, names: list[str]) -> Iterator[list[tuple[Any, ...]]]:
    # rowid order: the order the rows were written (arrival order for articles). A table
    # WITHOUT ROWID (the lookup indexes) has none: its primary key orders it.
    cursor = store.conn.execute(f"SELECT {', '.join(names)} FROM {table} "
                                f"ORDER BY {_order_of(store, table)}")
    while batch := cursor.fetchmany(_BATCH):
        yield [tuple(row) for row in batch]


def _order_of(store: Store, table: str) -> str:
    sql = store.conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                             (table,)).fetchone()["sql"] or ""
    if "WITHOUT ROWID" not in sql.upper():
        return "rowid"
    info = store.conn.execute(f"PRAGMA table_info({table})").fetchall()
    keys = sorted((row["pk"], row["name"]) for row in info if row["pk"])
    return ", ".join(name for _, name in keys)


def is_empty(store: Store) -> bool:
    """True when the store holds no articles and no runs."""
    return not any(store.conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone()
                   for table in ("articles", "runs"))


def load_table(store: Store, table: str, names: Sequence[str],
               batches: Iterable[Sequence[Sequence[Any]]]) -> int:
    """Insert rows into ``table`` of ``store``; the caller holds the transaction.

    Foreign keys are checked when that transaction commits, so tables load in any order.

    The column names come from a file and are checked against the table before they
    reach any SQL.

    Returns:
        Rows inserted.

    Raises:
        StoreError: Unknown table or column (the file is not a storyline output).
    """
    known = {name for name, _ in columns_of(store, table)}
    unknown = [name for name in names if name not in known]
    if unknown:
        raise StoreError(f"table {table} has no column {unknown[0]!r}; the file was not "
                         "written by this storyline version")
    sql = (f"INSERT INTO {table} ({', '.join(names)}) "
           f"VALUES ({', '.join('?' for _ in names)})")
    store.conn.execute("PRAGMA defer_foreign_keys = ON")
    count = 0
    for batch in batches:
        store.conn.executemany(sql, [tuple(row) for row in batch])
        count += len(batch)
    return count


__all__ = ["SCHEMA_VERSION", "TABLES", "TableRows", "columns_of", "dump_tables", "is_empty",
           "load_table", "table_names"]
