"""Hand audit of French records on real pages: people, places, organisations, quotes and dates.

    python -m benchmarks.audit.french build --label before      # records of the French eval pages
    python -m benchmarks.audit.french todo --label before -n 25 # sampled items not judged yet (JSON lines)
    python -m benchmarks.audit.french report --label before -n 25

Pages: the French pages the `french` benchmark reads (fundus publishers labelled French, trafilatura-eval pages
whose gold snippets read as French), kept when the record went through the French pipeline. Items: every entity
typed person, place (city, country, place) or organisation, every quote and every date, as shown by default (at
or above NEWSGRAPH_MIN_CONFIDENCE where an item has a confidence).

Sample: per kind, the n items whose key ranks lowest under a hash salted with SEED. This is a uniform sample with
a fixed seed that is also stable under change: after a fix, every item still shown keeps its rank, so the "after"
sample reuses the "before" judgements and only new items (retyped, renamed, newly found) need judging.

Judgements (french-judgements.jsonl, one per item key with its reason):
- entity: `ok` when the name is a real named entity of the type given (person / place / organisation), named by
  its name (not a fragment or a phrase around it);
- quote: `real` when it is speech or writing reported with these words, `speaker` when the speaker shown is the
  one who said it; right = real and speaker right (or no speaker shown);
- date: `ok` when the value is the date the text means.
Parts: pages split by publisher (fundus) or site (trafilatura-eval), benchmarks/splits.py.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

from benchmarks.audit.__main__ import WORK, write_records
from benchmarks.splits import PARTS, part

HERE = Path(__file__).resolve().parent
JUDGEMENTS = HERE / "french-judgements.jsonl"
SEED = 12
KINDS = ("person", "place", "organisation", "quotes", "dates")
_TYPES = {"person": ("person",), "place": ("place", "city", "country"), "organisation": ("organisation",)}


def pages() -> list[tuple[str, str, bytes]]:
    """(input name, split unit, HTML bytes) of the French eval pages, in a fixed order."""
    from benchmarks.tasks.extraction import load_fundus, load_trafeval, read_html, site
    from benchmarks.tasks.language import label
    from newsgraph.extract.language import identify

    out = []
    for it in load_fundus(None):
        if label(it) == "fr":
            out.append((f"fundus/{it['html']}", it["publisher"], read_html(it["_path"], it["html"]).encode("utf-8")))
    for it in load_trafeval(None):
        if identify(" ".join((it.get("with") or [])[:5]))[0] == "fr":
            out.append((f"trafilatura/{it['file']}", site(it["url"]),
                        read_html(it["_path"], it["file"]).encode("utf-8")))
    return out


def build(label: str) -> Path:
    """WORK/french-<label>.jsonl: the records of the French pages the French pipeline annotated."""
    from newsgraph.records import RawDocument

    found = pages()
    return write_records(f"french-{label}", [RawDocument(input=n, data=d, kind="html") for n, _, d in found],
                         {name: u for name, u, _ in found},
                         keep=lambda art: art.language == "fr" and bool(art.annotations.get("pipeline")))


def _shown(item: dict, kind: str, limits: dict[str, float]) -> bool:
    """Shown by default: no confidence, or one at or above the kind's display threshold (`limits`, the settings'
    per-kind thresholds read once per run by `items`)."""
    conf = item.get("confidence")
    return conf is None or conf >= limits[kind]


def key(rec: dict, kind: str, item: dict) -> str:
    """An item's identity across runs: page, kind and what is judged (entity: type family and name; quote:
    span, words and speaker; date: span and value)."""
    if kind in _TYPES:
        fields = [kind, item["name"]]
    elif kind == "quotes":
        fields = [item["start"], item["end"], item["text"], item.get("speaker_name")]
    else:
        fields = [item["start"], item["end"], item.get("text"), item.get("value")]
    raw = json.dumps([rec["input"], kind, *fields], ensure_ascii=False)
    return hashlib.sha1(raw.encode()).hexdigest()[:16]


def items(label: str) -> dict[str, list[tuple[dict, dict]]]:
    from newsgraph.confidence import thresholds

    limits = thresholds()  # the settings, read once: they do not change within a run
    recs = [json.loads(x) for x in (WORK / f"french-{label}.jsonl").read_text(encoding="utf-8").splitlines()]
    out: dict[str, list] = {k: [] for k in KINDS}
    for rec in recs:
        for e in rec.get("entities") or []:
            for kind, types in _TYPES.items():
                if e["type"] in types and _shown(e, "entities", limits):
                    out[kind].append((rec, e))
        for kind in ("quotes", "dates"):
            out[kind] += [(rec, it) for it in rec.get(kind) or [] if _shown(it, kind, limits)]
    return out


def _rank(k: str, seed: int = SEED) -> str:
    return hashlib.sha1(f"{seed}:{k}".encode()).hexdigest()


def sample(label: str, n: int, seed: int = SEED) -> dict[str, list[tuple[dict, dict]]]:
    """Per kind, the n items ranked lowest under the hash salted with `seed` (another seed: another sample of the
    same pages, with items no earlier study read)."""
    return {kind: sorted(lst, key=lambda ri, kind=kind: _rank(key(ri[0], kind, ri[1]), seed))[:n]
            for kind, lst in items(label).items()}


def judgements() -> dict[str, dict]:
    if not JUDGEMENTS.exists():
        return {}
    return {j["key"]: j for j in (json.loads(x) for x in JUDGEMENTS.read_text(encoding="utf-8").splitlines() if x.strip())}


def correct(kind: str, j: dict, item: dict) -> bool:
    if kind == "quotes":
        return bool(j.get("real")) and (bool(j.get("speaker")) or not item.get("speaker_name"))
    return bool(j.get("ok"))


def _context(body: str, s: int, e: int, width: int = 160) -> str:
    lo, hi = max(0, s - width), min(len(body), e + width)
    return (body[lo:s] + "[[" + body[s:e] + "]]" + body[e:hi]).replace("\n", " / ")


def view(rec: dict, kind: str, it: dict) -> dict:
    body = rec["body"]
    out = {"key": key(rec, kind, it), "item": kind, "input": rec["input"]}
    if kind in _TYPES:
        ms = it.get("mentions") or []
        out.update(name=it["name"], type=it["type"], geo=bool(it.get("geo")), mentions=[m["text"] for m in ms][:6],
                   context=_context(body, ms[0]["start"], ms[0]["end"], 120) if ms else "")
    elif kind == "quotes":
        s, e = it["start"], it["end"]
        if it.get("speaker_start") is not None:
            s, e = min(s, it["speaker_start"]), max(e, it.get("speaker_end") or e)
        out.update(kind=it.get("kind"), text=it["text"][:300], speaker_name=it.get("speaker_name"), cue=it.get("cue"),
                   context=_context(body, s, e, 120))
    else:
        out.update(text=it.get("text"), value=it.get("value"), published=rec.get("published"),
                   context=_context(body, it["start"], it["end"], 120))
    return out


def cmd_todo(label: str, n: int, seed: int = SEED) -> None:
    done = judgements()
    for kind, lst in sample(label, n, seed).items():
        for rec, it in lst:
            if key(rec, kind, it) not in done:
                print(json.dumps(view(rec, kind, it), ensure_ascii=False))


def report(label: str, n: int, seed: int = SEED) -> dict:
    done = judgements()
    every = items(label)
    res: dict[str, dict] = {}
    for kind, lst in sample(label, n, seed).items():
        judged = [(done[key(r, kind, it)], r, it) for r, it in lst if key(r, kind, it) in done]
        row: dict = {"shown": len(every[kind]), "sampled": len(lst), "judged": len(judged)}
        row["precision"] = round(sum(correct(kind, j, it) for j, _, it in judged) / len(judged), 3) if judged else None
        for p in PARTS:
            sub = [(j, it) for j, r, it in judged if part(r["audit_unit"]) == p]
            row[f"{p}_judged"] = len(sub)
            row[f"{p}_precision"] = round(sum(correct(kind, j, it) for j, it in sub) / len(sub), 3) if sub else None
        if kind == "quotes" and judged:
            real = [j for j, _, _ in judged if j.get("real")]
            row["real"] = round(len(real) / len(judged), 3)
            row["speaker_right_given_real"] = round(sum(bool(j.get("speaker")) for j in real) / len(real), 3) if real else None
        res[kind] = row
    print(json.dumps(res, indent=1))
    return res


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.audit.french")
    ap.add_argument("command", choices=("build", "todo", "report"))
    ap.add_argument("--label", default="current")
    ap.add_argument("-n", type=int, default=25, help="items sampled per kind")
    ap.add_argument("--seed", type=int, default=SEED, help="salt of the sample's hash (FRENCH.md names each audit's)")
    a = ap.parse_args()
    if a.command == "build":
        print(build(a.label))
    elif a.command == "todo":
        cmd_todo(a.label, a.n, a.seed)
    else:
        report(a.label, a.n, a.seed)


if __name__ == "__main__":
    main()
