"""Why the registers disagree on the event map: reliability per register within each value of a row feature.

    python -m benchmarks.recalibrate_features --cache C                  # every feature: explained share, LORO ECE
    python -m benchmarks.recalibrate_features --cache C --tables type    # one feature's tables per register

Why: the map in place (one map of the model's output) is over-confident on some registers and under-confident on
others at the same confidence steps (stop 29, helpers v4 and v5: web copy over at the low steps, PolNeAR and wire
under at the middle ones), so no one-map refit holds on a register it was not fitted on. If a property of the event
that the record itself carries (what its trigger is, the clause it stands in, what kind of thing its actors are,
the page's density of games and prices) explains the disagreement, the registers differ in how many events of each
kind they hold and agree within each kind: a map that reads the property then holds on a new register, where a
register flag cannot. This tool measures that, per feature (`FEATURES`, each a function of the row's own features
and its page):

- `tables`: per register and feature value, events, mean confidence in place, share right (happened and type right)
  and the gap between them;
- `cells`: a map fitted on the other registers' rows, P(right | confidence step, feature value), each cell shrunk
  toward its step's rate (pseudo-count `SHRINK`), the display cut kept (shown events floored at the threshold, the others capped under it); scored on the register left out
  (recalibrate_loro's protocol), beside the same map without the feature (`step`): a feature explains the
  disagreement when `cells:<feature>` beats `step` on the worst left-out register beyond noise.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from benchmarks.recalibrate_loro import (
    TRow,
    loro,
    loro_arguments,
    loro_rows,
    paired_worst,
    tagged_with_features,
    worst,
)
from benchmarks.recalibrate_register import CUT_MARGIN
from benchmarks.recalibrate_rows import Map, apply, raw_of

#: Confidence steps of the map in place (upper edges): the map's own plateaus (0.07-0.10, 0.24-0.31, 0.45-0.55,
#: 0.65-0.66, 0.78, 0.87-0.89, 0.99) fall one to a step.
STEPS = (0.15, 0.4, 0.6, 0.72, 0.83, 0.93, 1.01)
#: Pseudo-count of a cell's shrinkage toward its step's share right (and of a step toward its mean confidence): a
#: cell of 10 rows moves halfway from the step's rate to its own.
SHRINK = 10.0
#: Kinds of an actor the record resolves as an actor of the act (people, bodies, countries, named groups).
ACTOR_KINDS = ("person", "organisation", "country", "group")
#: L2 penalty of `logit_map` (the feature offsets and the slope): offsets of a value seen 20 times move half way.
L2 = 10.0
FRows = list[tuple[TRow, dict]]
#: Sport words (data/team_cues.tsv) per 1,000 words of a page from which it is a sport report
#: (annotate/geo.py `GeoWeights.sport_density`, the same figure); numbers per 1,000 words that split pages into
#: thirds (results tables and market reports are dense in numbers).
SPORT_REPORT = 12.0
NUMBER_CUTS = (15.0, 35.0)
#: PLOVER types whose act is said rather than done (statements, demands, meetings): the "verbal" family.
VERBAL = frozenset({"ACCUSE", "SUPPORT", "REJECT", "REQUEST", "CONSULT", "AGREE", "THREATEN", "CONCEDE"})


def step(conf: float) -> int:
    return next(i for i, e in enumerate(STEPS) if conf < e)


def kind(f: dict | None) -> str:
    """The kind of an actor (its kind flag), 'none' when the event has none."""
    if not f:
        return "none"
    return next((k[5:] for k, v in f.items() if k.startswith("kind_") and v), "other")


def actors(f: dict) -> str:
    """'both' (both actors resolved to an actor kind), 'one', 'thing' (an actor is a thing) or 'none'."""
    ev = f["event"]
    if ev.get("thing_actor"):
        return "thing"
    n = sum(kind(f.get(r)) in ACTOR_KINDS for r in ("source", "target"))
    return ("none", "one", "both")[n]


def clause(ev: dict) -> str:
    """Factuality cues of the trigger's clause: 'reported', 'noun', 'generic' (simple present), 'past', 'other'."""
    if ev.get("reported"):
        return "reported"
    if not ev.get("verb"):
        return "noun"
    return "generic" if ev.get("generic") else ("past" if ev.get("past") else "other")


