"""Run the stage functions in this process or in a pool of worker processes, keeping input order.

Why a hand-fed `ProcessPoolExecutor` and not `Pool.imap`: `imap` consumes its whole input in a feeder thread
(a 100 GB WARC would be read into the task queue), and a worker killed by the OS leaves `imap` waiting forever.
Here at most `workers * IN_FLIGHT` tasks are in flight, so memory stays bounded by the task size; a dead worker breaks
the executor, which we notice, report for the chunks it held, and replace.

Each worker loads the spaCy pipeline once (the initializer calls the lru_cached `load_pipeline`), then runs the
same `analyze_stream` the single-process path runs, so failures read exactly the same either way. Where workers
are forked, the parent loads the English pipeline first, so they share its pages (copy-on-write) and none
spends the CPU to load it again.

A language seldom met (French in an English crawl) would cost every worker a pipeline load (3-5 s of CPU and
190 MB each for French) for a handful of documents. So workers load only the pipelines loaded before the first
task and the languages the parent has *promoted*; documents of any other language come back extracted but
unannotated (`pipeline.Deferred`), and the parent sends them to one *lane* process (forked on the first such
document), which loads that language once and annotates them (`pipeline.annotate_deferred`: the same annotation).
A language becomes promoted, and every worker loads it, once it is common: more than one document in
NEWSGRAPH_POOL_LANE_SHARE (and at least LANE_MIN documents), when one lane process could no longer keep up.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing as mp
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice

from newsgraph.budget import too_complex
from newsgraph.errors import InputError
from newsgraph.pipeline import Deferred, analyze_stream, annotate_deferred
from newsgraph.records import Article, RawDocument
from newsgraph.scale.dedup import Deduplicator
from newsgraph.settings import get_settings

#: An item on the wire: an InputError travels as a plain (input, problem, kind) tuple.
_Wire = Article | RawDocument | Deferred | tuple[str, str, str]

#: Documents of a language a lane process serves before the language may be promoted to every worker.
LANE_MIN = 8

#: Languages every worker loads (set by the parent, read by the workers; comma-separated codes). One per pool run.
_promoted: mp.sharedctypes.SynchronizedString | None = None  # type: ignore[name-defined]

#: Languages whose pipeline this worker process loaded before its first task.
_ready: frozenset[str] = frozenset()


def _to_wire(item: Article | RawDocument | Deferred | InputError) -> _Wire:
    return (item.input, item.problem, item.kind.value) if isinstance(item, InputError) else item


def _from_wire(item: _Wire) -> Article | InputError:
    return InputError(*item) if isinstance(item, tuple) else item  # type: ignore[arg-type]


def _init_worker(promoted=None) -> None:
    """Load the pipeline (and with it the gazetteer) once, before the first task arrives.

    Then freeze what is loaded out of the garbage collector's sight (`gc.freeze`): the model is never garbage, and a
    full collection writes to every object it visits, which would copy into this worker the pages it shares with a
    forked parent that had the model loaded already (copy-on-write), and costs time on every collection.
    """
    global _promoted, _ready
    from newsgraph.annotate import load_pipeline

    load_pipeline()
    _promoted, _ready = promoted, frozenset({"en"})
    gc.freeze()


def _init_lane() -> None:
    """The lane process loads each language's pipeline when its first document arrives; nothing before."""
    gc.freeze()


def _defer(language: str) -> bool:
    """A worker hands back a document whose language pipeline it has not loaded, unless that language is promoted."""
    from newsgraph.annotate import plan_for

    if language in _ready or _promoted is None or not plan_for(language).package:
        return False
    return language not in _promoted.value.decode().split(",")


def _work(chunk: list[_Wire]) -> list[_Wire]:
    items = [_from_wire(x) for x in chunk]
    return [_to_wire(r) for r in analyze_stream(items, defer=_defer)]


def _work_deferred(items: list[Deferred]) -> list[_Wire]:
    return [_to_wire(r) for r in annotate_deferred(items)]


