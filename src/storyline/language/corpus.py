"""The entities corpus step: one canonical name per entity across all documents.

Incremental: each article's document-level names are kept in the entity table (see
``storyline.store.entities``). A run recomputes the pending articles, works out which
name keys resolve differently once their names are counted (a new most frequent
spelling, a new or lost full name containing a surname, a new acronym expansion), and
re-resolves only the stored articles mentioning those keys. The result equals
:func:`~storyline.language.entities.canonicalize_across` over the whole corpus.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from storyline.config import Config
from storyline.language.entities import apply_corpus_names, document_names
from storyline.language.names import (
    ACRONYM_GROUPS,
    PERSON_LABEL,
    acronyms_of,
    as_acronym,
    contains_words,
    maximal,
    name_key,
    words_of,
)
from storyline.model import Article
from storyline.pipeline.step import CorpusResult, register_step
from storyline.store.changes import Changes
from storyline.store.entities import NameRow, TermRow
from storyline.store.view import CorpusView


def entity_rows(article: Article) -> tuple[list[NameRow], list[TermRow]]:
    """The entity-table rows of an article whose mentions carry document-level names."""
    counts: Counter[tuple[str, str]] = Counter(
        (m.label, " ".join(m.canonical.split())) for m in article.entities)
    names = sorted((label, name_key(spelling), spelling, n)
                   for (label, spelling), n in counts.items())
    terms: set[TermRow] = set()
    for mention in article.entities:
        key = name_key(mention.canonical)
        if mention.label == PERSON_LABEL and len(words_of(mention.canonical)) >= 2:
            terms.update((f"w:{word}", key) for word in key.split())
        group = ACRONYM_GROUPS.get(mention.label)
        if group is not None:
            terms.update((f"a:{group}:{letters}", key) for letters in
                         acronyms_of(mention.canonical))
    return names, sorted(terms)


class TableNames:
    """Corpus names from the stored entity table, with some articles' rows replaced.

    ``minus`` are the stored rows of the pending articles, ``plus`` their new rows: the
    tables then answer as if built from every article's current names.
    """

    def __init__(self, view: CorpusView,
                 minus: Iterable[tuple[list[NameRow], list[TermRow]]],
                 plus: Iterable[tuple[list[NameRow], list[TermRow]]]) -> None:
        """Collect the replaced rows' counts; stored counts are read when asked for."""
        self.view = view
        self.spell_delta: dict[str, Counter[str]] = {}
        self.term_delta: dict[str, Counter[str]] = {}
        self.labels: dict[str, set[str]] = {}  # labels the replaced rows give each key
        for sign, rows in ((-1, minus), (1, plus)):
            for names, terms in rows:
                for label, key, spelling, n in names:
                    self.spell_delta.setdefault(key, Counter())[spelling] += sign * n
                    self.labels.setdefault(key, set()).add(label)
                for term, key in terms:
                    self.term_delta.setdefault(term, Counter())[key] += sign
        self._spellings: dict[str, Counter[str]] = {}
        self._terms: dict[str, Counter[str]] = {}
        self.cache: dict[tuple[str, str], str] = {}

    def prefetch(self, keys: Iterable[str], terms: Iterable[str]) -> None:
        """Read the stored counts of many keys and terms at once."""
        keys = [k for k in set(keys) if k not in self._spellings]
        terms = [t for t in set(terms) if t not in self._terms]
        stored = self.view.spelling_counts(keys) if keys else {}
        for key in keys:
            self._spellings[key] = stored.get(key, Counter())
        held = self.view.term_counts(terms) if terms else {}
        for term in terms:
            self._terms[term] = held.get(term, Counter())

    def counts(self, key: str, delta: bool = True) -> Counter[str]:
        """{spelling: mentions} of ``key``, with (or without) the replaced rows."""
        self.prefetch([key], [])
        total = Counter(self._spellings[key])
        if delta:
            total.update(self.spell_delta.get(key, Counter()))
        return Counter({s: n for s, n in total.items() if n > 0})

    def term(self, term: str, delta: bool = True) -> set[str]:
        """Keys holding ``term``, with (or without) the replaced rows."""
        self.prefetch([], [term])
        total = Counter(self._terms[term])
        if delta:
            total.update(self.term_delta.get(term, Counter()))
        return {key for key, n in total.items() if n > 0}

    def spelling(self, key: str, delta: bool = True) -> str | None:
        """The most frequent spelling of ``key`` (ties: first in sorted order)."""
        found = self.counts(key, delta)
        if not found:
            return None
        return sorted(found.items(), key=lambda item: (-item[1], item[0]))[0][0]

    def resolve(self, label: str, name: str, delta: bool = True) -> str:
        """The corpus name of a document name (as ``_CorpusNames`` resolves it)."""
        cache_key = (label, name) if delta else ("-" + label, name)
        if cache_key not in self.cache:
            self.cache[cache_key] = self._resolve(label, name, delta)
        return self.cache[cache_key]

    def _resolve(self, label: str, name: str, delta: bool) -> str:
        name = self.spelling(name_key(name), delta) or name
        if label == PERSON_LABEL:
            words = words_of(name)
            if not words:
                return name
            full = sorted({self.spelling(key, delta) or key
                           for key in self.term(f"w:{words[0]}", delta)
                           if contains_words(key.split(), words)})
            candidates = maximal(full)
            return candidates[0] if len(candidates) == 1 else name
        letters = as_acronym(name)
        group = ACRONYM_GROUPS.get(label)
        if letters and group:
            expansions = {self.spelling(key, delta) or key
                          for key in self.term(f"a:{group}:{letters}", delta)}
            if len(expansions) == 1:
                return next(iter(expansions))
        return name


