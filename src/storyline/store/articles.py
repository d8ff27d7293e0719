"""Reading and writing articles, their sentences and per-step bookkeeping."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence

from storyline.model import Article
from storyline.store.db import Store


def content_hash(article: Article) -> str:
    """Hash of what was ingested, so the same input twice is recognised as such.

    Call it on the article as ingest made it (later steps fill in the fields hashed here).
    Input metadata counts too: a record whose date or title was corrected is new input.
    """
    given = (article.raw_format, article.raw, article.title, article.url, article.source,
             article.published, article.language)
    return hashlib.sha1("\0".join(str(part) for part in given).encode()).hexdigest()


def known_hashes(store: Store) -> dict[str, str]:
    """Return {article id: content hash} for everything stored."""
    rows = store.conn.execute("SELECT id, content_hash FROM articles")
    return {row["id"]: row["content_hash"] for row in rows}


def stored_hash(store: Store, article_id: str) -> str | None:
    """The content hash stored for ``article_id``, or ``None`` when it is not stored."""
    row = store.conn.execute(
        "SELECT content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row["content_hash"] if row else None


def save_articles(
    store: Store, articles: Iterable[Article], steps: dict[str, str], fresh: bool = False
) -> int:
    """Insert or replace articles, their sentences and the steps they went through.

    Args:
        store: Open store.
        articles: Fully processed records.
        steps: Step name → version that produced them (recorded for resumable runs).
        fresh: The record steps just (re)made these from their input, so every corpus
            step must see them again; False when a corpus step re-saves what it changed.

    Returns:
        How many articles were written.
    """
    count = 0
    with store.transaction() as conn:
        next_seq = conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM articles").fetchone()[0]
        for article in articles:
            existing = conn.execute(
                "SELECT seq, content_hash FROM articles WHERE id = ?", (article.id,))
            row = existing.fetchone()
            seq = row["seq"] if row else next_seq
            if not row:
                next_seq += 1
            new_hash = article.input_hash or content_hash(article)
            if fresh and row:
                # Input (re)processed by the record steps: every corpus step is owed again.
                # The rows stay with no version, so that pending_ids finds them by index.
                conn.execute("UPDATE step_runs SET version = '' WHERE article_id = ?",
                             (article.id,))
            conn.execute("DELETE FROM sentences WHERE article_id = ?", (article.id,))
            conn.execute(
                # An upsert, not REPLACE: replacing would cascade-delete the article's
                # provenance, signatures and event membership.
                """INSERT INTO articles (id, origin, url, content_hash, title, source,
                       wire, published, published_precision, published_basis, record, seq)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(id) DO UPDATE SET origin = excluded.origin, url = excluded.url,
                       content_hash = excluded.content_hash, title = excluded.title,
                       source = excluded.source, wire = excluded.wire,
                       published = excluded.published,
                       published_precision = excluded.published_precision,
                       published_basis = excluded.published_basis, record = excluded.record""",
                (
                    article.id, article.origin, article.url, new_hash,
                    article.title, article.source, article.wire, article.published,
                    article.published_precision, article.published_basis,
                    json.dumps(article.to_dict(), ensure_ascii=False), seq,
                ),
            )
            conn.executemany(
                "INSERT INTO sentences (article_id, idx, start, end, text) VALUES (?, ?, ?, ?, ?)",
                [(article.id, i, s.start, s.end, s.text) for i, s in enumerate(article.sentences)],
            )
            conn.executemany(
                "INSERT OR REPLACE INTO step_runs (article_id, step, version) VALUES (?, ?, ?)",
                [(article.id, name, version) for name, version in steps.items()],
            )
            count += 1
    return count


def update_dates(store: Store, articles: Iterable[Article]) -> None:
    """Write back publication dates that a corpus step (cross-document dating) changed."""
    with store.transaction() as conn:
        for article in articles:
            conn.execute(
                """UPDATE articles SET published = ?, published_precision = ?,
                       published_basis = ?, record = ? WHERE id = ?""",
                (
                    article.published, article.published_precision, article.published_basis,
                    json.dumps(article.to_dict(), ensure_ascii=False), article.id,
                ),
            )


def load_articles(store: Store, ids: Sequence[str] | None = None) -> Iterator[Article]:
    """Yield stored articles in arrival order (all, or those with the given ids)."""
    if ids is None:
        rows = store.conn.execute("SELECT record FROM articles ORDER BY seq")
    else:
        marks = ",".join("?" * len(ids))
        rows = store.conn.execute(
            f"SELECT record FROM articles WHERE id IN ({marks}) ORDER BY seq", tuple(ids)
        )
    for row in rows:
        if store.reads is not None:
            store.reads.records += 1
        yield Article.from_dict(json.loads(row["record"]))


def arrival_order(store: Store) -> dict[str, int]:
    """Return {article id: arrival sequence number} for everything stored."""
    return {row["id"]: row["seq"] for row in store.conn.execute("SELECT id, seq FROM articles")}


def article_count(store: Store) -> int:
    """How many articles are stored."""
    return int(store.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])


def arrivals(store: Store, ids: Sequence[str]) -> dict[str, int]:
    """{article id: arrival sequence number} for those of ``ids`` that are stored."""
    found: dict[str, int] = {}
    unique = sorted(set(ids))
    for start in range(0, len(unique), 500):
        chunk = unique[start:start + 500]
        marks = ",".join("?" * len(chunk))
        rows = store.conn.execute(f"SELECT id, seq FROM articles WHERE id IN ({marks})",
                                  tuple(chunk))
        found.update((row["id"], row["seq"]) for row in rows)
    return found


def sources_of(store: Store, ids: Sequence[str]) -> list[str]:
    """The distinct sources (``None`` left out) of the given articles."""
    marks = ",".join("?" * len(ids))
    rows = store.conn.execute(
        f"SELECT DISTINCT source FROM articles WHERE id IN ({marks}) AND source IS NOT NULL",
        tuple(ids),
    )
    return [row["source"] for row in rows]


def ids_of_source(store: Store, source: str) -> list[str]:
    """Ids of every stored article of ``source``."""
    return [row["id"] for row in
            store.conn.execute("SELECT id FROM articles WHERE source = ?", (source,))]


def outdated_ids(store: Store, steps: dict[str, str]) -> list[str]:
    """Ids of stored articles that some step has not processed at its current version."""
    outdated: list[str] = []
    total = store.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    for name, version in steps.items():
        # Every stored article normally has a row per record step: then the outdated ones
        # are an index range, not a scan of the store.
        recorded = store.conn.execute(
            "SELECT COUNT(*) FROM step_runs WHERE step = ?", (name,)).fetchone()[0]
        if recorded == total:
            rows = store.conn.execute(
                "SELECT article_id AS id FROM step_runs WHERE step = ? AND version != ?",
                (name, version))
            outdated.extend(row["id"] for row in rows)
            continue
        rows = store.conn.execute(
            """SELECT a.id FROM articles a LEFT JOIN step_runs s
                   ON s.article_id = a.id AND s.step = ?
               WHERE s.version IS NULL OR s.version != ?""",
            (name, version),
        )
        outdated.extend(row["id"] for row in rows)
    return sorted(set(outdated))


def pending_ids(store: Store, step: str, version: str) -> list[str]:
    """Ids (in arrival order) of articles that ``step`` has not finished at ``version``.

    A corpus step records its completion per article in the same transaction as its
    results, so this is exactly the work that a killed or interrupted run left undone,
    plus whatever is new.

    Once the step has completed a run (see :func:`mark_complete`), that is every article
    that arrived since, plus those whose row is outdated: two index ranges, whatever the
    size of the store.
    """
    complete = store.conn.execute(
        "SELECT seq FROM step_complete WHERE step = ? AND version = ?", (step, version)
    ).fetchone()
    if complete is not None:
        rows = store.conn.execute(
            """SELECT id, seq FROM articles WHERE seq > ?
               UNION
               SELECT a.id, a.seq FROM step_runs s JOIN articles a ON a.id = s.article_id
               WHERE s.step = ? AND s.version != ?
               ORDER BY seq""",
            (complete["seq"], step, version),
        )
        return [row["id"] for row in rows]
    rows = store.conn.execute(
        """SELECT a.id FROM articles a LEFT JOIN step_runs s
               ON s.article_id = a.id AND s.step = ? AND s.version = ?
           WHERE s.version IS NULL ORDER BY a.seq""",
        (step, version),
    )
    return [row["id"] for row in rows]


def mark_done(store: Store, step: str, version: str, ids: Sequence[str]) -> None:
    """Record that ``step`` at ``version`` has processed ``ids``.

    Call it inside the transaction that writes the step's results.
    """
    with store.transaction() as conn:
        conn.executemany(
            "INSERT OR REPLACE INTO step_runs (article_id, step, version) VALUES (?, ?, ?)",
            [(article_id, step, version) for article_id in ids],
        )


def mark_complete(store: Store, step: str, version: str) -> None:
    """Record that ``step`` at ``version`` has processed every stored article.

    Call it in the transaction of :func:`mark_done`, when the ids marked were everything
    :func:`pending_ids` returned (one writer: nothing arrived in between).
    """
    with store.transaction() as conn:
        conn.execute(
            """INSERT OR REPLACE INTO step_complete (step, version, seq)
               SELECT ?, ?, COALESCE(MAX(seq), 0) FROM articles""",
            (step, version),
        )


def line_holders(store: Store, source: str, keys: Sequence[int]
                 ) -> dict[int, list[tuple[str, bool]]]:
    """Line key → (article id, line still in its text) of the articles of ``source`` holding it."""
    found: dict[int, list[tuple[str, bool]]] = {}
    for start in range(0, len(keys), 500):
        chunk = list(keys[start:start + 500])
        marks = ",".join("?" * len(chunk))
        rows = store.conn.execute(
            f"SELECT line, article_id, kept FROM source_lines WHERE source = ? "
            f"AND line IN ({marks})", (source, *chunk))
        for row in rows:
            found.setdefault(row["line"], []).append((row["article_id"], bool(row["kept"])))
    return found


def article_lines(store: Store, ids: Sequence[str]) -> dict[str, dict[int, int]]:
    """Article id → {line key: length} of every indexed line of the given articles."""
    found: dict[str, dict[int, int]] = {i: {} for i in ids}
    unique = sorted(set(ids))
    for start in range(0, len(unique), 500):
        chunk = unique[start:start + 500]
        marks = ",".join("?" * len(chunk))
        rows = store.conn.execute(
            f"SELECT article_id, line, length FROM source_lines WHERE article_id IN ({marks})",
            tuple(chunk))
        for row in rows:
            found[row["article_id"]][row["line"]] = row["length"]
    return found


def save_source_lines(store: Store,
                      index: Mapping[str, tuple[str, Sequence[tuple[int, int, bool]]]]) -> None:
    """Replace the line index of the given articles (source, then (key, length, kept))."""
    with store.transaction() as conn:
        conn.executemany("DELETE FROM source_lines WHERE article_id = ?",
                         [(i,) for i in index])
        conn.executemany(
            "INSERT OR REPLACE INTO source_lines (article_id, source, line, length, kept) "
            "VALUES (?, ?, ?, ?, ?)",
            [(i, source, key, length, int(kept)) for i, (source, lines) in index.items()
             for key, length, kept in lines])


def forget_step_work(store: Store, steps: Sequence[str] | None = None) -> None:
    """Forget that ``steps`` (all steps when ``None``) processed any article.

    The next run then redoes that work for every stored article: a full re-analysis.
    """
    with store.transaction() as conn:
        if steps is None:
            conn.execute("DELETE FROM step_runs")
            conn.execute("DELETE FROM step_complete")
        else:
            conn.executemany("DELETE FROM step_runs WHERE step = ?", [(s,) for s in steps])
            conn.executemany("DELETE FROM step_complete WHERE step = ?", [(s,) for s in steps])
        if steps is None or "events" in steps:
            # Without its fit the events step clusters everything afresh, not a join.
            conn.execute("DELETE FROM event_meta")
