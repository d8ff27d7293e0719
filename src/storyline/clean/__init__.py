"""Cleaning: raw input → clean body, removed lines and copy metadata.

Importing the package registers both its steps: ``clean`` (per record) and
``recurring`` (per source, over the stored corpus).
"""

from storyline.clean import recurring as _recurring  # noqa: F401
from storyline.clean import step as _step  # noqa: F401
