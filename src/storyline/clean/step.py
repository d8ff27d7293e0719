"""The clean step: raw input → clean body, removed lines and copy metadata."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from storyline.clean.body import clean_body
from storyline.clean.html import extract_html
from storyline.clean.segment import assemble
from storyline.clean.wires import WireList, load_wires
from storyline.config import Config
from storyline.model import Article, Skip
from storyline.pipeline.step import register_step

# Marks in ``Article.metadata`` which fields this step filled, so a re-run may replace them
# while values that came with the input are never overwritten.
_FILLED_KEY = "clean_filled"


@register_step("clean")
class CleanStep:
    """Extracts the article body and its metadata, re-deriving everything from ``raw``."""

    name = "clean"
    version = "6"  # 6: headings kept out of the text; 5: the outlet from a copyright line
    requires = ("raw", "raw_format")
    sets = ("text", "paragraphs", "headings", "removed", "title", "source", "source_basis", "wire",
            "byline", "dateline", "published", "published_precision", "published_basis")

    def __init__(self, config: Config) -> None:
        """Read the [clean] settings."""
        settings = config["clean"]
        self.favor_precision = bool(settings["favor_precision"])
        self.min_body_chars = int(settings["min_body_chars"])
        self.wires = load_wires()

    def run(self, articles: Iterable[Article]) -> Iterator[Article | Skip]:
        """Clean each article; one whose body is too short is skipped with the reason."""
        for article in articles:
            clean_article(article, self.favor_precision, self.wires)
            if len(article.text) < self.min_body_chars:
                yield Skip(
                    article.origin or article.id,
                    f"clean body has {len(article.text)} characters, fewer than "
                    f"[clean] min_body_chars = {self.min_body_chars}; the input holds no "
                    "article text (lower the setting to keep such inputs)",
                )
                continue
            yield article


def clean_article(
    article: Article, favor_precision: bool = True, wires: WireList | None = None
) -> None:
    """Fill the clean fields of ``article`` from its raw input, in place.

    Args:
        article: An ingested article; fields set by an earlier run of this step are replaced.
        favor_precision: For HTML, prefer dropping doubtful blocks over keeping page furniture.
        wires: The agency list (``load_wires()`` when ``None``).
    """
    wire_list = load_wires() if wires is None else wires
    filled: list[str] = list(article.metadata.get(_FILLED_KEY, []))
    # Forget what an earlier run derived, so the result depends on the raw input alone.
    for name in filled:
        if name in ("title", "source", "published"):
            setattr(article, name, None)
        if name == "source":
            article.source_basis = "none"
        if name == "published":
            article.published_precision, article.published_basis = "unknown", "none"
    filled = []

    body = article.raw
    author: str | None = None
    if article.raw_format == "html":
        page = extract_html(article.raw, article.url, favor_precision)
        body = page.text
        if article.title is None and page.title:
            article.title, filled = page.title, [*filled, "title"]
        if article.source is None and page.sitename:
            article.source, filled = page.sitename, [*filled, "source"]
            article.source_basis = "site name"
        author = page.author
        if article.published is None and page.date:
            article.published = page.date[:10]
            article.published_precision, article.published_basis = "day", "metadata"
            filled.append("published")

    # A headline-only record's text is its headline: not a repeat of it to strip.
    headline_only = article.metadata.get("body") == "headline only"
    result = clean_body(body, article.title, wire_list, keep_header=headline_only)
    article.text, article.paragraphs, article.headings = assemble(result.blocks)
    article.removed = result.removed
    # A wire's own copy carries no credit line: the outlet itself is the agency.
    article.wire = result.wire or (wire_list.canonical(article.source) if article.source else None)
    article.dateline = result.dateline
    if article.title is None and result.title:
        article.title, filled = result.title, [*filled, "title"]
    article.byline = author or result.byline
    if article.source is None and result.publisher:
        article.source, filled = result.publisher, [*filled, "source"]
        article.source_basis = "credit line"
    if article.source is None and result.copyright_holder:
        # "©2023 Bloomberg L.P." at the foot of a copy: the outlet that owns it.
        holder = result.copyright_holder
        article.source, filled = wire_list.canonical(holder) or holder, [*filled, "source"]
        article.source_basis = "copyright line"
    if article.published is None and result.published:
        # A "Published/Updated <date>" line of the page: known to the day, read from the text.
        article.published = result.published
        article.published_precision, article.published_basis = "day", "text"
        filled.append("published")
    if article.source is not None and "source" not in filled:
        article.source_basis = "metadata"
    article.metadata[_FILLED_KEY] = filled
