"""Date F1 and crude ROUGE-1 of build_timeline on Timeline17 (news-tls layout), against a baseline.

Usage: python bench/timelines.py [DATA_DIR] [--topic NAME ...]

DATA_DIR (default ../shared/data/t17-dev next to the repo) holds one folder per topic
with ``articles.jsonl`` (id, time, text one sentence a line) and ``timelines.jsonl``
(reference timelines ``[[date, [sentences]], ...]``). For each reference timeline the
tool gets the topic's articles, the reference's date range, L = number of reference
dates and K = mean sentences per date (the news-tls protocol).

Scores, per timeline and averaged:
  * date F1 between the output dates and the reference dates;
  * crude ROUGE-1 F: unigram overlap of ALL output sentences concatenated against ALL
    reference sentences concatenated. This is a stand-in only, NOT tilse's alignment-based
    (align+ m:1) ROUGE that published figures use; compare it only with the baseline below.

Baseline, measured in the same run on the same inputs: the L in-range days with the most
articles published (ties: earlier day first), each summarised by the leading sentences of
that day's articles taken round-robin (first sentence of each article, then second ones…)
until K are taken.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from storyline.language.temporal import extract_temporal
from storyline.model import Article, Sentence
from storyline.narrate.timeline import build_timeline
from storyline.store.articles import save_articles
from storyline.store.db import Store

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "data" / "t17-dev"

Reference = dict[str, list[str]]  # date -> sentences
Dated = list[tuple[str, list[str]]]  # (date, sentences) as a system outputs them


@dataclass
class Score:
    """One system's scores on one reference timeline."""

    date_f1: float
    rouge1: float


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens."""
    return re.findall(r"\w+", text.lower())


def crude_rouge1(system: str, reference: str) -> float:
    """Unigram F1 of two texts (a crude stand-in for tilse's align+ m:1 ROUGE-1)."""
    ours, theirs = Counter(tokens(system)), Counter(tokens(reference))
    overlap = sum((ours & theirs).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(ours.values()), overlap / sum(theirs.values())
    return 2 * precision * recall / (precision + recall)


def date_f1(predicted: set[str], gold: set[str]) -> float:
    """F1 of two date sets."""
    hits = len(predicted & gold)
    if not hits:
        return 0.0
    precision, recall = hits / len(predicted), hits / len(gold)
    return 2 * precision * recall / (precision + recall)


def score(output: Dated, reference: Reference) -> Score:
    """Date F1 and crude concatenated ROUGE-1 of one output against one reference."""
    system_text = " ".join(s for _, sentences in output for s in sentences)
    reference_text = " ".join(s for sentences in reference.values() for s in sentences)
    return Score(
        date_f1({d for d, _ in output}, set(reference)), crude_rouge1(system_text, reference_text)
    )


def load_topic(folder: Path) -> list[Article]:
    """Articles of one topic, with sentences (one a line) and temporal expressions resolved."""
    articles = []
    with open(folder / "articles.jsonl", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            text, sentences = "", []
            for raw_sentence in record["text"].split("\n"):
                sentence = raw_sentence.strip()
                if not sentence:
                    continue
                start = len(text) + (1 if text else 0)
                text = f"{text} {sentence}" if text else sentence
                sentences.append(Sentence(start, start + len(sentence), sentence))
            article = Article(
                id=f"{folder.name}-{record['id']}",
                origin=folder.name,
                raw=text,
                text=text,
                sentences=sentences,
                published=record["time"][:10],
                published_precision="day",
                published_basis="metadata",
            )
            article.temporal = extract_temporal(article)
            articles.append(article)
    return articles


def lead_baseline(
    articles: list[Article], date_from: str, date_to: str, max_dates: int, per_date: int
) -> Dated:
    """The busiest publication days in range, each told by its articles' leading sentences."""
    by_day: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        if article.published and date_from <= article.published <= date_to:
            by_day[article.published].append(article)
    days = sorted(by_day, key=lambda day: (-len(by_day[day]), day))[:max_dates]
    output: Dated = []
    for day in sorted(days):
        chosen: list[str] = []
        depth = 0
        while len(chosen) < per_date and any(depth < len(a.sentences) for a in by_day[day]):
            for article in by_day[day]:
                if depth < len(article.sentences) and len(chosen) < per_date:
                    chosen.append(article.sentences[depth].text)
            depth += 1
        output.append((day, chosen))
    return output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(DEFAULT))
    parser.add_argument("--topic", action="append", help="only this topic (repeatable)")
    args = parser.parse_args()
    root = Path(args.data)
    if not root.is_dir():
        sys.exit(f"{root} is not a folder; pass the t17 data folder")
    topics = args.topic or sorted(p.name for p in root.iterdir() if p.is_dir())
    if not topics:
        sys.exit(f"no topic folders in {root}")

    rows: list[tuple[Score, Score]] = []
    print(f"{'timeline':24s} {'L':>3s} {'K':>2s}  {'dateF1':>6s} {'base':>6s}  "
          f"{'R1*':>6s} {'base':>6s}  {'secs':>5s}")
    for topic in topics:
        articles = load_topic(root / topic)
        store = Store(":memory:")
        save_articles(store, articles, {"bench": "1"})
        with open(root / topic / "timelines.jsonl", encoding="utf-8") as lines:
            references: list[Reference] = [
                {day: sentences for day, sentences in json.loads(line)} for line in lines
            ]
        for number, reference in enumerate(references):
            dates = sorted(reference)
            max_dates = len(dates)
            per_date = max(1, round(sum(len(s) for s in reference.values()) / max_dates))
            started = time.perf_counter()
            timeline = build_timeline(
                store,
                date_from=dates[0],
                date_to=dates[-1],
                max_dates=max_dates,
                sentences_per_date=per_date,
            )
            seconds = time.perf_counter() - started
            ours = score(
                [(e["date"], [s["text"] for s in e["sentences"]]) for e in timeline], reference
            )
            baseline = score(
                lead_baseline(articles, dates[0], dates[-1], max_dates, per_date), reference
            )
            rows.append((ours, baseline))
            name = f"{topic}#{number}" if len(references) > 1 else topic
            print(f"{name:24s} {max_dates:3d} {per_date:2d}  {ours.date_f1:6.3f} "
                  f"{baseline.date_f1:6.3f}  {ours.rouge1:6.3f} {baseline.rouge1:6.3f}  "
                  f"{seconds:5.1f}", flush=True)

    def mean(values: list[float]) -> float:
        return statistics.fmean(values)

    ours_f1, base_f1 = mean([o.date_f1 for o, _ in rows]), mean([b.date_f1 for _, b in rows])
    ours_r1, base_r1 = mean([o.rouge1 for o, _ in rows]), mean([b.rouge1 for _, b in rows])
    print(f"\nMEAN over {len(rows)} timelines")
    print(f"  date F1        storyline {ours_f1:.3f}  baseline {base_f1:.3f}  "
          f"ratio {ours_f1 / base_f1 if base_f1 else float('nan'):.2f}")
    print(f"  crude ROUGE-1* storyline {ours_r1:.3f}  baseline {base_r1:.3f}  "
          f"ratio {ours_r1 / base_r1 if base_r1 else float('nan'):.2f}")
    print("* crude ROUGE-1 = unigram F1 of all output sentences concatenated vs all reference "
          "sentences; NOT tilse's align+ m:1 ROUGE (tilse is not installed), so not comparable "
          "with published figures.")
    print("  baseline = L busiest publication days in range, K round-robin lead sentences each.")


if __name__ == "__main__":
    main()
