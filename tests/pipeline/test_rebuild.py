"""`storyline rebuild`: a full re-analysis gives what one run over the same inputs gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from kill_harness import EXPORT_KINDS
from synthetic import write_corpus

from storyline.config import load_config
from storyline.pipeline.run import rebuild, run_pipeline
from storyline.render.export import export_records
from storyline.store.db import Store


def exports(store: Store) -> dict[str, list[dict[str, object]]]:
    out: dict[str, list[dict[str, object]]] = {}
    for kind in EXPORT_KINDS:
        path = Path(store.path).with_suffix(f".{kind}.jsonl")
        export_records(store, kind, "jsonl", path)
        out[kind] = [json.loads(line) for line in path.read_text().split("\n") if line]
    return out


def comparable(records: dict[str, list[dict[str, object]]]) -> dict[str, list[dict[str, object]]]:
    """Drop what an incremental history legitimately keeps: ids born in earlier runs, and the
    order in which recurring lines were found."""
    out = {}
    for kind, rows in records.items():
        kept = []
        for row in rows:
            row = {k: v for k, v in row.items() if k != "storyline_id"}
            if isinstance(row.get("removed"), list):
                row["removed"] = sorted(row["removed"], key=json.dumps)
            kept.append(row)
        out[kind] = kept
    return out


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return [str(p) for p in write_corpus(tmp_path_factory.mktemp("in"), articles=60, seed=9)]


@pytest.fixture(scope="module")
def one_go(inputs: list[str], tmp_path_factory: pytest.TempPathFactory):
    with Store(tmp_path_factory.mktemp("one") / "one.db") as store:
        run_pipeline(store, inputs, load_config())
        yield exports(store)


def test_rebuild_of_a_store_built_in_one_go_changes_nothing(
        inputs: list[str], one_go, tmp_path: Path) -> None:
    with Store(tmp_path / "again.db") as store:
        run_pipeline(store, inputs, load_config())
        summary = rebuild(store, load_config())
        assert summary.stored == 60  # every article re-analysed from its input
        assert exports(store) == one_go


def test_incremental_build_then_rebuild_equals_one_go(
        inputs: list[str], one_go, tmp_path: Path) -> None:
    config = load_config()
    with Store(tmp_path / "inc.db") as store:
        run_pipeline(store, inputs[:1], config)
        run_pipeline(store, inputs, config)
        rebuild(store, config, corpus_only=True)
        assert comparable(exports(store)) == comparable(one_go)
