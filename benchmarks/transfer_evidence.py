"""Evidence beyond the confidence, on news nobody tuned on: the actors' display cut and one joint model (stop 34 e10).

Why: no cut on the events' confidence alone takes the shown events of the blind draws above ~0.72 right
(benchmarks/transfer_fit.py `thresholds`); of the wrong shown events ~2/3 did not happen or have the wrong type and
~1/3 have a wrong shown actor. Two levers are measured leave-one-stop-out (LOSO) on the before snapshots that still
have their records (/tmp/newsgraph-audit, stops 25..34; stops 21..24 have none, so no actor confidence or record
field): the rows are benchmarks/transfer_rows.py's events joined by key with the record's item.

1. Actor cuts (benchmarks/transfer_actors.py): an event shows its source/target only when the actor's confidence clears a cut. Now that
   cut is the events' threshold on the transfer layer's scale (settings.EVENTS_THRESHOLD; annotate/event_transfer.py
   maps actors through the events' layer). Tried: a separate, higher cut on the actor's confidence as the code gave
   it (before the layer: the same scale on every stop, `raw`), and a learned actor confidence (`learned`: an L2
   logistic over ACTOR_FEATURES, fitted across the other stops on every actor of an asserted event, label = the
   actor judged right). Each event at or above the display threshold (the landed layer, LOSO) is right when it
   happened, its type is right and each actor is right or hidden (benchmarks/audit `correct`). The cost of a cut:
   the right actors of the shown events it hides.
2. One joint model (`joint`): an L2 logistic over EVENT_FEATURES on top of the landed layer's LOSO output, against
   the landed layer (ECE, Brier, precision at equal recall, per stop, paired page bootstrap; transfer_strata's
   measures). The features were fixed before any per-stop result was looked at (NOTES.md, stop 34 e10).

Stops 33 and 34 were made with the events' layer in force: their records' confidences are the layer's, so their
raw records (the same draw rebuilt with the layer off, /tmp/newsgraph-audit/raw-<draw>.jsonl, the files
transfer_rows' RAW was frozen from) give the confidences as the code gave them, and the items' other fields.

`python -m benchmarks.transfer_evidence [--part actors|joint] [--boot N]`
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from benchmarks.calibration import expected_calibration_error
from benchmarks.transfer_fit import _brier, _logit, fit, fit_rows, pages
from benchmarks.transfer_rows import RECORDS, Row, layered, rows
from benchmarks.transfer_strata import precision_gain

#: PLOVER's four quad classes (PLOVER 2021 codebook), the type family of an event.
FAMILIES = {
    "verbal_coop": ("AGREE", "CONSULT", "SUPPORT", "CONCEDE"),
    "material_coop": ("COOPERATE", "AID", "RETREAT"),
    "verbal_conflict": ("REQUEST", "ACCUSE", "REJECT", "THREATEN"),
    "material_conflict": ("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"),
}
#: The entity types an actor with an id can have (any other type is "entity_other").
ACTOR_TYPES = ("person", "organisation", "country")
L2 = 1.0
BOOT = 1000


def record_path(label: str) -> str:
    """The records of a before label with the confidences as the code gave them (raw rebuild when layered)."""
    if layered(label):
        return str(RECORDS / f"raw-{label.removesuffix('-before')}.jsonl")
    return str(RECORDS / f"{label}.jsonl")


def trigger_offset(body: str, item: dict) -> int:
    """Where the trigger stands: its first occurrence in the event's sentence (item start..end), else the start."""
    i = body.find(item.get("trigger") or "\0", item["start"], item["end"])
    return i if i >= 0 else item["start"]


def event_evidence(item: dict, rec: dict) -> dict[str, float]:
    """EVENT_FEATURES of one event item of a record (the item and record dicts as written): the type family, a mode,
    which actors it has and whether they are entities, the trigger inside a quote, other events of its sentence,
    the page's event density (events per 1000 characters, log)."""
    body = rec.get("body") or ""
    t = trigger_offset(body, item)
    evs = rec.get("events") or []
    out = {f"fam_{f}": float(item["type"] in types) for f, types in FAMILIES.items()}
    out.update({
        "has_mode": float(bool(item.get("mode"))),
        "has_source": float(bool(item.get("source_name"))),
        "has_target": float(bool(item.get("target_name"))),
        "source_entity": float(bool(item.get("source"))),
        "target_entity": float(bool(item.get("target"))),
        "in_quote": float(any(q["start"] <= t < q["end"] for q in rec.get("quotes") or [])),
        "same_sentence": math.log1p(sum(1 for e in evs if e["start"] == item["start"] and e["end"] == item["end"]) - 1),
        "density": math.log1p(1000 * len(evs) / max(1, len(body))),
    })
    return out


EVENT_FEATURES = ("fam_verbal_coop", "fam_material_coop", "fam_verbal_conflict", "fam_material_conflict", "has_mode",
                  "has_source", "has_target", "source_entity", "target_entity", "in_quote", "same_sentence", "density")


