"""Entry point for spark-submit: ``spark-submit [options] SUBMIT.py INPUT... --output DIR``.

spark-submit wants a Python file; ``python -m storyline.scale.submit --path`` prints
this one's. The arguments are those of ``storyline spark run`` (``--master`` left out:
spark-submit's own applies); a ``--config FILE`` first sets the storyline configuration.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> None:
    """Run ``storyline [--config FILE] spark run ARGS`` (or print this file's path)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--path"]:
        print(__file__)
        return
    from storyline.cli import main as cli

    config: list[str] = []
    if args[:1] == ["--config"]:
        config, args = args[:2], args[2:]
    cli([*config, "spark", "run", *args], prog_name="storyline")


if __name__ == "__main__":
    main()
