"""The entry file runs under spark-submit (the way a cluster job is started)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from spark_env import needs_spark


@needs_spark
def test_spark_submit_runs_the_entry_file(tmp_path: Path) -> None:
    submit = shutil.which("spark-submit", path=str(Path(sys.executable).parent))
    if submit is None:
        pytest.skip("no spark-submit beside this Python")
    from storyline.scale import submit as entry

    text = "The council approved the new tram line on Monday after a long debate. " * 5
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": f"a{n}", "text": text, "source": f"s{n}"}) + "\n"
                              for n in range(3)))
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable,
           "PYTHONPATH": str(Path(entry.__file__).parents[2])}
    done = subprocess.run([submit, "--master", "local[1]", entry.__file__, str(source),
                           "--output", str(tmp_path / "out")],
                          env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "3 articles analysed" in done.stdout
    articles = pq.read_table(tmp_path / "out" / "articles.parquet").to_pylist()
    assert sorted(row["id"] for row in articles) == ["a0", "a1", "a2"]
