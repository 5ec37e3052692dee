"""Does an event's typed evidence tell right from wrong beyond its confidence, on news nobody tuned on? (stop 33 v8)

Why: no cut on the confidence alone takes the shown events of the held-out draws much above 0.72 right
(benchmarks/transfer_fit.py `thresholds`), so only evidence the confidence does not already carry can raise
precision at the same recall. The event model's confidence is fitted on "happened and type right" (the map in
place's label), while an event counts as right only when its shown actors are right too: an event with no target
is wrong whenever the act had one. Which evidence: a boolean per row (`FEATURES`) that the run time computes the
same way from the event (its source_name / target_name as the events component left them) and the rows read from
the judged item (benchmarks/transfer_rows.py: the item's names, which its key hashes).

Two layers are tried against the landed one (`iso` on the confidence alone), each leave-one-stop-out (LOSO: fitted
on the other stops, scored on the left-out stop's rows):
- `strat`: a separate few-step isotonic map per value of the feature;
- `offset`: the landed map, then a 2-feature Platt step, sigmoid(a * logit(g(conf)) + b + c * feature), with a light
  L2 toward the identity (a = 1, b = c = 0).
Judged by ECE, Brier and the shown precision at equal recall (the landed layer shows its rows at or above the
display threshold; the candidate shows its top-ranked rows until it holds as many right ones), each with a paired
page bootstrap of the difference; `stops` scores only some stops (e.g. those not looked at when the feature was
picked), the maps still fitted on every other stop.

`python -m benchmarks.transfer_strata [--feature no_target] [--stops s21,s22,s23,s24]`
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Callable, Sequence

import numpy as np

from benchmarks.calibration import expected_calibration_error
from benchmarks.transfer_fit import _brier, _logit, fit, fit_rows, pages
from benchmarks.transfer_rows import Row, rows

#: The typed evidence tried (row -> bool). Run time: `not ev.target_name` / `not ev.source_name` in event_evidence.py.
FEATURES: dict[str, Callable[[Row], bool]] = {
    "no_target": lambda r: not r.has_target,
    "no_source": lambda r: not r.has_source,
}
METHODS = ("strat", "offset")
RowMap = Callable[[Row], float]


def fit_strat(train: list[Row], feature: Callable[[Row], bool], label: str = "right") -> RowMap:
    """One isotonic map per value of `feature` (a value with no training row falls back to the pooled map)."""
    pooled = fit("iso", train, label)
    maps = {v: fit("iso", part, label) if (part := [r for r in train if feature(r) == v]) else pooled
            for v in (False, True)}
    return lambda r: maps[feature(r)](r.conf)


def fit_offset(train: list[Row], feature: Callable[[Row], bool], label: str = "right", l2: float = 1.0,
               ) -> tuple[RowMap, list[float]]:
    """The confidence-only map g, then sigmoid(a * logit(g) + b + c * feature) by Newton steps (weights returned)."""
    g = fit("iso", train, label)
    z = np.array([[_logit(g(r.conf)), 1.0, float(feature(r))] for r in train])
    y = np.array([1.0 if getattr(r, label) else 0.0 for r in train])
    w = prior = np.array([1.0, 0.0, 0.0])
    for _ in range(100):
        p = 1 / (1 + np.exp(-np.clip(z @ w, -30, 30)))
        grad = z.T @ (p - y) + l2 * (w - prior)
        hess = (z * (p * (1 - p))[:, None]).T @ z + l2 * np.eye(3)
        step = np.linalg.solve(hess, grad)
        w = w - step
        if np.abs(step).max() < 1e-9:
            break
    a, b, c = (float(x) for x in w)

    def m(r: Row) -> float:
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, a * _logit(g(r.conf)) + b + c * float(feature(r))))))

    return m, [round(a, 3), round(b, 3), round(c, 3)]


def loso_scores(rs: list[Row], method: str, feature: Callable[[Row], bool], label: str = "right") -> dict[int, float]:
    """{id of row: its score under the `method` map fitted on the other stops} (`iso`: the confidence alone)."""
    out: dict[int, float] = {}
    for s in sorted({r.stop for r in rs}):
        train = [r for r in rs if r.stop != s]
        if method == "iso":
            g = fit("iso", train, label)
            m: RowMap = lambda r, g=g: g(r.conf)  # noqa: E731
        elif method == "strat":
            m = fit_strat(train, feature, label)
        else:
            m = fit_offset(train, feature, label)[0]
        out.update({id(r): m(r) for r in rs if r.stop == s})
    return out


def precision_gain(sel: list[Row], base: dict[int, float], cand: dict[int, float], threshold: float,
                   label: str = "right") -> float:
    """The candidate's shown precision at the landed layer's recall minus the landed layer's: the landed layer shows
    `sel`'s rows at or above `threshold`; the candidate its top-ranked rows until it holds as many right ones."""
    shown = [r for r in sel if base[id(r)] >= threshold]
    want = sum(bool(getattr(r, label)) for r in shown)
    if not shown:
        return 0.0
    n = ok = 0
    for r in sorted(sel, key=lambda r: -cand[id(r)]):
        if ok >= want:
            break
        n, ok = n + 1, ok + bool(getattr(r, label))
    return (ok / n if n else 0.0) - want / len(shown)


