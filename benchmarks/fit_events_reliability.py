"""Per-source reliability of the event confidences: is a source's ECE miscalibration or chance?

    python -m benchmarks.fit_events_reliability --cache /tmp/ev.pkl            # the models in place
    python -m benchmarks.fit_events_reliability --cache /tmp/ev.pkl --explain  # and the features behind a gap

`fit_events` reports one ECE per source and part; on small parts (GSR check: 27 events) that figure is mostly noise.
Here, per kind, source and part:
- ECE with a 95 % bootstrap interval, resampling the split's units (GSR stories, audit publishers, web pages) so
  that events of one page move together, as they do when a different page is drawn;
- the gap (mean confidence minus share right; > 0 over-confident, < 0 under-confident) with its interval: a gap
  whose interval excludes 0 is a systematic lean, not chance;
- `auc`: how well the confidences rank right events above wrong ones (0.5: no better than chance); an ECE with no
  lean and a low AUC comes from ranking, not from the level;
- `floor` and `p`: the mean ECE a perfectly calibrated model shows on these confidences (labels drawn from them)
  and the share of those draws at or above the observed ECE; a small p says the ECE is more than chance.
The web event set is also reported per page source ("web:html" the fundus and trafilatura-eval pages, "web:lgl" the
local US news of geoparsing-news), because the two differ in register.

`--explain`: for each source whose tune-part gap is systematic, the features most associated with the residual
(right minus confidence) on its tune rows: a feature that explains the lean is the one to fix in the model or the
component (annotate/event_features.py, event_register.py), rather than adding a flag naming the source.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.calibration import expected_calibration_error
from benchmarks.splits import PARTS

#: bootstrap draws and the interval's coverage
DRAWS, COVER = 1000, 0.95
#: groups reported: the fit's sources, the web set by page source, and all pooled
GROUPS = ("gsr", "audit", "web", "web:html", "web:lgl", "all")


def group_of(row: tuple) -> tuple[str, ...]:
    """The groups a fit row (source, part, features, right, unit) belongs to."""
    src, unit = row[0], row[4]
    if src != "web":
        return (src, "all")
    return ("web", "web:lgl" if str(unit).startswith("lgl/") else "web:html", "all")


def gap(probs: Sequence[float], labels: Sequence[bool]) -> float:
    """Mean confidence minus share right (> 0: over-confident)."""
    return sum(probs) / len(probs) - sum(1 for y in labels if y) / len(labels) if probs else 0.0


def auc(probs: Sequence[float], labels: Sequence[bool]) -> float | None:
    """The share of (right, wrong) pairs the confidences order right (ties count half); None without both."""
    pos = [p for p, y in zip(probs, labels, strict=True) if y]
    neg = [p for p, y in zip(probs, labels, strict=True) if not y]
    if not pos or not neg:
        return None
    wins = sum((a > b) + 0.5 * (a == b) for a in pos for b in neg)
    return round(wins / (len(pos) * len(neg)), 3)


def interval(values: list[float]) -> tuple[float, float]:
    vs = sorted(values)
    lo = vs[int((1 - COVER) / 2 * len(vs))]
    hi = vs[min(len(vs) - 1, int((1 + COVER) / 2 * len(vs)))]
    return round(lo, 4), round(hi, 4)


def bootstrap(items: list[tuple[float, bool, str]], seed: int = 0) -> dict:
    """ECE and gap with intervals from resampling units; `items`: (confidence, right, unit)."""
    rng = random.Random(seed)
    by_unit: dict[str, list[tuple[float, bool]]] = {}
    for c, y, u in items:
        by_unit.setdefault(u, []).append((c, y))
    units = sorted(by_unit)
    eces, gaps = [], []
    for _ in range(DRAWS):
        draw = [x for _ in units for x in by_unit[units[rng.randrange(len(units))]]]
        ps, ys = [c for c, _ in draw], [y for _, y in draw]
        eces.append(expected_calibration_error(ps, ys))
        gaps.append(gap(ps, ys))
    return {"ece_ci": interval(eces), "gap_ci": interval(gaps)}


def chance(probs: list[float], observed: float, seed: int = 0) -> tuple[float, float]:
    """(mean ECE of a perfectly calibrated model on `probs`, share of its draws with ECE >= `observed`)."""
    rng = random.Random(seed)
    sims = [expected_calibration_error(probs, [rng.random() < c for c in probs]) for _ in range(DRAWS)]
    return round(sum(sims) / len(sims), 4), round(sum(s >= observed for s in sims) / len(sims), 3)


def per_source(kind: str, rows: list[tuple], prob: Callable[[dict], float]) -> dict:
    """Per group and part: n, share right, mean confidence, ECE (interval), gap (interval), floor, p; printed."""
    scored = [(group_of(r), r[1], prob(r[2]), bool(r[3]), f"{r[0]}:{r[4]}") for r in rows]
    out: dict = {}
    for g in GROUPS:
        for p in PARTS:
            items = [(c, y, u) for gs, q, c, y, u in scored if g in gs and q == p]
            if not items:
                continue
            ps, ys = [c for c, _, _ in items], [y for _, y, _ in items]
            ece = expected_calibration_error(ps, ys)
            floor, pval = chance(ps, ece)
            res = {"n": len(items), "units": len({u for *_, u in items}), "right": round(sum(ys) / len(ys), 3),
                   "confidence": round(sum(ps) / len(ps), 3), "ece": ece, "gap": round(gap(ps, ys), 4),
                   "floor": floor, "p": pval, "auc": auc(ps, ys), **bootstrap(items)}
            out[f"{g}/{p}"] = res
            lean = "over" if res["gap_ci"][0] > 0 else "under" if res["gap_ci"][1] < 0 else "-"
            print(f"{kind:13s} {g:8s} {p:5s} n={res['n']:4d} ({res['units']:3d} units) right={res['right']:.3f} "
                  f"conf={res['confidence']:.3f} ECE={ece:.3f} {list(res['ece_ci'])} gap={res['gap']:+.3f} "
                  f"{list(res['gap_ci'])} lean={lean} auc={res['auc']} floor={floor:.3f} p={pval:.3f}")
    return out


def explain(kind: str, rows: list[tuple], prob: Callable[[dict], float], result: dict, top: int = 6) -> dict:
    """For each source whose tune gap interval excludes 0: the features whose values go with the residual
    (right - confidence) on its tune rows, by the covariance of feature and residual over the feature's spread
    (a correlation), strongest first; and the same features' correlation on the other sources' tune rows."""
    import numpy as np

    out: dict = {}
    for g in GROUPS[:-1]:
        res = result.get(f"{g}/tune")
        if not res or (res["gap_ci"][0] <= 0 <= res["gap_ci"][1]):
            continue
        mine = [r for r in rows if r[1] == "tune" and g in group_of(r)]
        rest = [r for r in rows if r[1] == "tune" and g not in group_of(r)]
        names = sorted({k for r in mine for k in r[2]})

        def corr(rs: list[tuple], name: str) -> float:
            x = np.array([float(r[2].get(name, 0.0)) for r in rs])
            e = np.array([float(r[3]) - prob(r[2]) for r in rs])
            return float(np.corrcoef(x, e)[0, 1]) if len(rs) > 2 and x.std() > 0 and e.std() > 0 else 0.0

        ranked = sorted(((n, corr(mine, n)) for n in names), key=lambda t: -abs(t[1]))[:top]
        out[g] = [{"feature": n, "corr": round(c, 3), "corr_elsewhere": round(corr(rest, n), 3),
                   "mean": round(float(np.mean([r[2].get(n, 0.0) for r in mine])), 3),
                   "mean_elsewhere": round(float(np.mean([r[2].get(n, 0.0) for r in rest])), 3) if rest else None}
                  for n, c in ranked]
        print(f"{kind} {g}: tune gap {res['gap']:+.3f} {list(res['gap_ci'])}; features with the residual:")
        for d in out[g]:
            print(f"    {d['feature']:28s} corr {d['corr']:+.3f} (elsewhere {d['corr_elsewhere']:+.3f})  mean "
                  f"{d['mean']} (elsewhere {d['mean_elsewhere']})")
    return out


def main(argv: list[str] | None = None) -> int:
    from benchmarks import fit_events as F
    from newsgraph.annotate.calibration import apply_map, load_map, logistic

    ap = argparse.ArgumentParser(prog="python -m benchmarks.fit_events_reliability", description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, default=None, help="the annotated rows (fit_events --cache)")
    ap.add_argument("--kinds", default=",".join(F.KINDS), help="the kinds to report")
    ap.add_argument("--explain", action="store_true", help="the features behind a systematic lean")
    a = ap.parse_args(argv)
    rows = F.load_rows(F.AUDIT_LABELS, F.WEB_LABELS, a.cache)[0]
    for kind in a.kinds.split(","):
        def prob(f: dict, k: str = kind) -> float:
            return apply_map(load_map(k), logistic(k, f) or 0.0)

        res = per_source(kind, rows[kind], prob)
        if a.explain:
            explain(kind, rows[kind], prob, res)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
