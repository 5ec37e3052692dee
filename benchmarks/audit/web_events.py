"""A hand-judged set of web events at every confidence, to calibrate the event model and choose its threshold.

    python -m benchmarks.audit.web_events build --label s19e     # records of the pages in /tmp/newsgraph-audit
    python -m benchmarks.audit.web_events to-judge --label s19e  # every event not judged yet, with its context
    python -m benchmarks.audit.web_events score --label s19e     # counts, split, precision of shown events
    python -m benchmarks.audit.web_events sweep --label s19e     # precision / recall per threshold, per part

Why a second set: the audit (benchmarks/audit, judgements.jsonl) judged a sample of the events SHOWN by default, so
it holds few events the model scores low, and its check part (47 events) is too small to calibrate on. This set
judges EVERY event the pipeline produces on its pages, whatever its status and confidence.

Pages, none shared with the audit: the fundus-parser-testdata pages of the countries the audit left out (FUNDUS_EN
holds the audit's), and every trafilatura-eval page past the audit's first TRAFILATURA_DRAW in the same seeded order
(seed 11); each is analysed and kept when its body reads as English. Judgements live in web-event-judgements.jsonl, keyed like the audit's (page, span, type, actors, trigger:
a changed event is judged anew). The split is by page (benchmarks/splits.py `part(page input name)`).

Those two lists hold every HTML page of ../shared/eval, so the set grows with local US news (stop 21): the first
LGL_PAGES articles, in seed-SEED order, of geoparsing-news `lgl.xml` (benchmarks/audit/fresh.py `lgl_articles`, each
made a small web page by `fresh.page`) that read as English and that no held-out draw holds (`HELD_OUT_SEEDS`: the
fresh audit draws of issue 13, never to be read here). Only the geocoding benchmark read these articles before; their
events are political, crime and civic news, the register GSR holds, which the web pages lack. Input names
`lgl/<docid>`, split by page as the rest.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from pathlib import Path

from benchmarks.audit.__main__ import (
    FUNDUS_EN,
    SEED,
    TRAFILATURA_DRAW,
    WORK,
    context,
    english,
    key,
    write_records,
)
from benchmarks.common import EVAL
from benchmarks.splits import PARTS, part

HERE = Path(__file__).resolve().parent
JUDGEMENTS = HERE / "web-event-judgements.jsonl"
#: What a judgement holds (booleans) besides its key and reason.
FIELDS = ("happened", "status", "type", "source", "target")


#: How many LGL articles the set holds (the first of `lgl_pages`' seeded order), and the fresh audit draws
#: (benchmarks/audit/fresh.py seeds, issue 13's held-out pages) whose articles the set never takes.
LGL_PAGES = 240
HELD_OUT_SEEDS = (20261221,)


def lgl_pages(n: int = LGL_PAGES) -> list[tuple[str, bytes, str]]:
    """(input name, HTML bytes, url) of the set's LGL articles: the first `n`, in seed-SEED order, of the English
    articles outside every held-out draw. The order leaves out the held-out articles before shuffling, so adding
    a held-out seed later changes the set only where it takes one of these pages (fresh.py draws among them)."""
    from benchmarks.audit.fresh import drawn, lgl_articles, page

    held = {a["input"] for s in HELD_OUT_SEEDS for a in drawn(s)}
    cands = sorted((a for a in lgl_articles() if english(a["text"]) and a["input"] not in held), key=lambda a: a["input"])
    random.Random(SEED).shuffle(cands)
    return [(a["input"], page(a), a["url"]) for a in cands[:n]]


def pages() -> list[tuple[str, bytes, str]]:
    """(input name, HTML bytes, url) of the fundus and trafilatura-eval pages, in a fixed order (the LGL articles
    are `lgl_pages`: fresh.py reads this list to know which HTML pages are taken)."""
    out = []
    root = EVAL / "fundus-parser-testdata"
    for line in (root / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        m = json.loads(line)
        if m["country"] not in FUNDUS_EN:
            out.append((f"fundus/{m['html']}", gzip.decompress((root / m["html"]).read_bytes()), m["url"]))
    troot = EVAL / "trafilatura-eval"
    data = json.loads((troot / "evaldata.json").read_text(encoding="utf-8"))
    urls = sorted(data)
    random.Random(SEED).shuffle(urls)  # the audit's order: its first TRAFILATURA_DRAW pages are left out
    for url in urls[TRAFILATURA_DRAW:]:
        path = troot / "html" / (data[url]["file"] + ".gz")
        if path.exists():
            out.append((f"trafilatura/{data[url]['file']}", gzip.decompress(path.read_bytes()), url))
    return out


def build(label: str, like: str | None = None, only: str | None = None) -> Path:
    """Records of the English pages in WORK/<label>.jsonl (each with `audit_unit`: its page, the unit of the split);
    `like`: only the pages that have a record under that label (a rebuild after a code change, without analysing
    the pages that do not read as English again), or, for a source it holds no page of (`source`: "lgl" for the
    LGL articles, added later), every page; `only`: the pages of that source alone."""
    from newsgraph.records import RawDocument

    had = {r["input"] for r in records(like)} if like else None
    held = {source(n) for n in had} if had is not None else set()
    raws = [RawDocument(input=name, data=data, kind="html", url=url if "://" in url else None)
            for name, data, url in (lgl_pages() if only == "lgl" else pages() if only == "html" else pages() + lgl_pages())
            if had is None or name in had or source(name) not in held]
    return write_records(label, raws, {r.input: r.input for r in raws})


def source(name: str) -> str:
    """The page source of an input name: "lgl" for LGL articles, else "html"."""
    return "lgl" if name.startswith("lgl/") else "html"


def records(label: str) -> list[dict]:
    return [json.loads(x) for x in (WORK / f"{label}.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]


def judgements() -> dict[str, dict]:
    if not JUDGEMENTS.exists():
        return {}
    return {j["key"]: j for j in (json.loads(x) for x in JUDGEMENTS.read_text(encoding="utf-8").splitlines() if x.strip())}


def events(label: str) -> list[tuple[dict, dict]]:
    """(record, event) of every event of the label's records, in page order."""
    return [(r, e) for r in records(label) for e in r.get("events") or []]


