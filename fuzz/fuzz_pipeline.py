"""Fuzz target: arbitrary bytes through ingest (every format), clean and the date finder.

The first byte picks the input format (a file suffix), the rest is the file's content;
for the ``.gz`` formats the content is gzipped first so the reader behind the
decompressor is reached. Ingest, then cleaning, sentence splitting, the date finder and
the quote finder run on what comes out. Bad input must come out as a ``Skip`` with a
one-line reason; any exception, or an annotation whose offsets do not index the text,
is a crash.

    python fuzz/fuzz_pipeline.py [libFuzzer flags] CORPUS_DIR...   # fuzz
    python fuzz/fuzz_pipeline.py CRASH_FILE                        # replay one input

(``bash scripts/fuzz MINUTES`` sets this up.) When ``STORYLINE_FUZZ_SEEN`` names a file,
a crash whose signature (exception type and the line that raised it) is already listed
there is passed over, and a new one is added before it stops the run: scripts/fuzz
restarts the fuzzer after each crash, so one run reports each distinct crash once.
"""

from __future__ import annotations

import gzip
import os
import sys
import tempfile
import traceback
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["storyline"]):
    from storyline.clean.step import clean_article
    from storyline.clean.wires import load_wires
    from storyline.ingest.files import read_file
    from storyline.ingest.limits import Limits
    from storyline.language.quotes import find_quote_spans
    from storyline.language.sentences import split_plain
    from storyline.language.temporal import extract_temporal
    from storyline.model import Article, Sentence, Skip

FORMATS = (".txt", ".html", ".jsonl", ".json", ".csv", ".tsv", ".rss", ".atom", ".warc",
           ".md", ".txt.gz", ".jsonl.gz", ".warc.gz")
LIMITS = Limits(max_bytes=1_000_000)
WIRES = load_wires()
WORKDIR = Path(tempfile.mkdtemp(prefix="storyline-fuzz-"))


def to_file(data: bytes) -> Path:
    """Write a fuzz input as the file it stands for (first byte: the format)."""
    suffix = FORMATS[data[0] % len(FORMATS)] if data else ".txt"
    content = data[1:]
    if suffix.endswith(".gz"):
        content = gzip.compress(content, mtime=0)
    path = WORKDIR / f"input{suffix}"
    path.write_bytes(content)
    return path


def check_article(article: Article) -> None:
    """Clean and annotate one article (without the model) and check every offset."""
    clean_article(article, wires=WIRES)
    text = article.text
    sentences: list[Sentence] = []
    for index, paragraph in enumerate(article.paragraphs):
        assert 0 <= paragraph.start <= paragraph.end <= len(text), paragraph
        body = text[paragraph.start : paragraph.end]
        for start, end in split_plain(body):
            sentences.append(Sentence(paragraph.start + start, paragraph.start + end,
                                      body[start:end], index))
    article.sentences = sentences
    for expression in extract_temporal(article):
        assert text[expression.start : expression.end] == expression.text, expression
    for span in find_quote_spans(article):
        for start, end in span.pieces:
            assert 0 <= start < end <= len(text), span


def signature(exc: BaseException) -> str:
    """Exception type and the innermost storyline (or fuzz target) line that raised it."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "storyline" in f.filename or "fuzz_pipeline" in f.filename]
    where = (ours or frames)[-1]
    key = f"{type(exc).__name__} at {Path(where.filename).name}:{where.lineno} ({where.name})"
    if isinstance(exc, AssertionError) and str(exc).startswith("Skip reason"):
        key += " " + str(exc).split(":", 1)[0]
    return key


def one_input(data: bytes) -> None:
    """Run the pipeline on one input; a crash already seen in this fuzz run is passed over."""
    seen_file = os.environ.get("STORYLINE_FUZZ_SEEN")
    try:
        run_input(data)
    except Exception as exc:
        if not seen_file:
            raise
        key = signature(exc)
        seen = Path(seen_file)
        if seen.exists() and key in seen.read_text(encoding="utf-8").splitlines():
            return
        with seen.open("a", encoding="utf-8") as out:
            out.write(key + "\n")
        raise


def run_input(data: bytes) -> None:
    """The fuzz target: every item ingest yields must be a usable Article or a one-line Skip."""
    path = to_file(data)
    for item in read_file(path, WORKDIR, LIMITS):
        if isinstance(item, Skip):
            if "\n" in item.message() or "\r" in item.message():
                # Named by the reason's first words, so each reader's case is reported once.
                opening = " ".join(item.reason.split()[:2])
                raise AssertionError(f"Skip reason of several lines ({opening} ...): "
                                     f"{item.message()!r}")
            continue
        check_article(item)


def main() -> None:
    """Run libFuzzer over ``one_input`` (or replay the files given)."""
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
