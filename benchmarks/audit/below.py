"""A seeded random sample of the hidden events of judged page draws: the events below the display threshold.

    python -m benchmarks.audit.below to-judge --labels v1-s23,v1-s24,v1-s25   # the sample's unjudged events
    python -m benchmarks.audit.below keys --labels v1-s23,v1-s24,v1-s25       # benchmarks/audit/below-<name>.keys.jsonl
    python -m benchmarks.audit.below score --labels v1-s23,v1-s24,v1-s25      # reliability of the sample, per part

Why: on the audit's pages and draws only the events shown, and (for recall) those at confidence 0.5 or more, were
judged, and on the audit's own 99 pages a selection of the others (events an earlier model showed). So the low
confidence bins of the audit are thin or a selection, and its ECE over every event is not measured honestly (stop
25, NOTES "Event confidence recalibrated"). This module draws, with a fixed seed, a uniform random sample of every
asserted event below the display threshold (every confidence) of the records named (the judged draws, built on the
code measured), and writes its keys with the sampling rate, so that the calibration tools
(`python -m benchmarks.recalibrate_events --below-sample FILE`) weigh each sampled hidden event by 1 / rate: the
shown events (every one judged) and the sample stand for every asserted event of those pages.

The sample is drawn over the events' keys sorted (benchmarks/audit `key`), so it depends only on the records and the
seed; events judged before (by key) are reused, the others judged by hand into judgements.jsonl (`"sample":
"below-<name>"`, NOTES "Event judging conventions").
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Callable
from pathlib import Path

from benchmarks.audit.__main__ import HERE, WORK, _print_item, correct, judgements, key, threshold
from benchmarks.splits import PARTS, part

#: Default seed and size of the sample (stop 26: about one hidden event in eight of the three draws).
SEED, SIZE = 2026_12_01, 160


def hidden(labels: list[str]) -> tuple[list[tuple[dict, dict]], int]:
    """(every asserted event below the display threshold of the records `labels`, in key order; shown events)."""
    out, shown = [], 0
    for label in labels:
        for line in (WORK / f"{label}.jsonl").read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            for it in rec.get("events") or []:
                if it.get("status", "asserted") != "asserted":
                    continue
                if (it.get("confidence") or 0.0) >= threshold("events"):
                    shown += 1
                else:
                    out.append((rec, it))
    out.sort(key=lambda ri: key(ri[0], "events", ri[1]))
    return out, shown


def draw(labels: list[str], seed: int = SEED, n: int = SIZE) -> tuple[list[tuple[dict, dict]], int]:
    """(the seeded uniform sample of `hidden` events, the number of hidden events it was drawn from): the first `n`
    of the pool in a seeded random order, so a larger `n` extends a smaller one's sample (judging can stop at any n)."""
    pool, _ = hidden(labels)
    order = pool[:]
    random.Random(seed).shuffle(order)
    return order[:n], len(pool)


def keys_path(name: str) -> Path:
    return HERE / f"below-{name}.keys.jsonl"


def write_keys(labels: list[str], name: str, seed: int = SEED, n: int = SIZE) -> Path:
    """below-<name>.keys.jsonl: a header row (labels, seed, pool size, sample size, rate), then one row per sampled
    event (key, input, part, confidence); no page text."""
    picked, pool = draw(labels, seed, n)
    path = keys_path(name)
    with path.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"labels": labels, "seed": seed, "pool": pool, "n": len(picked),
                             "rate": round(len(picked) / pool, 6) if pool else None,
                             "threshold": threshold("events")}) + "\n")
        for rec, it in picked:
            fh.write(json.dumps({"key": key(rec, "events", it), "input": rec["input"], "part": part(rec["audit_unit"]),
                                 "confidence": it.get("confidence")}) + "\n")
    return path


def read_keys(path: Path) -> tuple[dict, dict[str, dict]]:
    """(the header, {key: row}) of a keys file `write_keys` wrote."""
    lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return lines[0], {r["key"]: r for r in lines[1:]}


def sample_events(path: Path, judged: dict[str, dict], shown: Callable[[dict], bool]
                  ) -> tuple[list[tuple], dict[str, float]]:
    """The events of a sample's pages for the calibration tools: (events as benchmarks/fit_events.py `annotate_pages`
    gives them, re-annotated from the sample's records; {key: weight}). Kept: every asserted event `shown` accepts
    (its features: shown at the display threshold, every one judged) with weight 1, and the sampled hidden ones with
    weight 1 / rate; the other hidden events (not sampled, or judged only as a selection) are left out."""
    from benchmarks.fit_events import annotate_pages

    head, sampled = read_keys(path)
    events = annotate_pages("draws", judged, tuple(head["labels"]))
    rate = head["rate"] or 1.0
    kept, weight = [], {}
    for ev in events:
        _inp, k, _p, status, f, *_ = ev
        if status != "asserted":
            continue
        if shown(f):
            weight[k] = 1.0
        elif k in sampled:
            weight[k] = 1.0 / rate
        else:
            continue
        kept.append(ev)
    return kept, weight


def score(labels: list[str], seed: int, n: int) -> dict:
    """Per part: sampled events judged, right (type, source and target; hidden actors not held against it), and
    the reliability table of the sample (its confidences as built)."""
    from benchmarks.calibration import summary

    done = judgements()
    picked, pool = draw(labels, seed, n)
    out: dict = {"pool": pool, "sampled": len(picked)}
    for p in (*PARTS, "all"):
        sel = [(it.get("confidence") or 0.0, correct("events", done[k], it), done[k]) for rec, it in picked
               if (k := key(rec, "events", it)) in done and p in (part(rec["audit_unit"]), "all")]
        if not sel:
            continue
        res = summary([c for c, _, _ in sel], [y for _, y, _ in sel])
        res["type_right"] = sum(bool(j.get("happened") and j.get("type")) for _, _, j in sel)
        out[p] = res
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.audit.below", description=__doc__.split("\n\n")[0])
    ap.add_argument("command", choices=("to-judge", "keys", "score"))
    ap.add_argument("--labels", required=True, help="records (benchmarks.audit build labels), comma-separated")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("-n", type=int, default=SIZE, help="events sampled")
    ap.add_argument("--name", default="s26", help="keys: the file below-<name>.keys.jsonl")
    a = ap.parse_args(argv)
    labels = a.labels.split(",")
    if a.command == "keys":
        print(write_keys(labels, a.name, a.seed, a.n))
    elif a.command == "score":
        print(json.dumps(score(labels, a.seed, a.n), indent=1))
    else:
        done = judgements()
        picked, pool = draw(labels, a.seed, a.n)
        for rec, it in picked:
            if key(rec, "events", it) not in done:
                _print_item("events", rec, it)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
