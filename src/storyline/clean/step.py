"""The clean step: raw input → body text, removed lines and metadata. (stub)"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from storyline.config import Config
from storyline.model import Article, Paragraph, Skip
from storyline.pipeline.step import register_step


@register_step("clean")
class CleanStep:
    """Extracts the article body and its metadata."""

    name = "clean"
    version = "0"
    requires = ("raw", "raw_format")
    sets = ("text", "paragraphs", "removed", "title", "wire", "byline", "dateline", "published",
            "published_precision", "published_basis")

    def __init__(self, config: Config) -> None:
        self.config = config

    def run(self, articles: Iterable[Article]) -> Iterator[Article | Skip]:
        """Clean each article."""
        for article in articles:
            article.text = article.raw.strip()
            offset = 0
            article.paragraphs = []
            for block in article.text.split("\n"):
                if block.strip():
                    start = article.text.index(block, offset)
                    article.paragraphs.append(Paragraph(start, start + len(block)))
                    offset = start + len(block)
            yield article
