"""Run the stage functions in this process or in a pool of worker processes, keeping input order.

Why a hand-fed `ProcessPoolExecutor` and not `Pool.imap`: `imap` consumes its whole input in a feeder thread
(a 100 GB WARC would be read into the task queue), and a worker killed by the OS leaves `imap` waiting forever.
Here at most `workers * IN_FLIGHT` tasks are in flight, so memory stays bounded by the task size; a dead worker breaks
the executor, which we notice, report for the chunks it held, and replace.

Each worker loads the spaCy pipeline once (the initializer calls the lru_cached `load_pipeline`), then runs the
same `analyze_stream` the single-process path runs, so failures read exactly the same either way.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice

from newsgraph.budget import too_complex
from newsgraph.errors import InputError
from newsgraph.pipeline import analyze_stream
from newsgraph.records import Article, RawDocument
from newsgraph.scale.dedup import Deduplicator
from newsgraph.settings import get_settings

#: An item on the wire: an InputError travels as a plain (input, problem, kind) tuple.
_Wire = Article | RawDocument | tuple[str, str, str]


def _to_wire(item: Article | RawDocument | InputError) -> _Wire:
    return (item.input, item.problem, item.kind.value) if isinstance(item, InputError) else item


def _from_wire(item: _Wire) -> Article | InputError:
    return InputError(*item) if isinstance(item, tuple) else item  # type: ignore[arg-type]


def _init_worker() -> None:
    """Load the pipeline (and with it the gazetteer) once, before the first task arrives.

    Then freeze what is loaded out of the garbage collector's sight (`gc.freeze`): the model is never garbage, and a
    full collection writes to every object it visits, which would copy into this worker the pages it shares with a
    forked parent that had the model loaded already (copy-on-write), and costs time on every collection.
    """
    from newsgraph.annotate import load_pipeline

    load_pipeline()
    gc.freeze()


def _work(chunk: list[_Wire]) -> list[_Wire]:
    items = [_from_wire(x) for x in chunk]
    return [_to_wire(r) for r in analyze_stream(items)]


def _context() -> mp.context.BaseContext:
    """fork where the platform has it (fast start, nothing heavy is loaded in the parent); NEWSGRAPH_MP_START overrides."""
    method = get_settings().mp_start or ("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    return mp.get_context(method)


@dataclass
class _Task:
    batch: list[_Wire]
    future: Future


#: Tasks in flight per worker (submitted, result not yet yielded). Results are yielded in input order, so a slow
#: task holds back the ones after it: enough must be queued behind it for the other workers to stay busy meanwhile
#: (8 tasks of NEWSGRAPH_POOL_TASK=4 articles: 32 per worker, about 5 s of work), while bounding what the parent
#: holds in memory (raw pages in, records out).
IN_FLIGHT = 8

#: Seconds a task may overrun its budget (worker start-up, pickling) before its worker is taken to be stuck.
GRACE = 60.0


def _deadline(task: _Task, budget: int) -> float | None:
    """How long to wait for a task once it is the oldest: twice its documents' budgets (a timed-out batch is redone
    one by one inside the worker) plus GRACE; None without a budget."""
    return 2 * budget * len(task.batch) + GRACE if budget else None


def _new_pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=_init_worker)


def _kill(pool: ProcessPoolExecutor) -> None:
    """Stop a pool now, killing its workers (one may be stuck in native code no signal can interrupt)."""
    for proc in list(getattr(pool, "_processes", {}).values()):
        try:
            proc.kill()
        except Exception:  # already gone
            pass
    pool.shutdown(wait=False, cancel_futures=True)


def _pool_map(docs: Iterable[RawDocument | InputError], workers: int, chunk: int) -> Iterator[Article | InputError]:
    """Tasks of `chunk` documents, at most `workers * IN_FLIGHT` in flight, results in input order.

    A worker that dies fails the documents of its task ("worker process died") and a fresh pool takes over. A
    task that overruns its deadline (a worker stuck past the document budget, in code the in-process timer cannot
    interrupt) gets its workers killed and its documents sent again one per task; a single document that overruns
    again fails as "too complex to analyse within N s". Other tasks in flight are sent again unchanged.
    """
    budget = get_settings().doc_timeout
    it = iter(docs)
    inflight: deque[_Task] = deque()
    max_inflight = workers * IN_FLIGHT
    pool = _new_pool(workers)

    def submit(batch: list[_Wire]) -> _Task:
        try:
            return _Task(batch, pool.submit(_work, batch))
        except BrokenProcessPool:
            return _Task(batch, _broken_future())

    try:
        exhausted = False
        while True:
            while not exhausted and len(inflight) < max_inflight:
                batch = [_to_wire(x) for x in islice(it, chunk)]
                if not batch:
                    exhausted = True
                    break
                inflight.append(submit(batch))
            if not inflight:
                return
            task = inflight.popleft()
            try:
                results = task.future.result(timeout=_deadline(task, budget))
            except FutureTimeout:
                _kill(pool)
                pool = _new_pool(workers)
                resend = [t.batch for t in inflight]
                inflight.clear()
                if len(task.batch) > 1:  # find the stuck document: each goes alone, ahead of the rest
                    resend = [[x] for x in task.batch] + resend
                    results = []
                else:
                    x = task.batch[0]
                    results = [x if isinstance(x, tuple) else _to_wire(too_complex(x.input, budget))]
                for b in resend:
                    inflight.append(submit(b))
            except BrokenProcessPool:
                # A worker died (killed, out of memory, crashed in native code): every input it might have held
                # is reported, and a fresh pool takes over the rest.
                results = [
                    x if isinstance(x, tuple) else _to_wire(InputError.internal(x.input, "worker process died while analysing it"))
                    for x in task.batch
                ]
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _new_pool(workers)
                pending = [t.batch for t in inflight]
                inflight.clear()
                for b in pending:
                    inflight.append(submit(b))
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
    chunk = chunk or get_settings().pool_task  # documents per task (settings.POOL_TASK says why it is small)
    results = analyze_stream(docs) if workers <= 1 else _pool_map(docs, workers, max(1, chunk))
    if not dedup:
        yield from results
        return
    yield from Deduplicator().filter(results)