def _runs(key: str) -> set[str]:
    """Every shorter contiguous run of the words of ``key`` (the names it can complete)."""
    words = key.split()
    return {" ".join(words[i:j]) for i in range(len(words))
            for j in range(i + 1, len(words) + 1)} - {key}


def affected_keys(names: TableNames) -> set[str]:
    """Name keys that resolve differently with the replaced rows than without them."""
    check: dict[str, set[str]] = {}
    for key, labels in names.labels.items():
        check.setdefault(key, set()).update(labels)
        # A full name gained, lost or respelt changes the names made of its words.
        for run in _runs(key):
            check.setdefault(run, set()).add(PERSON_LABEL)
    for term in names.term_delta:
        if term.startswith("a:"):
            _, group, letters = term.split(":", 2)
            check.setdefault(letters.casefold(), set()).update(
                label for label, grouped in ACRONYM_GROUPS.items() if grouped == group)
    names.prefetch(check, [])
    spelled = {key: (names.spelling(key, delta=False), names.spelling(key)) for key in check}
    wanted: set[str] = set()
    for pair in spelled.values():
        for name in (n for n in pair if n is not None):
            words = words_of(name)
            if words:
                wanted.add(f"w:{words[0]}")
            initials = as_acronym(name)
            if initials:
                wanted.update(f"a:{group}:{initials}" for group in set(ACRONYM_GROUPS.values()))
    names.prefetch([], wanted)
    changed: set[str] = set()
    for key in sorted(check):
        before, after = spelled[key]
        if before != after or after is not None and any(
                names.resolve(label, after) != names.resolve(label, after, delta=False)
                for label in sorted(check[key])):
            changed.add(key)
    return changed


@register_step("entities")
class EntitiesStep:
    """Gives "Kishida" in one article the full name another article spells out."""

    name = "entities"
    # 2: keeps the entity table (older stores are indexed again once).
    version = "2"
    requires = ("entities", "quotes")
    sets = ("entities", "quotes")
    reads = ("articles", "entities")
    writes = ("articles", "sentences", "entities")

    def __init__(self, config: Config) -> None:
        """No settings yet."""
        self.config = config

    def run(self, view: CorpusView, pending: Sequence[str]) -> CorpusResult:
        """Unify names corpus-wide; the articles whose names changed are stored again."""
        if not pending:
            return CorpusResult(stats={"entity_names_unified": 0})
        new = list(view.articles(pending))
        states = {a.id: document_names(a) for a in new}
        rows = {a.id: entity_rows(a) for a in new}
        stored = view.entity_rows([a.id for a in new])
        names = TableNames(view, stored.values(), rows.values())
        names.prefetch({key for names_, _ in rows.values() for _, key, _, _ in names_},
                       {term for _, terms in rows.values() for term, _ in terms})
        others = sorted(view.name_holders(affected_keys(names)) - set(states))
        for article in view.articles(others):
            new.append(article)
            states[article.id] = document_names(article)
        changed = [a for a in new if apply_corpus_names(a, *states[a.id], names.resolve)]
        # No step versions recorded with them: the record steps' bookkeeping stays as it was.
        return CorpusResult(stats={"entity_names_unified": len(changed)},
                            changes=Changes(articles=changed, entity_rows=rows))
