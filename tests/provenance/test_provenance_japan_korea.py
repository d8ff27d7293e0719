"""Integration: the whole pipeline on the japan-korea dev set (skipped when absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.config import load_config
from storyline.pipeline.run import run_pipeline
from storyline.store.db import Store

DATA = Path(__file__).resolve().parents[2] / "../shared/data/japan-korea"


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, dict]:
    if not (DATA / "expected.json").exists():
        pytest.skip("japan-korea dev data not present")
    store = Store(tmp_path_factory.mktemp("jk") / "store.db")
    run_pipeline(store, [str(DATA)], load_config())
    return store, json.loads((DATA / "expected.json").read_text(encoding="utf-8"))


def _id(store: Store, name: str) -> str:
    row = store.conn.execute("SELECT id FROM articles WHERE origin LIKE ?", (f"%{name}",))
    found = row.fetchone()
    assert found, f"{name} not stored"
    return found["id"]


def _rows(store: Store) -> dict[str, dict]:
    return {r["article_id"]: dict(r) for r in store.conn.execute("SELECT * FROM provenance")}


def test_versions_and_follow_up(analysed: tuple[Store, dict]) -> None:
    store, _ = analysed
    rows = _rows(store)
    first, updated, follow = (_id(store, n) for n in (
        "002_439eda8d834cdb22.txt", "001_fbac82d7d3572f62.txt", "000_fd640aeae62571bb.txt"))
    unrelated = [_id(store, n) for n in ("003_9aa4e507c3327256.txt", "004_e8d3e4019e2f7960.txt")]
    assert rows[updated]["version_of"] == first
    assert rows[updated]["duplicate_group"] == rows[first]["duplicate_group"]
    assert rows[follow]["duplicate_group"] != rows[first]["duplicate_group"]
    groups = {rows[i]["duplicate_group"] for i in [first, follow, *unrelated]}
    assert len(groups) == 4


def test_every_shared_sentence_is_a_passage(analysed: tuple[Store, dict]) -> None:
    store, expected = analysed
    for left, right, fragment in expected["shared_sentences"]:
        a, b = _id(store, left), _id(store, right)
        passages = store.conn.execute(
            "SELECT a_text, b_text FROM passages WHERE (a = ? AND b = ?) OR (a = ? AND b = ?)",
            (a, b, b, a),
        ).fetchall()
        assert any(fragment in p["a_text"] and fragment in p["b_text"] for p in passages), (
            f"no passage between {left} and {right} containing {fragment!r}"
        )
    unrelated = [_id(store, n) for n in ("003_9aa4e507c3327256.txt", "004_e8d3e4019e2f7960.txt")]
    marks = ",".join("?" * len(unrelated))
    count = store.conn.execute(
        f"SELECT COUNT(*) FROM passages WHERE a IN ({marks}) OR b IN ({marks})",
        (*unrelated, *unrelated),
    ).fetchone()[0]
    assert count == 0
