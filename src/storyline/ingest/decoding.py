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
_ESCAPED = re.compile("[\udc80-\udcff]")
_NON_ASCII = re.compile("[^\x00-\x7f]")
# NUL and C0 controls other than tab/newline/form feed/carriage return, and surrogates.
_BAD_TEXT = re.compile("[\x00-\x08\x0b\x0e-\x1f\ud800-\udfff]")


def looks_binary(data: bytes, any_nul: bool = True) -> bool:
    """Return True when ``data`` is not text (NUL bytes or many control characters).

    With ``any_nul=False`` (record files, judged line by line) a few NUL bytes are left
    to the record they are in; only a high share of control bytes makes the file binary.
    """
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return False
    head = data[:_SNIFF_BYTES]
    if any_nul and b"\x00" in head:
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
    candidates: list[str | None] = ["utf-8", charset, declared_charset(data)]
    for candidate in candidates:
        if not candidate:
            continue
        try:
            return data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
    valid, invalid = utf8_balance(data)
    if valid > invalid:
        # UTF-8 with a few broken bytes: Windows-1252 would garble every other character.
        return data.decode("utf-8", "replace")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return None


def utf8_balance(data: bytes) -> tuple[int, int]:
    """Return (valid non-ASCII UTF-8 characters, bytes that are not valid UTF-8) in ``data``."""
    text = data.decode("utf-8", "surrogateescape")
    invalid = len(_ESCAPED.findall(text))
    return len(_NON_ASCII.findall(text)) - invalid, invalid


def decode_records(data: bytes) -> str | None:
    """Decode a record file (JSON, JSON Lines, CSV) so that bad bytes stay in their record.

    A file that is UTF-8 except for some bytes (at least one valid multi-byte character)
    is decoded with those bytes kept as lone surrogates (``surrogateescape``): the reader
    then skips just the records holding one (see :func:`text_problem`). Any other file is
    decoded like a document (:func:`decode_bytes`).
    """
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return decode_bytes(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    valid, _ = utf8_balance(data)
    return data.decode("utf-8", "surrogateescape") if valid else decode_bytes(data)


def text_problem(text: str) -> str | None:
    """Return what makes one record's text unusable (bad bytes, binary data), or ``None``."""
    match = _BAD_TEXT.search(text)
    if match is None:
        return None
    char = match.group()
    if "\udc80" <= char <= "\udcff":
        return (f"holds bytes that are not valid UTF-8 (0x{ord(char) - 0xDC00:02X} at "
                f"character {match.start() + 1}); re-save the file as UTF-8")
    if "\ud800" <= char <= "\udfff":
        return (f"holds a lone surrogate (\\u{ord(char):04x}), which is not valid text; "
                "fix the record")
    name = "a NUL byte" if char == "\x00" else f"control character 0x{ord(char):02X}"
    return f"holds {name} at character {match.start() + 1} (binary data); remove it"
