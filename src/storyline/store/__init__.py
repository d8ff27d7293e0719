"""The SQLite store every stage reads from and writes to."""

from storyline.store.db import Store

__all__ = ["Store"]
