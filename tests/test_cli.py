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

from storyline.cli import command_help_ok, main, one_line  # noqa: E402
from storyline.errors import StoreError  # noqa: E402
from storyline.store.db import Store  # noqa: E402


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
    ["storylines"],
    ["show", "sl-1"],
    ["search", "tram"],
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


def _markup_like_input(tmp_path: Path) -> tuple[Path, str]:
    """A JSON lines file whose path (300+ characters), ids and titles look like rich markup."""
    # "/" cannot be in a file name: the "[/]" spans a folder and the file.
    folder = tmp_path / ("n" * 120 + "[") / ("][bold] [ingest] " + "m" * 100)
    folder.mkdir(parents=True)
    path = folder / "story [bold] [ingest].jsonl"
    good = {"id": "id-[/]-[bold]", "title": "Strike [/] ends [bold] after [ingest] talks",
            "text": "The harbour strike ended on Monday after talks. " * 5}
    path.write_text(json.dumps(good) + "\n{not json\n", encoding="utf-8")
    return path, good["title"]


def test_run_messages_are_plain_text_one_line_each(tmp_path: Path) -> None:
    path, title = _markup_like_input(tmp_path)
    assert len(str(path)) > 300 and "[/]" in str(path)
    report = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["run", str(path), "--db", str(tmp_path / "s.db"),
                                       "--report", str(report)])
    assert result.exit_code == 3, result.output
    assert report.is_file() and title in report.read_text(encoding="utf-8")
    (skipped,) = result.stderr.splitlines()  # one message, on one line, not wrapped
    assert skipped.startswith(f"skipped {path}:2: ")
    assert skipped.endswith("; fix or remove this line")
    assert "report written to" in result.stdout


def test_one_line_escapes_what_would_break_a_line() -> None:
    assert one_line("plain [bold] [/] [ingest] text") == "plain [bold] [/] [ingest] text"
    assert one_line("a\nb\r\x1b[31mc\udcff") == "a\\nb\\r\\x1b[31mc\\udcff"