def compare(rs: list[Row], feature: str = "no_target", label: str = "right", threshold: float | None = None,
            stops: Sequence[str] = (), boot: int = 1000, seed: int = 33) -> dict:
    """Per method: ECE, Brier and precision at equal recall of the LOSO landed layer -> the candidate on the scored
    rows (`stops`, else all), the page-bootstrap 95 % interval of each difference (positive: the candidate better),
    and per stop ECE and Brier both ways."""
    from newsgraph.settings import EVENTS_THRESHOLD

    t = EVENTS_THRESHOLD if threshold is None else threshold
    feat = FEATURES[feature]
    base = loso_scores(rs, "iso", feat, label)
    scored = [r for r in rs if not stops or r.stop in stops]
    by, per_stop = pages(scored)

    def ys(sel: list[Row]) -> list[bool]:
        return [bool(getattr(r, label)) for r in sel]

    def diffs(sel: list[Row], cand: dict[int, float]) -> tuple[float, float, float]:
        bp, cp = [base[id(r)] for r in sel], [cand[id(r)] for r in sel]
        return (expected_calibration_error(bp, ys(sel)) - expected_calibration_error(cp, ys(sel)),
                _brier(bp, ys(sel)) - _brier(cp, ys(sel)), precision_gain(sel, base, cand, t, label))

    out: dict = {"feature": feature, "threshold": t, "rows": len(scored),
                 "with_feature": f"{sum(bool(getattr(r, label)) for r in scored if feat(r))}/"
                                 f"{sum(feat(r) for r in scored)} right",
                 "without": f"{sum(bool(getattr(r, label)) for r in scored if not feat(r))}/"
                            f"{sum(not feat(r) for r in scored)} right"}
    for m in METHODS:
        cand = loso_scores(rs, m, feat, label)
        rng = random.Random(seed)
        draws = []
        for _ in range(boot):
            sel = [r for keys in per_stop.values() for _k in keys for r in by[rng.choice(keys)]]
            draws.append(diffs(sel, cand))
        point = diffs(scored, cand)
        res = {}
        for i, name in enumerate(("ece", "brier", "precision_at_equal_recall")):
            d = sorted(x[i] for x in draws)
            res[name] = {"diff": round(point[i], 4), "ci": [round(d[int(0.025 * boot)], 4),
                                                           round(d[int(0.975 * boot) - 1], 4)]}
        res["ece"]["base"] = expected_calibration_error([base[id(r)] for r in scored], ys(scored))
        res["brier"]["base"] = round(_brier([base[id(r)] for r in scored], ys(scored)), 4)
        res["per_stop"] = {}
        for s in sorted(per_stop):
            sel = [r for r in scored if r.stop == s]
            bp, cp = [base[id(r)] for r in sel], [cand[id(r)] for r in sel]
            res["per_stop"][s] = {"ece": [expected_calibration_error(bp, ys(sel)), expected_calibration_error(cp, ys(sel))],
                                  "brier": [round(_brier(bp, ys(sel)), 4), round(_brier(cp, ys(sel)), 4)]}
        res["brier_wins"] = sum(v["brier"][1] < v["brier"][0] for v in res["per_stop"].values())
        res["ece_wins"] = sum(v["ece"][1] < v["ece"][0] for v in res["per_stop"].values())
        if m == "offset":
            res["weights_all_stops"] = fit_offset(rs, feat, label)[1]
        out[m] = res
    return out


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m benchmarks.transfer_strata", description=__doc__.splitlines()[0])
    ap.add_argument("--feature", default="no_target", choices=sorted(FEATURES))
    ap.add_argument("--label", default="right")
    ap.add_argument("--stops", default="", help="score only these stops (comma-separated), maps fitted as ever")
    ap.add_argument("--boot", type=int, default=1000)
    a = ap.parse_args()
    rs = fit_rows(rows(("events",)), "events")
    stops = tuple(s for s in a.stops.split(",") if s)
    print(json.dumps(compare(rs, a.feature, a.label, stops=stops, boot=a.boot), indent=1))


if __name__ == "__main__":
    main()