def _context() -> mp.context.BaseContext:
    """fork where the platform has it (fast start, nothing heavy is loaded in the parent); NEWSGRAPH_MP_START overrides."""
    method = get_settings().mp_start or ("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    return mp.get_context(method)


@dataclass
class _Task:
    batch: list[_Wire]
    future: Future
    #: position in the results -> (its deferred document's future, the executor running it, the Deferred)
    deferred: dict[int, tuple[Future, ProcessPoolExecutor, Deferred]] = field(default_factory=dict)
    routed: bool = False


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


def _new_pool(workers: int, promoted=None) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=_init_worker,
                               initargs=(promoted,))


class _Lanes:
    """Where deferred documents go: one lane process while their language is rare, the workers once it is common.

    Each deferred document is its own task, so a failure names its document: past its deadline, the process it ran
    in is killed (the lane, or the worker pool through `restart`) and it fails as too complex; a process that dies
    fails the document it held once it has died twice on it; the other documents it held are sent again.
    """

    def __init__(self, promoted, restart) -> None:
        self.promoted = promoted
        self.restart = restart  # kill and replace the worker pool, sending its tasks in flight again
        self.share = get_settings().pool_lane_share
        self.seen = 0
        self.langs: Counter[str] = Counter()
        self.lane: ProcessPoolExecutor | None = None

    def route(self, task: _Task, pool: ProcessPoolExecutor) -> None:
        """Send the deferred documents of a finished task on (once); a task that failed is left to `_pool_map`."""
        if self.promoted is None or task.routed or not task.future.done() or task.future.cancelled() \
                or task.future.exception() is not None:
            return
        task.routed = True
        self.seen += len(task.batch)
        for i, x in enumerate(task.future.result()):
            if isinstance(x, Deferred):
                self.langs[x.ex.language] += 1
                task.deferred[i] = (*self._send(x, pool), x)

    def _send(self, d: Deferred, pool: ProcessPoolExecutor) -> tuple[Future, ProcessPoolExecutor]:
        executor = pool if self._common(d.ex.language) else self._lane()
        try:
            return executor.submit(_work_deferred, [d]), executor
        except BrokenProcessPool:
            return _broken_future(), executor

    def _lane(self) -> ProcessPoolExecutor:
        if self.lane is None or self.lane._broken:  # type: ignore[attr-defined]
            if self.lane is not None:
                self.lane.shutdown(wait=False, cancel_futures=True)
            self.lane = ProcessPoolExecutor(max_workers=1, mp_context=_context(), initializer=_init_lane)
        return self.lane

    def _common(self, language: str) -> bool:
        """Promoted (every worker loads it) once more than one document in `share` is in this language."""
        shown = [x for x in self.promoted.value.decode().split(",") if x]
        if language in shown:
            return True
        n = self.langs[language]
        if n >= LANE_MIN and n * self.share > self.seen:
            self.promoted.value = ",".join([*shown, language]).encode()
            return True
        return False

    def resolve(self, task: _Task, results: list[_Wire], budget: int, pool: list[ProcessPoolExecutor]) -> list[_Wire]:
        """`results` with each deferred document replaced by its record (waited for, in order)."""
        out = list(results)
        for i, (future, executor, d) in task.deferred.items():
            out[i] = self._wait(future, executor, d, budget, pool)
        return out

    def _wait(self, future: Future, executor: ProcessPoolExecutor, d: Deferred, budget: int,
              pool: list[ProcessPoolExecutor], tries: int = 0) -> _Wire:
        try:
            return future.result(timeout=2 * budget + GRACE if budget else None)[0]
        except FutureTimeout:
            if executor is self.lane:
                _kill(self.lane)
                self.lane = None
            else:
                self.restart()
            return _to_wire(too_complex(d.ex.input, budget))
        except BrokenProcessPool:
            if tries:  # died twice with it
                return _to_wire(InputError.internal(d.ex.input, "worker process died while analysing it"))
            return self._wait(*self._send(d, pool[0]), d, budget, pool, tries + 1)

    def close(self) -> None:
        if self.lane is not None:
            self.lane.shutdown(wait=True, cancel_futures=True)
            self.lane = None


