"""Task 6: events on the PETRARCH-2 validation records, CAMEO codes mapped to PLOVER 2021.

Data: eval/petrarch2-validation/gsr_records.jsonl (real news sentences, codes with real country actors) and
records.jsonl (the unit-test sentences with toy actors: type accuracy only, their actor codes exist only in the
validation dictionaries). CAMEO -> PLOVER by eval/plover-gsr/CAMEO2PLOVER-2021.txt: the code itself, else its
shorter prefixes; codes the table does not map (01x statements, 02x appeals) leave their record out.
Definitions:
- type accuracy: per record with at least one mapped gold event, our main event (the first event with both
  actors, else the first with a source, else the first event) has one of the gold types; no event is wrong.
- source / target match, on records whose type is right: the actor of our event of that type matches the gold
  actor code of that type: the code's first three letters are an ISO country code and our actor is that country
  (a country entity, or a country or its adjective inside the actor's name), or the code names no country and we
  still found an actor.
Anchor: the majority PLOVER type of the gold set, predicted for every record.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from functools import lru_cache

from benchmarks.common import EVAL, Skip, Table, TaskResult, require
from benchmarks.splits import PARTS, part

NAME = "events"
TITLE = "6. Events (PETRARCH-2 validation -> PLOVER)"


def cameo2plover() -> dict[str, str]:
    path = require(EVAL / "plover-gsr" / "CAMEO2PLOVER-2021.txt")
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if m:
            out.setdefault(m.group(1), m.group(2))
    return out


def to_plover(code: str | None, table: dict[str, str]) -> str | None:
    code = (code or "").strip()
    while code:
        if code in table:
            return table[code]
        code = code[:-1]
        if len(code) < 2:
            break
    return None


_DEMONYMS = {
    "american": "USA", "us": "USA", "u.s.": "USA", "u.s": "USA", "british": "GBR", "uk": "GBR", "english": "GBR",
    "french": "FRA", "dutch": "NLD", "swiss": "CHE", "greek": "GRC", "turkish": "TUR", "thai": "THA",
    "filipino": "PHL", "lebanese": "LBN", "afghan": "AFG", "pakistani": "PAK", "saudi": "SAU", "emirati": "ARE",
    "irish": "IRL", "danish": "DNK", "swedish": "SWE", "finnish": "FIN", "polish": "POL", "spanish": "ESP",
    "portuguese": "PRT", "palestinian": "PSE", "israeli": "ISR", "iraqi": "IRQ", "yemeni": "YEM", "kuwaiti": "KWT",
    "qatari": "QAT", "omani": "OMN", "bangladeshi": "BGD", "nepali": "NPL", "somali": "SOM", "congolese": "COD",
    "sudanese": "SDN", "vietnamese": "VNM", "burmese": "MMR", "korean": "KOR", "north korean": "PRK",
    "south korean": "KOR", "russia": "RUS", "russian": "RUS", "russians": "RUS", "iran": "IRN", "syria": "SYR", "gaza": "PSE", "west bank": "PSE",
}


_SUFFIXES = {"ian", "ians", "an", "ans", "n", "ns", "ese", "i", "is", "ish", "ic", "s"}


@lru_cache(maxsize=4096)
def _country_of_word(word: str) -> str | None:
    """ISO alpha-3 for a country name or its adjective ("Iranian" -> IRN, "Nigerian" -> NGA)."""
    import pycountry

    w = word.strip(".,'\u2019").lower()
    if w in _DEMONYMS:
        return _DEMONYMS[w]
    if len(w) < 4:
        return None
    try:
        return pycountry.countries.lookup(w).alpha_3
    except LookupError:
        pass
    best = None
    for c in pycountry.countries:
        for name in {c.name.lower(), getattr(c, "common_name", c.name).lower()}:
            if " " in name:
                continue
            stem = name.rstrip("aeiouy") or name
            if len(stem) >= 3 and w.startswith(stem) and w[len(stem) :] in _SUFFIXES:
                common = len(os.path.commonprefix([w, name]))
                if best is None or common > best[0]:
                    best = (common, c.alpha_3)
    return best[1] if best else None


def actor_country(name: str | None) -> str | None:
    if not name:
        return None
    words = name.replace("-", " ").split()
    for n in (3, 2):
        for i in range(len(words) - n + 1):
            c = _country_of_word(" ".join(words[i : i + n]))
            if c:
                return c
    for w in words:
        c = _country_of_word(w)
        if c:
            return c
    return None


def actor_match(gold_code: str | None, name: str | None, place_cc: str | None = None) -> bool:
    """`place_cc`: the ISO alpha-2 country of our actor when it is a geocoded place (a city stands for its country,
    as in CAMEO coding)."""
    import pycountry

    code = (gold_code or "")[:3].upper()
    gold_country = code if code and pycountry.countries.get(alpha_3=code) else None
    if not name:
        return False
    ours = actor_country(name)
    if ours is None and place_cc:
        c = pycountry.countries.get(alpha_2=place_cc.upper())
        ours = c.alpha_3 if c else None
    if gold_country:
        return ours == gold_country
    return True


def load(path, table, limit):
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        gold = [(to_plover(e.get("eventcode"), table), e.get("sourcecode"), e.get("targetcode")) for e in r["events"] if e.get("eventcode")]
        gold = [g for g in gold if g[0]]
        if gold:
            items.append((r, gold))
    return items[:limit] if limit else items


def _main_event(evs):
    """The event the sentence is about: the first with both actors, else the first with a source, else the first."""
    for ok in (lambda e: (e.source or e.source_name) and (e.target or e.target_name), lambda e: e.source or e.source_name):
        hit = next((e for e in evs if ok(e)), None)
        if hit is not None:
            return hit
    return evs[0] if evs else None


def _date(d: str | None) -> str | None:
    return f"{d[:4]}-{d[4:6]}-{d[6:8]}" if d and len(d) == 8 and d.isdigit() else None


def story_key(record_id: str) -> str:
    """The split unit of a record: its story ("AFP0808020625_4" -> "AFP0808020625"); records of one story stay in
    one part."""
    return record_id.rsplit("_", 1)[0] if "_" in record_id else record_id


def score_record(gold, art, majority: str, shown: bool = True) -> dict:
    """Outcome of one record: type right, source/target/both right (on a right type), majority anchor right, and
    the main event itself (for calibration)."""
    names = {e.id: e.name for e in art.entities}
    ccs = {e.id: e.geo.country_code for e in art.entities if e.geo is not None and e.type in ("city", "place")}
    main = _main_event(shown_events(art.events) if shown else art.events)
    gold_types = {g[0] for g in gold}
    out = {"type": False, "source": False, "target": False, "both": False, "majority": majority in gold_types, "event": main}
    if main is None or main.type not in gold_types:
        return out
    cands = [g for g in gold if g[0] == main.type]
    src = names.get(main.source or "") or main.source_name
    tgt = names.get(main.target or "") or main.target_name
    scc, tcc = ccs.get(main.source or ""), ccs.get(main.target or "")
    out["type"] = True
    out["source"] = any(actor_match(g[1], src, scc) for g in cands)
    out["target"] = any(actor_match(g[2], tgt, tcc) for g in cands)
    out["both"] = any(actor_match(g[1], src, scc) and actor_match(g[2], tgt, tcc) for g in cands)
    return out


def shown_events(events: list) -> list:
    """The events a record shows by default: those that happened (status "asserted", or no status) at or above
    the display threshold, each actor below the actors' threshold nulled (as newsgraph/confidence.py `filter_record`)."""
    import dataclasses

    from newsgraph.annotate.factuality import SHOWN

    out = []
    for e in events:
        if (getattr(e, "status", None) or "asserted") not in SHOWN:
            continue
        conf = getattr(e, "confidence", None)
        if conf is not None and conf < _threshold():
            continue
        nulled = {}
        for role in ("source", "target"):
            c = getattr(e, f"{role}_confidence", None)
            if c is not None and c < _threshold("actors"):
                nulled.update({role: None, f"{role}_name": None})
        out.append(dataclasses.replace(e, **nulled) if nulled else e)
    return out


