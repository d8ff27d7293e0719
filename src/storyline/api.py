"""The Python API: one object over a storyline database, the same data as the CLI and web app.

    >>> import storyline
    >>> with storyline.Story("story.db") as story:
    ...     story.run(["articles/"])
    ...     for item in story.storylines()["items"]:
    ...         print(item["title"], item["independent_sources"])

Every method returns plain dicts and lists with the export contract's field names (see
docs/cli.md), exactly what ``/api/...`` of `storyline serve` returns.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from storyline.config import Config, load_config
from storyline.store.db import Store


class Story:
    """A storyline database opened from Python (created when missing)."""

    def __init__(self, path: str | Path, config: Config | None = None) -> None:
        """Open the database at ``path``; ``config`` defaults to the shipped settings.

        Raises:
            StoreError: The file is not a storyline database.
        """
        self.path = str(path)
        self.config = config or load_config()
        self._store = Store(self.path)

    def run(self, inputs: Sequence[str]) -> Any:
        """Ingest and analyse ``inputs`` (files, folders, URLs), as `storyline run` does.

        Returns:
            The run's :class:`~storyline.pipeline.run.RunSummary` (stored, unchanged,
            skipped inputs with their reasons, step counters).
        """
        from storyline.pipeline.run import run_pipeline

        return run_pipeline(self._store, list(inputs), self.config)

    def storylines(self, **filters: Any) -> dict[str, Any]:
        """One page of storylines; filters as :func:`storyline.explore.listing.storylines`."""
        from storyline.explore.listing import storylines

        return storylines(self._store, **filters)

    def storyline(self, storyline_id: str) -> dict[str, Any]:
        """One storyline: figures, events with cited summaries, articles per day and outlet."""
        from storyline.explore.pages import storyline

        return storyline(self._store, storyline_id)

    def event(self, event_id: str) -> dict[str, Any]:
        """One event: summary, independent reports and copies, quotes, names, coverage."""
        from storyline.explore.pages import event

        return event(self._store, event_id)

    def article(self, article_id: str) -> dict[str, Any]:
        """One article: clean text, removed lines, names, dates, quotes, provenance."""
        from storyline.explore.pages import article

        return article(self._store, article_id)

    def entity(self, name: str) -> dict[str, Any]:
        """A name: mentions over time, its events, the quotes it is given."""
        from storyline.explore.pages import entity

        return entity(self._store, name)

    def search(self, text: str, **filters: Any) -> dict[str, Any]:
        """Sentences holding all the words of ``text``, best first, each cited."""
        from storyline.explore.listing import search

        return search(self._store, text, **filters)

    def timeline(self, storyline: str | None = None, query: str | None = None,
                 date_from: str | None = None, date_to: str | None = None,
                 dates: int | None = None, sentences: int | None = None
                 ) -> list[dict[str, Any]]:
        """The cited timeline of everything, a storyline, or a query, as `storyline timeline`."""
        from storyline.narrate.timeline import build_timeline, timeline_size

        max_dates, per_date = timeline_size(self.config["narrate"], dates, sentences)
        return build_timeline(self._store, storyline=storyline, query=query,
                              date_from=date_from, date_to=date_to,
                              max_dates=max_dates, sentences_per_date=per_date)

    def whatsnew(self, storyline_id: str, since: str) -> dict[str, Any]:
        """What the storyline's articles since ``since`` report that no earlier one did."""
        from storyline.explore.pages import whatsnew

        return whatsnew(self._store, storyline_id, since)

    def coverage(self, event_id: str) -> list[dict[str, Any]]:
        """Per outlet: what it carried that most did, what only it carried, what it left out."""
        from storyline.explore.pages import coverage

        return coverage(self._store, event_id)

    def records(self, what: str, since: str | None = None) -> Iterator[dict[str, Any]]:
        """Every record of one export kind (articles, events, … whatsnew), as `export` writes."""
        from storyline.render.records import iter_records

        return iter_records(self._store, what, since=since)

    def report(self, path: str | Path) -> None:
        """Write the self-contained HTML report to ``path``."""
        from storyline.render.report import write_report

        write_report(self._store, Path(path), self.config)

    def close(self) -> None:
        """Close the database."""
        self._store.close()

    def __enter__(self) -> Story:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
