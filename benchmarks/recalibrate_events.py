"""Recalibrate the event confidence: one monotone map over the event model's output, fitted on every judged source.

    python -m benchmarks.recalibrate_events --cache C            # cross-validate the maps, report tune/check per source
    python -m benchmarks.recalibrate_events --cache C --write    # and write the chosen map to data/calibration/event.json
    python -m benchmarks.recalibrate_events --cache C --below-sample   # with the draws whose hidden events are sampled

Why: the event model's map (annotate/data/calibration/event.json) was fitted at stop 20 on GSR + audit + web tune
rows as they were then; the judged rows have since grown (the held-out draws s21..s24 are tuning data now) and the
rules changed, so the map's levels no longer say how often such events are right (stop 24, check ECE: audit 0.092,
web 0.054). A full refit of the logistic model moves the weights of other event types and hid right GSR events
(stops 22 and 23: GSR shown check accuracy 0.333 -> 0.238); a monotone map over the model's output keeps the order
of the events and, with the display cut kept (`keep_cut`), the very set of events shown: only the numbers change.

Rows: benchmarks/recalibrate_rows.py (fit_events' rows of GSR, the audit, the web event set; with `--below-sample`
the source "draws", judged draws whose every shown event and a uniform sample of whose hidden ones are judged, and
then the maps fitted without the audit's hidden rows, a selection: `fit_rows`). Stop 26 kept iso:20+cut so chosen.

The maps tried (`METHODS`), each a function of the model's raw output (the logistic probability), so the component
applies them unchanged (annotate/calibration.py `apply_map`):
- `inplace`: the map in place;
- `transfer`: the map in place and the transfer layer after it, as the component gives confidences from stop 31 (not
  fitted here: annotate/event_transfer.py, benchmarks/transfer_fit.py; `--methods inplace --method transfer`);
- `shown:<k>`: only the heights of the map's steps at or above the display threshold refitted (isotonic, at least k
  rows per step), the steps below kept: above the threshold every event of the audit and the web set is judged,
  below it the audit judged a selection (events an earlier model showed, or sampled), so the rows there disagree by
  source (on LGL news, middle steps: audit draws right 0.66, the web set 0.45) and a refit follows the mix;
- `levels:<k>`: the map in place with its step levels refitted (isotonic regression of the right share on the
  confidence in place, at least k rows per step): the same steps, new heights;
- `platt-conf`, `platt-raw`: Platt scaling (two parameters) on the logit of the confidence in place or of the raw output;
- `iso:<k>`: a new isotonic map over the raw output (at least k rows per step);
each with `+cut`: values of events shown now (confidence in place >= the display threshold) floored at it and the
others capped under it, so the shown events and every precision and recall figure stay as they are.
Rows are weighted 1 each, or (`/bal`) so that each source carries the same total weight.
Chosen by grouped cross-validation on the tune rows only (folds by source and unit, `FOLDS` x `REPEATS`), scored by
the worst out-of-fold ECE over the audit, the web set and all pooled (GSR's 44 tune events give an ECE floor of about
0.12 by chance alone: reported, not a criterion); the map chosen is the best of `FAMILY` (`choose`: why only that
family; with `--below-sample`, every family), the others are reported. The check parts only report.
"""

from __future__ import annotations

import argparse
import json
import math
import random
from collections.abc import Callable
from pathlib import Path

from benchmarks.calibration import (
    expected_calibration_error,
    fit_isotonic,
    fit_logistic,
    predict_logistic,
    summary,
)
from benchmarks.recalibrate_rows import (  # noqa: F401 (judged_for, HELD_OUT_PREFIXES: the tests read them here)
    AUDIT_LABELS,
    BELOW_SAMPLE,
    HELD_OUT_PREFIXES,
    REREAD,
    WEB_LABELS,
    Map,
    Row,
    add_row_arguments,
    apply,
    fit_rows,
    in_place,
    judged_for,
    load,
    raw_of,
    weight,
)
from benchmarks.splits import PARTS