def actor_evidence(item: dict, role: str, rec: dict) -> dict[str, float]:
    """ACTOR_FEATURES of an event's source or target: its confidence (logit), whether it is an entity with an id and
    its type, whether its name stands in the event's sentence and how far from the trigger (characters, log), the
    role, the event's confidence (logit)."""
    body = rec.get("body") or ""
    ents = {e["id"]: e for e in rec.get("entities") or []}
    ent = ents.get(item.get(role) or "")
    name = item.get(f"{role}_name") or ""
    t = trigger_offset(body, item)
    # the actor's place: its entity's mention nearest the trigger inside the sentence, else its name as written there
    spots = [m["start"] for m in (ent or {}).get("mentions") or [] if item["start"] <= m["start"] < item["end"]]
    at = min(spots, key=lambda x: abs(x - t)) if spots else body.find(name, item["start"], item["end"]) if name else -1
    typ = ent["type"] if ent else None
    return {
        "conf": _logit(float(item[f"{role}_confidence"])),
        "entity": float(ent is not None),
        **{f"type_{x}": float(typ == x) for x in ACTOR_TYPES},
        "in_sentence": float(at >= 0),
        "distance": math.log1p(abs(at - t)) / 5 if at >= 0 else 0.0,
        "target": float(role == "target"),
        "event_conf": _logit(float(item["confidence"])),
    }


ACTOR_FEATURES = ("conf", "entity", "type_person", "type_organisation", "type_country", "in_sentence", "distance",
                  "target", "event_conf")


@dataclass
class EvRow:
    """A transfer row with its record's evidence: the event's features, and per actor present its features, its
    raw confidence and its judgement."""

    row: Row
    happened_type: bool  # happened and type right
    judged: dict[str, bool]  # role -> the actor (or its absence) judged right
    feats: dict[str, float]
    actors: dict[str, dict[str, float]] = field(default_factory=dict)
    actor_conf: dict[str, float] = field(default_factory=dict)


def evidence_rows(rs: list[Row] | None = None) -> list[EvRow]:
    """The asserted event rows of the stops with records, each joined by key with its record's item."""
    from benchmarks.audit.__main__ import judgements, key

    rs = fit_rows(rows(("events",)), "events") if rs is None else rs
    js = judgements()
    out = []
    for label in sorted({r.label for r in rs}):
        try:
            lines = open(record_path(label), encoding="utf-8").read().splitlines()
        except FileNotFoundError:
            continue
        items = {}
        for line in lines:
            rec = json.loads(line)
            for it in rec.get("events") or []:
                items[key(rec, "events", it)] = (it, rec)
        for r in rs:
            if r.label != label or r.key not in items:
                continue
            it, rec = items[r.key]
            j = js[r.key]
            er = EvRow(r, bool(j.get("happened") and j.get("type")), {x: bool(j.get(x)) for x in ("source", "target")},
                       event_evidence(it, rec))
            for role in ("source", "target"):
                if it.get(f"{role}_name") and it.get(f"{role}_confidence") is not None:
                    er.actors[role] = actor_evidence(it, role, rec)
                    er.actor_conf[role] = float(it[f"{role}_confidence"])
            out.append(er)
    return out


def fit_logistic(x: np.ndarray, y: np.ndarray, prior: np.ndarray, l2: float = L2) -> np.ndarray:
    """Weights of sigmoid(x @ w), maximum likelihood with an L2 pull toward `prior`, by damped Newton steps (the
    step halved until the penalised loss falls: confidences near 1 give logits of 7-9, where a full step can
    overshoot)."""

    def loss(w: np.ndarray) -> float:
        z = np.clip(x @ w, -30, 30)
        return float(np.sum(np.logaddexp(0, z) - y * z) + 0.5 * l2 * np.sum((w - prior) ** 2))

    w = prior.astype(float).copy()
    cur = loss(w)
    for _ in range(100):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + l2 * (w - prior)
        hess = (x * (p * (1 - p))[:, None]).T @ x + l2 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        t = 1.0
        while t > 1e-6 and loss(w - t * step) > cur:
            t /= 2
        w = w - t * step
        new = loss(w)
        if cur - new < 1e-10:
            break
        cur = new
    return w


