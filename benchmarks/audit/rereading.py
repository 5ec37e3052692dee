"""One judging standard for the web event set's calibration label: a blind re-reading by the current conventions.

    python -m benchmarks.audit.rereading sample --cache C [--seed 2027] [--per-step 12]   # events to re-read, blind
    python -m benchmarks.audit.rereading stats                                             # agreement, right shares

Why (NOTES "stop 27, helper v2"): the web event set's first verdicts (stops 20-21) were stricter than the stop-23
Event judging conventions (a wrong actor counted against the type, offers not AGREE: 12 of 13 disagreements in a
blind second reading went that way), so a map fitted on the pooled rows learns a lower level at the middle steps than
news deserves. The calibration label is "happened and type right" (actors are judged apart), so a re-reading gives
only that. `sample` draws, from the judged asserted events of the web set (rows of recalibrate_rows' cache), a seeded
random sample per step of the map in place, never printing the old verdict (the judge reads type, trigger, actors and
context only) and skipping events already re-read. Re-readings live in REREADING (this stop's, "by": "w2, stop 27")
and in v2's blind second reading (SECOND_READINGS); `verdicts()` gives both, the later file winning, and
recalibrate_rows.load(..., reread=True) reads them in place of the first verdict where both exist.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: This stop's re-reading (one line a key: "right" = happened and type right, by the stop-23 conventions).
REREADING = HERE / "rereading-s27-w2-web.jsonl"
#: Earlier blind re-readings of web-set events by the same conventions (field "second").
SECOND_READINGS = (HERE / "second-reading-s27-v2-web.jsonl",)
SEED = 2027


def _lines(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def verdicts() -> dict[str, bool]:
    """key -> happened-and-type right, by the re-readings (this stop's last, so it wins where both read a key)."""
    out: dict[str, bool] = {}
    for path in SECOND_READINGS:
        out.update({j["key"]: bool(j["second"]) for j in _lines(path) if "key" in j and "second" in j})
    out.update({j["key"]: bool(j["right"]) for j in _lines(REREADING) if "key" in j and "right" in j})
    return out


def step_of(web_event: tuple) -> float:
    """The confidence in place of a cached web event (its map step, rounded)."""
    from benchmarks.recalibrate_rows import apply, in_place, raw_of

    return round(apply(in_place(), raw_of(web_event[4]["event"])), 2)


def cmd_sample(cache: Path, seed: int, per_step: int) -> None:
    from benchmarks.audit.web_events import judgements

    _rows, _gsr, _audit, web = pickle.loads(cache.read_bytes())
    judged, done = judgements(), verdicts()
    pool: dict[float, list[tuple]] = {}
    for e in web:
        if e[1] in judged and e[3] == "asserted" and e[1] not in done:
            pool.setdefault(step_of(e), []).append(e)
    rng = random.Random(seed)
    for step in sorted(pool):
        evs = sorted(pool[step], key=lambda e: e[1])
        rng.shuffle(evs)
        print(json.dumps({"step": step, "pool": len(evs), "taken": min(per_step, len(evs))}), flush=True)
        for e in evs[:per_step]:
            v = e[6]
            print(json.dumps({"key": e[1], "input": e[0], "part": e[2], "step": step, **{k: v.get(k) for k in (
                "type", "source_name", "target_name", "trigger")}, "context": v.get("context")}, ensure_ascii=False))


def cmd_stats() -> None:
    from benchmarks.audit.web_events import judgements

    judged = judgements()
    rows = _lines(REREADING)
    c: Counter = Counter()
    for j in rows:
        if "key" not in j:
            continue
        first = judged.get(j["key"], {})
        f = bool(first.get("happened") and first.get("type"))
        c["n"] += 1
        c["agree"] += f == j["right"]
        c["right_first"] += f
        c["right_second"] += j["right"]
        c[f"first {f} -> {j['right']}"] += 1
    print(json.dumps(dict(c)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--cache", type=Path, required=True)
    s.add_argument("--seed", type=int, default=SEED)
    s.add_argument("--per-step", type=int, default=12)
    sub.add_parser("stats")
    a = ap.parse_args()
    if a.cmd == "sample":
        cmd_sample(a.cache, a.seed, a.per_step)
    else:
        cmd_stats()


if __name__ == "__main__":
    main()