FOLDS, REPEATS = 5, tuple(range(10))
METHODS = ("inplace", "shown:20", "shown:40", "levels:20", "levels:40", "platt-conf", "platt-raw", "iso:20", "iso:40", "iso:80")
#: The maps that may be chosen: `shown` (the heights of the steps at or above the display threshold). Why not the
#: lowest CV score over every family: below the threshold the audit's judged rows are a selection (LGL middle steps:
#: audit draws right 80/121, the web set, every event judged, 87/193), so a map refitted there learns the mix of the
#: sources' sampling, not how often such events are right; and the CV scores of the other families are within one
#: another's noise (stop 25, e4b5003 rows: iso:40+cut 0.059 +- 0.010 over 10 repeats, iso:80+cut 0.060, levels:40+cut
#: 0.063, shown:20+cut 0.070 +- 0.005, the map in place 0.088), so the choice among them flips with the rows (iso:40,
#: then on e1's rows levels:20/bal; web check ECE 0.053 -> 0.065 and 0.071). Pooled and unweighted: a source-balanced
#: fit gives GSR's 44 events a third of the weight and merges the two shown steps (CV 0.088).
#: With `--below-sample` the argument falls (the audit's hidden rows are left out of the fit) and every family may be
#: chosen (stop 26: iso:20+cut, CV 0.098 +- 0.018, the map in place 0.115).
FAMILY = ("shown",)
#: Under the display threshold a kept-cut map stays this far below it (calibrate() rounds to 3 places).
CUT_MARGIN = 0.01
#: The sources whose out-of-fold ECE chooses the map ("all": every source pooled).
CRITERION = ("audit", "web", "draws", "all")

def _logit(p: float) -> float:
    p = min(1 - 1e-4, max(1e-4, p))
    return math.log(p / (1 - p))


def _platt(scores: list[float], ys: list[bool], w: list[float] | None) -> Callable[[float], float]:
    m = fit_logistic([{"z": _logit(s)} for s in scores], ys, l2=1e-3, weights=w)
    return lambda s: predict_logistic(m, {"z": _logit(s)})


def cut_of(m: Map, threshold: float) -> float:
    """The lowest raw output the map `m` gives `threshold` or more (bisection; 1.01 when none)."""
    if apply(m, 1.0) < threshold:
        return 1.01
    lo, hi = 0.0, 1.0
    for _ in range(60):
        mid = (lo + hi) / 2
        lo, hi = (lo, mid) if apply(m, mid) >= threshold else (mid, hi)
    return hi


def fit_map(method: str, raws: list[float], ys: list[bool], w: list[float] | None, base: Map,
            threshold: float) -> Map:
    """The map of `method` (see the module's docstring) fitted on these rows, over the raw output."""
    name, _, cut = method.partition("+")
    how, _, k = name.partition(":")
    conf = [apply(base, r) for r in raws]
    if how == "inplace":
        m = (list(base[0]), list(base[1]))
    elif how == "transfer":
        # the map in place with the transfer layer after it (annotate/event_transfer.py), as the component applies
        # them: the layer's values of the map's heights (its display cut is then EVENTS_THRESHOLD, not `threshold`)
        from newsgraph.annotate.event_transfer import event

        m = (list(base[0]), [round(event(y), 4) for y in base[1]])
    elif how == "shown":
        # only the steps at or above the display threshold: there every event is judged (no sampling), below it the
        # audit judged a selection; the steps below stay the map in place
        top = [(c, y, v) for c, y, v in zip(conf, ys, w or [1.0] * len(ys), strict=True) if c >= threshold]
        tc, ty, tw = [t[0] for t in top], [t[1] for t in top], [t[2] for t in top]
        gx, gy = fit_isotonic(tc, ty, min_block=int(k)) if w is None else _weighted_iso(tc, ty, tw, int(k))
        m = (list(base[0]), [round(apply((gx, gy), y), 4) if y >= threshold else y for y in base[1]])
    elif how in ("levels", "platt-conf"):
        if how == "levels":
            gx, gy = fit_isotonic(conf, ys, min_block=int(k)) if w is None else _weighted_iso(conf, ys, w, int(k))
            def g(c: float) -> float:
                return apply((gx, gy), c)
        else:
            g = _platt(conf, ys, w)
        m = (list(base[0]), [round(g(y), 4) for y in base[1]])
    elif how == "platt-raw":
        g = _platt(raws, ys, w)
        xs = sorted({i / 200 for i in range(201)} | {round(r, 4) for r in base[0]})
        m = (xs, [round(g(x), 4) for x in xs])
    elif how == "iso":
        m = fit_isotonic(raws, ys, min_block=int(k)) if w is None else _weighted_iso(raws, ys, w, int(k))
    else:
        raise ValueError(f"unknown method {method!r}")
    return keep_cut(m, base, threshold) if cut == "cut" else m


def _weighted_iso(xs: list[float], ys: list[bool], w: list[float], k: int) -> Map:
    """Isotonic regression with row weights, by replicating rows in proportion to their weight (rounded to tenths)."""
    rx, ry = [], []
    for x, y, v in zip(xs, ys, w, strict=True):
        n = max(1, round(v * 10))
        rx += [x] * n
        ry += [y] * n
    return fit_isotonic(rx, ry, min_block=k * 10)


