"""The atheris fuzz target replays its seeds without a crash (so `scripts/fuzz` stays usable)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parents[1] / "fuzz"


def load(name: str):  # noqa: ANN201
    spec = importlib.util.spec_from_file_location(name, FUZZ / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_fuzz_target_replays_its_seeds(tmp_path: Path) -> None:
    pytest.importorskip("atheris")
    seeds = load("seeds")
    target = load("fuzz_pipeline")
    seeds.main(tmp_path)
    files = sorted(tmp_path.iterdir())
    assert files
    for seed in files:
        target.run_input(seed.read_bytes())