def test_ctrl_c_during_run_is_one_line_and_exit_130(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("storyline.pipeline.run.run_pipeline", interrupted)
    result = CliRunner().invoke(main, ["run", str(tmp_path), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 130
    (line,) = result.stderr.splitlines()
    assert line.startswith("interrupted: ")
    assert line.endswith("run the same command again to finish (nothing stored is lost)")
    assert "Traceback" not in result.output


def test_store_error_during_run_is_one_line_and_exit_1(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def locked(path: str) -> None:
        raise StoreError(f"{path} is in use by another storyline run; wait for it to end")

    monkeypatch.setattr("storyline.cli.commands.open_store", locked)
    db = tmp_path / "s[/]b.db"
    result = CliRunner().invoke(main, ["run", str(tmp_path), "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: [E002] {db} is in use by another storyline run; wait for it to end"]


def test_allow_private_flag_reaches_the_config(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[object] = []

    def record(store: object, inputs: object, config: dict, progress: object,
               on_message: object = None) -> None:
        seen.append(config["ingest"]["allow_private"])
        raise KeyboardInterrupt  # stop here: only the config matters

    monkeypatch.setattr("storyline.pipeline.run.run_pipeline", record)
    for flag in ([], ["--allow-private"]):
        CliRunner().invoke(main, ["run", str(tmp_path), "--db", str(tmp_path / "s.db"), *flag])
    assert seen == [False, True]


def test_a_second_run_on_a_busy_store_is_refused_in_one_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    from storyline.store.db import Store

    (tmp_path / "a.txt").write_text("A short article about the harbour works. " * 5)
    db = tmp_path / "story.db"
    with Store(db) as holder, holder.writer():  # another process is writing
        done = subprocess.run(
            [sys.executable, "-c", "from storyline.cli import main; main()", "run",
             str(tmp_path / "a.txt"), "--db", str(db)],
            capture_output=True, text=True, timeout=120,
        )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "another storyline run" in lines[0] and "--wait" in lines[0]
    assert "Traceback" not in done.stderr


def test_storylines_table_and_json(db: str) -> None:
    table = CliRunner().invoke(main, ["storylines", "--db", db])
    assert table.exit_code == 0, table.output
    found = json.loads(CliRunner().invoke(main, ["storylines", "--db", db,
                                                 "--format", "json"]).output)
    assert found["total"] >= 1
    for item in found["items"]:
        assert item["storyline_id"] in table.output  # ids are never cut in the table
        assert {"event_count", "article_count", "independent_sources"} <= set(item)


def test_show_each_kind_of_id(db: str) -> None:
    listed = json.loads(CliRunner().invoke(main, ["storylines", "--db", db,
                                                  "--format", "json"]).output)
    storyline_id = listed["items"][0]["storyline_id"]
    storyline = json.loads(CliRunner().invoke(
        main, ["show", storyline_id, "--db", db, "--format", "json"]).output)
    assert storyline["kind"] == "storyline"
    event_id = storyline["events"][0]["event_id"]
    event = json.loads(CliRunner().invoke(main, ["show", event_id, "--db", db,
                                                 "--format", "json"]).output)
    assert event["kind"] == "event" and event["articles"]
    article = CliRunner().invoke(main, ["show", event["articles"][0], "--db", db])
    assert article.exit_code == 0 and event["articles"][0] in article.output
    for some_id in (storyline_id, event_id):
        shown = CliRunner().invoke(main, ["show", some_id, "--db", db])
        assert shown.exit_code == 0 and some_id in shown.output


def test_show_unknown_id_is_one_line(db: str) -> None:
    result = CliRunner().invoke(main, ["show", "zzz", "--db", db])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "storyline storylines" in result.output


def test_search_and_markup_in_text_is_printed_as_is(db: str) -> None:
    store = Store(db)
    store.conn.execute("UPDATE articles SET title = '[bold red]x[/] title' WHERE seq = "
                       "(SELECT MIN(seq) FROM articles)")
    store.close()
    words = json.loads(CliRunner().invoke(main, ["export", "--db", db, "--what",
                                                 "articles"]).output.splitlines()[0])
    word = next(w for w in words["text"].split() if w.isalpha() and len(w) > 4)
    found = CliRunner().invoke(main, ["search", word, "--db", db, "--format", "json"])
    assert json.loads(found.output)["total"] >= 1
    table = CliRunner().invoke(main, ["search", word, "--db", db])
    assert table.exit_code == 0 and "sentences with all of" in table.output
    listed = CliRunner().invoke(main, ["show", words["id"], "--db", db])
    assert "[bold red]x[/] title" in listed.output
    empty = CliRunner().invoke(main, ["search", "!!!", "--db", db])
    assert empty.exit_code == 1 and "no words" in empty.output


def test_serve_warns_when_listening_beyond_this_machine(db: str, monkeypatch) -> None:
    import uvicorn

    calls: list[tuple] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    local = CliRunner().invoke(main, ["serve", "--db", db])
    assert local.exit_code == 0 and "warning" not in local.output
    assert calls[-1][1]["host"] == "127.0.0.1"
    wide = CliRunner().invoke(main, ["serve", "--db", db, "--host", "0.0.0.0"])
    assert "warning:" in wide.output and "read the whole database" in wide.output
    missing = CliRunner().invoke(main, ["serve", "--db", db + ".missing"])
    assert missing.exit_code == 1 and "no database" in missing.output


def test_run_summary_is_plain_language_and_warns_when_nothing_is_stored(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Trams return to Ostbury\n\nThe Ostbury tram line reopened on Monday after two years "
        "of works, the city council said, and the first trams were full.", encoding="utf-8")
    db = str(tmp_path / "s.db")
    result = CliRunner().invoke(main, ["run", str(folder), "--db", db])
    assert result.exit_code == 0, result.output
    assert "Stored 1 new article." in result.output
    assert "now holds 1 article from" in result.output and "storyline serve" in result.output
    assert "provenance_regrouped" not in result.output
    again = CliRunner().invoke(main, ["run", str(folder), "--db", db, "--verbose"])
    assert "1 input already stored and unchanged" in again.output and "steps:" in again.output
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = CliRunner().invoke(main, ["run", str(empty), "--db", str(tmp_path / "e.db")])
    assert "warning: nothing was stored" in nothing.output
