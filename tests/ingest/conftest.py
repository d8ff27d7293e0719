from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from storyline.config import Config, load_config
from storyline.ingest import read_inputs
from storyline.model import Article, Skip

FIXTURES = Path(__file__).parent / "fixtures"

Reader = Callable[..., tuple[list[Article], list[Skip]]]


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def read() -> Reader:
    """Run ingest on some inputs and split the stream into articles and skips."""

    def run(inputs: Sequence[str | Path], **ingest: object) -> tuple[list[Article], list[Skip]]:
        config: Config = load_config(overrides={"ingest": dict(ingest)} if ingest else None)
        articles: list[Article] = []
        skips: list[Skip] = []
        for item in read_inputs([str(i) for i in inputs], config):
            if isinstance(item, Article):
                articles.append(item)
            else:
                skips.append(item)
        return articles, skips

    return run
