"""A small Spark run (local[2]) equals `storyline run` on the same input; import round-trip."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest
from spark_env import SAMPLE, needs_spark

from storyline.cli import main
from storyline.config import load_config
from storyline.errors import InputError
from storyline.pipeline.run import run_pipeline
from storyline.render.export import export_records
from storyline.scale.compare import event_ari, events, groups
from storyline.scale.output import CONTRACT, import_output
from storyline.store.db import Store

pytestmark = needs_spark


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """The sample through Spark (imported) and through the local executor."""
    from storyline.scale.driver import run_spark

    base = tmp_path_factory.mktemp("spark")
    inputs = sorted(str(p) for p in SAMPLE.iterdir())
    # A bad line and a repeated id: both skipped as the local run skips them.
    bad = base / "extra.jsonl"
    bad.write_text('{"id": "x1", "text": "' + "A line of text about the trams. " * 4 + '"}\n'
                   "not json\n"
                   '{"id": "x1", "text": "the same id again, with enough text to keep."}\n')
    inputs.append(str(bad))
    summary = run_spark(inputs, base / "out", load_config(), master="local[2]", partitions=3)
    with Store(base / "spark.db") as store:
        import_output(base / "out", store)
    with Store(base / "local.db") as store:
        local = run_pipeline(store, inputs, load_config())
    assert summary.stored == local.stored == 10
    assert [s.message() for s in summary.skipped] == [s.message() for s in local.skipped]
    assert [s.message() for s in local.skipped] == [
        f"{bad}:2: invalid JSON (Expecting value); fix or remove this line",
        f"{bad}:3: duplicate id 'x1' (first from {bad}:1); give unique ids"]
    return base / "out", base / "spark.db", base / "local.db"


def test_same_duplicate_groups_and_events(runs: tuple[Path, Path, Path]) -> None:
    _, spark_db, local_db = runs
    assert groups(spark_db) == groups(local_db)
    assert groups(local_db), "the sample has copies"
    assert event_ari(events(spark_db), events(local_db)) == pytest.approx(1.0)


def test_exports_equal_the_local_run(runs: tuple[Path, Path, Path], tmp_path: Path) -> None:
    _, spark_db, local_db = runs
    for what in CONTRACT:
        texts = []
        for db in (spark_db, local_db):
            path = tmp_path / f"{db.stem}.{what}.jsonl"
            with Store(db) as store:
                export_records(store, what, "jsonl", path)
            texts.append(path.read_text())
        assert texts[0] == texts[1], what


def test_contract_files_equal_the_export_of_the_import(runs: tuple[Path, Path, Path],
                                                       tmp_path: Path) -> None:
    out, spark_db, _ = runs
    for what in CONTRACT:
        with Store(spark_db) as store:
            export_records(store, what, "parquet", tmp_path / f"{what}.parquet")
        assert pq.read_table(out / f"{what}.parquet").equals(
            pq.read_table(tmp_path / f"{what}.parquet")), what


def test_import_refuses_a_store_with_data(runs: tuple[Path, Path, Path]) -> None:
    out, spark_db, _ = runs
    with Store(spark_db) as store, pytest.raises(InputError, match="already holds"):
        import_output(out, store)


def test_spark_run_refuses_a_used_output_folder(tmp_path: Path) -> None:
    from storyline.scale.driver import run_spark

    (tmp_path / "old.txt").write_text("x")
    with pytest.raises(InputError, match="not an empty folder"):
        run_spark([str(SAMPLE)], tmp_path, load_config())


def test_import_command_round_trip(runs: tuple[Path, Path, Path], tmp_path: Path) -> None:
    from click.testing import CliRunner

    out, _, _ = runs
    db = tmp_path / "story.db"
    result = CliRunner().invoke(main, ["import", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "10 articles" in result.output
    report = CliRunner().invoke(main, ["report", "--db", str(db), "-o", str(tmp_path / "r.html")])
    assert report.exit_code == 0, report.output
