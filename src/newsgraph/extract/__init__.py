"""extract: a raw page -> the article body and its metadata (`Extracted`).

`extract(raw)` decodes, decides the kind when asked for `auto`, and hands over to the extractor of that kind.
"""

from __future__ import annotations

from newsgraph.errors import InputError
from newsgraph.extract.decode import decode_bytes
from newsgraph.ingest.sniff import looks_binary, sniff_kind
from newsgraph.records import Extracted, RawDocument

__all__ = ["extract"]


def extract(raw: RawDocument) -> Extracted:
    """Turn one RawDocument into an Extracted record, or raise InputError."""
    data = raw.data
    if not data or not data.strip():
        raise InputError(raw.input, "empty input")
    if looks_binary(data):
        raise InputError(raw.input, "binary data, not a web page or text")
    kind = raw.kind if raw.kind != "auto" else sniff_kind(data)
    if kind == "warc":
        raise InputError(raw.input, "WARC data must be read with the WARC reader (--kind warc)")
    text = decode_bytes(data, raw.input, raw.headers.get("content-type"))
    if kind == "html":
        from newsgraph.extract.html import extract_html

        return extract_html(text, raw)
    if kind == "text":
        from newsgraph.extract.text import extract_text

        return extract_text(text, raw)
    if kind == "body":
        from newsgraph.extract.body import extract_body

        return extract_body(text, raw)
    raise InputError(raw.input, f"unknown kind {kind!r} (use auto, html, text, body or warc)")
