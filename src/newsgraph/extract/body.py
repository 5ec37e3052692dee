"""`body` kind: the input already is the clean article body; offsets refer to it exactly as given."""

from __future__ import annotations

from newsgraph.errors import InputError
from newsgraph.records import Extracted, RawDocument


def extract_body(text: str, raw: RawDocument) -> Extracted:
    if not text.strip():
        raise InputError(raw.input, "empty input")
    return Extracted(input=raw.input, body=text, url=raw.url, kind="body")