def keep_cut(m: Map, base: Map, threshold: float) -> Map:
    """`m` with the events the map in place shows (raw at or above its cut) floored at `threshold` and the others
    capped at `threshold - CUT_MARGIN`: the same events are shown, the map stays non-decreasing."""
    cut = cut_of(base, threshold)
    below = cut - 1e-7  # unrounded: a raw output at or above `cut` gets `threshold` or more, as it did
    # the map's own points (a repeated x is a vertical step: kept as it is), and the two around the cut
    pts = [(x, y) for x, y in zip(m[0], m[1], strict=True) if x < below or x > cut]
    pts += [(below, apply(m, below)), (cut, apply(m, cut))]
    pts.sort(key=lambda t: t[0])  # stable: a vertical step keeps its order
    xs = [x for x, _ in pts]
    ys = [round(min(y, threshold - CUT_MARGIN) if x < cut else max(y, threshold), 4) for x, y in pts]
    for i in range(1, len(ys)):
        ys[i] = max(ys[i], ys[i - 1])
    return xs, ys


def weights_of(sources: list[str], balanced: bool) -> list[float] | None:
    from benchmarks.fit_events import source_weights

    return source_weights(sources, 1.0) if balanced else None


def ece_by_source(items: list[tuple[str, float, bool, float]]) -> dict[str, float]:
    """ECE per source and pooled ("all") of (source, confidence, right, weight) items."""
    out = {}
    for s in sorted({i[0] for i in items}) + ["all"]:
        sel = [i for i in items if s in (i[0], "all")]
        out[s] = expected_calibration_error([i[1] for i in sel], [i[2] for i in sel], weights=[i[3] for i in sel])
    return out


def out_of_fold(tune: list[Row], predict: Callable[[list[Row], list[Row]], list[float]]) -> dict[str, list[float]]:
    """Per source and pooled, the out-of-fold ECE of each of REPEATS: folds grouped by (source, unit), `predict(train,
    held)` giving the confidences of the held rows from a map fitted on the train rows."""
    units = sorted({(r[0], r[4]) for r in tune})
    acc: dict[str, list[float]] = {}
    for seed in REPEATS:
        order = units[:]
        random.Random(seed).shuffle(order)
        fold = {u: i % FOLDS for i, u in enumerate(order)}
        items = []
        for k in range(FOLDS):
            train = [r for r in tune if fold[(r[0], r[4])] != k]
            held = [r for r in tune if fold[(r[0], r[4])] == k]
            items += [(r[0], c, r[3], weight(r)) for r, c in zip(held, predict(train, held), strict=True)]
        for s, e in ece_by_source(items).items():
            acc.setdefault(s, []).append(e)
    return acc


def cross_validate(rows: list[Row], method: str, balanced: bool, base: Map, threshold: float) -> dict:
    """Mean over REPEATS of the out-of-fold ECE per source and pooled, folds grouped by (source, unit)."""
    tune = [r for r in rows if r[1] == "tune"]
    raw = {id(r): raw_of(r[2]) for r in tune}

    def predict(train: list[Row], held: list[Row]) -> list[float]:
        m = fit_map(method, [raw[id(r)] for r in train], [r[3] for r in train],
                    weights_of([r[0] for r in train], balanced), base, threshold)
        return [apply(m, raw[id(r)]) for r in held]

    acc = out_of_fold(tune, predict)
    out = {s: round(sum(v) / len(v), 4) for s, v in acc.items()}
    out["worst"] = max(out[s] for s in CRITERION if s in out)
    # how much the worst source's ECE moves between repeats (fold assignments): differences below it are noise
    worst = [max(acc[s][i] for s in CRITERION if s in acc) for i in range(len(REPEATS))]
    out["worst_spread"] = round(max(worst) - min(worst), 4)
    mean = sum(worst) / len(worst)
    out["worst_sd"] = round((sum((v - mean) ** 2 for v in worst) / len(worst)) ** 0.5, 4)
    return out


def size(name: str, m: Map, threshold: float) -> int:
    """Fitted values of a map (`m` fitted without the kept cut, which adds no fitted value): 2 for Platt scaling, the
    refitted heights for `shown`, else its distinct heights (0 for the map in place)."""
    if name == "inplace":
        return 0
    if "platt" in name:
        return 2
    if name.startswith("shown"):
        return len({y for y in m[1] if y >= threshold})
    return len(set(m[1]))


