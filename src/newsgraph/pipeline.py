"""The stage functions chained: RawDocument -> Extracted -> Article.

The CLI loop, the process pool and the Spark job all call `analyze_stream` (or `analyze_document` for one
page); nothing here holds state between calls except the lazily loaded spaCy pipeline (one per process).
"""

from __future__ import annotations

import sys
import time
import types
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from newsgraph.annotate import annotate, annotate_many, language_pipeline, load_pipeline, plan_for
from newsgraph.budget import DocumentTimeout, cut_tokens, time_limit, too_complex
from newsgraph.errors import FailureKind, InputError
from newsgraph.extract import extract
from newsgraph.extract.boundary import page_urls, web_url
from newsgraph.records import REDIRECTED_FROM, Article, Extracted, RawDocument
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
    settings = get_settings()
    ex.body = cut_tokens(limit_body(ex.body, settings.max_body_chars), settings.max_tokens)
    ex.fetched_at = raw.headers.get("warc-date")  # a crawled page (WARC record or `fetch`): where and when
    ex.fetched_url = web_url(raw.url) if ex.fetched_at else None
    ex.urls = page_urls(raw.headers.get(REDIRECTED_FROM), raw.url, ex.url)
    if not ex.body.strip():
        raise InputError(raw.input, "no article text found", FailureKind.not_an_article)
    return ex


def analyze_document(raw: RawDocument) -> Article:
    """One raw document to one article record; raises InputError for input that cannot be an article
    (including one that takes longer than the document budget, NEWSGRAPH_DOC_TIMEOUT)."""
    budget = get_settings().doc_timeout
    language_pipeline("en")  # loading a model is not the document's cost: before the timer
    try:
        started = time.monotonic()
        with time_limit(budget):
            ex = extract_document(raw)
        spent = time.monotonic() - started  # extraction's share of the budget, measured before the load below
        _load_pipelines([ex])  # the pipeline of its language, once per process: off the clock too
        with time_limit(max(budget - spent, MIN_LEFT) if budget else None):
            return annotate(ex)
    except DocumentTimeout:
        raise too_complex(raw.input, budget) from None


@dataclass
class Deferred:
    """An extracted document handed back unannotated because its language's pipeline is not loaded in this process
    (`analyze_stream(defer=...)`); `left` is what extraction left of its budget. `annotate_deferred` finishes it."""

    ex: Extracted
    left: float


def analyze_stream(
    docs: Iterable[RawDocument | InputError], batch: int | None = None,
    defer: Callable[[str], bool] | None = None,
) -> Iterator[Article | InputError | Deferred]:
    """Analyze each document, in input order; errors pass through and input errors raised on the way join them.

    Extracted bodies are annotated `batch` (default: the batch_size setting) at a time with `nlp.pipe`. An
    unexpected exception on one document becomes an "internal error: ..." failure for that document only (a failed
    batch is redone one by one), so one odd page cannot end a million-page run.

    Budget (NEWSGRAPH_DOC_TIMEOUT): each document's extraction runs under its own time limit; a batch's annotation
    runs under the sum of what its documents have left, and when that runs out the batch is redone one by one,
    each document under what it has left, so only a document that alone exceeds its budget fails ("too complex
    to analyse within N s").

    defer: a language for which it returns True is not annotated here: its documents come out as `Deferred`, in
    their place, and this process never loads that language's pipeline (the process pool uses it so that a
    language seldom met is loaded by one process, not by every worker: see parallel.py). None: nothing deferred.
    """
    settings = get_settings()
    batch = batch or settings.batch_size
    budget = settings.doc_timeout
    pending: list[Article | InputError | Extracted] = []
    left: dict[int, float] = {}  # id(Extracted) -> seconds of its budget left for annotation
    for item in docs:
        if isinstance(item, InputError):
            pending.append(item)
        else:
            language_pipeline("en")  # loading the model is not the document's cost: before the timer
            started = time.monotonic()
            try:
                with time_limit(budget):
                    ex = extract_document(item)
                pending.append(ex)
                left[id(ex)] = budget - (time.monotonic() - started) if budget else 0.0
            except DocumentTimeout:
                pending.append(too_complex(item.input, budget))
            except InputError as exc:
                pending.append(exc)
            except Exception as exc:
                pending.append(InputError.internal(item.input, exc))
        if sum(isinstance(p, Extracted) for p in pending) >= batch:
            yield from _annotate_pending(pending, left, budget, defer)
            pending = []
            left = {}
    yield from _annotate_pending(pending, left, budget, defer)


#: The least time a document is given for annotation, however much of its budget extraction used.
MIN_LEFT = 0.05


def _annotate_pending(
    pending: list, left: dict[int, float], budget: int, defer: Callable[[str], bool] | None = None
) -> Iterator[Article | InputError | Deferred]:
    if defer is not None:
        pending = [Deferred(p, left.get(id(p), 0.0)) if isinstance(p, Extracted) and defer(p.language) else p
                   for p in pending]
    exs = [p for p in pending if isinstance(p, Extracted)]
    if not exs:
        yield from pending
        return
    _load_pipelines(exs)
    remaining = {id(ex): max(left.get(id(ex), 0.0), MIN_LEFT) for ex in exs}
    try:
        with time_limit(sum(remaining.values()) if budget else None):
            done = iter(list(annotate_many(exs, batch_size=len(exs))))  # each to its language's pipeline
    except (Exception, DocumentTimeout):
        done = iter([_annotate_one(ex, remaining[id(ex)] if budget else None, budget) for ex in exs])
    for p in pending:
        yield next(done) if isinstance(p, Extracted) else p


def annotate_deferred(items: list[Deferred]) -> list[Article | InputError]:
    """Annotate documents another process deferred (loading their languages' pipelines here), each under what its
    budget had left: the same annotation `analyze_stream` would have given them."""
    budget = get_settings().doc_timeout
    return list(_annotate_pending([d.ex for d in items], {id(d.ex): d.left for d in items}, budget))


def _load_pipelines(exs: list[Extracted]) -> None:
    """Load (once per process) the pipeline of every language among `exs` (annotate/languages.py)."""
    for language in sorted({ex.language for ex in exs}):
        if plan_for(language).package:
            language_pipeline(language)


def _annotate_one(ex: Extracted, seconds: float | None, budget: int) -> Article | InputError:
    try:
        with time_limit(seconds):
            return annotate(ex)
    except DocumentTimeout:
        return too_complex(ex.input, budget)
    except Exception as exc:
        return InputError.internal(ex.input, exc)


class _CallableModule(types.ModuleType):
    """Python binds a loaded submodule over the package attribute of the same name, so after the first
    `import newsgraph.pipeline` (which `newsgraph.analyze` does) `newsgraph.pipeline` is this module, not the
    `newsgraph.pipeline()` function of the package. Calling the module does what the function does."""

    def __call__(self, model: str | None = None):
        return load_pipeline(model)


sys.modules[__name__].__class__ = _CallableModule
