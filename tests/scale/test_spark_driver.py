"""The record phase on Spark: results in input order, with few Python tasks.

Each Python task costs Spark a tenth of a second or more on a small machine, so the
record phase must not pass its results through Python again (a global sort did: four
passes over the inputs and four over the partitions, half of them one job at a time).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from spark_env import SAMPLE, needs_spark

from storyline.config import load_config
from storyline.ingest import read_inputs
from storyline.model import Article

pytestmark = needs_spark

TEXT = "The harbour workers voted to end the strike on Tuesday after talks. " * 4


@pytest.fixture(scope="module")
def session() -> Iterator[Any]:
    from storyline.scale.session import start_session

    spark = start_session("local[2]")
    yield spark
    spark.stop()


def completed_tasks(spark: Any) -> int:
    tracker = spark.sparkContext.statusTracker()
    total = 0
    for job in tracker.getJobIdsForGroup(None):
        info = tracker.getJobInfo(job)
        for stage in info.stageIds if info else ():
            stage_info = tracker.getStageInfo(stage)
            total += stage_info.numCompletedTasks if stage_info else 0
    return total


def test_results_come_in_input_order_with_two_python_passes(session: Any,
                                                             tmp_path: Path) -> None:
    from storyline.scale.driver import SparkSummary, _record_results

    # A Parquet input first: Spark reads it apart from the files, yet it comes first.
    rows = tmp_path / "rows.parquet"
    pq.write_table(pa.table({"id": ["p1", "p2"], "text": [TEXT, TEXT + " Again."]}), rows)
    inputs = [str(rows), *sorted(str(p) for p in SAMPLE.iterdir())]
    config = load_config()
    before = completed_tasks(session)
    summary = SparkSummary()
    results = list(_record_results(session, inputs, config, 4, summary))
    tasks = completed_tasks(session) - before

    files = [a.id for a in read_inputs(inputs[1:], config) if isinstance(a, Article)]
    expected = ["p1", "p2", *files]
    assert [item.id for _, item in results if isinstance(item, Article)] == expected
    assert [key for key, _ in results] == sorted(key for key, _ in results)
    # Reading (one task per input) and the shuffle into partitions: 2 per input, plus one
    # numbering the Parquet rows; the record steps and the fetch (cached bytes, no Python):
    # 2 per partition. The global sort ran 49 here.
    assert tasks <= 2 * len(inputs) + 1 + 2 * summary.partitions, tasks
