"""Reading and writing the provenance tables: signatures, provenance rows, passages, sentences."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from storyline.store.db import Store

T = TypeVar("T")
_CHUNK = 500  # ids per IN (...) clause, well under SQLite's variable limit


@dataclass(frozen=True)
class SentenceRow:
    """One stored sentence: offsets into its article's text."""

    article_id: str
    idx: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Passage:
    """Text shared by articles ``a`` and ``b`` (offsets into each one's text)."""

    a: str
    b: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    a_text: str
    b_text: str
    similarity: float


@dataclass(frozen=True)
class Provenance:
    """Where one stored copy comes from (all ``None`` when provenance did not run)."""

    duplicate_group: str | None = None
    reprint_of: str | None = None
    version_of: str | None = None
    exact_duplicate_of: str | None = None

    @property
    def is_copy(self) -> bool:
        """True for a reprint or an exact duplicate: cite the original instead."""
        return bool(self.reprint_of or self.exact_duplicate_of)


def chunks(ids: Sequence[T]) -> Iterator[Sequence[T]]:
    """``ids`` in slices small enough for one ``IN (...)`` clause."""
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def load_signatures(store: Store) -> dict[str, bytes]:
    """Return the stored MinHash digests (encoded) by article."""
    rows = store.conn.execute("SELECT article_id, minhash FROM signatures")
    return {row["article_id"]: row["minhash"] for row in rows}


def save_signatures(store: Store, digests: Mapping[str, bytes]) -> None:
    """Insert or replace the (encoded) digests of the given articles."""
    with store.transaction() as conn:
        conn.executemany(
            "INSERT OR REPLACE INTO signatures (article_id, minhash) VALUES (?, ?)",
            list(digests.items()),
        )


def load_provenance(store: Store) -> dict[str, Provenance]:
    """Return {article id: provenance} for every article provenance has seen."""
    rows = store.conn.execute(
        "SELECT article_id, duplicate_group, reprint_of, version_of, exact_duplicate_of "
        "FROM provenance"
    )
    return {
        row["article_id"]: Provenance(
            row["duplicate_group"], row["reprint_of"], row["version_of"],
            row["exact_duplicate_of"],
        )
        for row in rows
    }


def provenance_of(store: Store, ids: Sequence[str]) -> dict[str, Provenance]:
    """{article id: provenance} for those of ``ids`` that have a row."""
    found: dict[str, Provenance] = {}
    for chunk in chunks(sorted(set(ids))):
        marks = ",".join("?" * len(chunk))
        rows = store.conn.execute(
            "SELECT article_id, duplicate_group, reprint_of, version_of, exact_duplicate_of "
            f"FROM provenance WHERE article_id IN ({marks})", tuple(chunk))
        found.update((row["article_id"], Provenance(
            row["duplicate_group"], row["reprint_of"], row["version_of"],
            row["exact_duplicate_of"])) for row in rows)
    return found


def duplicate_groups(store: Store) -> dict[str, str]:
    """Article id → its duplicate group (copies of one story), where provenance set one."""
    rows = store.conn.execute(
        "SELECT article_id, duplicate_group FROM provenance WHERE duplicate_group IS NOT NULL"
    )
    return {row["article_id"]: row["duplicate_group"] for row in rows}


def current_groups(store: Store, ids: Sequence[str]) -> dict[str, str | None]:
    """Return {article id: duplicate group} for those of ``ids`` that have a row."""
    found: dict[str, str | None] = {}
    for chunk in chunks(list(ids)):
        marks = ",".join("?" * len(chunk))
        rows = store.conn.execute(
            f"SELECT article_id, duplicate_group FROM provenance WHERE article_id IN ({marks})",
            tuple(chunk),
        )
        found.update((row["article_id"], row["duplicate_group"]) for row in rows)
    return found


def group_members(store: Store, group_ids: Iterable[str]) -> set[str]:
    """Return the ids of every article in the given groups."""
    members: set[str] = set()
    for chunk in chunks(sorted(set(group_ids))):
        marks = ",".join("?" * len(chunk))
        rows = store.conn.execute(
            f"SELECT article_id FROM provenance WHERE duplicate_group IN ({marks})", tuple(chunk)
        )
        members.update(row["article_id"] for row in rows)
    return members


