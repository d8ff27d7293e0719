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
    # 3: what a run that adds k articles needs to find without reading the whole store: the
    # newest arrivals (seq), how far each corpus step is complete (a seq watermark), the
    # members of a duplicate group, the stored articles sharing an LSH band bucket or an
    # exact MinHash digest with a new one, and each source's lines (recurring-line counts).
    """
    CREATE INDEX articles_seq ON articles(seq);
    CREATE INDEX articles_source ON articles(source);
    CREATE TABLE step_complete (
        step TEXT NOT NULL,
        version TEXT NOT NULL,
        seq INTEGER NOT NULL,            -- every article with seq <= this is done
        PRIMARY KEY (step, version)
    );
    CREATE INDEX provenance_group ON provenance(duplicate_group);
    CREATE TABLE lsh_buckets (
        band INTEGER NOT NULL,
        bucket INTEGER NOT NULL,          -- hash of the band's rows of the digest
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (band, bucket, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX lsh_buckets_article ON lsh_buckets(article_id);
    CREATE TABLE digest_keys (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        digest INTEGER NOT NULL           -- hash of the whole digest: exact copies
    );
    CREATE INDEX digest_keys_digest ON digest_keys(digest);
    CREATE TABLE source_lines (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        line INTEGER NOT NULL,            -- hash of the line's text
        length INTEGER NOT NULL,
        kept INTEGER NOT NULL,            -- 0: removed from the text as recurring
        PRIMARY KEY (article_id, line)
    ) WITHOUT ROWID;
    CREATE INDEX source_lines_line ON source_lines(source, line);
    CREATE TABLE entity_names (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        label TEXT NOT NULL,
        key TEXT NOT NULL,                -- name_key of the document-level name
        spelling TEXT NOT NULL,
        count INTEGER NOT NULL,           -- mentions in the article
        PRIMARY KEY (article_id, label, spelling)
    ) WITHOUT ROWID;
    CREATE INDEX entity_names_key ON entity_names(key);
    CREATE TABLE entity_terms (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        term TEXT NOT NULL,               -- w:<word> of a full person name, a:<group>:<letters>
        key TEXT NOT NULL,
        PRIMARY KEY (article_id, term, key)
    ) WITHOUT ROWID;
    CREATE INDEX entity_terms_term ON entity_terms(term);
    """,
    # 4: the events step's state, so that a run adding k articles joins them to events
    # without re-reading the corpus: the frozen term space (column and idf of each facet
    # term), each article's weighted vector, entity keys and date evidence, each event's
    # strongest terms and entity keys (postings: which events may take a new article or
    # event), and the ids merged into others (aliases).
    """
    CREATE TABLE event_space (
        facet TEXT NOT NULL,
        term TEXT NOT NULL,
        col INTEGER NOT NULL,             -- column of the weighted vector (all facets)
        idf REAL NOT NULL,
        PRIMARY KEY (facet, term)
    ) WITHOUT ROWID;
    CREATE TABLE event_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE event_features (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        cols BLOB NOT NULL,               -- int32 columns of the weighted vector
        vals BLOB NOT NULL,               -- float64 values
        keys TEXT NOT NULL,               -- JSON list of entity keys
        evidence TEXT NOT NULL            -- JSON of the article's date evidence
    );
    CREATE TABLE event_terms (
        col INTEGER NOT NULL,
        event_id TEXT NOT NULL,
        PRIMARY KEY (col, event_id)
    ) WITHOUT ROWID;
    CREATE INDEX event_terms_event ON event_terms(event_id);
    CREATE TABLE event_keys (
        key TEXT NOT NULL,
        event_id TEXT NOT NULL,
        share REAL NOT NULL,              -- of the event's articles naming the entity
        PRIMARY KEY (key, event_id)
    ) WITHOUT ROWID;
    CREATE INDEX event_keys_event ON event_keys(event_id);
    CREATE INDEX events_storyline ON events(storyline_id);
    CREATE TABLE aliases (
        alias TEXT PRIMARY KEY,           -- an event or storyline id merged into another
        id TEXT NOT NULL
    );
    CREATE INDEX aliases_id ON aliases(id);
    """,
    # 5: browsing (the web app, show, search, the report) reads articles' list columns by id.
    # In the table they sit after the whole record (JSON of the article, raw input included),
    # and reading seq or ingested_at walks its overflow pages: 10x slower than this covering
    # index. The provenance and event tables get the lookups a page makes.
    """
    CREATE INDEX articles_listing ON articles(id, seq, source, wire, published,
        published_precision, ingested_at, title, url);
    CREATE INDEX provenance_reprint ON provenance(reprint_of);
    CREATE INDEX provenance_version ON provenance(version_of);
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
