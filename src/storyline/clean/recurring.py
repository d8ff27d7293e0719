"""Lines that recur verbatim across many articles of one source are that site's boilerplate.

Runs over the corpus (it needs every stored article of a source), so it is a corpus step.
Copies of the same story in one source share their real paragraphs too; a line only counts
as recurring when it appears in enough articles that otherwise have little text in common.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from storyline.clean.segment import Block, assemble
from storyline.clean.step import CleanStep
from storyline.config import Config
from storyline.model import Article, RemovedLine
from storyline.pipeline.step import CorpusResult, create_step, register_step
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
    for index, paragraph in enumerate(article.paragraphs):
        text = article.paragraph_text(index)
        if text in recurring:
            article.removed.append(RemovedLine(text, REASON))
            removed_any = True
        else:
            kept.append(Block(text, paragraph.kind))
    if removed_any:
        article.text, article.paragraphs = assemble(kept)
    return removed_any


@register_step("recurring")
class RecurringStep:
    """Removes each source's recurring lines and re-annotates the articles that changed."""

    name = "recurring"
    version = "1"
    requires = ("text", "paragraphs", "removed", "source")
    sets = ("text", "paragraphs", "removed", "sentences", "temporal", "entities", "quotes")
    reads = ("articles",)
    writes = ("articles", "sentences")

    def __init__(self, config: Config) -> None:
        """Keep the configuration (the language step is built from it when needed)."""
        self.config = config
        self.min_articles = int(config["clean"]["recurring_line_min_articles"])

    def run(self, view: CorpusView, pending: Sequence[str]) -> CorpusResult:
        """Re-check every source that a pending article belongs to.

        The articles that lost lines are re-annotated by the language step (asked for
        through the registry) and returned as changes, with both record steps' versions.
        """
        result = CorpusResult(stats={"recurring_lines_removed": 0})
        if not pending:
            return result
        changed: list[Article] = []
        for source in view.sources_of(pending):
            ids = view.ids_of_source(source)
            if len(ids) < self.min_articles:
                continue
            articles = list(view.articles(ids))
            lines = recurring_lines(articles, self.min_articles)
            for article in articles:
                before = len(article.removed)
                if lines and remove_recurring(article, lines):
                    result.stats["recurring_lines_removed"] += len(article.removed) - before
                    changed.append(article)
        if changed:
            language = create_step("language", self.config)
            annotated = [item for item in language.run(changed) if isinstance(item, Article)]
            versions = {CleanStep.name: CleanStep.version, language.name: language.version}
            result.changes = Changes(articles=annotated, article_steps=versions)
        return result
