"""End to end on the japan-korea example: storyline must reach the analyst's conclusions."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from storyline.config import load_config
from storyline.narrate.timeline import build_timeline
from storyline.pipeline.run import run_pipeline
from storyline.render.export import export_records
from storyline.store.db import Store

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "japan-korea"


@pytest.fixture(scope="module")
def analysed_store(tmp_path_factory: pytest.TempPathFactory):
    if not (DATA / "expected.json").exists():
        pytest.skip("japan-korea development data not present")
    expected = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
    inputs = sorted(str(p) for p in DATA.glob("*.txt"))
    store = Store(tmp_path_factory.mktemp("jk") / "story.db")
    run_pipeline(store, inputs, load_config())
    yield expected, store
    store.close()


@pytest.fixture(scope="module")
def analysed(analysed_store):
    expected, store = analysed_store

    def export(what: str) -> list[dict]:
        buffer = io.StringIO()
        export_records(store, what, "jsonl", buffer)
        return [json.loads(line) for line in buffer.getvalue().splitlines()]

    return expected, export


def test_three_events_in_one_storyline(analysed):
    expected, export = analysed
    articles = {a["id"]: a for a in export("articles")}
    predicted = {}
    for article_id, article in articles.items():
        predicted.setdefault(article["event_id"], set()).add(article_id)
    gold = [set(event["articles"]) for event in expected["events"].values()]
    assert sorted(map(sorted, predicted.values())) == sorted(map(sorted, gold))
    assert len({a["storyline_id"] for a in articles.values()}) == 1


def test_event_dates_as_precise_as_the_text_allows(analysed):
    expected, export = analysed
    events = {tuple(sorted(e["articles"])): e for e in export("events")}
    for gold in expected["events"].values():
        event = events[tuple(sorted(gold["articles"]))]
        # A day the text cannot fix stays unknown: the month must agree then.
        assert gold["date"].startswith(event["date"]), (gold, event["date"])
    assert {e["date"] for e in events.values()} == {"2023-03", "2023-05-07", "2024-09"}


def test_articles_in_chronological_order_with_dates_from_the_text(analysed):
    expected, export = analysed
    articles = export("articles")
    assert [a["id"] for a in articles] == expected["order"]
    dates = {a["id"]: (a["published"], a["published_precision"]) for a in articles}
    assert dates["001_fbac82d7d3572f62.txt"] == ("2023-05-07", "day")  # dateline
    assert dates["000_fd640aeae62571bb.txt"] == ("2023-05-08", "day")  # "on Monday … a day earlier"
    assert dates["003_9aa4e507c3327256.txt"] == ("2023-03", "month")  # from other articles
    assert dates["004_e8d3e4019e2f7960.txt"] == ("2024-09", "month")  # "a visit last year"


def test_wires(analysed):
    expected, export = analysed
    wires = {a["id"]: a["wire"] for a in export("articles")}
    assert wires == {k: v["wire"] for k, v in expected["provenance"].items()}


def test_outlets_read_from_credit_and_copyright_lines(analysed):
    expected, export = analysed
    articles = {a["id"]: a for a in export("articles")}
    for article_id, facts in expected["provenance"].items():
        if facts["published_by"] == "Bloomberg":  # "©2023 Bloomberg L.P." at the foot
            assert articles[article_id]["source"] == "Bloomberg"
            assert articles[article_id]["source_basis"] == "copyright line"
    credited = [a for a in articles.values() if a["source"] == "TheStar"]  # "Source : TheStar"
    assert [a["source_basis"] for a in credited] == ["credit line"]


def test_copies_of_one_wire_story_are_one_independent_source(analysed):
    _, export = analysed
    wires = {a["id"]: a["wire"] for a in export("articles")}
    for event in export("events"):
        named = {wires[a] for a in event["articles"]}
        if len(event["articles"]) > 1 and len(named) == 1 and None not in named:
            # Reprints of one agency's story, grouped as copies or not, are one source.
            assert event["independent_sources"] == 1


def test_shared_sentences_are_exported_as_passages(analysed):
    expected, export = analysed
    passages = export("passages")
    for first, second, words in expected["shared_sentences"]:
        assert any(
            {p["a"], p["b"]} == {first, second} and words in p["a_text"] and words in p["b_text"]
            for p in passages
        ), (first, second, words)


def test_no_listed_boilerplate_left(analysed):
    expected, export = analysed
    texts = {a["id"]: a["text"] for a in export("articles")}
    for article_id, lines in expected["boilerplate"].items():
        for line in lines:
            if line.startswith("the headline"):
                continue
            probe = line.replace("...", "").strip()
            assert probe not in texts[article_id], (article_id, line)



def test_titles_read_as_news(analysed):
    _, export = analysed
    storylines = export("storylines")
    assert [s["title"] for s in storylines] == ["Japan–South Korea relations"]
    for event in export("events"):
        title = event["title"]
        assert 3 <= len(title.split()) <= 15, title
        assert not any(mark in title for mark in ("»", "(Bloomberg)", "Blog", "…")), title


def test_the_last_article_added_later_joins_as_in_one_go(analysed, tmp_path: Path):
    _, export = analysed
    inputs = sorted(str(p) for p in DATA.glob("*.txt"))
    with Store(tmp_path / "later.db") as store:
        run_pipeline(store, inputs[:-1], load_config())
        summary = run_pipeline(store, inputs[-1:], load_config())
        assert "events changed" in summary.stats  # joined, not clustered afresh
        buffer = io.StringIO()
        export_records(store, "events", "jsonl", buffer)
        later = [json.loads(line) for line in buffer.getvalue().splitlines()]

    def shape(events: list[dict]) -> list[tuple]:
        return sorted((tuple(sorted(e["articles"])), e["date"], e["date_precision"],
                       e["storyline_id"] is not None) for e in events)

    assert shape(later) == shape(export("events"))


# Sentences that tell what came before the news, and the only date each may be put on
# (None: on no day, only a month or a year fits).
BACKGROUND = {
    "had sunk to their lowest level in decades": None,
    "began to warm earlier this year": None,
    "turn the corner on troubled ties in March": "2023-03",
    "reinstated Japan to its list of preferred trading partners": "2023-04",
}


@pytest.mark.parametrize("per_date", [2, 4])
def test_timeline_tells_the_three_events_in_order_with_citations(analysed_store, per_date):
    expected, store = analysed_store
    timeline = build_timeline(store, sentences_per_date=per_date)
    dates = [entry["date"] for entry in timeline]
    assert dates == sorted(dates)
    event_of = {article: name for name, event in expected["events"].items()
                for article in event["articles"]}
    texts = {a["id"]: " ".join(a["text"].split()) for a in _articles(store)}
    for name, event in expected["events"].items():
        # each event is told on its own date (its month when the text gives no day)
        told = [e for e in timeline if event["date"].startswith(e["date"])]
        assert any(event_of[s["article_id"]] == name for e in told for s in e["sentences"]), name
    firsts = [min(e["date"] for e in timeline
                  if any(event_of[s["article_id"]] == name for s in e["sentences"]))
              for name in expected["storylines"]["japan-south-korea-rapprochement"]]
    assert firsts == sorted(firsts)  # the three events in order
    for entry in timeline:
        for sentence in entry["sentences"]:
            assert sentence["text"] in texts[sentence["article_id"]]  # cited as written
            for words, allowed in BACKGROUND.items():
                if words in sentence["text"]:
                    assert entry["date"] == allowed, (entry["date"], sentence["text"])


def _articles(store: Store) -> list[dict]:
    buffer = io.StringIO()
    export_records(store, "articles", "jsonl", buffer)
    return [json.loads(line) for line in buffer.getvalue().splitlines()]
