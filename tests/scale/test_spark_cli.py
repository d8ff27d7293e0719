"""The spark and import commands: help with examples, a one-line message without pyspark."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline import cli
from storyline.cli import command_help_ok, main


@pytest.mark.parametrize("args", [["spark"], ["spark", "run"], ["import"]])
def test_help_has_an_example(args: list[str]) -> None:
    command = main
    for name in args:
        command = command.commands[name]  # type: ignore[attr-defined]
    assert command_help_ok(command)
    result = CliRunner().invoke(main, [*args, "--help"])
    assert result.exit_code == 0 and "Example" in result.output


def test_without_pyspark_one_line_says_how_to_install(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    monkeypatch.setattr("storyline.scale.session.pyspark_available", lambda: False)
    result = CliRunner().invoke(main, ["spark", "run", "x.jsonl", "--output", str(tmp_path)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and 'storyline[spark]' in lines[0]


def test_cli_does_not_import_pyspark() -> None:
    import subprocess
    import sys

    code = ("import sys, storyline.cli; from click.testing import CliRunner; "
            "CliRunner().invoke(storyline.cli.main, ['spark', 'run', '--help']); "
            "print('pyspark' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={"PYTHONPATH": str(Path(cli.__file__).parents[2])})
    assert out.stdout.strip() == "False"


def test_import_of_a_folder_without_output(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["import", str(tmp_path), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 1
    assert "is missing; give the --output folder" in result.output
    assert not (tmp_path / "s.db").exists()


def test_submit_entry_prints_its_path(capsys: pytest.CaptureFixture[str]) -> None:
    from storyline.scale import submit

    submit.main(["--path"])
    assert capsys.readouterr().out.strip() == submit.__file__
