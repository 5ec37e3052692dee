"""Why a star or salient gum-entities-dev entity is missing from the topics shown: one line per missed entity.

    python -m benchmarks.topic_misses [--part tune] [--records FILE] [--all-gold]

The records are `newsgraph analyze --kind body --format jsonl --min-confidence 0` over the set's documents (made
once and kept in --records; delete the file to re-analyse). Each gold entity the scorer did not match among the
topics shown by default gets the first cause that explains it, in this order:
- shown-name: a topic of the right type is shown under a name the scorer does not accept for it;
- under-threshold: a matching topic exists at threshold 0 but its confidence is under the display threshold (or a
  place entity, which the scorer reads off the entities, is under the entities' threshold);
- wrong-type: the name is an entity or topic of another type (person/place/organisation confusions, or a type that
  has no topic list: work, product, misc);
- no-topic: an entity carries one of the gold names as an alias or mention, but its canonical name (the one the
  topics list) is another: split, merged or wrongly chosen canonical form;
- not-found: no entity of the record carries any of the gold names: the recogniser never found it (or the name
  never appears in a form the scorer accepts, e.g. a speech whose subject is never named); "not-found (nested)"
  when every use of a gold form in the text lies inside a longer capitalised name ("the University of X", "the X
  Festival"): GUM annotates nested names, the topic audits judge such a topic wrong.
The counts per cause are printed last. Tune part only by default: the check part is for checking, not reading.
`--classes` prints counts only (no entity): per cause, gold type, the type it was shown or held as, the gold
mention count (1, 2-4, 5+) and star or not; safe on the check part.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from benchmarks.common import REPO
from benchmarks.splits import part
from benchmarks.tasks.topics import SET, scorer

TYPE_OF_KEY = {"people": "person", "countries": "place", "cities": "place", "places": "place",
               "organisations": "organization"}
ENTITY_TYPE = {"person": "person", "country": "place", "city": "place", "place": "place",
               "organisation": "organization"}


def analyse(docs: list[Path], out: Path) -> None:
    exe = Path(sys.executable).parent / "newsgraph"
    cmd = [str(exe), "analyze", "--kind", "body", "--format", "jsonl", "--min-confidence", "0", "-o", str(out),
           *map(str, docs)]
    subprocess.run(cmd, check=True, cwd=REPO)


#: a capitalised word, or a linking word inside a name, right before or after a form: the form is part of a longer name
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w.'’-]*|of|de|du|la|le|von|van)\s+$")
_NAME_AFTER = re.compile(r"^(?:'s\s+|’s\s+|\s+|-)(?:[A-Z][\w'-]*|of\s+[A-Z])")


def nested_only(body: str, forms: list[str]) -> bool:
    """Every use of every capitalised form in `body` lies inside a longer capitalised name (and there is one)."""
    seen = False
    for f in forms:
        if not f or not any(ch.isupper() for ch in f):
            continue
        for m in re.finditer(re.escape(f), body):
            before, after = body[max(0, m.start() - 30) : m.start()], body[m.end() : m.end() + 30]
            if m.start() > 0 and body[m.start() - 1].isalnum() or after[:1].isalnum():
                continue  # inside a word, not a use of the name
            seen = True
            if not (_NAME_BEFORE.search(before) or _NAME_AFTER.match(after)):
                return False
    return seen


def diagnose(rec: dict, g: dict, sc, threshold: float | dict[str, float], entity_threshold: float) -> tuple[str, str]:
    """(cause, evidence) for one gold entity the shown topics miss.

    threshold: the topics' display cut, one for every type or {topic key: cut} (settings.TOPIC_THRESHOLDS: the
    cuts differ per type since stop 33, so one number called items under their type's cut "shown-name")."""
    cut = threshold if isinstance(threshold, dict) else {"": threshold}
    keys = sc.gold_keys(g)
    t = g["type"]
    alt = g.get("alt_type")
    topics, confs = rec.get("topics") or {}, rec.get("topics_confidence") or {}
    cands = []
    for key, names in topics.items():
        for i, n in enumerate(names):
            c = (confs.get(key) or [None] * len(names))[i]
            cands.append((TYPE_OF_KEY.get(key, key), n, c, cut.get(key, cut[""])))
    right = [(n, c, k) for ty, n, c, k in cands if ty in (t, alt) and sc.match_score(n, keys)]
    if right:
        n, c, k = max(right, key=lambda x: (x[1] or 0) - x[2])
        if c is not None and c < k:
            return "under-threshold", f"{n!r} conf {c:.2f}"
        return "shown-name", f"{n!r} conf {c}"
    other = [(ty, n, c) for ty, n, c, _ in cands if sc.match_score(n, keys)]
    ents = rec.get("entities") or []
    hits = [e for e in ents if any(sc.match_score(a, keys) for a in [e["name"], *e.get("aliases", []),
                                                                      *(m["text"] for m in e.get("mentions", []))])]
    if other:
        ty, n, c = other[0]
        return "wrong-type", f"topic {n!r} as {ty} conf {c}"
    typed = [e for e in hits if sc.match_score(e["name"], keys)]
    if typed:
        e = typed[0]
        why = f"entity {e['name']!r} type {e['type']} conf {e.get('confidence')}"
        if ENTITY_TYPE.get(e["type"]) in (t, alt) and (e.get("confidence") or 0) < entity_threshold:
            return "under-threshold", why  # a place the scorer reads off the entities: below their threshold
        return "wrong-type", why
    if hits:
        e = hits[0]
        return "no-topic", (f"entity {e['name']!r} ({e['type']}, {len(e['mentions'])} mentions) holds "
                            f"{[a for a in e.get('aliases', []) if sc.match_score(a, keys)][:2]}")
    body = rec.get("body") or ""
    seen = [f for f in g["surface_forms"] if f and f in body and any(ch.isupper() for ch in f)]
    return "not-found (nested)" if nested_only(body, seen) else "not-found", f"forms in text: {seen[:3]}"


