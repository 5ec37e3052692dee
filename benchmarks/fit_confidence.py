"""Fit the entity, entity-type and topic calibration maps on the tuning parts; check them on the check parts.

    python -m benchmarks.fit_confidence                 # fit entity + entity_type (CoNLL tune), then topic (GUM tune)
    python -m benchmarks.fit_confidence --dry-run       # report only, write no map

Each kind gets a logistic model over the entity features (annotate/entity_features.py) fitted on the tuning part,
and an isotonic map over that model's output, also fitted on the tuning part.
- entity, entity_type: conll2003-en eng.testa, documents of the tuning part (benchmarks/splits.py). An entity is
  right when most of its mentions are gold spans of its type (benchmarks/tasks/ner.py `entity_labels`).
- topic: gum-entities-dev, documents of the tuning part; a topic is right when the set's scorer matches it.
Raw scores are taken with the map being fitted switched off (so a refit never stacks on an older map); the maps
of earlier kinds are in force when a later kind is fitted (topics read calibrated entity confidences).
ECE and reliability tables are printed for both parts; only the tuning part's items shape the map.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from contextlib import contextmanager
from pathlib import Path

from benchmarks.calibration import apply, fit_isotonic, summary, write_map
from benchmarks.common import EVAL, require
from benchmarks.splits import PARTS, part


@contextmanager
def raw_scores(*kinds: str):
    """Within the block, the given kinds have neither a fitted model nor a map (their fallback raw score)."""
    from newsgraph.annotate import calibration

    original_map, original_model = calibration.load_map, calibration.load_model

    def no_map(kind: str):
        return None if kind in kinds else original_map(kind)

    def no_model(kind: str):
        return None if kind in kinds else original_model(kind)

    calibration.load_map, calibration.load_model = no_map, no_model
    try:
        yield
    finally:
        calibration.load_map, calibration.load_model = original_map, original_model


def report(kind: str, xs, ys, items: dict[str, list[tuple[float, bool]]]) -> dict:
    out = {}
    for p in PARTS:
        raw = [r for r, _ in items[p]]
        labels = [y for _, y in items[p]]
        s_raw = summary(raw, labels)
        s_cal = summary([apply(xs, ys, r) for r in raw], labels)
        out[p] = {"raw_ece": s_raw["ece"], "ece": s_cal["ece"], "n": s_cal["n"], "accuracy": s_cal["accuracy"],
                  "table": s_cal["table"]}
        print(f"{kind} {p}: n={s_cal['n']} right={s_cal['accuracy']} ECE raw {s_raw['ece']} -> calibrated "
              f"{s_cal['ece']}")
        for r in s_cal["table"]:
            print(f"    {r['bin']}  n={r['n']:5d}  conf={r['confidence']:.3f}  right={r['accuracy']:.3f}")
    return out


def conll_rows() -> tuple[dict, dict]:
    """(features, right, entity) per entity and (features, type right, entity) per named entity, by part."""
    from benchmarks.tasks.ner import annotate, entity_labels, load
    from newsgraph.annotate.entity_features import doc_context, features
    from newsgraph.annotate.names import shipped_names

    docs = load(require(EVAL / "conll2003-en" / "eng.testa"), None)
    ent: dict[str, list] = {p: [] for p in PARTS}
    typ: dict[str, list] = {p: [] for p in PARTS}
    with raw_scores("entity", "entity_type"):
        for i, (doc, (_, gold)) in enumerate(zip(annotate([t for t, _ in docs]), docs, strict=True)):
            p = part(str(i))
            ctx = doc_context(doc, shipped_names())  # the NER task runs the shipped pipeline
            for e, right, type_right in entity_labels(doc, gold):
                f = features(doc, e, *ctx)
                ent[p].append((f, right, e))
                if type_right is not None:
                    typ[p].append((f, type_right, e))
    return ent, typ


def gum_rows() -> dict:
    """(features + entity confidence, matched by the scorer, entity) per predicted topic, by part."""
    from benchmarks.tasks.topics import scorer
    from newsgraph.annotate import make_doc, to_article
    from newsgraph.annotate.entities import pipeline_names
    from newsgraph.annotate.entity_features import doc_context, features
    from newsgraph.annotate.nlp import load_pipeline
    from newsgraph.records import TOPIC_KEYS

    norm = scorer().norm
    gold, names, exs = gum_documents()
    rows: dict[str, list] = {p: [] for p in PARTS}
    feats: dict[tuple[str, str, str], dict] = {}
    with tempfile.TemporaryDirectory(prefix="ng-fit-") as tmp:
        tmp_path = Path(tmp)
        every = tmp_path / "every.jsonl"
        nlp = load_pipeline()
        with raw_scores("topic"), every.open("w", encoding="utf-8") as out:
            for name, ex, doc in zip(names, exs, nlp.pipe(make_doc(nlp, ex) for ex in exs), strict=True):
                ctx = doc_context(doc, pipeline_names(nlp))
                for e in doc._.ng_entities or []:
                    key = TOPIC_KEYS.get(e.type)
                    if key:
                        feats[(name, key, e.name)] = ({**features(doc, e, *ctx), "entity_confidence": e.confidence}, e)
                out.write(json.dumps(to_article(ex, doc).to_dict(), ensure_ascii=False) + "\n")
        for d, matched in gum_matched(every, gold, tmp_path).items():
            for (doc_name, _key, ent_name), (f, e) in feats.items():
                if doc_name == d:
                    rows[part(d)].append((f, norm(ent_name) in matched, e))
    return rows


def gum_documents() -> tuple[dict, list[str], list]:
    """gum-entities-dev's gold topics, its document names (sorted) and each document as an Extracted clean body."""
    from benchmarks.tasks.topics import SET
    from newsgraph.records import Extracted

    gold = json.loads(require(SET / "docs" / "gold.json").read_text(encoding="utf-8"))
    names = sorted(gold)
    return gold, names, [Extracted(input=str(SET / "docs" / f"{n}.txt"), body=(SET / "docs" / f"{n}.txt").read_text(
        encoding="utf-8"), kind="body") for n in names]


