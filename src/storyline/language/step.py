"""The language step: sentences, dates, entities and quotes. (stub)"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from storyline.config import Config
from storyline.model import Article, Sentence, Skip
from storyline.pipeline.step import register_step


@register_step("language")
class LanguageStep:
    """Splits sentences and annotates them."""

    name = "language"
    version = "0"
    requires = ("text", "paragraphs")
    sets = ("sentences", "temporal", "entities", "quotes")

    def __init__(self, config: Config) -> None:
        self.config = config

    def run(self, articles: Iterable[Article]) -> Iterator[Article | Skip]:
        """Annotate each article."""
        for article in articles:
            article.sentences = []
            for index, paragraph in enumerate(article.paragraphs):
                for match in re.finditer(r"[^.!?]+[.!?]*", article.paragraph_text(index)):
                    start = paragraph.start + match.start()
                    text = match.group().strip()
                    if text:
                        start = article.text.index(text, start)
                        article.sentences.append(Sentence(start, start + len(text), text, index))
            yield article
