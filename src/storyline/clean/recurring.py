"""Lines that recur verbatim across many articles of one source are that site's boilerplate.

Runs over the corpus (it needs every stored article of a source), so it is a corpus step.
Copies of the same story in one source share their real paragraphs too; a line only counts
as recurring when it appears in enough articles that otherwise have little text in common.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence

from storyline.clean.segment import Block, assemble, blocks_of
from storyline.clean.step import CleanStep
from storyline.config import Config
from storyline.model import Article, RemovedLine
from storyline.pipeline.step import CorpusResult, create_step, register_step
from storyline.pipeline.workers import configured_workers, run_in_workers
from storyline.store.changes import Changes
from storyline.store.view import CorpusView

REASON = "recurring"
# Two articles sharing more than this share of the smaller one's text are versions of one
# story, so a line they share proves nothing about the site.
_RELATED_SHARE = 0.3


def _lines(article: Article) -> list[str]:
    return [article.paragraph_text(index) for index in range(len(article.paragraphs))]


def _shared_share(first: set[str], second: set[str], line: str) -> float:
    """Share of the smaller article's characters (``line`` aside) that both contain."""
    shared = sum(len(text) for text in first & second if text != line)
    smaller = min(sum(map(len, first - {line})), sum(map(len, second - {line})))
    return shared / smaller if smaller else 1.0


def recurring_lines(articles: Sequence[Article], min_articles: int) -> set[str]:
    """Find the lines of one source's articles that are site boilerplate.

    Args:
        articles: Every stored article of one source (their body paragraphs, plus lines an
            earlier run already removed as recurring, so the verdict is stable).
        min_articles: In how many mutually unrelated articles a line must appear.

    Returns:
        The recurring lines, verbatim.
    """
    line_sets: list[set[str]] = []
    for article in articles:
        lines = set(_lines(article))
        lines.update(removed.text for removed in article.removed if removed.reason == REASON)
        line_sets.append(lines)
    holders: dict[str, list[int]] = defaultdict(list)
    for index, lines in enumerate(line_sets):
        for line in lines:
            holders[line].append(index)
    recurring: set[str] = set()
    for line, indexes in holders.items():
        if len(indexes) < min_articles:
            continue
        independent: list[int] = []
        for index in indexes:
            if all(
                _shared_share(line_sets[index], line_sets[other], line) <= _RELATED_SHARE
                for other in independent
            ):
                independent.append(index)
                if len(independent) >= min_articles:
                    recurring.add(line)
                    break
    return recurring


def remove_recurring(article: Article, recurring: set[str]) -> bool:
    """Take recurring lines out of ``article`` and re-segment it; return whether it changed."""
    kept: list[Block] = []
    removed_any = False
    for block in blocks_of(article):
        if block.kind != "heading" and block.text in recurring:
            article.removed.append(RemovedLine(block.text, REASON))
            removed_any = True
        else:
            kept.append(block)
    if removed_any:
        article.text, article.paragraphs, article.headings = assemble(kept)
    return removed_any


