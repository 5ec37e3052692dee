"""CPU profile of the one-process pipeline over fixed pages, and the records it made (to prove a speed change
changes no record).

Two page sets: "audit" (English news: the 90 pages of s25's draw 20270201 and the first 30 of 20261230, as minimal
pages built by benchmarks/audit/fresh.py) and "fundus" (the speed benchmark's own multilingual HTML pages, the
first N of its manifest). Raw page -> record with `analyze_stream`, after a 3-page warm-up that loads the models.
CPU seconds (process time) are what to compare: the machine is shared, wall time says more about the load than
about the code. Run the old and the new code side by side, at the same time, for a fair comparison:

    PYTHONPATH=src python -m benchmarks.profile_run audit /tmp/new.jsonl [--profile]
    PYTHONPATH=src python -m benchmarks.profile_run fundus /tmp/new.jsonl --pages 120 --profile
    cmp /tmp/old.jsonl /tmp/new.jsonl   # records byte-identical (sorted keys)

With --profile the cProfile (CPU-time timer) is written next to the records (`<out>.prof`); profiling roughly
doubles the CPU time, so compare profiled with profiled.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import time


def pages(which: str, n: int) -> list:
    """The RawDocuments of a page set."""
    from newsgraph.records import RawDocument

    if which == "fundus":
        from benchmarks.tasks.speed import load_pages

        return [RawDocument(input=name, data=html, kind="html", url=url) for name, url, html in load_pages(n)]
    from benchmarks.audit.fresh import drawn, page

    arts = drawn(20270201) + drawn(20261230)[:30]
    return [RawDocument(input=a["input"], data=page(a), kind="html", url=a["url"] or None) for a in arts]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("which", choices=["audit", "fundus"])
    ap.add_argument("out", help="records (JSON lines, sorted keys)")
    ap.add_argument("--pages", type=int, default=120, help="fundus: the first N pages (after 3 warm-up pages)")
    ap.add_argument("--profile", action="store_true")
    a = ap.parse_args()
    os.environ.setdefault("NEWSGRAPH_DOC_TIMEOUT", "0")
    from newsgraph.pipeline import analyze_stream

    docs = pages(a.which, a.pages + 3)
    warm, docs = (docs[:3], docs[3:]) if a.which == "fundus" else (docs[-3:], docs)
    list(analyze_stream(warm))
    prof = cProfile.Profile(time.process_time) if a.profile else None
    cpu, wall = time.process_time(), time.perf_counter()
    if prof:
        prof.enable()
    out = list(analyze_stream(docs))
    if prof:
        prof.disable()
        prof.dump_stats(a.out + ".prof")
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    with open(a.out, "w", encoding="utf-8") as fh:
        for r in out:
            d = r.to_dict() if hasattr(r, "to_dict") else {"error": str(r), "input": getattr(r, "input", "?")}
            fh.write(json.dumps(d, ensure_ascii=False, sort_keys=True) + "\n")
    print(json.dumps({"pages": len(out), "cpu_s": round(cpu, 2), "wall_s": round(wall, 2),
                      "load": [round(x, 1) for x in os.getloadavg()]}))


if __name__ == "__main__":
    main()
