"""Date confidence learned from the blind draws' judged dates, checked leave-one-stop-out against the hand scores.

Why: the hand scores (annotate/date_confidence.py DATE_SCORES, one per kind of expression) are the confidence the
draws judged; on them 0.8-0.9 was right 0.87 and >= 0.9 right 0.95, and shown dates were right 0.83-0.94 per draw
(goal 0.95). The rows (benchmarks/date_evidence_rows.py: every judged date of the before snapshots, s21..s34, with
its evidence computed as the run time computes it) fit a model of P(right | evidence); each stop is scored by the
model fitted on the other stops (LOSO) against the confidence it had at the time.

Models (the feature set of annotate/date_evidence.py FEATURES was fixed before any per-stop figure was read):
- `kind`: the share right per expression kind, shrunk toward the pooled share by `PRIOR` pseudo-rows;
- `logit`: an L2 logistic over FEATURES (main effects);
- `logit-x`: the same plus each kind read after / on the article date (`kind*after`, `kind*same`), shrunk toward
  the kind's main effect by the same L2;
- `logit-x-iso`: `logit-x` then a few-step isotonic (blocks of ISO_BLOCK rows) of its output on the fitting rows.

Measures per left-out stop and pooled: ECE and Brier with a paired page bootstrap of the difference (positive: the
model is better), and the shown dates' precision and recall at display cuts; precision at the recall each hand
cut gives, paired bootstrap (pages, stratified by stop). `--write MODEL` fits it on every stop and writes
src/newsgraph/annotate/data/calibration/date_evidence.json.

    python -m benchmarks.date_evidence_fit            # the tables
    python -m benchmarks.date_evidence_fit --write logit-x
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Callable, Sequence

from benchmarks.calibration import expected_calibration_error, fit_logistic, reliability_table
from benchmarks.date_evidence_rows import DateRow, date_rows
from benchmarks.transfer_fit import _brier, boot_diff, pages
from newsgraph.annotate.date_evidence import DATA, FEATURES, KINDS, feature_value, learned

MODELS = ("kind", "logit", "logit-x", "logit-x-iso")
#: pseudo-rows at the pooled share for a kind's share (`kind`)
PRIOR = 10.0
#: the logistic's L2 (the bias is free): a kind seen on a few dozen rows cannot be pushed far from the pooled share
L2 = 1.0
BOOT = 1000
#: fewest rows in a step of the optional isotonic after the logistic (`-iso`)
ISO_BLOCK = 30
#: display cuts on the learned scale, and the goal of issue 11 for the dates shown
CUTS = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.88, 0.9, 0.92, 0.94, 0.95, 0.96, 0.97, 0.98)
GOAL = 0.95
Predict = Callable[[DateRow], float]


def inputs(model: str) -> list[str]:
    """The model's input names (feature_value reads them from a row's features)."""
    names = list(FEATURES)
    if model == "logit-x":
        names += [f"{k}*{side}" for k in KINDS if k != "explicit" for side in ("after", "same")]
    return names


def fit(model: str, train: list[DateRow]) -> dict:
    """The model as data (the form date_evidence.learned reads, `kind` as a table of shares)."""
    train = [d for d in train if d.kind in KINDS]  # an unresolved or rule-hidden date keeps its score (relearn)
    ys = [d.row.right for d in train]
    if model == "kind":
        base = sum(ys) / len(ys)
        share = {}
        for k in KINDS:
            sel = [d.row.right for d in train if d.kind == k]
            share[k] = (sum(sel) + PRIOR * base) / (len(sel) + PRIOR)
        return {"model": "kind", "share": share}
    names = inputs(model.removesuffix("-iso"))
    m = {"model": model, **fit_logistic([{n: feature_value(d.features, n) for n in names} for d in train], ys, l2=L2)}
    if model.endswith("-iso"):
        from benchmarks.calibration import fit_isotonic

        xs, ys_ = fit_isotonic([float(learned(d.features, m)) for d in train], ys, min_block=ISO_BLOCK)
        m["iso"] = {"x": xs, "y": ys_}
    return m


def predictor(m: dict) -> Predict:
    """The LOSO confidence of a row; a row of no fitted kind (unresolved: the run time keeps it) its hand score."""
    if m["model"] == "kind":
        return lambda d: m["share"][d.kind] if d.kind in KINDS else d.row.conf
    return lambda d: float(learned(d.features, m)) if d.kind in KINDS else d.row.conf


def loso(drs: list[DateRow], model: str) -> dict[int, float]:
    """{id(row): its LOSO confidence}: each stop's rows under the model fitted on the other stops."""
    out: dict[int, float] = {}
    for s in sorted({d.row.stop for d in drs}):
        g = predictor(fit(model, [d for d in drs if d.row.stop != s]))
        out.update({id(d.row): g(d) for d in drs if d.row.stop == s})
    return out


