"""Schema migrations. Each entry moves the database one version up; never edit an old one."""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: articles, sentences with full-text search, per-article step bookkeeping, analysis tables.
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        origin TEXT NOT NULL,
        url TEXT,
        content_hash TEXT NOT NULL,
        title TEXT,
        source TEXT,
        wire TEXT,
        published TEXT,
        published_precision TEXT NOT NULL DEFAULT 'unknown',
        published_basis TEXT NOT NULL DEFAULT 'none',
        record TEXT NOT NULL,            -- the whole Article as JSON
        ingested_at TEXT NOT NULL DEFAULT (datetime('now')),
        seq INTEGER NOT NULL             -- arrival order, for stable ids and incremental runs
    );
    CREATE INDEX articles_hash ON articles(content_hash);

    CREATE TABLE sentences (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    );
    CREATE VIRTUAL TABLE sentences_fts USING fts5(
        text, content='sentences', content_rowid='rowid', tokenize='porter unicode61'
    );
    CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
        INSERT INTO sentences_fts(rowid, text) VALUES (new.rowid, new.text);
    END;
    CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
        INSERT INTO sentences_fts(sentences_fts, rowid, text)
        VALUES ('delete', old.rowid, old.text);
    END;

    CREATE TABLE step_runs (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        step TEXT NOT NULL,
        version TEXT NOT NULL,
        PRIMARY KEY (article_id, step)
    );

    CREATE TABLE signatures (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        minhash BLOB NOT NULL
    );

    CREATE TABLE provenance (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        duplicate_group TEXT,
        reprint_of TEXT,
        version_of TEXT,
        exact_duplicate_of TEXT
    );

    CREATE TABLE passages (
        a TEXT NOT NULL, b TEXT NOT NULL,
        a_start INTEGER NOT NULL, a_end INTEGER NOT NULL,
        b_start INTEGER NOT NULL, b_end INTEGER NOT NULL,
        a_text TEXT NOT NULL, b_text TEXT NOT NULL,
        similarity REAL NOT NULL
    );
    CREATE INDEX passages_a ON passages(a);
    CREATE INDEX passages_b ON passages(b);

    CREATE TABLE storylines (
        storyline_id TEXT PRIMARY KEY,
        title TEXT,
        created_at TEXT NOT NULL DEFAULT (datetime('now'))
    );

    CREATE TABLE events (
        event_id TEXT PRIMARY KEY,
        storyline_id TEXT REFERENCES storylines(storyline_id),
        date TEXT,
        date_precision TEXT NOT NULL DEFAULT 'unknown',
        title TEXT,
        summary TEXT NOT NULL DEFAULT '[]',  -- JSON [{text, article_id}]
        created_at TEXT NOT NULL DEFAULT (datetime('now'))
    );

    CREATE TABLE event_articles (
        event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (event_id, article_id)
    );
    CREATE INDEX event_articles_article ON event_articles(article_id);

    CREATE TABLE skipped (
        run_id INTEGER NOT NULL,
        origin TEXT NOT NULL,
        line INTEGER,
        reason TEXT NOT NULL
    );

    CREATE TABLE runs (
        run_id INTEGER PRIMARY KEY AUTOINCREMENT,
        started_at TEXT NOT NULL DEFAULT (datetime('now')),
        finished_at TEXT,
        stats TEXT NOT NULL DEFAULT '{}'
    );
    """,
    # 2: a run's status, so an interrupted run is named as such once a later run finishes its
    # work; corpus steps record their completion per article in step_runs (no new table).
    """
    ALTER TABLE runs ADD COLUMN status TEXT NOT NULL DEFAULT 'running';
    ALTER TABLE runs ADD COLUMN resumed_by INTEGER;
    UPDATE runs SET status = 'finished' WHERE finished_at IS NOT NULL;
    CREATE INDEX step_runs_step ON step_runs(step, version);
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
