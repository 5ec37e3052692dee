"""Every learned layer refitted with a new blind stop: leave-one-stop-out before -> after, and the landed layers on it.

Why a tool of its own: transfer_refit.py compares the events' and topics' maps (functions of one confidence); the
dates' and quotes' layers are models over a row's evidence. This tool treats the four alike, each through its own
fitting tool, so one table says what adding a stop does to each (stop 35 v11, the first stop fitted with a draw
built under every layer: its rows carry the raw confidences of transfer_rows.RAW):
- `compare`: per left-out stop and pooled, the layer fitted on the other stops WITHOUT the new stop ("before": for
  the new stop itself that is the layer as landed) against the one fitted on the other stops WITH it ("after"),
  ECE and Brier (weighted where the rows carry design weights: topics), with a paired page bootstrap (stratified by
  stop) of before minus after (positive: the refit is better);
- `shown`: the items shown at the kind's display cut (events EVENTS_THRESHOLD, dates DATES_THRESHOLD, topics the
  type's cut; each on the layer's scale), before -> after: precision, recall (of the right rows of the kind's census:
  events at >= 0.5 as they were, the judged dates, the every-item sample's topics), paired bootstrap of the precision;
  quotes through q10's display (quote cut on the model, speaker cut on the speaker's confidence as the code gives it);
- `landed`: the layer as landed (fitted on the stops before the new one), scored on the new stop's rows only
  against its raw confidences: ECE, Brier, shown precision and recall at the cut. A measurement, not a fit.

    python -m benchmarks.refit_check --new s35 [--kinds events,dates,quotes,topics:people,...]
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from benchmarks.calibration import expected_calibration_error
from benchmarks.topic_transfer import _ci, _resample

BOOT = 1000
KINDS = ("events", "dates", "quotes", "topics:people", "topics:organisations", "topics:cities", "topics:countries")


@dataclass(eq=False)
class Item:
    """One judged row of any kind, as the comparison reads it."""

    stop: str
    page: str
    conf: float  # the raw confidence (before the layer)
    right: bool  # the layer's target
    w: float  # design weight (topics), else 1
    census: bool  # counts in the recall's denominator when right
    obj: Any  # the kind's own row (what its fitter reads)


Value = Callable[[Item], float]


def _ece(items: Sequence[Item], ps: Sequence[float]) -> float:
    return expected_calibration_error(list(ps), [i.right for i in items], weights=[i.w for i in items])


def _brier(items: Sequence[Item], ps: Sequence[float]) -> float:
    tw = sum(i.w for i in items)
    return sum(i.w * (p - i.right) ** 2 for i, p in zip(items, ps, strict=True)) / tw if tw else 0.0


def setup(kind: str) -> tuple[list[Item], Callable[[list[Item]], Value], float]:
    """The items of a kind, its fitter (training items -> the value of any item) and its display cut."""
    from newsgraph.settings import DATES_THRESHOLD, EVENTS_THRESHOLD, QUOTES_THRESHOLD, TOPIC_THRESHOLDS

    if kind == "events":
        from benchmarks import transfer_fit as T
        from benchmarks.transfer_rows import rows

        ev = [Item(r.stop, r.page, r.conf, bool(r.right), r.w, r.conf >= 0.5, r) for r in T.fit_rows(rows(), "events")]

        def fit_events(tr: list[Item]) -> Value:
            g = T.fit("iso", [i.obj for i in tr])
            return lambda i: g(i.conf)
        return ev, fit_events, EVENTS_THRESHOLD
    if kind == "dates":
        from benchmarks import date_evidence_fit as D
        from benchmarks.date_evidence_rows import date_rows

        ds = [Item(d.row.stop, d.row.page, d.row.conf, bool(d.row.right), 1.0, True, d) for d in date_rows()]

        def fit_dates(tr: list[Item]) -> Value:
            p = D.predictor(D.fit("logit-x-iso", [i.obj for i in tr]))
            return lambda i: p(i.obj)
        return ds, fit_dates, DATES_THRESHOLD
    if kind == "quotes":
        from benchmarks import quote_transfer as Q
        from benchmarks.calibration import fit_logistic, predict_logistic

        qs = [Item(r.stop, r.page, r.conf, r.real, 1.0, r.real, r) for r in Q.quote_rows()]

        def fit_quotes(tr: list[Item]) -> Value:
            q = [i.obj for i in tr if Q.modelled(i.obj)]
            m = fit_logistic([r.f for r in q], [r.real for r in q], Q.L2)
            return lambda i: predict_logistic(m, i.obj.f) if Q.modelled(i.obj) else i.conf
        return qs, fit_quotes, QUOTES_THRESHOLD
    from benchmarks import topic_transfer as TT

    t = kind.split(":", 1)[1]
    ts = [Item(r.stop, r.page, r.conf, r.right, r.w, r.every, r) for r in TT.rows((t,))]
    variant = TT.LANDED.get(t)

    def fit_topics(tr: list[Item]) -> Value:
        if variant is None:  # a type without a layer: the confidence as it is
            return lambda i: i.conf
        g = TT.as_map(TT.FITS[variant]([i.obj for i in tr]))
        return lambda i: g(i.conf)
    return ts, fit_topics, TOPIC_THRESHOLDS[t]


def loso_values(items: list[Item], fitter: Callable[[list[Item]], Value], new: Sequence[str],
                ) -> tuple[dict[int, float], dict[int, float]]:
    """({id: value before}, {id: value after}): each stop under the layer fitted on the other stops without / with
    the `new` stops."""
    before: dict[int, float] = {}
    after: dict[int, float] = {}
    for s in sorted({i.stop for i in items}):
        g_old = fitter([i for i in items if i.stop != s and i.stop not in new])
        g_new = fitter([i for i in items if i.stop != s])
        for i in items:
            if i.stop == s:
                before[id(i)], after[id(i)] = g_old(i), g_new(i)
    return before, after


def compare(items: list[Item], before: dict[int, float], after: dict[int, float], boot: int = BOOT,
            seed: int = 35, new: Sequence[str] = ()) -> dict[str, dict]:
    """Per stop, the `new` stops together ("new", when more than one) and pooled: ECE as it was (raw), before, after,
    Brier, bootstrap intervals of before minus after."""
    rng = random.Random(seed)
    out: dict[str, dict] = {}
    groups = [*sorted({i.stop for i in items}), *(["new"] if len(new) > 1 else []), "pooled"]
    for s in groups:
        part = (list(items) if s == "pooled" else [i for i in items if i.stop in new] if s == "new"
                else [i for i in items if i.stop == s])
        if not part:
            continue
        pb, pa = [before[id(i)] for i in part], [after[id(i)] for i in part]
        de, db = [], []
        for _ in range(boot if s in ("pooled", "new") else boot // 4):
            sr = _resample(part, rng)
            sb, sa = [before[id(i)] for i in sr], [after[id(i)] for i in sr]
            de.append(_ece(sr, sb) - _ece(sr, sa))
            db.append(_brier(sr, sb) - _brier(sr, sa))
        out[s] = {"n": len(part), "ece_raw": round(_ece(part, [i.conf for i in part]), 4),
                  "ece_before": round(_ece(part, pb), 4), "ece_after": round(_ece(part, pa), 4),
                  "ece_diff": round(_ece(part, pb) - _ece(part, pa), 4), "ece_ci": _ci(de),
                  "brier_before": round(_brier(part, pb), 4), "brier_after": round(_brier(part, pa), 4),
                  "brier_diff": round(_brier(part, pb) - _brier(part, pa), 4), "brier_ci": _ci(db)}
    stops = [v for k, v in out.items() if k not in ("pooled", "new")]
    out["pooled"].update({f"{m}_{w}": sum(test(v, m) for v in stops) for m in ("ece", "brier")
                          for w, test in (("better_beyond_noise", lambda v, m: v[f"{m}_ci"][0] > 0),
                                          ("worse_beyond_noise", lambda v, m: v[f"{m}_ci"][1] < 0))})
    return out


def _pr(sel: Sequence[Item], val: dict[int, float], cut: float) -> tuple[float | None, float | None, int, float]:
    """(weighted precision of the shown, recall of the census's right, shown rows, right shown weight)."""
    sh = [i for i in sel if val[id(i)] >= cut - 1e-9]
    tw = sum(i.w for i in sh)
    ok = sum(i.w * i.right for i in sh)
    cen = [i for i in sel if i.census and i.right]
    rec = sum(val[id(i)] >= cut - 1e-9 for i in cen) / len(cen) if cen else None
    return (ok / tw if tw else None), rec, len(sh), ok


def _count(sel: Sequence[Item], val: dict[int, float], cut: float) -> str:
    """Right / shown rows at `cut` (unweighted: the judged rows themselves)."""
    sh = [i for i in sel if val[id(i)] >= cut - 1e-9]
    return f"{sum(i.right for i in sh)}/{len(sh)}"


def shown(items: list[Item], before: dict[int, float], after: dict[int, float], cut: float, boot: int = BOOT,
          seed: int = 35) -> dict:
    """Shown precision and recall at `cut` under the before and after values, pooled with page-bootstrap intervals
    and their paired difference, and per stop right/shown."""
    rng = random.Random(seed)
    out: dict[str, Any] = {}
    draws = [_resample(items, rng) for _ in range(boot)]
    for name, val in (("before", before), ("after", after)):
        p, r, n, ok = _pr(items, val, cut)
        ps = [x for x in (_pr(d, val, cut)[0] for d in draws) if x is not None]
        out[name] = {"precision": None if p is None else round(p, 3), "ci": _ci(ps),
                     "recall": None if r is None else round(r, 3), "shown": n,
                     "per_stop": {s: _count([i for i in items if i.stop == s], val, cut)
                                  for s in sorted({i.stop for i in items})}}
    diffs = [(a - b) for a, b in ((_pr(d, after, cut)[0], _pr(d, before, cut)[0]) for d in draws)
             if a is not None and b is not None]
    out["diff"] = {"precision": round((out["after"]["precision"] or 0) - (out["before"]["precision"] or 0), 3),
                   "ci": _ci(diffs)}
    return out


def _at_recall(sel: Sequence[Item], val: dict[int, float], want: float) -> float | None:
    """Weighted precision of the items at or above the highest value whose recall (of the census's right items)
    reaches `want`."""
    cen = sorted((val[id(i)] for i in sel if i.census and i.right), reverse=True)
    if not cen:
        return None
    need = max(1, min(len(cen), -int(-want * len(cen) // 1)))
    t = cen[need - 1]
    sh = [i for i in sel if val[id(i)] >= t]
    tw = sum(i.w for i in sh)
    return sum(i.w * i.right for i in sh) / tw if tw else None


def equal_recall(items: list[Item], before: dict[int, float], after: dict[int, float], cut: float,
                 boot: int = BOOT, seed: int = 35) -> dict:
    """The refit's precision at the recall the layer before it shows at `cut` (the land rule's "precision at equal
    recall"), minus the before display's precision, with a paired page bootstrap."""
    rng = random.Random(seed)

    def diff(sel: Sequence[Item]) -> float | None:
        p, r, _, _ = _pr(sel, before, cut)
        if p is None or r is None:
            return None
        q = _at_recall(sel, after, r)
        return None if q is None else q - p

    ds = [d for d in (diff(_resample(items, rng)) for _ in range(boot)) if d is not None]
    p, r, _, _ = _pr(items, before, cut)
    d = diff(items)
    return {"recall": None if r is None else round(r, 3), "before": None if p is None else round(p, 3),
            "after": None if d is None or p is None else round(p + d, 3),
            "diff": None if d is None else round(d, 4), "ci": _ci(ds)}


def quotes_shown(items: list[Item], before: dict[int, float], after: dict[int, float]) -> dict:
    """q10's display (quotes at settings.QUOTES_THRESHOLD on the model, speakers at SPEAKERS_THRESHOLD on the
    speaker's confidence as the code gives it), before -> after, pooled and per stop."""
    from benchmarks import quote_transfer as Q
    from newsgraph.settings import QUOTES_THRESHOLD, SPEAKERS_THRESHOLD

    out: dict[str, Any] = {}
    for name, val in (("before", before), ("after", after)):
        for i in items:
            i.obj.p_real = val[id(i)]
        rs = [i.obj for i in items]
        out[name] = {"pooled": Q.display(rs, True, QUOTES_THRESHOLD, SPEAKERS_THRESHOLD, False),
                     "per_stop": {s: Q.display([r for r in rs if r.stop == s], True, QUOTES_THRESHOLD,
                                               SPEAKERS_THRESHOLD, False) for s in sorted({r.stop for r in rs})}}
        out[name]["ci"] = Q.boot(rs, lambda sel: Q.display(sel, True, QUOTES_THRESHOLD, SPEAKERS_THRESHOLD,
                                                           False)["precision"] or 0.0, BOOT // 2)
    return out


def landed(items: list[Item], before: dict[int, float], new: Sequence[str], cut: float, boot: int = BOOT,
           seed: int = 36) -> dict:
    """The layer as landed (the before values of the new stops' rows: fitted on the other stops alone) on the new
    stops: ECE and Brier raw -> landed with the bootstrap of the difference, shown precision and recall at `cut`."""
    part = [i for i in items if i.stop in new]
    if not part:
        return {}
    raw = {id(i): i.conf for i in part}
    c = compare(part, raw, before, boot, seed)["pooled"]
    p, r, n, ok = _pr(part, before, cut)
    return {"n": len(part), "right": round(sum(i.w * i.right for i in part) / sum(i.w for i in part), 3),
            "ece_raw": c["ece_before"], "ece_landed": c["ece_after"], "ece_diff": c["ece_diff"], "ece_ci": c["ece_ci"],
            "brier_raw": c["brier_before"], "brier_landed": c["brier_after"], "brier_ci": c["brier_ci"],
            "cut": cut, "shown": n, "shown_right": round(ok, 2), "precision": None if p is None else round(p, 3),
            "recall": None if r is None else round(r, 3),
            "conf_shown": round(sum(before[id(i)] for i in part if before[id(i)] >= cut - 1e-9) / n, 3) if n else None}


def _data(name: str, rev: str | None) -> dict | None:
    """A layer's data file (data/calibration/<name>.json) as committed at `rev`, or as it is now (None)."""
    import subprocess
    from pathlib import Path

    rel = f"src/newsgraph/annotate/data/calibration/{name}.json"
    root = Path(__file__).resolve().parent.parent
    if rev is None:
        path = root / rel
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
    done = subprocess.run(["git", "show", f"{rev}:{rel}"], cwd=root, capture_output=True, text=True)
    return json.loads(done.stdout) if done.returncode == 0 else None


def moves(raw_label: str, old_rev: str) -> dict[str, dict[str, int]]:
    """What the refit (the data files now) shows differently from the layers of `old_rev` on a draw's records
    rebuilt with the layers off (`raw_label`, /tmp/newsgraph-audit): every item, both layers applied to its raw
    confidence as the run time applies them, each kind at its display cut; counts shown before, after, and moved in
    / out. Asserted events only; an actor is min(layer(actor), layer(event)); quotes under the floor and dates a
    rule hid keep their raw value."""
    from benchmarks.calibration import predict_logistic
    from benchmarks.date_evidence_rows import _anchor
    from benchmarks.transfer_rows import RECORDS
    from newsgraph.annotate import date_evidence as DE
    from newsgraph.annotate import quote_transfer as QT
    from newsgraph.annotate.calibration import apply_map
    from newsgraph.settings import DATES_THRESHOLD, EVENTS_THRESHOLD, QUOTES_THRESHOLD, TOPIC_THRESHOLDS

    def steps(d: dict | None) -> Callable[[float], float]:
        if d is None:
            return lambda x: x
        st = (tuple(d["x"]), tuple(d["y"]))
        return lambda x: round(apply_map(st, x), 3)

    layers = {}
    for rev_name, rev in (("old", old_rev), ("new", None)):
        layers[rev_name] = {"events": steps(_data("event_transfer", rev)),
                            **{t: steps(_data(f"topic_transfer_{t}", rev)) for t in TOPIC_THRESHOLDS},
                            "quotes": _data("quote_transfer_model", rev), "dates": _data("date_evidence", rev)}
    count: dict[str, dict[str, int]] = {}

    def add(kind: str, old: float, new: float, cut: float) -> None:
        c = count.setdefault(kind, {"items": 0, "shown_before": 0, "shown_after": 0, "in": 0, "out": 0})
        a, b = old >= cut, new >= cut
        c["items"] += 1
        c["shown_before"] += a
        c["shown_after"] += b
        c["in"] += b and not a
        c["out"] += a and not b

    for line in (RECORDS / f"{raw_label}.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        for ev in rec.get("events") or []:
            if ev.get("confidence") is None or ev.get("status", "asserted") != "asserted":
                continue
            g = {k: layers[k]["events"](ev["confidence"]) for k in layers}
            add("events", g["old"], g["new"], EVENTS_THRESHOLD)
            for role in ("source", "target"):
                if ev.get(f"{role}_confidence") is not None:
                    a = {k: min(layers[k]["events"](ev[f"{role}_confidence"]), g[k]) for k in layers}
                    add("actors", a["old"], a["new"], EVENTS_THRESHOLD)
        for t, cut in TOPIC_THRESHOLDS.items():
            for c in (rec.get("topics_confidence") or {}).get(t) or []:
                if c is not None:
                    add(f"topics:{t}", layers["old"][t](c), layers["new"][t](c), cut)
        types = {e["id"]: e.get("type") for e in rec.get("entities") or []}
        for q in rec.get("quotes") or []:
            c = q.get("confidence")
            if c is None:
                continue
            v = {k: (round(predict_logistic(layers[k]["quotes"], QT.features(q, types, rec["body"])), 3)
                     if c >= QT.FLOOR and layers[k]["quotes"] else c) for k in layers}
            add("quotes", v["old"], v["new"], QUOTES_THRESHOLD)
        for d in rec.get("dates") or []:
            c = d.get("confidence")
            if c is None:
                continue
            ok = d.get("value") and c >= DE.RULE_CEILING and DE.score_kind(c) in DE.KINDS
            f = DE.date_features(c, d["value"], d["start"], d["end"], rec["body"], _anchor(rec)) if ok else {}
            v = {k: (DE.learned(f, layers[k]["dates"]) if ok and layers[k]["dates"] else c) for k in layers}
            add("dates", v["old"], v["new"], DATES_THRESHOLD)
    return count


def run(kind: str, new: Sequence[str], boot: int = BOOT) -> dict:
    items, fitter, cut = setup(kind)
    before, after = loso_values(items, fitter, new)
    res: dict[str, Any] = {"kind": kind, "rows": len(items), "stops": sorted({i.stop for i in items}),
                           "compare": compare(items, before, after, boot, new=new),
                           "landed": landed(items, before, new, cut)}
    res["shown"] = quotes_shown(items, before, after) if kind == "quotes" else shown(items, before, after, cut, boot)
    res["equal_recall"] = equal_recall(items, before, after, cut, boot)
    return res


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m benchmarks.refit_check", description=__doc__.splitlines()[0])
    ap.add_argument("--new", default="s35", help="the stops the refit adds")
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--boot", type=int, default=BOOT)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--moves", nargs=2, metavar=("RAW_LABEL", "OLD_REV"), help="only: what the data files now show "
                    "differently from OLD_REV's on the records RAW_LABEL (a draw rebuilt with the layers off)")
    a = ap.parse_args()
    if a.moves:
        print(json.dumps(moves(*a.moves), indent=1))
        return
    new = a.new.split(",")
    for kind in a.kinds.split(","):
        res = run(kind, new, a.boot)
        if a.json:
            print(json.dumps(res))
            continue
        print(f"\n{kind}: {res['rows']} rows, {len(res['stops'])} stops")
        for s, v in res["compare"].items():
            print(f"  {s:7} {v['n']:5}  ECE raw {v['ece_raw']:.4f}  before {v['ece_before']:.4f} -> after "
                  f"{v['ece_after']:.4f} {v['ece_diff']:+.4f} {v['ece_ci']}  Brier {v['brier_before']:.4f} -> "
                  f"{v['brier_after']:.4f} {v['brier_diff']:+.4f} {v['brier_ci']}")
        print("  " + json.dumps({k: v for k, v in res["compare"]["pooled"].items() if "beyond" in k}))
        print("  shown:", json.dumps(res["shown"]))
        print("  precision at equal recall:", json.dumps(res["equal_recall"]))
        print("  landed on", a.new, json.dumps(res["landed"]))


if __name__ == "__main__":
    main()
