"""Each corpus step reads and changes exactly the kinds of stored data it declares."""

from __future__ import annotations

from pathlib import Path

import pytest

import storyline.pipeline.run as run_module
from storyline.config import load_config
from storyline.pipeline.run import CORPUS_STEPS, run_pipeline
from storyline.pipeline.step import CorpusStep, check_access
from storyline.store.changes import Changes
from storyline.store.db import Store
from storyline.store.view import CorpusView

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "storyline" / "sample" / "articles"


@pytest.fixture(scope="module")
def touched() -> dict[str, tuple[CorpusStep, set[str], set[str]]]:
    """Step name → (step, kinds its view recorded, kinds its changes hold) on the sample."""
    seen: dict[str, tuple[CorpusStep, set[str], set[str]]] = {}

    def recording(step: CorpusStep, view: CorpusView, changes: Changes) -> None:
        seen[step.name] = (step, set(view.read), changes.kinds())
        check_access(step, view, changes)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(run_module, "check_access", recording)
        with Store(":memory:") as store:
            run_pipeline(store, [str(SAMPLE)], load_config())
    return seen


@pytest.mark.parametrize("name", CORPUS_STEPS)
def test_declared_reads_are_what_the_step_read(touched, name: str) -> None:
    step, read, _ = touched[name]
    assert read == set(step.reads)


@pytest.mark.parametrize("name", CORPUS_STEPS)
def test_declared_writes_are_what_the_step_changed(touched, name: str) -> None:
    step, _, written = touched[name]
    # The sample has no site boilerplate that recurs: the recurring step only indexes lines.
    expected = {"lines"} if name == "recurring" else set(step.writes)
    assert written == expected


def test_an_undeclared_read_fails_before_anything_is_written() -> None:
    class Sneaky:
        name = "sneaky"
        version = "1"
        requires: tuple[str, ...] = ()
        sets: tuple[str, ...] = ()
        reads: tuple[str, ...] = ()
        writes: tuple[str, ...] = ()

        def run(self, view: CorpusView, pending: list[str]):
            view.provenance()
            return run_module.CorpusResult()

    from storyline.errors import StepError

    with Store(":memory:") as store, pytest.raises(StepError, match="sneaky"):
        run_module.run_corpus_step(store, Sneaky(), [])
