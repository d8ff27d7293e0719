"""tilse scores of build_timeline on Timeline17 (news-tls protocol) beside a baseline.

Usage: python bench/timelines.py [DATA_DIR] [--split tune|check] [--topics NAME ...]
                                 [--whole-topic] [--rouge reimpl|original]

DATA_DIR (default ../shared/data/t17-dev next to the repo) holds one folder per topic
with ``articles.jsonl`` (id, time, text one sentence a line, PTB-tokenised) and
``timelines.jsonl`` (reference timelines ``[[date, [sentences]], ...]``).

Protocol (news-tls, Ghalandari & Ifrim 2020, ``experiments/evaluate.py``), per reference
timeline: the input is the topic's articles published within the reference's first..last
date (inclusive); L = number of reference dates; K = round(mean sentences per date). A
reference date listed twice keeps its last entry, as news-tls's ``Timeline`` dict does.
``--whole-topic`` gives the tool every article of the topic instead (this script's setting
before tilse; kept for continuity with older rows of docs/results.md).

Scores, per timeline, by tilse 0.2.1 (``pip install --no-deps tilse==0.2.1`` plus nltk;
``scripts/setup dev`` does both):
  * AR1-F / AR2-F: ``TimelineRougeEvaluator(rouge_computation="reimpl")``,
    ``evaluate_align_date_content_costs_many_to_one`` (align+ m:1, Martschat & Markert
    2017), ROUGE-1/2 F. tilse's "reimpl" is its Python approximation of ROUGE-1.5.5 (Porter
    stems, SMART stop words, whitespace tokens); published figures used the Perl script,
    so small differences from them are expected. ``--rouge original`` runs the Perl
    ROUGE-1.5.5 that tilse's wheel ships instead (needs perl with XML::Parser, Debian's
    libxml-parser-perl; slower): a cross-check of "reimpl", not the default;
  * date F1: tilse's ``evaluation.dates.evaluate_dates`` (output dates against reference
    dates, exact day match).
Two means are printed per group: "mean F" = mean of the per-timeline F scores, and
"news-tls F" = F of the mean precision and mean recall, which is how news-tls (and so the
published DATEWISE / CLUST figures) averages. The crude concatenated unigram F of the
earlier version is printed in the means only, labelled, for continuity.

Split (chosen once, never changed): tune = EgyptianProtest_cnn + MJ_bbc, check =
IraqWar_guardian + haiti_bbc. Tune the timeline on ``--split tune``; report ``--split
check`` (the default runs all four and prints both splits' means).

Baseline, measured in the same run on the same inputs: the L in-range days with the most
articles published (ties: earlier day first), each summarised by the leading sentences of
that day's articles taken round-robin (first sentence of each article, then second ones…)
until K are taken.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from storyline.language.temporal import extract_temporal
from storyline.model import Article, Sentence
from storyline.narrate.timeline import build_timeline
from storyline.store.articles import save_articles
from storyline.store.db import Store

try:
    from tilse.data.timelines import GroundTruth as TilseGroundTruth
    from tilse.data.timelines import Timeline as TilseTimeline
    from tilse.evaluation import dates as tilse_dates
    from tilse.evaluation import rouge as tilse_rouge
except ImportError:  # pragma: no cover - depends on the dev install
    sys.exit("tilse is not installed: run `bash scripts/setup dev`, or "
             "`pip install nltk==3.10.4 && pip install --no-deps tilse==0.2.1`")

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "data" / "t17-dev"
# Fixed once (see the docstring); never move a topic between halves.
SPLITS = {
    "tune": ("EgyptianProtest_cnn", "MJ_bbc"),
    "check": ("IraqWar_guardian", "haiti_bbc"),
}

Reference = dict[str, list[str]]  # date -> sentences
Dated = list[tuple[str, list[str]]]  # (date, sentences) as a system outputs them


class PRF(NamedTuple):
    """Precision, recall and F1."""

    precision: float
    recall: float
    f: float


@dataclass
class Score:
    """One system's scores on one reference timeline."""

    dates: PRF
    ar1: PRF
    ar2: PRF
    crude: float  # concatenated unigram F1, the old stand-in; continuity only
    month_dates: int  # output dates of month precision, scored as the month's first day


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens."""
    return re.findall(r"\w+", text.lower())


def crude_rouge1(system: str, reference: str) -> float:
    """Unigram F1 of two texts (the old stand-in; not tilse's align+ m:1 ROUGE-1)."""
    ours, theirs = Counter(tokens(system)), Counter(tokens(reference))
    overlap = sum((ours & theirs).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(ours.values()), overlap / sum(theirs.values())
    return 2 * precision * recall / (precision + recall)


def _day(value: str) -> tuple[datetime.date, bool]:
    """A day for tilse, and whether the value had month precision only.

    build_timeline may output ``YYYY-MM``; tilse needs days, so such an entry is scored as
    the month's first day (it then rarely matches a reference date: a fair penalty).
    """
    if len(value) == 7:
        return datetime.date.fromisoformat(f"{value}-01"), True
    return datetime.date.fromisoformat(value[:10]), False


def _prf(scores: dict[str, Any]) -> PRF:
    return PRF(float(scores["precision"]), float(scores["recall"]), float(scores["f_score"]))


def score(output: Dated, reference: Reference, evaluator: Any) -> Score:
    """tilse align+ m:1 ROUGE-1/2 and date F1 (plus the crude figure) of one output."""
    predicted: dict[datetime.date, list[str]] = {}
    months = 0
    for value, sentences in output:
        day, month_only = _day(value)
        months += month_only
        predicted.setdefault(day, []).extend(sentences)
    ground = TilseGroundTruth([TilseTimeline(
        {datetime.date.fromisoformat(d): s for d, s in reference.items()}
    )])
    system_text = " ".join(s for _, sentences in output for s in sentences)
    reference_text = " ".join(s for sentences in reference.values() for s in sentences)
    crude = crude_rouge1(system_text, reference_text)
    if not predicted:  # tilse divides by the number of output dates
        zero = PRF(0.0, 0.0, 0.0)
        return Score(zero, zero, zero, crude, months)
    timeline = TilseTimeline(predicted)
    rouge = evaluator.evaluate_align_date_content_costs_many_to_one(timeline, ground)
    return Score(
        _prf(tilse_dates.evaluate_dates(timeline, ground)),
        _prf(rouge["rouge_1"]),
        _prf(rouge["rouge_2"]),
        crude,
        months,
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


def split_of(topic: str) -> str:
    """The fixed half a topic belongs to ("other" for topics outside t17-dev's four)."""
    return next((name for name, topics in SPLITS.items() if topic in topics), "other")


def print_means(label: str, rows: list[tuple[Score, Score]]) -> None:
    """Mean F and news-tls F (of mean P and mean R) of both systems over some timelines."""
    print(f"\n{label}: {len(rows)} timeline(s)")
    print(f"  {'':22s} {'AR1-F':>6s} {'AR2-F':>6s} {'dateF1':>6s}   {'crude R1*':>9s}")
    for name, pick in (("storyline", 0), ("baseline", 1)):
        scores = [row[pick] for row in rows]
        parts: list[Callable[[Score], PRF]] = [
            lambda s: s.ar1, lambda s: s.ar2, lambda s: s.dates
        ]
        mean_f = [statistics.fmean(part(s).f for s in scores) for part in parts]
        news_tls = []
        for part in parts:
            p = statistics.fmean(part(s).precision for s in scores)
            r = statistics.fmean(part(s).recall for s in scores)
            news_tls.append(2 * p * r / (p + r) if p + r else 0.0)
        crude = statistics.fmean(s.crude for s in scores)
        print(f"  {name + ' mean F':22s} " + " ".join(f"{v:6.3f}" for v in mean_f)
              + f"   {crude:9.3f}")
        print(f"  {name + ' news-tls F':22s} " + " ".join(f"{v:6.3f}" for v in news_tls))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(DEFAULT))
    parser.add_argument("--topics", nargs="+", default=[], metavar="NAME",
                        help="only these topics")
    parser.add_argument("--topic", action="append", default=[], help="only this topic "
                        "(repeatable; same as --topics)")
    parser.add_argument("--split", choices=sorted(SPLITS),
                        help="only this fixed half of t17-dev (see the docstring)")
    parser.add_argument("--whole-topic", action="store_true",
                        help="give the tool every article of the topic, not only those "
                        "published in the reference's range (the pre-tilse setting)")
    parser.add_argument("--rouge", choices=("reimpl", "original"), default="reimpl",
                        help="tilse's Python ROUGE (default) or the Perl ROUGE-1.5.5 it ships")
    args = parser.parse_args()
    root = Path(args.data)
    if not root.is_dir():
        sys.exit(f"{root} is not a folder; pass the t17 data folder")
    topics = args.topics + args.topic or sorted(p.name for p in root.iterdir() if p.is_dir())
    if args.split:
        topics = [t for t in topics if t in SPLITS[args.split]]
    missing = [t for t in topics if not (root / t).is_dir()]
    if missing:
        sys.exit(f"no such topic folder(s) in {root}: {', '.join(missing)}")
    if not topics:
        sys.exit("no topic selected (a --split keeps only the named topics in that half)")

    evaluator = tilse_rouge.TimelineRougeEvaluator(
        measures={"rouge_1", "rouge_2"}, rouge_computation=args.rouge
    )
    rows: list[tuple[str, Score, Score]] = []
    print(f"{'timeline':22s} {'half':5s} {'n':>4s} {'L':>3s} {'K':>2s}  "
          f"{'AR1-F':>6s} {'base':>6s}  {'AR2-F':>6s} {'base':>6s}  "
          f"{'dateF1':>6s} {'base':>6s}  {'secs':>5s}")
    for topic in topics:
        topic_articles = load_topic(root / topic)
        with open(root / topic / "timelines.jsonl", encoding="utf-8") as lines:
            # A date listed twice keeps its last entry, as news-tls's Timeline does.
            references: list[Reference] = [
                {day[:10]: sentences for day, sentences in json.loads(line)}
                for line in lines if line.strip()
            ]
        for number, reference in enumerate(references):
            dates = sorted(reference)
            first, last = dates[0], dates[-1]
            articles = topic_articles if args.whole_topic else [
                a for a in topic_articles if a.published and first <= a.published <= last
            ]
            store = Store(":memory:")
            save_articles(store, articles, {"bench": "1"})
            max_dates = len(dates)
            # Python's round, as news-tls's get_average_summary_length (half to even).
            per_date = max(1, round(sum(len(s) for s in reference.values()) / max_dates))
            started = time.perf_counter()
            timeline = build_timeline(
                store, date_from=first, date_to=last, max_dates=max_dates,
                sentences_per_date=per_date,
            )
            seconds = time.perf_counter() - started
            ours = score(
                [(e["date"], [s["text"] for s in e["sentences"]]) for e in timeline],
                reference, evaluator,
            )
            baseline = score(
                lead_baseline(articles, first, last, max_dates, per_date), reference, evaluator
            )
            rows.append((topic, ours, baseline))
            name = f"{topic}#{number}" if len(references) > 1 else topic
            note = f"  ({ours.month_dates} month-only dates)" if ours.month_dates else ""
            print(f"{name:22s} {split_of(topic):5s} {len(articles):4d} {max_dates:3d} "
                  f"{per_date:2d}  {ours.ar1.f:6.3f} {baseline.ar1.f:6.3f}  "
                  f"{ours.ar2.f:6.3f} {baseline.ar2.f:6.3f}  {ours.dates.f:6.3f} "
                  f"{baseline.dates.f:6.3f}  {seconds:5.1f}{note}", flush=True)

    for half in (*SPLITS, "other"):
        chosen = [(o, b) for t, o, b in rows if split_of(t) == half]
        if chosen and len(chosen) < len(rows):
            print_means(f"MEAN {half}", chosen)
    print_means(f"MEAN {args.split or 'all'}", [(o, b) for _, o, b in rows])
    print(f"\nAR1-F / AR2-F = tilse 0.2.1 align+ m:1 ROUGE-1/2 F (rouge_computation="
          f"'{args.rouge}'); dateF1 = tilse date-selection F1.")
    print("mean F = mean of per-timeline F; news-tls F = F of mean P and mean R (published "
          "figures are averaged this way).")
    print("* crude R1 = unigram F1 of all output sentences concatenated vs all reference "
          "sentences: the old stand-in, for continuity only.")
    print("baseline = L busiest publication days in range, K round-robin lead sentences each.")
    if not args.whole_topic:
        print("input = the topic's articles published within each reference's date range "
              "(news-tls).")


if __name__ == "__main__":
    main()
