"""Opening the database: WAL mode, foreign keys, migrations to the current schema."""

from __future__ import annotations

import fcntl
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from storyline.errors import StoreError
from storyline.store.schema import MIGRATIONS, SCHEMA_VERSION

BUSY_TIMEOUT_MS = 10_000


def _read_holder(lock_path: str) -> str:
    """`` (pid N)`` for the lock file's holder, or nothing when it cannot be read."""
    try:
        pid = Path(lock_path).read_text().strip()
    except OSError:
        return ""
    return f" (pid {pid})" if pid.isdigit() else ""


@dataclass
class Reads:
    """What a block read from a store: SQL statements run and article records decoded."""

    statements: int = 0
    records: int = 0


class _Connection(sqlite3.Connection):
    """A connection that counts the statements the store runs, while :meth:`Store.watch` is on.

    Counted here, not by a trace callback: that one also reports the statements SQLite
    runs inside triggers and the full-text index, which depend on the index's layout.
    """

    reads: Reads | None = None

    def execute(self, *args: Any, **kwargs: Any) -> sqlite3.Cursor:  # noqa: D102
        if self.reads is not None:
            self.reads.statements += 1
        return super().execute(*args, **kwargs)

    def executemany(self, *args: Any, **kwargs: Any) -> sqlite3.Cursor:  # noqa: D102
        if self.reads is not None:
            self.reads.statements += 1
        return super().executemany(*args, **kwargs)


class Store:
    """A storyline database. Open one per process; close it (or use ``with``) when done."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        """Open (creating if needed) the database at ``path`` and migrate it.

        Args:
            path: File path, or ``":memory:"`` for a throwaway store.
            read_only: Open an existing file for reading only (the web app): nothing is
                created, migrated or written, and the connection may be used from any
                thread (one at a time).

        Raises:
            StoreError: The file is not a database, or a newer storyline wrote it, or
                (``read_only``) it is missing or from an older storyline.
        """
        self.path = str(path)
        self._depth = 0
        self.reads: Reads | None = None  # counting, inside ``watch()``
        if read_only:
            self._open_read_only()
            return
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, factory=_Connection)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self._enable_wal()
            self.conn.execute("PRAGMA synchronous = NORMAL")
            # A reader that meets a checkpoint, or a writer that meets a reader's snapshot,
            # waits briefly instead of failing with "database is locked".
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open {self.path} as a storyline database: {exc}") from exc

    def _open_read_only(self) -> None:
        if not Path(self.path).is_file():
            raise StoreError(f"no database at {self.path}; create it with `storyline run`")
        try:
            uri = Path(self.path).resolve().as_uri() + "?mode=ro"
            self.conn = sqlite3.connect(uri, uri=True, isolation_level=None,
                                        factory=_Connection, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA query_only = ON")
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open {self.path} as a storyline database: {exc}") from exc
        self._refuse_newer(version)
        if version < SCHEMA_VERSION:
            raise StoreError(f"{self.path} was written by an older storyline; update it once "
                             f"with `storyline storylines --db {self.path}`")

    def _enable_wal(self) -> None:
        # Switching a new file to WAL needs a moment of exclusive access, and SQLite answers
        # "database is locked" at once (no busy handler) while another process opens the
        # same new file; retry for as long as a busy wait would.
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                self.conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError:
                if time.monotonic() >= deadline:
                    raise
                time.sleep(0.01)

    def _refuse_newer(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema version {version}, newer than this storyline "
                f"({SCHEMA_VERSION}); upgrade storyline to read it"
            )

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        self._refuse_newer(version)
        for number in range(version, SCHEMA_VERSION):
            # executescript commits any open transaction first, so the script carries its own.
            try:
                self.conn.executescript(
                    f"BEGIN IMMEDIATE; {MIGRATIONS[number]}; "
                    f"PRAGMA user_version = {number + 1}; COMMIT;"
                )
            except sqlite3.OperationalError:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                # Another process opening the same new file migrated it first.
                if self.conn.execute("PRAGMA user_version").fetchone()[0] <= number:
                    raise

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run a block atomically: everything in it is stored, or nothing is.

        Transactions nest: inside an open one, a block becomes a savepoint, so the
        executor can wrap a whole step (which may open its own blocks) together with
        the record that the step is done, and a crash keeps both or neither.
        """
        if self.conn.in_transaction:
            self._depth += 1
            name = f"sp{self._depth}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute(f"ROLLBACK TO {name}")
                self.conn.execute(f"RELEASE {name}")
                raise
            finally:
                self._depth -= 1
            self.conn.execute(f"RELEASE {name}")
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    @contextmanager
    def writer(
        self, wait: float = 0.0, on_wait: Callable[[str], None] | None = None
    ) -> Iterator[None]:
        """Hold the store's single-writer lock for the block.

        Two runs writing one store would interleave their corpus steps; the second
        one waits up to ``wait`` seconds (calling ``on_wait`` once with a message) and
        then refuses. The lock is an advisory ``flock`` on ``<db>.lock``: the OS drops
        it when the holder dies, even by ``kill -9``, so a crash never leaves it stuck.
        Readers take no lock and are never blocked.

        Raises:
            StoreError: Another process still holds the lock after ``wait`` seconds.
        """
        if self.path == ":memory:":
            yield
            return
        lock_path = f"{self.path}.lock"
        handle = open(lock_path, "a+")  # noqa: SIM115  (held for the whole block)
        try:
            deadline = time.monotonic() + max(wait, 0.0)
            told = False
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    holder = _read_holder(lock_path)
                    if time.monotonic() >= deadline:
                        raise StoreError(
                            f"another storyline run{holder} is writing to {self.path}; "
                            "wait for it to finish, or give --wait SECONDS to queue behind it"
                        ) from None
                    if on_wait and not told:
                        on_wait(f"waiting for another storyline run{holder} to finish "
                                f"writing {self.path} (up to {wait:g} s)")
                        told = True
                    time.sleep(0.2)
            handle.seek(0)
            handle.truncate()
            handle.write(str(os.getpid()))
            handle.flush()
            yield
        finally:
            handle.close()  # closing the file releases the lock

    @contextmanager
    def watch(self) -> Iterator[Reads]:
        """Count the SQL statements run and article records decoded inside the block.

        For tests and benchmarks: a run that adds one article must not read the whole store.
        """
        counted = Reads()
        self.reads = counted
        connection = cast(_Connection, self.conn)
        connection.reads = counted
        try:
            yield counted
        finally:
            connection.reads = None
            self.reads = None

    def data_version(self) -> int:
        """A number that changes when another connection commits (for caches of reads)."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
