"""Predict the pool's 2-process scaling from each page's CPU time (not a benchmark task; needs no quiet machine).

Why a simulation: wall-time scaling cannot be measured on a shared, loaded machine, but the CPU time of each page is
(nearly) load-independent, and the pool's schedule is simple enough to replay: tasks of `task` pages in input order,
at most `workers * in_flight` submitted and not yet yielded, each to the first free worker, results yielded in input
order (a new task is submitted when the oldest is yielded). A pipeline loaded lazily (French) is paid by each worker
on its first page of that language. The ratio is (sum of CPU) / (simulated end of the 2-worker run). It ignores
pickling and queue round trips (about a millisecond per task) and CPU cache effects.

    python -m benchmarks.pool_simulation [--limit N] [--times FILE]   # FILE: reuse measured times (JSON)

Since the lanes (parallel.py, stop 19) workers no longer load French: a French page costs a worker its extraction
and one lane process loads French once and annotates it. This simulation still charges each worker the French load
(the stop-18 pool); `python -m benchmarks.pool_cpu` measures the present pool's CPU per process instead.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path


def page_times(limit: int | None) -> list[tuple[str, str | None, float]]:
    """(page, language or None, CPU seconds of `analyze_document`) for the speed task's pages, after its warm-up."""
    from benchmarks.tasks.speed import WARMUP, load_pages
    from newsgraph.annotate import load_pipeline
    from newsgraph.errors import InputError
    from newsgraph.pipeline import analyze_document
    from newsgraph.records import RawDocument

    pages = load_pages(limit)
    load_pipeline()
    out = []
    for i, (name, url, html) in enumerate(pages[:WARMUP] + pages):
        t = time.process_time()
        try:
            language = analyze_document(RawDocument(input=name, data=html, kind="html", url=url)).language
        except InputError:
            language = None
        if i >= WARMUP:
            out.append((name, language, time.process_time() - t))
    return out


def simulate(times: list[float], langs: list[str | None], task: int, in_flight: int, workers: int,
             lazy: dict[str, float]) -> float:
    """End time of the run; `lazy`: language -> seconds each worker pays on its first page of that language (already
    inside the measured time of the first such page, which is taken out)."""
    costs = list(times)
    for language, load in lazy.items():
        first = next((i for i, x in enumerate(langs) if x == language), None)
        if first is not None:
            costs[first] = max(0.0, costs[first] - load)
    tasks = [list(range(i, min(i + task, len(costs)))) for i in range(0, len(costs), task)]
    free = [0.0] * workers
    loaded: list[set[str]] = [set() for _ in range(workers)]
    finished: list[float] = []
    yielded: list[float] = []
    k = workers * in_flight
    for i, pages in enumerate(tasks):
        submitted = yielded[i - k] if i >= k else 0.0
        w = min(range(workers), key=lambda j: free[j])
        t = max(free[w], submitted)
        for p in pages:
            t += costs[p]
            if langs[p] in lazy and langs[p] not in loaded[w]:
                loaded[w].add(langs[p])
                t += lazy[langs[p]]
        free[w] = t
        finished.append(t)
        yielded.append(max(t, yielded[-1] if yielded else 0.0))
    return max(finished)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--times", type=Path, default=None, help="JSON of measured page times (written when missing)")
    ap.add_argument("--french-load", type=float, default=None,
                    help="seconds a worker spends loading the French pipeline (default: measured here)")
    a = ap.parse_args(argv)
    if a.times and a.times.exists():
        rows = json.loads(a.times.read_text())
    else:
        rows = page_times(a.limit)
        if a.times:
            a.times.write_text(json.dumps(rows))
    if a.french_load is None:
        import resource

        from newsgraph.annotate import language_pipeline

        t = resource.getrusage(resource.RUSAGE_SELF)
        language_pipeline("fr")
        u = resource.getrusage(resource.RUSAGE_SELF)
        a.french_load = (u.ru_utime + u.ru_stime) - (t.ru_utime + t.ru_stime)
    times = [r[2] for r in rows]
    langs = [r[1] for r in rows]
    total = sum(times)
    print(f"{len(rows)} pages, {total:.1f} s of CPU in one process; French pipeline load {a.french_load:.2f} s")
    print("| task size | tasks in flight per worker | predicted 2 processes / 1 process |")
    print("|---|---|---|")
    for task, in_flight in ((16, 4), (8, 4), (4, 4), (4, 8), (2, 16), (1, 32)):
        end = simulate(times, langs, task, in_flight, 2, {"fr": a.french_load})
        print(f"| {task} | {in_flight} | {total / end:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
