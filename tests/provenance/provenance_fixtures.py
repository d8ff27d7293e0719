"""Invented articles for the provenance tests (written for these tests)."""

from __future__ import annotations

import re

from storyline.config import load_config
from storyline.model import Article, Paragraph, Sentence
from storyline.pipeline.run import run_corpus_step
from storyline.provenance.step import ProvenanceStep
from storyline.store.articles import save_articles
from storyline.store.db import Store

BRIDGE = [
    "The new suspension bridge over the Varna estuary opened to traffic on Tuesday morning "
    "after six years of construction and two changes of contractor.",
    "Regional transport minister Ilse Marrow cut the ribbon at dawn while a brass band from "
    "the harbour school played on the northern ramp.",
    "Engineers said the main span of 1,140 metres makes it the longest of its kind in the "
    "region and that it was built to withstand winds of 200 kilometres an hour.",
    "Commuters from the southern suburbs will save about forty minutes a day, according to "
    "estimates published by the regional planning office last spring.",
    "The project cost 2.3 billion crowns, nearly a third more than first budgeted, a "
    "difference the opposition has called a scandal of poor oversight.",
    "Ferry operators, who carried most of the traffic across the estuary for a century, have "
    "warned that dozens of crew jobs are now at risk.",
    "Toll charges will be waived for the first month, after which drivers of private cars "
    "will pay a flat fee of eight crowns for each crossing.",
    "A cycling lane and a footpath on the western side of the deck are due to open later in "
    "the summer once the safety railings have been inspected.",
]

TRANSFER = [
    "Midfielder Tomas Oberlin has completed his move from Kestrel Athletic to the league "
    "champions for a fee reported to be close to forty million euros.",
    "The 24-year-old signed a five-year contract on Friday evening after passing a medical at "
    "the club's training ground on the edge of the capital.",
    "Oberlin scored eleven goals last season and was named young player of the year by the "
    "national association of sports journalists in May.",
    "Kestrel Athletic said the sale would fund the renovation of its youth academy and the "
    "long delayed expansion of the east stand.",
    "Supporters of the smaller club gathered outside the stadium to protest against what "
    "they described as the stripping of their best talent.",
    "The champions have now spent more than ninety million euros this summer as they prepare "
    "for a first campaign in the continental cup since 2011.",
]

FLOOD = [
    "Heavy rain caused the river Ostra to burst its banks overnight, flooding hundreds of "
    "homes in the lower districts of the old market town.",
    "Rescue crews used inflatable boats to reach elderly residents trapped on upper floors, "
    "and a sports hall was opened as an emergency shelter.",
    "The weather service said more than 120 millimetres of rain had fallen in twenty-four "
    "hours, the highest total recorded there in half a century.",
    "Rail services between the town and the coast were suspended after a section of "
    "embankment was washed away near the old sawmill.",
    "Local officials estimated the damage at several million crowns and appealed to the "
    "national government for emergency funds to rebuild.",
    "Farmers upstream reported that large areas of wheat and barley were under water only "
    "weeks before the harvest was due to begin.",
]

FOLLOW_UP = [
    "Traffic on the Varna estuary bridge was halted for three hours on Thursday after a lorry "
    "shed its load of timber across both northbound lanes.",
    "Police said nobody was hurt but queues stretched back several kilometres into the "
    "southern suburbs during the evening rush hour.",
    "The bridge operator promised to review its procedures for clearing the deck and said "
    "recovery vehicles would in future be stationed at both ends.",
    BRIDGE[2],
    BRIDGE[4],
    "Drivers stuck in the queue complained on social media that no information had been "
    "given on the electronic signs at the southern approach.",
    "A spokesman for the haulage firm said the driver had followed every loading rule and "
    "that the straps holding the timber would be examined by an independent expert.",
    "Opposition councillors called for a ban on heavy goods vehicles during peak hours "
    "until a second recovery lane can be built alongside the toll plaza.",
    "The operator expects to publish its report on the incident within two weeks and said "
    "it would share the findings with the regional transport ministry.",
]

UPDATE_TOP = [
    "The new Varna estuary bridge carried more than thirty thousand vehicles on its first "
    "day, far more than the operator had predicted before the opening.",
    "Long queues formed at the northern ramp by mid-afternoon as curious drivers made the "
    "crossing simply to see the view from the deck of the new span.",
    "The operator said it would add staff at the toll plaza before the free period ends and "
    "apologised to commuters who were delayed on their way home.",
]


def join(sentences: list[str]) -> str:
    """Two sentences a paragraph, as news pages often have."""
    paragraphs = [" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2)]
    return "\n\n".join(paragraphs)


def make_article(
    article_id: str,
    text: str,
    source: str | None = None,
    wire: str | None = None,
    published: str | None = None,
) -> Article:
    """An article as the clean and language steps would leave it (simple sentence split)."""
    article = Article(id=article_id, origin="test", raw=text, text=text, source=source,
                      wire=wire, published=published,
                      published_precision="day" if published else "unknown")
    for block in re.finditer(r"[^\n]+", text):
        article.paragraphs.append(Paragraph(block.start(), block.end()))
        for match in re.finditer(r"\S.*?[.!?](?=\s|$)|\S.*$", block.group()):
            start = block.start() + match.start()
            article.sentences.append(Sentence(start, start + len(match.group()), match.group(),
                                              len(article.paragraphs) - 1))
    return article


def run_provenance(store: Store, articles: list[Article]) -> dict[str, dict[str, str | None]]:
    """Store the articles, run the step on them and return every provenance row."""
    save_articles(store, articles, {})
    run_corpus_step(store, ProvenanceStep(load_config()), [a.id for a in articles])
    rows = store.conn.execute("SELECT * FROM provenance")
    return {row["article_id"]: dict(row) for row in rows}
