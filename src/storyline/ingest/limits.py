"""The [ingest] limits that protect a run from hostile or broken input, in one place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Limits:
    """What one input may hold before it (or one record of it) is skipped.

    The defaults equal the shipped ``defaults.toml``; :meth:`from_settings` reads the merged
    ``[ingest]`` section, so a user config can change each of them.
    """

    max_bytes: int = 20_000_000
    max_json_depth: int = 64
    max_text_chars: int = 5_000_000
    max_field_chars: int = 10_000
    follow_symlinks: bool = False

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> Limits:
        """Build the limits from the ``[ingest]`` section (missing keys keep the default)."""
        default = cls()
        return cls(
            max_bytes=int(settings.get("max_bytes", default.max_bytes)),
            max_json_depth=int(settings.get("max_json_depth", default.max_json_depth)),
            max_text_chars=int(settings.get("max_text_chars", default.max_text_chars)),
            max_field_chars=int(settings.get("max_field_chars", default.max_field_chars)),
            follow_symlinks=bool(settings.get("follow_symlinks", default.follow_symlinks)),
        )


DEFAULT_LIMITS = Limits()


def one_line(value: object, limit: int = 160) -> str:
    """Return ``value`` as one short line (exception texts can be long or multi-line)."""
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
