"""HTML extraction benchmark: the clean step against plain trafilatura on labelled pages.

Usage: python bench/html_extraction.py [DATA_DIR]

DATA_DIR (default ../shared/data/html-extraction-dev) holds html/<key>.html.gz and
ground-truth.json ({key: {articleBody, url}}). For every page, the extracted body is
compared with articleBody as bags of word tokens; precision, recall and F1 are averaged
over pages. The reference (trafilatura.extract with default settings) is measured in the
same run, and the ratio of the two F1 figures is printed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import trafilatura

from storyline.clean.step import CleanStep
from storyline.config import default_config
from storyline.model import Article

TOKEN = re.compile(r"\w+")
DEFAULT_DIR = Path(__file__).resolve().parents[1] / "../shared/data/html-extraction-dev"


def scores(predicted: str, gold: str) -> tuple[float, float, float]:
    predicted_bag = Counter(TOKEN.findall(predicted.lower()))
    gold_bag = Counter(TOKEN.findall(gold.lower()))
    overlap = sum((predicted_bag & gold_bag).values())
    precision = overlap / sum(predicted_bag.values()) if predicted_bag else 0.0
    recall = overlap / sum(gold_bag.values()) if gold_bag else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def mean(rows: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    count = max(1, len(rows))
    return (
        sum(r[0] for r in rows) / count,
        sum(r[1] for r in rows) / count,
        sum(r[2] for r in rows) / count,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--worst", type=int, default=0, help="list the N pages we score worst on")
    args = parser.parse_args()
    truth_path = args.data_dir / "ground-truth.json"
    if not truth_path.exists():
        print(f"no {truth_path}; pass the benchmark folder as DATA_DIR", file=sys.stderr)
        return 2
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    step = CleanStep(default_config())
    ours: list[tuple[float, float, float]] = []
    reference: list[tuple[float, float, float]] = []
    per_page: list[tuple[float, str]] = []
    ours_seconds = reference_seconds = 0.0
    for key in sorted(truth):
        path = args.data_dir / "html" / f"{key}.html.gz"
        if not path.exists():
            continue
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        gold = truth[key]["articleBody"]
        started = time.perf_counter()
        article = Article(id=key, url=truth[key].get("url"), raw=html, raw_format="html")
        # Skips count too: an empty body scores zero.
        text = next((item.text for item in step.run([article]) if isinstance(item, Article)), "")
        ours_seconds += time.perf_counter() - started
        started = time.perf_counter()
        plain = trafilatura.extract(html) or ""
        reference_seconds += time.perf_counter() - started
        ours.append(scores(text, gold))
        reference.append(scores(plain, gold))
        per_page.append((ours[-1][2], key))
    if not ours:
        print(f"no pages under {args.data_dir / 'html'}", file=sys.stderr)
        return 2
    our_p, our_r, our_f = mean(ours)
    ref_p, ref_r, ref_f = mean(reference)
    print(f"pages: {len(ours)}")
    print(f"{'':24}{'precision':>10}{'recall':>10}{'F1':>10}{'seconds':>10}")
    print(f"{'storyline clean':24}{our_p:10.4f}{our_r:10.4f}{our_f:10.4f}{ours_seconds:10.1f}")
    print(f"{'trafilatura default':24}{ref_p:10.4f}{ref_r:10.4f}{ref_f:10.4f}"
          f"{reference_seconds:10.1f}")
    print(f"F1 ratio (storyline / reference): {our_f / ref_f:.4f}")
    for f1, key in sorted(per_page)[: args.worst]:
        print(f"  {f1:.3f} {key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
