"""The blind draws' events rebuilt with their parse evidence (stop 35, helper e11): a dump per draw, keyed by audit key.

Why: the parse around an event's trigger (benchmarks/event_parse.py) is not kept in the records, so the draws' pages are
analysed again on current code, and each event's PARSE_FEATURES are computed from the annotated Doc by the same
function the run time would use. A rebuilt event joins its judgement by the audit key (benchmarks/audit `key`:
page, sentence span, type, actors' names, trigger): an event the current code finds as the before code did keeps
its key; one it finds differently is no row.

Output: /tmp/newsgraph-audit/e11parse-<label>.jsonl, one line per event: {key, page, conf (as the code gives it,
the events' layer in force), status, source_confidence, target_confidence, feats}. Keys and numbers only.

    python -m benchmarks.event_parse_rows LABEL [LABEL ...]     # a label's seed from fresh.py's commands (SEEDS)
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

RECORDS = Path("/tmp/newsgraph-audit")
#: The before labels with records and their draw seeds (NOTES.md / fresh.py POOLS); s36 is held out and not here.
SEEDS: dict[str, int] = {
    "s25unseen-before": 20270201, "s26unseen-before": 20270301, "s27unseen-before": 20270401,
    "s28unseen-before": 20270501, "s29unseen-before": 20270601, "s30unseen-before": 20270701,
    "s30unseenlgl-before": 20270702, "s32unseen-before": 20270801, "s32unseenpol-before": 20270802,
    "s33unseen-before": 20270901, "s33unseenpol-before": 20270902, "s34unseenpol-before": 20271001,
    "s35unseenlee-before": 20271101,
}


#: The Event fields a before record's event item is read back with.
EVENT_FIELDS = ("type", "start", "end", "mode", "source", "target", "location", "date", "trigger", "source_name",
                "target_name", "location_name", "confidence", "status")


def dump_path(label: str) -> Path:
    return RECORDS / f"e11parse-{label}.jsonl"


def before_path(label: str) -> Path:
    """The before snapshot's own events with their evidence on the current Doc of their page."""
    return RECORDS / f"e11parse-{label}.before.jsonl"


def before_records(label: str) -> dict[str, dict]:
    """input -> the before snapshot's record (the raw rebuild for a layered label: the same events, keys)."""
    from benchmarks.transfer_evidence import record_path

    try:
        lines = Path(record_path(label)).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return {}
    return {r["input"]: r for r in (json.loads(x) for x in lines if x.strip())}


def dump(label: str) -> Path:
    """Analyse the draw's pages on current code; write each event's key, confidence and parse evidence."""
    if label.startswith("s36"):
        raise SystemExit("s36 is held out: never rebuilt here")
    os.environ.setdefault("NEWSGRAPH_DOC_TIMEOUT", "0")
    import newsgraph.annotate as ann
    from benchmarks.audit.__main__ import key
    from benchmarks.audit.fresh import build_raws
    from benchmarks.event_parse import parse_evidence
    from newsgraph.annotate.doc_cache import doc_text
    from newsgraph.pipeline import analyze_stream
    from newsgraph.records import Event

    feats: dict[tuple, dict[str, float]] = {}
    before = before_records(label)
    orig = ann.to_article
    bfh = before_path(label).with_suffix(".partial")
    bfile = bfh.open("w", encoding="utf-8")

    def hooked(ex, doc, plan=None):  # type: ignore[no-untyped-def]
        if doc is not None:
            evs = list(doc._.ng_events or [])
            for ev in evs:
                feats[(ex.input, ev.start, ev.end, ev.type, ev.source_name, ev.target_name, ev.trigger)] = parse_evidence(doc, ev, evs)
            rec = before.get(ex.input)
            if rec is not None:
                # the before snapshot's own events on this Doc: every judged event gets its evidence, not only those
                # the current code still finds (those are biased toward the right ones: wrong ones were fixed since)
                same = rec.get("body") == doc_text(doc)
                bevs = [Event(**{k: it.get(k) for k in EVENT_FIELDS}) for it in rec.get("events") or []]
                types = {e["id"]: e["type"] for e in rec.get("entities") or []}
                for it, ev in zip(rec.get("events") or [], bevs, strict=True):
                    bfile.write(json.dumps({"key": key(rec, "events", it), "page": ex.input, "body_same": same,
                                            "feats": parse_evidence(doc, ev, bevs, types) if same else None}) + "\n")
        return orig(ex, doc, plan)

    ann.to_article = hooked
    out = dump_path(label)
    tmp = out.with_suffix(".partial")
    n = 0
    try:
        with tmp.open("w", encoding="utf-8") as fh:
            for art in analyze_stream(build_raws(SEEDS[label])):
                if not hasattr(art, "body"):
                    continue
                rec = {"input": art.input}
                for ev in art.events:
                    f = feats.get((art.input, ev.start, ev.end, ev.type, ev.source_name, ev.target_name, ev.trigger))
                    d = {"start": ev.start, "end": ev.end, "type": ev.type, "source_name": ev.source_name,
                         "target_name": ev.target_name, "trigger": ev.trigger}
                    fh.write(json.dumps({"key": key(rec, "events", d), "page": art.input, "conf": ev.confidence,
                                         "status": ev.status, "source_confidence": ev.source_confidence,
                                         "target_confidence": ev.target_confidence, "feats": f}) + "\n")
                    n += 1
    finally:
        ann.to_article = orig
        bfile.close()
    tmp.rename(out)
    bfh.rename(before_path(label))
    print(f"{label}: {n} events -> {out}", file=sys.stderr)
    return out


def load(label: str, before: bool = False) -> dict[str, dict]:
    """key -> the dumped event of a label (empty when not dumped); `before`: the before snapshot's events."""
    p = before_path(label) if before else dump_path(label)
    if not p.exists():
        return {}
    return {d["key"]: d for d in (json.loads(x) for x in p.read_text(encoding="utf-8").splitlines() if x.strip())}


def main(argv: Sequence[str] | None = None) -> None:
    for label in argv if argv is not None else sys.argv[1:]:
        dump(label)


if __name__ == "__main__":
    main()
