"""Build records of the audit pages, sample items to judge, score judged precision (see __init__)."""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.common import EVAL
from benchmarks.splits import part

HERE = Path(__file__).resolve().parent
JUDGEMENTS = HERE / "judgements.jsonl"
WORK = Path("/tmp/newsgraph-audit")
SEED = 11
KINDS = ("quotes", "events", "facts", "dates")
#: English fundus folders (the manifest's country), and how many trafilatura-eval pages to draw (then kept when
#: their body reads as English).
FUNDUS_EN = ("us", "uk", "ca", "au", "ind", "za")
TRAFILATURA_DRAW = 160
_EN = {"the", "and", "of", "to", "in", "is", "that", "for", "was", "with", "on", "said"}


def pages() -> list[tuple[str, str, bytes, str]]:
    """(input name, unit for the split, HTML bytes, url) of every audit page, in a fixed order."""
    out = []
    root = EVAL / "fundus-parser-testdata"
    for line in (root / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        m = json.loads(line)
        if m["country"] in FUNDUS_EN:
            out.append((f"fundus/{m['html']}", m["publisher"], gzip.decompress((root / m["html"]).read_bytes()), m["url"]))
    troot = EVAL / "trafilatura-eval"
    data = json.loads((troot / "evaldata.json").read_text(encoding="utf-8"))
    urls = sorted(data)
    random.Random(SEED).shuffle(urls)
    for url in urls[:TRAFILATURA_DRAW]:
        path = troot / "html" / (data[url]["file"] + ".gz")
        if path.exists():
            host = url.split("/")[2] if "://" in url else url.split("/")[0]
            site = re.sub(r"^www\.", "", host)
            out.append((f"trafilatura/{data[url]['file']}", site, gzip.decompress(path.read_bytes()), url))
    return out


def english(body: str) -> bool:
    words = re.findall(r"[a-z]+", body.lower())
    return len(words) >= 80 and sum(w in _EN for w in words) / len(words) > 0.12


def build(label: str, raw: bool = False) -> Path:
    """Records of the audit pages in WORK/<label>.jsonl; `raw`: confidences without calibration maps (to fit them)."""
    if raw:
        from benchmarks.calibrate_items import raw_scores

        with raw_scores():
            return build(label)
    from newsgraph.records import RawDocument

    found = pages()
    raws = [RawDocument(input=name, data=data, kind="html", url=url if "://" in url else None) for name, _, data, url in found]
    return write_records(label, raws, {name: unit for name, unit, _, _ in found})


def write_records(label: str, raws: list, unit: dict[str, str], keep: Callable[[Any], bool] | None = None) -> Path:
    """Analyse `raws` into WORK/<label>.jsonl, keeping the records `keep` accepts (by default those whose body
    reads as English), each with its `audit_unit` (the unit of the tune/check split)."""
    # An audit measures what the annotators say, not how fast a loaded machine says it: the per-document time
    # budget (NEWSGRAPH_DOC_TIMEOUT, 30 s) once dropped up to 54 of 90 pages of a draw built on a busy machine, so
    # builds run without it unless the caller sets it.
    os.environ.setdefault("NEWSGRAPH_DOC_TIMEOUT", "0")
    from newsgraph.pipeline import analyze_stream

    keep = keep or (lambda art: english(art.body))
    WORK.mkdir(parents=True, exist_ok=True)
    out = WORK / f"{label}.jsonl"
    failed = []
    with out.open("w", encoding="utf-8") as fh:
        for art in analyze_stream(raws):
            if not hasattr(art, "body"):  # an InputError: a page that could not be analysed
                failed.append(f"{getattr(art, 'input', '?')}: {art}")
                continue
            if not keep(art):
                continue
            d = art.to_dict()
            d["audit_unit"] = unit[art.input]
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    if failed:  # a partial build would score fewer pages without saying so
        out.rename(out.with_suffix(".partial.jsonl"))
        raise SystemExit(f"audit build {label}: {len(failed)} page(s) failed, records kept as "
                         f"{out.with_suffix('.partial.jsonl')}:\n  " + "\n  ".join(failed))
    return out


def shown(kind: str, item: dict) -> bool:
    """An item is shown by default: an event that happened, and an item at or above the display threshold."""
    if kind == "events" and item.get("status", "asserted") != "asserted":
        return False
    conf = item.get("confidence")
    return conf is None or conf >= threshold(kind)


def threshold(kind: str) -> float:
    """The display threshold of `kind` (settings: NEWSGRAPH_MIN_CONFIDENCE_<KIND>, else NEWSGRAPH_MIN_CONFIDENCE)."""
    from benchmarks.tasks.events import _threshold

    return _threshold(kind)


def key(rec: dict, kind: str, item: dict) -> str:
    fields = {
        "quotes": ("kind", "text", "speaker_name"),
        "events": ("type", "source_name", "target_name", "trigger"),
        "facts": ("kind", "value"),
        "dates": ("text", "value"),
    }[kind]
    raw = json.dumps([rec["input"], kind, item["start"], item["end"], *[item.get(f) for f in fields]], ensure_ascii=False)
    return hashlib.sha1(raw.encode()).hexdigest()[:16]


def items(label: str, every: bool = False) -> dict[str, list[tuple[dict, dict]]]:
    recs = [json.loads(x) for x in (WORK / f"{label}.jsonl").read_text(encoding="utf-8").splitlines()]
    out: dict[str, list] = {k: [] for k in KINDS}
    for rec in recs:
        for kind in KINDS:
            for it in rec.get(kind) or []:
                if every or shown(kind, it):
                    out[kind].append((rec, it))
    return out


def sample(label: str, n: int, every: bool = False) -> dict[str, list[tuple[dict, dict]]]:
    rng = random.Random(SEED + 1 if every else SEED)
    out = {}
    for kind, lst in items(label, every).items():
        lst = sorted(lst, key=lambda ri: key(*ri[:1], kind, ri[1]))
        out[kind] = rng.sample(lst, min(n, len(lst)))
    return out


def compare_sample(label: str, base: str, n: int, every_event: bool = False) -> dict[str, dict]:
    """A uniform sample of `label`'s shown items that reuses the judgements of `base`'s sample.

    The shown items of `label` are those also shown in `base` (kept) and those that are new. Kept: `base`'s sample
    restricted to kept items (a uniform sample of them), topped up to n with kept items ranked by key hash; new: up
    to n/2 new items ranked by key hash. Precision is the two parts' precisions weighted by their sizes.
    `every_event`: events are not sampled, every shown event is in (kept and new). `base`'s keys come from its
    records, else from its committed key list (`keys`), so a held-out base works on a machine without its records."""
    after, before = items(label), base_keys(base)
    bsample = sample_keys(before, n)
    out = {}
    for kind in KINDS:
        akeys = {key(r, kind, it): (r, it) for r, it in after[kind]}
        bkeys = set(before[kind])
        kept_keys = [k for k in akeys if k in bkeys]
        new_keys = sorted((k for k in akeys if k not in bkeys), key=_rank)
        if every_event and kind == "events":
            picked, extra, new_cut = sorted(kept_keys, key=_rank), [], new_keys
        else:
            picked = [k for k in bsample[kind] if k in akeys]
            extra = sorted((k for k in kept_keys if k not in set(picked)), key=_rank)[: max(0, n - len(picked))]
            new_cut = new_keys[: n // 2]
        out[kind] = {
            "kept": [akeys[k] for k in picked + extra],
            "new": [akeys[k] for k in new_cut],
            "n_kept": len(kept_keys),
            "n_new": len(new_keys),
        }
    return out


def base_keys(label: str) -> dict[str, list[str]]:
    """The keys of `label`'s shown items per kind: from its records, else from benchmarks/audit/<label>.keys.jsonl."""
    if (WORK / f"{label}.jsonl").exists():
        return {kind: [key(r, kind, it) for r, it in lst] for kind, lst in items(label).items()}
    path = HERE / f"{label}.keys.jsonl"
    if not path.exists():
        raise SystemExit(f"no records {WORK / f'{label}.jsonl'} and no key list {path}: build the label first")
    out: dict[str, list[str]] = {k: [] for k in KINDS}
    for row in (json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()):
        if row["shown"]:
            out[row["kind"]].append(row["key"])
    return out


def sample_keys(keys: dict[str, list[str]], n: int) -> dict[str, list[str]]:
    """`sample`'s draw over keys alone (the same seed, order and picks as `sample(label, n)`)."""
    rng = random.Random(SEED)
    return {kind: rng.sample(sorted(lst), min(n, len(lst))) for kind, lst in keys.items()}


def write_keys(label: str) -> Path:
    """benchmarks/audit/<label>.keys.jsonl: every item's key, kind, split part, confidence and whether it is shown;
    no page text, so it can be committed and a later `compare --base <label>` needs no records of the base."""
    path = HERE / f"{label}.keys.jsonl"
    shown_keys = {kind: {key(r, kind, it) for r, it in lst} for kind, lst in items(label).items()}
    with path.open("w", encoding="utf-8") as fh:
        for kind, lst in items(label, every=True).items():
            for r, it in lst:
                k = key(r, kind, it)
                fh.write(json.dumps({"key": k, "kind": kind, "input": r["input"], "part": part(r["audit_unit"]),
                                     "status": it.get("status"), "confidence": it.get("confidence"),
                                     "shown": k in shown_keys[kind]}) + "\n")
    return path


def _rank(k: str) -> str:
    return hashlib.sha1(f"{SEED}:{k}".encode()).hexdigest()


def cmd_compare(label: str, base: str, n: int, show: bool, every_event: bool = False) -> dict:
    done, before = judgements(), base_keys(base)
    res = {}
    for kind, d in compare_sample(label, base, n, every_event).items():
        row = {"shown": d["n_kept"] + d["n_new"], "shown_before": len(before[kind])}
        est, judged_total = 0.0, 0
        extra: dict[str, float] = {}
        for part_name in ("kept", "new"):
            lst = d[part_name]
            judged = [(done[key(r, kind, it)], it) for r, it in lst if key(r, kind, it) in done]
            if show:
                for r, it in lst:
                    if key(r, kind, it) not in done:
                        _print_item(kind, r, it)
            p = sum(correct(kind, j, it) for j, it in judged) / len(judged) if judged else None
            row[f"{part_name}_judged"], row[f"{part_name}_precision"] = len(judged), p
            size = d[f"n_{part_name}"]
            if size and p is not None:
                est += p * size
                judged_total += size
                if kind == "events":  # the full record's actors judged (strict), and the type alone
                    for name, fn in (("strict", lambda j, it: correct("events", j)), ("type", type_right)):
                        q = sum(fn(j, it) for j, it in judged) / len(judged)
                        row[f"{part_name}_precision_{name}"] = q
                        extra[name] = extra.get(name, 0.0) + q * size
        row["precision"] = round(est / judged_total, 3) if judged_total else None
        for p in ("tune", "check"):  # the judged items of the sample (kept and new, unweighted) per split part
            sub = [(done[key(r, kind, it)], it) for r, it in d["kept"] + d["new"]
                   if key(r, kind, it) in done and part(r["audit_unit"]) == p]
            row[f"{p}_right"], row[f"{p}_judged"] = sum(correct(kind, j, it) for j, it in sub), len(sub)
        for name, v in extra.items():
            row[f"precision_{name}"] = round(v / judged_total, 3)
        if kind == "quotes":  # over the judged sample (kept and new): real quotes, and the speaker where one is shown
            js = [(done[key(r, kind, it)], it) for r, it in d["kept"] + d["new"] if key(r, kind, it) in done]
            real = [(j, it) for j, it in js if j.get("real")]
            spoken = [j for j, it in real if it.get("speaker_name") and speaker_shown(it)]
            row["real"], row["speaker_shown_right"], row["speaker_shown"] = f"{len(real)}/{len(js)}", sum(bool(j.get("speaker")) for j in spoken), len(spoken)
        res[kind] = row
    if every_event:
        res["events"]["recall"] = event_recall(label, done, show)
    if not show:
        print(json.dumps(res, indent=1))
    return res


#: the confidence from which asserted events are judged for recall (the NOTES recall procedure: events between it
#: and the display threshold are judged too, so recall = right events shown / right events at this floor)
RECALL_FLOOR = 0.5


def event_recall(label: str, done: dict[str, dict], show: bool) -> dict:
    """Of the asserted events at RECALL_FLOOR or above (hidden actors not held against them), the right ones and
    the share of those shown by default, overall and per split part; `show` prints the unjudged ones."""
    out: dict[str, float | int | None] = {}
    rows = []
    for r, it in items(label, every=True)["events"]:
        if it.get("status", "asserted") != "asserted" or (it.get("confidence") or 0) < RECALL_FLOOR:
            continue
        k = key(r, "events", it)
        if k not in done:
            if show:
                _print_item("events", r, it)
            continue
        rows.append((part(r["audit_unit"]), correct("events", done[k], it), shown("events", it)))
    asserted = sum(1 for r, it in items(label, every=True)["events"]
                   if it.get("status", "asserted") == "asserted" and (it.get("confidence") or 0) >= RECALL_FLOOR)
    out["asserted_at_floor"], out["judged"] = asserted, len(rows)
    for name, sub in (("all", rows), ("tune", [x for x in rows if x[0] == "tune"]), ("check", [x for x in rows if x[0] == "check"])):
        right = [x for x in sub if x[1]]
        out[f"{name}_right"], out[f"{name}_right_shown"] = len(right), sum(x[2] for x in right)
        out[f"{name}_recall"] = round(sum(x[2] for x in right) / len(right), 3) if right else None
    return out


def _print_item(kind: str, rec: dict, it: dict) -> None:
    view = {f: it.get(f) for f in ("kind", "type", "status", "text", "speaker_name", "cue", "source_name", "target_name", "trigger", "value", "qualifier", "confidence") if f in it}
    print(json.dumps({"key": key(rec, kind, it), "item": kind, "input": rec["input"], "published": rec.get("published"), **view, "context": context(rec, it)}, ensure_ascii=False))


def judgements() -> dict[str, dict]:
    if not JUDGEMENTS.exists():
        return {}
    return {j["key"]: j for j in (json.loads(x) for x in JUDGEMENTS.read_text(encoding="utf-8").splitlines() if x.strip())}


def context(rec: dict, item: dict) -> str:
    body = rec["body"]
    s, e = item["start"], item["end"]
    for k in ("speaker_start",):
        if item.get(k) is not None:
            s = min(s, item[k])
            e = max(e, item.get("speaker_end") or e)
    lo = max(0, body.rfind("\n", 0, s) + 1, s - 300)
    hi = min(len(body), e + 200)
    nl = body.find("\n", e)
    if nl != -1:
        hi = min(hi, nl)
    return body[lo:s] + "[[" + body[s:e] + "]]" + body[e:hi]


def cmd_sample(label: str, n: int, every: bool = False) -> None:
    done = judgements()
    for kind, lst in sample(label, n, every).items():
        for rec, it in lst:
            if key(rec, kind, it) not in done:
                _print_item(kind, rec, it)


def speaker_shown(item: dict) -> bool:
    """A quote's speaker is shown at or above the speakers' own cut (settings SPEAKERS_THRESHOLD, stop 34), not the
    quotes' cut: the article page says "speaker unsure" below it. Stop 35 (q12) found the audit reading the quotes'
    0.6 here, so s35's first "speaker right where shown" counted hidden speakers."""
    return item.get("speaker_confidence") is None or item["speaker_confidence"] >= threshold("speakers")


def correct(kind: str, j: dict, item: dict | None = None) -> bool:
    """The item is right as shown: a quote real with its speaker right (or its speaker not shown, below the
    threshold), an event that happened with type right and each actor right (or not shown, below the threshold),
    a fact or a date right."""
    if kind == "quotes":
        return bool(j.get("real")) and (bool(j.get("speaker")) or (item is not None and not speaker_shown(item)))
    if kind == "events":
        # an actor below the threshold is nulled where the event is shown: like a quote's hidden speaker, it is not
        # held against the event (with no item given, every actor is judged: the strict reading)
        def ok(role: str) -> bool:
            hidden = item is not None and item.get(f"{role}_confidence") is not None and item[f"{role}_confidence"] < threshold("actors")
            return bool(j.get(role)) or hidden

        return bool(j.get("happened") and j.get("type")) and ok("source") and ok("target")
    return bool(j.get("ok"))


def type_right(j: dict, item: dict | None = None) -> bool:
    """An event that happened with its type right, whatever its actors."""
    return bool(j.get("happened") and j.get("type"))


def cmd_score(label: str, n: int) -> dict:
    done = judgements()
    every = items(label)
    res = {}
    for kind, lst in sample(label, n).items():
        judged = [(done[key(r, kind, it)], r) for r, it in lst if key(r, kind, it) in done]
        ok = sum(correct(kind, j) for j, _ in judged)
        row = {"shown": len(every[kind]), "sampled": len(lst), "judged": len(judged), "correct": ok, "precision": ok / len(judged) if judged else None}
        if kind == "quotes" and judged:
            real = [j for j, _ in judged if j.get("real")]
            row["real"] = len(real) / len(judged)
            row["speaker_given_real"] = sum(bool(j.get("speaker")) for j in real) / len(real) if real else None
        for p in ("tune", "check"):
            sub = [j for j, r in judged if part(r["audit_unit"]) == p]
            row[f"precision_{p}"] = sum(correct(kind, j) for j in sub) / len(sub) if sub else None
            row[f"judged_{p}"] = len(sub)
        res[kind] = row
    print(json.dumps(res, indent=1))
    return res


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.audit")
    ap.add_argument("command", choices=("build", "sample", "score", "compare", "to-judge", "keys"))
    ap.add_argument("--base", default="before", help="compare / to-judge: the label whose judged sample is reused")
    ap.add_argument("--label", default="current")
    ap.add_argument("-n", type=int, default=30, help="items sampled per kind")
    ap.add_argument("--raw", action="store_true", help="build: scores without calibration maps")
    ap.add_argument("--every", action="store_true", help="sample: from every item, shown or not (to calibrate)")
    ap.add_argument("--every-event", action="store_true", help="compare / to-judge: every shown event, not a sample")
    ap.add_argument("--fresh", type=int, metavar="SEED", help="build: the fresh page draw of SEED (fresh.py; LGL or the seed's fresh.POOLS pool), not the 99 pages")
    a = ap.parse_args()
    if a.command == "build" and a.fresh is not None:
        from benchmarks.audit.fresh import build as build_fresh

        print(build_fresh(a.label, a.fresh))
    elif a.command == "build":
        print(build(a.label, a.raw))
    elif a.command == "sample":
        cmd_sample(a.label, a.n, a.every)
    elif a.command == "score":
        cmd_score(a.label, a.n)
    elif a.command == "keys":
        print(write_keys(a.label))
    else:
        cmd_compare(a.label, a.base, a.n, show=a.command == "to-judge", every_event=a.every_event)


if __name__ == "__main__":
    main()
