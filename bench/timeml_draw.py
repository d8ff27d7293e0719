"""The seeded draw behind bench/timeml_t17 and t17b, hand-annotated TimeML sets of t17-dev articles.

    python bench/timeml_draw.py [--data ../shared/data] [--per-topic 4] [--first 1]

For each t17-dev topic in turn (EgyptianProtest_cnn, IraqWar_guardian, MJ_bbc, haiti_bbc),
a fresh ``random.Random(7)`` shuffles the lines of its ``articles.jsonl`` (file order), and
the first ``--per-topic`` articles in shuffled order are taken whose text holds between
1,500 and 6,000 characters and at least 4 date-like words. A date-like word is a token
(the text is PTB-tokenised, split on white space) that is, case-insensitively, a month
name (full, or abbreviated as Jan, Feb, Aug, Sept, Oct, Nov, Dec with or without a
period), a weekday, a year from 1900 to 2099, or one of yesterday, today, tonight,
tomorrow, last, next, ago, week(s), month(s), year(s); every occurrence counts. A fresh
generator per topic makes each topic's picks independent of the others and of
``--per-topic``: asking for more keeps the earlier picks. ``--first N`` prints only picks
N to ``--per-topic`` of each topic, the draw unchanged: bench/timeml_t17 holds picks 1-4
and bench/timeml_t17b picks 5-8 (``--per-topic 8 --first 5``). Prints topic, position in the
shuffle, id, publication date, length and date-like word count of each pick.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path
from typing import Any

TOPICS = ("EgyptianProtest_cnn", "IraqWar_guardian", "MJ_bbc", "haiti_bbc")
SEED = 7
SHORTEST, LONGEST, DATE_WORDS = 1500, 6000, 4
_MONTHS = (
    "january february march april may june july august september october november december "
    "jan jan. feb feb. aug aug. sept sept. oct oct. nov nov. dec dec."
)
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday"
_RELATIVE = "yesterday today tonight tomorrow last next ago week weeks month months year years"
DATE_LIKE = frozenset(f"{_MONTHS} {_WEEKDAYS} {_RELATIVE}".split())
_YEAR = re.compile(r"^(19|20)\d\d$")


def date_words(text: str) -> int:
    """How many white-space tokens of ``text`` are date-like (see the module docstring)."""
    return sum(1 for token in text.split() if token.lower() in DATE_LIKE or _YEAR.match(token))


def draw(path: Path, count: int) -> list[tuple[int, dict[str, Any]]]:
    """The first ``count`` eligible articles of one topic file, with their shuffle positions."""
    lines = path.read_text(encoding="utf-8").splitlines()
    random.Random(SEED).shuffle(lines)
    picks: list[tuple[int, dict[str, Any]]] = []
    for position, line in enumerate(lines, start=1):
        article = json.loads(line)
        text = article["text"]
        if SHORTEST <= len(text) <= LONGEST and date_words(text) >= DATE_WORDS:
            picks.append((position, article))
            if len(picks) == count:
                break
    return picks


def main() -> None:
    """Print the picks of every topic."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
    parser.add_argument("--data", type=Path, default=default)
    parser.add_argument("--per-topic", type=int, default=4)
    parser.add_argument("--first", type=int, default=1, help="first pick to print (1-based)")
    options = parser.parse_args()
    for topic in TOPICS:
        for position, article in draw(options.data / "t17-dev" / topic / "articles.jsonl",
                                      options.per_topic)[options.first - 1:]:
            text = article["text"]
            print(f"{topic}\t{position}\t{article['id']}\t{article['time']}\t{len(text)}\t"
                  f"{date_words(text)}")


if __name__ == "__main__":
    main()
