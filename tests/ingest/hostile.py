"""A corpus of hostile inputs (one file per attack), with what a run must do with each.

``write_hostile_inputs(folder)`` writes the files and returns file name → expected outcome:

- ``"stored"``: every article in the file is stored, nothing from it is skipped;
- ``"partial"``: the good records of the file are stored, each bad one is a Skip naming its
  line (or WARC record), the run goes on;
- ``"skip"``: nothing from the file is stored, one Skip says why.

Every good record's text contains :data:`GOOD_MARK`; no stored text may contain
:data:`FORBIDDEN` (the start of ``/etc/passwd``, reached by a symlink or an XXE entity).
Good records have unique ids across files, so none of them is a duplicate of another.
"""

from __future__ import annotations

import gzip
import json
import os
import uuid
from pathlib import Path

GOOD_MARK = "harbour"
FORBIDDEN = "root:x:0:0"
DEEP = 100_000
HUGE = 15_000_000

_LAUGHS = '<!ENTITY lol "lol">' + "".join(
    f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
    for i in range(1, 10))
_XXE = '<!ENTITY xxe SYSTEM "file:///etc/passwd">'


def good_text(tag: str) -> str:
    """Return a distinct, article-like paragraph (long enough for every cleaning limit)."""
    return (f"The {GOOD_MARK} strike in {tag} ended on Monday after the union and the port "
            f"authority agreed on pay. Ferries to {tag} will sail again from Wednesday, the "
            "operator said, and cargo queues should clear by the end of the week.")


def good_line(tag: str, **extra: object) -> str:
    """Return one good JSON Lines record whose id is ``tag``."""
    return json.dumps({"id": tag, "title": f"Strike over in {tag}", "text": good_text(tag),
                       **extra}, ensure_ascii=False) + "\n"


def _page(tag: str, inner: str = "") -> str:
    body = f"<p>{good_text(tag)}</p><p>{good_text(tag + ' port')}</p>"
    return (f"<html><head><title>{tag}</title></head>"
            f"<body><article>{inner}{body}</article></body></html>")


