"""The entity table: each article's document-level names, for corpus-wide canonical names.

The entities step resolves a short or variant name against the whole corpus (the most
frequent spelling of a name, the one full name containing a surname, the one expansion of
an acronym). These tables let it ask those questions of the store by key, so that a run
adding k articles reads the rows of the names they mention, not every article.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from storyline.store.db import Store
from storyline.store.provenance import chunks

NameRow = tuple[str, str, str, int]
"""(label, name key, spelling, mentions) of one document-level name in one article."""
TermRow = tuple[str, str]
"""(term, name key): ``w:<word>`` of a full person name, ``a:<group>:<letters>`` an acronym."""


def spelling_counts(store: Store, keys: Iterable[str]) -> dict[str, Counter[str]]:
    """Name key → {spelling: mentions} over every article."""
    found: dict[str, Counter[str]] = {}
    for chunk in chunks(sorted(set(keys))):
        marks = ",".join("?" * len(chunk))
        rows = store.conn.execute(
            f"SELECT key, spelling, SUM(count) AS n FROM entity_names WHERE key IN ({marks}) "
            "GROUP BY key, spelling", tuple(chunk))
        for row in rows:
            found.setdefault(row["key"], Counter())[row["spelling"]] += row["n"]
    return found


def term_counts(store: Store, terms: Iterable[str]) -> dict[str, Counter[str]]:
    """Term → {name key: articles holding the term for that key}."""
    found: dict[str, Counter[str]] = {}
    for chunk in chunks(sorted(set(terms))):
        marks = ",".join("?" * len(chunk))
        rows = store.conn.execute(
            f"SELECT term, key, COUNT(*) AS n FROM entity_terms WHERE term IN ({marks}) "
            "GROUP BY term, key", tuple(chunk))
        for row in rows:
            found.setdefault(row["term"], Counter())[row["key"]] += row["n"]
    return found


def entity_rows(store: Store, ids: Sequence[str]) -> dict[str, tuple[list[NameRow], list[TermRow]]]:
    """Article id → its stored (names, terms), for those of ``ids`` that have rows."""
    found: dict[str, tuple[list[NameRow], list[TermRow]]] = {}
    for chunk in chunks(sorted(set(ids))):
        marks = ",".join("?" * len(chunk))
        for row in store.conn.execute(
                "SELECT article_id, label, key, spelling, count FROM entity_names "
                f"WHERE article_id IN ({marks})", tuple(chunk)):
            found.setdefault(row["article_id"], ([], []))[0].append(
                (row["label"], row["key"], row["spelling"], row["count"]))
        for row in store.conn.execute(
                f"SELECT article_id, term, key FROM entity_terms WHERE article_id IN ({marks})",
                tuple(chunk)):
            found.setdefault(row["article_id"], ([], []))[1].append((row["term"], row["key"]))
    return found


def name_holders(store: Store, keys: Iterable[str]) -> set[str]:
    """Ids of the articles mentioning a name with one of ``keys``."""
    found: set[str] = set()
    for chunk in chunks(sorted(set(keys))):
        marks = ",".join("?" * len(chunk))
        rows = store.conn.execute(
            f"SELECT DISTINCT article_id FROM entity_names WHERE key IN ({marks})", tuple(chunk))
        found.update(row[0] for row in rows)
    return found


def save_entity_rows(store: Store,
                     rows: Mapping[str, tuple[list[NameRow], list[TermRow]]]) -> None:
    """Replace the entity-table rows of the given articles."""
    with store.transaction() as conn:
        for chunk in chunks(sorted(rows)):
            marks = ",".join("?" * len(chunk))
            conn.execute(f"DELETE FROM entity_names WHERE article_id IN ({marks})", tuple(chunk))
            conn.execute(f"DELETE FROM entity_terms WHERE article_id IN ({marks})", tuple(chunk))
        conn.executemany(
            "INSERT OR REPLACE INTO entity_names (article_id, label, key, spelling, count) "
            "VALUES (?, ?, ?, ?, ?)",
            [(i, *name) for i, (names, _) in rows.items() for name in names])
        conn.executemany(
            "INSERT OR IGNORE INTO entity_terms (article_id, term, key) VALUES (?, ?, ?)",
            [(i, *term) for i, (_, terms) in rows.items() for term in terms])
