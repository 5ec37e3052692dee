"""Text that every later stage and every writer can handle: one normalisation, applied where text enters.

Why: a Python `str` can hold code points no UTF-8 writer accepts (lone surrogates from a JSON `\\ud800` escape
or a file name decoded with surrogateescape), and characters that break parsers or terminals (NUL, C0/C1
control characters, U+FFFE/U+FFFF). A single such character used to end a batch in the JSON writer, the
store's content hash or SQLite. `clean_text` maps them once, at the extraction boundary (decoded page text
and every field of the `Extracted` record, which is where JSON-LD escapes become characters), so the body
that spans index into is already clean; `safe_text` is the writers' last line (it never changes valid text).

What changes: a surrogate pair is joined into its character, a lone surrogate becomes U+FFFD; NUL and other
control characters except tab, newline and carriage return are dropped (vertical tab and form feed become a
space); noncharacters U+FFFE/U+FFFF become U+FFFD; the text is put in Unicode NFC form (composed accents),
so the same word typed two ways is one word for search and matching.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from typing import Any

_SURROGATE = re.compile("[\ud800-\udfff]")
_DROP = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SPACE = re.compile("[\x0b\x0c]")
_NONCHAR = re.compile("[\ufffe\uffff]")
#: any character one of the four patterns above changes: one scan of a whole page finds that there is none (the
#: usual case) instead of four
_ANY = re.compile("[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def safe_text(text: str) -> str:
    """`text` encodable as UTF-8: surrogate pairs joined, lone surrogates as U+FFFD (valid text unchanged)."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def clean_text(text: str) -> str:
    """The one normalisation of extracted text (see the module docstring)."""
    if not _ANY.search(text):
        return text if text.isascii() else unicodedata.normalize("NFC", text)
    text = safe_text(text)
    if _DROP.search(text):
        text = _DROP.sub("", text)
    if _SPACE.search(text):
        text = _SPACE.sub(" ", text)
    if _NONCHAR.search(text):
        text = _NONCHAR.sub("\ufffd", text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text


def clean_value(value: Any, fn=clean_text) -> Any:
    """`fn` applied to every string inside `value` (dataclasses changed in place, dicts/lists rebuilt)."""
    if isinstance(value, str):
        return fn(value)
    if isinstance(value, list):
        return [clean_value(v, fn) for v in value]
    if isinstance(value, tuple):
        return tuple(clean_value(v, fn) for v in value)
    if isinstance(value, dict):
        return {clean_value(k, fn): clean_value(v, fn) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            setattr(value, f.name, clean_value(getattr(value, f.name), fn))
        return value
    return value


def safe_value(value: Any) -> Any:
    """`safe_text` over every string inside a JSON-like value (for writers: records, rows, responses)."""
    return clean_value(value, safe_text)


_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")


def loads_safe(text: str) -> Any:
    """json.loads whose strings are valid UTF-8 text (JSON may escape a lone surrogate as \\udXXX)."""
    import json

    value = json.loads(text)
    return safe_value(value) if _ESCAPED_SURROGATE.search(text) else value
