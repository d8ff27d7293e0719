"""The one small protocol every step follows, and the registry of named steps.

Two kinds of step exist. A :class:`RecordStep` is a pure function of a stream of
articles (clean, language): an executor may run it locally or inside a Spark
partition, unchanged. A :class:`CorpusStep` needs the whole corpus (provenance,
events): it reads the corpus through a read-only :class:`CorpusView` and returns
:class:`Changes`, which the executor writes (a step never writes the store itself).
Both declare the Article fields they need and set, so a pipeline can be checked
before it runs; a corpus step also declares which kinds of stored data it reads and
writes, and the executor checks that against what it did.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol, runtime_checkable

from storyline.config import Config
from storyline.errors import StepError
from storyline.model import Article, Skip
from storyline.store.changes import Changes
from storyline.store.view import KINDS, CorpusView

# Fields an Article already has when ingest hands it over.
INGEST_SETS: tuple[str, ...] = (
    "id", "origin", "url", "raw", "raw_format", "title", "source", "published", "language",
    "metadata",
)


@runtime_checkable
class RecordStep(Protocol):
    """Transforms a stream of articles; may drop one by yielding a :class:`Skip`."""

    name: ClassVar[str]
    version: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    sets: ClassVar[tuple[str, ...]]

    def run(self, articles: Iterable[Article]) -> Iterator[Article | Skip]:
        """Process the stream."""
        ...


@dataclass
class CorpusResult:
    """What a corpus step returns: counts for the run summary and what to write."""

    stats: dict[str, int] = field(default_factory=dict)
    changes: Changes = field(default_factory=Changes)


@runtime_checkable
class CorpusStep(Protocol):
    """Works on everything stored; ``pending`` are the articles it has not processed yet.

    ``reads`` and ``writes`` name kinds of stored data (``storyline.store.view.KINDS``).
    """

    name: ClassVar[str]
    version: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    sets: ClassVar[tuple[str, ...]]
    reads: ClassVar[tuple[str, ...]]
    writes: ClassVar[tuple[str, ...]]

    def run(self, view: CorpusView, pending: Sequence[str]) -> CorpusResult:
        """Compute the corpus-level analysis; return it as changes."""
        ...


def check_access(step: CorpusStep, view: CorpusView, changes: Changes) -> None:
    """Fail when a corpus step read or changed a kind of data it did not declare.

    Called before the changes are written, so nothing stored is touched when it fails.

    Raises:
        StepError: Names the step and the undeclared kinds.
    """
    unknown = (set(step.reads) | set(step.writes)) - set(KINDS)
    read = view.read - set(step.reads)
    written = changes.kinds() - set(step.writes)
    if unknown or read or written:
        raise StepError(
            f"step {step.name!r} declares unknown kinds {sorted(unknown)}, or read "
            f"{sorted(read)} / changed {sorted(written)} without declaring it; "
            "fix its reads and writes"
        )


StepFactory = Callable[[Config], Any]
_REGISTRY: dict[str, StepFactory] = {}


def register_step(name: str) -> Callable[[StepFactory], StepFactory]:
    """Register a step factory under ``name`` (a class taking the config works)."""

    def decorate(factory: StepFactory) -> StepFactory:
        _REGISTRY[name] = factory
        return factory

    return decorate


def create_step(name: str, config: Config) -> Any:
    """Build the registered step ``name`` from the configuration."""
    if name not in _REGISTRY:
        raise StepError(f"no step named {name!r}; known: {', '.join(sorted(_REGISTRY))}")
    return _REGISTRY[name](config)


def check_order(steps: Sequence[RecordStep | CorpusStep]) -> None:
    """Fail early when a step needs a field that no earlier step sets.

    Raises:
        StepError: Names the step, the missing field, and what to add before it.
    """
    available = set(INGEST_SETS)
    for step in steps:
        missing = [name for name in step.requires if name not in available]
        if missing:
            raise StepError(
                f"step {step.name!r} needs {', '.join(missing)}, which no earlier step sets; "
                "put the step that sets it first"
            )
        available.update(step.sets)


def chain(
    steps: Sequence[RecordStep], articles: Iterable[Article | Skip]
) -> Iterator[Article | Skip]:
    """Feed the stream through the steps; skips pass straight through to the end."""
    skips: list[Skip] = []

    def only_articles(stream: Iterable[Article | Skip]) -> Iterator[Article]:
        for item in stream:
            if isinstance(item, Skip):
                skips.append(item)
            else:
                yield item

    stream: Iterable[Article | Skip] = articles
    for step in steps:
        stream = step.run(only_articles(stream))
    for item in stream:
        # Skips collected upstream are flushed in order as the stream advances.
        while skips:
            yield skips.pop(0)
        yield item
    yield from skips