def cmd_to_judge(label: str) -> None:
    done = judgements()
    for r, e in events(label):
        k = key(r, "events", e)
        if k in done:
            continue
        view = {f: e.get(f) for f in ("type", "status", "source_name", "target_name", "trigger", "confidence",
                                       "source_confidence", "target_confidence")}
        print(json.dumps({"key": k, "input": r["input"], "part": part(r["audit_unit"]), **view,
                          "context": context(r, e)}, ensure_ascii=False))


def right(j: dict, e: dict, threshold: float) -> bool:
    """Right as shown at `threshold`: happened with its type right, each actor right or nulled below the threshold."""
    def ok(role: str) -> bool:
        c = e.get(f"{role}_confidence")
        return bool(j.get(role)) or (c is not None and c < threshold)

    return bool(j.get("happened") and j.get("type")) and ok("source") and ok("target")


def shown(e: dict, threshold: float) -> bool:
    """Shown by default at `threshold`: an event that happened (status asserted) at or above it."""
    return e.get("status", "asserted") == "asserted" and (e.get("confidence") or 0.0) >= threshold


def measure(label: str, threshold: float, scores: Path | None = None) -> dict:
    """Per part: pages, judged events, events right (happened, type, source and target all right), shown events,
    precision of the shown events as shown (actors below the threshold nulled), recall (share of the right events
    that are shown). `scores`: the events' confidences from that file (fit_events --scores) instead of the
    records'."""
    done = judgements()
    if scores is None:
        evs = [(r["input"], part(r["audit_unit"]), key(r, "events", e), e) for r, e in events(label)]
    else:
        lines = [json.loads(x) for x in scores.read_text(encoding="utf-8").splitlines() if x.strip()]
        evs = [(e["input"], e["part"], e["key"], e) for e in lines]
    res: dict = {}
    for p in PARTS:
        mine = [(inp, k, e) for inp, q, k, e in evs if q == p]
        got = [(done[k], e) for _, k, e in mine if k in done]
        strict = [right(j, e, 0.0) for j, e in got]
        on = [(j, e) for j, e in got if shown(e, threshold)]
        ok = [right(j, e, threshold) for j, e in on]
        found = sum(right(j, e, 0.0) for j, e in on)
        res[p] = {"pages": len({inp for inp, _, _ in mine}), "events": len(mine), "judged": len(got),
                  "right": sum(strict), "shown": len(on), "shown_right": sum(ok),
                  "precision": round(sum(ok) / len(on), 3) if on else None,
                  "recall": round(found / sum(strict), 3) if sum(strict) else None}
    return res


def cmd_score(label: str, threshold: float | None = None) -> dict:
    from benchmarks.audit.__main__ import threshold as default

    t = default("events") if threshold is None else threshold
    res = {"threshold": t, **measure(label, t)}
    print(json.dumps(res, indent=1))
    return res


#: Thresholds the sweep tries (the fitted maps are step functions: only their levels matter).
SWEEP = tuple(round(0.05 * i, 2) for i in range(1, 20))
#: The precision the events shown by default must reach (issue 11's goal), and the fewest tune events shown for a
#: threshold to count (a precision over a handful of events is noise).
GOAL, MIN_SHOWN = 0.80, 10


def cmd_sweep(label: str, scores: Path | None = None) -> dict:
    """Shown precision and recall per threshold on both parts; the lowest threshold whose TUNE precision reaches
    GOAL with at least MIN_SHOWN events shown is the one to set (the check part only reports)."""
    rows = {t: measure(label, t, scores) for t in SWEEP}
    for t, m in rows.items():
        print(f"t={t:.2f}  " + "  ".join(f"{p}: shown {m[p]['shown']:3d} P={m[p]['precision']} R={m[p]['recall']}"
                                         for p in PARTS))
    ok = [t for t, m in rows.items() if (m["tune"]["precision"] or 0) >= GOAL and m["tune"]["shown"] >= MIN_SHOWN]
    chosen = min(ok) if ok else None
    print(f"chosen on tune: {chosen}" if chosen is not None else f"no threshold reaches {GOAL} on tune with "
          f"{MIN_SHOWN}+ events shown")
    return {"chosen": chosen, "rows": rows}


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.audit.web_events", description=__doc__.split("\n\n")[0])
    ap.add_argument("command", choices=("build", "to-judge", "score", "sweep"))
    ap.add_argument("--label", default="s19e")
    ap.add_argument("--threshold", type=float, default=None, help="score: the display threshold (default: settings)")
    ap.add_argument("--like", default=None, help="build: only the pages with a record under this label")
    ap.add_argument("--only", choices=("html", "lgl"), default=None, help="build: the pages of this source alone")
    ap.add_argument("--scores", type=Path, default=None, help="sweep: confidences from this file (fit_events --scores)")
    a = ap.parse_args()
    if a.command == "build":
        print(build(a.label, a.like, a.only))
    elif a.command == "to-judge":
        cmd_to_judge(a.label)
    elif a.command == "sweep":
        cmd_sweep(a.label, a.scores)
    else:
        cmd_score(a.label, a.threshold)


if __name__ == "__main__":
    main()
