"""What a corpus step changed, and writing it: the only way a corpus step alters the store."""

from __future__ import annotations

from dataclasses import dataclass, field

from storyline.model import Article
from storyline.store.articles import save_articles, save_source_lines, update_dates
from storyline.store.db import Store
from storyline.store.entities import NameRow, TermRow, save_entity_rows
from storyline.store.event_state import EventState, save_event_state
from storyline.store.events import (
    EventRow,
    save_event_texts,
    save_events,
    save_storyline_titles,
)
from storyline.store.provenance import (
    Passage,
    Provenance,
    replace_passages,
    save_lsh,
    save_provenance,
    save_signatures,
)


@dataclass
class Changes:
    """Everything one corpus step wants written; empty fields change nothing."""

    articles: list[Article] = field(default_factory=list)
    """Articles to store again (record and sentences)."""
    article_steps: dict[str, str] = field(default_factory=dict)
    """Step name → version recorded with :attr:`articles` (re-annotated records)."""
    source_lines: dict[str, tuple[str, list[tuple[int, int, bool]]]] = field(
        default_factory=dict)
    """Article → (source, its (line key, length, kept) lines): the recurring-line index."""
    entity_rows: dict[str, tuple[list[NameRow], list[TermRow]]] = field(default_factory=dict)
    """Article → its entity-table rows (names, terms), replacing any it had."""
    dates: list[Article] = field(default_factory=list)
    """Articles whose publication date changed (record and date columns only)."""
    signatures: dict[str, bytes] = field(default_factory=dict)
    """Encoded MinHash digests to insert or replace."""
    lsh_buckets: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    """Article → its LSH (band, bucket) keys, replacing any it had (kind ``signatures``)."""
    digest_keys: dict[str, int] = field(default_factory=dict)
    """Article → the hash of its whole digest (exact copies), replacing any it had."""
    provenance: dict[str, Provenance] = field(default_factory=dict)
    """Provenance rows to insert or replace."""
    passages_for: list[str] | None = None
    """Articles whose passages are replaced by :attr:`passages` (``None``: none)."""
    passages: list[Passage] = field(default_factory=list)
    events: list[EventRow] | None = None
    """The whole new event and storyline assignment (``None``: unchanged)."""
    event_texts: dict[str, tuple[str | None, str]] = field(default_factory=dict)
    """Event id → (title, summary JSON)."""
    storyline_titles: dict[str, str | None] = field(default_factory=dict)
    event_state: EventState | None = None
    """The events step's state, and (when :attr:`events` is ``None``) the events it changed."""

    def kinds(self) -> set[str]:
        """The kinds of stored data (see ``storyline.store.view.KINDS``) this changes."""
        found: set[str] = set()
        if self.articles:
            found.update(("articles", "sentences"))
        if self.dates:
            found.add("articles")
        if self.source_lines:
            found.add("lines")
        if self.entity_rows:
            found.add("entities")
        if self.signatures or self.lsh_buckets or self.digest_keys:
            found.add("signatures")
        if self.provenance:
            found.add("provenance")
        if self.passages_for is not None:
            found.add("passages")
        if self.events is not None:
            found.update(("events", "storylines"))
        if self.event_texts:
            found.add("events")
        if self.storyline_titles:
            found.add("storylines")
        if self.event_state is not None:
            found.update(("events", "storylines"))
        return found


def apply_changes(store: Store, changes: Changes) -> None:
    """Write ``changes`` to ``store`` in one transaction (nested in the caller's, if open)."""
    with store.transaction():
        if changes.articles:
            # Re-annotated by the record steps (recurring lines): later corpus steps owe them.
            save_articles(store, changes.articles, changes.article_steps,
                          fresh=bool(changes.article_steps))
        if changes.entity_rows:
            save_entity_rows(store, changes.entity_rows)
        if changes.source_lines:
            save_source_lines(store, changes.source_lines)
        if changes.dates:
            update_dates(store, changes.dates)
        if changes.signatures:
            save_signatures(store, changes.signatures)
        if changes.lsh_buckets or changes.digest_keys:
            save_lsh(store, changes.lsh_buckets, changes.digest_keys)
        if changes.provenance:
            save_provenance(store, changes.provenance)
        if changes.passages_for is not None:
            replace_passages(store, changes.passages_for, changes.passages)
        if changes.events is not None:
            save_events(store, changes.events)
        if changes.event_state is not None:
            save_event_state(store, changes.event_state)
        if changes.event_texts:
            save_event_texts(store, changes.event_texts)
        if changes.storyline_titles:
            save_storyline_titles(store, changes.storyline_titles)
