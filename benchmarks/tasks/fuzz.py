"""Task: 10,000 hostile inputs (benchmarks/fuzzgen.py at full size) through the analysis, in two worker processes.

Each input runs through `analyze_document` (extraction, annotation, the per-document budget) in a worker of a
2-process pool, and its record through the JSON writer. Counted: tracebacks (an exception other than InputError
escaping the analysis or the writer: what would print a traceback), lost inputs (no record and no error),
internal errors ("internal error: ..." failures), the slowest input against the document budget, and peak RSS
per worker (the largest resident set any worker reached, from getrusage in the worker). Then a CLI pass
(`newsgraph analyze DIR --workers 2`) over the first inputs checks end to end: no "Traceback" on stderr and
records + error lines + duplicate notes = inputs.

Goals (issue 13): 0 tracebacks, 0 lost inputs, 0 internal errors; worst input within the document budget; peak
RSS per worker <= 1 GiB. --limit N runs N x 10 inputs (and the CLI pass over as many).
"""

from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from benchmarks.common import Table, TaskResult

NAME = "fuzz"
TITLE = "13. Hostile inputs: 10,000 fuzzed pages, two workers"
INPUTS = 10_000
CLI_INPUTS = 300
SEED = 13


def _init() -> None:
    """Load the pipeline and warm every lazy resource on one clean page, so no input pays a worker's start-up."""
    import random

    from benchmarks.fuzzgen import html_page
    from newsgraph.annotate import load_pipeline
    from newsgraph.pipeline import analyze_document
    from newsgraph.records import RawDocument

    load_pipeline()
    analyze_document(RawDocument("warm-up.html", html_page(random.Random(0)).encode()))


def _one(item: tuple[str, bytes, str]) -> tuple[str, str, float, int]:
    """(name, outcome, seconds, worker peak RSS KiB): outcome is record | error | internal | traceback:<type>."""
    from newsgraph.cli.output import dumps
    from newsgraph.errors import InputError
    from newsgraph.pipeline import analyze_document
    from newsgraph.records import RawDocument

    name, data, kind = item
    t = time.perf_counter()
    try:
        art = analyze_document(RawDocument(name, data, kind=kind))
        json.loads(dumps(art.to_dict(), False).encode("utf-8"))
        outcome = "record"
    except InputError as exc:
        outcome = "internal" if exc.problem.startswith("internal error") else "error"
    except BaseException as exc:  # what would have been a traceback
        outcome = f"traceback:{type(exc).__name__}"
    return name, outcome, time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def run(limit: int | None) -> TaskResult:
    from benchmarks.fuzzgen import hostile_input
    from newsgraph.settings import get_settings

    n = INPUTS if not limit else min(INPUTS, limit * 10)
    res = TaskResult(NAME, TITLE)
    rng = random.Random(SEED)
    inputs = [hostile_input(rng) for _ in range(n)]
    budget = get_settings().doc_timeout
    t0 = time.perf_counter()
    outcomes: dict[str, int] = {}
    worst = (0.0, "", "")
    peak = 0
    seen = 0
    what = {name: done for name, _, _, done in inputs}
    with ProcessPoolExecutor(2, initializer=_init) as pool:
        for name, outcome, secs, rss in pool.map(_one, [(a, b, c) for a, b, c, _ in inputs], chunksize=4):
            seen += 1
            key = outcome.split(":")[0]
            outcomes[key] = outcomes.get(key, 0) + 1
            if key == "traceback":
                res.notes.append(f"traceback on {name} ({what[name]}): {outcome}")
            if secs > worst[0]:
                worst = (secs, name, what[name])
            peak = max(peak, rss)
            if seen % 500 == 0:  # progress with the running figures, on stderr
                print(f"fuzz: {seen}/{n} {outcomes} worst {worst[0]:.2f} s ({worst[2]}) peak RSS {peak // 1024} MiB "
                      f"{time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    wall = time.perf_counter() - t0
    cli = _cli_pass(inputs[:min(CLI_INPUTS, n)])
    t = Table("Fuzzed inputs (analysis in 2 worker processes)",
              ["inputs", "records", "clear errors", "internal errors", "tracebacks", "lost", "worst input s",
               "budget s", "peak RSS/worker MiB", "wall s"])
    t.rows.append([n, outcomes.get("record", 0), outcomes.get("error", 0), outcomes.get("internal", 0),
                   outcomes.get("traceback", 0), n - seen, round(worst[0], 2), budget, round(peak / 1024),
                   round(wall)])
    res.tables.append(t)
    c = Table(f"CLI pass: newsgraph analyze over the first {min(CLI_INPUTS, n)} inputs, --workers 2",
              ["inputs", "records", "error lines", "duplicate notes", "lost", "tracebacks on stderr"])
    c.rows.append(cli)
    res.tables.append(c)
    res.notes.append(f"Slowest input: {worst[1]} ({worst[2]}), {worst[0]:.2f} s. Inputs: seed {SEED}, "
                     "benchmarks/fuzzgen.py at full size (deep nesting to 5,000, tokens to 2 MB, 30,000 paragraphs, "
                     "20,000 capitalised words).")
    res.notes.append(f"Machine shared with other work (load average {os.getloadavg()[0]:.1f} at the end).")
    res.items = n
    return res


def _cli_pass(inputs: list) -> list:
    with tempfile.TemporaryDirectory(prefix="ng-fuzz-") as td:
        folder = Path(td) / "in"
        folder.mkdir()
        for name, data, _, _ in inputs:
            (folder / name).write_bytes(data)
        out = Path(td) / "out.jsonl"
        exe = Path(sys.executable).parent / "newsgraph"
        p = subprocess.run([str(exe), "analyze", str(folder), "--format", "jsonl", "-o", str(out), "--workers", "2"],
                           capture_output=True, text=True, timeout=7200)
        records = len(out.read_text(encoding="utf-8").splitlines()) if out.exists() else 0
        lines = p.stderr.splitlines()
        errors = sum(1 for ln in lines if ln.startswith("newsgraph: error: "))
        skipped = sum(1 for ln in lines if ln.startswith("newsgraph: ") and "skipped" in ln)
        return [len(inputs), records, errors, skipped, len(inputs) - records - errors - skipped,
                p.stderr.count("Traceback")]
