"""The whole hostile corpus in one `storyline run`: every good record stored, every bad one a
one-line skip, bounded memory, and a second run loses nothing."""

from __future__ import annotations

import json
import resource
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))

from hostile import FORBIDDEN, GOOD_MARK, good_line, good_text, write_hostile_inputs  # noqa: E402

RUN = [sys.executable, "-c", "from storyline.cli import main; main()"]
PEAK_LIMIT_MB = 1500


def write_extra_cases(folder: Path) -> dict[str, int]:
    """Cases of the whole pipeline rather than of ingest; returns file → good records in it."""
    copies = folder / "copies"
    copies.mkdir()
    one = good_text("Kellan Bay") + " " + good_text("Marrow Vale")
    with (copies / "wire-copies.jsonl").open("w", encoding="utf-8") as handle:
        for number in range(200):  # the same article 200 times under other ids
            handle.write(json.dumps({"id": f"copy-{number}", "title": "Strike over",
                                     "text": one}) + "\n")
    # One paragraph of about 2 MB: the language model must see it in bounded pieces.
    sentence = "The {} harbour committee met again on Tuesday and agreed to meet again. "
    long_text = "".join(sentence.format(f"district {i}") for i in range(28_000))
    (copies / "one-paragraph.txt").write_text(long_text, encoding="utf-8")
    (copies / "markup [bold]x[ingest].jsonl").write_text(
        good_line("markup-[/]-id", title="[bold]Title[/bold] [/]"), encoding="utf-8")
    return {"wire-copies.jsonl": 200, "one-paragraph.txt": 1,
            "markup [bold]x[ingest].jsonl": 1}


def run(inputs: list[str], db: Path) -> tuple[subprocess.CompletedProcess[str], int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run([*RUN, "run", *inputs, "--db", str(db), "--report",
                           str(db.with_suffix(".html"))],
                          capture_output=True, text=True, timeout=900)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return done, max(peak, before) // 1024


@pytest.mark.skipif(sys.platform != "linux", reason="peak RSS of children is read on Linux")
def test_hostile_corpus_in_one_run(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    expected = write_hostile_inputs(inputs)
    extra = write_extra_cases(inputs)
    db = tmp_path / "story.db"
    done, peak_mb = run([str(inputs)], db)
    assert done.returncode == 3, done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    print(f"hostile corpus: peak RSS {peak_mb} MB")
    assert peak_mb < PEAK_LIMIT_MB, f"peak RSS {peak_mb} MB"
    assert db.with_suffix(".html").is_file()
    skipped = [line for line in done.stderr.splitlines() if line.startswith("skipped ")]
    assert skipped and all(line.startswith(("skipped ", "note: ")) for line in
                           done.stderr.splitlines())

    export = subprocess.run([*RUN, "export", "--db", str(db), "--what", "articles"],
                            capture_output=True, text=True, check=True)
    articles = [json.loads(line) for line in export.stdout.split("\n") if line]
    texts = [a.get("text") or "" for a in articles]
    assert all(FORBIDDEN not in text for text in texts)
    with sqlite3.connect(db) as conn:
        origins = [row[0] for row in conn.execute("SELECT origin FROM articles")]
    for name, outcome in expected.items():
        stored = any(Path(o.split(" (")[0].split(":")[0]).name == name for o in origins)
        assert stored == (outcome in ("stored", "partial")), name
    for name, count in extra.items():
        assert sum(Path(o.split(" (")[0].split(":")[0]).name == name for o in origins) == count

    # Running again stores nothing new, loses nothing, and still finishes.
    again, _ = run([str(inputs)], db)
    assert again.returncode == 3, again.stderr[-3000:]
    export = subprocess.run([*RUN, "export", "--db", str(db), "--what", "articles"],
                            capture_output=True, text=True, check=True)
    assert len([line for line in export.stdout.split("\n") if line]) == len(articles)
    assert GOOD_MARK in "".join(texts)
