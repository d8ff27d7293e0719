from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storyline_corpus_fixture import corpus_store  # noqa: E402

from storyline.store.db import Store  # noqa: E402


@pytest.fixture
def store() -> Iterator[Store]:
    """An in-memory store holding the invented fixture corpus."""
    opened = corpus_store()
    yield opened
    opened.close()
