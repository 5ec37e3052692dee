"""Calibrated confidence: a component's raw score mapped to how often such items are right.

Each annotator gives its items an honest raw score in [0, 1] from its own evidence (how many cues agree, how
strong they are). A raw score is only ordered, not calibrated: 0.8 need not mean right 8 times in 10. A
calibration map, fitted on the tuning part of a development set by `benchmarks/calibration.py` (isotonic
regression, pool-adjacent-violators), turns the raw score into the share of such items that were right there,
and is checked on the check part (expected calibration error, reliability table).

Maps are data, one file per kind of item: `annotate/data/calibration/<kind>.json` with the step points `x`
(raw scores, ascending) and `y` (calibrated values, non-decreasing), plus where and when they were fitted.
Between two points the value is interpolated linearly (as scikit-learn's IsotonicRegression predicts); outside
them it is the end value. A kind without a map keeps its raw score (clipped to [0, 1]). Maps load once per
process (they are a few hundred bytes each).

Where a kind has many kinds of evidence, its raw score is itself fitted: a logistic model over named features
(`<kind>_model.json`: feature names, weights, bias; see entity_features.py), whose output the isotonic map then
calibrates.

Kinds in use: entity, entity_type, topic (newsgraph_confidence); quote, speaker, event, event_type,
event_source, event_target, fact, date (the quote, event, fact and date annotators); event_transfer, the events' last
step, and event_actor_transfer, their actors' (annotate/event_transfer.py).
"""

from __future__ import annotations

import bisect
import json
import math
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "calibration"


@lru_cache(maxsize=64)
def load_map(kind: str) -> tuple[tuple[float, ...], tuple[float, ...]] | None:
    """The fitted (x, y) steps of a kind, or None when no map was fitted for it."""
    path = DATA / f"{kind}.json"
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    xs, ys = tuple(float(v) for v in data["x"]), tuple(float(v) for v in data["y"])
    if not xs or len(xs) != len(ys) or list(xs) != sorted(xs):
        raise ValueError(f"{path}: x must be ascending and as long as y")
    return xs, ys


def apply_map(steps: tuple[tuple[float, ...], tuple[float, ...]] | None, raw: float) -> float:
    """The calibrated value of `raw` under `steps` (raw itself, clipped, when there is no map)."""
    raw = min(1.0, max(0.0, float(raw)))
    if steps is None:
        return raw
    xs, ys = steps
    if raw <= xs[0]:
        return ys[0]
    if raw >= xs[-1]:
        return ys[-1]
    i = bisect.bisect_right(xs, raw)
    x0, x1, y0, y1 = xs[i - 1], xs[i], ys[i - 1], ys[i]
    if x1 == x0:
        return y1
    return y0 + (y1 - y0) * (raw - x0) / (x1 - x0)


def calibrate(kind: str, raw: float) -> float:
    """The calibrated confidence of an item of `kind` with raw score `raw`, rounded to 3 places."""
    return round(apply_map(load_map(kind), raw), 3)


def has_map(kind: str) -> bool:
    return load_map(kind) is not None


@lru_cache(maxsize=16)
def load_model(kind: str) -> tuple[tuple[str, ...], tuple[float, ...], float, dict] | None:
    """A fitted logistic model of a kind (`<kind>_model.json`: features, weights, bias, means), or None."""
    path = DATA / f"{kind}_model.json"
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    names = tuple(data["features"])
    weights = tuple(float(w) for w in data["weights"])
    if len(names) != len(weights):
        raise ValueError(f"{path}: as many weights as features are needed")
    return names, weights, float(data["bias"]), dict(data.get("means") or {})


def logistic(kind: str, values: dict[str, float]) -> float | None:
    """The fitted logistic model's probability for these feature values (a missing feature takes its tuning mean);
    None when no model was fitted for the kind."""
    model = load_model(kind)
    if model is None:
        return None
    names, weights, bias, means = model
    z = bias + sum(w * float(values.get(n, means.get(n, 0.0))) for n, w in zip(names, weights, strict=True))
    z = max(-30.0, min(30.0, z))
    return 1.0 / (1.0 + math.exp(-z))
