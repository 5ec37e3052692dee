"""Every body candidate of every extraction page, scored, for choosing the HTML body selection rules honestly.

    python -m benchmarks.body_candidates --out /tmp/cands.jsonl [--part tune] [--limit N]
    python -m benchmarks.body_candidates --out /tmp/cands2.jsonl --reuse /tmp/cands.jsonl   # density changed only
    python -m benchmarks.body_candidates --report /tmp/cands2.jsonl   # tune/check figures of html.py's rule

For each page of fundus-parser-testdata and trafilatura-eval it writes one JSON line: the page's set, unit
(publisher / site) and split part (benchmarks/splits.py), the signals html.py computes for each candidate
(DOM-density share/cover/words, agreement between candidates) and the score each candidate would get as the
final body (after the same merge and trim as `extract_html`), plus trafilatura's own output as the anchor.
A selection rule is then chosen on the lines of the tuning part and judged on the check part, without running
the extractors again. Scores: fundus body shingle F1 per page; trafilatura-eval (TP, FN, FP, TN) snippet counts.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from unittest import mock

from benchmarks.tasks.extraction import (
    gold_body,
    load_fundus,
    load_trafeval,
    read_html,
    shingle_f1,
    snippet_counts,
    sys_newsgraph,
    sys_trafilatura,
    unit_part,
)


def _score(it: dict, text: str):
    if "expected" in it:
        return shingle_f1(text, gold_body(it["expected"]))
    return list(snippet_counts(text, it))


def page_record(it: dict, old: dict | None = None) -> dict:
    """One page's line; with `old` (its line from an earlier run) only the density candidate is computed again."""
    from selectolax.lexbor import LexborHTMLParser

    from newsgraph.extract import html as H
    from newsgraph.extract import signals

    name = it.get("html") or it.get("file")
    html = read_html(it["_path"], name)
    url = it.get("url")
    t0 = time.perf_counter()
    if old:
        cands = signals.candidates(LexborHTMLParser(html), html, url, lines=False)
        for key in ("ld", "lines", "trafilatura"):
            if key in old["texts"]:
                setattr(cands, key, signals.Candidate(key, *old["texts"][key]))
    else:
        cands = signals.candidates(LexborHTMLParser(html), html, url, run_trafilatura=True)
    secs = time.perf_counter() - t0
    rec = {
        "set": "fundus" if "expected" in it else "trafeval",
        "name": name,
        "unit": it.get("publisher") or it["url"],
        "part": unit_part(it),
        "country": it.get("country"),
        "features": signals.features(cands),
        "cand_secs": secs,
        "scores": {},
        "texts": {k: [cands.get(k).paragraphs, cands.get(k).heads] for k in cands.names()},
    }
    for key in cands.names():
        if old and key != "dom" and key in old["scores"]:
            rec["scores"][key] = old["scores"][key]
            continue
        chosen = cands.get(key)
        with mock.patch.object(H, "choose_body", lambda *a, _c=chosen, **k: (_c.paragraphs, _c.heads, _c.name)):
            rec["scores"][key] = _score(it, sys_newsgraph(html, url).body)
    if old:
        rec["scores"]["trafilatura_anchor"] = old["scores"]["trafilatura_anchor"]
        return rec
    t0 = time.perf_counter()
    rec["scores"]["newsgraph"] = _score(it, sys_newsgraph(html, url).body)
    rec["newsgraph_secs"] = time.perf_counter() - t0
    rec["scores"]["trafilatura_anchor"] = _score(it, sys_trafilatura(html, url).body)
    return rec


def route(rec: dict) -> str:
    """The candidate html.choose_body takes on this page, from the recorded signals and html.py's thresholds."""
    from newsgraph.extract import html as H

    f = rec["features"]
    if not (f["dom_share"] >= H.FAST_SHARE and f.get("dom_words", 0) >= H.FAST_MIN_WORDS and f["dom_cover"] >= H.FAST_COVER):
        return "trafilatura"
    if "ld_words" in f:
        return "dom" if f.get("agree_dom_ld", 0.0) >= H.FAST_LD_AGREE else "trafilatura"
    return "dom" if f.get("agree_dom_lines", 0.0) >= H.FAST_LINES_AGREE else "trafilatura"


def _prf(tp: int, fn: int, fp: int, tn: int) -> float:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def report(path: str) -> str:
    """Per set and part: html.py's rule, each candidate alone and trafilatura's own output; fast-path share."""
    with open(path, encoding="utf-8") as f:
        recs = [json.loads(line) for line in f]
    systems = {
        "newsgraph (rule)": route,
        "newsgraph as it ran": lambda r: "newsgraph",
        "trafilatura candidate": lambda r: "trafilatura",
        "density candidate": lambda r: "dom",
        "lines candidate": lambda r: "lines",
        "trafilatura alone (anchor)": lambda r: "trafilatura_anchor",
    }
    out = ["| set | part | pages | system | body F1 | fast path |", "|---|---|---|---|---|---|"]
    for s in ("fundus", "trafeval"):
        for part in ("tune", "check"):
            sel = [r for r in recs if r["set"] == s and r["part"] == part]
            if not sel:
                continue
            for name, pick in systems.items():
                keys = [pick(r) for r in sel]
                if name == "newsgraph as it ran" and "newsgraph" not in sel[0]["scores"]:
                    continue  # a --reuse output: the pipeline was not run as a whole
                empty = 0.0 if s == "fundus" else None
                vals = [r["scores"].get(k, empty) for r, k in zip(sel, keys, strict=True)]
                if s == "fundus":
                    score = sum(vals) / len(vals)
                else:  # a missing candidate outputs nothing: every `with` snippet missed, every `without` absent
                    vals = [v or [0, sum(r["scores"]["trafilatura_anchor"][:2]), 0, sum(r["scores"]["trafilatura_anchor"][2:])] for r, v in zip(sel, vals, strict=True)]
                    score = _prf(*[sum(v[i] for v in vals) for i in range(4)])
                fast = sum(k == "dom" for k in keys) / len(keys) if name == "newsgraph (rule)" else None
                out.append(f"| {s} | {part} | {len(sel)} | {name} | {score:.4f} | {'' if fast is None else f'{fast:.2f}'} |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.body_candidates", description=__doc__)
    ap.add_argument("--out")
    ap.add_argument("--report", default=None, help="print the tune/check table of an earlier output and stop")
    ap.add_argument("--part", choices=["tune", "check"], default=None)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--reuse", default=None, help="an earlier output: only the density candidate is computed again")
    args = ap.parse_args(argv)
    if args.report:
        print(report(args.report))
        return 0
    if not args.out:
        ap.error("--out is required")
    items = load_fundus(args.limit, args.part) + load_trafeval(args.limit, args.part)
    old = {}
    if args.reuse:
        with open(args.reuse, encoding="utf-8") as f:
            old = {(r["set"], r["name"]): r for r in map(json.loads, f)}
    with open(args.out, "w", encoding="utf-8") as f:
        for n, it in enumerate(items):
            key = ("fundus" if "expected" in it else "trafeval", it.get("html") or it.get("file"))
            f.write(json.dumps(page_record(it, old.get(key))) + "\n")
            if n % 100 == 0:
                print(f"{n}/{len(items)}", file=sys.stderr, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
