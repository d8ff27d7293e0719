"""Runs record steps over a stream in this process, saving as it goes (resumable)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from storyline.model import Article, Skip
from storyline.pipeline.step import RecordStep
from storyline.pipeline.workers import run_in_workers
from storyline.store.articles import save_articles
from storyline.store.db import Store


class LocalExecutor:
    """Runs the record steps in batches and commits each batch, so a crash loses one batch.

    With more than one worker, chunks of the stream are processed in that many worker
    processes (see :mod:`storyline.pipeline.workers`); results are stored in input order.
    """

    def __init__(self, steps: Sequence[RecordStep], batch_size: int = 64,
                 workers: int = 1) -> None:
        """Keep the steps, how many articles to commit at once and how many processes to use."""
        self.steps = list(steps)
        self.batch_size = batch_size
        self.workers = workers

    @property
    def versions(self) -> dict[str, str]:
        """Step name → version, recorded with every stored article."""
        return {step.name: step.version for step in self.steps}

    def run(
        self,
        store: Store,
        articles: Iterable[Article | Skip],
        on_item: Callable[[Article | Skip], None] | None = None,
    ) -> tuple[list[str], list[Skip]]:
        """Process and store the stream.

        Args:
            store: Where processed articles are saved.
            articles: Ingested articles (and skips from ingest).
            on_item: Called for every article or skip (progress display).

        Returns:
            Ids of stored articles, and everything skipped with its reason.
        """
        stored: list[str] = []
        skipped: list[Skip] = []
        batch: list[Article] = []
        for item in run_in_workers(self.steps, articles, self.workers, self.batch_size):
            if on_item:
                on_item(item)
            if isinstance(item, Skip):
                skipped.append(item)
                continue
            batch.append(item)
            if len(batch) >= self.batch_size:
                save_articles(store, batch, self.versions, fresh=True)
                stored.extend(a.id for a in batch)
                batch = []
        if batch:
            save_articles(store, batch, self.versions, fresh=True)
            stored.extend(a.id for a in batch)
        return stored, skipped
