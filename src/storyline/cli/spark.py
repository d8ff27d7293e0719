"""`storyline spark`: the Apache Spark executor's commands."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from storyline.cli.commands import main
from storyline.cli.common import (
    EXIT_SKIPPED,
    RateColumn,
    err,
    library_errors,
    progress_reporter,
    say,
)
from storyline.config import Config


@main.group()
def spark() -> None:
    """Run storyline on Apache Spark (needs the extra: pip install "storyline[spark]").

    \b
    Example:
      storyline spark run articles.jsonl --output out/ && storyline import out/ --db story.db
    """  # noqa: D301


@spark.command("run")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--output", type=click.Path(file_okay=False), required=True,
              help="New (or empty) folder for the Parquet tables.")
@click.option("--master", default=None,
              help="Spark master: local[*], local[2], yarn, k8s://HOST:PORT, spark://HOST:7077 "
                   "[default: spark-submit's, else local[*]].")
@click.option("--partitions", type=click.IntRange(min=1), default=None,
              help="Partitions for cleaning and language analysis "
                   "[default: one per 64 articles, at least twice Spark's parallelism].")
@click.option("--db", type=click.Path(dir_okay=False), default=None,
              help="Also keep the SQLite store the corpus steps ran on (a new file).")
@click.pass_obj
def spark_run(config: Config, inputs: tuple[str, ...], output: str, master: str | None,
              partitions: int | None, db: str | None) -> None:
    """Analyse INPUTS (files, folders, URLs, Parquet) with Spark; write Parquet to --output.

    Reading, cleaning and language analysis run on the Spark executors; the corpus
    steps (provenance, events, storylines, narration) on the driver, with the same
    code as `storyline run` (docs/spark.md).

    \b
    Example:
      storyline spark run articles.jsonl more/ --output out/ --master "local[2]"
      spark-submit --master yarn "$(python -m storyline.scale.submit --path)" \\
          hdfs:///news/articles.parquet --output /shared/out/
    """  # noqa: D301
    from storyline.scale.session import INSTALL_HINT, pyspark_available

    if not pyspark_available():
        say("error:", INSTALL_HINT, "red")
        sys.exit(1)
    from storyline.scale.driver import run_spark

    with library_errors():
        columns = (SpinnerColumn(), TextColumn("{task.description}", markup=False),
                   TextColumn("{task.completed} done"), RateColumn(), TimeElapsedColumn())
        with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
            summary = run_spark(list(inputs), Path(output), config, master, partitions,
                                Path(db) if db else None, progress_reporter(bar))
    for skip in summary.skipped:
        say("skipped", skip.message(), "yellow")
    extra = ", ".join(f"{value} {key}" for key, value in summary.stats.items())
    line = (f"{summary.stored} articles analysed in {summary.partitions} partitions, "
            f"{len(summary.skipped)} skipped")
    click.echo(f"{line}; {extra}" if extra else line)
    click.echo(f"Parquet tables written to {output}")
    if summary.skipped:
        sys.exit(EXIT_SKIPPED)


