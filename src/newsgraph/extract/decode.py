"""Bytes -> text, honouring what the page declares before guessing.

Order: byte-order mark, valid UTF-8, the charset the HTTP header or the page's <meta> declares, then
charset_normalizer's guess (the detector trafilatura itself uses), where a tie between single-byte code pages
goes to windows-1252 as browsers do for undeclared pages. Input that decodes only by destroying it is
refused with an InputError rather than passed on as mojibake.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from newsgraph.errors import InputError

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]+)", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    if content_type:
        m = _HEADER_CHARSET.search(content_type)
        if m:
            return m.group(1).lower()
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "ignore").lower() if m else None


def decode_bytes(data: bytes, input: str, content_type: str | None = None) -> str:
    """Decode `data` to str or raise InputError naming `input`."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data, content_type)
    if declared and declared not in ("utf-8", "utf8"):
        try:
            return data.decode(_alias(declared))
        except (LookupError, UnicodeDecodeError):
            pass
    sample = data if len(data) < 200_000 else data[:100_000] + data[-100_000:]
    matches = from_bytes(sample)
    best = matches.best()
    if best is not None and best.encoding != "cp1252":
        # a tie between single-byte code pages: take windows-1252, the web's default (WHATWG) for undeclared pages
        tie = next((m for m in matches if m.encoding == "cp1252" and m.chaos <= best.chaos and m.coherence >= best.coherence), None)
        if tie is not None:
            best = tie
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding)
        except (LookupError, UnicodeDecodeError):
            pass
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") > max(10, len(text) // 100):
        raise InputError(input, "undecodable: not valid text in any detected encoding")
    return text


def _alias(name: str) -> str:
    # Browsers treat these labels as windows-1252 / gbk (WHATWG Encoding Standard).
    return {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252", "gb2312": "gbk"}.get(
        name, name
    )
