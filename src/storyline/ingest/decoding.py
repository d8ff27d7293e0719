"""Bytes → text without crashing: UTF-8, then the declared charset, then Windows-1252."""

from __future__ import annotations

import codecs
import re

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_SNIFF_BYTES = 4096
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13}
_MAX_CONTROL_SHARE = 0.05


def looks_binary(data: bytes) -> bool:
    """Return True when ``data`` is not text (NUL bytes or many control characters)."""
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return False
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte in _CONTROL)
    return bool(head) and controls / len(head) > _MAX_CONTROL_SHARE


def declared_charset(data: bytes) -> str | None:
    """Return the charset an HTML ``<meta>`` or XML declaration names, if Python knows it."""
    match = _DECLARED.search(data[:_SNIFF_BYTES])
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, charset: str | None = None) -> str | None:
    """Decode ``data``, trying in turn a BOM, UTF-8, ``charset``, the declared one, cp1252.

    Args:
        data: The raw bytes of a file or HTTP body.
        charset: A charset named outside the bytes (an HTTP ``Content-Type``), if any.

    Returns:
        The text, or ``None`` when no candidate decodes it strictly.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    candidates: list[str | None] = ["utf-8", charset, declared_charset(data), "cp1252"]
    for candidate in candidates:
        if not candidate:
            continue
        try:
            return data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
    return None
