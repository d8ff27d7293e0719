"""Scale: `storyline run` on a corpus of N articles grown from the dev sets, then adding 1 and 100.

    python bench/scale.py --data ../shared/data [--articles 100000] [--workdir DIR]
                          [--base-db DB] [--no-full]

How the corpus is grown. The seed is every dev record: syndication-dev, t17-dev (each topic's
articles, as bench/devsets.py reads them) and ecbplus-dev (as bench/throughput.py reads
them), 3,280 records. Copy 0 is the seed itself; copy k (k = 1, 2, ...) of a record is a new
story made from it by two changes, both functions of k alone:

- dates: every date is moved by k × 364 days (whole weeks, so a weekday named in the text
  still falls on its date). That applies to the ``published`` metadata and to dates in the
  title and text: ISO dates (``2011-02-11``), "February 10[, 2011]" / "Feb. 10" and
  "10 February[ 2011]" (month names in full or abbreviated; a date without a year is
  placed in the record's publication year, else 2010), and lone years 1900–2099 (moved by
  the number of years the record's reference date moved). The shifted text keeps each
  date's format.
- names: the corpus's own name list is every capitalised word (3+ letters) that the seed
  uses as a name: it occurs capitalised at least 3 times, at least half of them not at a
  sentence start, and in lower case at most a tenth as often. The names are sorted and
  copy k maps the list onto a permutation of itself (``random.Random(k).shuffle``); every
  occurrence of a listed word in the title and text is replaced by its image. One
  permutation per copy keeps a story's people and places consistent within and across the
  copy's articles, so copy k of an event is still one event, but another one than copy j's.

Ids get ``~k`` appended and urls a ``copy=k`` query; sources stay (so per-source steps see
sources grow). Records are ordered by copy then seed order and the first N are written as
JSONL files of 1,000 records to ``WORKDIR/inputs-N`` (never the repo).
The 1 and 100 added articles are the first records of copy ``K + 1``, where K is the last
copy in the store: stories the store has never seen.

Measured (each time a fresh process; ``PYTHONPATH`` as given to this script):

- full: `storyline run` of the N articles into a fresh store: seconds, articles/s and the
  child's peak RSS (``wait4``);
- add 1, add 100: `storyline run NEW.jsonl --db COPY` on a copy of that store, seconds and
  seconds minus the model load, where the model load is timed in its own process (import
  storyline, load the spaCy pipeline: the fixed start-up cost of any run);
- references in the same run: that model load, and copying the store file with SQLite's
  backup API (seconds per GB of store);
- with ``--stages``: the add-1 run again in this process, seconds per step (record steps,
  then each corpus step as ``run_pipeline`` runs it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devsets import stage_seconds  # noqa: E402
from throughput import all_records  # noqa: E402

STORYLINE = [sys.executable, "-m", "storyline.cli"]
SHIFT_DAYS = 364  # whole weeks: weekday names in the text stay true
DEFAULT_YEAR = 2010

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]
_ABBR = {m[:3]: i + 1 for i, m in enumerate(_MONTHS)} | {"Sept": 9}
_FULL = {m: i + 1 for i, m in enumerate(_MONTHS)}
_MONTH = (r"(?P<mon>" + "|".join(_MONTHS)
          + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")
_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)")
_MDY = re.compile(_MONTH + r" (?P<d>[0-3]?\d)\b(?P<y>,? (?:19|20)\d\d\b)?")
_DMY = re.compile(r"\b(?P<d>[0-3]?\d) " + _MONTH + r"(?P<y>,? (?:19|20)\d\d\b)?")
_YEAR = re.compile(r"(?<![\d-])(?:19|20)\d\d(?![\d-])")
_WORD = re.compile(r"\b[A-Z][a-z]{2,}\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?\"“]\s+|\n\s*)$")


def _month_number(name: str) -> int:
    name = name.rstrip(".")
    return _FULL.get(name) or _ABBR[name[:4] if name.startswith("Sept") else name[:3]]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


class Shift:
    """Moves the dates of one record's copy by ``days``."""

    def __init__(self, days: int, reference_year: int) -> None:
        """``reference_year`` places dates written without a year."""
        self.delta = dt.timedelta(days=days)
        self.year = reference_year
        moved = dt.date(reference_year, 7, 1) + self.delta
        self.years = moved.year - reference_year

    def date(self, value: dt.date) -> dt.date:
        """The moved date."""
        return value + self.delta

    def text(self, text: str) -> str:
        """``text`` with its dates moved, each in its own format."""
        placeholders: list[str] = []

        def hold(value: str) -> str:
            placeholders.append(value)
            return f"\0{len(placeholders) - 1}\0"

        def iso(match: re.Match[str]) -> str:
            day = _safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
            return match[0] if day is None else hold(self.date(day).isoformat())

        def named(match: re.Match[str], day_first: bool) -> str:
            year_text = match["y"]
            year = int(year_text.strip(", ")) if year_text else self.year
            day = _safe_date(year, _month_number(match["mon"]), int(match["d"]))
            if day is None:
                return match[0]
            moved = self.date(day)
            mon = match["mon"]
            month = _MONTHS[moved.month - 1]
            if mon.rstrip(".") not in _FULL:  # keep an abbreviation abbreviated
                month = month[:3] + ("." if mon.endswith(".") else "")
            sep = year_text[: len(year_text) - 4] if year_text else ""
            tail = f"{sep}{moved.year}" if year_text else ""
            return hold(f"{moved.day} {month}{tail}" if day_first else f"{month} {moved.day}{tail}")

        text = _ISO.sub(iso, text)
        text = _MDY.sub(lambda m: named(m, False), text)
        text = _DMY.sub(lambda m: named(m, True), text)
        text = _YEAR.sub(lambda m: str(int(m[0]) + self.years), text)
        return re.sub(r"\0(\d+)\0", lambda m: placeholders[int(m[1])], text)


