"""Try a topic score on gum-entities-dev in seconds: analyse once, rescore the topics, score with the set's scorer.

    python -m benchmarks.topic_rescore                   # analyse (cached), print the figures of the code as it is
    python -m benchmarks.topic_rescore --threshold 0.45  # the topics shown at another display threshold

Why: a change to the topic score (a feature, a gate, a refit, a threshold) is judged by GUM's scorer on both parts,
and `python -m benchmarks --only topics` analyses the 72 documents again for every variant. Here the documents are
analysed once (the cache holds each record and, per topic, its entity's features with the topic model switched
off: fit_confidence.raw_scores), and `evaluate(rows, score)` shows the records with each topic's confidence set by
`score(row)`, through the same display filter and the set's own matching (score_topics.predicted_topics /
score_doc, in process). With `score=current` it reproduces the benchmark's figures exactly. `threshold` is the
topics' display threshold alone: the entities (whose `place` names the scorer reads as places) keep theirs, unlike
the benchmark's threshold sweep, which moves every kind's. Tune the score on the
tune part; the check part is for checking (benchmarks/splits.py).
"""

from __future__ import annotations

import argparse
import json
import pickle
from collections import Counter
from pathlib import Path

from benchmarks.common import REPO
from benchmarks.splits import PARTS, part

CACHE = REPO / "benchmarks" / "audit" / ".cache" / "gum-topic-rows.pickle"


def build(out: Path = CACHE) -> dict:
    """{document: {"rec": its record (every item), "rows": one row per topic entity}} (pickled to `out`)."""
    from benchmarks.fit_confidence import gum_documents, raw_scores
    from newsgraph.annotate import make_doc, to_article
    from newsgraph.annotate.nlp import load_pipeline

    _, names, exs = gum_documents()
    nlp = load_pipeline()
    data = {}
    with raw_scores("topic"):
        for name, ex, doc in zip(names, exs, nlp.pipe(make_doc(nlp, ex) for ex in exs), strict=True):
            data[name] = {"rec": to_article(ex, doc).to_dict(), "rows": doc_rows(nlp, doc)}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(pickle.dumps(data))
    return data


def doc_rows(nlp, doc) -> list[dict]:
    """One row per topic entity of an annotated Doc: its topic key, name, type, entity confidence and features."""
    from newsgraph.annotate.entities import pipeline_names
    from newsgraph.annotate.entity_features import doc_context, features
    from newsgraph.annotate.topic_check import extra_features
    from newsgraph.records import TOPIC_KEYS

    ctx = doc_context(doc, pipeline_names(nlp))
    ents = list(doc._.ng_entities or [])
    return [{"key": TOPIC_KEYS[e.type], "name": e.name, "type": e.type, "entity_confidence": e.confidence,
             "features": {**features(doc, e, *ctx), "entity_confidence": e.confidence},
             "extra": extra_features(e, ents)} for e in ents if e.type in TOPIC_KEYS]


def load(path: Path = CACHE) -> dict:
    return pickle.loads(path.read_bytes()) if path.exists() else build(path)


class _Stub:
    """What confidence.gate reads of an entity: its type and confidence."""

    def __init__(self, row: dict):
        self.type, self.confidence = row["type"], row["entity_confidence"]


def current(row: dict) -> float:
    """The topic confidence the code gives (topic model, gates, entity cap, map, the type's transfer layer), as
    confidence.topics does."""
    from newsgraph.annotate.calibration import calibrate, logistic
    from newsgraph.annotate.confidence import gate
    from newsgraph.annotate.topic_transfer import topic

    conf = calibrate("topic", gate("topic", _Stub(row), logistic("topic", row["features"]), row["features"]))
    return topic(conf, row["key"])


def evaluate(data: dict, score=current, threshold: float = 0.5) -> dict[str, dict[str, float]]:
    """Per part: P, R, F1 (micro over the three types) and star recall of the records shown with `score`."""
    from benchmarks.tasks.topics import SET, scorer
    from newsgraph.confidence import filter_record, thresholds

    sc = scorer()
    gold = json.loads((SET / "docs" / "gold.json").read_text(encoding="utf-8"))
    shown = {**{k: v for k, v in thresholds(None).items() if not k.startswith("topics:")}, "topics": threshold}
    tot = {p: Counter() for p in PARTS}
    for name, d in data.items():
        scores = {}
        for r in d["rows"]:
            scores.setdefault((r["key"], r["name"]), score(r))
        rec = {**d["rec"], "topics_confidence": {k: [scores.get((k, n), 0.0) for n in names]
                                                 for k, names in (d["rec"].get("topics") or {}).items()}}
        res, pairs, _ = sc.score_doc(sc.predicted_topics(filter_record(rec, shown)), gold[name]["entities"])
        c = tot[part(name)]
        for t in sc.TYPES:
            c.update(res[t])
        stars = [j for j, g in enumerate(gold[name]["entities"]) if g["star"]]
        c["star"] += len(stars)
        c["star_hit"] += len(set(stars) & set(pairs.values()))
    out = {}
    for p, c in tot.items():
        prec, rec_ = c["tp"] / max(1, c["tp"] + c["fp"]), c["tp"] / max(1, c["tp"] + c["fn"])
        out[p] = {"P": round(prec, 3), "R": round(rec_, 3), "F1": round(2 * prec * rec_ / max(1e-9, prec + rec_), 3),
                  "star": round(c["star_hit"] / max(1, c["star"]), 3)}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.topic_rescore", description=__doc__.split("\n\n")[0])
    ap.add_argument("--threshold", type=float, default=None, help="the topics' display threshold (default: the "
                    "setting's)")
    ap.add_argument("--rebuild", action="store_true", help="analyse the documents again (after a code change)")
    args = ap.parse_args(argv)
    from newsgraph.confidence import default_threshold

    data = build() if args.rebuild else load()
    threshold = default_threshold("topics") if args.threshold is None else args.threshold
    for p, figs in evaluate(data, current, threshold).items():
        print(f"{p:5} threshold {threshold}: " + ", ".join(f"{k} {v}" for k, v in figs.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
