"""``storyline spark run``: read and run the record steps on Spark, the corpus steps on the driver.

What runs where:

* executors: reading the inputs (the ingest readers), then clean and language in
  ``mapPartitions`` (:mod:`storyline.scale.records`);
* driver: the duplicate-id check (the ingest rule, on ids only), storing the record
  steps' output in input order into a local SQLite store, then every corpus step
  through :func:`storyline.pipeline.run.run_corpus_steps`, exactly as a local run,
  and writing the tables as Parquet (:mod:`storyline.scale.output`).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyline.config import Config
from storyline.errors import InputError
from storyline.ingest.sources import UniqueIds
from storyline.model import Article, Skip
from storyline.pipeline.run import Progress, build_steps, run_corpus_steps
from storyline.scale.inputs import Key, Keyed, read_rdd
from storyline.scale.output import write_output
from storyline.scale.records import run_partition
from storyline.scale.session import start_session
from storyline.store.articles import save_articles
from storyline.store.db import Store
from storyline.store.runs import finish_run, record_skips, start_run

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

BATCH = 64  # articles stored per transaction, as the local executor does
CHUNK = 64  # articles per partition by default, as the local executor's chunks


@dataclass
class SparkSummary:
    """What a Spark run did."""

    stored: int = 0
    skipped: list[Skip] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)
    partitions: int = 0
    record_seconds: float = 0.0  # reading and the record steps on Spark, results stored
    corpus_seconds: float = 0.0  # the corpus steps on the driver


def run_spark(
    inputs: Sequence[str],
    output: Path,
    config: Config,
    master: str | None = None,
    partitions: int | None = None,
    db: Path | None = None,
    progress: Progress | None = None,
) -> SparkSummary:
    """Analyse ``inputs`` with Spark and write the results as Parquet under ``output``.

    Args:
        inputs: Files, folders, URLs and Parquet files or folders.
        output: A folder that does not exist yet or is empty.
        config: Merged configuration.
        master: Spark master URL; ``None`` keeps spark-submit's (``local[*]`` by default).
        partitions: Partitions for the record steps (default: one per 64 articles, at
            least twice Spark's parallelism).
        db: Also keep the SQLite store the corpus steps ran on here (a new file).
        progress: Optional progress reporter.

    Raises:
        InputError: ``output`` holds files already, or ``db`` exists.
        SparkMissingError: pyspark is not installed.
    """
    import storyline.steps  # noqa: F401  (registers the built-in steps)

    if output.exists() and (not output.is_dir() or any(output.iterdir())):
        raise InputError(f"output {output} exists and is not an empty folder; "
                         "give a new folder")
    if db is not None and db.exists():
        raise InputError(f"{db} exists; give a new file for --db (the Spark run makes it)")
    record_steps, corpus_steps = build_steps(config)  # fails early on a bad pipeline
    versions = {step.name: step.version for step in record_steps}
    session = start_session(master)
    work = Path(tempfile.mkdtemp(prefix="storyline-spark-"))
    try:
        summary = SparkSummary()
        started = time.perf_counter()
        results = _record_results(session, inputs, config, partitions, summary)
        with Store(db if db is not None else work / "story.db") as store:
            run_id, _ = start_run(store)
            _store_results(store, results, versions, summary, progress)
            record_skips(store, run_id, summary.skipped)
            summary.record_seconds = time.perf_counter() - started
            summary.stats = run_corpus_steps(store, corpus_steps, progress)
            summary.corpus_seconds = time.perf_counter() - started - summary.record_seconds
            finish_run(store, run_id, {"stored": summary.stored, "unchanged": 0,
                                       "skipped": len(summary.skipped), **summary.stats})
            write_output(store, output)
        return summary
    finally:
        shutil.rmtree(work, ignore_errors=True)
        session.stop()


def _record_results(session: SparkSession, inputs: Sequence[str], config: Config,
                    partitions: int | None, summary: SparkSummary) -> Iterator[Keyed]:
    """Read, drop repeated ids, run the record steps; return the results in input order.

    The ingest skips go to ``summary.skipped`` first. Every Python task costs Spark a
    tenth of a second or more here, so the results are not shuffled again to sort them:
    each partition is a range of input keys (partitions in key order) and comes back
    sorted, so reading the partitions in order gives the input order.
    """
    from pyspark import StorageLevel

    context = session.sparkContext
    read = read_rdd(session, inputs, config).persist(StorageLevel.MEMORY_AND_DISK)
    # One pass gives the skips whole and the articles' ids.
    heads = read.map(_head).collect()
    skips: list[Keyed] = [(key, item) for key, item in heads if isinstance(item, Skip)]
    ids = [(key, *item) for key, item in heads if not isinstance(item, Skip)]
    drop = _repeated_ids(sorted(ids), skips)
    dropped = context.broadcast(drop)
    # Any: pyspark's stubs accept no plain int or tuple as an ordered sort key.
    articles: Any = read.filter(
        lambda kv: isinstance(kv[1], Article) and kv[0] not in dropped.value)
    keys = sorted(key for key, _, _ in ids if key not in drop)
    total = max(1, len(keys))
    # Small partitions (about a local chunk each) keep every core busy to the end.
    count = summary.partitions = partitions or max(2 * context.defaultParallelism,
                                                   -(-total // CHUNK))
    # Contiguous runs of the input per partition, in order, as the local executor's chunks:
    # copies that follow each other in the input meet in one batch (the parse cache).
    # Partition p starts at the key of article ceil(p * total / count).
    bounds = [keys[-(-part * total // count)] for part in range(1, count)] if keys else []
    contiguous = articles.repartitionAndSortWithinPartitions(
        count, partitionFunc=partial(bisect_right, bounds))
    processed: Any = (contiguous.mapPartitions(partial(run_partition, config=config))
                      .mapPartitions(_by_key)
                      .persist(StorageLevel.MEMORY_AND_DISK))
    processed.count()  # every partition at once; then they are fetched one by one, in order
    summary.skipped.extend(skip for _, skip in sorted(skips, key=lambda kv: kv[0])
                           if isinstance(skip, Skip))
    return iter(processed.toLocalIterator())


def _head(keyed: Keyed) -> tuple[Key, Skip | tuple[str, str]]:
    """A skip as it is; an article as its id and origin (all the driver needs of it)."""
    key, item = keyed
    return key, item if isinstance(item, Skip) else (item.id, item.origin)


def _by_key(results: Iterable[Keyed]) -> list[Keyed]:
    """One partition's results sorted by input key (a step's Skip takes an earlier key)."""
    return sorted(results, key=lambda keyed: keyed[0])


def _repeated_ids(ids: list[tuple[Key, str, str]], skips: list[Keyed]) -> set[Key]:
    """Keys of articles whose id an earlier one had; their Skips join ``skips``."""
    unique = UniqueIds()
    drop: set[Key] = set()
    for key, article_id, origin in ids:
        checked = unique.check(Article(id=article_id, origin=origin))
        if isinstance(checked, Skip):
            drop.add(key)
            skips.append((key, checked))
    return drop


def _store_results(store: Store, results: Iterator[Keyed], versions: dict[str, str],
                   summary: SparkSummary, progress: Progress | None) -> None:
    tick: Callable[[], None] | None = progress("Spark: reading, cleaning, language", None) \
        if progress else None
    batch: list[Article] = []
    for _, item in results:
        if tick:
            tick()
        if isinstance(item, Skip):
            summary.skipped.append(item)
            continue
        batch.append(item)
        if len(batch) >= BATCH:
            summary.stored += save_articles(store, batch, versions, fresh=True)
            batch = []
    if batch:
        summary.stored += save_articles(store, batch, versions, fresh=True)