def _warc_record(uri: str, html: str) -> bytes:
    body = html.encode("utf-8")
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            b"Content-Length: %d\r\n\r\n" % len(body)) + body
    head = ("WARC/1.0\r\nWARC-Type: response\r\n"
            f"WARC-Record-ID: <urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, uri)}>\r\n"
            f"WARC-Date: 2024-03-01T10:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode("ascii")
    return head + http + b"\r\n\r\n"


def _warc_records(name: str) -> list[bytes]:
    return [_warc_record(f"https://hostile.example/{name}/{n}", _page(f"{name}-{n}"))
            for n in range(3)]


def _feed(name: str, items: list[str], doctype: str = "") -> str:
    return ('<?xml version="1.0" encoding="utf-8"?>' + doctype +
            '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            f'<channel><title>{name} news</title>'
            '<link>https://hostile.example/</link>' + "".join(items) + "</channel></rss>")


def _item(tag: str, content: str, field: str = "description") -> str:
    return (f"<item><title>{tag}</title><link>https://hostile.example/{tag}</link>"
            f"<guid>https://hostile.example/{tag}</guid><{field}>{content}</{field}></item>")


def write_hostile_inputs(folder: Path) -> dict[str, str]:
    """Write one file per hostile case into ``folder``; return file name → expected outcome.

    Args:
        folder: An existing, empty folder (the input root of the run).

    Returns:
        File name (relative to ``folder``) → ``"stored"``, ``"partial"`` or ``"skip"``.
    """
    expected: dict[str, str] = {}

    def put(name: str, data: str | bytes, outcome: str) -> None:
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        expected[name] = outcome

    # 1. Nesting that overflows recursive parsers, between good records.
    deep_array = "[" * DEEP + "]" * DEEP
    deep_object = '{"text": ' * DEEP + '"x"' + "}" * DEEP
    put("deep.jsonl", good_line("deep-1") + deep_array + "\n" + deep_object + "\n"
        + good_line("deep-2"), "partial")
    put("deep.json", '{"id": "deep-one", "text": ' + deep_array + "}", "skip")
    # 2. One NUL byte (and other binary junk) in one record of a record file.
    put("nul.jsonl", good_line("nul-1") + '{"id": "nul-bad", "text": "bad \x00 byte"}\n'
        + good_line("nul-2"), "partial")
    put("nul.csv", f'id,text\nnulcsv-1,"{good_text("nulcsv-1")}"\nnulcsv-bad,"a \x00 b"\n'
                   f'nulcsv-2,"{good_text("nulcsv-2")}"\n', "partial")
    # 3. HTML nested far deeper than lxml's tree limit.
    put("deep.html", _page("deep-page", "<div>" * DEEP + "<p>Deep inner.</p>" + "</div>" * DEEP),
        "stored")
    # 4. Truncated archives: the complete records are kept, the cut one is reported.
    records = _warc_records("cut-warc")
    put("cut.warc", b"".join(records)[:-300], "partial")
    records = _warc_records("cut-warcgz")
    put("cut.warc.gz", b"".join(gzip.compress(r) for r in records)[:-40], "partial")
    # 5. Links out of the input folder (not followed by default).
    for name, target in (("link-passwd.txt", "/etc/passwd"), ("link-etc", "/etc")):
        os.symlink(target, folder / name)
        expected[name] = "skip"
    # 6. Feed entries whose content is plain text, one paragraph, or only a summary.
    put("plain.rss", _feed("Plain", [
        _item("feed-plain", good_text("feed-plain")),
        _item("feed-one-p", f"&lt;p&gt;{good_text('feed-one-p')}&lt;/p&gt;"),
        _item("feed-cdata", f"<![CDATA[<p>{good_text('feed-cdata')}</p>]]>", "content:encoded"),
    ]), "stored")
    # 7. Numbers, far years and relative words in the date field: never a publication date.
    put("dates.jsonl", "".join(good_line(f"date-{n}", published=value) for n, value in enumerate(
        ["1e30", "0001-01-01", "9999-12-31", "10000-01-01", "yesterday", "3.14", 12345])),
        "stored")
    # 8. Bytes that are not UTF-8 in a UTF-8 file; a lone surrogate; U+2028 inside a string.
    put("bad-utf8.jsonl", (good_line("utf8-1", title="Malmö café")).encode("utf-8")
        + b'{"id": "utf8-bad", "text": "caf\xe9 \xff\xfe"}\n' + good_line("utf8-2").encode("utf-8"),
        "partial")
    put("surrogate.jsonl", good_line("sur-1") + '{"id": "sur-bad", "text": "x \\ud800 y"}\n',
        "partial")
    put("separator.jsonl", good_line("sep-1", title="Line\u2028separator"), "stored")
    put("bad-utf8.html", _page("utf8-page").encode("utf-8").replace(b"Monday", b"Monday \xff"),
        "stored")
    # Huge fields (each file stays under [ingest].max_bytes).
    put("huge-title.jsonl", good_line("huge-title-1") + json.dumps(
        {"id": "huge-title-bad", "title": "T" * HUGE, "text": good_text("x")}) + "\n", "partial")
    put("huge-text.jsonl", good_line("huge-text-1") + json.dumps(
        {"id": "huge-text-bad", "text": "word " * (HUGE // 5)}) + "\n", "partial")
    # Duplicate ids in one input: the first is kept, the second skipped.
    put("dup-ids.jsonl", good_line("dup-1") + good_line("dup-1"), "partial")
    # Entity expansion and external entities: never expanded, never read.
    put("laughs.rss", _feed("Laughs", [_item("laughs", "&lol9; " + good_text("laughs"))],
                            f"<!DOCTYPE rss [{_LAUGHS}]>"), "stored")
    put("xxe.rss", _feed("Xxe", [_item("xxe-feed", "&xxe; " + good_text("xxe-feed"))],
                         f"<!DOCTYPE rss [{_XXE}]>"), "stored")
    put("xxe.html", f'<?xml version="1.0"?><!DOCTYPE html [{_XXE}{_LAUGHS}]>'
        + _page("xxe-page", "<p>&xxe; &lol9;</p>"), "stored")
    return expected
