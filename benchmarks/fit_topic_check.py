"""Fit the topic check (annotate/topic_check.py) on the hand-judged topics of the topic audit's draws.

    python -m benchmarks.topic_check_rows          # first: analyse the draws' pages with the current code (cached)
    python -m benchmarks.fit_topic_check           # fit on the tune pages, report tune (cross-validated) and check
    python -m benchmarks.fit_topic_check --dry-run # report only, write no model

Rows: every topic item of the draws' records (benchmarks/topic_check_rows.py) whose key (page|type|name) has a
judgement in benchmarks/audit/topics-judgements.jsonl. Split by PAGE: `benchmarks/splits.py part(page file name)`
(the draws mix publishers page by page; a page's items stay together); an LGL article's rows by its publisher
(`part(unit)`), the split its held-out audit used. The rows hold the topic confidence before
the check (topic_check_rows switches the check off), so a refit never stacks on itself.

Model, per topic type: a logistic regression (benchmarks/calibration.py fit_logistic) over the entity features, the
extra features of topic_check.py and the topic confidence's log-odds, fitted on the type's tune rows, with an
isotonic map over its output, fitted on the same rows. Reported per type, before (the topic confidence as shown
today) and after: precision of the items shown at the display threshold, recall (share of the right judged items
shown), ECE; on the tune pages by 5-fold cross-validation over pages (each fold's items scored by a model fitted on
the other four), and on the check pages by the model fitted on every tune page. Only the types of `SHIPPED` are
written: a type's check is shipped when its precision rose on both parts without a large recall loss. The check is
applied only with NEWSGRAPH_TOPIC_CHECK=1 (off by default: it lowers gum-entities-dev's F1, see topic_check.py);
`python -m benchmarks.topic_check_rows --gum` writes GUM's rows in the same form, to see what it does there.
"""

from __future__ import annotations

import argparse
import hashlib

from benchmarks.calibration import (
    apply,
    expected_calibration_error,
    fit_isotonic,
    fit_logistic,
    predict_logistic,
)
from benchmarks.splits import PARTS, part

TYPES = ("people", "organisations", "cities", "countries")
#: the types whose check is written (see the module docstring and README: for the other three, precision fell on
#: the tune pages' cross-validation, and for organisations on the check pages too)
SHIPPED = ("people",)
#: weaker L2 would let one odd page's items set a weight; stronger would flatten the evidence
L2 = 2.0
FOLDS = 5


def values(row: dict) -> dict[str, float]:
    """The model's input for one row (topic_check.check_values: features, extra features, topic log-odds)."""
    from newsgraph.annotate.topic_check import topic_logit

    return {**row["features"], "topic_logit": topic_logit(row["topic"])}


def row_part(row: dict) -> str:
    """The part of a row: its publisher's for an LGL article (`unit`), else its page's (the draws mix publishers
    page by page)."""
    return part(row.get("unit") or row["page"])


def judged_rows() -> dict[str, list[dict]]:
    """Rows with a judgement, by part (tune / check by page)."""
    from benchmarks.topic_audit import judgements
    from benchmarks.topic_check_rows import load

    done = judgements()
    rows: dict[str, list[dict]] = {p: [] for p in PARTS}
    found = set()
    for r in load():
        j = done.get(r["key"])
        if j is None or r["topic"] is None or r["key"] in found:
            continue
        found.add(r["key"])
        rows[row_part(r)].append({**r, "right": bool(j["right"])})
    print(f"judged items found in the rebuilt records: {len(found)} "
          f"(tune {len(rows['tune'])}, check {len(rows['check'])})")
    return rows


def fit(rows: list[dict]) -> tuple[dict, list[float], list[float]]:
    """Logistic model and isotonic map fitted on `rows` (one type's)."""
    model = fit_logistic([values(r) for r in rows], [r["right"] for r in rows], l2=L2)
    xs, ys = fit_isotonic([predict_logistic(model, values(r)) for r in rows], [r["right"] for r in rows])
    return model, xs, ys


def score(fitted: tuple[dict, list[float], list[float]], row: dict) -> float:
    model, xs, ys = fitted
    return round(apply(xs, ys, predict_logistic(model, values(row))), 3)


def _fold(row: dict) -> int:
    return hashlib.sha256(row["page"].encode()).digest()[0] % FOLDS


def cross_validated(rows: list[dict]) -> list[float]:
    """Each row scored by the model fitted on the other folds' pages."""
    out = [0.0] * len(rows)
    for k in range(FOLDS):
        fitted = fit([r for r in rows if _fold(r) != k])
        for i, r in enumerate(rows):
            if _fold(r) == k:
                out[i] = score(fitted, r)
    return out


def measure(items: list[tuple[float, bool]], threshold: float) -> dict:
    """Precision of the shown items, recall of the right ones, ECE."""
    shown = [y for c, y in items if c >= threshold]
    right = sum(y for _, y in items)
    return {"n": len(items), "shown": len(shown), "precision": round(sum(shown) / len(shown), 3) if shown else None,
            "recall": round(sum(shown) / right, 3) if right else None,
            "ece": expected_calibration_error([c for c, _ in items], [y for _, y in items])}


def main(argv: list[str] | None = None) -> int:
    from benchmarks.calibration import write_map, write_model
    from newsgraph.annotate.topic_check import kind
    from newsgraph.confidence import default_threshold

    ap = argparse.ArgumentParser(prog="python -m benchmarks.fit_topic_check", description=__doc__.split("\n\n")[0])
    ap.add_argument("--dry-run", action="store_true", help="report, write no model or map")
    args = ap.parse_args(argv)
    threshold = default_threshold("topics")
    rows = judged_rows()
    print(f"display threshold {threshold}; before -> after: shown, precision of shown, recall of right, ECE")
    note = ("hand-judged topics of the topic audit's draws (benchmarks/topic_audit.py SEED and FRESH_SEEDS) and of "
            "the LGL draw 20261230 (topic_check_rows.LGL_SEEDS), tune part (benchmarks/splits.py part(page file "
            "name), part(publisher) for LGL)")
    for t in TYPES:
        mine = {p: [r for r in rows[p] if r["type"] == t] for p in PARTS}
        fitted = fit(mine["tune"])
        after = {"tune": cross_validated(mine["tune"]), "check": [score(fitted, r) for r in mine["check"]]}
        res = {}
        for p in PARTS:
            b = measure([(r["topic"], r["right"]) for r in mine[p]], threshold)
            a = measure(list(zip(after[p], [r["right"] for r in mine[p]], strict=True)), threshold)
            res[p] = a
            label = "tune (CV)" if p == "tune" else "check"
            print(f"{t:14} {label:9} n={b['n']:4}  shown {b['shown']} -> {a['shown']}  P {b['precision']} -> "
                  f"{a['precision']}  R {b['recall']} -> {a['recall']}  ECE {b['ece']} -> {a['ece']}")
        top = sorted(zip(fitted[0]["features"], fitted[0]["weights"], strict=True), key=lambda x: -abs(x[1]))[:8]
        print(f"{t:14} strongest weights: " + ", ".join(f"{n} {w:+.2f}" for n, w in top))
        if t in SHIPPED and not args.dry_run:
            write_model(kind(t), fitted[0], note)
            write_map(kind(t), fitted[1], fitted[2], note, check_ece=res["check"]["ece"],
                      tune_cv_ece=res["tune"]["ece"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
