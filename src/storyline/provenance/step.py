"""The provenance corpus step. (stub)"""

from __future__ import annotations

from collections.abc import Sequence

from storyline.config import Config
from storyline.pipeline.step import CorpusResult, register_step
from storyline.store.db import Store


@register_step("provenance")
class ProvenanceStep:
    """Corpus-level provenance analysis."""

    name = "provenance"
    version = "0"
    requires = ("sentences",)
    sets: tuple[str, ...] = ()

    def __init__(self, config: Config) -> None:
        self.config = config

    def run(self, store: Store, new_ids: Sequence[str]) -> CorpusResult:
        """Update the analysis for the whole store."""
        return CorpusResult()
