"""Equivalence on the dev sets: identical duplicate groups, event partitions with ARI ≥ 0.99.

Slow (about 11 minutes on 2 shared cores for both sets); skipped without the data.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spark_env import DATA, needs_spark, slow

from storyline.config import load_config
from storyline.scale.compare import compare_runs


@needs_spark
@slow
@pytest.mark.parametrize("name", ["syndication-dev", "ecbplus-dev"])
def test_spark_equals_local_on_dev_set(name: str, tmp_path: Path) -> None:
    source = DATA / name / "articles.jsonl"
    if not source.is_file():
        pytest.skip(f"{source} absent")
    result = compare_runs([str(source)], load_config(), tmp_path)
    print(result)  # the figures, with pytest -s or -rP
    assert result.articles > 500
    assert result.same_groups
    assert result.event_ari >= 0.99
