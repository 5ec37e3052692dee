"""The rows that measure confidence on news nobody tuned on: every held-out draw's "before" snapshot, judged.

Why these rows: a held-out draw's "before" records (labels `sNNunseen-before`, `sNNunseenlgl-before`, key lists
benchmarks/audit/<label>.keys.jsonl) were made by code that had never seen those pages, and the held-out auditors
judged them. Rows rebuilt on current code overstate precision (the draws were tuned on after they were judged, so
rules fixed their wrong items); the before snapshots are the only rows that measure what the final held-back set
measures. Each row keeps the confidence AT THE TIME (the code and maps of that stop), which is what a transfer
layer (benchmarks/transfer_fit.py) is fitted on.

Rows per kind (a row only where a judgement of its key exists, from any label: keys are stable across builds):
- events: status, shown (as the key list says), judged type; `right` = as scored (benchmarks/audit `correct`:
  happened, type right, each actor right or hidden below the threshold of the time; the actor confidences are read
  from the draw's records in /tmp/newsgraph-audit where they exist, else from their flags frozen in
  benchmarks/audit/transfer-hidden.jsonl (s25..s30, s32); without either, s21..s24, every actor is judged, as the
  strict reading); `strict` = happened, type and both actors right; `extra` = happened and type; `has_source`,
  `has_target`: the item had one (from the judged item's names). A snapshot made with the events' transfer layer in
  force (LAYERED: stop 33 on) gives its events' raw confidences (RAW, from a rebuild with the layer off) and its
  display threshold of the time on the layer's scale. From stop 35 on every learned layer was in force (quotes,
  dates and topics too, LAYERED_KINDS): each such kind's rows carry the raw confidence, `shown` the display of the
  time (key list; topics: the per-type cuts of the time on the snapshot's own values).
- quotes: `right` = real and (speaker right or the speaker hidden, from the records where they exist); `strict` = real
  and speaker right; `real`.
- dates, facts: `right` = `strict` = ok.
- topics: the -before topic draws (benchmarks/audit/topics-<label>.jsonl), topics-judgements.jsonl; `right` as judged
  (a lenient right is right), `strict` = right and not lenient; by type (people, organisations, countries, cities).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

AUDIT = Path(__file__).resolve().parent / "audit"
RECORDS = Path("/tmp/newsgraph-audit")
#: The hidden-actor and hidden-speaker flags of the before snapshots, frozen from their records
#: (`python -m benchmarks.transfer_rows --freeze-hidden`), read when the records are not on this machine.
HIDDEN = AUDIT / "transfer-hidden.jsonl"
#: The held-out draws' before labels, in stop order; a label's stop is its sNN (the LGL half of s30 is stop 30 too).
#: A "-final" label is the first build of a draw appended after its stop's code froze (s37, s40..s42: judged blind on
#: that code only, never built before it): it measures what a "-before" measures. One key list per stop (`labels`).
BEFORE = re.compile(r"^(s\d\d)unseen(lgl|pol|lee|reuters)?-(before|final)$")
#: The events' display threshold of the time (0.8 on every held-out draw, stops 21..30); an actor below it was nulled.
ACTOR_THRESHOLD = 0.8
#: Before snapshots made with the events' transfer layer in force (stop 33 on), by label prefix: the events' display
#: threshold of the time, on the layer's scale (an actor below it was nulled). Their key lists' event confidences are
#: the layer's output, not the confidence "as it was" that a layer is fitted on and scored from; the raw confidences
#: come from a rebuild of the same code with the layer off, frozen in RAW (`--freeze-raw LABEL RAW_LABEL`). An event
#: of such a label without a raw confidence is no row (a layered value read as raw would be mapped twice).
LAYERED: dict[str, float] = {"s33unseen": 0.65, "s34unseen": 0.6, "s35unseen": 0.55,
                             **{f"s{n}unseen": 0.55 for n in range(36, 43)}}
#: The kinds each LAYERED snapshot carries a learned layer's output for (stop 35 on: every layer of stop 34 was in
#: force: the events' and topics' transfer layers, the dates' learned confidence, the quotes' model). Their rows read
#: the raw confidence (RAW) of a rebuild with those layers' data files moved aside, the display of the time from the
#: snapshot's own values (key list `shown`, the topic draw's per-type cuts below).
#: Stops 36..42 (the Lee draws s36..s38, the Reuters draws s39..s42) were built alike, every layer in force (stop 38
#: v12: each rebuilt raw from a `git archive` of its commit, NOTES.md).
LAYERED_KINDS: dict[str, tuple[str, ...]] = {"s33unseen": ("events",), "s34unseen": ("events",),
                                             **{f"s{n}unseen": ("events", "quotes", "dates", "topics")
                                                for n in range(35, 43)}}
#: {label, key, raw}: the confidences before the layers of the LAYERED snapshots, per item key (the audit's hex keys
#: of events, quotes and dates; topic_audit's page|type|name keys of topics, whose names the topic files hold
#: already): keys and numbers, no page text.
RAW = AUDIT / "transfer-raw.jsonl"
#: A speaker below this was hidden on the draws' pages (0.5 until stop 34); from stop 35 on, the speakers' own cut
#: of the time (settings.SPEAKERS_THRESHOLD 0.95, stop 34 q10), by label prefix.
QUOTE_SPEAKER_THRESHOLD = 0.5
SPEAKER_THRESHOLD_THEN: dict[str, float] = {f"s{n}unseen": 0.95 for n in range(35, 43)}
#: The topics' display threshold of the time (0.5 on every held-out topic draw, stops 21..34): a topic row's `shown`.
TOPICS_THRESHOLD_THEN = 0.5
#: The per-type topic cuts of the time where they were not 0.5 everywhere, on the layer's scale (settings.
#: TOPIC_THRESHOLDS when the snapshot was made): by label prefix.
TOPIC_CUTS_THEN: dict[str, dict[str, float]] = {
    f"s{n}unseen": {"people": 0.6, "organisations": 0.8, "cities": 0.5, "countries": 0.5} for n in range(35, 43)}


@dataclass(frozen=True)
class Row:
    stop: str  # "s21" .. "s30"
    label: str  # the before label
    kind: str  # events, quotes, dates, facts, topics:<type>
    key: str
    page: str  # the input (the unit resampled by the bootstrap)
    conf: float
    shown: bool
    right: bool  # as scored
    strict: bool
    status: str | None = None
    type: str | None = None  # events: the judged item's type
    extra: bool | None = None  # events: happened and type right; quotes: real
    #: events: whether the item had a source / a target (its source_name / target_name, as judged: the key hashes
    #: both, so they are the record's, on every stop, records or not); the typed evidence benchmarks/transfer_strata.py
    #: tries beyond the confidence
    has_source: bool | None = None
    has_target: bool | None = None
    #: design weight: 1, or for a hidden event of a draw whose hidden events were sampled at random (BELOW_SAMPLES),
    #: 1 / the sample's rate (benchmarks.audit.below `score`'s weighting), so the rows stand for every asserted event
    w: float = 1.0


def labels(held_out: bool = False) -> list[str]:
    """The before labels with a committed key list, in stop order; a draw still held out
    (recalibrate_rows.HELD_OUT_PREFIXES) only when asked for (`held_out`: scoring the landed layer on it, never
    fitting)."""
    from benchmarks.recalibrate_rows import HELD_OUT_PREFIXES

    out = [p.name.removesuffix(".keys.jsonl") for p in AUDIT.glob("s*unseen*.keys.jsonl")]
    out = [x for x in out if BEFORE.match(x)]
    twice = [s for s, n in Counter(stop_of(x) + x.split("-")[0] for x in out).items() if n > 1]
    if twice:  # a -before and a -final of one draw: only the first build measures news nobody tuned on
        raise ValueError(f"two key lists of one draw: {twice}")
    if held_out:
        return sorted(x for x in out if HELD_OUT_PREFIXES and x.startswith(HELD_OUT_PREFIXES))
    return sorted(x for x in out if not (HELD_OUT_PREFIXES and x.startswith(HELD_OUT_PREFIXES)))


def stop_of(label: str) -> str:
    m = BEFORE.match(label)
    if m is None:
        raise ValueError(label)
    return m.group(1)


def layered(label: str, kind: str = "events") -> bool:
    """Whether the snapshot was made with a layer of `kind` in force (LAYERED_KINDS; a topic type counts as
    "topics")."""
    return kind.split(":")[0] in _by_prefix(LAYERED_KINDS, label, ())


def _by_prefix(table: dict, label: str, default):
    return next((v for p, v in table.items() if label.startswith(p)), default)


def speaker_threshold(label: str) -> float:
    """The speakers' display cut when the snapshot was made (a speaker below it was hidden)."""
    return _by_prefix(SPEAKER_THRESHOLD_THEN, label, QUOTE_SPEAKER_THRESHOLD)


