"""The evidence of every judged date of the blind draws, computed from the before records as the run time computes it.

Why a module of its own: the date confidence learned in src/newsgraph/annotate/date_evidence.py must see on the
rows exactly the numbers the run time sees on the items it emits. Both call `date_features` with an item's hand
score, value and offsets, the body and the article date; here the score is the confidence at the time (the hand
score: no date map ever applied to a draw), the rest comes from the draw's before record
(/tmp/newsgraph-audit/<label>.jsonl, s25..s34). The before records of s21..s24 were never kept: their pages' bodies
and article dates are read from a later build of the same page (any record file of that input), and the item's
offsets are recovered from the key (benchmarks/audit `key` hashes input, offsets, text and value: the occurrence of
the judged text in that body whose key is the row's is the item; a page whose body changed since finds none, and
the row is left out and counted). The features (numbers and the kind's name, no text) are frozen in FROZEN, read
when the records are not on this machine (`--freeze` rewrites it).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from benchmarks.transfer_rows import AUDIT, RECORDS, Row, rows

FROZEN = AUDIT / "date-evidence-features.jsonl"


@dataclass(frozen=True)
class DateRow:
    row: Row  # the transfer row (stop, page, conf at the time, shown, right)
    features: dict[str, float]
    kind: str  # the DATE_SCORES key of the hand score at the time (date_evidence.score_kind)


def _pages() -> dict[str, dict]:
    """{input: a record of that page} over every record file, a before record first where one exists (its body is
    the one judged); never a file of a draw still held out (recalibrate_rows.HELD_OUT_PREFIXES: not even opened)."""
    from benchmarks.recalibrate_rows import HELD_OUT_PREFIXES

    out: dict[str, dict] = {}
    files = sorted((p for p in RECORDS.glob("*.jsonl") if not (HELD_OUT_PREFIXES and p.name.startswith(HELD_OUT_PREFIXES))),
                   key=lambda p: (not p.name.endswith("-before.jsonl"), p.name))
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue
            if rec.get("input") and rec["input"] not in out and rec.get("body") is not None:
                out[rec["input"]] = {k: rec.get(k) for k in ("input", "body", "published", "modified")}
    return out


def _anchor(rec: dict) -> str | None:
    """The article date as the run time reads it (extensions.article_date: published, else modified)."""
    for k in ("published", "modified"):
        if rec.get(k):
            return str(rec[k])[:10]
    return None


def _locate(rec: dict, text: str, value: str | None, want: str) -> tuple[int, int] | None:
    """The offsets of the judged item in `rec`'s body: the occurrence of `text` whose key is `want`."""
    from benchmarks.audit.__main__ import key

    body = rec["body"]
    i = body.find(text)
    while i >= 0:
        if key(rec, "dates", {"start": i, "end": i + len(text), "text": text, "value": value}) == want:
            return i, i + len(text)
        i = body.find(text, i + 1)
    return None


def compute(rs: list[Row] | None = None) -> tuple[list[DateRow], dict[str, int]]:
    """The date rows with their evidence from the records on this machine, and the count of rows left out per
    reason."""
    from benchmarks.audit.__main__ import judgements
    from newsgraph.annotate.date_evidence import RULE_CEILING, date_features, score_kind

    rs = rows(("dates",)) if rs is None else rs
    judged = judgements()
    pages = _pages()
    before: dict[str, dict[str, tuple[dict, dict]]] = {}
    out: list[DateRow] = []
    lost = {"no_page": 0, "not_located": 0}
    for r in rs:
        if r.label not in before:
            before[r.label] = {}
            path = RECORDS / f"{r.label}.jsonl"
            if path.exists():
                from benchmarks.audit.__main__ import key

                for line in path.read_text(encoding="utf-8").splitlines():
                    rec = json.loads(line)
                    for it in rec.get("dates") or []:
                        before[r.label][key(rec, "dates", it)] = (rec, it)
        if r.key in before[r.label]:
            rec, it = before[r.label][r.key]
            text, value, start, end = it["text"], it.get("value"), it["start"], it["end"]
        else:
            j = (judged.get(r.key) or {}).get("judged") or {}
            rec = pages.get(r.page)
            if rec is None or "text" not in j:
                lost["no_page"] += 1
                continue
            text, value = j["text"], j.get("value")
            span = _locate(rec, text, value, r.key)
            if span is None:
                lost["not_located"] += 1
                continue
            start, end = span
        f = date_features(r.conf, value, start, end, rec["body"], _anchor(rec))
        # the run time (date_evidence.relearn) leaves an unresolved date and a rule's score as they are
        out.append(DateRow(r, f, (score_kind(r.conf) if value and r.conf >= RULE_CEILING else None) or "none"))
    return out, lost


def freeze(only: set[str] | None = None) -> Path:
    """Write FROZEN from the records on this machine (label, key, kind, features: no text); `only`: recompute these
    labels' lines alone and keep every other label's frozen lines (the records of older draws need not be here)."""
    drs, _ = compute(None if only is None else [r for r in rows(("dates",)) if r.label in only])
    if only is not None:
        keep = [json.loads(x) for x in FROZEN.read_text(encoding="utf-8").splitlines() if x.strip()]
        keep = [d for d in keep if d["label"] not in only]
        FROZEN.write_text("".join(json.dumps(d, sort_keys=True) + "\n" for d in keep), encoding="utf-8")
        with FROZEN.open("a", encoding="utf-8") as fh:
            fh.write("".join(json.dumps({"label": d.row.label, "key": d.row.key, "kind": d.kind,
                                         "features": d.features}, sort_keys=True) + "\n" for d in drs))
        return FROZEN
    FROZEN.write_text("".join(json.dumps({"label": d.row.label, "key": d.row.key, "kind": d.kind,
                                          "features": d.features}, sort_keys=True) + "\n" for d in drs),
                      encoding="utf-8")
    return FROZEN


def date_rows() -> list[DateRow]:
    """The judged date rows with their evidence: computed from the records where every before record of s25 on is
    on this machine, else from FROZEN (rows without a frozen line are left out)."""
    rs = rows(("dates",))
    if all((RECORDS / f"{lab}.jsonl").exists() for lab in {r.label for r in rs} if int(lab[1:3]) >= 25):
        return compute(rs)[0]
    frozen = {}
    for line in FROZEN.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        frozen[(d["label"], d["key"])] = d
    return [DateRow(r, frozen[(r.label, r.key)]["features"], frozen[(r.label, r.key)]["kind"]) for r in rs
            if (r.label, r.key) in frozen]


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(prog="python -m benchmarks.date_evidence_rows", description=__doc__.splitlines()[0])
    ap.add_argument("--freeze", action="store_true", help=f"write {FROZEN.name} from the records on this machine")
    ap.add_argument("--labels", help="with --freeze: only these before labels (comma-separated), the rest kept")
    a = ap.parse_args()
    if a.freeze:
        print(freeze(set(a.labels.split(",")) if a.labels else None))
    else:
        drs, lost = compute()
        print(json.dumps({"rows": len(drs), "lost": lost}))
