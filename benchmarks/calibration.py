"""Fitting and checking calibration maps (shared by every task that calibrates a confidence).

    from benchmarks.calibration import fit_isotonic, expected_calibration_error, reliability_table, write_map
    xs, ys = fit_isotonic(raw_scores_tune, right_tune)            # on the tuning part only
    write_map("entity", xs, ys, note="conll2003-en tune part")     # -> annotate/data/calibration/entity.json
    ece = expected_calibration_error(calibrated_check, right_check)  # on the check part
    table = reliability_table(calibrated_check, right_check)

Isotonic regression by pool-adjacent-violators (PAV), written here rather than taken from scikit-learn: it is
thirty lines, and scikit-learn is a large dependency for the benchmark extra alone. The fitted map is a
non-decreasing step function of the raw score, stored as data (see newsgraph/annotate/calibration.py).
Expected calibration error (ECE) uses equal-width bins: the mean over bins, weighted by their share of items,
of |accuracy - mean confidence|.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

from newsgraph.annotate.calibration import DATA, apply_map, load_map

#: Bins of the reliability table and of ECE.
BINS = 10
#: Fewest items in a fitted step: PAV blocks smaller than this are pooled with a neighbour, so one odd item
#: cannot make a step of 0 or 1 that the check part will not bear out.
MIN_BLOCK = 10


def fit_isotonic(scores: Sequence[float], labels: Sequence[bool | int], min_block: int = MIN_BLOCK,
                 prior: float = 1.0, weights: Sequence[float] | None = None) -> tuple[list[float], list[float]]:
    """Non-decreasing map raw score -> share right, fitted by PAV; returns (x, y) step points.

    Each block's value is smoothed toward the overall rate by `prior` pseudo-items (so a block of 12 right out of
    12 is a little under 1.0: we never claim certainty from a dozen examples). A block is flat over the raw scores
    it holds (its lowest and highest are both step points); between blocks the map is linear. `weights` (design
    weights, e.g. 1 / sampling rate): each block's rate and the overall rate are weighted; `min_block` still counts
    rows (items judged), so a block stands on as many judgements as unweighted.
    """
    if len(scores) != len(labels):
        raise ValueError("scores and labels differ in length")
    if not scores:
        raise ValueError("nothing to fit")
    ws = [1.0] * len(scores) if weights is None else [float(w) for w in weights]
    if len(ws) != len(scores):
        raise ValueError("scores and weights differ in length")
    triples = sorted(zip((float(s) for s in scores), (1.0 if y else 0.0 for y in labels), ws, strict=True))
    base = sum(y * w for _, y, w in triples) / sum(w for _, _, w in triples)
    # blocks: [sum_wy, sum_w, min_x, max_x, rows]; items of one raw score always share a block
    blocks: list[list[float]] = []
    # one group per raw score, complete before PAV compares it (labels sort 0 before 1 within a score, so a group
    # compared while still filling would look all wrong and pull every block before it into one)
    groups: list[list[float]] = []
    for x, y, w in triples:
        if groups and groups[-1][3] == x:
            groups[-1][0] += y * w
            groups[-1][1] += w
            groups[-1][4] += 1
        else:
            groups.append([y * w, w, x, x, 1.0])
    for g in groups:
        blocks.append(g)
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]:
            b = blocks.pop()
            blocks[-1] = _merge(blocks[-1], b)
    # pool small blocks with their smaller neighbour (the merged block stays monotone)
    i = 0
    while len(blocks) > 1 and i < len(blocks):
        if blocks[i][4] < min_block:
            j = i - 1 if i == len(blocks) - 1 or (i > 0 and blocks[i - 1][4] < blocks[i + 1][4]) else i + 1
            a, b = sorted((i, j))
            blocks[a] = _merge(blocks[a], blocks[b])
            del blocks[b]
            i = 0
            continue
        i += 1
    # each block is flat from its lowest to its highest raw score; between blocks the map rises linearly
    xs: list[float] = []
    ys: list[float] = []
    for b in blocks:
        y = round((b[0] + prior * base) / (b[1] + prior), 4)
        if ys:
            y = max(y, ys[-1])  # smoothing can break monotonicity by a hair
        for x in sorted({b[2], b[3]}):
            xs.append(round(x, 4))
            ys.append(y)
    return xs, ys


def _merge(a: list[float], b: list[float]) -> list[float]:
    return [a[0] + b[0], a[1] + b[1], min(a[2], b[2]), max(a[3], b[3]), *([a[4] + b[4]] if len(a) > 4 else [])]


def apply(xs: Sequence[float], ys: Sequence[float], raw: float) -> float:
    return apply_map((tuple(xs), tuple(ys)), raw)


def reliability_table(probs: Sequence[float], labels: Sequence[bool | int], bins: int = BINS,
                      weights: Sequence[float] | None = None) -> list[dict]:
    """Rows per confidence bin that holds items: range, items, mean confidence, share right. `weights`: one per
    item (e.g. 1 / sampling rate, when part of the items is a random sample of a larger set); the bin's mean
    confidence and share right are then weighted means, and the row holds its total weight `w`."""
    w = [1.0] * len(probs) if weights is None else [float(v) for v in weights]
    rows = []
    for k in range(bins):
        lo, hi = k / bins, (k + 1) / bins
        idx = [i for i, p in enumerate(probs) if (lo <= p < hi) or (k == bins - 1 and p == 1.0)]
        if not idx:
            continue
        tw = sum(w[i] for i in idx)
        conf = sum(probs[i] * w[i] for i in idx) / tw
        acc = sum(w[i] for i in idx if labels[i]) / tw
        row = {"bin": f"{lo:.1f}-{hi:.1f}", "n": len(idx), "confidence": round(conf, 3), "accuracy": round(acc, 3)}
        if weights is not None:
            row["w"] = round(tw, 3)
        rows.append(row)
    return rows


def expected_calibration_error(probs: Sequence[float], labels: Sequence[bool | int], bins: int = BINS,
                               weights: Sequence[float] | None = None) -> float:
    """Sum over bins of (share of items, or of their `weights`) * |share right - mean confidence|."""
    if not probs:
        return 0.0
    table = reliability_table(probs, labels, bins, weights)
    total = sum(r.get("w", r["n"]) for r in table)
    return round(sum(r.get("w", r["n"]) / total * abs(r["accuracy"] - r["confidence"]) for r in table), 4)


def write_map(kind: str, xs: Sequence[float], ys: Sequence[float], note: str, **extra) -> Path:
    """Store a fitted map as annotate/data/calibration/<kind>.json (committed: it is part of the model)."""
    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"{kind}.json"
    data = {"kind": kind, "fitted_on": note, "date": dt.date.today().isoformat(), "x": list(xs), "y": list(ys),
            **extra}
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    load_map.cache_clear()
    return path


def summary(probs: Sequence[float], labels: Sequence[bool | int], weights: Sequence[float] | None = None) -> dict:
    """n, share right, mean confidence, ECE and the reliability table of one part (`weights`: see
    `reliability_table`; share right and mean confidence are then weighted too)."""
    n = len(probs)
    w = [1.0] * n if weights is None else [float(v) for v in weights]
    tw = sum(w)
    return {
        "n": n,
        "accuracy": round(sum(v for v, y in zip(w, labels, strict=True) if y) / tw, 4) if n else None,
        "confidence": round(sum(p * v for p, v in zip(probs, w, strict=True)) / tw, 4) if n else None,
        "ece": expected_calibration_error(probs, labels, weights=weights),
        "table": reliability_table(probs, labels, weights=weights),
    }


def table_rows(name: str, s: dict) -> list[list]:
    """Reliability table rows for a benchmarks Table: [item kind, bin, n, mean confidence, share right]."""
    return [[name, r["bin"], r["n"], r["confidence"], r["accuracy"]] for r in s["table"]]


def fit_logistic(rows: Sequence[dict[str, float]], labels: Sequence[bool | int], l2: float = 1.0,
                 iters: int = 50, weights: Sequence[float] | None = None) -> dict:
    """L2-regularised logistic regression by Newton's method (numpy); returns the model as data.

    Features are used as they are (they are shares, flags and logs of counts, all of a similar scale); the bias is
    not penalised. The result holds each feature's mean on the fitting data, used for a feature an item lacks.
    `weights`: one per row (e.g. to give each source set the same total weight); None weighs every row 1.
    """
    import numpy as np

    names = sorted({k for r in rows for k in r})
    x = np.array([[float(r.get(n, 0.0)) for n in names] for r in rows])
    x = np.hstack([x, np.ones((len(rows), 1))])
    y = np.array([1.0 if v else 0.0 for v in labels])
    sw = np.ones(len(rows)) if weights is None else np.array([float(v) for v in weights])
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (sw * (p - y)) + penalty * w
        hess = (x * (sw * p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    means = {n: round(float(x[:, i].mean()), 4) for i, n in enumerate(names)}
    return {"features": names, "weights": [round(float(v), 5) for v in w[:-1]], "bias": round(float(w[-1]), 5),
            "means": means}


def predict_logistic(model: dict, row: dict[str, float]) -> float:
    import math

    z = model["bias"] + sum(w * float(row.get(n, model["means"].get(n, 0.0)))
                            for n, w in zip(model["features"], model["weights"], strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def write_model(kind: str, model: dict, note: str, **extra) -> Path:
    """Store a fitted logistic model as annotate/data/calibration/<kind>_model.json."""
    from newsgraph.annotate.calibration import load_model

    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"{kind}_model.json"
    data = {"kind": kind, "fitted_on": note, "date": dt.date.today().isoformat(), **model, **extra}
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    load_model.cache_clear()
    return path
