"""storyline: follow a news story across outlets."""

__version__ = "0.1.0"
