"""extract: a raw page -> the article body and its metadata (`Extracted`).

`extract(raw)` decodes, decides the kind when asked for `auto`, and hands over to the extractor of that kind.
"""

from __future__ import annotations

import dataclasses

from newsgraph.cleantext import clean_text
from newsgraph.errors import FailureKind, InputError
from newsgraph.extract.boundary import finish, note_dropped, web_url
from newsgraph.extract.decode import decode_bytes
from newsgraph.extract.language import identify
from newsgraph.extract.pagekind import judge
from newsgraph.ingest.nonpage import what_is
from newsgraph.ingest.sniff import looks_binary, sniff_kind
from newsgraph.records import Extracted, RawDocument
from newsgraph.settings import get_settings

__all__ = ["extract"]


def extract(raw: RawDocument) -> Extracted:
    """Turn one RawDocument into an Extracted record, or raise InputError.

    The decoded text and the result pass through the one text normalisation (cleantext, boundary.finish); the
    language is then identified from the body (extract/language.py), the page's declaration as evidence."""
    ex, html = _extract(raw)
    ex = finish(ex)
    verdict = judge(ex, html)
    if verdict.not_article:
        raise InputError(raw.input, f"not an article: {verdict.not_article}", FailureKind.not_an_article)
    ex.page_type = verdict.page_type
    declared = ex.declared_language or raw.headers.get("content-language")
    ex.language, ex.language_confidence = identify(ex.body, declared)
    return ex


def _extract(raw: RawDocument) -> tuple[Extracted, str | None]:
    """(the extracted page, its decoded HTML when it is a web page: the page verdict reads its declarations)."""
    data = raw.data
    if not data or not data.strip():
        raise InputError(raw.input, "empty input")
    if looks_binary(data):
        raise InputError(raw.input, "binary data, not a web page or text")
    kind = raw.kind if raw.kind != "auto" else sniff_kind(data)
    if kind == "warc":
        raise InputError(raw.input, "WARC data must be read with the WARC reader (--kind warc)")
    found = what_is(data)  # a feed, sitemap, robots.txt, JSON or XML document, URL list: no page at all
    if found is not None:
        raise InputError(raw.input, found.problem(), FailureKind.not_an_article)
    if raw.url and web_url(raw.url) is None:  # a --url or WARC target that is not http(s): noted, not used
        note_dropped(raw.input, [raw.url])
        raw = dataclasses.replace(raw, url=None)
    text = clean_text(decode_bytes(data, raw.input, raw.headers.get("content-type")))
    if kind == "html":
        from newsgraph.extract.html import extract_html

        return with_page_url(extract_html(text, raw)), text
    if kind == "text":
        from newsgraph.extract.text import extract_text

        lines, limit = text.count("\n") + 1, get_settings().max_lines
        if limit and lines > limit:
            raise InputError(raw.input, f"too complex: {lines:,} lines (limit {limit:,}, NEWSGRAPH_MAX_LINES)")

        return with_page_url(extract_text(text, raw)), None
    if kind == "body":
        from newsgraph.extract.body import extract_body

        return with_page_url(extract_body(text, raw)), None
    raise InputError(raw.input, f"unknown kind {kind!r} (use auto, html, text, body or warc)")


def with_page_url(ex: Extracted) -> Extracted:
    """What the page's URL tells, whatever the extractor: `source_domain` (its host without www.) and image URLs
    made absolute against it (a relative `src` means nothing once the record leaves the page)."""
    if not ex.url:
        return ex
    from urllib.parse import urljoin

    from newsgraph.extract.metadata import domain

    ex.source_domain = ex.source_domain or domain(ex.url)
    for img in ex.images:
        if img.url and not img.url.startswith(("http://", "https://", "data:")):
            try:
                img.url = urljoin(ex.url, img.url)
            except ValueError:  # a malformed src stays as the page gave it
                pass
    return ex
