"""The judged draws' events rebuilt on current code, with and without the actor-span cap (stop 35, helper e12).

Why: hiding an actor (annotate/event_actor_spans.py) changes no event's audit key, so every judged event keeps its
verdict (judgements.jsonl: happened, type, source, target). One rebuild per draw gives both sides: the component
leaves each capped actor's reason and its confidence before the cap (event_evidence.ACTOR_SPANS_KEY), so "before"
is the confidence the code gives with the knob off and "after" the one it gives as it runs.

Per draw: the judged shown events (status asserted, confidence >= the events' cut) right as scored (happened, type
right, each actor right or hidden below the cut) before -> after; the actors the cap hides, right ones (the recall
price) and wrong ones; a paired page bootstrap of the difference, pooled over the draws given.

    python -m benchmarks.actor_spans --lee          # s35, s36, s37 (Lee pool, current code)
    python -m benchmarks.actor_spans --older        # s25..s34 before draws, current code's events
    python -m benchmarks.actor_spans --snapshots    # s25..s35: the before snapshots' own events

Not landed (NOTES.md stop 35 e12): the rule (annotate/event_actor_spans.py, the knob, ACTOR_SPANS_KEY) lives in
commit f282220 of branch e12 and was reverted; this tool runs on a tree holding it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
from pathlib import Path

from benchmarks.event_parse_rows import SEEDS

RECORDS = Path("/tmp/newsgraph-audit")
LEE = {"s35unseenlee-before": 20271101, "s36unseenlee-before": 20271102, "s37unseenlee-final": 20271103}
OLDER = {k: v for k, v in SEEDS.items() if not k.startswith("s35")}
BOOT = 2000


def rebuild(label: str, seed: int) -> list[dict]:
    """Every event of the draw's pages on current code: key, page, status, confidence, per actor (name, confidence
    after, confidence before the cap, reason)."""
    os.environ.setdefault("NEWSGRAPH_DOC_TIMEOUT", "0")
    import newsgraph.annotate as ann
    from benchmarks.audit.__main__ import key
    from benchmarks.audit.fresh import build_raws
    from newsgraph.annotate.event_evidence import ACTOR_SPANS_KEY
    from newsgraph.pipeline import analyze_stream

    capped: dict[tuple, dict[str, tuple[str, float]]] = {}
    orig = ann.to_article

    def hooked(ex, doc, plan=None):  # type: ignore[no-untyped-def]
        if doc is not None:
            got = doc.user_data.get(ACTOR_SPANS_KEY, {})
            for ev in doc._.ng_events or []:
                if id(ev) in got:
                    capped[(ex.input, ev.start, ev.end, ev.type, ev.source_name, ev.target_name, ev.trigger)] = got[id(ev)]
        return orig(ex, doc, plan)

    ann.to_article = hooked
    out = []
    try:
        for art in analyze_stream(build_raws(seed)):
            if not hasattr(art, "body"):
                continue
            for ev in art.events:
                c = capped.get((art.input, ev.start, ev.end, ev.type, ev.source_name, ev.target_name, ev.trigger), {})
                d = {"start": ev.start, "end": ev.end, "type": ev.type, "source_name": ev.source_name,
                     "target_name": ev.target_name, "trigger": ev.trigger}
                row = {"key": key({"input": art.input}, "events", d), "page": art.input, "status": ev.status,
                       "confidence": ev.confidence}
                for r in ("source", "target"):
                    after = getattr(ev, f"{r}_confidence")
                    reason, before = c[r] if r in c else (None, after)
                    row[r] = {"name": getattr(ev, f"{r}_name"), "after": after, "before": before, "reason": reason}
                out.append(row)
    finally:
        ann.to_article = orig
    return out


def _ok(j: dict, conf: float | None, role: str, cut: float) -> bool:
    return bool(j.get(role)) or (conf is not None and conf < cut)


def score(rows: list[dict], judged: dict[str, dict], cut: float) -> dict:
    """Per page: (shown, right before, right after); the capped actors of shown judged events and their verdicts."""
    pages: dict[str, list[int]] = {}
    hidden = {"right": 0, "wrong": 0, "by_reason": {}}
    unjudged_shown = 0
    for r in rows:
        if r["status"] != "asserted" or (r["confidence"] or 0.0) < cut:
            continue
        j = judged.get(r["key"])
        if j is None:
            unjudged_shown += 1
            continue
        p = pages.setdefault(r["page"], [0, 0, 0])
        base = bool(j.get("happened") and j.get("type"))
        p[0] += 1
        p[1] += base and all(_ok(j, r[x]["before"], x, cut) for x in ("source", "target"))
        p[2] += base and all(_ok(j, r[x]["after"], x, cut) for x in ("source", "target"))
        for x in ("source", "target"):
            a = r[x]
            if base and j.get(x) and a["name"]:
                for side in ("before", "after"):
                    if a[side] is not None and a[side] >= cut:
                        hidden[f"right_shown_{side}"] = hidden.get(f"right_shown_{side}", 0) + 1
            if a["reason"] and a["before"] is not None and a["before"] >= cut > a["after"]:
                v = "right" if j.get(x) else "wrong"
                hidden[v] += 1
                hidden["by_reason"].setdefault(a["reason"], {"right": 0, "wrong": 0})[v] += 1
                hidden.setdefault("items", []).append(
                    {"key": r["key"], "role": x, "name": a["name"], "reason": a["reason"], "verdict": v,
                     "event_right_base": base})
    return {"pages": pages, "hidden": hidden, "unjudged_shown": unjudged_shown}


def boot(by_draw: dict[str, dict[str, list[int]]], n: int = BOOT, seed: int = 7) -> tuple[float, float, float]:
    """The pooled precision difference (after - before) and its 95 % paired page bootstrap (pages resampled within
    each draw)."""
    def diff(pg: list[list[int]]) -> float:
        s = sum(x[0] for x in pg)
        return (sum(x[2] for x in pg) - sum(x[1] for x in pg)) / s if s else 0.0

    allp = [v for d in by_draw.values() for v in d.values()]
    rng = random.Random(seed)
    ds = []
    for _ in range(n):
        sample = []
        for d in by_draw.values():
            vals = list(d.values())
            sample += [vals[rng.randrange(len(vals))] for _ in vals]
        ds.append(diff(sample))
    ds.sort()
    return diff(allp), ds[int(0.025 * n)], ds[int(0.975 * n) - 1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lee", action="store_true")
    ap.add_argument("--older", action="store_true")
    ap.add_argument("--snapshots", action="store_true", help="the rule on the before snapshots' own events")
    ap.add_argument("--out", default=str(RECORDS / "e12-actor-spans.json"))
    a = ap.parse_args()
    from benchmarks.audit.__main__ import judgements
    from newsgraph.settings import EVENTS_THRESHOLD

    if a.snapshots:
        before_score(OLDER | {"s35unseenlee-before": LEE["s35unseenlee-before"]})
        return
    judged = {k: j for k, j in judgements().items() if j.get("item") == "events"}
    groups = {}
    if a.lee:
        groups["lee"] = LEE
    if a.older:
        groups["older"] = OLDER
    report = {}
    for g, draws in groups.items():
        by_draw, tot = {}, {"shown": 0, "before": 0, "after": 0, "hid_right": 0, "hid_wrong": 0, "unjudged": 0,
                         "right_actors_shown_before": 0, "right_actors_shown_after": 0}
        for label, seed in draws.items():
            s = score(rebuild(label, seed), judged, EVENTS_THRESHOLD)
            pg = s["pages"]
            by_draw[label] = pg
            sh, b, af = (sum(v[i] for v in pg.values()) for i in range(3))
            line = {"shown": sh, "before": b, "after": af, "hid_right": s["hidden"]["right"],
                    "hid_wrong": s["hidden"]["wrong"], "unjudged": s["unjudged_shown"],
                    "right_actors_shown_before": s["hidden"].get("right_shown_before", 0),
                    "right_actors_shown_after": s["hidden"].get("right_shown_after", 0),
                    "by_reason": s["hidden"]["by_reason"], "items": s["hidden"].get("items", [])}
            report[label] = line
            for k in tot:
                tot[k] += line[k]
            print(f"{label}: shown {sh} (+{s['unjudged_shown']} unjudged) right {b} -> {af}; hidden right "
                  f"{line['hid_right']} wrong {line['hid_wrong']} {line['by_reason']}; right actors of right events shown "
                  f"{line['right_actors_shown_before']} -> {line['right_actors_shown_after']}", flush=True)
        d, lo, hi = boot(by_draw)
        tot["diff"], tot["lo"], tot["hi"] = d, lo, hi
        report[g] = tot
        print(f"{g}: shown {tot['shown']} right {tot['before']} -> {tot['after']} "
              f"({tot['before'] / max(tot['shown'], 1):.3f} -> {tot['after'] / max(tot['shown'], 1):.3f}), diff "
              f"{d:+.3f} [{lo:+.3f}, {hi:+.3f}]; hidden right {tot['hid_right']} wrong {tot['hid_wrong']}; right actors "
              f"shown {tot['right_actors_shown_before']} -> {tot['right_actors_shown_after']}", flush=True)
    Path(a.out).write_text(json.dumps(report, indent=1), encoding="utf-8")


def before_flags(label: str, seed: int) -> dict[str, dict[str, str]]:
    """The rule on the before snapshot's own events: {key: {role: reason}}, each event's actors read on the current
    Doc of its page (the page's body unchanged), with the record's entities (type, mentions). Why: the current
    code's events of an older draw are those tuned on since; the before snapshot's are what a blind reader saw."""
    from types import SimpleNamespace

    from newsgraph.annotate.event_actor_spans import implausible

    import newsgraph.annotate as ann
    from benchmarks.audit.__main__ import key
    from benchmarks.audit.fresh import build_raws
    from benchmarks.event_parse_rows import EVENT_FIELDS, before_records
    from newsgraph.annotate.doc_cache import doc_text
    from newsgraph.annotate.event_features import trigger_token
    from newsgraph.pipeline import analyze_stream
    from newsgraph.records import Event

    before = before_records(label)
    out: dict[str, dict[str, str]] = {}
    orig = ann.to_article

    def hooked(ex, doc, plan=None):  # type: ignore[no-untyped-def]
        rec = before.get(ex.input)
        if doc is not None and rec is not None and rec.get("body") == doc_text(doc):
            ents = {e["id"]: SimpleNamespace(type=e.get("type"), mentions=[SimpleNamespace(start=m["start"], end=m["end"])
                                                                          for m in e.get("mentions") or []])
                    for e in rec.get("entities") or []}
            for it in rec.get("events") or []:
                ev = Event(**{k: it.get(k) for k in EVENT_FIELDS})
                tok = trigger_token(doc, ev)
                got = {}
                for role in ("source", "target"):
                    reason = implausible(doc, ev, role, ents.get(getattr(ev, role) or ""), tok)  # type: ignore[arg-type]
                    if reason:
                        got[role] = reason
                if got:
                    out[key(rec, "events", it)] = got
        return orig(ex, doc, plan)

    ann.to_article = hooked
    try:
        for _ in analyze_stream(build_raws(seed)):
            pass
    finally:
        ann.to_article = orig
    return out


def before_score(labels: dict[str, int]) -> dict:
    """Shown judged events of the before snapshots, right as scored then (their own hidden actors) and with the
    rule's actors hidden too; the rule's newly hidden actors by verdict."""
    from benchmarks.audit.__main__ import judgements
    from benchmarks.transfer_rows import _hidden, item_rows

    judged = judgements()
    by_draw, tot = {}, {"shown": 0, "before": 0, "after": 0, "hid_right": 0, "hid_wrong": 0}
    for label, seed in labels.items():
        flags, hidden = before_flags(label, seed), _hidden(label)
        pages: dict[str, list[int]] = {}
        hr = hw = 0
        for r in item_rows(label, judged):
            if r.kind != "events" or not r.shown or r.status not in (None, "asserted"):
                continue
            j, h, f = judged[r.key], hidden.get(r.key, {}), flags.get(r.key, {})
            base = bool(j.get("happened") and j.get("type"))
            p = pages.setdefault(r.page, [0, 0, 0])
            p[0] += 1
            p[1] += base and all(bool(j.get(x)) or h.get(x, False) for x in ("source", "target"))
            p[2] += base and all(bool(j.get(x)) or h.get(x, False) or x in f for x in ("source", "target"))
            for x in f:
                if not h.get(x, False) and (j.get("judged") or {}).get(f"{x}_name"):
                    hr += bool(j.get(x))
                    hw += not j.get(x)
        by_draw[label] = pages
        sh, b, a = (sum(v[i] for v in pages.values()) for i in range(3))
        print(f"{label} (before snapshot): shown {sh} right {b} -> {a}; newly hidden right {hr} wrong {hw}", flush=True)
        for k, v in (("shown", sh), ("before", b), ("after", a), ("hid_right", hr), ("hid_wrong", hw)):
            tot[k] += v
    d, lo, hi = boot(by_draw)
    print(f"pooled: shown {tot['shown']} right {tot['before']} -> {tot['after']}, diff {d:+.3f} [{lo:+.3f}, {hi:+.3f}]; "
          f"newly hidden right {tot['hid_right']} wrong {tot['hid_wrong']}", flush=True)
    return {**tot, "diff": d, "lo": lo, "hi": hi}


if __name__ == "__main__":
    main()
