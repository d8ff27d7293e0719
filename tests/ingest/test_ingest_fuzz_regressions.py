"""Inputs the fuzzer found: each must give one-line skips, never an exception."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.config import load_config
from storyline.ingest import read_inputs
from storyline.model import Skip

CASES = {
    "title-break.rss": b'<rss version="2.0"><channel><title>T</title><item><title>Ferry\ncuts'
                       b"</title><link>https://e.org/a</link></item></channel></rss>",
    "header-break.csv": b'id,"a\nb",url\n1,x,y\n',
    "bad-encoding-name.rss": b'<?xml version="1.0" encoding="ut\xfef-8"?>\n'
                             b'<rss version="2.0"><channel><title>T</title></channel></rss>',
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_fuzz_finding_is_a_one_line_skip(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(CASES[name])
    items = list(read_inputs([str(path)], load_config()))
    skips = [item for item in items if isinstance(item, Skip)]
    assert skips and all("\n" not in skip.message() for skip in skips)


def test_a_skip_reason_is_always_one_line() -> None:
    assert Skip("f.txt", "first\nsecond\r\n third\u2028").message() == "f.txt: first second third"


def test_a_skip_origin_with_control_characters_prints_on_one_line() -> None:
    message = Skip("crawl.warc.gz (https://e.org/a\r\nb)", "record 1 is truncated").message()
    assert "\n" not in message and "\r" not in message and "\\r\\n" in message