def _prec_at_recall(scores: list[float], ys: list[bool], need: int) -> float | None:
    """Precision of the fewest top-scored items holding `need` right ones (ties at the last score all taken)."""
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    ok = 0
    for n, i in enumerate(order, 1):
        ok += ys[i]
        if ok >= need and (n == len(order) or scores[order[n]] < scores[i]):
            return ok / n
    return None


def report(drs: list[DateRow], model: str, seed: int = 34, boot: int = BOOT) -> dict:
    """LOSO per stop and pooled: ECE, Brier (hand -> model) with page bootstrap intervals of the difference."""
    rng = random.Random(seed)
    gl = loso(drs, model)
    rs = [d.row for d in drs]
    out: dict[str, dict] = {}
    for s in [*sorted({r.stop for r in rs}), "pooled"]:
        part = rs if s == "pooled" else [r for r in rs if r.stop == s]
        ys = [r.right for r in part]
        ps = [gl[id(r)] for r in part]
        n = boot if s == "pooled" else boot // 4
        out[s] = {"n": len(part), "right": round(sum(ys) / len(ys), 3),
                  "conf": round(sum(r.conf for r in part) / len(part), 3), "conf_g": round(sum(ps) / len(ps), 3),
                  "ece": expected_calibration_error([r.conf for r in part], ys),
                  "ece_g": expected_calibration_error(ps, ys),
                  "ece_diff": boot_diff(part, gl, "right", rng, n),
                  "brier": round(_brier([r.conf for r in part], ys), 4), "brier_g": round(_brier(ps, ys), 4),
                  "brier_diff": boot_diff(part, gl, "right", rng, n, _brier)}
    out["pooled"]["table"] = reliability_table([r.conf for r in rs], [r.right for r in rs])
    out["pooled"]["table_g"] = reliability_table([gl[id(r)] for r in rs], [r.right for r in rs])
    return out


