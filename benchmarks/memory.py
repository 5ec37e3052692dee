"""What a worker's memory is made of, on the speed task's pages, measured the way `--only speed` measures it.

Memory is not timing-sensitive, so this runs on a loaded machine too (it is not a benchmark task: no throughput).
One fresh subprocess per mode, like benchmarks/tasks/speed.py:

- `1`: the speed task's "newsgraph, 1 process" (pages in memory, `load_pipeline()`, 3 warm-up pages, then
  `analyze_parallel(workers=1)` over every page); prints RSS after each stage, every 25 pages, and the peak
  (ru_maxrss, the figure the speed task reports);
- `2`: "newsgraph, 2 processes"; the peak RSS of the largest worker (ru_maxrss of the children);
- `--trace`: tracemalloc from after the warm-up: the Python heap's traced peak and the 12 largest allocation
  sites still held at the end (slow: several times the run time).

    python -m benchmarks.memory [--limit N] [--mode 1|2|both] [--trace]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys

from benchmarks.common import REPO


def _rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return 0.0


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: KiB


def _stage(stages: list, label: str) -> None:
    stages.append({"stage": label, "rss_mb": round(_rss_mb()), "peak_mb": round(_peak_mb())})


def measure(workers: int, limit: int | None, trace: bool) -> dict:
    stages: list[dict] = []
    _stage(stages, "python started")
    from benchmarks.tasks.speed import WARMUP, load_pages

    pages = load_pages(limit)
    _stage(stages, f"{len(pages)} pages in memory")
    from newsgraph.annotate import language_pipeline, load_pipeline
    from newsgraph.errors import InputError
    from newsgraph.parallel import analyze_parallel
    from newsgraph.records import RawDocument

    _stage(stages, "newsgraph imported")
    docs = [RawDocument(input=n, data=h, kind="html", url=u) for n, u, h in pages]
    nlp = load_pipeline()
    _stage(stages, "English pipeline loaded")
    list(analyze_parallel(docs[:WARMUP], workers=1))
    _stage(stages, f"{WARMUP} warm-up pages")
    if trace:
        import tracemalloc

        tracemalloc.start(10)
    articles = failed = 0
    for i, x in enumerate(analyze_parallel(docs, workers=workers)):
        articles += not isinstance(x, InputError)
        failed += isinstance(x, InputError)
        if workers == 1 and (i + 1) % 25 == 0:
            _stage(stages, f"after {i + 1} pages ({language_pipeline.cache_info().currsize} pipeline(s) loaded)")
    _stage(stages, "all pages")
    res: dict = {"workers": workers, "pages": len(pages), "articles": articles, "failed": failed, "stages": stages,
                 "peak_rss_mb": round(_peak_mb()), "strings": len(nlp.vocab.strings)}
    if workers > 1:
        res["worker_peak_rss_mb"] = round(_peak_mb(resource.RUSAGE_CHILDREN))
    if trace:
        import tracemalloc

        snap = tracemalloc.take_snapshot()
        res["traced_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
        res["top_held"] = [f"{s.size / 2**20:.1f} MB {s.traceback[0]}" for s in snap.statistics("lineno")[:12]]
    return res


def child_json(module: str, args: list[str]) -> dict:
    """Run `python -m module args` in a fresh interpreter (nothing warmed or loaded here carries over) and return
    the JSON of its last output line."""
    cmd = [sys.executable, "-m", module, *args]
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, env=dict(os.environ))
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _sub(workers: int, limit: int | None, trace: bool) -> dict:
    args = ["--child", str(workers)] + (["--limit", str(limit)] if limit else []) + (["--trace"] if trace else [])
    return child_json("benchmarks.memory", args)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--mode", choices=("1", "2", "both"), default="both")
    ap.add_argument("--trace", action="store_true")
    ap.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child:
        print(json.dumps(measure(a.child, a.limit, a.trace)))
        return 0
    for workers in ((1, 2) if a.mode == "both" else (int(a.mode),)):
        r = _sub(workers, a.limit, a.trace)
        print(f"## {workers} process(es): {r['articles']} articles, {r['failed']} failed, {r['strings']} strings")
        for s in r["stages"]:
            print(f"  {s['stage']:<48} RSS {s['rss_mb']:>6} MB   peak {s['peak_mb']:>6} MB")
        print(f"  peak RSS of this process: {r['peak_rss_mb']} MB")
        if workers > 1:
            print(f"  peak RSS of the largest worker: {r['worker_peak_rss_mb']} MB")
        if a.trace:
            print(f"  Python heap, traced peak after warm-up: {r['traced_peak_mb']} MB; largest held:")
            for line in r["top_held"]:
                print(f"    {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
