"""Choose the event fit's regularisation by grouped k-fold cross-validation inside the tuning parts only.

    python -m benchmarks.fit_events_cv [CACHE]    # per kind: cross-validated ECE and log loss of every setting
                                                  # (CACHE: fit_events --cache's rows, annotated once)

Why: the settings of benchmarks/fit_events.py were chosen on the tuning parts' own ECE when they held about 100
items; a map fitted and scored on the same items scores near 0 whatever over-fits (tune ECE 0.004 against 0.059 on
the check parts). Here each setting is scored on items its fit never saw: the tune rows are cut into FOLDS folds by
split unit (a GSR story, a web or audit page: one page never sits on both sides), every fold is predicted by a fit on
the others (logistic model, then the calibration map, both on the training folds only), and the out-of-fold
confidences of all folds are pooled for ECE and log loss. The check parts are not read.
"""

from __future__ import annotations

import math
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.calibration import (
    apply,
    expected_calibration_error,
    fit_isotonic,
    fit_logistic,
    predict_logistic,
)

#: Folds of the cross-validation, and the seeds of its repeats (fold assignment by shuffled unit).
FOLDS = 5
REPEATS = (0, 1, 2)
#: The grid: L2 penalties of the logistic model and calibration maps ("iso:<fewest items per step>" or "platt").
L2S = (1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0)
MAPS = ("iso:10", "iso:20", "iso:40", "iso:80", "platt")
#: Weightings of the source sets tried (benchmarks/fit_events.py BALANCE: 0 every row 1, 1 every set the same).
BALANCES = (0.0, 0.5, 1.0)

Row = tuple  # (source, part, features, right, unit) as benchmarks/fit_events.py makes them


def fit_platt(scores: Sequence[float], labels: Sequence[bool | int], l2: float = 1e-3
              ) -> tuple[list[float], list[float]]:
    """Platt scaling (a one-feature logistic on the logit of the score), returned as a dense piecewise-linear map
    in the isotonic map's format, so the component applies it unchanged (annotate/calibration.py apply_map)."""
    def logit(p: float) -> float:
        p = min(1 - 1e-4, max(1e-4, p))
        return math.log(p / (1 - p))

    m = fit_logistic([{"z": logit(s)} for s in scores], labels, l2=l2)
    xs = [i / 200 for i in range(201)]
    ys = [round(predict_logistic(m, {"z": logit(x)}), 4) for x in xs]
    return xs, ys


def fitter(l2: float, how: str, balance: float = 0.0) -> Callable[[list[dict], list[bool], list[str]], Callable[[dict], float]]:
    """A function fitting (features, labels, source sets) into a predictor under one setting."""
    from benchmarks.fit_events import source_weights

    def fit(feats: list[dict], ys: list[bool], sources: list[str]) -> Callable[[dict], float]:
        model = fit_logistic(feats, ys, l2=l2, weights=source_weights(sources, balance))
        raw = [predict_logistic(model, f) for f in feats]
        if how == "platt":
            xs, ms = fit_platt(raw, ys)
        else:
            xs, ms = fit_isotonic(raw, ys, min_block=int(how.split(":")[1]))
        return lambda f: apply(xs, ms, predict_logistic(model, f))
    return fit


def log_loss(probs: Sequence[float], labels: Sequence[bool]) -> float:
    eps = 1e-4
    return round(-sum(math.log(min(1 - eps, max(eps, p)) if y else min(1 - eps, max(eps, 1 - p)))
                      for p, y in zip(probs, labels, strict=True)) / len(probs), 4)


def cross_validate(rows: list[Row], fit_with: Callable, folds: int = FOLDS, seeds: Sequence[int] = REPEATS
                   ) -> dict:
    """Mean over repeats of the pooled out-of-fold ECE and log loss on the tune rows, folds grouped by unit."""
    tune = [r for r in rows if r[1] == "tune"]
    units = sorted({(r[0], r[4]) for r in tune})
    eces, losses = [], []
    per_set: dict[str, list[float]] = {}
    for seed in seeds:
        order = units[:]
        random.Random(seed).shuffle(order)
        fold_of = {u: i % folds for i, u in enumerate(order)}
        probs: list[float] = []
        labels: list[bool] = []
        sets: list[str] = []
        for k in range(folds):
            train = [r for r in tune if fold_of[(r[0], r[4])] != k]
            held = [r for r in tune if fold_of[(r[0], r[4])] == k]
            if not held:
                continue
            pred = fit_with([r[2] for r in train], [r[3] for r in train], [r[0] for r in train])
            probs += [pred(r[2]) for r in held]
            labels += [r[3] for r in held]
            sets += [r[0] for r in held]
        eces.append(expected_calibration_error(probs, labels))
        for s in sorted(set(sets)):
            mine = [(c, y) for c, y, q in zip(probs, labels, sets, strict=True) if q == s]
            per_set.setdefault(s, []).append(expected_calibration_error([c for c, _ in mine], [y for _, y in mine]))
        losses.append(log_loss(probs, labels))
    return {"n": len(tune), "units": len(units), "ece": round(sum(eces) / len(eces), 4),
            "log_loss": round(sum(losses) / len(losses), 4),
            "ece_per_set": {s: round(sum(v) / len(v), 3) for s, v in per_set.items()}}


def grid(rows: list[Row], balance: float = 0.0) -> list[tuple[float, str, dict]]:
    """Every setting of the grid with its cross-validated scores, best (lowest ECE, then log loss) first."""
    out = [(l2, how, cross_validate(rows, fitter(l2, how, balance))) for l2 in L2S for how in MAPS]
    return sorted(out, key=lambda t: (t[2]["ece"], t[2]["log_loss"]))


def main() -> int:
    from benchmarks import fit_events as F

    cache = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    rows = F.load_rows(F.AUDIT_LABELS, F.WEB_LABELS, cache)[0]
    for kind in F.KINDS:
        cur = F.SETTINGS[kind]
        print(f"{kind}: in place {cur}, balance {F.BALANCE[kind]}: "
              f"{cross_validate(rows[kind], fitter(*cur, F.BALANCE[kind]))}")
        for balance in BALANCES:
            for l2, how, s in grid(rows[kind], balance)[:4]:
                print(f"  balance={balance} l2={l2:6.1f} map={how:7s} {s}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