def held_as(why: str) -> str:
    """The type a wrong-type or under-threshold entity was shown or held as, read off the evidence line."""
    m = re.search(r" as (\w+) conf| type (\w+) conf", why)
    return (m.group(1) or m.group(2)) if m else ""


def bucket(n: int) -> str:
    return "1" if n <= 1 else "2-4" if n <= 4 else "5+"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", default="tune", choices=["tune", "check", "all"])
    ap.add_argument("--records", type=Path, default=Path("/tmp/gum-topics-every.jsonl"))
    ap.add_argument("--all-gold", action="store_true", help="every missed gold entity, not only salient ones")
    ap.add_argument("--classes", action="store_true", help="counts per class only (cause, gold type, held as, "
                    "mentions, star), no entity named: for the check part")
    a = ap.parse_args(argv)
    from newsgraph.confidence import default_threshold, filter_record, thresholds

    sc = scorer()
    gold = json.loads((SET / "docs" / "gold.json").read_text(encoding="utf-8"))
    names = sorted(n for n in gold if a.part == "all" or part(n) == a.part)
    if not a.records.exists():
        analyse([SET / "docs" / f"{n}.txt" for n in sorted(gold)], a.records)
    recs = {sc.stem(r["input"]): r for r in map(json.loads, a.records.read_text().splitlines())}
    shown = thresholds(None)  # each topic type's own cut ("topics:<key>"), as filter_record shows them
    threshold = {"": shown["topics"], **{k.split(":", 1)[1]: v for k, v in shown.items() if k.startswith("topics:")}}
    entity_threshold = default_threshold("entities")
    causes: Counter = Counter()
    classes: Counter = Counter()
    for name in names:
        rec = recs.get(name, {})
        ents = gold[name]["entities"]
        preds = sc.predicted_topics(filter_record(rec))
        _, pairs, _ = sc.score_doc(preds, ents)
        matched = set(pairs.values())
        for j, g in enumerate(ents):
            if j in matched or not (g["salient"] or g["star"] or a.all_gold):
                continue
            cause, why = diagnose(rec, g, sc, threshold, entity_threshold)
            mark = "*" if g["star"] else "s" if g["salient"] else "-"
            causes[cause] += 1
            causes[f"{cause} (star)"] += g["star"]
            classes[(cause, g["type"], held_as(why), bucket(g["n_mentions"]), "star" if g["star"] else "")] += 1
            if a.classes:
                continue
            print(f"{mark} {name:28} {g['type']:12} {g['identity'][:34]:34} n={g['n_mentions']:<3} {cause:15} {why}")
    for (cause, gtype, held, n, star), k in sorted(classes.items(), key=lambda x: (-x[1], x[0])):
        if a.classes:
            print(f"{k:4} {cause:19} {gtype:12} held as {held or '-':12} mentions {n:4} {star}")
    print(json.dumps(dict(sorted(causes.items()))))


if __name__ == "__main__":
    main()