def _threshold(kind: str = "events") -> float:
    """The display threshold of `kind` (settings: NEWSGRAPH_MIN_CONFIDENCE_<KIND>, else NEWSGRAPH_MIN_CONFIDENCE)."""
    from newsgraph.confidence import default_threshold

    return default_threshold(kind)


def run(limit: int | None) -> TaskResult:
    table = cameo2plover()
    root = require(EVAL / "petrarch2-validation")
    from newsgraph.annotate import annotate_many
    from newsgraph.records import Extracted

    tables = []
    total = 0
    for fname, label, with_actors in (("gsr_records.jsonl", "GSR (real news)", True), ("records.jsonl", "unit tests (toy actors)", False)):
        path = root / fname
        if not path.exists():
            continue
        items = load(path, table, limit)
        if not items:
            continue
        total += len(items)
        exs = [Extracted(input=r["id"], body=r["text"], published=_date(r.get("date")), kind="body") for r, _ in items]
        counts = Counter(g[0] for _, gold in items for g in gold)
        majority = counts.most_common(1)[0][0]
        arts = list(annotate_many(exs))
        outcomes = [score_record(gold, art, majority) for (_r, gold), art in zip(items, arts, strict=True)]
        every = [score_record(gold, art, majority, shown=False) for (_r, gold), art in zip(items, arts, strict=True)]
        cols = ["system", "part", "type accuracy", "source match", "target match", "both", "records"]
        t = Table(f"{label}: {fname}", cols)
        for part_name in ("all", *PARTS):
            sel = [o for (r, _), o in zip(items, outcomes, strict=True) if part_name == "all" or part(story_key(r["id"])) == part_name]
            n = len(sel) or 1
            ok = sum(o["type"] for o in sel)
            if with_actors:
                t.rows.append(["newsgraph", part_name, ok / n, sum(o["source"] for o in sel) / max(ok, 1), sum(o["target"] for o in sel) / max(ok, 1), sum(o["both"] for o in sel) / max(ok, 1), len(sel)])
            else:
                t.rows.append(["newsgraph", part_name, ok / n, None, None, None, len(sel)])
        for part_name in ("all", *PARTS):
            sel = [o for (r, _), o in zip(items, every, strict=True) if part_name == "all" or part(story_key(r["id"])) == part_name]
            n = len(sel) or 1
            ok = sum(o["type"] for o in sel)
            if with_actors:
                t.rows.append(["newsgraph, every event (hidden ones too)", part_name, ok / n, sum(o["source"] for o in sel) / max(ok, 1),
                               sum(o["target"] for o in sel) / max(ok, 1), sum(o["both"] for o in sel) / max(ok, 1), len(sel)])
            else:
                t.rows.append(["newsgraph, every event (hidden ones too)", part_name, ok / n, None, None, None, len(sel)])
        all_n = len(outcomes) or 1
        t.rows.append([f"majority type ({majority})", "all", sum(o["majority"] for o in outcomes) / all_n, None, None, None, len(outcomes)])
        t.note = (
            "Actor match is over the records whose type is right. Parts: benchmarks/splits.py, by story "
            "(the record id before its last '_'); tune on `tune`, keep a change only when `check` improves too."
        )
        tables.append(t)
    if not tables:
        raise Skip("no petrarch2 records with PLOVER-mapped codes")
    res = TaskResult(NAME, TITLE, tables, items=total)
    res.notes.append("Goals: type accuracy >= 0.75, source/target match >= 0.65.")
    return res
