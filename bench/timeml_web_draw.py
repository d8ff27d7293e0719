"""The seeded draw behind bench/timeml_web, a hand-annotated TimeML set of web news pages.

    python bench/timeml_web_draw.py [--data ../shared/data] [--count 16] [--first 1]

The pages are those of ``html-extraction-dev``: ``ground-truth.json`` maps a page hash to
its ``articleBody`` (the document text, used exactly as is) and ``html/<hash>.html.gz``
holds the page. The hashes are sorted, shuffled with ``random.Random(11)``, and the first
``--count`` pages in shuffled order are taken that have

* a body of 1,000 to 6,000 characters,
* at least 4 date-like words (the rule of ``bench/timeml_draw.py``: white-space tokens
  that are a month name, a weekday, a year from 1900 to 2099, or one of yesterday, today,
  tonight, tomorrow, last, next, ago, week(s), month(s), year(s); every occurrence counts),
* a readable publication date: ``htmldate.find_date`` on the page with
  ``original_date=True`` and ``extensive_search=False``, so that only the page's own
  markup (meta ``article:published_time`` and kin, JSON-LD ``datePublished``, ``<time>``
  and similar), never a guess from the URL or free text, gives the date,
* and are not in ``SKIP``: pages read by hand and found not to be a dated news report, or
  whose markup date is not the article's own publication date (reasons given there).

``--first N`` prints only picks N to ``--count`` of the same draw: bench/timeml_web holds
picks 1-16, bench/timeml_web2 picks 17-32 (``--count 32 --first 17``) and bench/timeml_web3
picks 33-37 (``--count 48 --first 33``: the draw has only 37 eligible pages). The publication
date is the DCT of the ``.tml`` file. htmldate is a third-party reader of
page metadata; it shares no code or rules with storyline's date normaliser. Prints the
position in the shuffle, hash, DCT, body length, date-like word count and URL of each pick.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from pathlib import Path

from htmldate import find_date  # type: ignore[import-untyped]
from timeml_draw import date_words

SEED = 11
SHORTEST, LONGEST, DATE_WORDS = 1000, 6000, 4
# Pages read by hand and left out, with the reason (hash prefix -> reason).
SKIP: dict[str, str] = {
    "8cad00dc22de": "a theatre's promotional blog post about a festival stage, not a news report",
    "7a664e40d256": "markup disagrees: datePublished 2019-11-20 01:07 ET, URL and htmldate "
                    "2019-11-19",
    "d605bdef2cde": "a Hong Kong market report (Tuesday there) stamped 2019-11-19T02:34Z, Monday "
                    "evening in the US; htmldate reads 2019-11-18 from the URL: day ambiguous",
    "5f9c5ed5d64d": "no publication date in the article's markup; htmldate's date comes from a "
                    "sidebar of tweets",
    "9eef8162bbb6": "a syndicated copy: the page's stamp (2019-11-19) is the syndicator's, the "
                    "article's own date (2019-11-18) comes only from its canonical URL",
    "65ce3a4577a0": "htmldate's date (2019-11-20) comes from an image's path; the page says "
                    "'Published 11:11 PM EST Nov 19, 2019' and its JSON-LD dates are empty",
    "e1cd54e5577d": "an events calendar ('4 things to do in October'), not a news report",
    "ad826691a8a2": "a shopping-deals roundup with affiliate links, not a news report",
    "5caf91b8a442": "stamped 2019-11-20T05:57Z, which is 21:57 on Nov 19 in San Francisco, the "
                    "date the page shows; htmldate reads the UTC date: day ambiguous",
}


def publication_date(page: Path) -> str | None:
    """The page's own publication date as YYYY-MM-DD from its markup, or None."""
    with gzip.open(page, "rt", encoding="utf-8", errors="replace") as handle:
        markup = handle.read()
    found: str | None = find_date(markup, original_date=True, extensive_search=False)
    return found


def draw(data: Path, count: int) -> list[tuple[int, str, str, dict[str, str]]]:
    """The first ``count`` eligible pages: (shuffle position, hash, DCT, ground-truth record)."""
    folder = data / "html-extraction-dev"
    truth: dict[str, dict[str, str]] = json.loads(
        (folder / "ground-truth.json").read_text(encoding="utf-8"))
    hashes = sorted(truth)
    random.Random(SEED).shuffle(hashes)
    picks: list[tuple[int, str, str, dict[str, str]]] = []
    for position, key in enumerate(hashes, start=1):
        body = truth[key]["articleBody"]
        if not SHORTEST <= len(body) <= LONGEST or date_words(body) < DATE_WORDS:
            continue
        if key[:12] in SKIP:
            continue
        dct = publication_date(folder / "html" / f"{key}.html.gz")
        if dct is None:
            continue
        picks.append((position, key, dct, truth[key]))
        if len(picks) == count:
            break
    return picks


def main() -> None:
    """Print the picks."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
    parser.add_argument("--data", type=Path, default=default)
    parser.add_argument("--count", type=int, default=16)
    parser.add_argument("--first", type=int, default=1, help="first pick to print (1-based)")
    options = parser.parse_args()
    for position, key, dct, record in draw(options.data, options.count)[options.first - 1:]:
        body = record["articleBody"]
        print(f"{position}\t{key[:12]}\t{dct}\t{len(body)}\t{date_words(body)}\t{record['url']}")


if __name__ == "__main__":
    main()
