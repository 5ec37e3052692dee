"""The stage functions chained: RawDocument -> Extracted -> Article.

The CLI loop, the process pool and the Spark job all call `analyze_stream` (or `analyze_document` for one
page); nothing here holds state between calls except the lazily loaded spaCy pipeline (one per process).
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Iterable, Iterator

from newsgraph.annotate import annotate, annotate_many, load_pipeline
from newsgraph.errors import InputError
from newsgraph.extract import extract
from newsgraph.records import Article, Extracted, RawDocument
from newsgraph.settings import get_settings


def limit_body(body: str, limit: int) -> str:
    """Cut an over-long body at the last paragraph break before `limit` characters (bounded annotation cost)."""
    if len(body) <= limit:
        return body
    cut = body.rfind("\n\n", 0, limit)
    return body[: cut if cut > 0 else limit]


def extract_document(raw: RawDocument) -> Extracted:
    """The extract stage with the body limits applied; raises InputError when there is no article text."""
    ex = extract(raw)
    ex.body = limit_body(ex.body, get_settings().max_body_chars)
    ex.fetched_at = raw.headers.get("warc-date")  # a crawled page (WARC record or `fetch`): where and when
    ex.fetched_url = raw.url if ex.fetched_at else None
    if not ex.body.strip():
        raise InputError(raw.input, "no article text found")
    return ex


def analyze_document(raw: RawDocument) -> Article:
    """One raw document to one article record; raises InputError for input that cannot be an article."""
    return annotate(extract_document(raw), load_pipeline())


def internal_error(input: str, exc: BaseException) -> InputError:
    """An unexpected exception (a bug, not bad input) as one input's failure; NEWSGRAPH_DEBUG=1 prints the traceback."""
    if get_settings().debug:
        traceback.print_exception(exc, file=sys.stderr)
    return InputError(input, f"internal error: {type(exc).__name__}: {exc}")


def analyze_stream(
    docs: Iterable[RawDocument | InputError], batch: int | None = None
) -> Iterator[Article | InputError]:
    """Analyze each document, in input order; errors pass through and input errors raised on the way join them.

    Extracted bodies are annotated `batch` (default: the batch_size setting) at a time with `nlp.pipe`. An unexpected exception on one document
    becomes an "internal error: ..." failure for that document only (a failed batch is redone one by one), so one
    odd page cannot end a million-page run.
    """
    batch = batch or get_settings().batch_size
    pending: list[Article | InputError | Extracted] = []
    for item in docs:
        if isinstance(item, InputError):
            pending.append(item)
        else:
            try:
                pending.append(extract_document(item))
            except InputError as exc:
                pending.append(exc)
            except Exception as exc:
                pending.append(internal_error(item.input, exc))
        if sum(isinstance(p, Extracted) for p in pending) >= batch:
            yield from _annotate_pending(pending)
            pending = []
    yield from _annotate_pending(pending)


def _annotate_pending(pending: list) -> Iterator[Article | InputError]:
    exs = [p for p in pending if isinstance(p, Extracted)]
    if not exs:
        yield from pending
        return
    nlp = load_pipeline()
    try:
        done = iter(list(annotate_many(exs, nlp, batch_size=len(exs))))
    except Exception:
        done = iter([_annotate_one(ex, nlp) for ex in exs])
    for p in pending:
        yield next(done) if isinstance(p, Extracted) else p


def _annotate_one(ex: Extracted, nlp) -> Article | InputError:
    try:
        return annotate(ex, nlp)
    except Exception as exc:
        return internal_error(ex.input, exc)
