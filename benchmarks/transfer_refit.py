"""What refitting a transfer layer with the newest blind draws changes, judged leave-one-stop-out (LOSO).

Why a tool of its own: transfer_fit.py and topic_transfer.py score a layer against the confidence as it was. A
refit (stop 34 v10: stops 33 and 34's blind rows added to the events' and topics' layers) must also not make the
layer worse than the procedure without the new rows: for every stop, the map fitted on the other stops WITH the new
stops' rows against the map fitted on the other stops WITHOUT them (for a new stop itself: the layer fitted on the
old stops alone, i.e. the landed layer, against the LOSO map of the refit), ECE and Brier on the left-out stop's rows
with a paired page bootstrap (stratified by stop) of the difference (without minus with: positive, the refit is
better). Topic rows carry their design weights (topic_transfer.Row.w); event rows weigh 1.

Then what the refit shows on current records (records built by current code, the old layer in force): each
confidence is mapped back through the old layer's data file (read from git) to the map in place's value, on its
0.001 grid (confidence.calibrate rounds to 3 places), and forward through the refit; an item MOVES when it is shown
at the old threshold under the old layer and not at the new threshold under the refit, or the other way round. A
value with several preimages that disagree is counted apart (`ambiguous`). Actors: min(layer(actor), layer(event)).
For events also the shown events at the display threshold, LOSO on the layer's scale, before (maps without the new
rows, the old threshold) and after (maps with them, the new threshold). And where a threshold may sit: the layer's
values of the map in place's level below the display cut and the lowest level at or above it, under every LOSO map
(`gap`), so that the setting lies inside the gap of as many one-stop-out refits as possible (v8's reason: a small
refit must not flip what the threshold shows).

    python -m benchmarks.transfer_refit --kind events --new s33,s34 --old-rev 19aa74d --levels 0.78,0.847 \
        --threshold-before 0.6 --threshold 0.55
    python -m benchmarks.transfer_refit --kind topics:people --old-rev 19aa74d --levels 0.4999,0.545 \
        --threshold-before 0.7 --threshold 0.6
    python -m benchmarks.transfer_refit --kind topics:organisations --old-rev 19aa74d --levels 0.361,0.545
"""

from __future__ import annotations

import glob
import json
import random
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.calibration import expected_calibration_error
from benchmarks.topic_transfer import _ci, _resample
from newsgraph.annotate.calibration import DATA, apply_map

Map = Callable[[float], float]
Steps = tuple[tuple[float, ...], tuple[float, ...]]
BOOT = 1000
#: The records of current code the display check reads by default (stop 33's last builds: e9's per draw, and
#: the s34 draw's final records).
RECORDS = ("/tmp/newsgraph-audit/e9-*.jsonl", "/tmp/newsgraph-audit/s34unseenpol-final3.jsonl")


def _w(r: Any) -> float:
    return float(getattr(r, "w", 1.0))


def _ece(rs: Sequence[Any], ps: Sequence[float]) -> float:
    return expected_calibration_error(list(ps), [bool(r.right) for r in rs], weights=[_w(r) for r in rs])


def _brier(rs: Sequence[Any], ps: Sequence[float]) -> float:
    tw = sum(_w(r) for r in rs)
    return sum(_w(r) * (p - bool(r.right)) ** 2 for r, p in zip(rs, ps, strict=True)) / tw if tw else 0.0