def choose(cv: dict[str, dict], sizes: dict[str, int], family: tuple[str, ...] = FAMILY) -> str:
    """Among the maps of the `FAMILY` (unweighted, the cut kept), the lowest worst-source CV ECE, then the fewest
    fitted values; the other maps are reported, not chosen (see `FAMILY`)."""
    mine = [n for n in cv if n.split(":")[0].split("+")[0] in family and "+cut" in n and not n.endswith("/bal")] or list(cv)
    return min(mine, key=lambda n: (cv[n]["worst"], sizes[n], n))


def report(rows: list[Row], m: Map, label: str) -> dict:
    """ECE and reliability table per source and part under the map `m` (printed)."""
    out = {}
    for s in ("gsr", "audit", "web", "draws", "all"):
        for p in PARTS:
            sel = [(apply(m, raw_of(r[2])), r[3], weight(r)) for r in rows if r[1] == p and s in (r[0], "all")]
            if not sel:
                continue
            res = summary([c for c, _, _ in sel], [y for _, y, _ in sel], [w for _, _, w in sel])
            out[f"{s}/{p}"] = res
            print_summary(label, f"{s:5s}", p, res)
    return out


def print_summary(label: str, name: str, part: str, res: dict) -> None:
    """One source's (and part's) ECE line and reliability table, as `report` prints them (recalibrate_register too)."""
    print(f"{label}: {name} {part:5s} n={res['n']:4d} right={res['accuracy']} conf={res['confidence']} "
          f"ECE={res['ece']}")
    for t in res["table"]:
        print(f"      {t['bin']}  n={t['n']:4d}  conf={t['confidence']:.3f}  right={t['accuracy']:.3f}")


def predictors_of(m: Map, layer: bool = False) -> dict[str, Callable[[dict], float]]:
    """fit_events' predictors with the event map `m` (the actors' models and maps in place); `layer`: the actors'
    values through the transfer layer too, as the component gives them (`m` is then the "transfer" map)."""
    from newsgraph.annotate.calibration import apply_map, load_map, logistic
    from newsgraph.annotate.event_transfer import event

    predictors = {"event": lambda f: apply(m, raw_of(f))}
    for role in ("source", "target"):
        predictors[f"event_{role}"] = lambda f, k=f"event_{role}": event(apply_map(load_map(k), logistic(k, f) or 0.0),
                                                                        layer)
    return predictors


def shown_precision(judged: dict, m: Map, threshold: float, layer: bool = False) -> dict:
    """Per source and part: events shown at `threshold` under `m` among the judged ones, and right as shown
    (benchmarks/audit/web_events.py `right`: happened, type, shown actors; `layer`: see `predictors_of`)."""
    from benchmarks.fit_events_threshold import judged_precision

    predictors = predictors_of(m, layer)
    out = {}
    for name, (events, js) in judged.items():
        for p in PARTS:
            n, ok = judged_precision(events, js, predictors, threshold, p)
            out[f"{name}/{p}"] = {"shown": n, "right": ok, "precision": round(ok / n, 3) if n else None}
    return out


