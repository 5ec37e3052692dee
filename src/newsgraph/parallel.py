"""Run the stage functions in this process or in a pool of worker processes, keeping input order.

Why a hand-fed `ProcessPoolExecutor` and not `Pool.imap`: `imap` consumes its whole input in a feeder thread
(a 100 GB WARC would be read into the task queue), and a worker killed by the OS leaves `imap` waiting forever.
Here at most `workers * 4` chunks are in flight, so memory stays bounded by the chunk size; a dead worker breaks
the executor, which we notice, report for the chunks it held, and replace.

Each worker loads the spaCy pipeline once (the initializer calls the lru_cached `load_pipeline`), then runs the
same `analyze_stream` the single-process path runs, so failures read exactly the same either way.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from newsgraph.errors import InputError
from newsgraph.pipeline import analyze_stream
from newsgraph.records import Article, RawDocument
from newsgraph.scale.dedup import Deduplicator
from newsgraph.settings import get_settings

#: An item on the wire: InputError does not pickle with its two-argument constructor, so it travels as a tuple.
_Wire = Article | RawDocument | tuple[str, str]


def _to_wire(item: Article | RawDocument | InputError) -> _Wire:
    return (item.input, item.problem) if isinstance(item, InputError) else item


def _from_wire(item: _Wire) -> Article | InputError:
    return InputError(*item) if isinstance(item, tuple) else item


def _init_worker() -> None:
    """Load the pipeline (and with it the gazetteer) once, before the first task arrives."""
    from newsgraph.annotate import load_pipeline

    load_pipeline()


def _work(chunk: list[_Wire]) -> list[_Wire]:
    items = [_from_wire(x) for x in chunk]
    return [_to_wire(r) for r in analyze_stream(items)]


def _context() -> mp.context.BaseContext:
    """fork where the platform has it (fast start, nothing heavy is loaded in the parent); NEWSGRAPH_MP_START overrides."""
    method = get_settings().mp_start or ("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    return mp.get_context(method)


def _pool_map(docs: Iterable[RawDocument | InputError], workers: int, chunk: int) -> Iterator[Article | InputError]:
    it = iter(docs)
    inflight: deque[tuple[list[_Wire], Future]] = deque()
    max_inflight = workers * 4
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=_init_worker)
    try:
        exhausted = False
        while True:
            while not exhausted and len(inflight) < max_inflight:
                batch = [_to_wire(x) for x in islice(it, chunk)]
                if not batch:
                    exhausted = True
                    break
                try:
                    inflight.append((batch, pool.submit(_work, batch)))
                except BrokenProcessPool:
                    inflight.append((batch, _broken_future()))
            if not inflight:
                return
            batch, fut = inflight.popleft()
            try:
                results = fut.result()
            except BrokenProcessPool:
                # A worker died (killed, out of memory, crashed in native code): every input it might have held
                # is reported, and a fresh pool takes over the rest.
                results = [
                    x if isinstance(x, tuple) else (x.input, "internal error: worker process died while analysing it")
                    for x in batch
                ]
                pool.shutdown(wait=False, cancel_futures=True)
                pending = [b for b, _ in inflight]
                inflight.clear()
                pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=_init_worker)
                for b in pending:
                    inflight.append((b, pool.submit(_work, b)))
            for r in results:
                yield _from_wire(r)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _broken_future() -> Future:
    f: Future = Future()
    f.set_exception(BrokenProcessPool("pool broken"))
    return f


def analyze_parallel(
    docs: Iterable[RawDocument | InputError], workers: int = 1, chunk: int | None = None, dedup: bool = True
) -> Iterator[Article | InputError]:
    """Analyze documents in input order with `workers` processes (1 = this process).

    Input errors are passed through in place. With `dedup`, an article with the same URL and body as an earlier
    one is skipped (with a note on stderr), and every article gets `cluster`: the id of the first article of its
    near-duplicate group in this batch (see newsgraph.scale.dedup).
    """
    chunk = chunk or get_settings().batch_size  # documents per task: amortises pickling, keeps order latency low
    results = analyze_stream(docs) if workers <= 1 else _pool_map(docs, workers, max(1, chunk))
    if not dedup:
        yield from results
        return
    yield from Deduplicator().filter(results)
