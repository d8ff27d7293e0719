"""Errors with stable codes; each message says what to do about it."""

from __future__ import annotations


class StorylineError(Exception):
    """Base error. ``code`` is stable across releases so users can search for it."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class ConfigError(StorylineError):
    """The configuration file is missing, unreadable or names an unknown setting."""

    code = "E001"


class StoreError(StorylineError):
    """The database cannot be opened, or was written by a newer storyline."""

    code = "E002"


class InputError(StorylineError):
    """An input cannot be read at all (missing path, unsupported scheme)."""

    code = "E003"


class StepError(StorylineError):
    """A pipeline step is misconfigured: a field it needs is set by no earlier step."""

    code = "E004"


class NotFoundError(StorylineError):
    """A requested storyline, event or article does not exist in the store."""

    code = "E005"
