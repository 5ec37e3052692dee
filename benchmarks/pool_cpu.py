"""Where the pool's CPU goes, on the speed task's pages: a load-independent stand-in for wall-time scaling.

Wall time cannot be measured on a shared machine, CPU time (nearly) can. This runs the speed task's
"newsgraph, 1 process" and "newsgraph, 2 processes" configurations (pages in memory, `load_pipeline()`, 3 warm-up
pages, then `analyze_parallel` over every page) in fresh subprocesses and reports, per process, user+sys CPU
seconds, CPU seconds spent loading pipelines (a `language_pipeline` call that did not hit its cache), documents
analysed and minor page faults (copy-on-write copies after fork show up there), plus the parent's share.

The ratio printed, (CPU of 1 process) / max(CPU of the busiest pool process, all the pool's CPU / 2), is what the
2-process scaling would be on an otherwise idle 2-core machine if nothing but CPU time counted (no cache or memory
contention, no idling while waiting for results in order): an upper bound to read beside
`python -m benchmarks.pool_simulation`, not a benchmark figure. A process's counters are its own since it started
(a forked worker does not carry the warmed parent's CPU).

    python -m benchmarks.pool_cpu [--limit N] [--mode 1|2|both]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.memory import child_json


def _cpu(who: int = resource.RUSAGE_SELF) -> tuple[float, int]:
    u = resource.getrusage(who)
    return u.ru_utime + u.ru_stime, u.ru_minflt


def _instrument(outdir: Path) -> None:
    """Count, in every process that runs analysis, pipeline-loading CPU and documents, and write a per-pid file of
    its counters after each pool task (forked workers inherit the patches)."""
    import newsgraph.parallel as parallel
    import newsgraph.pipeline as pipeline

    state = {"load": 0.0, "loads": []}
    real_lp = pipeline.language_pipeline

    def timed_language_pipeline(language: str):
        hit = real_lp.cache_info().hits
        t, _ = _cpu()
        nlp = real_lp(language)
        if real_lp.cache_info().hits == hit:  # a miss: it loaded
            spent = _cpu()[0] - t
            state["load"] += spent
            state["loads"].append([language, round(spent, 3)])
        return nlp

    pipeline.language_pipeline = timed_language_pipeline

    def counted(real, role):
        def run(chunk):
            out = real(chunk)
            cpu, flt = _cpu()
            state["docs"] = state.get("docs", 0) + len(chunk)
            (outdir / f"{os.getpid()}.json").write_text(json.dumps(
                {"role": role, "cpu": cpu, "minflt": flt, "load": state["load"], "loads": state["loads"],
                 "docs": state["docs"]}))
            return out

        run.__qualname__ = run.__name__ = real.__name__
        run.__module__ = parallel.__name__
        return run

    parallel._work = counted(parallel._work, "worker")
    if hasattr(parallel, "_work_deferred"):  # the lane process (and deferred documents a worker annotates)
        parallel._work_deferred = counted(parallel._work_deferred, "lane")
    globals()["_state"] = state


def measure(workers: int, limit: int | None) -> dict:
    from benchmarks.tasks.speed import WARMUP, load_pages
    from newsgraph.annotate import load_pipeline
    from newsgraph.errors import InputError
    from newsgraph.parallel import analyze_parallel
    from newsgraph.records import RawDocument

    pages = load_pages(limit)
    docs = [RawDocument(input=n, data=h, kind="html", url=u) for n, u, h in pages]
    load_pipeline()
    list(analyze_parallel(docs[:WARMUP], workers=1))
    with tempfile.TemporaryDirectory() as tmp:
        _instrument(Path(tmp))
        c0, f0 = _cpu()
        w0 = time.perf_counter()
        out = list(analyze_parallel(docs, workers=workers))
        wall = time.perf_counter() - w0
        c1, f1 = _cpu()
        kids, _ = _cpu(resource.RUSAGE_CHILDREN)
        per = [json.loads(p.read_text()) for p in sorted(Path(tmp).glob("*.json"))]
    st = globals()["_state"]
    res = {"workers": workers, "pages": len(pages), "articles": sum(not isinstance(x, InputError) for x in out),
           "parent_cpu": round(c1 - c0, 3), "parent_minflt": f1 - f0, "parent_load": round(st["load"], 3),
           "parent_loads": st["loads"], "children_cpu": round(kids, 3), "wall_shared_machine": round(wall, 2),
           "loadavg": os.getloadavg()[0]}
    # worker counters are cumulative since fork: the warmed parent's CPU before fork is not in them
    res["workers_detail"] = [{k: (round(v, 3) if isinstance(v, float) else v) for k, v in w.items()} for w in per]
    return res


def _worker_line(w: dict) -> str:
    return f"{w['role']} {w['cpu']:.2f} s / {w['docs']} docs / {w['load']:.2f} s loading / {w['minflt']} minor faults"


def _sub(workers: int, limit: int | None) -> dict:
    return child_json("benchmarks.pool_cpu", ["--child", str(workers)] + (["--limit", str(limit)] if limit else []))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--mode", choices=("1", "2", "both"), default="both")
    ap.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child:
        print(json.dumps(measure(a.child, a.limit)))
        return 0
    runs = {m: _sub(m, a.limit) for m in ((1, 2) if a.mode == "both" else (int(a.mode),))}
    for r in runs.values():
        print(json.dumps(r))
    if 1 in runs and 2 in runs:
        one = runs[1]["parent_cpu"]
        ws = runs[2]["workers_detail"]
        busiest = max(w["cpu"] for w in ws)
        total = sum(w["cpu"] for w in ws)
        bound = one / max(busiest, (total + runs[2]["parent_cpu"]) / 2)
        print(f"1 process: {one:.2f} s CPU ({runs[1]['parent_load']:.2f} s loading pipelines), "
              f"{runs[1]['articles'] / one:.2f} articles per CPU-second")
        print(f"2 processes: parent {runs[2]['parent_cpu']:.2f} s, workers {total:.2f} s "
              f"({', '.join(_worker_line(w) for w in ws)}); "
              f"{runs[2]['articles'] / (total + runs[2]['parent_cpu']):.2f} articles per CPU-second")
        print(f"extra CPU of 2 processes over 1: {total + runs[2]['parent_cpu'] - one:+.2f} s; "
              f"CPU-bound scaling bound (2 cores): {bound:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