def name_list(records: list[dict[str, str]]) -> list[str]:
    """Capitalised words the corpus uses as names (see the module docstring)."""
    capital: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for record in records:
        text = f"{record.get('title') or ''}\n{record['text']}"
        lower.update(re.findall(r"\b[a-z]{3,}\b", text))
        for match in _WORD.finditer(text):
            capital[match[0]] += 1
            if not _SENTENCE_START.search(text[max(0, match.start() - 3):match.start()]):
                inside[match[0]] += 1
    months = set(_MONTHS) | set(_ABBR) | {"Monday", "Tuesday", "Wednesday", "Thursday",
                                          "Friday", "Saturday", "Sunday"}
    return sorted(word for word, count in capital.items()
                  if count >= 3 and inside[word] * 2 >= count
                  and lower[word.lower()] * 10 <= count
                  and word not in months)


def _reference_year(record: dict[str, str]) -> int:
    published = record.get("published") or ""
    if re.match(r"(?:19|20)\d\d", published):
        return int(published[:4])
    found = _YEAR.search(record["text"])
    return int(found[0]) if found else DEFAULT_YEAR


def copy_record(record: dict[str, str], k: int, names: dict[str, str] | None) -> dict[str, str]:
    """Copy ``k`` of ``record``: dates moved by k × 364 days, names permuted."""
    if k == 0:
        return dict(record)
    shift = Shift(k * SHIFT_DAYS, _reference_year(record))
    pattern = _WORD

    def swap(text: str) -> str:
        text = shift.text(text)
        if names:
            text = pattern.sub(lambda m: names.get(m[0], m[0]), text)
        return text

    out = dict(record)
    out["id"] = f"{record['id']}~{k}"
    out["text"] = swap(record["text"])
    if record.get("title"):
        out["title"] = swap(record["title"])
    if record.get("url"):
        joiner = "&" if "?" in record["url"] else "?"
        out["url"] = f"{record['url']}{joiner}copy={k}"
    published = record.get("published")
    if published:
        moved = _shift_published(published, k * SHIFT_DAYS)
        if moved:
            out["published"] = moved
    return out


