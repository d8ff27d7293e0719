"""The entities corpus step: one canonical name per entity across all documents."""

from __future__ import annotations

from collections.abc import Sequence

from storyline.config import Config
from storyline.language.entities import canonicalize_across
from storyline.pipeline.step import CorpusResult, register_step
from storyline.store.changes import Changes
from storyline.store.view import CorpusView


@register_step("entities")
class EntitiesStep:
    """Gives "Kishida" in one article the full name another article spells out."""

    name = "entities"
    version = "1"
    requires = ("entities", "quotes")
    sets = ("entities", "quotes")
    reads = ("articles",)
    writes = ("articles", "sentences")

    def __init__(self, config: Config) -> None:
        """No settings yet."""
        self.config = config

    def run(self, view: CorpusView, pending: Sequence[str]) -> CorpusResult:
        """Unify names corpus-wide; the articles whose names changed are stored again."""
        if not pending:
            return CorpusResult(stats={"entity_names_unified": 0})
        changed = canonicalize_across(list(view.articles()))
        # No step versions recorded with them: the record steps' bookkeeping stays as it was.
        return CorpusResult(stats={"entity_names_unified": len(changed)},
                            changes=Changes(articles=changed))
