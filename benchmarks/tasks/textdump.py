"""Task 2: pages scraped to plain text (boilerplate kept) -> newsgraph `--kind text` body, against the HTML gold.

Each page of task 1 is rendered by benchmarks/render_text.py (one line per block element, scripts and styles
dropped, nav/footer/teasers kept). Scores as in task 1: fundus body shingle F1 per page (newsgraph's text =
standfirst when not in the body + body, as the gold body counts the summary), averaged, with the English subset
apart; trafilatura-eval with/without snippet P/R/F. Anchor: keeping every line of the dump.
"""

from __future__ import annotations

import statistics
import time

from benchmarks.common import EVAL, Skip, Table, TaskResult
from benchmarks.render_text import render_text
from benchmarks.tasks.extraction import (
    ENGLISH,
    gold_body,
    load_fundus,
    load_trafeval,
    norm,
    prf,
    read_html,
    shingle_f1,
    snippet_counts,
    speed_cells,
)

NAME = "textdump"
TITLE = "2. Text dumps: pages scraped to plain text, boilerplate kept"


def newsgraph_text(dump: str, name: str) -> str:
    from newsgraph.errors import InputError
    from newsgraph.extract.text import extract_text
    from newsgraph.records import RawDocument

    try:
        ex = extract_text(dump, RawDocument(input=name, data=b"", kind="text"))
    except InputError:
        return ""
    body = ex.body
    if ex.standfirst and norm(ex.standfirst)[:80] not in norm(body):
        body = ex.standfirst + "\n\n" + body
    return body


def run(limit: int | None) -> TaskResult:
    fundus, trafeval = load_fundus(limit), load_trafeval(limit)
    if not fundus and not trafeval:
        raise Skip(f"data absent: {EVAL / 'fundus-parser-testdata'} and {EVAL / 'trafilatura-eval'}")
    res = TaskResult(NAME, TITLE, items=len(fundus) + len(trafeval))
    if fundus:
        rows = []
        for it in fundus:
            dump = render_text(read_html(it["_path"], it["html"]))
            t0 = time.perf_counter()
            ours = newsgraph_text(dump, it["html"])
            secs = time.perf_counter() - t0
            gold = gold_body(it["expected"])
            rows.append((it, shingle_f1(ours, gold), shingle_f1(dump, gold), secs))
        t = Table("fundus-parser-testdata rendered to text: body shingle F1", ["pages", "system", "body F1", "median pages/s", "total s"])
        for label, keep in (("English", lambda it: it["country"] in ENGLISH), ("all", lambda it: True)):
            sel = [r for r in rows if keep(r[0])]
            if sel:
                t.rows.append([f"{label} ({len(sel)})", "newsgraph --kind text", statistics.mean(r[1] for r in sel), *speed_cells([r[3] for r in sel])])
                t.rows.append([f"{label} ({len(sel)})", "keep every line", statistics.mean(r[2] for r in sel), None, None])
        res.tables.append(t)
    if trafeval:
        ours, keep = [0, 0, 0, 0], [0, 0, 0, 0]
        for it in trafeval:
            dump = render_text(read_html(it["_path"], it["file"]))
            for k, v in enumerate(snippet_counts(newsgraph_text(dump, it["file"]), it)):
                ours[k] += v
            for k, v in enumerate(snippet_counts(dump, it)):
                keep[k] += v
        t = Table("trafilatura-eval rendered to text (with/without snippets)", ["system", "pages", "precision", "recall", "F1", "accuracy"])
        t.rows.append(["newsgraph --kind text", len(trafeval), *prf(*ours)])
        t.rows.append(["keep every line", len(trafeval), *prf(*keep)])
        res.tables.append(t)
    res.notes.append("Goal (issue 4): text-dump body F1 >= 0.95 (keeping every line scores about 0.69).")
    return res
