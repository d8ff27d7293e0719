"""What running the tagger and parser only around quotes costs and saves.

    python bench/syntax.py --data ../shared/data [--sample 300]

A seeded sample of the dev mix (syndication-dev, t17-dev, ecbplus-dev) is cleaned,
then the language step runs twice in this process, one worker each: with
``[language] syntax = "all"`` (the reference: the whole spaCy pipeline on every body
paragraph) and with ``"quotes"`` (the default: the entity model everywhere, tagger and
parser only on quote paragraphs and their neighbours). Prints seconds and articles/s of
each and how far the default's output agrees with the reference's: entity mentions
(label and span) and the set of canonical names per article, quote speakers, sentence
boundaries, temporal expressions.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import all_records  # noqa: E402


def f1(gold: set[object], found: set[object]) -> tuple[int, int, int]:
    """(shared, gold, found) counts, summed by the caller."""
    return len(gold & found), len(gold), len(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    import storyline.steps  # noqa: F401  (registers the built-in steps)
    from storyline.clean.step import CleanStep
    from storyline.config import load_config
    from storyline.language.nlp import load_pipeline
    from storyline.language.step import LanguageStep
    from storyline.model import Article

    records = all_records(args.data)
    random.Random(args.seed).shuffle(records)
    records = records[: args.sample]
    config = load_config()
    articles = [Article(id=r["id"], title=r.get("title") or None, raw=r["text"]) for r in records]
    cleaned = [a for a in CleanStep(config).run(articles) if isinstance(a, Article)]
    load_pipeline(config["language"]["spacy_model"])
    words = sum(len(a.text.split()) for a in cleaned)
    print(f"articles: {len(cleaned)} ({words} words), one process")

    results: dict[str, list[Article]] = {}
    seconds: dict[str, float] = {}
    for mode in ("all", "quotes"):
        settings = {**config, "language": {**config["language"], "syntax": mode,
                                           "parse_cache_chars": 0}}
        step = LanguageStep(settings)
        copies = [Article(id=a.id, title=a.title, text=a.text, paragraphs=list(a.paragraphs),
                          language=a.language) for a in cleaned]
        began = time.perf_counter()
        results[mode] = [a for a in step.run(copies) if isinstance(a, Article)]
        seconds[mode] = time.perf_counter() - began
        print(f"syntax = {mode!r:8s} {seconds[mode]:6.1f} s = "
              f"{len(cleaned) / seconds[mode]:5.1f} articles/s")
    print(f"ratio quotes / all time: {seconds['quotes'] / seconds['all']:.2f}")

    totals: dict[str, list[int]] = {}
    for reference, default in zip(results["all"], results["quotes"], strict=True):
        pairs = {
            "entity mentions (span, label)": (
                {(m.start, m.end, m.label) for m in reference.entities},
                {(m.start, m.end, m.label) for m in default.entities}),
            "canonical names per article": (
                {(m.canonical or m.text, m.label) for m in reference.entities},
                {(m.canonical or m.text, m.label) for m in default.entities}),
            "quote speakers (quote, speaker)": (
                {(q.start, q.speaker) for q in reference.quotes},
                {(q.start, q.speaker) for q in default.quotes}),
            "sentence boundaries": (
                {(s.start, s.end) for s in reference.sentences},
                {(s.start, s.end) for s in default.sentences}),
            "temporal expressions": (
                {(t.start, t.end, t.value) for t in reference.temporal},
                {(t.start, t.end, t.value) for t in default.temporal}),
        }
        for name, (gold, found) in pairs.items():
            counts = totals.setdefault(name, [0, 0, 0])
            for i, value in enumerate(f1(gold, found)):
                counts[i] += value
    print("agreement of the default with the reference (F1; 1.0 = identical):")
    for name, (shared, gold, found) in totals.items():
        score = 2 * shared / (gold + found) if gold + found else 1.0
        print(f"  {name:34s} {score:.4f}  ({gold} vs {found})")


if __name__ == "__main__":
    main()
