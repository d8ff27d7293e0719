"""Parquet inputs: one article per row, read as a JSON Lines record is."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from spark_env import needs_spark

from storyline.config import load_config
from storyline.scale.inputs import is_parquet

TEXT = "The harbour workers voted to end the strike on Tuesday after talks. " * 4


def test_is_parquet(tmp_path: Path) -> None:
    assert is_parquet("hdfs:///news/part.parquet") and is_parquet(str(tmp_path / "x.parquet"))
    folder = tmp_path / "rows"
    folder.mkdir()
    assert not is_parquet(str(folder))
    (folder / "_SUCCESS").write_text("")
    (folder / "part-0.parquet").write_bytes(b"")
    assert is_parquet(str(folder))
    (folder / "notes.jsonl").write_text("{}")
    assert not is_parquet(str(folder))


@needs_spark
def test_parquet_rows_become_articles(tmp_path: Path) -> None:
    from storyline.scale.driver import run_spark

    table = pa.table({
        "id": ["p1", None, "p3"],
        "text": [TEXT, TEXT.replace("Tuesday", "Friday"), None],
        "published": [dt.datetime(2024, 3, 5, 9, 30), None, None],
        "outlet": ["Gazette", "Herald", "Herald"],
    })
    source = tmp_path / "news.parquet"
    pq.write_table(table, source)
    summary = run_spark([str(source)], tmp_path / "out", load_config(), master="local[1]")
    assert summary.stored == 2
    assert [skip.message() for skip in summary.skipped] == [
        f"{source}:3: record has no 'text', 'html' or 'title' field with content; add one"]
    rows = {row["id"]: row for row in
            pq.read_table(tmp_path / "out" / "articles.parquet").to_pylist()}
    assert set(rows) == {"p1", "news.parquet:2"}
    assert rows["p1"]["published"].startswith("2024-03-05")
    assert rows["p1"]["source"] == "Gazette"