def _kill(pool: ProcessPoolExecutor) -> None:
    """Stop a pool now, killing its workers (one may be stuck in native code no signal can interrupt)."""
    for proc in list(getattr(pool, "_processes", {}).values()):
        try:
            proc.kill()
        except Exception:  # already gone
            pass
    pool.shutdown(wait=False, cancel_futures=True)


def _preload() -> bool:
    """Where workers are forked, load the English pipeline here first and freeze it out of the garbage collector's
    sight (as the `gc.freeze` docs advise before a fork): every worker then shares its pages instead of loading its
    own copy. Returns whether it froze (the caller unfreezes at the end of the run)."""
    if _context().get_start_method() != "fork":
        return False
    import trafilatura  # noqa: F401  (extract/html.py imports it when a page needs it: here the workers share it)

    from newsgraph.annotate import load_pipeline

    load_pipeline()
    gc.freeze()
    return True


def _pool_map(docs: Iterable[RawDocument | InputError], workers: int, chunk: int) -> Iterator[Article | InputError]:
    """Tasks of `chunk` documents, at most `workers * IN_FLIGHT` in flight, results in input order.

    A worker that dies fails the documents of its task ("worker process died") and a fresh pool takes over. A
    task that overruns its deadline (a worker stuck past the document budget, in code the in-process timer cannot
    interrupt) gets its workers killed and its documents sent again one per task; a single document that overruns
    again fails as "too complex to analyse within N s". Other tasks in flight are sent again unchanged. Documents a
    worker deferred (a language it has not loaded) go to `_Lanes` as soon as their task is done.
    """
    budget = get_settings().doc_timeout
    it = iter(docs)
    inflight: deque[_Task] = deque()
    max_inflight = workers * IN_FLIGHT
    frozen = _preload()
    # comma-separated codes of the languages every worker loads; None (no lanes): workers load every language
    promoted = _context().Array(ctypes.c_char, 256) if get_settings().pool_lane_share else None
    pool = [_new_pool(workers, promoted)]  # a list: replaced in place when the pool breaks or is killed

    def submit(batch: list[_Wire]) -> _Task:
        try:
            return _Task(batch, pool[0].submit(_work, batch))
        except BrokenProcessPool:
            return _Task(batch, _broken_future())

    def restart(first: list[list[_Wire]] = ()) -> None:  # type: ignore[assignment]
        """Kill the pool, start a fresh one and send `first`, then every task in flight, to it."""
        _kill(pool[0])
        pool[0] = _new_pool(workers, promoted)
        resend = [*first, *(t.batch for t in inflight)]
        inflight.clear()
        for b in resend:
            inflight.append(submit(b))

    lanes = _Lanes(promoted, restart)
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
            for t in inflight:  # deferred documents start on their way before their task is the oldest
                lanes.route(t, pool[0])
            task = inflight.popleft()
            try:
                results = task.future.result(timeout=_deadline(task, budget))
            except FutureTimeout:
                x = task.batch[0]
                if len(task.batch) > 1:  # find the stuck document: each goes alone, ahead of the rest
                    restart([[x] for x in task.batch])
                    results = []
                else:
                    restart()
                    results = [x if isinstance(x, tuple) else _to_wire(too_complex(x.input, budget))]
            except BrokenProcessPool:
                # A worker died (killed, out of memory, crashed in native code): every input it might have held
                # is reported, and a fresh pool takes over the rest.
                results = [
                    x if isinstance(x, tuple) else _to_wire(InputError.internal(x.input, "worker process died while analysing it"))
                    for x in task.batch
                ]
                pool[0].shutdown(wait=False, cancel_futures=True)
                pool[0] = _new_pool(workers, promoted)
                pending = [t.batch for t in inflight]
                inflight.clear()
                for b in pending:
                    inflight.append(submit(b))
            else:
                lanes.route(task, pool[0])
                results = lanes.resolve(task, results, budget, pool)
            for r in results:
                yield _from_wire(r)
    finally:
        lanes.close()
        pool[0].shutdown(wait=True, cancel_futures=True)
        if frozen:
            gc.unfreeze()


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
