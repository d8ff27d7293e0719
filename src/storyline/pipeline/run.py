"""The main job: inputs → stored, cleaned, analysed articles, incrementally."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from storyline.config import Config
from storyline.ingest import read_inputs
from storyline.model import Article, Skip
from storyline.pipeline.local import LocalExecutor
from storyline.pipeline.step import CorpusStep, RecordStep, check_order, create_step
from storyline.store.articles import content_hash, known_hashes, load_articles, outdated_ids
from storyline.store.db import Store

RECORD_STEPS: tuple[str, ...] = ("clean", "language")
CORPUS_STEPS: tuple[str, ...] = ("recurring", "entities", "provenance", "events", "narrate")


@dataclass
class RunSummary:
    """What a run did, for the CLI summary and the API."""

    stored: int = 0
    unchanged: int = 0
    skipped: list[Skip] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)


Progress = Callable[[str, int | None], Callable[[], None]]
"""Given a task label and total (or None), returns a function to call once per item."""


def build_steps(config: Config) -> tuple[list[RecordStep], list[CorpusStep]]:
    """Create the configured steps and check that each gets the fields it needs."""
    record = [create_step(name, config) for name in RECORD_STEPS]
    corpus = [create_step(name, config) for name in CORPUS_STEPS]
    check_order([*record, *corpus])
    return record, corpus


def run_pipeline(
    store: Store,
    inputs: Sequence[str],
    config: Config,
    progress: Progress | None = None,
) -> RunSummary:
    """Ingest ``inputs`` into ``store`` and bring the whole analysis up to date.

    Articles already stored with the same content are not processed again; stored
    articles whose steps changed version are re-processed; the corpus steps then
    update provenance, events and storylines, keeping the ids that already exist.

    Args:
        store: Open store (may already hold articles).
        inputs: Paths (files or directories) and http(s) URLs.
        config: Merged configuration.
        progress: Optional progress reporter.

    Returns:
        Counts of what was stored, left unchanged and skipped (with reasons).
    """
    import storyline.steps  # noqa: F401  (registers the built-in steps)

    record_steps, corpus_steps = build_steps(config)
    executor = LocalExecutor(record_steps)
    summary = RunSummary()
    run_id = store.conn.execute("INSERT INTO runs DEFAULT VALUES").lastrowid

    known = known_hashes(store)
    stale = set(outdated_ids(store, executor.versions))

    def fresh(stream: Iterable[Article | Skip]) -> Iterator[Article | Skip]:
        for item in stream:
            if isinstance(item, Article):
                item.input_hash = content_hash(item)
                if known.get(item.id) == item.input_hash and item.id not in stale:
                    summary.unchanged += 1
                    continue
            yield item

    # Stored articles processed by an older step version are re-run from their raw input.
    reprocess = list(load_articles(store, sorted(stale))) if stale else []
    tick = progress("Reading and cleaning", None) if progress else None

    def counted(item: Article | Skip) -> None:
        if tick:
            tick()

    # A stream, not a list: inputs are read while earlier ones are cleaned and stored.
    stored, skipped = executor.run(
        store, itertools.chain(reprocess, fresh(read_inputs(inputs, config))), on_item=counted
    )
    summary.stored = len(stored)
    summary.skipped = skipped
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO skipped (run_id, origin, line, reason) VALUES (?, ?, ?, ?)",
            [(run_id, s.origin, s.line, s.reason) for s in skipped],
        )

    for step in corpus_steps:
        done = progress(f"Step {step.name}", None) if progress else None
        result = step.run(store, stored)
        summary.stats.update(result.stats)
        if done:
            done()

    stats = {"stored": summary.stored, "unchanged": summary.unchanged,
             "skipped": len(summary.skipped), **summary.stats}
    store.conn.execute(
        "UPDATE runs SET finished_at = datetime('now'), stats = ? WHERE run_id = ?",
        (json.dumps(stats), run_id),
    )
    return summary
