"""storyline: follow a news story across outlets.

``storyline.Story(path)`` opens a database from Python (see :mod:`storyline.api`);
``storyline.dates.find`` reads date expressions from any text.
"""

from storyline.api import Story

__version__ = "0.1.0"
__all__ = ["Story", "__version__"]
