"""Task: exports of a large store in bounded memory, and the Parquet round trip on real pages.

1. A store of 100,000 generated articles (the `store` task's generator; --limit N scales it to N x 1,000) exported
   by `newsgraph export` to CSV (the articles table and the longest long table, mentions), Parquet, JSON Lines and
   GKG, each in a fresh process: peak RSS (ru_maxrss of that process), seconds, output size. Goal (issue 14):
   bounded memory, i.e. peak RSS far below the store's size and not growing with it (a 10,000-article store is
   exported the same way for comparison).
2. Round trip on 100 pages of ../shared/eval/fundus-parser-testdata (the first 100 by path; internal measurement
   only): ingest (analyze + store) -> export parquet -> ingest the Parquet file into a new store -> export jsonl,
   compared record by record with the first store's jsonl. Goal: every record identical.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import EVAL, REPO, Skip, Table, TaskResult

NAME = "export"
TITLE = "9. Exports: a 100,000-article store to CSV, Parquet, JSONL and GKG (peak RSS); Parquet round trip on 100 pages"
ROUND_TRIP_PAGES = 100
EXPORTS = [
    ("csv (articles)", ["--format", "csv", "--table", "articles"], "csv"),
    ("csv (mentions)", ["--format", "csv", "--table", "mentions"], "csv"),
    ("parquet", ["--format", "parquet"], "parquet"),
    ("jsonl", ["--format", "jsonl"], "jsonl"),
    ("gkg", ["--format", "gkg"], "gkg"),
]
#: Peak RSS of the export process itself: VmHWM of /proc/self/status (this process's own address space; ru_maxrss
#: would also count the benchmark process it was forked from, which Linux carries across exec), else ru_maxrss.
_RSS = ("import atexit, resource, sys\n"
        "def peak():\n"
        "    try:\n"
        "        return next(int(x.split()[1]) for x in open('/proc/self/status') if x.startswith('VmHWM'))\n"
        "    except (OSError, StopIteration):\n"
        "        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "atexit.register(lambda: print('MAXRSS_KB', peak(), file=sys.stderr))\n"
        "from newsgraph.cli import main\n"
        "sys.argv = ['newsgraph', *sys.argv[1:]]\n"
        "main()\n")


def export_once(db: Path, args: list[str], out: Path) -> tuple[float, float]:
    """(peak RSS in MB, seconds) of one `newsgraph export` in a fresh process."""
    t0 = time.perf_counter()
    res = subprocess.run([sys.executable, "-c", _RSS, "export", "--db", str(db), *args, "-o", str(out)],
                         capture_output=True, text=True, check=False)
    secs = time.perf_counter() - t0
    if res.returncode != 0:
        raise RuntimeError(f"export {args} failed: {res.stderr[-500:]}")
    kb = next(int(line.split()[1]) for line in res.stderr.splitlines() if line.startswith("MAXRSS_KB"))
    return kb / 1024, secs


def _exports(tmp: Path, n: int, compare: bool = True) -> Table:
    from benchmarks.tasks.store import build_store

    table = Table("Export of generated stores (peak RSS of the export process)",
                  ["store", "store MB", "format", "articles", "peak RSS MB", "seconds", "output MB"])
    for size in sorted({max(1000, n // 10), n} if compare else {n}):
        db = tmp / f"s{size}.db"
        build_store(db, size)
        store_mb = sum(p.stat().st_size for p in tmp.glob(f"s{size}.db*")) / 1e6
        for label, args, ext in EXPORTS:
            out = tmp / f"out{size}.{ext}"
            rss, secs = export_once(db, args, out)
            table.rows.append([f"{size:,} articles", round(store_mb), label, size, round(rss, 1), round(secs, 1),
                               round(out.stat().st_size / 1e6, 1)])
            out.unlink()
        for p in tmp.glob(f"s{size}.db*"):
            p.unlink()
    table.note = ("Each export runs in its own process (`python -c ... newsgraph export ...`); peak RSS is that process's "
                  "high-water mark (VmHWM), which includes the Python interpreter, pyarrow and the gazetteer index (gkg). "
                  "Bounded memory shows as the same peak for the small and the large store.")
    return table


def _round_trip(tmp: Path, pages: int) -> tuple[Table, list[str]]:
    src = EVAL / "fundus-parser-testdata" / "html"
    if not src.is_dir():
        raise Skip(f"{src} is absent")
    files = sorted(p for p in src.rglob("*") if p.is_file())[:pages]
    inputs = tmp / "pages"
    inputs.mkdir()
    for i, f in enumerate(files):
        (inputs / f"{i:03d}-{f.name}").symlink_to(f)
    exe = [sys.executable, "-m", "newsgraph"]

    def run(*args: str) -> None:
        subprocess.run([*exe, *args], capture_output=True, text=True, check=False)

    run("ingest", str(inputs), "--db", str(tmp / "a.db"), "--no-progress", "--workers", "2")
    every = ("--min-confidence", "0")  # every item, not only those above the display threshold
    run("export", "--db", str(tmp / "a.db"), "--format", "jsonl", "-o", str(tmp / "a.jsonl"), *every)
    run("export", "--db", str(tmp / "a.db"), "--format", "parquet", "-o", str(tmp / "a.parquet"), *every)
    run("ingest", str(tmp / "a.parquet"), "--db", str(tmp / "b.db"), "--no-progress")
    run("export", "--db", str(tmp / "b.db"), "--format", "jsonl", "-o", str(tmp / "b.jsonl"), *every)
    a = [json.loads(x) for x in (tmp / "a.jsonl").read_text(encoding="utf-8").splitlines()]
    b = {r["id"]: r for r in (json.loads(x) for x in (tmp / "b.jsonl").read_text(encoding="utf-8").splitlines())}
    same = sum(1 for r in a if b.get(r["id"]) == r)
    differ = [r["input"] for r in a if b.get(r["id"]) != r]
    table = Table("Round trip: ingest -> export parquet -> ingest -> export jsonl",
                  ["pages", "articles stored", "records identical after the round trip", "differ"],
                  [[len(files), len(a), same, len(differ)]])
    notes = [f"Round trip pages: the first {len(files)} files (by path) of fundus-parser-testdata/html; exports with "
             "--min-confidence 0 (every item)."]
    if differ:
        notes.append("Records that differ: " + ", ".join(differ[:10]))
    return table, notes


def run(limit: int | None) -> TaskResult:
    n = 100_000 if not limit else min(100_000, max(1000, limit * 1000))
    res = TaskResult(NAME, TITLE)
    with tempfile.TemporaryDirectory(prefix="ng-export-") as td:
        tmp = Path(td)
        res.tables.append(_exports(tmp, n, compare=not limit))
        try:
            t, notes = _round_trip(tmp, min(ROUND_TRIP_PAGES, limit or ROUND_TRIP_PAGES))
            res.tables.append(t)
            res.notes += notes
        except Skip as exc:
            res.notes.append(f"Round trip skipped: {exc}")
    res.items = n
    res.notes.append(f"Machine shared with other work while measuring (load average {os.getloadavg()[0]:.1f} at the end).")
    res.notes.append(f"Run: `python -m benchmarks --only export` from {REPO.name}.")
    return res
