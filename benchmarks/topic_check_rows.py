"""The rows the topic check is fitted on: every topic of the topic audit's draws, with its evidence features.

    python -m benchmarks.topic_check_rows            # analyse the draws' pages (200), write the rows' cache

Pages: the topic audit's draws (benchmarks/topic_audit.py: SEED and FRESH_SEEDS, 40 pages each; the stop-21
held-out draw 20261204 is a tuning set since stop 22) and the LGL draws whose topics were judged (`LGL_SEEDS`:
stop 22's held-out draw 20261230, a tuning set since stop 23), each LGL article made the web page topic_audit's
`--lgl` makes and analysed with its URL; LGL rows carry their `unit` (the publisher), the unit of their tune/check
split (benchmarks/splits.py), as the held-out audit split them. Each page is analysed in-process with the current code; for
every topic item of its record the row holds the key (page|type|name, as topic_audit keys it), the topic confidence
the record shows, and the entity's features (annotate/entity_features.py) plus the entity's own confidences and
a few features read off the record's other entities (topic_check.py `extra_features`). The rows hold names and
numbers, no page text; they go to benchmarks/audit/.cache/ (ignored by git), one line per page as it is done, so an
interrupted run resumes where it stopped.
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

from benchmarks.common import REPO

CACHE = REPO / "benchmarks" / "audit" / ".cache" / "topic-check-rows.jsonl"
GUM_CACHE = REPO / "benchmarks" / "audit" / ".cache" / "topic-check-gum.jsonl"
#: the LGL draws (benchmarks/audit/fresh.py) whose topic items were judged: tuning data. Never the stop's held-out
#: draw (fresh.FRESH_SEEDS[-1]), which only its held-out auditors build.
LGL_SEEDS = (20261230,)


def page_rows(nlp, page: Path, name: str | None = None, url: str | None = None) -> list[dict]:
    """The topic rows of one page (empty when it is no English article); `name` is the page name its keys use
    (default the file name), `url` the article's URL (as `newsgraph analyze --url-map` gives it)."""
    from benchmarks.fit_confidence import raw_scores
    from newsgraph.annotate import make_doc
    from newsgraph.annotate.entities import pipeline_names
    from newsgraph.annotate.entity_features import doc_context, features
    from newsgraph.annotate.topic_check import extra_features, kind
    from newsgraph.errors import InputError
    from newsgraph.pipeline import extract_document
    from newsgraph.records import TOPIC_KEYS, RawDocument

    data = page.read_bytes()
    try:
        ex = extract_document(RawDocument(str(page), gzip.decompress(data) if page.suffix == ".gz" else data,
                                          url=url))
    except InputError:
        return []
    if ex.language != "en":
        return []
    name = name or page.name
    # the topic confidence before the check: a refit never stacks on itself
    with raw_scores(*(kind(t) for t in TOPIC_KEYS.values())):
        doc = nlp(make_doc(nlp, ex))
    ctx = doc_context(doc, pipeline_names(nlp))
    shown = {(k, n): c for k, n, c in doc._.ng_topics or []}
    ents = list(doc._.ng_entities or [])
    rows, seen = [], set()
    for e in sorted(ents, key=lambda e: -(e.salience or 0.0)):
        t = TOPIC_KEYS.get(e.type)
        if t is None or (t, e.name) in seen:
            continue
        seen.add((t, e.name))
        f = {**features(doc, e, *ctx), **extra_features(e, ents)}
        rows.append({"key": f"{name}|{t}|{e.name}", "page": name, "type": t, "name": e.name,
                     "topic": shown.get((t, e.name)), "entity_confidence": e.confidence,
                     "type_confidence": e.type_confidence, "features": f})
    return rows


def build(out: Path = CACHE) -> Path:
    """Analyse every page of the draws not in the cache yet; append its rows (one JSON line per page)."""
    from benchmarks.topic_audit import FRESH_SEEDS, SEED, drawn
    from newsgraph.annotate.nlp import load_pipeline

    done = set()
    if out.exists():
        done = {json.loads(x)["page"] for x in out.read_text(encoding="utf-8").splitlines() if x}
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp = load_pipeline()
    with out.open("a", encoding="utf-8") as fh:
        for seed in (SEED, *FRESH_SEEDS):
            for page in drawn(seed):
                if page.name in done:
                    continue
                done.add(page.name)
                rows = page_rows(nlp, page)
                fh.write(json.dumps({"page": page.name, "seed": seed, "rows": rows}, ensure_ascii=False) + "\n")
                fh.flush()
        for seed in LGL_SEEDS:
            for page, unit, url in lgl_draw(seed):
                if page.stem in done:
                    continue
                done.add(page.stem)
                rows = [{**r, "unit": unit} for r in page_rows(nlp, page, page.stem, url)]
                fh.write(json.dumps({"page": page.stem, "seed": seed, "unit": unit, "rows": rows},
                                    ensure_ascii=False) + "\n")
                fh.flush()
    return out


