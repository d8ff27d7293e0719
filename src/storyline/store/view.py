"""The read-only corpus view: all a corpus step sees of the store.

A corpus step gets a :class:`CorpusView`, never the store: it reads through the view's
methods and hands its results back as :class:`~storyline.store.changes.Changes`, which the
executor writes. The view notes which kinds of stored data a step read, so that what a
step declares (``reads``) can be checked against what it did.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence

from storyline.model import Article
from storyline.store import articles as _articles
from storyline.store import entities as _entities
from storyline.store import event_state as _state
from storyline.store import events as _events
from storyline.store import provenance as _provenance
from storyline.store.db import Store
from storyline.store.entities import NameRow, TermRow
from storyline.store.event_state import FeatureRow
from storyline.store.provenance import Provenance, SentenceRow

KINDS: tuple[str, ...] = (
    "articles", "sentences", "signatures", "provenance", "passages", "events", "storylines",
    "lines", "entities",
)
"""The kinds of stored data a corpus step can read or change."""


class CorpusView:
    """Read-only access to a store for one corpus step, recording what it reads."""

    def __init__(self, store: Store) -> None:
        """Wrap ``store``; :attr:`read` starts empty."""
        self._store = store
        self.read: set[str] = set()

    # Articles -----------------------------------------------------------------------------

    def articles(self, ids: Sequence[str] | None = None) -> Iterator[Article]:
        """Stored articles in arrival order (all, or those with the given ids)."""
        self.read.add("articles")
        return _articles.load_articles(self._store, ids)

    def arrival_order(self) -> dict[str, int]:
        """{article id: arrival sequence number} for everything stored."""
        self.read.add("articles")
        return _articles.arrival_order(self._store)

    def article_count(self) -> int:
        """How many articles are stored."""
        self.read.add("articles")
        return _articles.article_count(self._store)

    def arrivals(self, ids: Sequence[str]) -> dict[str, int]:
        """{article id: arrival sequence number} for those of ``ids`` that are stored."""
        self.read.add("articles")
        return _articles.arrivals(self._store, ids)

    def sources_of(self, ids: Sequence[str]) -> list[str]:
        """The distinct sources of the given articles."""
        self.read.add("articles")
        return _articles.sources_of(self._store, ids)

    def ids_of_source(self, source: str) -> list[str]:
        """Ids of every stored article of ``source``."""
        self.read.add("articles")
        return _articles.ids_of_source(self._store, source)

    def line_holders(self, source: str, keys: Sequence[int]
                     ) -> dict[int, list[tuple[str, bool]]]:
        """Line key → (article id, line still in its text) of ``source``'s articles."""
        self.read.add("lines")
        return _articles.line_holders(self._store, source, keys)

    def article_lines(self, ids: Sequence[str]) -> dict[str, dict[int, int]]:
        """Article id → {line key: length} of the given articles' indexed lines."""
        self.read.add("lines")
        return _articles.article_lines(self._store, ids)

    def sentences(self, ids: Sequence[str] | None = None) -> Iterator[SentenceRow]:
        """Stored sentences (all, or those of the given articles)."""
        self.read.add("sentences")
        return _provenance.sentences(self._store, ids)

    # Entity table -------------------------------------------------------------------------

    def spelling_counts(self, keys: Iterable[str]) -> dict[str, Counter[str]]:
        """Name key → {spelling: mentions} over every article."""
        self.read.add("entities")
        return _entities.spelling_counts(self._store, keys)

    def term_counts(self, terms: Iterable[str]) -> dict[str, Counter[str]]:
        """Term → {name key: articles holding it} (full-name words, acronyms)."""
        self.read.add("entities")
        return _entities.term_counts(self._store, terms)

    def entity_rows(self, ids: Sequence[str]) -> dict[str, tuple[list[NameRow], list[TermRow]]]:
        """Article id → its stored entity-table rows (names, terms)."""
        self.read.add("entities")
        return _entities.entity_rows(self._store, ids)

    def name_holders(self, keys: Iterable[str]) -> set[str]:
        """Ids of the articles mentioning a name with one of ``keys``."""
        self.read.add("entities")
        return _entities.name_holders(self._store, keys)

    # Provenance ---------------------------------------------------------------------------

    def signatures(self) -> dict[str, bytes]:
        """Stored (encoded) MinHash digests by article."""
        self.read.add("signatures")
        return _provenance.load_signatures(self._store)

    def signatures_of(self, ids: Sequence[str]) -> dict[str, bytes]:
        """Stored (encoded) MinHash digests of the given articles."""
        self.read.add("signatures")
        return _provenance.signatures_of(self._store, ids)

    def bucket_members(self, keys: Iterable[tuple[int, int]], limit: int | None) -> set[str]:
        """Ids stored in the given LSH (band, bucket)s, the ``limit`` earliest of each."""
        self.read.add("signatures")
        return _provenance.bucket_members(self._store, keys, limit)

    def same_digest(self, keys: Iterable[int]) -> set[str]:
        """Ids of stored articles whose whole-digest key is one of ``keys``."""
        self.read.add("signatures")
        return _provenance.same_digest(self._store, keys)

    def sentences_sharing(self, phrases: Sequence[str], max_articles: int, max_rows: int
                          ) -> Iterator[SentenceRow]:
        """Stored sentences holding one of ``phrases`` (full-text index), stock phrases out.

        A stock phrase is in over ``max_articles`` articles or ``max_rows`` sentences.
        """
        self.read.add("sentences")
        return _provenance.sentences_sharing(self._store, phrases, max_articles, max_rows)

    def provenance_of(self, ids: Sequence[str]) -> dict[str, Provenance]:
        """{article id: provenance row} for those of ``ids`` that have one."""
        self.read.add("provenance")
        return _provenance.provenance_of(self._store, ids)

    def provenance(self) -> dict[str, Provenance]:
        """{article id: provenance row} for every article provenance has seen."""
        self.read.add("provenance")
        return _provenance.load_provenance(self._store)

    def duplicate_groups(self) -> dict[str, str]:
        """Article id → its duplicate group, where provenance set one."""
        self.read.add("provenance")
        return _provenance.duplicate_groups(self._store)

    def current_groups(self, ids: Sequence[str]) -> dict[str, str | None]:
        """{article id: duplicate group} for those of ``ids`` that have a provenance row."""
        self.read.add("provenance")
        return _provenance.current_groups(self._store, ids)

    def group_members(self, group_ids: Iterable[str]) -> set[str]:
        """Ids of every article in the given duplicate groups."""
        self.read.add("provenance")
        return _provenance.group_members(self._store, group_ids)

    def group_id_taken(self, group_id: str) -> bool:
        """Whether some stored article already carries ``group_id``."""
        self.read.add("provenance")
        return _provenance.group_id_taken(self._store, group_id)

    # Events and storylines ----------------------------------------------------------------

    def event_members(self) -> dict[str, set[str]]:
        """Event id → ids of its articles."""
        self.read.add("events")
        return _events.event_members(self._store)

    def event_members_in_order(self) -> dict[str, list[str]]:
        """Event id → ids of its articles in arrival order."""
        self.read.update(("events", "articles"))
        return _events.event_members_in_order(self._store)

    def storyline_members(self) -> dict[str, set[str]]:
        """Storyline id → ids of its events."""
        self.read.add("events")
        return _events.storyline_members(self._store)

    def event_texts(self) -> list[tuple[str, str | None, str]]:
        """(event id, title, summary JSON) of every stored event."""
        self.read.add("events")
        return _events.event_texts(self._store)

    def storyline_events(self) -> list[tuple[str, str | None, str | None, str | None]]:
        """(storyline id, its title, event id, event title) per storyline and event."""
        self.read.update(("storylines", "events"))
        return _events.storyline_events(self._store)

    # The events step's state (see storyline.store.event_state) ----------------------------

    def event_meta(self) -> dict[str, str]:
        """How the stored event space was fitted (empty: never)."""
        self.read.add("events")
        return _state.event_meta(self._store)

    def space_columns(self, terms: Mapping[str, Iterable[str]]
                      ) -> dict[tuple[str, str], tuple[int, float]]:
        """(facet, term) → (column, idf) of the given terms the stored space knows."""
        self.read.add("events")
        return _state.space_columns(self._store, terms)

    def feature_rows(self, ids: Sequence[str]) -> dict[str, FeatureRow]:
        """Article id → its stored event features, for those of ``ids`` that have them."""
        self.read.add("events")
        return _state.feature_rows(self._store, ids)

    def events_with_terms(self, cols: Iterable[int]) -> set[str]:
        """Events counting one of ``cols`` among their strongest terms."""
        self.read.add("events")
        return _state.events_with_terms(self._store, cols)

    def events_of_articles(self, ids: Sequence[str]) -> dict[str, str]:
        """Article id → the event holding it, for those of ``ids`` in one."""
        self.read.add("events")
        return _state.events_of_articles(self._store, ids)

    def members_of_events(self, event_ids: Iterable[str]) -> dict[str, list[str]]:
        """Event id → its article ids in arrival order, for the given events."""
        self.read.update(("events", "articles"))
        return _state.members_of_events(self._store, event_ids)

    def event_rows_of(self, event_ids: Iterable[str]
                      ) -> dict[str, tuple[str | None, str | None, str]]:
        """Event id → (storyline id, date, date precision), for the given events."""
        self.read.add("events")
        return _state.event_rows_of(self._store, event_ids)

    def event_titles(self, event_ids: Iterable[str]) -> dict[str, str]:
        """Event id → its title, for the given events that have one."""
        self.read.add("events")
        return _state.event_titles(self._store, event_ids)

    def events_of_storylines(self, storyline_ids: Iterable[str]) -> dict[str, list[str]]:
        """Storyline id → its event ids, for the given storylines."""
        self.read.add("events")
        return _state.events_of_storylines(self._store, storyline_ids)

    def key_shares(self, event_ids: Iterable[str]) -> dict[str, dict[str, float]]:
        """Event id → {entity key: share of its articles naming it}."""
        self.read.add("events")
        return _state.key_shares(self._store, event_ids)

    def key_counts(self, keys: Iterable[str]) -> dict[str, int]:
        """Entity key → how many stored events name it."""
        self.read.add("events")
        return _state.key_counts(self._store, keys)

    def events_with_keys(self, keys: Iterable[str]) -> dict[str, set[str]]:
        """Entity key → the stored events naming it."""
        self.read.add("events")
        return _state.events_with_keys(self._store, keys)

    def event_sizes(self, event_ids: Iterable[str]) -> dict[str, int]:
        """Event id → how many articles it holds, for the given events."""
        self.read.add("events")
        return _state.event_sizes(self._store, event_ids)

    def event_count(self) -> int:
        """How many events are stored."""
        self.read.add("events")
        return _state.event_count(self._store)
