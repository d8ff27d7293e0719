import sqlite3

import pytest

from storyline.errors import StoreError
from storyline.model import Article, Sentence
from storyline.store.articles import load_articles, save_articles
from storyline.store.db import Store
from storyline.store.schema import SCHEMA_VERSION


def test_new_store_is_migrated_and_in_wal_mode(tmp_path):
    with Store(tmp_path / "s.db") as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_newer_schema_is_refused_with_advice(tmp_path):
    path = tmp_path / "s.db"
    sqlite3.connect(path).execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="upgrade storyline"):
        Store(path)


def test_articles_round_trip_and_sentences_are_searchable(tmp_path):
    text = "The council approved the tram line. Work starts in June."
    article = Article(
        id="a1",
        text=text,
        sentences=[Sentence(0, 35, text[:35]), Sentence(36, len(text), text[36:])],
    )
    with Store(tmp_path / "s.db") as store:
        save_articles(store, [article], {"clean": "1"})
        save_articles(store, [article], {"clean": "1"})  # idempotent
        assert [a.id for a in load_articles(store)] == ["a1"]
        hits = store.conn.execute(
            "SELECT text FROM sentences_fts WHERE sentences_fts MATCH 'trams'"
        ).fetchall()
        assert [h[0] for h in hits] == ["The council approved the tram line."]


def test_saving_again_keeps_what_corpus_steps_stored(tmp_path):
    article = Article(id="a1", text="Body.", sentences=[Sentence(0, 5, "Body.")])
    with Store(tmp_path / "s.db") as store:
        save_articles(store, [article], {"clean": "1"})
        store.conn.execute(
            "INSERT INTO provenance (article_id, duplicate_group) VALUES ('a1', 'g')"
        )
        save_articles(store, [article], {})
        assert store.conn.execute("SELECT duplicate_group FROM provenance").fetchone()[0] == "g"


def test_nested_transactions_are_savepoints(tmp_path):
    from storyline.store.db import Store

    with Store(tmp_path / "s.db") as store:
        with store.transaction() as conn:
            conn.execute("INSERT INTO runs DEFAULT VALUES")
            try:
                with store.transaction() as inner:
                    inner.execute("INSERT INTO runs DEFAULT VALUES")
                    raise ValueError
            except ValueError:
                pass
        assert store.conn.execute("SELECT COUNT(*) FROM runs").fetchone()[0] == 1
        try:
            with store.transaction() as conn:
                conn.execute("INSERT INTO runs DEFAULT VALUES")
                with store.transaction() as inner:
                    inner.execute("INSERT INTO runs DEFAULT VALUES")
                raise KeyboardInterrupt
        except KeyboardInterrupt:
            pass
        # The outer block's rollback takes the committed savepoint with it.
        assert store.conn.execute("SELECT COUNT(*) FROM runs").fetchone()[0] == 1


def test_two_stores_opening_a_new_file_at_once_both_migrate(tmp_path):
    import threading

    from storyline.store.db import Store

    errors: list[BaseException] = []

    def open_it() -> None:
        try:
            Store(tmp_path / "new.db").close()
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
