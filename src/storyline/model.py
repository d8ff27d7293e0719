"""The records that flow through the pipeline.

One :class:`Article` is created by ingest and filled in, step by step, by the
stages after it. Every field is plain data so that a record can be serialised
to JSON (the store) and shipped to another process (Spark) unchanged.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

Precision = Literal["day", "month", "year", "unknown"]
DateBasis = Literal["metadata", "dateline", "relative", "event", "text", "none"]
SourceBasis = Literal["metadata", "site name", "credit line", "copyright line", "none"]
"""Where an article's outlet (``source``) was read: its input's metadata, the page's site
name, a credit line ("Source : TheStar"), a copyright line ("©2023 Bloomberg L.P.")."""
ParagraphKind = Literal["body", "heading"]


@dataclass
class RemovedLine:
    """A line that cleaning took out of the body, kept so a user can audit it."""

    text: str
    reason: str


@dataclass
class Paragraph:
    """A block of the clean body; ``start``/``end`` are offsets into ``Article.text``."""

    start: int
    end: int
    kind: ParagraphKind = "body"


@dataclass
class Heading:
    """A section heading of the body ("Export curbs"), kept out of ``Article.text``.

    ``offset`` is where in ``Article.text`` the section it heads begins (the start of the
    paragraph after it; the end of the text for a heading with nothing after it).
    """

    text: str
    offset: int


@dataclass
class Sentence:
    """A sentence of the clean body; offsets into ``Article.text``."""

    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclass
class TemporalExpression:
    """A date expression found in the text, normalised where the anchor allows.

    ``value`` is a TIMEX3 value once resolved (ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``;
    ``1998-W47``, ``1998-Q3``, ``1998-SU``, ``199`` for a decade, ``PRESENT_REF``; ``XXXX-09-11``
    when the year cannot be told), else ``None``; the partial fields keep what the words
    themselves say so that a later, cross-document step can resolve it when the publication
    date becomes known.
    """

    text: str
    start: int
    end: int
    kind: str  # absolute | partial | weekday | relative | year | week | weekend | quarter
    #            | season | decade | century | ref
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # Monday = 0
    offset: int | None = None  # for relative expressions
    unit: str | None = None  # day | week | month | year
    # What the words name outside the calendar: a quarter ("Q3"), a season ("SU") or a
    # reference ("PRESENT_REF"); ``value`` then uses TIMEX3's forms (1998-Q3, 1998-SU).
    code: str | None = None
    value: str | None = None
    sentence: int | None = None


@dataclass
class EntityMention:
    """A named entity mention; ``canonical`` is the name shared across documents."""

    text: str
    label: str
    start: int
    end: int
    canonical: str = ""


@dataclass
class Quote:
    """A direct quote with its speaker guess (offsets into ``Article.text``)."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_id: str | None = None


@dataclass
class Article:
    """One news article and everything the pipeline learns about it."""

    id: str
    origin: str = ""  # file path, file:line or URL it came from
    url: str | None = None
    raw: str = ""  # the input as read (HTML or text); cleaning reads it
    raw_format: Literal["html", "text"] = "text"
    input_hash: str = ""  # hash of the input as ingested: the same input is not processed twice
    title: str | None = None
    source: str | None = None  # outlet that published this copy
    wire: str | None = None  # agency the copy comes from (Reuters, Bloomberg, …)
    byline: str | None = None
    dateline: str | None = None
    text: str = ""  # clean body
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    published: str | None = None  # ISO, as precise as ``published_precision`` says
    published_precision: Precision = "unknown"
    published_basis: DateBasis = "none"
    source_basis: SourceBasis = "none"  # where ``source`` was read
    language: str | None = None
    removed: list[RemovedLine] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    temporal: list[TemporalExpression] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the record as JSON-ready plain data."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an article from :meth:`to_dict` output (unknown keys are ignored)."""
        nested: dict[str, type] = {
            "paragraphs": Paragraph,
            "sentences": Sentence,
            "removed": RemovedLine,
            "temporal": TemporalExpression,
            "entities": EntityMention,
            "quotes": Quote,
            "headings": Heading,
        }
        known = {f.name for f in fields(cls)}
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            if key not in known:
                continue
            if key in nested and value is not None:
                item_type = nested[key]
                value = [item_type(**item) for item in value]
            kwargs[key] = value
        return cls(**kwargs)

    def paragraph_text(self, index: int) -> str:
        """Return the text of paragraph ``index``."""
        paragraph = self.paragraphs[index]
        return self.text[paragraph.start : paragraph.end]


def one_line(text: str) -> str:
    r"""Return ``text`` with line breaks and other control characters written as escapes.

    A file name or a WARC record's URI may hold a newline or a terminal escape sequence;
    shown as ``\n`` or ``\x1b`` it cannot split a message or restyle the terminal.
    """
    return "".join(char if char.isprintable() or char == " "
                   else char.encode("unicode_escape").decode("ascii") for char in text)


@dataclass
class Skip:
    """An input (or one line of it) that was not stored, with the reason."""

    origin: str
    reason: str
    line: int | None = None

    def __post_init__(self) -> None:
        # Reasons quote the input (a title, a header, a parser's message): one line always,
        # whatever that text holds.
        self.reason = " ".join(self.reason.split())

    def message(self) -> str:
        """One line for the user: where, and what went wrong."""
        where = f"{self.origin}:{self.line}" if self.line is not None else self.origin
        return one_line(f"{where}: {self.reason}")
