"""Date expressions found and normalised on TempEval-3 TimeBank, against dateparser.

Usage: python bench/dates.py [DATA_DIR] [--half odd|even] [--no-reference] [--top N]

DATA_DIR (default ../shared/data/tempeval3-dev next to the repo) holds TimeML ``.tml``
files. For each, the ``<DCT>`` TIMEX3 value is the anchor (publication date) and the
``<TEXT>`` element, tags stripped, goes whole through the public API
``storyline.dates.find(text, reference=anchor)`` (the pipeline's ``extract_temporal``).
``--half odd`` keeps the files at odd positions of the sorted file names (rules are
written looking at its misses only), ``--half even`` the others (checked, never tuned on).

Scores:
  * recall: share of gold ``type="DATE"`` TIMEX3 overlapped by an expression of ours
    (strict-span R: found with exactly the gold span, TempEval's strict match);
  * precision: share of our expressions overlapping a gold TIMEX3 of any type;
  * value accuracy: share of gold DATE TIMEX3 whose value is a calendar date
    (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) that an overlapping expression resolves to
    exactly (gold ``1998-11-20`` vs ours ``1998-11`` is wrong);
  * all-gold value accuracy: the same over ALL gold DATE TIMEX3 (``PRESENT_REF``,
    ``1998-Q3``, ``1998-W47``… count right only when an overlapping value equals them);
  * per granularity of storyline's values (day, quarter, reference = ``*_REF``…): how many
    it found, the share overlapping a gold TIMEX3 and the share whose value an overlapping
    gold TIMEX3 has.

Reference, same scoring, on naive sentences (newlines and sentence-ending punctuation):
``dateparser.search.search_dates`` with the anchor as ``RELATIVE_BASE`` and past dates
preferred; each match is re-parsed with ``DateDataParser.get_date_data`` to learn its
precision (day, month or year), so that "1998" or "last month" is compared at the
precision the words give.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from storyline.dates import find, granularity

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "data" / "tempeval3-dev"

_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
_SENTENCE_END = re.compile(r"\n+|(?<=[.!?])(?:''|\")?\s+(?=[A-Z`'\"])")
# A period after these ends an abbreviation, not a sentence ("Sept. 30", "Mr. Smith").
_ABBREVIATION = re.compile(
    r"\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Inc|Corp|Co|Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
    r"Sep|Sept|Oct|Nov|Dec)\.$"
)
CALENDAR_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

Span = tuple[int, int]


@dataclass
class Gold:
    """One gold TIMEX3 in the stripped text."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Found:
    """One expression a system found, with its normalised value (or None)."""

    start: int
    end: int
    text: str
    value: str | None


@dataclass
class Document:
    """A TimeML document reduced to what the benchmark needs."""

    name: str
    anchor: date
    text: str
    gold: list[Gold]


@dataclass
class Tally:
    """Counts for one system over the corpus."""

    gold_dates: int = 0
    gold_found: int = 0
    gold_exact: int = 0  # found with exactly the gold span (TempEval's strict match)
    calendar: int = 0
    calendar_found: int = 0
    calendar_right: int = 0
    all_right: int = 0
    predicted: int = 0
    predicted_right: int = 0
    seconds: float = 0.0
    wrong_dates: Counter[str] = field(default_factory=Counter)  # calendar: missed or wrong
    missed_other: Counter[str] = field(default_factory=Counter)  # non-calendar: missed or wrong
    example: dict[str, str] = field(default_factory=dict)
    # Per granularity of our values (reference = *_REF): found, overlapping a gold TIMEX3,
    # and with the value of an overlapping gold TIMEX3.
    by_kind: dict[str, Counter[str]] = field(default_factory=dict)

    def line(self, name: str) -> str:
        """One printable row of this system's figures."""
        return (
            f"{name:12s} P {self.precision:.3f}  R {self.recall:.3f}  "
            f"value acc {self.value_accuracy:.3f} (of found {self.value_accuracy_found:.3f})  "
            f"all-gold value acc {self.all_accuracy:.3f}  "
            f"strict-span R {self.gold_exact / max(self.gold_dates, 1):.3f}  "
            f"[{self.predicted} found, {self.gold_dates} gold DATE, {self.calendar} calendar; "
            f"{self.seconds:.1f}s]"
        )

    @property
    def precision(self) -> float:
        return self.predicted_right / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold_dates if self.gold_dates else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.calendar_right / self.calendar if self.calendar else 0.0

    @property
    def all_accuracy(self) -> float:
        return self.all_right / self.gold_dates if self.gold_dates else 0.0

    @property
    def value_accuracy_found(self) -> float:
        return self.calendar_right / self.calendar_found if self.calendar_found else 0.0


