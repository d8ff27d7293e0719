"""Opening the database: WAL mode, foreign keys, migrations to the current schema."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from storyline.errors import StoreError
from storyline.store.schema import MIGRATIONS, SCHEMA_VERSION


class Store:
    """A storyline database. Open one per process; close it (or use ``with``) when done."""

    def __init__(self, path: str | Path) -> None:
        """Open (creating if needed) the database at ``path`` and migrate it.

        Args:
            path: File path, or ``":memory:"`` for a throwaway store.

        Raises:
            StoreError: The file is not a database, or a newer storyline wrote it.
        """
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open {self.path} as a storyline database: {exc}") from exc

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema version {version}, newer than this storyline "
                f"({SCHEMA_VERSION}); upgrade storyline to read it"
            )
        for number in range(version, SCHEMA_VERSION):
            # executescript commits any open transaction first, so the script carries its own.
            self.conn.executescript(
                f"BEGIN; {MIGRATIONS[number]}; PRAGMA user_version = {number + 1}; COMMIT;"
            )

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run a block atomically: everything in it is stored, or nothing is."""
        self.conn.execute("BEGIN")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
