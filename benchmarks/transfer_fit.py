"""A transfer layer: a monotone map from a confidence as it was to how often such items were right on unseen news.

Why: on every held-out draw since stop 21 the shown events were right far less often than their confidence said
(pooled before snapshots: 0.59 strict at mean confidence 0.90), while the map in place looks under-confident on rows
rebuilt on current code (those draws were tuned on after they were judged). The rows of benchmarks/transfer_rows.py
(each held-out draw's "before" snapshot, confidence at the time, judged) are the only ones that measure news nobody
tuned on, so a layer is fitted on them and checked leave-one-stop-out (LOSO): fitted on the other stops' rows,
applied to the left-out stop's confidences, ECE and reliability against the confidences as they were; a paired
bootstrap over the left-out stop's pages gives the spread of the difference.

Methods (each a monotone g: [0, 1] -> [0, 1]):
- `iso`: few-step isotonic (benchmarks/calibration.py `fit_isotonic`, blocks of at least `MIN_BLOCK` rows);
- `platt`: logistic on logit(confidence) (two parameters, a light L2 toward the identity a=1, b=0);
- `platt-recent`: the same with each stop's rows weighted `DECAY` ** (stops before the newest training stop);
- `platt-27`: fitted on stops >= 27 only (the registers and code of the last four stops).

`python -m benchmarks.transfer_fit --kind events` prints the tables; `--write` fits the chosen method on every stop
and writes src/newsgraph/annotate/data/calibration/event_transfer.json (the refit after a new held-out draw).
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Callable, Sequence

from benchmarks.calibration import expected_calibration_error, fit_isotonic, reliability_table
from benchmarks.transfer_rows import Row, rows, shown_then

MIN_BLOCK = 30
DECAY = 0.75
METHODS = ("iso", "platt", "platt-recent", "platt-27")
LABELS = ("right", "strict", "extra")  # as scored; strict; events: happened and type right (the map's own label)
BOOT = 1000
Map = Callable[[float], float]


def _logit(p: float) -> float:
    p = min(1 - 1e-4, max(1e-4, p))
    return math.log(p / (1 - p))


def fit_platt(xs: Sequence[float], ys: Sequence[bool], ws: Sequence[float] | None = None, l2: float = 1.0,
              ) -> tuple[float, float]:
    """(a, b) of P = sigmoid(a * logit(x) + b), weighted maximum likelihood by Newton steps; the L2 pulls toward the
    identity (a = 1, b = 0) so a stop with few rows cannot bend the map far."""
    ws = [1.0] * len(xs) if ws is None else list(ws)
    zs = [_logit(x) for x in xs]
    ys_ = [1.0 if y else 0.0 for y in ys]

    def loss(a: float, b: float) -> float:
        out = 0.5 * l2 * ((a - 1) ** 2 + b * b)
        for z, y, w in zip(zs, ys_, ws, strict=True):
            t = max(-30.0, min(30.0, a * z + b))
            out += w * (math.log1p(math.exp(t)) - y * t)
        return out

    a, b = 1.0, 0.0
    cur = loss(a, b)
    for _ in range(100):
        ga, gb = l2 * (a - 1), l2 * b
        haa, hab, hbb = l2, 0.0, l2
        for z, y, w in zip(zs, ys_, ws, strict=True):
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, a * z + b))))
            ga += (p - y) * w * z
            gb += (p - y) * w
            v = p * (1 - p) * w
            haa += v * z * z
            hab += v * z
            hbb += v
        det = haa * hbb - hab * hab
        da, db = (hbb * ga - hab * gb) / det, (haa * gb - hab * ga) / det
        step = 1.0
        while step > 1e-6 and loss(a - step * da, b - step * db) > cur:  # halve until the loss falls (damped Newton)
            step /= 2
        a, b = a - step * da, b - step * db
        new = loss(a, b)
        if cur - new < 1e-10:
            break
        cur = new
    return a, b


def platt_map(a: float, b: float) -> Map:
    return lambda x: 1 / (1 + math.exp(-max(-30.0, min(30.0, a * _logit(x) + b))))


def iso_map(xs: Sequence[float], ys: Sequence[bool], ws: Sequence[float] | None = None,
            ) -> tuple[Map, tuple[list[float], list[float]]]:
    from benchmarks.calibration import apply

    px, py = fit_isotonic(xs, ys, min_block=MIN_BLOCK, weights=ws)
    return (lambda x: apply(px, py, x)), (px, py)


def fit(method: str, train: list[Row], label: str = "right") -> Map:
    """The map of `method` fitted on `train` (see the module's docstring)."""
    if method == "platt-27":
        train = [r for r in train if int(r.stop[1:]) >= 27]
    xs, ys = [r.conf for r in train], [bool(getattr(r, label)) for r in train]
    # design weights (transfer_rows.Row.w: a sampled hidden event stands for 1 / rate of them); None when all are 1
    ws = [getattr(r, "w", 1.0) for r in train]
    ws = ws if any(w != 1.0 for w in ws) else None
    if method == "iso":
        return iso_map(xs, ys, ws)[0]
    if method == "platt-recent":
        newest = max(int(r.stop[1:]) for r in train)
        ws = [DECAY ** (newest - int(r.stop[1:])) * getattr(r, "w", 1.0) for r in train]
    return platt_map(*fit_platt(xs, ys, ws))


def fit_rows(rs: list[Row], kind: str) -> list[Row]:
    """The rows a layer of `kind` is fitted and checked on: events that were asserted (others are never shown)."""
    out = [r for r in rs if r.kind == kind]
    if kind == "events":
        out = [r for r in out if r.status == "asserted"]
    return out


def _ece(ps: list[float], ys: list[bool]) -> float:
    return expected_calibration_error(ps, ys)


def _brier(ps: list[float], ys: list[bool]) -> float:
    """Mean squared error of the confidence (a proper score: less noisy per stop than ECE's bins)."""
    return sum((p - (1.0 if y else 0.0)) ** 2 for p, y in zip(ps, ys, strict=True)) / len(ps) if ps else 0.0


def pages(rs: list[Row]) -> tuple[dict[tuple[str, str], list[Row]], dict[str, list[tuple[str, str]]]]:
    """({(stop, page): its rows}, {stop: its (stop, page) keys}): the units a page bootstrap draws, per stop."""
    by: dict[tuple[str, str], list[Row]] = {}
    for r in rs:
        by.setdefault((r.stop, r.page), []).append(r)
    stops: dict[str, list[tuple[str, str]]] = {}
    for k in by:
        stops.setdefault(k[0], []).append(k)
    return by, stops


def boot_diff(left: list[Row], gl: dict[int, float], label: str, rng: random.Random, n: int = BOOT,
              metric: Callable[[list[float], list[bool]], float] = _ece) -> tuple[float, float, float]:
    """`metric` (ECE) as it was minus under the layer's values `gl` (by id of row) on `left` (positive: the layer is
    better), with the 2.5 and 97.5 percentiles of a paired bootstrap over pages (stratified by stop)."""
    by, stops = pages(left)

    def diff(sel: list[Row]) -> float:
        ys = [bool(getattr(r, label)) for r in sel]
        return metric([r.conf for r in sel], ys) - metric([gl[id(r)] for r in sel], ys)

    ds = []
    for _ in range(n):
        sel: list[Row] = []
        for keys in stops.values():
            for _k in keys:
                sel += by[rng.choice(keys)]
        ds.append(diff(sel))
    ds.sort()
    return round(diff(left), 4), round(ds[int(0.025 * n)], 4), round(ds[int(0.975 * n) - 1], 4)


def loso(rs: list[Row], method: str, label: str = "right") -> dict[str, Map]:
    """{left-out stop: the map fitted on the other stops' rows}."""
    return {s: fit(method, [r for r in rs if r.stop != s], label) for s in sorted({r.stop for r in rs})}


def report(rs: list[Row], label: str = "right", methods: Sequence[str] = METHODS, seed: int = 31, boot: int = BOOT,
           ) -> dict:
    """Per method and left-out stop: n, share right, mean confidence as it was and under g, ECE both ways, the
    bootstrap difference; pooled (each stop's rows under its own LOSO map) with a stratified bootstrap."""
    rng = random.Random(seed)
    out: dict[str, dict] = {}
    for m in methods:
        maps = loso(rs, m, label)
        per: dict[str, dict] = {}
        gl: dict[int, float] = {}
        for s, g in maps.items():
            left = [r for r in rs if r.stop == s]
            ys = [bool(getattr(r, label)) for r in left]
            ps = [g(r.conf) for r in left]
            gl.update({id(r): p for r, p in zip(left, ps, strict=True)})
            d, lo, hi = boot_diff(left, gl, label, rng, boot // 4)
            bd = boot_diff(left, gl, label, rng, boot // 4, _brier)
            sh = [r for r in left if r.shown]
            per[s] = {"n": len(left), "right": round(sum(ys) / len(ys), 3),
                      "conf": round(sum(r.conf for r in left) / len(left), 3), "conf_g": round(sum(ps) / len(ps), 3),
                      "ece": _ece([r.conf for r in left], ys), "ece_g": _ece(ps, ys), "diff": d, "ci": [lo, hi],
                      "brier_diff": round(bd[0], 4), "brier_ci": [round(bd[1], 4), round(bd[2], 4)],
                      "shown": f"{sum(bool(getattr(r, label)) for r in sh)}/{len(sh)}",
                      "shown_conf": round(sum(r.conf for r in sh) / len(sh), 3) if sh else None,
                      "shown_conf_g": round(sum(g(r.conf) for r in sh) / len(sh), 3) if sh else None}
        ys = [bool(getattr(r, label)) for r in rs]
        pooled_g = [gl[id(r)] for r in rs]
        d, lo, hi = boot_diff(rs, gl, label, rng, boot)
        per["pooled"] = {"n": len(rs), "right": round(sum(ys) / len(ys), 3),
                         "conf": round(sum(r.conf for r in rs) / len(rs), 3),
                         "conf_g": round(sum(pooled_g) / len(rs), 3), "ece": _ece([r.conf for r in rs], ys),
                         "ece_g": _ece(pooled_g, ys), "diff": d, "ci": [lo, hi],
                         "table": reliability_table([r.conf for r in rs], ys),
                         "table_g": reliability_table(pooled_g, ys),
                         "wins": sum(v["ece_g"] < v["ece"] for k, v in per.items() if k != "pooled"),
                         "wins_beyond_noise": sum(v["ci"][0] > 0 for k, v in per.items() if k != "pooled"),
                         "losses_beyond_noise": sum(v["ci"][1] < 0 for k, v in per.items() if k != "pooled"),
                         "brier_wins_beyond_noise": sum(v["brier_ci"][0] > 0 for k, v in per.items() if k != "pooled"),
                         "brier_losses_beyond_noise": sum(v["brier_ci"][1] < 0 for k, v in per.items()
                                                          if k != "pooled")}
        out[m] = per
    return out


def thresholds(rs: list[Row], method: str, label: str = "right", cuts: Sequence[float] = (0.5, 0.6, 0.7, 0.8, 0.85,
               0.9, 0.95, 0.98), rng_seed: int = 31) -> list[dict]:
    """Precision and recall of the events shown at each cut ON THE CONFIDENCE AS IT WAS (g is monotone, so a cut
    there is a cut on g's scale at LOSO's g(cut) per stop), pooled over stops with a page bootstrap of precision;
    recall over the right asserted events at >= 0.5 (every one judged on every draw). Also the pooled LOSO
    confidence at the cut (what the threshold is on the new scale)."""
    rng = random.Random(rng_seed)
    maps = loso(rs, method, label)
    census = [r for r in rs if r.conf >= 0.5]

    def ok_w(sel: list[Row]) -> float:  # right, weighted by design (a sampled hidden event stands for 1 / rate)
        return sum(r.w * bool(getattr(r, label)) for r in sel)

    right_all = ok_w(census)
    out = []
    for c in cuts:
        sh = [r for r in census if r.conf >= c]
        ok, tw = ok_w(sh), sum(r.w for r in sh)
        by: dict[tuple[str, str], list[Row]] = {}
        for r in census:
            by.setdefault((r.stop, r.page), []).append(r)
        keys = list(by)
        ps = []
        for _ in range(BOOT // 2):
            sel = [r for _k in keys for r in by[rng.choice(keys)] if r.conf >= c]
            if sel:
                ps.append(ok_w(sel) / sum(r.w for r in sel))
        ps.sort()
        per = {}
        for s in sorted({r.stop for r in sh}):
            ss = [r for r in sh if r.stop == s]
            per[s] = f"{sum(bool(getattr(r, label)) for r in ss)}/{len(ss)}"
        out.append({"cut_old": c, "cut_new": round(sum(maps[r.stop](c) for r in sh) / len(sh), 3) if sh else None,
                    "shown": len(sh), "right": round(ok, 2), "precision": round(ok / tw, 3) if sh else None,
                    "ci": [round(ps[int(0.025 * len(ps))], 3), round(ps[int(0.975 * len(ps)) - 1], 3)] if ps else None,
                    "recall": round(ok / right_all, 3) if right_all else None, "per_stop": per})
    return out


def current_levels(rs: list[Row], since: int = 36) -> list[float]:
    """The event confidences (before the layer) the current code emits at >= 0.5: the levels of the rows of the
    draws built on it (stop `since` on: the code of stops 35..37, the map in place since stop 29). The display rule on
    these levels only (NOTES stop 35 v11, "Left (1)": older maps' levels, 0.80/0.81, are no longer emitted)."""
    return sorted({round(r.conf, 3) for r in rs if int(r.stop[1:]) >= since and r.conf >= 0.5})


def chosen_cut(ts: list[dict]) -> float | None:
    """The display rule (settings.EVENTS_THRESHOLD, stops 31 and 33): of `thresholds`' cuts, the lowest whose pooled
    shown precision lies within the 95 % page-bootstrap interval of the highest cut's (precision first, but no
    recall given up for a gain the draws cannot tell from noise)."""
    top = next((t for t in reversed(ts) if t["ci"]), None)
    if top is None:
        return None
    lo, hi = top["ci"]
    return next(t["cut_old"] for t in ts if t["precision"] is not None and lo <= t["precision"] <= hi)


def _shown(sel: list[Row], label: str, conf: Callable[[Row], float]) -> dict:
    """Right/shown and the mean confidence (`conf` of a row) of the events a display shows."""
    return {"right": sum(bool(getattr(r, label)) for r in sel), "shown": len(sel),
            "conf": round(sum(conf(r) for r in sel) / len(sel), 3) if sel else None}


def held_out(rs: list[Row], label: str = "right", seed: int = 32, boot: int = BOOT) -> dict:
    """The LANDED layer (data/calibration/event_transfer.json, not refitted) scored on the rows of the draws still
    held out: per draw and pooled, the share right, mean confidence and ECE as the code of the time gave them and
    under the layer, the page bootstrap of the ECE difference, and the shown events at the display of the time
    (`transfer_rows.shown_then`) and under the layer (>= settings.EVENTS_THRESHOLD): right/shown and mean confidence."""
    from newsgraph.annotate import event_transfer
    from newsgraph.settings import EVENTS_THRESHOLD

    rng = random.Random(seed)
    gl = {id(r): event_transfer.event(r.conf) for r in rs}
    out: dict[str, dict] = {}
    for name, part in [*((lab, [r for r in rs if r.label == lab]) for lab in sorted({r.label for r in rs})),
                       ("pooled", rs)]:
        if not part:
            continue
        ys = [bool(getattr(r, label)) for r in part]
        ps = [gl[id(r)] for r in part]
        d, lo, hi = boot_diff(part, gl, label, rng, boot)
        then = [r for r in part if shown_then(r)]
        now = [r for r in part if gl[id(r)] >= EVENTS_THRESHOLD]
        out[name] = {"n": len(part), "right": round(sum(ys) / len(ys), 3),
                     "conf": round(sum(r.conf for r in part) / len(part), 3), "conf_g": round(sum(ps) / len(ps), 3),
                     "ece": _ece([r.conf for r in part], ys), "ece_g": _ece(ps, ys), "diff": d, "ci": [lo, hi],
                     "shown_then": _shown(then, label, lambda r: r.conf),
                     "shown_now": _shown(now, label, lambda r: gl[id(r)]),
                     "table_g": reliability_table(ps, ys)}
    return out


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m benchmarks.transfer_fit", description=__doc__.splitlines()[0])
    ap.add_argument("--kind", default="events", help="events, quotes, dates, facts, topics:<type>")
    ap.add_argument("--label", default="right", choices=LABELS)
    ap.add_argument("--methods", default=",".join(METHODS))
    ap.add_argument("--thresholds", default="", help="also the display cuts under this method")
    ap.add_argument("--tables", action="store_true", help="print the pooled reliability tables")
    ap.add_argument("--current-levels", action="store_true", help="with --thresholds: only the rows at a level the "
                    "current code emits, each level a cut (current_levels)")
    ap.add_argument("--write", default="", help="fit this method on every stop and write the layer's data file")
    ap.add_argument("--held-out", action="store_true", help="score the landed layer on the draws still held out "
                    "(recalibrate_rows.HELD_OUT_PREFIXES; events only), no fitting")
    a = ap.parse_args()
    if a.held_out:
        print(json.dumps(held_out(fit_rows(rows(("events",), held_out=True), "events"), a.label), indent=1))
        return
    rs = fit_rows(rows(), a.kind)
    res = report(rs, a.label, a.methods.split(","))
    for m, per in res.items():
        print(f"\n{a.kind} [{a.label}] {m}: left-out stop  n  right  conf -> g  ECE -> g  diff [95% CI]")
        for s, v in per.items():
            extra = (f"  Brier {v['brier_diff']:+.4f} [{v['brier_ci'][0]:+.4f}, {v['brier_ci'][1]:+.4f}]  shown "
                     f"{v['shown']} at {v['shown_conf']} -> {v['shown_conf_g']}") if "brier_diff" in v else ""
            print(f"  {s:7} {v['n']:4} {v['right']:.3f} {v['conf']:.3f} -> {v['conf_g']:.3f}  {v['ece']:.4f} -> "
                  f"{v['ece_g']:.4f}  {v['diff']:+.4f} [{v['ci'][0]:+.4f}, {v['ci'][1]:+.4f}]{extra}")
        p = per["pooled"]
        print(f"  ECE wins {p['wins']}/{len(per) - 1}, beyond noise {p['wins_beyond_noise']}, losses beyond noise "
              f"{p['losses_beyond_noise']}; Brier beyond noise {p['brier_wins_beyond_noise']} won, "
              f"{p['brier_losses_beyond_noise']} lost")
        if a.tables:
            print("  as it was:", json.dumps(p["table"]))
            print("  under g:  ", json.dumps(p["table_g"]))
    if a.thresholds:
        print(f"\nthresholds ({a.thresholds}, label {a.label}):")
        if a.current_levels:
            lv = current_levels(rs)
            ts = thresholds([r for r in rs if round(r.conf, 3) in lv or r.conf < 0.5], a.thresholds, a.label, lv)
        else:
            ts = thresholds(rs, a.thresholds, a.label)
        for t in ts:
            print("  " + json.dumps(t))
        print(f"  the rule's cut (lowest within the highest cut's interval): {chosen_cut(ts)}")
    if a.write:
        print(write(rs, a.write, a.label, res.get(a.write, {}).get("pooled")))


def write(rs: list[Row], method: str, label: str, pooled: dict | None = None) -> str:
    """Fit `method` on every stop's rows and write it as the layer's data file (calibration map "event_transfer";
    a Platt map is written as its values at 0.01 steps, which the linear interpolation of the map reads back)."""
    from benchmarks.calibration import write_map
    from benchmarks.transfer_rows import labels

    if method == "iso":
        xs, ys = iso_map([r.conf for r in rs], [bool(getattr(r, label)) for r in rs],
                         [r.w for r in rs] if any(r.w != 1.0 for r in rs) else None)[1]
    else:
        g = fit(method, rs, label)
        xs = [i / 100 for i in range(101)]
        ys = [round(g(x), 4) for x in xs]
    note = (f"benchmarks/transfer_fit.py {method} (min block {MIN_BLOCK}) on the judged {len(rs)} asserted events of "
            f"the held-out draws' before snapshots ({', '.join(labels())}; confidence at the time -> right "
            f"'{label}': happened, type, shown actors right), every stop pooled; checked leave-one-stop-out "
            "(NOTES.md, stop 31 v7; refitted with s32, stop 33 v8; with s33 and s34, stop 34 v10). Refit: python -m "
            "benchmarks.transfer_fit --kind events --methods iso --write iso")
    extra = {"method": method, "label": label, "rows": len(rs)}
    if pooled:
        extra.update({"loso_ece_before": pooled["ece"], "loso_ece_after": pooled["ece_g"],
                      "loso_wins": pooled["wins"], "loso_wins_beyond_noise": pooled["wins_beyond_noise"]})
    return str(write_map("event_transfer", xs, ys, note, **extra))


if __name__ == "__main__":
    main()
