"""JSON parsing that a hostile document cannot crash: nesting depth is checked first."""

from __future__ import annotations

import json
import re
from typing import Any

# A JSON string (escapes included); what is inside strings never counts as nesting.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


class JsonProblem(ValueError):
    """The text is not JSON that may be read; ``reason`` says why and what to do."""

    def __init__(self, reason: str, error: json.JSONDecodeError | None = None) -> None:
        """Keep the one-line reason and, for a syntax error, the parser's error."""
        super().__init__(reason)
        self.reason = reason
        self.error = error


def nesting_depth(text: str, limit: int) -> int:
    """Return the deepest nesting of arrays/objects in ``text``, or at most just over ``limit``.

    Cheap: with no more brackets than ``limit`` the text cannot be deeper, so nothing is
    scanned; otherwise strings are blanked out and the brackets counted, without recursion.
    """
    if text.count("[") + text.count("{") <= limit:
        return min(limit, text.count("[") + text.count("{"))
    depth = deepest = 0
    for char in _NOT_BRACKET.sub("", _STRING.sub("", text)):
        depth += _STEP[char]
        if depth > deepest:
            deepest = depth
            if deepest > limit:
                break
    return deepest


def loads_limited(text: str, max_depth: int) -> Any:
    """Parse ``text`` as JSON unless it nests deeper than ``max_depth``.

    Raises:
        JsonProblem: Too deep, or not valid JSON (the reason is one line).
    """
    if nesting_depth(text, max_depth) > max_depth:
        raise JsonProblem(f"JSON nested deeper than [ingest].max_json_depth = {max_depth}; "
                          "flatten the record or raise the limit")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise JsonProblem(f"invalid JSON ({exc.msg}); fix or remove this line", exc) from exc
    except RecursionError as exc:  # a depth the scan missed must still cost one record only
        raise JsonProblem("JSON nested too deeply to parse; flatten the record") from exc
