"""`text` kind: a page scraped to plain text with its boilerplate still in (first version).

Keeps runs of sentence-shaped lines; everything else is boilerplate.
"""

from __future__ import annotations

import re

from newsgraph.errors import InputError
from newsgraph.records import Extracted, RawDocument

_SENTENCE_END = re.compile(r"[.!?\"'\u201d\u2019:]\s*$")


def extract_text(text: str, raw: RawDocument) -> Extracted:
    lines = [ln.strip() for ln in text.splitlines()]
    body = [ln for ln in lines if len(ln.split()) >= 8 and _SENTENCE_END.search(ln)]
    if not body:
        raise InputError(raw.input, "no article text found")
    title = next((ln for ln in lines if len(ln.split()) >= 3), None)
    return Extracted(input=raw.input, body="\n\n".join(body), title=title, url=raw.url, kind="text")