def topic_cut_then(label: str, type_key: str) -> float:
    """The display cut of a topic type when the snapshot was made, on the scale of its topic file's confidences."""
    return _by_prefix(TOPIC_CUTS_THEN, label, {}).get(type_key, TOPICS_THRESHOLD_THEN)


def actor_threshold(label: str) -> float:
    """The events' display threshold when the snapshot was made, on the scale of its records."""
    return next((t for p, t in LAYERED.items() if label.startswith(p)), ACTOR_THRESHOLD)


def shown_then(r: Row) -> bool:
    """Whether an event row was shown by the display of its time: 0.8 on the confidence as it was before the layer;
    on a LAYERED snapshot, as its key list says (the raw confidence has no cut of its own there)."""
    return r.shown if layered(r.label) else r.conf >= ACTOR_THRESHOLD


def frozen_raw() -> dict[str, dict[str, float]]:
    """{label: {key: raw event confidence}} of RAW."""
    out: dict[str, dict[str, float]] = {}
    if RAW.exists():
        for line in RAW.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                out.setdefault(d["label"], {})[d["key"]] = float(d["raw"])
    return out


def freeze_raw(label: str, raw_label: str) -> Path:
    """Add to RAW the confidences of `raw_label`'s records (a rebuild of `label`'s draw by the same code with the
    layers' data files moved aside) for the items of `label`'s key list of every LAYERED_KINDS kind (and, with
    "topics", the items of its topic file). The rebuild must give the very items: a key missing there is an error (the
    code differed), not a row left out quietly."""
    from benchmarks.audit.__main__ import key
    from benchmarks.topic_audit import key as topic_key
    from benchmarks.topic_audit import page_name

    kinds = _by_prefix(LAYERED_KINDS, label, ())
    raw: dict[str, float] = {}
    for line in (RECORDS / f"{raw_label}.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        for kind in kinds:
            if kind == "topics":
                confs = rec.get("topics_confidence") or {}
                for t, names in (rec.get("topics") or {}).items():
                    for n, c in zip(names, confs.get(t) or [None] * len(names), strict=True):
                        if c is not None:
                            raw[topic_key(page_name(rec["input"]), t, n)] = float(c)
                continue
            for it in rec.get(kind) or []:
                if it.get("confidence") is not None:
                    raw[key(rec, kind, it)] = float(it["confidence"])
    lines = [json.loads(x) for x in (AUDIT / f"{label}.keys.jsonl").read_text(encoding="utf-8").splitlines()
             if x.strip()]
    want = [d["key"] for d in lines if d["kind"] in kinds and d.get("confidence") is not None]
    if "topics" in kinds and (AUDIT / f"topics-{label}.jsonl").exists():
        want += [d["key"] for d in map(json.loads, (AUDIT / f"topics-{label}.jsonl").read_text(encoding="utf-8")
                                       .splitlines()) if d.get("confidence") is not None]
    missing = [k for k in want if k not in raw]
    if missing:
        raise ValueError(f"{raw_label}: {len(missing)} of {len(want)} items of {label} are not in the rebuild "
                         f"(first {missing[0]!r}): it is not the same code with the layers off")
    keep = {lab: v for lab, v in frozen_raw().items() if lab != label}
    keep[label] = {k: raw[k] for k in want}
    RAW.write_text("".join(json.dumps({"label": lab, "key": k, "raw": round(c, 6)}, sort_keys=True, ensure_ascii=False)
                           + "\n" for lab in sorted(keep) for k, c in sorted(keep[lab].items())), encoding="utf-8")
    return RAW


def _hidden(label: str) -> dict[str, dict[str, bool]]:
    """{key: {"source"/"target"/"speaker": hidden}} from the draw's records where they exist, else from the flags
    frozen from them (HIDDEN: /tmp does not survive a new machine, and the layer's rows must not change with it),
    else {}."""
    path = RECORDS / f"{label}.jsonl"
    if not path.exists():
        return frozen_hidden().get(label, {})
    return _hidden_from(path, actor_threshold(label), speaker_threshold(label))


def frozen_hidden() -> dict[str, dict[str, dict[str, bool]]]:
    """{label: {key: flags}} of HIDDEN (only the items with a hidden actor or speaker are listed)."""
    out: dict[str, dict[str, dict[str, bool]]] = {}
    if HIDDEN.exists():
        for line in HIDDEN.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                out.setdefault(d["label"], {})[d["key"]] = d["hidden"]
    return out


def freeze_hidden() -> Path:
    """Write HIDDEN from the records of every before label (held out or not) that has them in RECORDS, keeping the
    lines of labels without records: keys and flags only, no text."""
    keep = frozen_hidden()
    for lab in labels() + labels(held_out=True):
        if (RECORDS / f"{lab}.jsonl").exists():
            keep[lab] = {k: v for k, v in _hidden_from(RECORDS / f"{lab}.jsonl", actor_threshold(lab),
                                                       speaker_threshold(lab)).items() if any(v.values())}
    HIDDEN.write_text("".join(json.dumps({"label": lab, "key": k, "hidden": v}, sort_keys=True) + "\n"
                              for lab in sorted(keep) for k, v in sorted(keep[lab].items())), encoding="utf-8")
    return HIDDEN


def _hidden_from(path: Path, threshold: float = ACTOR_THRESHOLD, speaker_cut: float = QUOTE_SPEAKER_THRESHOLD,
                 ) -> dict[str, dict[str, bool]]:
    """The flags of every event and quote of one record file (an actor below `threshold` was nulled, a speaker
    below `speaker_cut` hidden)."""
    from benchmarks.audit.__main__ import KINDS, key

    out: dict[str, dict[str, bool]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        for kind in KINDS:
            for it in rec.get(kind) or []:
                if kind == "events":
                    out[key(rec, kind, it)] = {r: it.get(f"{r}_confidence") is not None
                                               and it[f"{r}_confidence"] < threshold for r in ("source", "target")}
                elif kind == "quotes":
                    c = it.get("speaker_confidence")
                    out[key(rec, kind, it)] = {"speaker": c is not None and c < speaker_cut}
    return out


#: The seeded random samples of hidden events (benchmarks/audit/below.py) drawn from before snapshots at a rate below 1
#: (stop 35 on: below-s35lee over s35..s37, below-s38lee, below-s39..s42reuters): on a stop one covers, an event row
#: is every shown asserted event (weight 1) and the sampled hidden ones (weight 1 / rate); a hidden event judged for
#: another reason (a selection: a rebuild's shown key) is no row there.
BELOW_SAMPLES = ("below-s35lee", "below-s38lee", "below-s39reuters", "below-s40reuters", "below-s41reuters",
                 "below-s42reuters")


def below_samples() -> dict[str, tuple[float, frozenset[str]]]:
    """{stop: (sampling rate, sampled keys)} of BELOW_SAMPLES (a sample's labels name the draw's first build, whose
    events' keys are the before snapshot's: s36's final build gave the start's items)."""
    out: dict[str, tuple[float, frozenset[str]]] = {}
    for name in BELOW_SAMPLES:
        path = AUDIT / f"{name}.keys.jsonl"
        if not path.exists():
            continue
        lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        head, keys = lines[0], frozenset(d["key"] for d in lines[1:])
        for lab in head["labels"]:
            out[stop_of(lab)] = (float(head["rate"]), keys)
    return out


def item_rows(label: str, judged: dict[str, dict] | None = None) -> list[Row]:
    """The judged quotes, events, facts and dates of one before snapshot."""
    from benchmarks.audit.__main__ import judgements

    judged = judgements() if judged is None else judged
    hidden = _hidden(label)
    raw = frozen_raw().get(label, {})
    sample = below_samples().get(stop_of(label))
    out = []
    for line in (AUDIT / f"{label}.keys.jsonl").read_text(encoding="utf-8").splitlines():
        k = json.loads(line)
        j = judged.get(k["key"])
        if j is None or k.get("confidence") is None:
            continue
        w = 1.0
        if sample is not None and k["kind"] == "events" and k.get("status") == "asserted" and not k["shown"]:
            if k["key"] not in sample[1]:
                continue
            w = 1.0 / sample[0]
        h = hidden.get(k["key"], {})
        kind, extra, typ, src, tgt = k["kind"], None, None, None, None
        conf = float(k["confidence"])
        if layered(label, kind):  # the confidence before the layer (a layered value read as raw is mapped twice)
            if k["key"] not in raw:
                continue
            conf = raw[k["key"]]
        if kind == "events":
            shown_to = j.get("judged") or {}
            src, tgt = (bool(shown_to[f"{r}_name"]) if f"{r}_name" in shown_to else None for r in ("source", "target"))
            extra = bool(j.get("happened") and j.get("type"))
            strict = extra and bool(j.get("source")) and bool(j.get("target"))
            right = extra and all(bool(j.get(r)) or h.get(r, False) for r in ("source", "target"))
            typ = (j.get("judged") or {}).get("type")
        elif kind == "quotes":
            extra = bool(j.get("real"))
            strict = extra and bool(j.get("speaker"))
            right = extra and (bool(j.get("speaker")) or h.get("speaker", False))
        else:
            strict = right = bool(j.get("ok"))
        out.append(Row(stop_of(label), label, kind, k["key"], k["input"], conf, bool(k["shown"]),
                       right, strict, k.get("status"), typ, extra, src, tgt, w))
    return out


def topic_rows(label: str, judged: dict[str, dict] | None = None) -> list[Row]:
    """The judged topics of one before topic draw (topics-<label>.jsonl), kind "topics:<type>"."""
    from benchmarks.topic_audit import judgements as topic_judgements

    path = AUDIT / f"topics-{label}.jsonl"
    if not path.exists():
        return []
    judged = topic_judgements() if judged is None else judged
    raw = frozen_raw().get(label, {}) if layered(label, "topics") else None
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        i = json.loads(line)
        j = judged.get(i["key"])
        if j is None or i.get("confidence") is None or (raw is not None and i["key"] not in raw):
            continue
        right = bool(j.get("right"))
        conf = float(i["confidence"]) if raw is None else raw[i["key"]]
        out.append(Row(stop_of(label), label, f"topics:{i['type']}", i["key"], i.get("page") or i["key"].split("|")[0],
                       conf, float(i["confidence"]) >= topic_cut_then(label, i["type"]), right,
                       right and not j.get("lenient")))
    return out


def rows(kinds: tuple[str, ...] | None = None, held_out: bool = False) -> list[Row]:
    """Every judged row of every before snapshot (items and topics), optionally only `kinds` (a "topics" kind takes
    every topic type); `held_out`: the rows of the draws still held out instead (scoring only)."""
    from benchmarks.audit.__main__ import judgements
    from benchmarks.topic_audit import judgements as topic_judgements

    ij, tj = judgements(), topic_judgements()
    out: list[Row] = []
    for label in labels(held_out):
        out += item_rows(label, ij) + topic_rows(label, tj)
    if kinds:
        out = [r for r in out if r.kind in kinds or r.kind.split(":")[0] in kinds]
    return out


def summary(rs: list[Row]) -> dict[str, dict]:
    """Per kind and stop: judged n, shown n, shown right (as scored, strict), mean confidence of the shown."""
    out: dict[str, dict] = {}
    for kind in sorted({r.kind for r in rs}):
        per = {}
        for stop in sorted({r.stop for r in rs if r.kind == kind}) + ["all"]:
            sel = [r for r in rs if r.kind == kind and (stop == "all" or r.stop == stop)]
            sh = [r for r in sel if r.shown]
            per[stop] = {"n": len(sel), "shown": len(sh), "right": sum(r.right for r in sh),
                         "strict": sum(r.strict for r in sh),
                         "precision": round(sum(r.right for r in sh) / len(sh), 3) if sh else None,
                         "mean_conf": round(sum(r.conf for r in sh) / len(sh), 3) if sh else None}
        out[kind] = per
    return out


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m benchmarks.transfer_rows", description=__doc__.splitlines()[0])
    ap.add_argument("--kind", action="append", help="only this kind (events, quotes, dates, facts, topics)")
    ap.add_argument("--dump", type=Path, help="write the rows as JSON lines here")
    ap.add_argument("--freeze-raw", nargs=2, metavar=("LABEL", "RAW_LABEL"), help="add to "
                    "benchmarks/audit/transfer-raw.jsonl the event confidences of RAW_LABEL's records (LABEL's draw "
                    "rebuilt by the same code with the events' transfer layer off)")
    ap.add_argument("--freeze-hidden", action="store_true", help="write benchmarks/audit/transfer-hidden.jsonl from "
                    "the before records in /tmp/newsgraph-audit (keys and flags only)")
    a = ap.parse_args()
    if a.freeze_raw:
        print(freeze_raw(*a.freeze_raw))
        return
    if a.freeze_hidden:
        print(freeze_hidden())
        return
    rs = rows(tuple(a.kind) if a.kind else None)
    if a.dump:
        a.dump.write_text("".join(json.dumps(asdict(r)) + "\n" for r in rs), encoding="utf-8")
    print(json.dumps({"rows": dict(Counter(r.kind for r in rs)), "summary": summary(rs)}, indent=1))


if __name__ == "__main__":
    main()