def distance(f: dict) -> str:
    """How near the actors stand: 'direct' (every actor a direct argument of the trigger), 'sentence' (every actor in
    the sentence), 'far', or 'none' (no actor)."""
    roles = [f[r] for r in ("source", "target") if f.get(r) and kind(f[r]) != "none"]
    if not roles:
        return "none"
    if all(r.get("direct") for r in roles):
        return "direct"
    return "sentence" if all(r.get("in_sentence") for r in roles) else "far"


def tertile(v: float, cuts: tuple[float, float]) -> str:
    return "low" if v < cuts[0] else ("mid" if v < cuts[1] else "high")


def event_type(ev: dict) -> str:
    return next((k[5:] for k, v in ev.items() if k.startswith("type_") and k != "type_raw" and v), "none")


#: Feature name -> value of a row (its full features: "event", and "source" / "target" where the row has them).
FEATURES: dict[str, Callable[[dict], str]] = {
    "type": lambda f: event_type(f["event"]),
    "clause": lambda f: clause(f["event"]),
    "main": lambda f: "main" if f["event"].get("main") else ("sub" if f["event"].get("subordinate") else "other"),
    "actors": actors,
    "source_kind": lambda f: kind(f.get("source")),
    "target_kind": lambda f: kind(f.get("target")),
    "distance": distance,
    "ambiguous": lambda f: "ambiguous" if f["event"].get("ambiguous") else "one-type",
    "sport": lambda f: ("none" if f.get("sport", 0.0) <= 0 else
                        "report" if f.get("sport", 0.0) >= SPORT_REPORT else "some"),
    "numbers": lambda f: tertile(f.get("numbers", 0.0), NUMBER_CUTS),
    "family": lambda f: "verbal" if event_type(f["event"]) in VERBAL else "material",
    "political": lambda f: ("role" if f["event"].get("actor_role") else
                            "country" if f["event"].get("actor_country") else "neither"),
    "page_events": lambda f: tertile(f["event"].get("page_events", 0.0), (0.1, 0.2)),
    "page_quotes": lambda f: tertile(f["event"].get("page_quotes", 0.0), (0.15, 0.35)),
    "page_country": lambda f: tertile(f["event"].get("page_country", 0.0), (0.05, 0.2)),
    "page_past": lambda f: tertile(f["event"].get("page_past", 0.0), (0.4, 0.6)),
}


def page_densities(labels: Sequence[str]) -> dict[str, tuple[float, float]]:
    """{input: (sport words per 1,000 words, numbers per 1,000 words)} of the pages of the records `labels`
    (benchmarks.audit build labels; the first record of a page read). Why: a game's plays and a market's moves
    use the verbs of acts ("beat", "attack", "cut"), so pages dense in them may be wrong more often than a map of
    the model's output says, in whichever register they stand."""
    import json
    import re

    from benchmarks.audit.__main__ import WORK
    from newsgraph.annotate.city_uses import team_cues

    sport, out = team_cues().sport, {}
    for label in labels:
        path = WORK / f"{label}.jsonl"
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if rec["input"] in out:
                continue
            words = re.findall(r"[A-Za-z][A-Za-z'-]*|\d[\d.,]*", rec.get("body") or "")
            n = max(len(words), 1)
            out[rec["input"]] = (1000.0 * sum(w.lower() in sport for w in words) / n,
                                 1000.0 * sum(w[0].isdigit() for w in words) / n)
    return out


def with_pages(rows: FRows, dens: dict[str, tuple[float, float]]) -> FRows:
    """The rows with their page's densities ("sport", "numbers") in their features (0 where the page is unknown)."""
    return [(r, {**f, "sport": dens.get(f.get("input", ""), (0.0, 0.0))[0],
                 "numbers": dens.get(f.get("input", ""), (0.0, 0.0))[1]}) for r, f in rows]


