"""Reading and writing the provenance tables (signatures, provenance, passages)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

from storyline.provenance.minhash import decode, encode
from storyline.provenance.passages import Passage, SentenceRow
from storyline.provenance.relations import Roles
from storyline.store.db import Store

_CHUNK = 500  # ids per IN (...) clause, well under SQLite's variable limit


def _chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def arrival_order(store: Store) -> dict[str, int]:
    """Return {article id: arrival sequence number} for everything stored."""
    return {row["id"]: row["seq"] for row in store.conn.execute("SELECT id, seq FROM articles")}


def load_signatures(store: Store, num_perm: int) -> dict[str, list[int] | None]:
    """Return stored digests by article; ``None`` where other parameters made them."""
    rows = store.conn.execute("SELECT article_id, minhash FROM signatures")
    return {row["article_id"]: decode(row["minhash"], num_perm) for row in rows}


def save_signatures(store: Store, digests: Mapping[str, Sequence[int]]) -> None:
    """Insert or replace the digests of the given articles."""
    with store.transaction() as conn:
        conn.executemany(
            "INSERT OR REPLACE INTO signatures (article_id, minhash) VALUES (?, ?)",
            [(article_id, encode(digest)) for article_id, digest in digests.items()],
        )


def current_groups(store: Store, ids: Sequence[str]) -> dict[str, str | None]:
    """Return {article id: duplicate group} for those of ``ids`` that have a row."""
    found: dict[str, str | None] = {}
    for chunk in _chunks(list(ids)):
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
    for chunk in _chunks(sorted(set(group_ids))):
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


def save_roles(store: Store, roles: Mapping[str, Roles]) -> None:
    """Insert or replace the provenance rows of the given articles."""
    with store.transaction() as conn:
        conn.executemany(
            """INSERT OR REPLACE INTO provenance
                   (article_id, duplicate_group, reprint_of, version_of, exact_duplicate_of)
               VALUES (?, ?, ?, ?, ?)""",
            [
                (article_id, r.duplicate_group, r.reprint_of, r.version_of, r.exact_duplicate_of)
                for article_id, r in roles.items()
            ],
        )


def sentences(store: Store, ids: Sequence[str] | None = None) -> Iterator[SentenceRow]:
    """Yield stored sentences (all, or those of the given articles)."""
    query = "SELECT article_id, idx, start, end, text FROM sentences"
    batches: Iterable[Sequence[str] | None] = [None] if ids is None else _chunks(list(ids))
    for chunk in batches:
        if chunk is None:
            rows = store.conn.execute(query)
        else:
            marks = ",".join("?" * len(chunk))
            rows = store.conn.execute(f"{query} WHERE article_id IN ({marks})", tuple(chunk))
        for row in rows:
            yield SentenceRow(row["article_id"], row["idx"], row["start"], row["end"], row["text"])


def replace_passages(store: Store, ids: Sequence[str], passages: Iterable[Passage]) -> int:
    """Drop the passages touching ``ids`` and store the new ones; return how many."""
    rows = [
        (p.a, p.b, p.a_start, p.a_end, p.b_start, p.b_end, p.a_text, p.b_text, p.similarity)
        for p in passages
    ]
    with store.transaction() as conn:
        for chunk in _chunks(list(ids)):
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
