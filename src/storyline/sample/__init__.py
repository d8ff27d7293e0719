"""The bundled sample corpus (CC0): invented articles for demos, docs and end-to-end tests."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any


def articles_path() -> Path:
    """Return the folder holding the sample articles (give it to ``storyline run``)."""
    return Path(str(resources.files("storyline.sample").joinpath("articles")))


def expected() -> dict[str, Any]:
    """Return ``expected.json``: what a careful reader concludes from the sample."""
    text = resources.files("storyline.sample").joinpath("expected.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data