def lgl_draw(seed: int) -> list[tuple[Path, str, str | None]]:
    """(page, publisher, URL) of each LGL article of the fresh draw `seed`, made a web page as topic_audit's
    `--lgl` makes it (its page name, the file's stem, is the one its judgements' keys hold)."""
    from benchmarks.audit import fresh
    from benchmarks.topic_audit import lgl_pages

    if seed == fresh.FRESH_SEEDS[-1]:
        raise SystemExit(f"{seed} is this stop's held-out draw: only its held-out auditors build it")
    paths, units, url_map = lgl_pages(seed)
    urls = dict(line.split("\t", 1) for line in url_map.read_text(encoding="utf-8").splitlines() if line)
    return [(p, units[p.name], urls.get(str(p))) for p in paths]


def gum(out: Path = GUM_CACHE) -> Path:
    """The same rows for gum-entities-dev's documents (every topic, labelled right when the set's scorer matched it),
    so the check is fitted on clean documents too and keeps their calibration (`page` is the document name)."""
    import tempfile

    from benchmarks.fit_confidence import gum_documents, gum_matched, raw_scores
    from benchmarks.tasks.topics import scorer
    from newsgraph.annotate import make_doc, to_article
    from newsgraph.annotate.entities import pipeline_names
    from newsgraph.annotate.entity_features import doc_context, features
    from newsgraph.annotate.nlp import load_pipeline
    from newsgraph.annotate.topic_check import extra_features, kind
    from newsgraph.records import TOPIC_KEYS

    norm = scorer().norm
    gold, names, exs = gum_documents()
    rows: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory(prefix="ng-check-") as tmp:
        tmp_path = Path(tmp)
        every = tmp_path / "every.jsonl"
        nlp = load_pipeline()
        with raw_scores(*(kind(t) for t in TOPIC_KEYS.values())), every.open("w", encoding="utf-8") as fh:
            for name, ex, doc in zip(names, exs, nlp.pipe(make_doc(nlp, ex) for ex in exs), strict=True):
                ctx = doc_context(doc, pipeline_names(nlp))
                shown = {(k, n): c for k, n, c in doc._.ng_topics or []}
                ents = list(doc._.ng_entities or [])
                mine = rows.setdefault(name, [])
                for e in ents:
                    t = TOPIC_KEYS.get(e.type)
                    if t and (t, e.name) in shown and all(r["name"] != e.name or r["type"] != t for r in mine):
                        mine.append({"key": f"{name}|{t}|{e.name}", "page": name, "type": t, "name": e.name,
                                     "topic": shown[(t, e.name)], "features": {**features(doc, e, *ctx),
                                                                               **extra_features(e, ents)}})
                fh.write(json.dumps(to_article(ex, doc).to_dict(), ensure_ascii=False) + "\n")
        for d, matched in gum_matched(every, gold, tmp_path).items():
            for r in rows.get(d, []):
                r["right"] = norm(r["name"]) in matched
    with out.open("w", encoding="utf-8") as fh:
        for name, rs in rows.items():
            fh.write(json.dumps({"page": name, "seed": "gum", "rows": rs}, ensure_ascii=False) + "\n")
    return out


def load(path: Path = CACHE) -> list[dict]:
    """Every row of the cache, with its page's seed."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line:
            p = json.loads(line)
            out += [{**r, "seed": p["seed"]} for r in p["rows"]]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.topic_check_rows", description=__doc__.split("\n\n")[0])
    ap.add_argument("-o", type=Path, default=CACHE)
    ap.add_argument("--gum", action="store_true", help="gum-entities-dev's rows instead (to GUM_CACHE)")
    args = ap.parse_args(argv)
    print(gum() if args.gum else build(args.o))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
