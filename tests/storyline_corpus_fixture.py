"""A small invented corpus, stored as if the whole pipeline had run (for narrate/render/CLI)."""

from __future__ import annotations

from pathlib import Path

from storyline.model import (
    Article,
    EntityMention,
    Quote,
    RemovedLine,
    Sentence,
    TemporalExpression,
)
from storyline.store.articles import save_articles
from storyline.store.db import Store


def make_article(
    article_id: str,
    sentences: list[str],
    *,
    title: str | None = None,
    source: str = "Example Times",
    wire: str | None = None,
    published: str | None = "2024-03-04",
    precision: str = "day",
    dates: dict[int, str] | None = None,
    entities: list[tuple[str, str]] | None = None,
) -> Article:
    """Build an article whose body is ``sentences`` joined by spaces."""
    text, spans = "", []
    for sentence in sentences:
        start = len(text) + (1 if text else 0)
        text = f"{text} {sentence}" if text else sentence
        spans.append(Sentence(start, start + len(sentence), sentence))
    temporal = [
        TemporalExpression(text=value, start=spans[index].start, end=spans[index].start + 1,
                           kind="absolute", value=value, sentence=index)
        for index, value in (dates or {}).items()
    ]
    mentions = [
        EntityMention(text=name, label=label, start=0, end=len(name), canonical=name)
        for name, label in (entities or [])
    ]
    return Article(
        id=article_id, origin=f"fixture/{article_id}.html", url=f"file:///{article_id}",
        raw=text, title=title, source=source, wire=wire, text=text, sentences=spans,
        published=published, published_precision=precision,  # type: ignore[arg-type]
        published_basis="metadata" if published else "none", language="en",
        temporal=temporal, entities=mentions,
    )


BRIDGE = [
    "The city council approved the new harbour bridge after a long debate on Monday.",
    "Engineers said construction of the harbour bridge would begin in the spring.",
    "The mayor called the harbour bridge vote a turning point for the waterfront district.",
    "Opponents warned that the bridge budget could double before the work is finished.",
]
BRIDGE_OTHER = [
    "Council members voted to approve the harbour bridge plan late on Monday evening.",
    "The approved bridge plan includes two cycle lanes and a pedestrian walkway.",
    "Residents of the waterfront district gathered outside the council building to protest.",
]
STRIKE = [
    "Dock workers began a strike at the harbour on Sunday over pay and hours.",
    "The union said the harbour strike would continue until the port authority negotiates.",
    "Shipping companies diverted several container vessels to other ports during the strike.",
    "Port officials said the strike had halted nearly all cargo traffic at the harbour.",
]
FESTIVAL = [
    "The spring music festival returned to the old town square with dozens of bands.",
    "Organisers said the festival drew more visitors than in any previous year.",
]


def build_corpus(store: Store) -> None:
    """Fill ``store`` with two storylines, three events, reprints, passages and quotes."""
    harbour = [("Harbour Council", "ORG"), ("Port City", "GPE")]
    a1 = make_article("a1", BRIDGE, title="Council approves harbour bridge", source="Daily Wire",
                      wire="Wire A", dates={0: "2024-03-04", 1: "2024-04"}, entities=harbour)
    a1.quotes = [Quote(text="a turning point", start=10, end=25, speaker="the mayor",
                       speaker_id="mayor")]
    a1.removed = [RemovedLine(text="Subscribe to our newsletter", reason="boilerplate")]
    a2 = make_article("a2", ["Town Paper reports:", *BRIDGE], title="Bridge approved",
                      source="Town Paper", wire="Wire A", dates={1: "2024-03-04"},
                      entities=harbour)
    a3 = make_article("a3", BRIDGE_OTHER, title="Harbour bridge gets the green light",
                      source="Metro News", dates={0: "2024-03-04"}, entities=harbour)
    a4 = make_article("a4", STRIKE, title="Dock workers strike <script>alert(1)</script>",
                      source="Harbour Herald", published="2024-03-10",
                      dates={0: "2024-03-10"}, entities=harbour)
    a4.text += " <script>alert('body')</script>"
    a5 = make_article("a5", [*STRIKE, "Talks are due to resume on Friday."],
                      title="Dock workers strike (updated)", source="Harbour Herald",
                      published="2024-03-11", dates={4: "2024-03-15"}, entities=harbour)
    a6 = make_article("a6", FESTIVAL, title=None, source="Arts Weekly", published="2024-05",
                      precision="month", dates={0: "2024-05"},
                      entities=[("Old Town", "LOC")])
    save_articles(store, [a1, a2, a3, a4, a5, a6], {"fixture": "1"})
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO provenance (article_id, duplicate_group, reprint_of, version_of, "
            "exact_duplicate_of) VALUES (?, ?, ?, ?, ?)",
            [("a1", "g1", None, None, None), ("a2", "g1", "a1", None, None),
             ("a3", "g3", None, None, None), ("a4", "g4", None, None, None),
             ("a5", "g4", None, "a4", None), ("a6", "g6", None, None, None)],
        )
        conn.execute(
            "INSERT INTO passages VALUES ('a1', 'a2', 0, 79, 20, 99, ?, ?, 0.98)",
            (BRIDGE[0], BRIDGE[0]),
        )
        conn.executemany("INSERT INTO storylines (storyline_id) VALUES (?)", [("s1",), ("s2",)])
        conn.executemany(
            "INSERT INTO events (event_id, storyline_id, date, date_precision) "
            "VALUES (?, ?, ?, ?)",
            [("e1", "s1", "2024-03-04", "day"), ("e2", "s1", "2024-03-10", "day"),
             ("e3", "s2", "2024-05", "month")],
        )
        conn.executemany(
            "INSERT INTO event_articles (event_id, article_id) VALUES (?, ?)",
            [("e1", "a1"), ("e1", "a2"), ("e1", "a3"), ("e2", "a4"), ("e2", "a5"),
             ("e3", "a6")],
        )


def corpus_store(path: Path | str = ":memory:") -> Store:
    """Open a store at ``path`` holding the fixture corpus."""
    store = Store(path)
    build_corpus(store)
    return store


def facet_articles() -> list[Article]:
    """Two reports of one bridge vote (people, place, a number) beside a strike and a fair."""
    people = [("Mayor Ana Ruiz", "PERSON"), ("Ostbury", "GPE")]
    return [
        make_article("a", BRIDGE, title="Council approves bridge", entities=people),
        make_article("b", [*BRIDGE[:2], "The bridge will cost 12 million euros."],
                     title="Bridge approved", entities=people[:1]),
        make_article("c", STRIKE, title="Dockers strike"),
        make_article("d", FESTIVAL, title="Festival opens"),
    ]
