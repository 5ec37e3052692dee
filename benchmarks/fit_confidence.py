"""Fit the entity, entity-type and topic calibration maps on the tuning parts; check them on the check parts.

    python -m benchmarks.fit_confidence                 # fit entity + entity_type (CoNLL tune), then topic (GUM tune)
    python -m benchmarks.fit_confidence --dry-run       # report only, write no map

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
    """Within the block, the given kinds keep their raw score (their maps are not applied)."""
    from newsgraph.annotate import calibration

    original = calibration.load_map

    def without(kind: str):
        return None if kind in kinds else original(kind)

    calibration.load_map = without
    try:
        yield
    finally:
        calibration.load_map = original


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


def conll_items() -> tuple[dict, dict]:
    from benchmarks.tasks.ner import annotate, entity_labels, load

    docs = load(require(EVAL / "conll2003-en" / "eng.testa"), None)
    ent: dict[str, list] = {p: [] for p in PARTS}
    typ: dict[str, list] = {p: [] for p in PARTS}
    with raw_scores("entity", "entity_type"):
        for i, (doc, (_, gold)) in enumerate(zip(annotate([t for t, _ in docs]), docs, strict=True)):
            p = part(str(i))
            for e, right, type_right in entity_labels(doc, gold):
                ent[p].append((e.confidence, right))
                if type_right is not None:
                    typ[p].append((e.type_confidence, type_right))
    return ent, typ


def gum_items() -> dict:
    from benchmarks.tasks.topics import SET, part_folder, score, topic_labels
    from newsgraph.pipeline import analyze_stream
    from newsgraph.records import RawDocument

    gold = json.loads(require(SET / "docs" / "gold.json").read_text(encoding="utf-8"))
    names = sorted(gold)
    items: dict[str, list] = {p: [] for p in PARTS}
    with tempfile.TemporaryDirectory(prefix="ng-fit-") as tmp:
        tmp_path = Path(tmp)
        every = tmp_path / "every.jsonl"
        docs = (RawDocument(input=str(SET / "docs" / f"{n}.txt"), data=(SET / "docs" / f"{n}.txt").read_bytes(),
                            kind="body") for n in names)
        with raw_scores("topic"), every.open("w", encoding="utf-8") as out:
            for art in analyze_stream(docs):
                out.write(json.dumps(art.to_dict(), ensure_ascii=False) + "\n")
        for p in PARTS:
            folder = part_folder(tmp_path / f"docs-{p}", gold, [n for n in names if part(n) == p])
            o = tmp_path / f"out-{p}"
            o.mkdir()
            _, details = score("every", folder, o, every)
            items[p] = [(c, y) for _, _, _, c, y in topic_labels(every, details)]
    return items


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.fit_confidence", description=__doc__.split("\n\n")[0])
    ap.add_argument("--dry-run", action="store_true", help="report, write no map")
    ap.add_argument("--only", choices=["entity", "topic"], help="fit only these maps")
    args = ap.parse_args(argv)
    results = {}
    if args.only in (None, "entity"):
        ent, typ = conll_items()
        for kind, items in (("entity", ent), ("entity_type", typ)):
            xs, ys = fit_isotonic([r for r, _ in items["tune"]], [y for _, y in items["tune"]])
            results[kind] = report(kind, xs, ys, items)
            if not args.dry_run:
                write_map(kind, xs, ys, "conll2003-en eng.testa, tune part (benchmarks/splits.py)",
                          check_ece=results[kind]["check"]["ece"], tune_ece=results[kind]["tune"]["ece"])
    if args.only in (None, "topic"):
        items = gum_items()
        xs, ys = fit_isotonic([r for r, _ in items["tune"]], [y for _, y in items["tune"]])
        results["topic"] = report("topic", xs, ys, items)
        if not args.dry_run:
            write_map("topic", xs, ys, "gum-entities-dev, tune part (benchmarks/splits.py)",
                      check_ece=results["topic"]["check"]["ece"], tune_ece=results["topic"]["tune"]["ece"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
