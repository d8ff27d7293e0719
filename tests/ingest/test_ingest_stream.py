"""A run consumes ingest as a stream: one input is read while the ones before it are stored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import storyline.pipeline.run as run_module
from storyline.config import load_config
from storyline.model import Article, Skip
from storyline.pipeline.local import LocalExecutor
from storyline.store.db import Store


def test_run_pipeline_does_not_read_all_inputs_before_processing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    produced: list[str] = []

    def counting_inputs(inputs: object, config: object) -> Iterator[Article | Skip]:
        for number in range(100):
            produced.append(str(number))
            yield Article(id=str(number), raw=f"Article number {number}.")

    seen_when_first_arrived: list[int] = []

    def first_only(self, store, articles, on_item=None):  # type: ignore[no-untyped-def]
        next(iter(articles))
        seen_when_first_arrived.append(len(produced))
        return [], []

    monkeypatch.setattr(run_module, "read_inputs", counting_inputs)
    monkeypatch.setattr(LocalExecutor, "run", first_only)
    store = Store(tmp_path / "story.db")
    try:
        run_module.run_pipeline(store, ["anything"], load_config())
    finally:
        store.close()
    assert seen_when_first_arrived == [1]
