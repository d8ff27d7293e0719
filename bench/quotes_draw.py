"""The seeded draw behind bench/quotes_gold.jsonl, so that further held-out sets continue it.

    python bench/quotes_draw.py --data ../shared/data

Candidates are records with at least two quotation marks (``"``, ``“``, ``”``, ``` `` ```
and ``''`` counted together): ECB+ dev records of at most 3,000 characters and t17-dev
records of at most 3,500. One ``random.Random(2026)`` shuffles the ECB+ candidates in file
order, then each t17 topic's in turn (EgyptianProtest_cnn, IraqWar_guardian, MJ_bbc,
haiti_bbc). ECB+ articles are taken one per topic, the first of each topic in shuffled
order; t17 articles in shuffled order. Prints the ECB+ picks and the t17 picks per topic,
in draw order: tune/check take ECB+ 1-16 and t17 1-4, fresh ECB+ 17-22 and t17 5,
fresh2 ECB+ 23-27 and t17 6, fresh3 ECB+ 28-33 (the last topics
with a candidate) and t17 7-8, fresh4 t17 9-11 of each topic (``--t17 11``; the ECB+ topics
being exhausted, fresh4 holds no ECB+ article), fresh5 t17 12-14 of each topic and then,
to reach 35 quotes, EgyptianProtest_cnn's 15th (``--t17 15``), fresh6
EgyptianProtest_cnn's 16th-18th and the other topics' 15th-17th, one pick per topic in turn
until at least 12 articles and 40 quotes (``--t17 18``), fresh7 EgyptianProtest_cnn's
19th-21st and the other topics' 18th-20th, in the same way until at least 12 articles
and 45 quotes (``--t17 21``), fresh8 EgyptianProtest_cnn's 22nd-24th and the other
topics' 21st-23rd, in the same way until at least 12 articles and 45 quotes
(``--t17 24``), fresh9 EgyptianProtest_cnn's 25th-28th, IraqWar_guardian's 24th-27th and
the other topics' 24th-26th, in the same way until at least 12 articles and 45 quotes (the
first 12 picks holding 38 quotes, two more picks in turn: EgyptianProtest_cnn's 28th and
IraqWar_guardian's 27th; ``--t17 28``), fresh10 EgyptianProtest_cnn's 29th-31st,
IraqWar_guardian's 28th-30th and the other topics' 27th-29th, in the same way until at
least 12 articles and 45 quotes (the first 12 picks holding 45; ``--t17 31``), fresh11
EgyptianProtest_cnn's 32nd-35th, IraqWar_guardian's 31st-34th, MJ_bbc's 30th-33rd and
haiti_bbc's 30th-32nd, in the same way (the first 12 picks holding 38 quotes, three more
picks in turn: EgyptianProtest_cnn's 35th, IraqWar_guardian's 34th and MJ_bbc's 33rd;
``--t17 35``), fresh12 EgyptianProtest_cnn's 36th-38th, IraqWar_guardian's 35th-37th,
MJ_bbc's 34th-36th and haiti_bbc's 33rd-35th, in the same way (the first 12 picks holding
61 quotes; ``--t17 38``), fresh13 EgyptianProtest_cnn's 39th-41st, IraqWar_guardian's
38th-40th, MJ_bbc's 37th-39th and haiti_bbc's 36th-38th, in the same way (the first 12
picks holding 54 quotes; ``--t17 41``), fresh14 EgyptianProtest_cnn's 42nd-45th,
IraqWar_guardian's 41st-44th, MJ_bbc's 40th-42nd and haiti_bbc's 39th-41st, in the same way
(the first 12 picks holding 36 quotes, two more picks in turn: EgyptianProtest_cnn's 45th and
IraqWar_guardian's 44th; ``--t17 45``), fresh15 EgyptianProtest_cnn's 46th-48th,
IraqWar_guardian's 45th-47th, MJ_bbc's 43rd-45th and haiti_bbc's 42nd-44th, in the same way
(the first 12 picks holding 52 quotes; ``--t17 48``), fresh16 EgyptianProtest_cnn's
49th-52nd, IraqWar_guardian's 48th-50th, MJ_bbc's 46th-48th and haiti_bbc's 45th-47th, in the
same way (the first 12 picks holding 44 quotes, one more pick: EgyptianProtest_cnn's 52nd;
``--t17 52``), fresh17 EgyptianProtest_cnn's 53rd-56th, IraqWar_guardian's 51st-54th,
MJ_bbc's 49th-52nd and haiti_bbc's 48th-50th, in the same way (the first 12 picks holding 40
quotes, three more picks in turn: EgyptianProtest_cnn's 56th, IraqWar_guardian's 54th and
MJ_bbc's 52nd; ``--t17 56``). Listing
more t17 picks leaves the earlier ones unchanged: each topic is shuffled whole, and the
shuffles run in the same order.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

T17_TOPICS = ("EgyptianProtest_cnn", "IraqWar_guardian", "MJ_bbc", "haiti_bbc")
MARKS = ('"', "“", "”", "``", "''")


def candidates(path: Path, longest: int) -> list[dict[str, Any]]:
    """Records of a file with two quotation marks or more, of at most ``longest`` characters."""
    with open(path, encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    return [r for r in records
            if sum(r["text"].count(m) for m in MARKS) >= 2 and len(r["text"]) <= longest]


def main() -> None:
    """Print the draw (ECB+ one per topic, then t17 per topic), numbered from 1."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--count", type=int, default=33, help="ECB+ topics to list")
    parser.add_argument("--t17", type=int, default=11, help="t17 picks to list per topic")
    args = parser.parse_args()
    rng = random.Random(2026)
    ecb = candidates(args.data / "ecbplus-dev" / "articles.jsonl", 3000)
    rng.shuffle(ecb)
    topics: dict[str, str] = {}
    for record in ecb:
        topics.setdefault(str(record["id"]).split("_")[0], str(record["id"]))
    for n, article in enumerate(list(topics.values())[:args.count], 1):
        print(f"ecbplus-dev {n:2d} {article}")
    for topic in T17_TOPICS:
        t17 = candidates(args.data / "t17-dev" / topic / "articles.jsonl", 3500)
        rng.shuffle(t17)
        print(f"t17-dev/{topic}: " + " ".join(str(r["id"]) for r in t17[:args.t17]))


if __name__ == "__main__":
    main()
