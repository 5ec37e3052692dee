"""The stage functions chained: RawDocument -> Extracted -> Article.

The CLI loop, the process pool and the Spark job all call `analyze_document`; nothing here holds state
between calls except the lazily loaded spaCy pipeline (one per process).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from newsgraph.annotate import annotate, load_pipeline
from newsgraph.errors import InputError
from newsgraph.extract import extract
from newsgraph.records import Article, RawDocument
from newsgraph.settings import get_settings


def limit_body(body: str, limit: int) -> str:
    """Cut an over-long body at the last paragraph break before `limit` characters (bounded annotation cost)."""
    if len(body) <= limit:
        return body
    cut = body.rfind("\n\n", 0, limit)
    return body[: cut if cut > 0 else limit]


def analyze_document(raw: RawDocument) -> Article:
    """One raw document to one article record; raises InputError for input that cannot be an article."""
    ex = extract(raw)
    ex.body = limit_body(ex.body, get_settings().max_body_chars)
    if not ex.body.strip():
        raise InputError(raw.input, "no article text found")
    return annotate(ex, load_pipeline())


def analyze_stream(docs: Iterable[RawDocument | InputError]) -> Iterator[Article | InputError]:
    """Analyze each document in order; errors pass through (and input errors raised on the way join them)."""
    for item in docs:
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield analyze_document(item)
        except InputError as exc:
            yield exc
