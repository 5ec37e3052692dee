"""The events' transfer layer fitted on blind draws of the code it will run on, chosen leave-one-draw-out.

Why (stop 41): every earlier refit was fitted on rows of draws whose wrong events the rules had since been written
from (tuning rows), or on older code's snapshots. Each stop's rules take wrong events out of some confidence levels,
so a layer fitted on either reads the next unseen draws wrongly: stop 40's refit on stop 40's own code rebuilt on
s39..s68 (benchmarks/audit NOTES "stop 41") was no better than the landed layer on the blind draws s69..s76
(ECE 0.1425 -> 0.1421, Brier 0.2082 -> 0.2182). Rows of draws judged blind on the code in place are the only rows
that measure what that code does on news nobody tuned on, so this fits on them alone, and says leave-one-draw-out
how such a fit transfers to a draw it did not see.

What it found (stop 41, NOTES.md): leave-one-draw-out flatters such a fit. A round's draws were judged by the same
auditors, whose readings of borderline cases differ from another round's, and a round's draws share wire stories, so
a left-out draw is not news the fit never saw. The three fits it made (on s69..s76, s69..s84, s69..s92) each lost to
stop 38's layer on the next eight draws, which stayed: judge a candidate on a later round, never on its LODO figure
alone (`--candidate`; `--round-size` for leave-one-round-out).

Rows: a draw with a hidden sample (benchmarks/audit/below.py keys `below-<sNN>reuters`) gives every asserted event
(shown weight 1, the sample weight pool / n, as refit_prospect.py); a draw without one gives every asserted event
at confidence >= `STRATUM` as the record was built (every one judged: `audit to-judge --every-event`), a complete stratum, so
P(right | raw confidence) there is unbiased. Raw confidences come from a rebuild with the layer moved aside (label
`raw-<label without -final>`).

    python -m benchmarks.refit_blind --labels s69unseenreuters-final,...,s76unseenreuters-final [--write]
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from benchmarks import transfer_fit as T
from benchmarks.audit.__main__ import WORK, correct, judgements, key
from benchmarks.audit.below import keys_path
from benchmarks.calibration import fit_isotonic
from benchmarks.refit_prospect import LANDED, Steps, brier, ece, noise_floor, steps
from benchmarks.refit_prospect import rows as sampled_rows
from newsgraph.annotate.calibration import apply_map

#: The confidence (as built) above which a draw without a hidden sample had every asserted event judged.
STRATUM = 0.5
#: The display cut the draws were built with (settings.EVENTS_THRESHOLD when they were built).
CUT = 0.665
IDENTITY: Steps = ((0.0, 1.0), (0.0, 1.0))
Row = tuple[str, str, float, float, bool]


def sample_name(label: str) -> str:
    """below-<name>.keys.jsonl of a draw label: 's69unseenreuters-final' -> 's69reuters'."""
    n, _, rest = label.partition("unseen")
    return n + rest.removesuffix("-final")


def draw_rows(label: str, built: Steps) -> list[Row]:
    """(label, page, raw confidence, weight, right as scored) of one blind draw (module docstring)."""
    if keys_path(sample_name(label)).exists():
        return sampled_rows([label], CUT, built)
    J = judgements()
    raw_label = "raw-" + label.removesuffix("-final")
    raw = {key(r, "events", it): it["confidence"] for r in map(json.loads, (WORK / f"{raw_label}.jsonl").read_text().splitlines())
           for it in r.get("events") or []}
    out = []
    for rec in map(json.loads, (WORK / f"{label}.jsonl").read_text().splitlines()):
        for it in rec.get("events") or []:
            k = key(rec, "events", it)
            # the stratum by the confidence the record was built with (what the auditors' to-judge listed)
            if it.get("status", "asserted") == "asserted" and it["confidence"] >= STRATUM:
                out.append((label, rec["input"], raw[k], 1.0, correct("events", J[k], it)))
    return out


def fit(rs: list[Row], min_block: int = T.MIN_BLOCK) -> Steps:
    px, py = fit_isotonic([r[2] for r in rs], [r[4] for r in rs], min_block=min_block, weights=[r[3] for r in rs])
    return tuple(round(x, 4) for x in px), tuple(round(y, 4) for y in py)


def lodo(by: dict[str, list[Row]], min_block: int = T.MIN_BLOCK) -> list[Row]:
    """Every draw's rows with the confidence a fit on the other draws gives them (scored with IDENTITY)."""
    out = []
    for d, rs in by.items():
        m = fit([r for e, other in by.items() if e != d for r in other], min_block)
        out += [(r[0], r[1], apply_map(m, r[2]), r[3], r[4]) for r in rs]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.refit_blind", description=__doc__.splitlines()[0])
    ap.add_argument("--labels", required=True, help="comma-separated blind draw labels, all built on the same code")
    ap.add_argument("--built", type=Path, default=LANDED, help="the layer the draws were built with")
    ap.add_argument("--candidate", type=Path, help="score this layer on the draws instead of fitting one")
    ap.add_argument("--write", type=Path, help="write the fit on every draw here (event_transfer.json format)")
    ap.add_argument("--min-block", type=int, default=T.MIN_BLOCK, help="the isotonic fit's smallest block (rows)")
    ap.add_argument("--round-size", type=int, help="labels in rounds of this many, in order: leave-one-ROUND-out "
                    "(fit on the other rounds, score the left-out one) against the layer built with")
    a = ap.parse_args()
    labels = a.labels.split(",")
    built = steps(a.built)
    by = {label: draw_rows(label, built) for label in labels}
    every = [r for rs in by.values() for r in rs]
    w = sum(r[3] for r in every)
    print(f"{len(labels)} draws, {len(every)} rows (weight {w:.1f}), right {sum(r[3] * r[4] for r in every) / w:.3f}")
    print(f"built with: ECE {ece(every, built):.4f}, Brier {brier(every, built):.4f}; a calibrated layer's floor "
          "(mean, 95 %%): %.4f, %.4f" % noise_floor(every, built, draws=300))
    if a.candidate:
        cand = steps(a.candidate)
        print(f"candidate: ECE {ece(every, cand):.4f}, Brier {brier(every, cand):.4f}")
        for label, rs in by.items():
            print(f"  {label}: n={len(rs)} ECE {ece(rs, built):.3f} -> {ece(rs, cand):.3f}, "
                  f"Brier {brier(rs, built):.4f} -> {brier(rs, cand):.4f}")
        return
    if a.round_size:
        rounds = [labels[i:i + a.round_size] for i in range(0, len(labels), a.round_size)]
        for held in rounds:
            test = [r for label in held for r in by[label]]
            m = fit([r for label in labels if label not in held for r in by[label]], a.min_block)
            print(f"left out {held[0]}..{held[-1]}: built ECE {ece(test, built):.4f} Brier {brier(test, built):.4f}; "
                  f"fit on the other rounds ECE {ece(test, m):.4f} Brier {brier(test, m):.4f}")
    lo = lodo(by, a.min_block)
    print(f"leave-one-draw-out fit (iso, min block {a.min_block}): ECE {ece(lo, IDENTITY):.4f}, Brier {brier(lo, IDENTITY):.4f}")
    m = fit(every, a.min_block)
    print("fit on every draw:", list(zip(*m, strict=True)))
    levels = sorted({round(apply_map(built, r[2]), 3) for r in every})
    for lv in levels:
        sub = [r for r in every if round(apply_map(built, r[2]), 3) == lv]
        sw = sum(r[3] for r in sub)
        print(f"  built {lv}: weight {sw:.1f}, right {sum(r[3] * r[4] for r in sub) / sw:.3f}, refit "
              f"{sum(r[3] * apply_map(m, r[2]) for r in sub) / sw:.3f}")
    if a.write:
        a.write.write_text(json.dumps({
            "kind": "event_transfer", "method": "iso", "label": "right", "date": date.today().isoformat(),
            "rows": len(every), "lodo_ece": round(ece(lo, IDENTITY), 4), "lodo_brier": round(brier(lo, IDENTITY), 4),
            "built_ece": round(ece(every, built), 4), "built_brier": round(brier(every, built), 4),
            "min_block": a.min_block,
            "fitted_on": f"benchmarks/refit_blind.py iso (min block {a.min_block}) on the blind draws {', '.join(labels)}",
            "x": list(m[0]), "y": list(m[1])}, indent=1) + "\n", encoding="utf-8")
        print("wrote", a.write)


if __name__ == "__main__":
    main()
