"""Build a seeded copy set from t17-dev, in syndication-dev's layout, with other copy rules.

Usage: python bench/copyset.py OUT_DIR [--t17 ../shared/data/t17-dev] [--seed 1]
       [--per-topic 90] [--copy-share 0.4]

Writes ``OUT_DIR/articles.jsonl`` (id, title, text, published, source, url) and
``OUT_DIR/gold.json`` ({id: {kind, origins, boilerplate, rule}}) for ``bench/syndication.py``.
``kind`` uses syndication-dev's words (original, update, verbatim, truncated, roundup,
edited); ``rule`` names the exact rule below, so a bench can break results down further.

Originals. From each t17 topic, whole publication days are drawn (days with several
articles first, so that many originals share a topic and a day: the hard negatives, which
share background paragraphs the way real same-event coverage does) until ``--per-topic``
articles are taken. The tokenised text is detokenised and its sentences grouped into
paragraphs of 1–3 sentences. Articles whose 5-word shingles cover ≥ 0.5 of another drawn
article are dropped (t17 itself holds some re-posts; they would make the gold wrong).
Sources: the topic's own outlet (BBC, The Guardian, CNN) or one of four wires that
syndication-dev does not use (dpa, UPI, AAP, Kyodo), so a wire name is no shortcut.
Other articles of the topic, never drawn, are the pool that updates take new text from.

Copies (about ``--copy-share`` of the originals get 1–2 copies, so originals stay the
majority), each by an invented outlet (names, headers and footers unlike the dev set's):

* ``verbatim/reprint``: the whole text under the outlet's header, a "By {source}" or
  "({source}) —" credit, footer lines (share bar, newsletter, copyright, related links);
* ``verbatim/rewrap``: the same text with the paragraphs re-cut (merged in pairs or split
  per sentence) or hard-wrapped at 60–75 characters, no boilerplate change but a footer;
* ``truncated/lede``: the first 2–4 sentences and a "Read the full story" line;
* ``truncated/half``: the first 40–60 % of the sentences;
* ``edited/words``: 3–8 % of words swapped for synonyms or spellings (said → stated,
  per cent → %), one sentence in ten dropped;
* ``edited/reorder``: body paragraphs after the lede shuffled, one in five dropped;
* ``update/grow``: a later version (6–48 h later): the lede rewritten (an "UPDATED:"
  sentence from a pool article of the same topic), 2–4 pool sentences added in the
  middle and at the end;
* ``roundup/digest``: a "What we know" digest quoting 2–4 originals of the topic (same or
  neighbouring days), one or two paragraphs of each, introduced "According to {source},".

Copies are published 1–72 hours after their origin (updates 6–48 h). Ids: ``{topic}-{n}``
for originals and ``{origin}~{k}`` for copies, like syndication-dev.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

DEFAULT_T17 = Path(__file__).resolve().parents[1] / "../shared/data/t17-dev"
OUTLETS = {"bbc": "BBC", "guardian": "The Guardian", "cnn": "CNN"}
WIRES = ("dpa", "UPI", "AAP", "Kyodo")
COPY_OUTLETS = (
    "Lakeside Courier", "The Granite Times", "Northfield Daily", "Harbourview Post",
    "The Valley Sentinel", "Meridian Wire Digest", "Coastline Herald", "The Prairie Record",
    "Summit Chronicle", "Riverbend Tribune", "The Eastern Mail", "Highland Dispatch",
)
HEADERS = (
    "{outlet} — World", "MENU | {outlet} | SUBSCRIBE", "You are here: {outlet} > News > World",
    "{outlet} · Breaking", "Advertisement · {outlet}",
)
FOOTERS = (
    ("Share this article: Facebook · X · Email · Print",),
    ("Sign up for the {outlet} morning briefing.", "We respect your privacy."),
    ("Copyright {year} {outlet}. Distributed under licence.",),
    ("Related: More world news from {outlet}", "Most read this week"),
    ("Got a news tip? Write to newsdesk@{domain}",),
)
SWAPS = {
    "said": "stated", "says": "states", "people": "residents", "officials": "authorities",
    "government": "administration", "per cent": "%", "killed": "left dead", "told": "informed",
    "also": "additionally", "about": "around", "however": "but", "children": "youngsters",
    "after": "following", "help": "assistance", "began": "started", "big": "large",
    "week": "seven days", "percent": "%", "police": "officers", "capital": "capital city",
}
_DETOK = [(re.compile(p), r) for p, r in (
    (r" (['’](?:s|re|ve|ll|d|m)|n't)\b", r"\1"), (r" ([,.;:!?%)])", r"\1"), (r"([(]) ", r"\1"),
    (r"`` ?", '"'), (r" ?''", '"'), (r"\$ (\d)", r"$\1"), (r" -- ", " — "),
)]


def detokenise(sentence: str) -> str:
    """Undo the Penn-style tokenisation of a t17 sentence."""
    text = " ".join(sentence.split())
    for pattern, replacement in _DETOK:
        text = pattern.sub(replacement, text)
    return text


def shingle_set(sentences: list[str], size: int = 5) -> set[str]:
    """Word shingles of a text, lower-cased (for dropping t17's own re-posts)."""
    words = re.findall(r"\w+", " ".join(sentences).casefold())
    return {" ".join(words[i:i + size]) for i in range(max(len(words) - size + 1, 1))}


def paragraphs_of(sentences: list[str], rng: random.Random) -> list[list[str]]:
    """Group sentences into paragraphs of 1–3 sentences (t17 has none)."""
    out: list[list[str]] = []
    i = 0
    while i < len(sentences):
        n = rng.choice((1, 2, 2, 3))
        out.append(sentences[i:i + n])
        i += n
    return out


def join(paragraphs: list[list[str]]) -> str:
    return "\n\n".join(" ".join(p) for p in paragraphs if p)


def load_topic(folder: Path) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in (folder / "articles.jsonl").open(encoding="utf-8")]
    for row in rows:
        row["sentences"] = [detokenise(s) for s in row["text"].split("\n") if s.strip()]
    return [r for r in rows if len(r["sentences"]) >= 4]


