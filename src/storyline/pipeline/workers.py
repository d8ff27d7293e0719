"""Record steps in worker processes: chunks of the stream go out and come back in input order.

The language model is the bulk of a run's time and uses one core, so the executor
spreads chunks of articles over one process per available core. Each worker gets
the steps once (it loads the model itself, on first use) and runs them exactly as
the local executor would; results are taken back in the order the chunks were
sent, so the store is written in input order and a crash still loses only what
was not yet committed. Few chunks are in flight at once, so memory stays bounded
however long the stream is.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain as chain_streams

from storyline.config import Config
from storyline.model import Article, Skip
from storyline.pipeline.step import RecordStep, chain

Item = Article | Skip

# The steps of this worker process, set once by ``_start_worker``.
_STEPS: list[RecordStep] = []


def available_cores() -> int:
    """Cores this process may run on (its CPU affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def resolve_workers(setting: int) -> int:
    """Worker processes for a ``workers`` setting: 0 means one per available core."""
    cores = available_cores()
    return cores if setting <= 0 else min(setting, cores)


def configured_workers(config: Config) -> int:
    """Worker processes for the record steps, from ``[language] workers``."""
    return resolve_workers(int(config["language"].get("workers", 0)))


def _start_worker(steps: list[RecordStep], parent: int) -> None:
    global _STEPS
    _STEPS = steps
    # Ctrl-C is the parent's to handle: it stops sending work and ends the run.
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    # A parent killed outright (kill -9, out of memory) cannot stop its workers; they
    # notice it is gone and exit instead of waiting forever for more work.
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _run_chunk(chunk: list[Item]) -> list[Item]:
    return list(chain(_STEPS, chunk))


# A chunk also closes at this many characters of input, so the few chunks in flight
# (and their copies on the way to and from the workers) stay small whatever the articles.
CHUNK_CHARS = 2_000_000


def _take(stream: Iterator[Item], size: int, max_chars: int) -> list[Item]:
    """The next items of ``stream``: at most ``size``, and no more once ``max_chars`` are held."""
    chunk: list[Item] = []
    chars = 0
    while len(chunk) < size and chars < max_chars:
        item = next(stream, None)
        if item is None:
            break
        chunk.append(item)
        if isinstance(item, Article):
            chars += len(item.raw or "") + len(item.text or "")
    return chunk


def run_in_workers(steps: Sequence[RecordStep], items: Iterable[Item], workers: int,
                   chunk_size: int, chunk_chars: int = CHUNK_CHARS) -> Iterator[Item]:
    """Run ``steps`` over ``items`` in ``workers`` processes, yielding results in input order.

    A stream that fits in one chunk is run in this process: starting workers (each
    loads the model) would cost more than it saves.
    """
    stream = iter(items)
    first = _take(stream, chunk_size, chunk_chars)
    after = next(stream, None) if workers > 1 else None
    if after is None:
        yield from chain(steps, chain_streams(first, stream))
        return
    stream = chain_streams([after], stream)
    context = multiprocessing.get_context("spawn")  # no fork of a threaded parent
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                               initargs=(list(steps), os.getpid()))
    pending: deque[Future[list[Item]]] = deque()
    try:
        chunk = first
        while chunk:
            pending.append(pool.submit(_run_chunk, chunk))
            # Two chunks per worker keep every core busy while one result is stored.
            if len(pending) >= 2 * workers:
                yield from pending.popleft().result()
            chunk = _take(stream, chunk_size, chunk_chars)
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=not pending, cancel_futures=True)
