"""The events' display threshold, chosen on the tune parts from what the fitted models show.

    python -m benchmarks.fit_events --check    # prints this sweep for the models in place (and after a fit)

At each threshold of SWEEP, per part: the hand-judged web pages' events shown by default (status asserted,
confidence at or above the threshold, an actor below it nulled), the web event set's and the audit's each and
pooled, with the share right as shown (benchmarks/audit/web_events.py `right`: happened, type, source and target;
a nulled actor is not held against the event); and GSR's shown type accuracy (benchmarks/tasks/events.py: the
record's main shown event has one of its gold types; a record whose events are all hidden counts as wrong).

The rule (`choose`), on the TUNE parts only: among the thresholds at which the events shown on the judged web pages
(web set and audit pooled, at least MIN_SHOWN shown) are right at least GOAL of the time, those with the highest
GSR shown accuracy, and of these the highest (precision first: a step up that hides no right GSR event is taken).
Pooled, because the web set (every event of its pages) and the audit (the events shown on its pages) are both
judged web pages and their tune parts alone show 15 to 60 events, where one event moves the precision by 2 to 7
points. The check parts only report.

`ece_floor`: the expected calibration error a perfectly calibrated model would still show on n items (labels drawn
from the confidences themselves): on GSR's 28 check events it is about 0.15, so an ECE there says little.
"""

from __future__ import annotations

import random
from types import SimpleNamespace

from benchmarks.calibration import expected_calibration_error
from benchmarks.splits import PARTS

#: Thresholds tried (the fitted maps are step functions: only their levels matter).
SWEEP = tuple(round(0.05 * i, 2) for i in range(6, 19))
#: The precision the events shown by default must reach (issue 11's goal), and the fewest tune events shown for a
#: threshold to count.
GOAL, MIN_SHOWN = 0.80, 10


def judged_precision(events: list, judged: dict, predictors: dict, t: float, p: str) -> tuple[int, int]:
    """(shown, right as shown) of the judged events of part `p` at threshold `t`; `events` as
    benchmarks/fit_events.py `annotate_pages` gives them: (input, key, part, status, features, unit, view)."""
    from benchmarks.audit.web_events import right

    shown = ok = 0
    for _inp, k, q, status, f, *_ in events:
        if q != p or k not in judged or status != "asserted" or predictors["event"](f["event"]) < t:
            continue
        e = {f"{r}_confidence": predictors[f"event_{r}"](f[r]) if r in f else None for r in ("source", "target")}
        shown += 1
        ok += right(judged[k], e, t)
    return shown, ok


def gsr_accuracy(records: list, predictors: dict, t: float, p: str) -> tuple[int, int]:
    """(records, records whose main shown event has a gold type) of part `p` at threshold `t`; `records` as
    benchmarks/fit_events.py `gsr_rows` collects them."""
    from benchmarks.tasks.events import _main_event

    n = ok = 0
    for q, gold, events in records:
        if q != p:
            continue
        shown = []
        for typ, status, has_src, has_tgt, f in events:
            if status != "asserted" or f is None or predictors["event"](f["event"]) < t:
                continue
            src = has_src and ("source" not in f or predictors["event_source"](f["source"]) >= t)
            tgt = has_tgt and ("target" not in f or predictors["event_target"](f["target"]) >= t)
            shown.append(SimpleNamespace(type=typ, source=src, source_name=None, target=tgt, target_name=None))
        main = _main_event(shown)
        n += 1
        ok += main is not None and main.type in gold
    return n, ok


def sweep(predictors: dict, gsr: list, audit: list, web: list) -> dict:
    """Per threshold and part: shown and precision on the web set, the audit and both; GSR's shown accuracy."""
    from benchmarks.audit.__main__ import judgements as audit_judgements
    from benchmarks.audit.web_events import judgements as web_judgements

    aj, wj = audit_judgements(), web_judgements()
    out: dict = {}
    for t in SWEEP:
        row: dict = {}
        for p in PARTS:
            w = judged_precision(web, wj, predictors, t, p)
            a = judged_precision(audit, aj, predictors, t, p)
            g = gsr_accuracy(gsr, predictors, t, p)
            both = (w[0] + a[0], w[1] + a[1])
            row[p] = {name: {"shown": s, "precision": round(r / s, 3) if s else None}
                      for name, (s, r) in (("web", w), ("audit", a), ("web+audit", both))}
            row[p]["gsr"] = {"records": g[0], "accuracy": round(g[1] / g[0], 3) if g[0] else None}
        out[t] = row
    return out


def choose(rows: dict) -> float | None:
    """The threshold of the rule above (None when no threshold reaches GOAL on the tune web pages)."""
    ok = [t for t, r in rows.items() if r["tune"]["web+audit"]["shown"] >= MIN_SHOWN
          and (r["tune"]["web+audit"]["precision"] or 0) >= GOAL]
    if not ok:
        return None
    best = max(rows[t]["tune"]["gsr"]["accuracy"] or 0.0 for t in ok)
    return max(t for t in ok if (rows[t]["tune"]["gsr"]["accuracy"] or 0.0) == best)


def print_sweep(rows: dict) -> float | None:
    for t, r in rows.items():
        cells = []
        for p in PARTS:
            x = r[p]
            cells.append(f"{p}: web {x['web']['shown']:3d} P={x['web']['precision']}  audit {x['audit']['shown']:3d} "
                         f"P={x['audit']['precision']}  both P={x['web+audit']['precision']}  GSR acc "
                         f"{x['gsr']['accuracy']}")
        print(f"t={t:.2f}  " + "  |  ".join(cells))
    chosen = choose(rows)
    print(f"threshold chosen on tune: {chosen}" if chosen is not None else
          f"no threshold reaches {GOAL} on the tune web pages with {MIN_SHOWN}+ events shown")
    return chosen


def ece_floor(confidences: list[float], draws: int = 300, seed: int = 0) -> float:
    """Mean ECE of labels drawn from the confidences themselves: what a perfectly calibrated model shows on these
    items by chance alone (the ECE goal cannot be read below it)."""
    rng = random.Random(seed)
    tot = 0.0
    for _ in range(draws):
        tot += expected_calibration_error(confidences, [rng.random() < c for c in confidences])
    return round(tot / draws, 3) if confidences else 0.0
