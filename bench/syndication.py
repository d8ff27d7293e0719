"""Syndication benchmark: duplicate groups, originals and MinHash speed.

Usage: python bench/syndication.py [DATA_DIR] [--pipeline] [--half odd|even]

DATA_DIR holds ``articles.jsonl`` (id, title, text, published, source, url) and
``gold.json`` ({id: {kind, origins, boilerplate}}); default ../shared/data/syndication-dev.
By default articles are stored as given (text = the copy with its boilerplate, sentences
split by a simple rule) so that only the provenance stage is measured; ``--pipeline``
runs the configured clean and language steps on them first.

``--half odd|even`` scores one half of the stories (tune on one, report the other): an
article belongs to the half of its story, named by its first origin in sorted order (its
own id for an original), by the parity of that id's SHA-1. All articles are run; a pair
counts when either of its articles is in the half (so a false merge across the halves
counts in both), per-article figures count the half's articles.
Besides P/R/F1 and ``reprint_of`` accuracy (per gold kind, and per ``rule`` when the gold
has one, as ``bench/copyset.py`` writes), it prints the share of originals given a
``reprint_of`` or ``version_of``, the false merges by the gold kinds of the two articles, and
``version_of`` precision and recall: the target is every gold ``update`` naming its origin
(the text it was updated from); a ``version_of`` anywhere else counts against precision.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tempfile
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

from storyline.config import load_config
from storyline.model import Article, Paragraph, Sentence
from storyline.pipeline.local import LocalExecutor
from storyline.pipeline.run import run_corpus_step
from storyline.pipeline.step import create_step
from storyline.provenance.minhash import signatures
from storyline.provenance.shingles import shingles
from storyline.provenance.step import ProvenanceStep
from storyline.store.articles import save_articles
from storyline.store.db import Store

DEFAULT_DIR = Path(__file__).resolve().parents[1] / "../shared/data/syndication-dev"
_SENTENCE = re.compile(r"\S.*?(?:[.!?][\"'”’)]*(?=\s)|$)", re.S)


def simple_article(record: dict[str, Any]) -> Article:
    """Build a stored-ready Article straight from a JSONL record (no cleaning)."""
    text = record["text"]
    article = Article(id=record["id"], origin="bench", url=record.get("url"), raw=text,
                      title=record.get("title"), source=record.get("source"), text=text,
                      published=record.get("published"),
                      published_precision="day" if record.get("published") else "unknown",
                      published_basis="metadata" if record.get("published") else "none")
    for block in re.finditer(r"[^\n]+", text):
        article.paragraphs.append(Paragraph(block.start(), block.end()))
        for match in _SENTENCE.finditer(block.group()):
            start = block.start() + match.start()
            sentence = match.group().strip()
            article.sentences.append(Sentence(start, start + len(sentence), sentence,
                                              len(article.paragraphs) - 1))
    return article


def pipeline_articles(records: list[dict[str, Any]], config: dict[str, Any],
                      store: Store) -> list[str]:
    """Run the configured record steps (clean, language) and store the result."""
    import storyline.steps  # noqa: F401

    steps = [create_step(name, config) for name in ("clean", "language")]
    raw = [Article(id=r["id"], origin="bench", url=r.get("url"), raw=r["text"],
                   title=r.get("title"), source=r.get("source"), published=r.get("published"),
                   published_precision="day" if r.get("published") else "unknown",
                   published_basis="metadata" if r.get("published") else "none")
           for r in records]
    stored, _ = LocalExecutor(steps).run(store, raw)
    return stored


def gold_pairs(gold: dict[str, Any], predicted_group: dict[str, str]) -> tuple[set, set]:
    """Gold same-group pairs, as a partition and strictly (any shared origin)."""
    origins = {i: set(g["origins"]) or {i} for i, g in gold.items()}
    strict = {pair_key(a, b) for a, b in combinations(sorted(gold), 2) if origins[a] & origins[b]}
    # A round-up belongs to one of the stories it quotes: the one it was put with, if any.
    partition_origin: dict[str, str] = {}
    for article_id, entry in gold.items():
        options = sorted(origins[article_id])
        chosen = next((o for o in options if predicted_group.get(o) is not None
                       and predicted_group.get(o) == predicted_group.get(article_id)), options[0])
        partition_origin[article_id] = chosen if entry["kind"] == "roundup" else options[0]
    members: dict[str, list[str]] = defaultdict(list)
    for article_id, origin in partition_origin.items():
        members[origin].append(article_id)
    partition = {pair_key(a, b) for group in members.values() for a, b in combinations(group, 2)}
    return partition, strict


def half_of(article_id: str, entry: dict[str, Any]) -> str:
    """``odd`` or ``even``: the stable half of the story ``article_id`` belongs to."""
    story = sorted(entry["origins"])[0] if entry["origins"] else article_id
    return "odd" if hashlib.sha1(story.encode("utf-8")).digest()[-1] % 2 else "even"


def false_merges(predicted: set, gold_pairs: set, gold: dict[str, Any]) -> dict[str, int]:
    """Predicted pairs not in the gold, counted by the gold kinds of their two articles."""
    counts: dict[str, int] = defaultdict(int)
    for a, b in predicted - gold_pairs:
        counts[" + ".join(sorted((gold[a]["kind"], gold[b]["kind"])))] += 1
    return dict(sorted(counts.items(), key=lambda item: -item[1]))


def pair_key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def prf(predicted: set, gold: set) -> tuple[float, float, float]:
    hits = len(predicted & gold)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def minhash_timing(texts: list[str], num_perm: int, size: int) -> tuple[float, float]:
    """Seconds to sketch the same shingle sets with rensa (ours) and with datasketch."""
    sets = [shingles(t, size) for t in texts]
    start = time.perf_counter()
    signatures(sets, num_perm)
    ours = time.perf_counter() - start
    try:
        from datasketch import MinHash
    except ImportError:
        return ours, float("nan")
    encoded = [[s.encode("utf-8") for s in shingle_set] for shingle_set in sets]
    start = time.perf_counter()
    for tokens in encoded:
        sketch = MinHash(num_perm=num_perm)
        sketch.update_batch(tokens)
    return ours, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_dir", nargs="?", default=str(DEFAULT_DIR))
    parser.add_argument("--pipeline", action="store_true", help="run clean and language first")
    parser.add_argument("--half", choices=("odd", "even"), help="score only this half")
    args = parser.parse_args()
    data = Path(args.data_dir)
    if not (data / "articles.jsonl").exists():
        print(f"no articles.jsonl in {data}", file=sys.stderr)
        return 2
    records = [json.loads(line) for line in (data / "articles.jsonl").open(encoding="utf-8")]
    gold = json.loads((data / "gold.json").read_text(encoding="utf-8"))
    config = load_config()

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        if args.pipeline:
            ids = pipeline_articles(records, config, store)
        else:
            articles = [simple_article(r) for r in records]
            save_articles(store, articles, {})
            ids = [a.id for a in articles]
        step = ProvenanceStep(config)
        start = time.perf_counter()
        stats = run_corpus_step(store, step, ids).stats
        step_seconds = time.perf_counter() - start
        rows = {r["article_id"]: dict(r) for r in store.conn.execute("SELECT * FROM provenance")}
        texts = [json.loads(r["record"])["text"] for r in
                 store.conn.execute("SELECT record FROM articles ORDER BY seq")]
        store.close()

    group = {i: r["duplicate_group"] for i, r in rows.items()}
    members: dict[str, list[str]] = defaultdict(list)
    for article_id, group_id in group.items():
        if article_id in gold:
            members[group_id].append(article_id)
    predicted = {pair_key(a, b) for ms in members.values() for a, b in combinations(ms, 2)}
    partition, strict = gold_pairs(gold, group)
    scored = {i for i, g in gold.items() if not args.half or half_of(i, g) == args.half}
    predicted, partition, strict = ({k for k in pairs if k[0] in scored or k[1] in scored}
                                    for pairs in (predicted, partition, strict))
    gold_all, gold = gold, {i: g for i, g in gold.items() if i in scored}
    originals = [i for i, g in gold.items() if g["kind"] == "original"]
    called_copy = sum(1 for i in originals
                      if rows.get(i, {}).get("reprint_of") or rows.get(i, {}).get("version_of"))
    by_rule: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for i, g in gold.items():
        if g["kind"] != "original" and "rule" in g:
            by_rule[g["rule"]][1] += 1
            by_rule[g["rule"]][0] += rows.get(i, {}).get("reprint_of") in g["origins"]
    p, r, f = prf(predicted, partition)
    sp, sr, sf = prf(predicted, strict)
    copies = [i for i, g in gold.items() if g["kind"] != "original"]
    reprint_ok = sum(1 for i in copies if rows.get(i, {}).get("reprint_of") in gold[i]["origins"])
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for i in copies:
        by_kind[gold[i]["kind"]][1] += 1
        by_kind[gold[i]["kind"]][0] += rows.get(i, {}).get("reprint_of") in gold[i]["origins"]
    updates = [i for i in copies if gold[i]["kind"] == "update"]
    versions = sum(1 for i in updates if rows.get(i, {}).get("version_of") in gold[i]["origins"])
    # version_of is right when an update names its origin; every other version_of set on
    # a scored article is wrong (a copy is not a version, an original has no predecessor).
    versions_set = sum(1 for i in gold if rows.get(i, {}).get("version_of"))
    wrong_versions = versions_set - versions
    ours, theirs = minhash_timing(texts, int(config["provenance"]["num_perm"]),
                                  int(config["provenance"]["shingle_words"]))

    print(f"articles: {len(records)}  mode: {'pipeline' if args.pipeline else 'as given'}"
          f"  scored: {len(gold)} ({args.half or 'all'})")
    print(f"duplicate_group pairwise  P={p:.4f} R={r:.4f} F1={f:.4f}  "
          f"(gold pairs {len(partition)}, predicted {len(predicted)})")
    print(f"  strict (round-up with both origins)  P={sp:.4f} R={sr:.4f} F1={sf:.4f}")
    share = reprint_ok / len(copies)
    print(f"reprint_of names an origin: {reprint_ok}/{len(copies)} = {share:.4f}")
    for kind, (ok, total) in sorted(by_kind.items()):
        print(f"  {kind:10s} {ok}/{total}")
    for rule, (ok, total) in sorted(by_rule.items()):
        print(f"  rule {rule:18s} {ok}/{total}")
    print(f"originals given reprint_of or version_of: {called_copy}/{len(originals)} = "
          f"{called_copy / max(len(originals), 1):.4f}")
    print("false merges by gold kinds: " + (", ".join(
        f"{k} {v}" for k, v in false_merges(predicted, partition, gold_all).items()) or "none"))
    vp = versions / versions_set if versions_set else 1.0
    vr = versions / len(updates) if updates else 1.0
    vf = 2 * vp * vr / (vp + vr) if vp + vr else 0.0
    print(f"version_of: updates naming their origin {versions}/{len(updates)} (R={vr:.4f}); "
          f"set on {versions_set}, wrong {wrong_versions} (P={vp:.4f}); F1={vf:.4f}")
    print(f"provenance step: {step_seconds:.2f} s  stats {stats}")
    print(f"MinHash of {len(texts)} texts: rensa {ours * 1000:.1f} ms, datasketch "
          f"{theirs * 1000:.1f} ms, ratio {theirs / ours:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
