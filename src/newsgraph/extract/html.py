"""`html` kind: main text with trafilatura, metadata from the page (first version)."""

from __future__ import annotations

from urllib.parse import urlparse

import trafilatura

from newsgraph.errors import InputError
from newsgraph.records import Extracted, RawDocument


def extract_html(html: str, raw: RawDocument) -> Extracted:
    doc = trafilatura.bare_extraction(
        html, url=raw.url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=False
    )
    if doc is None or not (doc.text or "").strip():
        raise InputError(raw.input, "no article text found in the HTML")
    paragraphs = [p.strip() for p in doc.text.split("\n") if p.strip()]
    url = raw.url or doc.url
    domain = urlparse(url).hostname if url else None
    return Extracted(
        input=raw.input,
        body="\n\n".join(paragraphs),
        title=doc.title,
        url=url,
        source_name=doc.sitename,
        source_domain=domain.removeprefix("www.") if domain else None,
        standfirst=doc.description,
        authors=[a.strip() for a in (doc.author or "").split(";") if a.strip()],
        published=doc.date,
        language=doc.language or "en",
        kind="html",
    )
