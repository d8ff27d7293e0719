"""The main job: inputs → stored, cleaned, analysed articles, incrementally."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain as chain_streams

from storyline.config import Config
from storyline.ingest import read_inputs
from storyline.ingest.estimate import estimate_records
from storyline.model import Article, Skip
from storyline.pipeline.local import LocalExecutor
from storyline.pipeline.step import (
    CorpusResult,
    CorpusStep,
    RecordStep,
    check_access,
    check_order,
    create_step,
)
from storyline.pipeline.workers import configured_workers
from storyline.store.articles import (
    content_hash,
    forget_step_work,
    load_articles,
    mark_complete,
    mark_done,
    outdated_ids,
    pending_ids,
    stored_hash,
)
from storyline.store.changes import apply_changes
from storyline.store.db import Store
from storyline.store.runs import finish_run, record_skips, start_run
from storyline.store.view import CorpusView

RECORD_STEPS: tuple[str, ...] = ("clean", "language")
CORPUS_STEPS: tuple[str, ...] = ("recurring", "entities", "provenance", "events", "narrate")


@dataclass
class RunSummary:
    """What a run did, for the CLI summary and the API."""

    stored: int = 0
    unchanged: int = 0
    skipped: list[Skip] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)
    resumed_runs: int = 0


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
    on_message: Callable[[str], None] | None = None,
) -> RunSummary:
    """Ingest ``inputs`` into ``store`` and bring the whole analysis up to date.

    Articles already stored with the same content are not processed again; stored
    articles whose steps changed version are re-processed; the corpus steps then
    update provenance, events and storylines, keeping the ids that already exist.

    The run is crash-consistent: record steps commit a batch at a time, and each
    corpus step commits its results together with the list of articles it has
    processed. Work that an interrupted run (a crash, ``kill -9``, Ctrl-C) left
    undone is found by that list and finished first, so the result equals that of
    an uninterrupted run. Only one run writes a store at a time.

    Args:
        store: Open store (may already hold articles).
        inputs: Paths (files or directories) and http(s) URLs; none to only finish
            what an interrupted run left undone.
        config: Merged configuration.
        progress: Optional progress reporter.
        on_message: Called with a one-line notice (waiting for the store, resuming).

    Returns:
        Counts of what was stored, left unchanged and skipped (with reasons).

    Raises:
        StoreError: Another run holds the store longer than ``[store] lock_wait``.
    """
    import storyline.steps  # noqa: F401  (registers the built-in steps)

    record_steps, corpus_steps = build_steps(config)
    with store.writer(float(config["store"]["lock_wait"]), on_message):
        return _run_locked(store, inputs, config, record_steps, corpus_steps, progress,
                           on_message)


def rebuild(
    store: Store,
    config: Config,
    corpus_only: bool = False,
    progress: Progress | None = None,
    on_message: Callable[[str], None] | None = None,
) -> RunSummary:
    """Re-analyse everything stored, as if every article had just arrived.

    Every step is redone for every article: the record steps from each article's
    stored input (skipped with ``corpus_only``), then each corpus step over the whole
    corpus. Ids of events, storylines and duplicate groups are kept by overlap, as in
    any run. Interrupted, it is finished by the next run like any other.

    Raises:
        StoreError: Another run holds the store longer than ``[store] lock_wait``.
    """
    import storyline.steps  # noqa: F401  (registers the built-in steps)

    record_steps, corpus_steps = build_steps(config)
    with store.writer(float(config["store"]["lock_wait"]), on_message):
        forget_step_work(store, [step.name for step in corpus_steps] if corpus_only else None)
        return _run_locked(store, [], config, record_steps, corpus_steps, progress,
                           on_message)


def _run_locked(
    store: Store,
    inputs: Sequence[str],
    config: Config,
    record_steps: list[RecordStep],
    corpus_steps: list[CorpusStep],
    progress: Progress | None,
    on_message: Callable[[str], None] | None,
) -> RunSummary:
    executor = LocalExecutor(record_steps, workers=configured_workers(config))
    summary = RunSummary()
    run_id, interrupted = start_run(store)
    summary.resumed_runs = len(interrupted)
    if interrupted and on_message:
        on_message(f"finishing the work of {len(interrupted)} interrupted run(s) first")

    stale = set(outdated_ids(store, executor.versions))

    def fresh(stream: Iterable[Article | Skip]) -> Iterator[Article | Skip]:
        for item in stream:
            if isinstance(item, Article):
                item.input_hash = content_hash(item)
                # One indexed look-up per input, not the table of every stored hash.
                if item.id not in stale and stored_hash(store, item.id) == item.input_hash:
                    summary.unchanged += 1
                    continue
            yield item

    # Stored articles processed by an older step version are re-run from their raw input.
    reprocess = _load_in_chunks(store, sorted(stale))
    tick = None
    if progress:
        # Known only when every input can be counted cheaply (JSONL lines, pages).
        expected = estimate_records(inputs, bool(config["ingest"].get("follow_symlinks")))
        tick = progress("Reading and cleaning", expected)

    def counted(item: Article | Skip) -> None:
        if tick:
            tick()

    # A stream, not a list: inputs are read while earlier ones are cleaned and stored.
    stream = chain_streams(reprocess, fresh(read_inputs(inputs, config)))
    stored, skipped = executor.run(store, stream, on_item=counted)
    summary.stored = len(stored)
    summary.skipped = skipped
    record_skips(store, run_id, skipped)

    summary.stats.update(run_corpus_steps(store, corpus_steps, progress))

    stats = {"stored": summary.stored, "unchanged": summary.unchanged,
             "skipped": len(summary.skipped), **summary.stats}
    finish_run(store, run_id, stats)
    return summary


def run_corpus_steps(
    store: Store, corpus_steps: Sequence[CorpusStep], progress: Progress | None = None
) -> dict[str, int]:
    """Bring every corpus step up to date on ``store``; return their counts.

    Every executor (local, Spark) ends with this: the same steps over the same store.
    """
    stats: dict[str, int] = {}
    for step in corpus_steps:
        # Every article the step has not finished: this run's, and any an interrupted
        # run left behind. Results and the completion record commit together.
        pending = pending_ids(store, step.name, step.version)
        if not pending:
            continue
        done = progress(f"Step {step.name}", None) if progress else None
        result = run_corpus_step(store, step, pending, record=True)
        stats.update(result.stats)
        if done:
            done()
    return stats


def run_corpus_step(
    store: Store, step: CorpusStep, pending: Sequence[str], record: bool = False
) -> CorpusResult:
    """Run one corpus step on a view of ``store`` and write what it changed.

    The changes and (with ``record``) the record that the step has processed
    ``pending`` commit in one transaction: a crash keeps both or neither. With
    ``record``, ``pending`` must be all that ``pending_ids`` gave: the step is then
    complete up to the newest article, and the next run looks only past it.

    Raises:
        StepError: The step read or changed data it does not declare (nothing written).
    """
    view = CorpusView(store)
    # The store has a single writer (see Store.writer), so nothing changes between the
    # reads and the write.
    result = step.run(view, pending)
    check_access(step, view, result.changes)
    with store.transaction():
        apply_changes(store, result.changes)
        if record:
            mark_done(store, step.name, step.version, pending)
            mark_complete(store, step.name, step.version)
    return result


def _load_in_chunks(store: Store, ids: list[str], size: int = 64) -> Iterator[Article]:
    """Stored articles, a chunk at a time: never all in memory, no cursor open across writes."""
    for start in range(0, len(ids), size):
        yield from list(load_articles(store, ids[start:start + size]))