def read_timeml(path: Path) -> Document:
    """The DCT anchor, the stripped ``<TEXT>`` and the gold TIMEX3 offsets of one file."""
    source = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"(\d{4}-\d{2}-\d{2})", source)
    body = re.search(r"<TEXT>(.*)</TEXT>", source, re.S)
    if not dct or not body:
        raise ValueError(f"{path.name}: no <DCT> date or no <TEXT>")
    pieces: list[str] = []
    length = 0
    gold: list[Gold] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    cursor = 0
    markup = body.group(1)
    for tag in _TAG.finditer(markup):
        piece = html.unescape(markup[cursor : tag.start()])
        pieces.append(piece)
        length += len(piece)
        cursor = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if tag.group(1):  # closing tag
            if open_timex is not None:
                start, attributes = open_timex
                text = "".join(pieces)[start:length]
                kind, value = attributes.get("type", ""), attributes.get("value", "")
                gold.append(Gold(start, length, text, kind, value))
            open_timex = None
        else:
            open_timex = (length, dict(_ATTRIBUTE.findall(tag.group(3))))
    pieces.append(html.unescape(markup[cursor:]))
    return Document(path.stem, date.fromisoformat(dct.group(1)), "".join(pieces), gold)


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """Naive sentences of ``text`` with their start offsets."""
    start = 0
    for boundary in _SENTENCE_END.finditer(text):
        if "\n" not in boundary.group() and _ABBREVIATION.search(text[: boundary.start()]):
            continue
        if text[start : boundary.start()].strip():
            yield start, text[start : boundary.start()]
        start = boundary.end()
    if text[start:].strip():
        yield start, text[start:]


def storyline_finder(document: Document) -> list[Found]:
    """The public API on the whole text, the DCT being the reference date."""
    return [Found(e.start, e.end, e.text, e.value) for e in find(document.text, document.anchor)]


def dateparser_finder() -> Callable[[Document], list[Found]]:
    """search_dates on each sentence; precision from DateDataParser's period."""
    from dateparser import DateDataParser
    from dateparser.search import search_dates

    def find(document: Document) -> list[Found]:
        base = datetime.combine(document.anchor, datetime.min.time())
        settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
        parser = DateDataParser(languages=["en"], settings=settings)
        found = []
        for offset, sentence in sentences(document.text):
            cursor = 0
            for matched, when in search_dates(sentence, settings=settings, languages=["en"]) or []:
                start = sentence.find(matched, cursor)
                if start < 0:
                    continue
                cursor = start + len(matched)
                data = parser.get_date_data(matched)
                period = data.period if data and data.date_obj else "day"
                value = {"year": f"{when:%Y}", "month": f"{when:%Y-%m}"}.get(
                    period or "day", f"{when:%Y-%m-%d}"
                )
                found.append(Found(offset + start, offset + cursor, matched, value))
        return found

    return find


