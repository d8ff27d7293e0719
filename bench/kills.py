"""Kill `storyline run` dozens of times on thousands of dev articles; exports must equal an
uninterrupted run.

    python bench/kills.py --data ../shared/data --articles 2000 --kills 30

Inputs: all of syndication-dev (wire originals, copies, versions, round-ups) and t17-dev topics
(one tokenised sentence a line, published = the article's time) until --articles is reached,
written as JSONL files of 100 records. The reference is the uninterrupted run on the same inputs
in the same session.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "pipeline"))

from devsets import dev_records, write_inputs  # noqa: E402
from kill_harness import kill_session  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--kills", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="storyline-kills-"))
    records = dev_records(args.data, args.articles)
    files = write_inputs(records, workdir / "inputs")
    began = time.monotonic()
    report = kill_session(files, workdir, kills=args.kills, seed=args.seed)
    print(f"articles: {len(records)}  workdir: {workdir}")
    print(f"uninterrupted run (reference): {report.baseline_seconds:.1f} s")
    print(f"kills: {len(report.kills)} at {report.kills} s after start; "
          f"attempts {report.attempts}; whole session {time.monotonic() - began:.0f} s")
    print("exports identical to the uninterrupted run" if not report.differences
          else f"EXPORTS DIFFER: {', '.join(report.differences)}")
    sys.exit(1 if report.differences else 0)


if __name__ == "__main__":
    main()