def line_key(text: str) -> int:
    """A stable 64-bit hash of one line's text (how the store indexes a source's lines)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(),
                          "big", signed=True)


def line_index(article: Article) -> list[tuple[int, int, bool]]:
    """(line key, length, still in the text) of each line :func:`recurring_lines` counts."""
    kept = set(_lines(article))
    gone = {r.text for r in article.removed if r.reason == REASON} - kept
    return sorted({(line_key(t), len(t), True) for t in kept}
                  | {(line_key(t), len(t), False) for t in gone})


def _shared_share_keyed(first: dict[int, int], second: dict[int, int], line: int) -> float:
    """:func:`_shared_share` on (line key → length) maps."""
    shared = sum(length for key, length in first.items() if key in second and key != line)
    smaller = min(sum(length for key, length in first.items() if key != line),
                  sum(length for key, length in second.items() if key != line))
    return shared / smaller if smaller else 1.0


# Articles per chunk handed to a worker when re-annotating: small, so that both workers get
# chunks when only a few dozen articles changed.
REANNOTATE_CHUNK = 32


@register_step("recurring")
class RecurringStep:
    """Removes each source's recurring lines and re-annotates the articles that changed.

    Incremental: a line's verdict depends only on the articles holding it, so only the
    lines of the pending articles are judged again, from the stored line index of their
    source (holders found by line key), never from the source's whole list of articles.
    """

    name = "recurring"
    # 2: keeps a per-source line index (older stores are indexed again once).
    version = "2"
    requires = ("text", "paragraphs", "removed", "source")
    sets = ("text", "paragraphs", "headings", "removed", "sentences", "temporal", "entities",
            "quotes")
    reads = ("articles", "lines")
    writes = ("articles", "sentences", "lines")

    def __init__(self, config: Config) -> None:
        """Keep the configuration (the language step is built from it when needed)."""
        self.config = config
        self.min_articles = int(config["clean"]["recurring_line_min_articles"])

    def run(self, view: CorpusView, pending: Sequence[str]) -> CorpusResult:
        """Judge the lines of the pending articles; remove those that recur everywhere.

        The articles that lost lines are re-annotated by the language step (asked for
        through the registry) and returned as changes, with both record steps' versions.
        """
        result = CorpusResult(stats={"recurring_lines_removed": 0})
        if not pending:
            return result
        new = {a.id: a for a in view.articles(pending) if a.source is not None}
        lines = {i: {key: size for key, size, _ in line_index(a)} for i, a in new.items()}
        texts: dict[int, str] = {}
        for article in new.values():
            texts.update((line_key(t), t) for t in _lines(article))
        recurring: dict[str, set[int]] = {}
        for source in sorted({a.source for a in new.values() if a.source}):
            mine = [i for i, a in new.items() if a.source == source]
            recurring[source] = self._judge(view, source, mine, lines)
        # Stored articles that still show a recurring line (a line found recurring earlier
        # is already gone from all of them).
        touched = sorted({i for source, keys in recurring.items() if keys
                          for held in view.line_holders(source, sorted(keys)).values()
                          for i, kept in held if kept} - set(new))
        articles = dict(new)
        articles.update((a.id, a) for a in view.articles(touched))
        changed: list[Article] = []
        for article_id in sorted(articles, key=lambda i: (i not in new, i)):
            article = articles[article_id]
            keys = recurring.get(article.source or "", set())
            if not keys:
                continue
            remove = {text for text in _lines(article) if line_key(text) in keys}
            before = len(article.removed)
            if remove and remove_recurring(article, remove):
                result.stats["recurring_lines_removed"] += len(article.removed) - before
                changed.append(article)
        index = {i: (a.source or "", line_index(a)) for i, a in new.items()}
        index.update((a.id, (a.source or "", line_index(a))) for a in changed)
        result.changes = Changes(source_lines=index)
        if changed:
            language = create_step("language", self.config)
            # Often hundreds of articles: parsed on every core, as the record steps are.
            workers = configured_workers(self.config)
            annotated = [item for item in run_in_workers([language], changed, workers,
                                                         REANNOTATE_CHUNK)
                         if isinstance(item, Article)]
            versions = {CleanStep.name: CleanStep.version, language.name: language.version}
            result.changes.articles = annotated
            result.changes.article_steps = versions
        return result

    def _judge(self, view: CorpusView, source: str, mine: list[str],
               lines: dict[str, dict[int, int]]) -> set[int]:
        """Keys of the lines of ``mine`` (new articles of ``source``) that recur there."""
        keys = sorted({key for i in mine for key in lines[i]})
        stored = view.line_holders(source, keys)
        fresh = set(lines)
        holders: dict[int, set[str]] = {key: set() for key in keys}
        found: set[int] = set()
        for key, held in stored.items():
            held = [(i, kept) for i, kept in held if i not in fresh]  # stored rows may be old
            holders[key].update(i for i, _ in held)
            if any(not kept for _, kept in held):
                # Removed as recurring before: more holders never undo that verdict.
                found.add(key)
        for i in mine:
            for key in lines[i]:
                holders[key].add(i)
        busy = [key for key, ids in holders.items()
                if len(ids) >= self.min_articles and key not in found]
        if not busy:
            return found
        others = sorted({i for key in busy for i in holders[key]} - fresh)
        order = view.arrivals(sorted({i for key in busy for i in holders[key]}))
        known = dict(lines)
        known.update(view.article_lines(others))
        for key in busy:
            independent: list[str] = []
            for holder in sorted(holders[key], key=lambda i: order.get(i, 0)):
                if all(_shared_share_keyed(known[holder], known[other], key) <= _RELATED_SHARE
                       for other in independent):
                    independent.append(holder)
                    if len(independent) >= self.min_articles:
                        found.add(key)
                        break
        return found
