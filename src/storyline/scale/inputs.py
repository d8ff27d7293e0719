"""Inputs as a Spark RDD of ``(key, Article | Skip)``, read by the ingest readers themselves.

Each item's key is ``(input number, position in that input)``: sorting by it gives
the order ``storyline run`` reads the same inputs in, so articles are stored in the
same order and get the same ids downstream.

Files, folders and URLs are read by :func:`storyline.ingest.read_inputs`, one task
per input (on a cluster the paths must be readable from every executor: a shared
filesystem). Parquet inputs (a ``.parquet`` file, or a folder of them) are read by
Spark from any filesystem it knows (HDFS, S3, …); each row becomes an Article
through :func:`storyline.ingest.tabular.article_from_record`, as a JSON Lines or
CSV record is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from storyline.config import Config
from storyline.ingest import read_inputs
from storyline.ingest.ids import line_id
from storyline.ingest.limits import Limits
from storyline.ingest.tabular import article_from_record
from storyline.model import Article, Skip

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import SparkSession

Key = tuple[int, int]
Keyed = tuple[Key, Article | Skip]


def is_parquet(given: str) -> bool:
    """True for a Parquet input: a name ending in ``.parquet``, or a folder of such files."""
    if given.rstrip("/").lower().endswith(".parquet"):
        return True
    path = Path(given)
    if "://" in given or not path.is_dir():
        return False
    data = [p for p in path.iterdir() if not p.name.startswith((".", "_"))]
    return bool(data) and all(p.name.lower().endswith(".parquet") for p in data)


def read_rdd(session: SparkSession, inputs: Sequence[str], config: Config) -> RDD[Keyed]:
    """Every article and skip of ``inputs``, keyed by where it comes in the input order."""
    context = session.sparkContext
    parts: list[RDD[Keyed]] = []
    others = [(number, given) for number, given in enumerate(inputs) if not is_parquet(given)]
    if others:
        parts.append(context.parallelize(others, len(others))
                     .flatMap(partial(_read_one, config=config)))
    limits = Limits.from_settings(config["ingest"])
    for number, given in enumerate(inputs):
        if is_parquet(given):
            rows = session.read.parquet(given).rdd.zipWithIndex()
            parts.append(rows.map(partial(_parquet_row, number=number, origin=given,
                                          limits=limits)))
    return context.union(parts) if parts else context.emptyRDD()


def _read_one(numbered: tuple[int, str], config: Config) -> Iterator[Keyed]:
    number, given = numbered
    for position, item in enumerate(read_inputs([given], config)):
        yield (number, position), item


def _parquet_row(row_index: tuple[Any, int], number: int, origin: str,
                 limits: Limits) -> Keyed:
    row, index = row_index
    record = {key: _plain(value) for key, value in row.asDict(recursive=True).items()}
    base = PurePosixPath(origin.rstrip("/")).name
    # Rows are numbered from 1, like lines of a JSON Lines file.
    article = article_from_record(record, origin, line_id(base, index + 1), index + 1, limits)
    return (number, index), article


def _plain(value: Any) -> Any:
    """A Parquet value as JSON would give it: dates and times as ISO text."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value
