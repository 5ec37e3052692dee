"""A landed events layer against a refit on blind draws neither was fitted on: every asserted event, ECE and Brier.

Why a tool of its own: refit_check.py scores refits leave-one-stop-out on the rows they are fitted from; a refit that
lands after later blind draws were judged (stop 38: v12's 21-stop refit, checked on s43..s48) needs its figure on
those draws, read at the raw confidence (a rebuild of each draw with data/calibration/event_transfer.json moved
aside, label raw-<label without -final>). Rows as the issue's calibration goal reads them: every asserted event
shown at the display cut with weight 1, the seeded hidden sample (benchmarks/audit/below.py) with weight pool / 50;
right as scored (benchmarks/audit `correct`). Ten equal bins; a page bootstrap of the difference.

`noise_floor` says what ECE a perfectly calibrated layer would show on the same rows (outcomes drawn at each row's
own confidence, the weights kept): with about 55 weighted rows per draw and ten bins the floor is itself near 0.1,
so one draw's ECE above 0.05 is no evidence of miscalibration unless it is above the floor's 95th percentile.

    python -m benchmarks.refit_prospect --refit PATH --labels s43unseenreuters-final,s44unseenreuters-final [--cut 0.665]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from benchmarks.audit.__main__ import WORK, correct, judgements, key
from benchmarks.audit.below import draw
from newsgraph.annotate.calibration import apply_map

Steps = tuple[tuple[float, ...], tuple[float, ...]]
LANDED = Path(__file__).resolve().parents[1] / "src/newsgraph/annotate/data/calibration/event_transfer.json"


def steps(path: Path) -> Steps:
    d = json.loads(path.read_text(encoding="utf-8"))
    return tuple(d["x"]), tuple(d["y"])


def rows(labels: list[str], cut: float, shown_map: Steps) -> list[tuple[str, str, float, float, bool]]:
    """(label, page, raw confidence, weight, right): the events shown at `cut` under `shown_map` (the layer the draw
    was built with) and the hidden sample of each draw."""
    J = judgements()
    out = []
    for label in labels:
        raw_label = "raw-" + label.removesuffix("-final").removesuffix("-before")
        raw = {key(r, "events", it): it["confidence"] for r in map(json.loads, (WORK / f"{raw_label}.jsonl").read_text().splitlines())
               for it in r.get("events") or []}
        picked, pool = draw([label], n=50)
        for rec in map(json.loads, (WORK / f"{label}.jsonl").read_text().splitlines()):
            for it in rec.get("events") or []:
                k = key(rec, "events", it)
                if it.get("status", "asserted") == "asserted" and apply_map(shown_map, raw[k]) >= cut:
                    out.append((label, rec["input"], raw[k], 1.0, correct("events", J[k], it)))
        out += [(label, rec["input"], raw[key(rec, "events", it)], pool / len(picked),
                 correct("events", J[key(rec, "events", it)], it)) for rec, it in picked]
    return out


def ece(rs: list, m: Steps) -> float:
    bins: dict[int, list[float]] = {}
    for _, _, x, w, y in rs:
        p = apply_map(m, x)
        v = bins.setdefault(min(int(p * 10), 9), [0.0, 0.0, 0.0])
        v[0] += w
        v[1] += w * y
        v[2] += w * p
    return sum(abs(v[1] - v[2]) for v in bins.values()) / sum(r[3] for r in rs)


def noise_floor(rs: list, m: Steps, draws: int = 1000, seed: int = 39) -> tuple[float, float]:
    """(mean, 95th percentile) of the ECE a calibrated layer shows on `rs`: each row's outcome drawn as right with the
    probability `m` gives it, weights kept, `draws` times."""
    rng = random.Random(seed)
    ps = [apply_map(m, x) for _, _, x, _, _ in rs]
    sims = sorted(ece([(a, b, x, w, rng.random() < p) for (a, b, x, w, _), p in zip(rs, ps, strict=True)], m) for _ in range(draws))
    return sum(sims) / draws, sims[int(0.95 * draws) - 1]


def brier(rs: list, m: Steps) -> float:
    return sum(w * (apply_map(m, x) - y) ** 2 for _, _, x, w, y in rs) / sum(r[3] for r in rs)


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.refit_prospect", description=__doc__.splitlines()[0])
    ap.add_argument("--refit", type=Path, required=True, help="the refit's event_transfer.json")
    ap.add_argument("--landed", type=Path, default=LANDED, help="the layer the draws were built with")
    ap.add_argument("--labels", required=True, help="comma-separated blind draw labels")
    ap.add_argument("--cut", type=float, default=0.7, help="the events' display cut the draws were built with")
    ap.add_argument("--noise", action="store_true", help="beside each ECE, the refit's noise floor (mean, 95th pct)")
    a = ap.parse_args()
    landed, refit = steps(a.landed), steps(a.refit)
    rs = rows(a.labels.split(","), a.cut, landed)
    for label in a.labels.split(","):
        sub = [r for r in rs if r[0] == label]
        floor = " (floor {:.3f}, 95 % {:.3f})".format(*noise_floor(sub, refit)) if a.noise else ""
        print(f"{label}: n={len(sub)} ECE {ece(sub, landed):.3f} -> {ece(sub, refit):.3f}{floor}, "
              f"Brier {brier(sub, landed):.4f} -> {brier(sub, refit):.4f}")
    if a.noise:
        print("pooled floor of the refit: mean {:.4f}, 95 % {:.4f}".format(*noise_floor(rs, refit, draws=300)))
    rng, pages = random.Random(38), sorted({(r[0], r[1]) for r in rs})
    by: dict[tuple[str, str], list] = {}
    for r in rs:
        by.setdefault((r[0], r[1]), []).append(r)
    diffs = sorted(ece(s, landed) - ece(s, refit) for s in ([r for _ in pages for r in by[rng.choice(pages)]] for _ in range(1000)))
    print(f"pooled n={len(rs)}: ECE {ece(rs, landed):.4f} -> {ece(rs, refit):.4f} (landed - refit [{diffs[25]:+.4f}, "
          f"{diffs[974]:+.4f}]), Brier {brier(rs, landed):.4f} -> {brier(rs, refit):.4f}")


if __name__ == "__main__":
    main()