def _shift_published(value: str, days: int) -> str | None:
    """An ISO date or date-time moved by ``days``, in its own format."""
    try:
        if len(value) == 10:
            return (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()
        stamp = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    moved = (stamp + dt.timedelta(days=days)).isoformat()
    return moved.replace("+00:00", "Z") if value.endswith("Z") else moved


def permutation(names: list[str], k: int) -> dict[str, str]:
    """Copy ``k``'s one-to-one map of the name list onto itself."""
    shuffled = list(names)
    random.Random(k).shuffle(shuffled)
    return dict(zip(names, shuffled, strict=True))


def grow(seed: list[dict[str, str]], count: int, first_copy: int = 0) -> list[dict[str, str]]:
    """The first ``count`` records of copies ``first_copy``, ``first_copy + 1``, ..."""
    names = name_list(seed)
    out: list[dict[str, str]] = []
    k = first_copy
    while len(out) < count:
        mapping = permutation(names, k) if k else None
        for record in seed:
            out.append(copy_record(record, k, mapping))
            if len(out) == count:
                break
        k += 1
    return out


def write_jsonl(records: list[dict[str, str]], folder: Path, size: int = 1000) -> list[str]:
    """JSONL files of ``size`` records; their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, start in enumerate(range(0, len(records), size)):
        path = folder / f"part-{number:04d}.jsonl"
        with open(path, "w", encoding="utf-8") as out:
            out.writelines(json.dumps(r, ensure_ascii=False) + "\n"
                           for r in records[start:start + size])
        paths.append(str(path))
    return paths


def timed_process(args: list[str]) -> tuple[float, float, str]:
    """Seconds, peak RSS (MB, the process and the children it waited for) and stdout tail."""
    began = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(args, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - began
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if proc.returncode not in (0, 3):
        sys.exit(f"{' '.join(args[:4])} failed ({proc.returncode}): {stderr[-2000:]}")
    lines = stdout.strip().splitlines()
    return seconds, usage.ru_maxrss / 1024, lines[-1] if lines else ""


def model_load_seconds() -> float:
    """Seconds a fresh process takes to import storyline and load the spaCy pipeline."""
    code = ("import time; t = time.perf_counter(); import storyline.cli, storyline.steps; "
            "from storyline.config import load_config; "
            "from storyline.language.nlp import load_pipeline; "
            "load_pipeline(load_config()['language']['spacy_model']); "
            "print(time.perf_counter() - t)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    return float(done.stdout.strip().splitlines()[-1])


def copy_store(source: Path, target: Path) -> float:
    """Copy a store with SQLite's backup API; seconds taken."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    began = time.perf_counter()
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return time.perf_counter() - began


def stored_copies(db: Path) -> int:
    """The highest copy number among the store's article ids."""
    with sqlite3.connect(db) as conn:
        ids = [row[0] for row in conn.execute("SELECT id FROM articles WHERE id LIKE '%~%'")]
    return max((int(i.rsplit("~", 1)[1]) for i in ids if i.rsplit("~", 1)[1].isdigit()),
               default=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--base-db", type=Path,
                        help="measure adds on this store instead of building one")
    parser.add_argument("--stages", action="store_true",
                        help="also time each step of the add-1 run in this process")
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="storyline-scale-"))
    workdir.mkdir(parents=True, exist_ok=True)
    seed = all_records(args.data)
    print(f"seed: {len(seed)} dev records; names in the corpus's list: {len(name_list(seed))}; "
          f"workdir: {workdir}")

    reference_load = model_load_seconds()
    print(f"reference: import + spaCy model load in a fresh process {reference_load:.2f} s")
    if args.base_db:
        base = args.base_db
    else:
        base = workdir / f"scale-{args.articles}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{base}{suffix}").unlink(missing_ok=True)
        files = write_jsonl(grow(seed, args.articles), workdir / f"inputs-{args.articles}")
        seconds, rss, summary = timed_process([*STORYLINE, "run", *files, "--db", str(base)])
        print(f"full run, {args.articles} articles: {seconds:.1f} s = "
              f"{args.articles / seconds:.1f} articles/s; peak RSS {rss:.0f} MB; "
              f"{seconds / reference_load:.0f}× the model load; {summary}")

    size_gb = base.stat().st_size / 1e9
    next_copy = stored_copies(base) + 1
    for count in (1, 100):
        new = grow(seed, count, first_copy=next_copy)
        files = write_jsonl(new, workdir / f"add-{count}")
        target = workdir / f"add-{count}.db"
        copy_seconds = copy_store(base, target)
        seconds, rss, summary = timed_process([*STORYLINE, "run", *files, "--db", str(target)])
        print(f"add {count}: {seconds:.2f} s, {seconds - reference_load:.2f} s after model load "
              f"(load {reference_load:.2f} s); peak RSS {rss:.0f} MB; "
              f"reference: sqlite3 backup of the {size_gb:.2f} GB store {copy_seconds:.2f} s; "
              f"{summary}")
    if args.stages:
        target = workdir / "stages.db"
        copy_store(base, target)
        timings = stage_seconds(write_jsonl(grow(seed, 1, first_copy=next_copy),
                                            workdir / "stages-1"), target)
        print("add 1 per step (in process): " + ", ".join(
            f"{name} {value:.2f} s" for name, value in timings.items()))
    shutil.rmtree(workdir / "add-1", ignore_errors=True)


if __name__ == "__main__":
    main()
