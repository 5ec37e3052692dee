"""Why a judged topic item of a topic-audit run is shown or not: one block per item, with its cause.

    python -m benchmarks.topic_why --run s21c-b03 --type organisations --missed      # right items not shown
    python -m benchmarks.topic_why --run s21c-b03 --type cities --wrong              # wrong items shown
    python -m benchmarks.topic_why --page NAME.html.gz --name "Some Name"            # one page's matching entities

`--run` reads a topic-audit run (benchmarks/audit/topics-<run>.jsonl) and the judgements; `--base` (default: the
run itself) names the run whose judged items are looked at, so the right items of an earlier run can be followed
into this code's records. The pages are analysed again in process (the code as it is now) and each item gets the
first cause that explains it:
- shown: at or above the display threshold (with --wrong: the features that let it through);
- under-threshold: the entity exists with this type; printed: entity and type confidence, the topic model's score
  before the gates, each gate that fired (confidence.py's weights), and the cap by the entity's own confidence;
- wrong-type: an entity of another type carries the name (as name, alias or mention text);
- other-name: an entity of this type carries the name as an alias or mention, under another canonical name;
- not-found: no entity carries it.
The cause counts are printed last. The pages' text is printed only as short contexts, to the terminal.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from benchmarks.topic_audit import audit_sample, judgements, load, pages, shown_items, threshold_or_default

SINGULAR = {"people": "person", "countries": "country", "cities": "city", "organisations": "organisation"}
#: gates of confidence.gate that apply to topics, in its order: feature -> weight name
GATES = ("no_prose", "initials_form", "publisher", "fragment", "common_words", "quoted_title", "possessive_inside",
         "person_goes_on", "concept")


def analyse(path: Path):
    """The annotated Doc of one page, and each entity's features (by id)."""
    from newsgraph.annotate import language_pipeline, make_doc
    from newsgraph.ingest.files import documents_of
    from newsgraph.pipeline import extract_document

    raw = next(iter(documents_of(str(path))))
    ex = extract_document(raw)
    nlp = language_pipeline(ex.language or "en") or language_pipeline("en")
    doc = nlp(make_doc(nlp, ex))
    from newsgraph.annotate.confidence import ConfidenceScorer  # noqa: F401  (the scorer ran inside nlp)
    from newsgraph.annotate.entity_features import doc_context, features
    from newsgraph.annotate.names import shipped_names

    ctx = doc_context(doc, shipped_names())
    return doc, {id(e): features(doc, e, *ctx) for e in doc._.ng_entities or []}


def explain(doc, feats: dict, type_key: str, name: str, threshold: float) -> tuple[str, list[str]]:
    """(cause, lines) for one item."""
    from newsgraph.annotate.calibration import calibrate, logistic
    from newsgraph.annotate.confidence import gazetteer_only

    want = SINGULAR[type_key]
    ents = list(doc._.ng_entities or [])
    topics = {(k, n): c for k, n, c in doc._.ng_topics or []}
    lines = []

    def texts(e):
        return {e.name, *e.aliases, *(doc.text[m.start:m.end] for m in e.mentions)}

    same = [e for e in ents if e.type == want and e.name == name]
    if same:
        e = same[0]
        f = feats.get(id(e), {})
        conf = topics.get((type_key, name))
        p = logistic("topic", {**f, "entity_confidence": e.confidence if e.confidence is not None else 0.5})
        fired = [g for g in GATES if f.get(g)] + (["gazetteer_only"] if gazetteer_only(e, f) else [])
        lines.append(f"entity conf {e.confidence} type conf {e.type_confidence}; topic model {p and round(p, 3)} -> "
                     f"calibrated {p and calibrate('topic', p)}; gates {fired or '-'}; topic {conf}")
        keys = ("log_mentions", "salience", "first", "model_named", "model_typed", "prose", "no_prose", "nested",
                "standalone_none", "locative", "org_evidence", "lexicon", "propagated", "acronym", "one_word", "words")
        lines.append("  " + " ".join(f"{k}={round(f.get(k, 0), 2)}" for k in keys))
        for m in e.mentions[:3]:
            s, t = max(0, m.start - 70), min(len(doc.text), m.end + 70)
            lines.append("  | " + " ".join(doc.text[s:t].split()))
        cause = "shown" if conf is not None and conf >= threshold else "under-threshold"
        return cause, lines
    other = [e for e in ents if e.type != want and name in texts(e)]
    if other:
        return "wrong-type", [f"{e.type}: {e.name} (conf {e.confidence})" for e in other[:3]]
    alias = [e for e in ents if e.type == want and name in texts(e)]
    if alias:
        return "other-name", [f"under {e.name!r} (topic {topics.get((type_key, e.name))})" for e in alias[:3]]
    near = [e.name for e in ents if name.lower() in e.name.lower() or e.name.lower() in name.lower()]
    return "not-found", [f"entities with overlapping names: {near[:4]}"] if near else []


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.topic_why", description=__doc__.split("\n\n")[0])
    ap.add_argument("--run", help="a topic-audit run: the code's records are compared against its judged items")
    ap.add_argument("--base", help="the run whose judged items are followed (default: --run)")
    ap.add_argument("--type", choices=list(SINGULAR), default="organisations")
    ap.add_argument("--missed", action="store_true", help="right items of the base's sample of every item")
    ap.add_argument("--wrong", action="store_true", help="wrong items of the base's sample of shown items")
    ap.add_argument("--per-type", type=int, default=None)
    ap.add_argument("--page", help="one page (file name of an audited page) ...")
    ap.add_argument("--name", action="append", default=[], help="... and the item names to explain there")
    args = ap.parse_args(argv)
    threshold = threshold_or_default(None)
    by_name = {p.name: p for p in pages()}
    if args.page:
        todo = [(args.page, n) for n in args.name]
    else:
        done = judgements()
        base = load(args.base or args.run)
        items = [i for i in base if i["type"] == args.type]
        if args.wrong:
            items = [i for i in audit_sample(shown_items(items, threshold), args.per_type)
                     if i["key"] in done and not done[i["key"]]["right"]]
        else:
            items = [i for i in audit_sample(items, args.per_type) if done.get(i["key"], {}).get("right")]
        todo = [(i["page"], i["name"]) for i in items]
    causes: Counter = Counter()
    cache: dict = {}
    for page, name in sorted(todo):
        if page not in cache:
            cache[page] = analyse(by_name[page])
        doc, feats = cache[page]
        cause, lines = explain(doc, feats, args.type, name, threshold)
        if args.missed and cause == "shown":
            causes[cause] += 1
            continue
        causes[cause] += 1
        print(f"[{cause}] {page} | {name}")
        for line in lines:
            print("    " + line)
    print(json.dumps(dict(causes)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