def gum_matched(every: Path, gold: dict, tmp_path: Path) -> dict[str, set[str]]:
    """{document: the scorer-normalised names of the predicted topics the set's scorer matched to its gold}, scoring
    the records `every` part by part (tune, check) in folders under `tmp_path`."""
    from benchmarks.tasks.topics import part_folder, score, scorer

    norm = scorer().norm
    out = {}
    for p in PARTS:
        folder = part_folder(tmp_path / f"docs-{p}", gold, [n for n in sorted(gold) if part(n) == p])
        o = tmp_path / f"out-{p}"
        o.mkdir()
        _, details = score("every", folder, o, every)
        for d in details:
            out[d["doc"]] = {norm(g["matched_by"]) for g in d["gold"] if g["matched_by"]}
    return out


def web_rows() -> dict:
    """(features + entity confidence, judged right, entity) per hand-judged topic of the topic audit's pages
    (benchmarks/topic_audit.py): the old draw's pages (seed SEED) are tuning rows, the fresh draws' pages
    (FRESH_SEEDS, but not the held-out HELD_OUT_SEEDS: nobody fits or checks on those) check rows. Real web pages
    hold what GUM's clean documents lack (credits, navigation, platforms and products named like people), so the
    topic model learns from both."""
    import gzip

    from benchmarks.topic_audit import FRESH_SEEDS, HELD_OUT_SEEDS, SEED, drawn, judgements, key
    from newsgraph.annotate import make_doc
    from newsgraph.annotate.entities import pipeline_names
    from newsgraph.annotate.entity_features import doc_context, features
    from newsgraph.annotate.nlp import load_pipeline
    from newsgraph.errors import InputError
    from newsgraph.pipeline import extract_document
    from newsgraph.records import TOPIC_KEYS, RawDocument

    done = judgements()
    nlp = load_pipeline()
    rows: dict[str, list] = {p: [] for p in PARTS}
    checked = tuple(s for s in FRESH_SEEDS if s not in HELD_OUT_SEEDS)
    for p, seeds in (("tune", (SEED,)), ("check", checked)):
        pages = sorted({pg for sd in seeds for pg in drawn(sd)})
        for page in pages:
            data = page.read_bytes()
            try:
                ex = extract_document(RawDocument(str(page), gzip.decompress(data) if page.suffix == ".gz" else data))
            except InputError:
                continue
            if ex.language != "en":
                continue
            with raw_scores("topic"):
                doc = nlp(make_doc(nlp, ex))
            ctx = doc_context(doc, pipeline_names(nlp))
            for e in doc._.ng_entities or []:
                t = TOPIC_KEYS.get(e.type)
                j = done.get(key(str(page), t, e.name)) if t else None
                if j is not None:
                    rows[p].append(({**features(doc, e, *ctx), "entity_confidence": e.confidence}, bool(j["right"]),
                                    e))
    return rows


def fit(kind: str, rows: dict, note: str, dry_run: bool) -> dict:
    """Logistic model on the tuning part's features, isotonic map on its outputs; both checked on the check part."""
    from benchmarks.calibration import fit_logistic, predict_logistic, write_model
    from newsgraph.annotate.confidence import gate

    model = fit_logistic([f for f, _, _ in rows["tune"]], [y for _, y, _ in rows["tune"]])
    items = {p: [(gate(kind, e, predict_logistic(model, f), f), y) for f, y, e in rows[p]] for p in PARTS}
    xs, ys = fit_isotonic([r for r, _ in items["tune"]], [y for _, y in items["tune"]])
    result = report(kind, xs, ys, items)
    if not dry_run:
        write_model(kind, model, note)
        write_map(kind, xs, ys, note, check_ece=result["check"]["ece"], tune_ece=result["tune"]["ece"])
    top = sorted(zip(model["features"], model["weights"], strict=True), key=lambda x: -abs(x[1]))[:8]
    print(f"{kind}: strongest weights " + ", ".join(f"{n} {w:+.2f}" for n, w in top))
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.fit_confidence", description=__doc__.split("\n\n")[0])
    ap.add_argument("--dry-run", action="store_true", help="report, write no model or map")
    ap.add_argument("--only", choices=["entity", "topic"], help="fit only these")
    ap.add_argument("--with-web", action="store_true", help="topic: fit on GUM's tune part and the hand-judged topics "
                    "of the topic audit's old draw too (check: GUM's check part and the fresh draws)")
    args = ap.parse_args(argv)
    if args.only in (None, "entity"):
        ent, typ = conll_rows()
        note = "conll2003-en eng.testa, tune part (benchmarks/splits.py)"
        fit("entity", ent, note, args.dry_run)
        fit("entity_type", typ, note, args.dry_run)
    if args.only in (None, "topic"):
        rows, note = gum_rows(), "gum-entities-dev, tune part (benchmarks/splits.py)"
        if args.with_web:
            web = web_rows()
            for p in PARTS:
                print(f"web {p}: {len(web[p])} judged topics")
            fit("topic", web, "(web only, report)", True)
            rows = {p: rows[p] + web[p] for p in PARTS}
            note += " + hand-judged topics of the topic audit's old draw (benchmarks/topic_audit.py)"
        fit("topic", rows, note, args.dry_run)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