def compare(rs: Sequence[Any], fitter: Callable[[list[Any]], Map], new: Sequence[str], boot: int = BOOT,
            seed: int = 34) -> dict[str, dict]:
    """Per left-out stop and pooled: ECE and Brier of the LOSO map without the `new` stops' rows ("old") and with
    them ("new"), the confidence as it was beside, and the paired page-bootstrap interval of old minus new."""
    rng = random.Random(seed)
    old_p: dict[int, float] = {}
    new_p: dict[int, float] = {}
    for s in sorted({r.stop for r in rs}):
        g_old = fitter([r for r in rs if r.stop != s and r.stop not in new])
        g_new = fitter([r for r in rs if r.stop != s])
        for r in rs:
            if r.stop == s:
                old_p[id(r)], new_p[id(r)] = g_old(r.conf), g_new(r.conf)
    out: dict[str, dict] = {}
    for s in [*sorted({r.stop for r in rs}), "pooled"]:
        part = list(rs) if s == "pooled" else [r for r in rs if r.stop == s]
        po, pn, pc = [old_p[id(r)] for r in part], [new_p[id(r)] for r in part], [r.conf for r in part]
        de, db = [], []
        for _ in range(boot if s == "pooled" else boot // 4):
            sr = _resample(part, rng)
            so, sn = [old_p[id(r)] for r in sr], [new_p[id(r)] for r in sr]
            de.append(_ece(sr, so) - _ece(sr, sn))
            db.append(_brier(sr, so) - _brier(sr, sn))
        out[s] = {"n": len(part), "ece_as_it_was": _ece(part, pc), "ece_old": _ece(part, po), "ece_new": _ece(part, pn),
                  "ece_diff": round(_ece(part, po) - _ece(part, pn), 4), "ece_ci": _ci(de),
                  "brier_old": round(_brier(part, po), 4), "brier_new": round(_brier(part, pn), 4),
                  "brier_diff": round(_brier(part, po) - _brier(part, pn), 4), "brier_ci": _ci(db)}
    stops = [v for k, v in out.items() if k != "pooled"]
    out["pooled"].update({f"{m}_{w}": sum(test(v, m) for v in stops) for m in ("ece", "brier")
                          for w, test in (("better", lambda v, m: v[f"{m}_diff"] > 0),
                                          ("better_beyond_noise", lambda v, m: v[f"{m}_ci"][0] > 0),
                                          ("worse_beyond_noise", lambda v, m: v[f"{m}_ci"][1] < 0))})
    return out


def shown_at(rs: Sequence[Any], fitter: Callable[[list[Any]], Map], new: Sequence[str], t_old: float, t_new: float,
             boot: int = BOOT, seed: int = 34) -> dict:
    """Events shown on the layer's scale, LOSO: the maps without the `new` stops' rows at `t_old` ("before") and the
    maps with them at `t_new` ("after"): right/shown, precision and recall (of the right rows at >= 0.5 as it was),
    per stop and pooled, with page-bootstrap intervals of both precisions and of their paired difference."""
    rng = random.Random(seed)
    stops = sorted({r.stop for r in rs})
    old = {s: fitter([r for r in rs if r.stop != s and r.stop not in new]) for s in stops}
    cur = {s: fitter([r for r in rs if r.stop != s]) for s in stops}
    b_at = {id(r): old[r.stop](r.conf) >= t_old for r in rs}
    a_at = {id(r): cur[r.stop](r.conf) >= t_new for r in rs}
    before, after = [b_at[id(r)] for r in rs], [a_at[id(r)] for r in rs]
    right = [bool(r.right) for r in rs]
    census = sum(y for r, y in zip(rs, right, strict=True) if r.conf >= 0.5)

    def prec(sel: list[Any], shown: dict[int, bool]) -> float | None:
        n = sum(shown[id(r)] for r in sel)
        return sum(shown[id(r)] and bool(r.right) for r in sel) / n if n else None

    pb, pa, pd = [], [], []
    for _ in range(boot):
        sel = _resample(rs, rng)
        b, a = prec(sel, b_at), prec(sel, a_at)
        if b is not None and a is not None:
            pb.append(b)
            pa.append(a)
            pd.append(a - b)
    out: dict[str, Any] = {}
    for name, shown, ci in (("before", before, pb), ("after", after, pa)):
        n, ok = sum(shown), sum(s and y for s, y in zip(shown, right, strict=True))
        out[name] = {"right": ok, "shown": n, "precision": round(ok / n, 3), "ci": _ci(ci),
                     "recall": round(ok / census, 3),
                     "per_stop": {s: f"{sum(sh and y for r, sh, y in zip(rs, shown, right, strict=True) if r.stop == s)}"
                                     f"/{sum(sh for r, sh in zip(rs, shown, strict=True) if r.stop == s)}"
                                  for s in stops}}
    out["diff"] = {"precision": round(out["after"]["precision"] - out["before"]["precision"], 3), "ci": _ci(pd)}
    return out


def gap(rs: Sequence[Any], fitter: Callable[[list[Any]], Map], below: float, above: float,
        candidates: Sequence[float]) -> dict:
    """The layer's values of the map in place's levels `below` (hidden by the cut) and `above` (the lowest shown),
    under every LOSO map, and per candidate threshold t the stops whose LOSO map keeps below < t <= above false."""
    per = {}
    for s in sorted({r.stop for r in rs}):
        g = fitter([r for r in rs if r.stop != s])
        per[s] = (round(g(below), 4), round(g(above), 4))
    full = fitter(list(rs))
    return {"full": (round(full(below), 4), round(full(above), 4)), "loso": per,
            "outside": {t: [s for s, (lo, hi) in per.items() if not lo < t <= hi] for t in candidates}}


def steps_of(path_or_text: str) -> Steps:
    data = json.loads(path_or_text)
    return tuple(data["x"]), tuple(data["y"])


def old_steps(kind: str, rev: str) -> Steps:
    """A calibration map's points as committed at `rev` (the layer in force when the records were built)."""
    rel = f"src/newsgraph/annotate/data/calibration/{kind}.json"
    root = Path(__file__).resolve().parent.parent
    return steps_of(subprocess.run(["git", "show", f"{rev}:{rel}"], cwd=root, check=True, capture_output=True,
                                   text=True).stdout)


def preimage(steps: Steps) -> dict[float, list[float]]:
    """{layer value rounded to 3 places: the map in place's values on the 0.001 grid that give it}."""
    out: dict[float, list[float]] = {}
    for i in range(1001):
        x = i / 1000
        out.setdefault(round(apply_map(steps, x), 3), []).append(x)
    return out


def _moves(cands: list[bool], was: bool) -> str:
    if not cands:
        return "unknown"
    if all(c == was for c in cands):
        return "stays"
    return "moves" if all(c != was for c in cands) else "ambiguous"


def moved(values: Sequence[tuple[float, float | None]], old: Steps, new: Steps, t_old: float, t_new: float) -> dict:
    """Of (confidence, confidence of its event or None) pairs of current records: how many stay, move or are
    ambiguous between (old layer, t_old) and (new layer, t_new); with an event's confidence the item is an actor."""
    inv = preimage(old)
    grid = [(x, v) for v, xs in inv.items() for x in xs]
    new_at = {x: round(apply_map(new, x), 3) for x, _ in grid}
    count: dict[str, int] = {"stays": 0, "moves": 0, "ambiguous": 0, "unknown": 0, "shown_before": 0, "shown_after": 0}
    for v, ev in values:
        was = v >= t_old
        if ev is None:
            cands = [new_at[x] >= t_new for x in inv.get(round(v, 3), [])]
        else:
            evs = inv.get(round(ev, 3), [])
            mine = inv.get(round(v, 3), []) if v < ev else [x for x, o in grid if o >= ev]  # capped: any above
            cands = list({min(new_at[x], new_at[e]) >= t_new for x in mine for e in evs})
        k = _moves(cands, was)
        count[k] += 1
        count["shown_before"] += was
        count["shown_after"] += (not was) if k == "moves" else was
    return count


def record_values(patterns: Sequence[str], kind: str) -> dict[str, list[tuple[float, float | None]]]:
    """{"events": ..., "actors": ...} or {kind: ...} (topics:<type>): the confidences of current records."""
    out: dict[str, list[tuple[float, float | None]]] = {}
    for pat in patterns:
        for path in sorted(glob.glob(pat)):
            with open(path, encoding="utf-8") as f:
                for line in f:
                    rec = json.loads(line)
                    if kind == "events":
                        for ev in rec.get("events") or []:
                            if ev.get("confidence") is None:
                                continue
                            out.setdefault("events", []).append((ev["confidence"], None))
                            for role in ("source", "target"):
                                c = ev.get(f"{role}_confidence")
                                if c is not None:
                                    out.setdefault("actors", []).append((c, ev["confidence"]))
                    else:
                        t = kind.split(":", 1)[1]
                        out.setdefault(kind, []).extend((c, None) for c in (rec.get("topics_confidence") or {})
                                                        .get(t, []) if c is not None)
    return out


def _setup(kind: str) -> tuple[list[Any], Callable[[list[Any]], Map], str]:
    """The rows, the fitter and the calibration map name of a layer kind (events, topics:<type>)."""
    if kind == "events":
        from benchmarks import transfer_fit as T
        from benchmarks.transfer_rows import rows

        return T.fit_rows(rows(), "events"), lambda tr: T.fit("iso", tr), "event_transfer"
    from benchmarks import topic_transfer as TT

    t = kind.split(":", 1)[1]
    variant = TT.LANDED[t]
    return TT.rows((t,)), lambda tr: TT.as_map(TT.FITS[variant](tr)), f"topic_transfer_{t}"


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m benchmarks.transfer_refit", description=__doc__.splitlines()[0])
    ap.add_argument("--kind", default="events", help="events or topics:<type> (a type with a landed layer)")
    ap.add_argument("--new", default="s33,s34", help="the stops whose rows the refit adds")
    ap.add_argument("--old-rev", default="", help="git revision of the layer the records were built with")
    ap.add_argument("--threshold", type=float, default=None, help="the new display threshold (default: today's)")
    ap.add_argument("--threshold-before", type=float, default=None,
                    help="the display threshold the records were built with (default: today's setting)")
    ap.add_argument("--levels", default="", help="below,above: the map in place's levels around the cut (gap)")
    ap.add_argument("--records", nargs="*", default=list(RECORDS))
    ap.add_argument("--boot", type=int, default=BOOT)
    a = ap.parse_args()
    from newsgraph.settings import EVENTS_THRESHOLD, TOPIC_THRESHOLDS

    rs, fitter, name = _setup(a.kind)
    res: dict[str, Any] = {"compare": compare(rs, fitter, a.new.split(","), a.boot)}
    for s, v in res["compare"].items():
        print(f"  {s:7} {v['n']:5}  ECE as it was {v['ece_as_it_was']:.4f}, without {v['ece_old']:.4f} -> with "
              f"{v['ece_new']:.4f}  {v['ece_diff']:+.4f} {v['ece_ci']}  Brier {v['brier_old']:.4f} -> "
              f"{v['brier_new']:.4f} {v['brier_diff']:+.4f} {v['brier_ci']}")
    print("  " + json.dumps({k: v for k, v in res["compare"]["pooled"].items() if "_" in k and "beyond" in k
                             or k.endswith("better")}))
    t_old = EVENTS_THRESHOLD if a.kind == "events" else TOPIC_THRESHOLDS[a.kind.split(":", 1)[1]]
    t_old = t_old if a.threshold_before is None else a.threshold_before
    t_new = t_old if a.threshold is None else a.threshold
    if a.kind == "events":
        res["shown"] = shown_at(rs, fitter, a.new.split(","), t_old, t_new, a.boot)
        print(f"  shown LOSO, without the new rows at {t_old} -> with them at {t_new}:", json.dumps(res["shown"]))
    if a.levels:
        below, above = (float(x) for x in a.levels.split(","))
        res["gap"] = gap(rs, fitter, below, above, sorted({t_old, t_new, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8}))
        print("  gap:", json.dumps(res["gap"]))
    if a.old_rev:
        old, new = old_steps(name, a.old_rev), steps_of((DATA / f"{name}.json").read_text(encoding="utf-8"))
        for pat in a.records:
            for what, vals in record_values([pat], a.kind).items():
                print(f"  {pat} {what} ({len(vals)}), threshold {t_old} -> {t_new}:",
                      json.dumps(moved(vals, old, new, t_old, t_new)))


if __name__ == "__main__":
    main()