def overlaps(a: Span, b: Span) -> bool:
    """True when two character spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


def score(documents: list[Document], finder: Callable[[Document], list[Found]]) -> Tally:
    """Run one system over the documents and count hits, misses and wrong values."""
    tally = Tally()
    for document in documents:
        started = time.perf_counter()
        found = finder(document)
        tally.seconds += time.perf_counter() - started
        tally.predicted += len(found)
        for f in found:
            hits = [g for g in document.gold if overlaps((f.start, f.end), (g.start, g.end))]
            tally.predicted_right += bool(hits)
            kind = "unknown year" if (f.value or "").startswith("XXXX") else (
                granularity(f.value) or "no value")
            counts = tally.by_kind.setdefault(kind, Counter())
            counts["found"] += 1
            counts["overlap"] += bool(hits)
            counts["value"] += any(g.value == f.value for g in hits)
        for gold in document.gold:
            if gold.type != "DATE":
                continue
            matches = [f for f in found if overlaps((f.start, f.end), (gold.start, gold.end))]
            tally.gold_dates += 1
            tally.gold_found += bool(matches)
            tally.gold_exact += any((f.start, f.end) == (gold.start, gold.end) for f in matches)
            calendar = bool(CALENDAR_VALUE.match(gold.value))
            tally.calendar += calendar
            tally.calendar_found += calendar and bool(matches)
            tally.all_right += any(f.value == gold.value for f in matches)
            if calendar and any(f.value == gold.value for f in matches):
                tally.calendar_right += 1
                continue
            if matches and not calendar and any(f.value == gold.value for f in matches):
                continue
            key = " ".join(gold.text.lower().split())
            (tally.wrong_dates if calendar else tally.missed_other)[key] += 1
            ours = ", ".join(f"{f.text!r}={f.value}" for f in matches) or "missed"
            tally.example.setdefault(key, f"gold {gold.value} vs ours {ours} ({document.name})")
    return tally


def ratio(ours: float, reference: float) -> str:
    """ours / reference, printable."""
    return f"{ours / reference:.2f}" if reference else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(DEFAULT))
    parser.add_argument("--half", choices=("odd", "even"), help="odd or even sorted files only")
    parser.add_argument("--no-reference", action="store_true", help="skip dateparser")
    parser.add_argument("--top", type=int, default=10, help="errors listed")
    args = parser.parse_args()
    files = sorted(Path(args.data).glob("*.tml"))
    if not files:
        sys.exit(f"no .tml files in {args.data}")
    if args.half:
        files = files[1::2] if args.half == "odd" else files[::2]
    documents = [read_timeml(path) for path in files]

    ours = score(documents, storyline_finder)
    print(f"{len(documents)} documents" + (f" ({args.half} half)" if args.half else ""))
    print(ours.line("storyline"))
    if not args.no_reference:
        reference = score(documents, dateparser_finder())
        print(reference.line("dateparser"))
        print(
            f"{'ratio':12s} P {ratio(ours.precision, reference.precision)}  "
            f"R {ratio(ours.recall, reference.recall)}  "
            f"value acc {ratio(ours.value_accuracy, reference.value_accuracy)}  "
            f"all-gold {ratio(ours.all_accuracy, reference.all_accuracy)}  "
            f"(storyline / dateparser)"
        )
    print("\nstoryline's expressions by granularity (precision: overlapping a gold TIMEX3 of "
          "any type; value: equal to an overlapping gold value):")
    for kind, counts in sorted(ours.by_kind.items(), key=lambda item: -item[1]["found"]):
        found = counts["found"]
        print(f"  {kind:13s} {found:4d} found  precision {counts['overlap'] / found:.3f}  "
              f"value {counts['value'] / found:.3f}")
    lists = (
        ("calendar-valued gold DATE expressions storyline misses or resolves wrongly",
         ours.wrong_dates),
        ("other gold DATE expressions (quarters, weeks, PRESENT_REF…) storyline misses or "
         "resolves wrongly",
         ours.missed_other),
    )
    for title, errors in lists:
        print(f"\nMost common {title} (count, text: one example):")
        for text, count in errors.most_common(args.top):
            print(f"  {count:3d}  {text!r}: {ours.example[text]}")


if __name__ == "__main__":
    main()
