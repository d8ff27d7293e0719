r"""The command line: thin wrappers that open the store, call one library function each.

``commands`` holds the pipeline commands (run, rebuild, export, timeline, report, import),
``browse`` the reading ones (storylines, show, search, serve), ``spark`` the Spark group;
``common`` what they share.

Exit codes: 0 success; 1 an error stopped the command; 2 wrong usage;
3 the run finished but some inputs (or lines) were skipped — see the messages;
130 interrupted (Ctrl-C).

Messages: plain one-line text on stderr, never rich markup (see ``common``).

Command docstrings are click help: the ``\b`` line before each example keeps click
from rewrapping it (hence ``noqa: D301``: a raw docstring would make it a literal backslash).
"""

from storyline.cli import browse, spark  # noqa: F401  (importing them registers their commands)
from storyline.cli.commands import main
from storyline.cli.common import command_help_ok, one_line

__all__ = ["command_help_ok", "main", "one_line"]
