from __future__ import annotations

import json
import sys
from pathlib import Path

import click
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent))

from storyline_corpus_fixture import corpus_store  # noqa: E402

from storyline.cli import command_help_ok, main  # noqa: E402


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "story.db"
    corpus_store(path).close()
    return str(path)


def test_every_command_has_help_with_an_example() -> None:
    assert command_help_ok(main), "the group itself"
    assert isinstance(main, click.Group)
    missing = [name for name, command in main.commands.items() if not command_help_ok(command)]
    assert not missing, f"commands without help or an Example: {missing}"
    for name in main.commands:
        result = CliRunner().invoke(main, [name, "--help"])
        assert result.exit_code == 0 and "Example:" in result.output


@pytest.mark.parametrize("args", [
    ["export", "--what", "articles"],
    ["timeline"],
    ["report", "-o", "{tmp}/out.html"],
])
def test_missing_database_is_an_error_and_not_created(tmp_path: Path, args: list[str]) -> None:
    missing = tmp_path / "nope.db"
    args = [arg.format(tmp=tmp_path) for arg in args]
    result = CliRunner().invoke(main, [*args, "--db", str(missing)])
    assert result.exit_code == 1
    assert "E005" in result.output or "E005" in (result.stderr or "")
    assert not missing.exists()


def test_export_jsonl_to_stdout(db: str) -> None:
    result = CliRunner().invoke(main, ["export", "--db", db, "--what", "events"])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert [e["event_id"] for e in events] == ["e1", "e2", "e3"]


def test_export_parquet_file(db: str, tmp_path: Path) -> None:
    out = tmp_path / "a.parquet"
    result = CliRunner().invoke(main, ["export", "--db", db, "--what", "articles",
                                       "--format", "parquet", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert pq.read_table(out).num_rows == 6


def test_export_bad_choice_is_usage_error(db: str) -> None:
    result = CliRunner().invoke(main, ["export", "--db", db, "--what", "people"])
    assert result.exit_code == 2


def test_timeline_json_and_md(db: str) -> None:
    result = CliRunner().invoke(main, ["timeline", "--db", db, "--dates", "2",
                                       "--sentences", "1"])
    assert result.exit_code == 0, result.output
    timeline = json.loads(result.stdout)
    assert len(timeline) == 2 and all(len(e["sentences"]) == 1 for e in timeline)
    md = CliRunner().invoke(main, ["timeline", "--db", db, "--format", "md",
                                   "--query", "festival"])
    assert md.exit_code == 0 and md.stdout.startswith("## 2024-05")


def test_timeline_unknown_storyline(db: str) -> None:
    result = CliRunner().invoke(main, ["timeline", "--db", db, "--storyline", "zzz"])
    assert result.exit_code == 1


def test_report(db: str, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", "--db", db, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")