def main(argv: list[str] | None = None) -> int:
    from benchmarks.recalibrate_rows import threshold_in_place
    from benchmarks.tasks.events import _threshold

    ap = argparse.ArgumentParser(prog="python -m benchmarks.recalibrate_events", description=__doc__.split("\n\n")[0])
    add_row_arguments(ap)
    ap.add_argument("--methods", default=",".join(METHODS), help="maps tried (each also with +cut)")
    ap.add_argument("--method", default=None, help="use this map (e.g. levels:20+cut/bal) instead of the CV choice")
    ap.add_argument("--move-cut", action="store_true", help="also try maps that move the display cut (which events "
                    "are shown); by default every map tried keeps it (`keep_cut`)")
    ap.add_argument("--below-sample", type=Path, nargs="?", const=BELOW_SAMPLE, default=None,
                    help="add the source 'draws': the judged draws of a random sample of hidden events "
                    f"(benchmarks/audit/below.py keys; default {BELOW_SAMPLE.name}), their pages out of the audit's")
    ap.add_argument("--family", default=None, help="the map families that may be chosen (default: FAMILY, or every "
                    "family with --below-sample, whose fit leaves out the audit's hidden rows: recalibrate_rows.fit_rows)")
    ap.add_argument("--write", action="store_true", help="write the chosen map to annotate/data/calibration/event.json")
    ap.add_argument("--out", type=Path, default=None, help="write the report here (JSON)")
    a = ap.parse_args(argv)
    threshold = threshold_in_place()  # the display cut on the map in place's scale (the layer comes after it)
    rows, gsr, judged = load(a.cache, a.audit_labels.split(","), a.web_labels.split(","), a.below_sample,
                                 a.reread)
    base = in_place()
    family = tuple(a.family.split(",")) if a.family else FAMILY
    fitted = rows
    if a.below_sample is not None:
        fitted = fit_rows(rows, base, threshold)
        family = tuple(a.family.split(",")) if a.family else tuple(m.split(":")[0] for m in METHODS if m != "inplace")
        print(f"fitted on {len(fitted)} of {len(rows)} rows (the audit's {len(rows) - len(fitted)} hidden rows, a "
              f"selection, left out); families that may be chosen: {', '.join(dict.fromkeys(family))}")
    print("event rows: " + ", ".join(f"{s} {p} {sum(1 for r in rows if r[0] == s and r[1] == p)}"
                                      for s in ("gsr", "audit", "web", "draws") for p in PARTS))
    cv = {}
    for method in filter(None, a.methods.split(",")):
        for variant in ("+cut", "") if a.move_cut else ("+cut",):
            if method == "inplace":
                variant = ""
            for balanced in (False, True):
                name = f"{method}{variant}{'/bal' if balanced else ''}"
                if name in cv or (method == "inplace" and balanced):
                    continue
                cv[name] = cross_validate(fitted, method + variant, balanced, base, threshold)
                print(f"CV {name:22s} {cv[name]}")
    tune = [r for r in fitted if r[1] == "tune"]
    sizes = {n: size(n, fit_map(n.partition("/")[0].partition("+")[0], [raw_of(r[2]) for r in tune], [r[3] for r in tune],
                                weights_of([r[0] for r in tune], n.endswith("/bal")), base, threshold), threshold)
             for n in cv}
    chosen = a.method or choose(cv, sizes, family)
    print(f"chosen: {chosen} (CV worst-source ECE {cv.get(chosen, {}).get('worst')}, {sizes.get(chosen)} fitted values)")
    method, _, bal = chosen.partition("/")
    m = fit_map(method, [raw_of(r[2]) for r in tune], [r[3] for r in tune],
                weights_of([r[0] for r in tune], bal == "bal"), base, threshold)
    t_after = _threshold("events") if method == "transfer" else threshold  # the layer's scale (see fit_map)
    res = {"cv": cv, "chosen": chosen, "before": report(rows, base, "in place"), "after": report(rows, m, chosen),
           "shown_before": shown_precision(judged, base, threshold), "shown_after": shown_precision(judged, m, t_after, method == "transfer")}
    every = [e[4]["event"] for name in judged for e in judged[name][0] if e[3] == "asserted"]
    every += [f["event"] for _p, _g, evs in gsr for _t, status, _s, _t2, f in evs if f is not None and status == "asserted"]
    moved = sum((apply(base, raw_of(f)) >= threshold) != (apply(m, raw_of(f)) >= t_after) for f in every)
    res["shown_moved"] = moved
    print(f"events whose shown state the new map changes: {moved} of {len(every)} asserted events (judged or not)")
    for k in res["shown_before"]:
        print(f"shown at {threshold}: {k:12s} in place {res['shown_before'][k]}  ->  {res['shown_after'][k]}")
    from benchmarks.fit_events_threshold import print_sweep, sweep

    print("the display threshold rule (benchmarks/fit_events_threshold.py) under the new map:")
    res["threshold_chosen"] = print_sweep(sweep(predictors_of(m, method == "transfer"), gsr, judged["audit"][0], judged["web"][0]))
    if a.write:
        write(m, chosen, fitted, res)
    if a.out:
        a.out.write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    return 0


def write(m: Map, chosen: str, rows: list[Row], res: dict) -> Path:
    from benchmarks.calibration import write_map

    n = {s: sum(1 for r in rows if r[0] == s and r[1] == "tune") for s in ("gsr", "audit", "web", "draws")}
    note = (f"benchmarks/recalibrate_events.py {chosen}: a monotone map over the event model's output, fitted on the "
            f"tune rows of every judged source pooled (GSR {n['gsr']} + audit {n['audit']} + web {n['web']}"
            + (f" + draws {n['draws']}, the audit's hidden rows left out" if n["draws"] else "")
            + "), chosen by grouped cross-validation; the model (event_model.json) unchanged")
    return write_map("event", m[0], m[1], note, method=chosen, **{f"check_ece_{s}": res["after"].get(f"{s}/check", {}).get("ece")
                                                                   for s in ("gsr", "audit", "web", "draws", "all")})


if __name__ == "__main__":
    raise SystemExit(main())
