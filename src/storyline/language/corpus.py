"""The entities corpus step: one canonical name per entity across all documents."""

from __future__ import annotations

from collections.abc import Sequence

from storyline.config import Config
from storyline.language.entities import canonicalize_across
from storyline.pipeline.step import CorpusResult, register_step
from storyline.store.articles import load_articles, save_articles
from storyline.store.db import Store


@register_step("entities")
class EntitiesStep:
    """Gives "Kishida" in one article the full name another article spells out."""

    name = "entities"
    version = "1"
    requires = ("entities", "quotes")
    sets = ("entities", "quotes")

    def __init__(self, config: Config) -> None:
        """No settings yet."""
        self.config = config

    def run(self, store: Store, new_ids: Sequence[str]) -> CorpusResult:
        """Unify names corpus-wide and store the articles whose names changed."""
        if not new_ids:
            return CorpusResult(stats={"entity_names_unified": 0})
        changed = canonicalize_across(list(load_articles(store)))
        if changed:
            save_articles(store, changed, {})  # the record steps' bookkeeping stays as it was
        return CorpusResult(stats={"entity_names_unified": len(changed)}, changed=changed)
