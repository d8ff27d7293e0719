"""Reading and writing articles, their sentences and per-step bookkeeping."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence

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
                conn.execute("DELETE FROM step_runs WHERE article_id = ?", (article.id,))
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
        yield Article.from_dict(json.loads(row["record"]))


def arrival_order(store: Store) -> dict[str, int]:
    """Return {article id: arrival sequence number} for everything stored."""
    return {row["id"]: row["seq"] for row in store.conn.execute("SELECT id, seq FROM articles")}


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
    for name, version in steps.items():
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
    """
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


def forget_step_work(store: Store, steps: Sequence[str] | None = None) -> None:
    """Forget that ``steps`` (all steps when ``None``) processed any article.

    The next run then redoes that work for every stored article: a full re-analysis.
    """
    with store.transaction() as conn:
        if steps is None:
            conn.execute("DELETE FROM step_runs")
        else:
            conn.executemany("DELETE FROM step_runs WHERE step = ?", [(s,) for s in steps])