def cuts(drs: list[DateRow], model: str, seed: int = 34, boot: int = BOOT) -> list[dict]:
    """Shown precision and recall (of the judged right dates) at each cut on the LOSO scale, pooled, with a page
    bootstrap interval of precision, and per stop right/shown."""
    rng = random.Random(seed)
    gl = loso(drs, model)
    rs = [d.row for d in drs]
    total = sum(r.right for r in rs)
    by, stops = pages(rs)
    out = []
    for c in CUTS:
        sh = [r for r in rs if gl[id(r)] >= c]
        ok = sum(r.right for r in sh)
        ps = []
        for _ in range(boot // 2):
            sel = [r for keys in stops.values() for _k in keys for r in by[rng.choice(keys)] if gl[id(r)] >= c]
            if sel:
                ps.append(sum(r.right for r in sel) / len(sel))
        ps.sort()
        per = {s: f"{sum(r.right for r in sh if r.stop == s)}/{sum(1 for r in sh if r.stop == s)}"
               for s in sorted({r.stop for r in rs})}
        out.append({"cut": c, "shown": len(sh), "right": ok, "precision": round(ok / len(sh), 3) if sh else None,
                    "ci": [round(ps[int(0.025 * len(ps))], 3), round(ps[int(0.975 * len(ps)) - 1], 3)] if ps else None,
                    "recall": round(ok / total, 3), "per_stop": per})
    return out


def equal_recall(drs: list[DateRow], model: str, seed: int = 34, boot: int = BOOT) -> list[dict]:
    """At each hand cut (the distinct confidences at the time): its recall and precision, the model's precision at
    that recall (LOSO), and a paired page bootstrap (stratified by stop) of the difference."""
    rng = random.Random(seed)
    gl = loso(drs, model)
    rs = [d.row for d in drs]
    by, stops = pages(rs)

    def pair(sel: list, c: float) -> tuple[float, float] | None:
        ys = [r.right for r in sel]
        hand = [r for r in sel if r.conf >= c]
        need = sum(r.right for r in hand)
        if not hand or not need:
            return None
        q = _prec_at_recall([gl[id(r)] for r in sel], ys, need)
        return (need / len(hand), q) if q is not None else None

    out = []
    for c in sorted({r.conf for r in rs if r.conf >= 0.5}):
        got = pair(rs, c)
        if got is None:
            continue
        ds = []
        for _ in range(boot // 2):
            sel = [r for keys in stops.values() for _k in keys for r in by[rng.choice(keys)]]
            p = pair(sel, c)
            if p is not None:
                ds.append(p[1] - p[0])
        ds.sort()
        total = sum(r.right for r in rs)
        out.append({"hand_cut": c, "recall": round(sum(r.right for r in rs if r.conf >= c) / total, 3),
                    "hand_precision": round(got[0], 3), "model_precision": round(got[1], 3),
                    "diff": round(got[1] - got[0], 3),
                    "ci": [round(ds[int(0.025 * len(ds))], 3), round(ds[int(0.975 * len(ds)) - 1], 3)]})
    return out


def chosen_cut(ts: list[dict], goal: float = GOAL) -> float | None:
    """The display rule (settings.DATES_THRESHOLD): the lowest cut whose pooled LOSO shown precision reaches the
    goal; None when no cut does (then the general threshold stays and the report says what the goal would cost)."""
    return next((t["cut"] for t in ts if t["precision"] is not None and t["precision"] >= goal), None)


def hidden_on(labels: Sequence[str], model: dict, cut: float) -> dict[str, dict]:
    """Of the current records `labels` (/tmp/newsgraph-audit/<label>.jsonl), the dates shown at the general
    threshold that the model would put under `cut`: counts per label (what a display cut would hide there)."""
    from benchmarks.date_evidence_rows import _anchor
    from benchmarks.transfer_rows import RECORDS
    from newsgraph.annotate.date_evidence import RULE_CEILING, date_features

    out = {}
    for lab in labels:
        shown = hid = 0
        for line in (RECORDS / f"{lab}.jsonl").read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            for it in rec.get("dates") or []:
                c = it.get("confidence")
                if c is None or c < RULE_CEILING or not it.get("value"):
                    continue
                shown += 1
                p = learned(date_features(c, it["value"], it["start"], it["end"], rec["body"], _anchor(rec)), model)
                hid += p is not None and p < cut
        out[lab] = {"shown": shown, "hidden": hid}
    return out


def write(drs: list[DateRow], model: str, pooled: dict | None = None) -> str:
    """Fit `model` (a logistic) on every stop's rows and write the data file date_evidence.learned reads."""
    if model == "kind":
        raise SystemExit("the run time reads a logistic: write logit or logit-x")
    m = fit(model, drs)
    labels = sorted({d.row.label for d in drs})
    data = {"kind": "date_evidence", "date": dt.date.today().isoformat(), "rows": len(drs),
            "fitted_on": f"benchmarks/date_evidence_fit.py {model} (L2 {L2}) on the judged dates of the blind draws' "
                         f"before snapshots ({', '.join(labels)}), right = judged ok; checked leave-one-stop-out "
                         "(NOTES.md stop 34 d10). Refit: python -m benchmarks.date_evidence_fit --write " + model,
            "features": m["features"], "weights": m["weights"], "bias": m["bias"]}
    if m.get("iso"):
        data["iso"] = m["iso"]
    if pooled:
        data.update({"loso_ece_hand": pooled["ece"], "loso_ece": pooled["ece_g"], "loso_brier_hand": pooled["brier"],
                     "loso_brier": pooled["brier_g"]})
    DATA.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    from newsgraph.annotate import date_evidence

    date_evidence._model.cache_clear()
    return str(DATA)


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m benchmarks.date_evidence_fit", description=__doc__.splitlines()[0])
    ap.add_argument("--models", default=",".join(MODELS))
    ap.add_argument("--per-stop", action="store_true", help="print the per-stop table too")
    ap.add_argument("--pooled-rates", action="store_true", help="share right per kind and feature, pooled")
    ap.add_argument("--cuts", action="store_true", help="shown precision / recall at display cuts, equal recall")
    ap.add_argument("--hidden", default="", help="comma-separated record labels: dates a cut would hide there")
    ap.add_argument("--write", default="", help="fit this model on every stop and write the data file")
    a = ap.parse_args()
    drs = date_rows()
    for model in a.models.split(","):
        res = report(drs, model)
        p = res["pooled"]
        print(f"\n{model}: n {p['n']} right {p['right']}  conf {p['conf']} -> {p['conf_g']}  ECE {p['ece']} -> "
              f"{p['ece_g']} diff {p['ece_diff']}  Brier {p['brier']} -> {p['brier_g']} diff {p['brier_diff']}")
        if a.per_stop:
            for s, v in res.items():
                if s != "pooled":
                    print(f"  {s} n {v['n']:3} right {v['right']:.3f} ECE {v['ece']:.4f} -> {v['ece_g']:.4f} "
                          f"{v['ece_diff']}  Brier {v['brier']:.4f} -> {v['brier_g']:.4f} {v['brier_diff']}")
            print("  wins ECE beyond noise", sum(v["ece_diff"][1] > 0 for s, v in res.items() if s != "pooled"),
                  "losses", sum(v["ece_diff"][2] < 0 for s, v in res.items() if s != "pooled"),
                  "| Brier wins", sum(v["brier_diff"][1] > 0 for s, v in res.items() if s != "pooled"),
                  "losses", sum(v["brier_diff"][2] < 0 for s, v in res.items() if s != "pooled"))
            print("  hand:", json.dumps(p["table"]))
            print("  model:", json.dumps(p["table_g"]))
        if a.cuts:
            ts = cuts(drs, model)
            for t in ts:
                print("  cut", json.dumps(t))
            print("  rule's cut (lowest reaching", GOAL, "):", chosen_cut(ts))
            for t in equal_recall(drs, model):
                print("  equal recall", json.dumps(t))
        if a.hidden and model != "kind":
            m = fit(model, drs)
            ts = cuts(drs, model)
            c = chosen_cut(ts) or 0.5
            print(f"  hidden at {c}:", json.dumps(hidden_on(a.hidden.split(","), m, c)))
        if a.write == model:
            print(write(drs, model, p))


if __name__ == "__main__":
    main()


def displays(drs: list[DateRow], model: str, hand_cut: float, model_cut: float, seed: int = 34, boot: int = BOOT,
             ) -> dict:
    """Two displays side by side on the same rows: the hand scores cut at `hand_cut`, the LOSO model at
    `model_cut`: shown precision and recall (of the judged right dates) each, and a paired page bootstrap
    (stratified by stop) of the model's minus the hand's precision and recall; per stop right/shown both ways."""
    rng = random.Random(seed)
    gl = loso(drs, model)
    rs = [d.row for d in drs]
    by, stops = pages(rs)

    def pr(sel: list, score: Callable, cut: float) -> tuple[float, float]:
        sh = [r for r in sel if score(r) >= cut]
        total = sum(r.right for r in sel)
        ok = sum(r.right for r in sh)
        return (ok / len(sh) if sh else 1.0), (ok / total if total else 1.0)

    def both(sel: list) -> tuple[float, float, float, float]:
        ph, rh = pr(sel, lambda r: r.conf, hand_cut)
        pm, rm = pr(sel, lambda r: gl[id(r)], model_cut)
        return ph, rh, pm, rm

    ph, rh, pm, rm = both(rs)
    dp, dr = [], []
    for _ in range(boot):
        sel = [r for keys in stops.values() for _k in keys for r in by[rng.choice(keys)]]
        a = both(sel)
        dp.append(a[2] - a[0])
        dr.append(a[3] - a[1])
    dp.sort()
    dr.sort()

    def ci(v: list[float]) -> list[float]:
        return [round(v[int(0.025 * len(v))], 3), round(v[int(0.975 * len(v)) - 1], 3)]

    per = {}
    for s in sorted({r.stop for r in rs}):
        part = [r for r in rs if r.stop == s]
        per[s] = {"hand": f"{sum(r.right for r in part if r.conf >= hand_cut)}/"
                          f"{sum(1 for r in part if r.conf >= hand_cut)}",
                  "model": f"{sum(r.right for r in part if gl[id(r)] >= model_cut)}/"
                           f"{sum(1 for r in part if gl[id(r)] >= model_cut)}"}
    return {"hand": {"cut": hand_cut, "precision": round(ph, 3), "recall": round(rh, 3)},
            "model": {"cut": model_cut, "precision": round(pm, 3), "recall": round(rm, 3)},
            "precision_diff": [round(pm - ph, 3), *ci(dp)], "recall_diff": [round(rm - rh, 3), *ci(dr)], "per_stop": per}