def cell_map(train: FRows, feature: str | None, base: Map, threshold: float) -> Callable[[dict], float]:
    """P(right | step, value of `feature`) on `train` (weighted), each cell shrunk toward its step's share right and
    each step toward its mean confidence in place; without a feature, the step's share right alone. The cut kept."""
    value = value_of(feature) if feature else (lambda f: "")
    steps: dict[int, list[float]] = {}
    cells: dict[tuple[int, str], list[float]] = {}
    for r, f in train:
        c = apply(base, raw_of(r[2]))
        s, w = step(c), r[5]
        for acc, key in ((steps, s), (cells, (s, value(f)))):
            a = acc.setdefault(key, [0.0, 0.0, 0.0])
            a[0] += w
            a[1] += w * r[3]
            a[2] += w * c

    def rate_of(s: int, conf: float) -> float:
        n, y, _ = steps.get(s, [0.0, 0.0, 0.0])
        return (y + SHRINK * conf) / (n + SHRINK)

    def g(full: dict) -> float:
        c = apply(base, raw_of(full["event"]))
        s = step(c)
        prior = rate_of(s, c)
        n, y, _ = cells.get((s, value(full)), [0.0, 0.0, 0.0])
        p = (y + SHRINK * prior) / (n + SHRINK)
        return max(threshold, p) if c >= threshold else min(threshold - CUT_MARGIN, p)

    return g


def logit_map(train: FRows, feature: str | None, base: Map, threshold: float, l2: float = L2
              ) -> Callable[[dict], float]:
    """sigma(a + b logit(confidence in place) + an offset per value of `feature`) on `train` (weighted, L2 `l2` on
    the offsets and the slope): the additive form of `cell_map`, one offset per value instead of one rate per cell,
    so a value seen at some steps informs the others. The cut kept."""
    from benchmarks.calibration import fit_logistic, predict_logistic
    from benchmarks.recalibrate_events import _logit

    value = value_of(feature) if feature else (lambda f: "")

    def x(full: dict) -> dict[str, float]:
        return {"z": _logit(apply(base, raw_of(full["event"]))), f"v={value(full)}": 1.0}
    keys = sorted({k for _, f in train for k in x(f)})
    model = fit_logistic([{k: x(f).get(k, 0.0) for k in keys} for _, f in train], [r[3] for r, _ in train], l2=l2,
                         weights=[r[5] for r, _ in train])

    def g(full: dict) -> float:
        c = apply(base, raw_of(full["event"]))
        p = predict_logistic(model, {k: x(full).get(k, 0.0) for k in keys})
        return max(threshold, p) if c >= threshold else min(threshold - CUT_MARGIN, p)

    return g


def loro_cells(rows: FRows, feature: str | None, base: Map, threshold: float, parts: Sequence[str] = ("tune",),
               form: str = "cells") -> dict[str, list[tuple[TRow, float]]]:
    """{register: [(row, confidence)]} under `cell_map` (form "cells") or `logit_map` ("logit") fitted on the
    `parts` rows of every other register."""
    make = cell_map if form == "cells" else logit_map
    out = {}
    for reg in sorted({r[6] for r, _ in rows}):
        g = make([(r, f) for r, f in rows if r[6] != reg and r[1] in parts], feature, base, threshold)
        out[reg] = [(r, g(f)) for r, f in rows if r[6] == reg]
    return out


def tables(rows: FRows, feature: str, base: Map) -> dict[str, dict[str, tuple[float, float, float]]]:
    """{value: {register: (weight, mean confidence in place, share right)}} of `feature`."""
    acc: dict[str, dict[str, list[float]]] = {}
    for r, f in rows:
        a = acc.setdefault(value_of(feature)(f), {}).setdefault(r[6], [0.0, 0.0, 0.0])
        a[0] += r[5]
        a[1] += r[5] * apply(base, raw_of(r[2]))
        a[2] += r[5] * r[3]
    return {v: {g: (round(n, 1), round(c / n, 3), round(y / n, 3)) for g, (n, c, y) in regs.items()}
            for v, regs in sorted(acc.items())}


def value_of(feature: str) -> Callable[[dict], str]:
    """The value function of a feature of `FEATURES`, or of two or more crossed ("clause*page_quotes")."""
    fs = [FEATURES[x] for x in feature.split("*")]
    return lambda f: "*".join(g(f) for g in fs)


