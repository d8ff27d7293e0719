"""The Parquet output of a Spark run, and ``storyline import`` of it into a SQLite store.

Layout of the output folder::

    articles.parquet  events.parquet  storylines.parquet   the export contract
    passages.parquet  quotes.parquet  entities.parquet     (docs/cli.md), for analysis
    store/<table>.parquet                                   every store table, for import

The contract files are what ``storyline export --format parquet`` writes; the
``store/`` files hold the store's own rows, so an import gives back the very store
the corpus steps produced and ``export``, ``timeline`` and ``report`` work on it.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from storyline.errors import InputError
from storyline.render.export import export_records
from storyline.store.db import Store
from storyline.store.tables import (
    SCHEMA_VERSION,
    dump_tables,
    is_empty,
    load_table,
    table_names,
)

CONTRACT: tuple[str, ...] = ("articles", "events", "storylines", "passages", "quotes",
                             "entities")
STORE_FOLDER = "store"
_VERSION_KEY = b"storyline_schema"
_ARROW_TYPES: dict[str, pa.DataType] = {
    "INTEGER": pa.int64(), "REAL": pa.float64(), "BLOB": pa.binary(), "TEXT": pa.string(),
}


def write_output(store: Store, folder: Path) -> None:
    """Write the contract tables and every store table of ``store`` as Parquet."""
    tables = folder / STORE_FOLDER
    tables.mkdir(parents=True, exist_ok=True)
    for what in CONTRACT:
        export_records(store, what, "parquet", folder / f"{what}.parquet")
    for table in dump_tables(store):
        schema = pa.schema([pa.field(name, _ARROW_TYPES.get(kind, pa.string()))
                            for name, kind in table.columns],
                           metadata={_VERSION_KEY: str(SCHEMA_VERSION).encode()})
        with pq.ParquetWriter(tables / f"{table.name}.parquet", schema) as writer:
            for batch in table.batches:
                columns = list(zip(*batch, strict=True)) if batch else [()] * len(schema)
                writer.write_table(pa.table(
                    [pa.array(values, type=column.type)
                     for values, column in zip(columns, schema, strict=True)],
                    schema=schema))


def import_output(folder: Path, store: Store) -> dict[str, int]:
    """Load the ``store/`` tables of a Spark run's output into an empty ``store``.

    Returns:
        Rows loaded per table.

    Raises:
        InputError: A table file is missing, unreadable or from another schema version,
            or ``store`` already holds data (nothing is written then).
    """
    if not is_empty(store):
        raise InputError(f"{store.path} already holds articles; import into a new file")
    files = {table: folder / STORE_FOLDER / f"{table}.parquet" for table in table_names(store)}
    missing = [str(path) for path in files.values() if not path.is_file()]
    if missing:
        raise InputError(f"{missing[0]} is missing; give the --output folder of "
                         "`storyline spark run`")
    counts: dict[str, int] = {}
    with store.transaction():
        for table, path in files.items():
            try:
                parquet = pq.ParquetFile(path)
            except (OSError, pa.ArrowException) as exc:
                raise InputError(f"{path}: cannot read as Parquet ({exc}); "
                                 "re-run the Spark job") from exc
            version = (parquet.schema_arrow.metadata or {}).get(_VERSION_KEY)
            if version != str(SCHEMA_VERSION).encode():
                raise InputError(f"{path} was written for store schema "
                                 f"{(version or b'?').decode()}, this storyline has "
                                 f"{SCHEMA_VERSION}; import it with the version that wrote it")
            names = parquet.schema_arrow.names
            batches = ([tuple(row[name] for name in names) for row in batch.to_pylist()]
                       for batch in parquet.iter_batches())
            counts[table] = load_table(store, table, names, batches)
    return counts
