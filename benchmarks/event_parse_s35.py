"""The prospective check of the parse-evidence model (stop 35 e11): its committed predictions scored unchanged on s35.

Why a module of its own: the predictions (benchmarks/data/e11_s35_predictions.jsonl) were written and committed
before s35's judgements existed; this reads them and the judgements and changes nothing. Rows: the asserted events
of the draw with a judgement; right as scored (benchmarks/audit `correct`, an actor hidden below the display
threshold in force not held against its event, the actor confidences from the rebuild). Base = the event's
confidence as the code gives it (the landed layer in force, fitted on s21..s34, which never saw s35); candidate =
the model's prediction.

Rule fixed beforehand (NOTES.md, stop 35 e11): s35 contradicts the LOSO result when the model's precision at equal
recall is below the layer's (point estimate < 0) or its ECE is worse beyond noise (the interval of layer minus
model lies below 0).
"""

from __future__ import annotations

import json

from benchmarks.event_parse_fit import PREDICTIONS, PROSPECTIVE, at_cut, recall_boot
from benchmarks.event_parse_rows import load
from benchmarks.transfer_evidence import compare
from benchmarks.transfer_rows import Row


def s35_rows() -> tuple[list[Row], dict[int, float], dict[int, float]]:
    from benchmarks.audit.__main__ import correct, judgements
    from newsgraph.settings import EVENTS_THRESHOLD

    js = judgements()
    dumped = load(PROSPECTIVE)
    preds = [json.loads(x) for x in PREDICTIONS.read_text(encoding="utf-8").splitlines() if x.strip()]
    sel: list[Row] = []
    base: dict[int, float] = {}
    cand: dict[int, float] = {}
    for p in preds:
        j = js.get(p["key"])
        if j is None or p["status"] != "asserted":
            continue
        d = dumped[p["key"]]
        item = {"source_confidence": d["source_confidence"], "target_confidence": d["target_confidence"]}
        r = Row("s35", PROSPECTIVE, "events", p["key"], p["page"], float(p["base"]), p["base"] >= EVENTS_THRESHOLD,
                correct("events", j, item), correct("events", j), p["status"])
        sel.append(r)
        base[id(r)], cand[id(r)] = float(p["base"]), float(p["pred"])
    return sel, base, cand


def score(boot: int = 1000) -> dict:
    from newsgraph.settings import EVENTS_THRESHOLD

    sel, base, cand = s35_rows()
    if not sel:
        return {"rows": 0, "note": "no s35 judgements yet"}
    out = compare(sel, base, cand, EVENTS_THRESHOLD, "right", boot, seed=35)
    out["at_cut"] = at_cut(sel, base, cand, EVENTS_THRESHOLD, boot)
    out["recall_at_equal_precision"] = recall_boot(sel, base, cand, EVENTS_THRESHOLD, boot)
    ece = out["ece"]
    out["contradicts"] = bool(out["precision_at_equal_recall"]["diff"] < 0 or ece["ci"][1] < 0)
    return out