def explained(rows: FRows, feature: str, base: Map) -> float:
    """Share of the registers' disagreement beyond noise that the feature's composition accounts for. The
    disagreement at a cell (confidence step, feature value) is the weighted squared gap between a register's share
    right and the other registers' there, less what two samples of those sizes drawn from one rate show by chance
    (p(1-p)(1/n + 1/m)); summed over cells and registers. 1 - (excess left within the feature's values) / (excess at
    the step alone): 0 = the feature explains nothing, 1 = the registers agree within each value, below 0 = the
    registers disagree more within its values than across them (the feature splits them further)."""
    def excess(value: Callable[[dict], str]) -> float:
        acc: dict[tuple, list[float]] = {}
        for r, f in rows:
            for reg in (r[6], "*"):
                a = acc.setdefault((step(apply(base, raw_of(r[2]))), value(f), reg), [0.0, 0.0])
                a[0] += r[5]
                a[1] += r[5] * r[3]
        tot = 0.0
        for (s, v, reg), (n, y) in acc.items():
            if reg == "*":
                continue
            N, Y = acc[(s, v, "*")]
            m = N - n
            if m <= 0:
                continue
            p = Y / N
            tot += n * m / N * ((y / n - (Y - y) / m) ** 2 - p * (1 - p) * (1 / n + 1 / m))
        return tot
    whole = excess(lambda f: "")
    return round(1.0 - excess(value_of(feature)) / whole, 3) if whole > 0 else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = loro_arguments("python -m benchmarks.recalibrate_features", __doc__)
    ap.add_argument("--features", default=",".join(FEATURES))
    ap.add_argument("--tables", default="", help="features whose per-register tables to print")
    ap.add_argument("--form", default="cells", choices=("cells", "logit"), help="cell rates or logistic offsets")
    a = ap.parse_args(argv)
    rows, judged, base, t, rate = loro_rows(a)
    from benchmarks.audit.below import read_keys

    labels = [*a.audit_labels.split(","), *a.web_labels.split(","), *read_keys(a.below_sample)[0]["labels"]]
    frows = with_pages(tagged_with_features(rows, judged, base, t, rate), page_densities(labels))
    regs = sorted({r[6] for r, _ in frows})
    parts = tuple(a.train_parts.split(","))
    inplace = loro([r for r, _ in frows], "inplace", base, t)
    plain = loro_cells(frows, None, base, t, parts, a.form)
    print("| map | explained | " + " | ".join(regs) + " | worst | worst - step, 90% | worst - in place, 90% |")
    print("|---" * (len(regs) + 5) + "|")
    for name, by_reg in (("in place", inplace), ("step", plain)):
        g, e = worst(by_reg)
        eces = {x: worst({x: by_reg[x]}, (x,))[1] for x in regs}
        ci = paired_worst(inplace, by_reg, draws=a.bootstrap) if name == "step" else ""
        print(f"| {name} | | " + " | ".join(f"{eces[x]:.4f}" for x in regs) + f" | {e:.4f} ({g}) | | {ci} |")
    for feat in filter(None, a.features.split(",")):
        by_reg = loro_cells(frows, feat, base, t, parts, a.form)
        g, e = worst(by_reg)
        eces = {x: worst({x: by_reg[x]}, (x,))[1] for x in regs}
        print(f"| {a.form}:{feat} | {explained(frows, feat, base)} | " + " | ".join(f"{eces[x]:.4f}" for x in regs)
              + f" | {e:.4f} ({g}) | {paired_worst(plain, by_reg, draws=a.bootstrap)} | "
              f"{paired_worst(inplace, by_reg, draws=a.bootstrap)} |")
    for feat in filter(None, a.tables.split(",")):
        print(f"\n{feat}: per value, register: weight, mean confidence in place -> share right")
        for v, by in tables(frows, feat, base).items():
            print(f"- {v}: " + "; ".join(f"{g} {n:g}: {c:.2f}->{y:.2f}" for g, (n, c, y) in sorted(by.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