def draw_originals(rows: list[dict[str, Any]], count: int,
                   rng: random.Random) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Whole days, busiest-first with noise, until ``count``; the rest is the pool."""
    by_day: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_day[row["time"]].append(row)
    days = sorted(by_day, key=lambda d: (-min(len(by_day[d]), 6) + rng.random() * 3, d))
    chosen: list[dict[str, Any]] = []
    kept: list[set[str]] = []
    for day in days:
        for row in sorted(by_day[day], key=lambda r: r["id"])[:8]:
            own = shingle_set(row["sentences"])
            if any(len(own & other) >= 0.5 * min(len(own), len(other)) for other in kept):
                continue  # t17's own re-post of an article already drawn
            chosen.append(row)
            kept.append(own)
        if len(chosen) >= count:
            break
    taken = {r["id"] for r in chosen}
    return chosen, [r for r in rows if r["id"] not in taken]


def stamp(day: str, rng: random.Random) -> datetime:
    return datetime.fromisoformat(day) + timedelta(hours=rng.randint(6, 21),
                                                   minutes=rng.randint(0, 59))


def slug(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.casefold()) + ".example"


def dress(outlet: str, body: str, credit: str, when: datetime,
          rng: random.Random) -> tuple[str, list[str]]:
    """Put an outlet's header, credit and footer around ``body``; return text, boilerplate."""
    fill = {"outlet": outlet, "year": when.year, "domain": slug(outlet)}
    header = rng.choice(HEADERS).format(**fill)
    footer = [line.format(**fill) for line in rng.choice(FOOTERS)]
    credit_line = rng.choice((f"By {credit}", f"Originally published by {credit}"))
    lines = [header, credit_line]
    return "\n\n".join([*lines, body, *footer]), [*lines, *footer]


def swap_words(sentence: str, rng: random.Random, rate: float) -> str:
    for old, new in SWAPS.items():
        if old in sentence and rng.random() < rate * 8:
            sentence = re.sub(rf"\b{re.escape(old)}\b", new, sentence, count=1)
    return sentence


def make_copy(kind_rule: str, original: dict[str, Any], pool: list[dict[str, Any]],
              rng: random.Random) -> tuple[str, str, datetime]:
    """Body text, title and time of one copy of ``original`` by rule ``kind/rule``."""
    paragraphs: list[list[str]] = original["paragraphs"]
    sentences = [s for p in paragraphs for s in p]
    when = original["when"] + timedelta(hours=rng.randint(1, 72))
    title = original["title"]
    if kind_rule == "verbatim/reprint":
        body = join(paragraphs)
    elif kind_rule == "verbatim/rewrap":
        style = rng.choice(("merge", "split", "wrap"))
        if style == "merge":
            body = join([paragraphs[i] + (paragraphs[i + 1] if i + 1 < len(paragraphs) else [])
                         for i in range(0, len(paragraphs), 2)])
        elif style == "split":
            body = join([[s] for s in sentences])
        else:
            width = rng.randint(60, 75)
            body = "\n\n".join(_wrap(" ".join(p), width) for p in paragraphs)
    elif kind_rule == "truncated/lede":
        body = join(paragraphs_of(sentences[:rng.randint(2, 4)], rng))
        body += "\n\nRead the full story on " + original["source"]
    elif kind_rule == "truncated/half":
        cut = max(3, round(len(sentences) * rng.uniform(0.4, 0.6)))
        body = join(paragraphs_of(sentences[:cut], rng))
    elif kind_rule == "edited/words":
        kept = [swap_words(s, rng, 0.05) for i, s in enumerate(sentences)
                if i == 0 or rng.random() > 0.1]
        body = join(paragraphs_of(kept, rng))
        title = swap_words(title, rng, 0.1)
    elif kind_rule == "edited/reorder":
        rest = [p for p in paragraphs[1:] if rng.random() > 0.2]
        rng.shuffle(rest)
        body = join([paragraphs[0], *rest])
    elif kind_rule == "update/grow":
        when = original["when"] + timedelta(hours=rng.randint(6, 48))
        donor = rng.choice(pool)["sentences"] if pool else ["Further details were awaited."]
        added = rng.sample(donor, min(len(donor), rng.randint(2, 4)))
        lede = "UPDATED: " + donor[0]
        middle = len(paragraphs) // 2
        grown = [[lede], *paragraphs[1:middle], added[:1], *paragraphs[middle:], added[1:]]
        body = join(grown)
        title = "UPDATED " + title
    else:
        raise ValueError(kind_rule)
    return body, title, when


