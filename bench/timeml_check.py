"""Check a hand-annotated TimeML set (bench/timeml_t17, t17b, web or web2) with its sources.

    python bench/timeml_check.py [FOLDER] [--data ../shared/data] [--web [--first N]] [--quiet]

For every ``<topic>_<id>.tml`` of FOLDER (default bench/timeml_t17; bench/timeml_t17b is
checked the same way, ``python bench/timeml_check.py bench/timeml_t17b``): the ``<TEXT>``
element with its tags stripped and XML entities unescaped must equal the ``text`` of
article ``id`` in ``t17-dev/<topic>/articles.jsonl`` exactly, and the ``<DCT>`` value its
``time``. With ``--web`` (FOLDER then defaults to bench/timeml_web) the files are
``<hash[:12]>.tml`` of ``html-extraction-dev`` pages instead: the files must be exactly
the picks of ``bench/timeml_web_draw.py``, each stripped text must equal the page's
ground-truth ``articleBody`` and each DCT the publication date the draw read from the
page. ``--first N`` says the folder continues the draw: its files must be exactly picks N
to N + (number of files) - 1 (bench/timeml_web2: ``bench/timeml_web2 --web --first 17``,
picks 17-32; bench/timeml_web3: ``--first 33``, picks 33-37). Every TIMEX3 needs a tid, a
type among DATE, TIME, DURATION and SET, and a value.
Prints each TIMEX3 (type, value, text) for a read-through unless ``--quiet``, then counts
per type. Exits non-zero on the first mismatch. Reads no storyline code.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = ("DATE", "TIME", "DURATION", "SET")
_TIMEX = re.compile(r"<TIMEX3([^>]*)>([^<]*)</TIMEX3>")
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


def article(data: Path, name: str) -> dict[str, str]:
    """The t17-dev record a file is named after (``<topic>_<id>``)."""
    topic, _, key = name.rpartition("_")
    with open(data / "t17-dev" / topic / "articles.jsonl", encoding="utf-8") as lines:
        for line in lines:
            record: dict[str, str] = json.loads(line)
            if record["id"] == key:
                return record
    raise KeyError(name)


def web_sources(data: Path, count: int, first: int = 1) -> dict[str, dict[str, str]]:
    """Picks ``first`` to ``first + count - 1`` of the web draw: hash[:12] -> {"text", "time"}."""
    from timeml_web_draw import draw  # imported here: only --web needs htmldate

    return {key[:12]: {"text": record["articleBody"], "time": dct}
            for _, key, dct, record in draw(data, first - 1 + count)[first - 1:]}


def check(path: Path, record: dict[str, str]) -> list[tuple[str, str, str]]:
    """The (type, value, text) of each TIMEX3 of one file, after checking it against its source.

    ``record`` holds the source's ``text`` and DCT (``time``).
    """
    source = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT><TIMEX3[^>]*value=\"([^\"]+)\"", source)
    body = re.search(r"<TEXT>(.*)</TEXT>", source, re.S)
    if not dct or not body or dct.group(1) != record["time"]:
        raise ValueError(f"{path.name}: DCT or TEXT missing or DCT not {record['time']}")
    markup = body.group(1)
    if "<" in _TIMEX.sub("", markup):
        raise ValueError(f"{path.name}: a tag other than a flat TIMEX3")
    if html.unescape(_TIMEX.sub(r"\2", markup)) != record["text"]:
        raise ValueError(f"{path.name}: stripped text differs from the article")
    found = []
    for match in _TIMEX.finditer(markup):
        attributes = dict(_ATTRIBUTE.findall(match.group(1)))
        kind, value = attributes.get("type"), attributes.get("value")
        if kind not in TYPES or not value or "tid" not in attributes:
            raise ValueError(f"{path.name}: bad TIMEX3 {match.group(0)}")
        found.append((attributes["type"], attributes["value"], html.unescape(match.group(2))))
    return found


def main() -> None:
    """Check every file, print the tags and the counts."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, nargs="?")
    parser.add_argument("--data", type=Path, default=HERE.parent.parent / "shared" / "data")
    parser.add_argument("--web", action="store_true",
                        help="html-extraction-dev pages drawn by timeml_web_draw.py")
    parser.add_argument("--first", type=int, default=1,
                        help="with --web: the folder holds the draw's picks from this one on")
    parser.add_argument("--quiet", action="store_true")
    options = parser.parse_args()
    folder = options.folder or HERE / ("timeml_web" if options.web else "timeml_t17")
    counts: Counter[str] = Counter()
    files = sorted(folder.glob("*.tml"))
    web = web_sources(options.data, len(files), options.first) if options.web else {}
    if options.web and set(web) != {path.stem for path in files}:
        last = options.first + len(files) - 1
        sys.exit(f"files are not the draw's picks {options.first}-{last}: {sorted(web)}")
    for path in files:
        try:
            tags = check(path, web[path.stem] if options.web else article(options.data, path.stem))
        except ValueError as error:
            sys.exit(str(error))
        counts.update(kind for kind, _, _ in tags)
        if not options.quiet:
            print(f"== {path.stem}")
            for kind, value, text in tags:
                print(f"  {kind:8s} {value:14s} {text}")
    print(f"{len(files)} documents, all texts identical to their sources; "
          + ", ".join(f"{kind} {counts[kind]}" for kind in TYPES))


if __name__ == "__main__":
    main()