def group_id_taken(store: Store, group_id: str) -> bool:
    """Whether some stored article already carries ``group_id``."""
    row = store.conn.execute(
        "SELECT 1 FROM provenance WHERE duplicate_group = ? LIMIT 1", (group_id,)
    ).fetchone()
    return row is not None


def signatures_of(store: Store, ids: Sequence[str]) -> dict[str, bytes]:
    """The stored (encoded) MinHash digests of the given articles."""
    found: dict[str, bytes] = {}
    for chunk in chunks(list(ids)):
        marks = ",".join("?" * len(chunk))
        rows = store.conn.execute(
            f"SELECT article_id, minhash FROM signatures WHERE article_id IN ({marks})",
            tuple(chunk))
        found.update((row["article_id"], row["minhash"]) for row in rows)
    return found


def bucket_members(store: Store, keys: Iterable[tuple[int, int]], limit: int | None) -> set[str]:
    """Ids in the given LSH (band, bucket)s: in each, the ``limit`` earliest arrivals."""
    found: set[str] = set()
    for band, bucket in sorted(set(keys)):
        rows = store.conn.execute(
            "SELECT b.article_id FROM lsh_buckets b JOIN articles a ON a.id = b.article_id "
            "WHERE b.band = ? AND b.bucket = ? ORDER BY a.seq LIMIT ?",
            (band, bucket, -1 if limit is None else limit))
        found.update(row[0] for row in rows)
    return found


def same_digest(store: Store, keys: Iterable[int]) -> set[str]:
    """Ids of the articles whose whole-digest key is one of ``keys``."""
    found: set[str] = set()
    for chunk in chunks(sorted(set(keys))):
        marks = ",".join("?" * len(chunk))
        rows = store.conn.execute(
            f"SELECT article_id FROM digest_keys WHERE digest IN ({marks})", tuple(chunk))
        found.update(row[0] for row in rows)
    return found


def save_lsh(store: Store, buckets: Mapping[str, Sequence[tuple[int, int]]],
             digests: Mapping[str, int]) -> None:
    """Replace the LSH buckets and whole-digest keys of the given articles."""
    with store.transaction() as conn:
        for chunk in chunks(sorted(set(buckets) | set(digests))):
            marks = ",".join("?" * len(chunk))
            conn.execute(f"DELETE FROM lsh_buckets WHERE article_id IN ({marks})", tuple(chunk))
            conn.execute(f"DELETE FROM digest_keys WHERE article_id IN ({marks})", tuple(chunk))
        conn.executemany(
            "INSERT OR IGNORE INTO lsh_buckets (band, bucket, article_id) VALUES (?, ?, ?)",
            [(band, bucket, article_id) for article_id, keys in buckets.items()
             for band, bucket in keys])
        conn.executemany("INSERT INTO digest_keys (article_id, digest) VALUES (?, ?)",
                         list(digests.items()))


def sentences_sharing(store: Store, phrases: Sequence[str], max_articles: int,
                      max_rows: int) -> Iterator[SentenceRow]:
    """Stored sentences containing one of ``phrases`` (word sequences), by the FTS index.

    The index tokenizes (and stems) phrase and sentence alike, so every sentence holding
    a phrase's words in a row is found (a few more, same stems, may come too). A phrase
    in more than ``max_articles`` articles or ``max_rows`` sentences is a stock phrase:
    none of its sentences is returned, and no more than ``max_rows`` are ever read for it.
    """
    seen: set[tuple[str, int]] = set()
    query = ("SELECT s.article_id, s.idx, s.start, s.end, s.text FROM sentences_fts f "
             "JOIN sentences s ON s.rowid = f.rowid WHERE sentences_fts MATCH ? LIMIT ?")
    for phrase in sorted(set(phrases)):
        if not phrase:
            continue
        try:
            rows = store.conn.execute(
                query, ('"' + phrase.replace('"', '""') + '"', max_rows + 1)).fetchall()
        except sqlite3.OperationalError:
            continue  # a phrase the FTS syntax refuses (none expected: words only)
        if len(rows) > max_rows or len({row["article_id"] for row in rows}) > max_articles:
            continue
        for row in rows:
            key = (row["article_id"], row["idx"])
            if key not in seen:
                seen.add(key)
                yield SentenceRow(row["article_id"], row["idx"], row["start"], row["end"],
                                  row["text"])