def _wrap(text: str, width: int) -> str:
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return "\n".join([*lines, current])


RULES = ("verbatim/reprint", "verbatim/rewrap", "truncated/lede", "truncated/half",
         "edited/words", "edited/reorder", "update/grow")


def build(t17: Path, per_topic: int, copy_share: float,
          seed: int) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Return the records and the gold of one seeded copy set."""
    rng = random.Random(seed)
    records: list[dict[str, Any]] = []
    gold: dict[str, Any] = {}
    for folder in sorted(p for p in t17.iterdir() if (p / "articles.jsonl").exists()):
        topic = folder.name
        outlet = OUTLETS.get(topic.rsplit("_", 1)[-1], topic.rsplit("_", 1)[-1])
        originals, pool = draw_originals(load_topic(folder), per_topic, rng)
        for n, row in enumerate(originals):
            row["id_out"] = f"{topic}-{n}"
            row["source"] = rng.choice((outlet, outlet, *WIRES))
            row["paragraphs"] = paragraphs_of(row["sentences"], rng)
            row["when"] = stamp(row["time"], rng)
            row["title"] = row["sentences"][0][:90]
            records.append(_record(row["id_out"], row["title"], join(row["paragraphs"]),
                                   row["when"], row["source"]))
            gold[row["id_out"]] = {"kind": "original", "origins": [], "boilerplate": [],
                                   "rule": "original"}
        copies_made = 0
        for row in originals:
            if rng.random() >= copy_share:
                continue
            for _ in range(rng.choice((1, 1, 2))):
                rule = rng.choice(RULES)
                body, title, when = make_copy(rule, row, pool, rng)
                copy_outlet = rng.choice(COPY_OUTLETS)
                text, boilerplate = dress(copy_outlet, body, row["source"], when, rng)
                copy_id = f"{row['id_out']}~{copies_made}"
                copies_made += 1
                records.append(_record(copy_id, title, text, when, copy_outlet))
                gold[copy_id] = {"kind": rule.split("/")[0], "origins": [row["id_out"]],
                                 "boilerplate": boilerplate, "rule": rule}
        # Round-ups: one for about every 15 originals, quoting 2–4 of nearby days.
        by_time = sorted(originals, key=lambda r: r["when"])
        for k in range(max(1, len(originals) // 15)):
            start = rng.randrange(len(by_time))
            quoted = by_time[start:start + rng.randint(2, 4)]
            if len(quoted) < 2:
                continue
            parts = [["What we know so far:"]]
            for row in quoted:
                first = row["paragraphs"][0]
                parts.append([f"According to {row['source']}, " + first[0], *first[1:]])
                parts.extend(row["paragraphs"][1:1 + rng.randint(0, 1)])
            when = max(r["when"] for r in quoted) + timedelta(hours=rng.randint(2, 12))
            copy_outlet = rng.choice(COPY_OUTLETS)
            text, boilerplate = dress(copy_outlet, join(parts), "staff and wires", when, rng)
            copy_id = f"{quoted[0]['id_out']}~r{k}"
            records.append(_record(copy_id, f"{topic.split('_')[0]}: the latest", text, when,
                                   copy_outlet))
            gold[copy_id] = {"kind": "roundup", "origins": [r["id_out"] for r in quoted],
                             "boilerplate": boilerplate, "rule": "roundup/digest"}
    rng.shuffle(records)  # arrival order is not publication order
    return records, gold


def _record(article_id: str, title: str, text: str, when: datetime,
            source: str) -> dict[str, Any]:
    return {"id": article_id, "title": title, "text": text,
            "published": when.isoformat(timespec="seconds"), "source": source,
            "url": f"https://{slug(source)}/{article_id}"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out_dir")
    parser.add_argument("--t17", default=str(DEFAULT_T17))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-topic", type=int, default=90)
    parser.add_argument("--copy-share", type=float, default=0.4)
    args = parser.parse_args()
    t17 = Path(args.t17)
    if not t17.is_dir():
        print(f"no t17 folder at {t17}", file=sys.stderr)
        return 2
    records, gold = build(t17, args.per_topic, args.copy_share, args.seed)
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with (out / "articles.jsonl").open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    (out / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1),
                                   encoding="utf-8")
    kinds: dict[str, int] = defaultdict(int)
    for entry in gold.values():
        kinds[entry["rule"]] += 1
    print(f"{len(records)} articles in {out}: " +
          ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
