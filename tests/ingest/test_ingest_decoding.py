from __future__ import annotations

from pathlib import Path

from storyline.ingest.decoding import declared_charset, decode_bytes, looks_binary


def test_utf8_first_then_declared_charset_then_cp1252() -> None:
    assert decode_bytes("Malmö – “quoted”".encode()) == "Malmö – “quoted”"
    latin2 = '<meta charset="iso-8859-2"><p>Łódź</p>'.encode("iso-8859-2")
    assert decode_bytes(latin2) == '<meta charset="iso-8859-2"><p>Łódź</p>'
    assert decode_bytes("café “quoted”".encode("cp1252")) == "café “quoted”"
    assert decode_bytes("Łódź".encode("iso-8859-2"), charset="iso-8859-2") == "Łódź"


def test_byte_order_marks() -> None:
    assert decode_bytes("\ufeffHello".encode("utf-8")) == "Hello"
    assert decode_bytes("Hello".encode("utf-16")) == "Hello"
    assert not looks_binary("Hello".encode("utf-16"))


def test_declared_charset_from_meta_and_xml() -> None:
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; '
                            b'charset=windows-1251">') == "cp1251"
    assert declared_charset(b'<?xml version="1.0" encoding="ISO-8859-1"?>') == "iso8859-1"
    assert declared_charset(b'<meta charset="no-such-charset">') is None


def test_legacy_html_page_is_read_through_its_meta_charset(read, tmp_path: Path) -> None:
    page = '<html><head><meta charset="windows-1251"></head><body>Новости</body></html>'
    (tmp_path / "page.html").write_bytes(page.encode("cp1251"))
    articles, _ = read([tmp_path])
    assert "Новости" in articles[0].raw


def test_binary_detection() -> None:
    assert looks_binary(b"GIF89a\x00\x01")
    assert not looks_binary(b"plain text\nwith lines\tand tabs")