def save_provenance(store: Store, rows: Mapping[str, Provenance]) -> None:
    """Insert or replace the provenance rows of the given articles."""
    with store.transaction() as conn:
        conn.executemany(
            """INSERT OR REPLACE INTO provenance
                   (article_id, duplicate_group, reprint_of, version_of, exact_duplicate_of)
               VALUES (?, ?, ?, ?, ?)""",
            [
                (article_id, r.duplicate_group, r.reprint_of, r.version_of, r.exact_duplicate_of)
                for article_id, r in rows.items()
            ],
        )


def sentences(store: Store, ids: Sequence[str] | None = None) -> Iterator[SentenceRow]:
    """Yield stored sentences (all, or those of the given articles)."""
    query = "SELECT article_id, idx, start, end, text FROM sentences"
    batches: Iterable[Sequence[str] | None] = [None] if ids is None else chunks(list(ids))
    for chunk in batches:
        if chunk is None:
            rows = store.conn.execute(query)
        else:
            marks = ",".join("?" * len(chunk))
            rows = store.conn.execute(f"{query} WHERE article_id IN ({marks})", tuple(chunk))
        for row in rows:
            yield SentenceRow(row["article_id"], row["idx"], row["start"], row["end"], row["text"])


def matching_article_ids(store: Store, fts_query: str) -> set[str]:
    """Ids of the articles with a sentence matching the FTS5 query ``fts_query``."""
    rows = store.conn.execute(
        "SELECT DISTINCT s.article_id FROM sentences_fts f "
        "JOIN sentences s ON s.rowid = f.rowid WHERE sentences_fts MATCH ?", (fts_query,))
    return {row[0] for row in rows}


def passage_rows(store: Store) -> list[dict[str, Any]]:
    """Every stored passage's columns, by articles, then start offsets."""
    rows = store.conn.execute(
        "SELECT a, b, a_start, a_end, b_start, b_end, a_text, b_text, similarity FROM passages "
        "ORDER BY a, b, a_start, b_start"
    )
    return [dict(row) for row in rows]


def replace_passages(store: Store, ids: Sequence[str], passages: Iterable[Passage]) -> int:
    """Drop the passages touching ``ids`` and store the new ones; return how many."""
    rows = [
        (p.a, p.b, p.a_start, p.a_end, p.b_start, p.b_end, p.a_text, p.b_text, p.similarity)
        for p in passages
    ]
    with store.transaction() as conn:
        for chunk in chunks(list(ids)):
            marks = ",".join("?" * len(chunk))
            conn.execute(
                f"DELETE FROM passages WHERE a IN ({marks}) OR b IN ({marks})",
                (*chunk, *chunk),
            )
        conn.executemany(
            """INSERT INTO passages (a, b, a_start, a_end, b_start, b_end, a_text, b_text,
                   similarity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            rows,
        )
    return len(rows)


def independence_rows(store: Store, article_ids: Sequence[str]) -> list[dict[str, Any]]:
    """Who reported the given articles: id, copy group, wire, outlet, date, copy links.

    Columns: ``article_id``, ``duplicate_group``, ``wire``, ``source``, ``published``,
    ``reprint_of``, ``exact_duplicate_of``, ``seq`` (arrival order).
    """
    rows: list[dict[str, Any]] = []
    for chunk in chunks(list(dict.fromkeys(article_ids))):
        marks = ",".join("?" * len(chunk))
        found = store.conn.execute(
            f"""SELECT a.id AS article_id, p.duplicate_group AS duplicate_group, a.wire AS wire,
                       a.source AS source, a.published AS published,
                       p.reprint_of AS reprint_of, p.exact_duplicate_of AS exact_duplicate_of,
                       a.seq AS seq
                FROM articles a INDEXED BY articles_listing
                LEFT JOIN provenance p ON p.article_id = a.id
                WHERE a.id IN ({marks})""",
            tuple(chunk),
        )
        rows.extend(dict(row) for row in found)
    return rows