def _sig(z: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


# -- 2. the joint model -------------------------------------------------------------------------------------------
def joint_scores(all_rows: list[Row], ers: list[EvRow], label: str = "right", l2: float = L2,
                 ) -> tuple[dict[int, float], dict[int, float]]:
    """({id of row: landed layer LOSO}, {id of row: joint model LOSO}) for the rows with evidence. The layer of a
    left-out stop is fitted on every other stop's rows (records or not); the joint model on the other stops' rows
    with records: sigmoid(a * logit(g(conf)) + b + w . features), L2 toward a = 1, b = w = 0."""
    base: dict[int, float] = {}
    cand: dict[int, float] = {}
    for s in sorted({e.row.stop for e in ers}):
        g = fit("iso", [r for r in all_rows if r.stop != s], label)
        train = [e for e in ers if e.row.stop != s]

        def x(e: EvRow, g: Callable[[float], float] = g) -> list[float]:
            return [_logit(g(e.row.conf)), 1.0, *(e.feats[f] for f in EVENT_FEATURES)]

        prior = np.zeros(2 + len(EVENT_FEATURES))
        prior[0] = 1.0
        w = fit_logistic(np.array([x(e) for e in train]), np.array([float(getattr(e.row, label)) for e in train]),
                         prior, l2)
        for e in ers:
            if e.row.stop == s:
                base[id(e.row)] = g(e.row.conf)
                cand[id(e.row)] = _sig(float(np.array(x(e)) @ w))
    return base, cand


def compare(sel: list[Row], base: dict[int, float], cand: dict[int, float], threshold: float, label: str = "right",
            boot: int = BOOT, seed: int = 34) -> dict:
    """ECE, Brier, precision at equal recall of base -> cand (positive: cand better) with paired page-bootstrap
    95 % intervals (stratified by stop), and per stop."""
    by, per_stop = pages(sel)

    def ys(s: list[Row]) -> list[bool]:
        return [bool(getattr(r, label)) for r in s]

    def diffs(s: list[Row]) -> tuple[float, float, float]:
        bp, cp = [base[id(r)] for r in s], [cand[id(r)] for r in s]
        return (expected_calibration_error(bp, ys(s)) - expected_calibration_error(cp, ys(s)),
                _brier(bp, ys(s)) - _brier(cp, ys(s)), precision_gain(s, base, cand, threshold, label))

    rng = random.Random(seed)
    draws = [diffs([r for keys in per_stop.values() for _k in keys for r in by[rng.choice(keys)]]) for _ in range(boot)]
    point = diffs(sel)
    out: dict = {"rows": len(sel)}
    for i, name in enumerate(("ece", "brier", "precision_at_equal_recall")):
        d = sorted(x[i] for x in draws)
        out[name] = {"diff": round(point[i], 4), "ci": [round(d[int(0.025 * boot)], 4), round(d[int(0.975 * boot) - 1], 4)]}
    out["ece"]["base"] = expected_calibration_error([base[id(r)] for r in sel], ys(sel))
    out["brier"]["base"] = round(_brier([base[id(r)] for r in sel], ys(sel)), 4)
    out["per_stop"] = {}
    for s in sorted(per_stop):
        ss = [r for r in sel if r.stop == s]
        bp, cp = [base[id(r)] for r in ss], [cand[id(r)] for r in ss]
        out["per_stop"][s] = {"n": len(ss), "ece": [expected_calibration_error(bp, ys(ss)), expected_calibration_error(cp, ys(ss))],
                              "brier": [round(_brier(bp, ys(ss)), 4), round(_brier(cp, ys(ss)), 4)],
                              "prec_gain": round(precision_gain(ss, base, cand, threshold, label), 3)}
    out["brier_wins"] = sum(v["brier"][1] < v["brier"][0] for v in out["per_stop"].values())
    out["ece_wins"] = sum(v["ece"][1] < v["ece"][0] for v in out["per_stop"].values())
    return out


def joint(boot: int = BOOT, label: str = "right", l2: float = L2) -> dict:
    """Part 2: the joint model against the landed layer, LOSO, on the stops with records."""
    from newsgraph.settings import EVENTS_THRESHOLD

    all_rows = fit_rows(rows(("events",)), "events")
    ers = evidence_rows(all_rows)
    base, cand = joint_scores(all_rows, ers, label, l2)
    sel = [e.row for e in ers]
    out = compare(sel, base, cand, EVENTS_THRESHOLD, label, boot)
    prior = np.zeros(2 + len(EVENT_FEATURES))
    prior[0] = 1.0
    g = fit("iso", all_rows, label)
    w = fit_logistic(np.array([[_logit(g(e.row.conf)), 1.0, *(e.feats[f] for f in EVENT_FEATURES)] for e in ers]),
                     np.array([float(getattr(e.row, label)) for e in ers]), prior, l2)
    out["weights_all_stops"] = dict(zip(("logit_g", "bias", *EVENT_FEATURES), (round(float(v), 3) for v in w), strict=True))
    return out


def main(argv: Sequence[str] | None = None) -> None:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m benchmarks.transfer_evidence", description=__doc__.splitlines()[0])
    ap.add_argument("--part", choices=("actors", "joint"), default="actors")
    ap.add_argument("--boot", type=int, default=BOOT)
    ap.add_argument("--l2", type=float, default=L2, help="the joint model's L2 (1 fixed beforehand)")
    a = ap.parse_args(argv)
    if a.part == "actors":
        from benchmarks.transfer_actors import actors

        print(json.dumps(actors(a.boot), indent=1))
    else:
        print(json.dumps(joint(a.boot, l2=a.l2), indent=1))


if __name__ == "__main__":
    main()
