"""Task 5: quote attribution on PolNeAR dev (eval/polnear-attribution/dev).

Gold: one .ann per article (the lowest annotator id), each attribution relation = Content span(s) + Source span(s).
Definitions (as issue 3 states them):
- content P/R/F1: a predicted quote matches a gold Content when the word-token Jaccard of the two texts is >= 0.5
  (tokens: lower-cased \\w+ runs; a discontinuous gold span is the union of its fragments); one-to-one, greedy by
  Jaccard. A predicted partial quote that lies inside another predicted quote is the same relation at a finer
  grain and is not counted twice.
- speaker accuracy, on matched pairs whose gold relation has a Source: the predicted speaker span overlaps a gold
  Source span, or the speaker's canonical name shares its last word with the Source text.
- direct subset: gold Contents that start with a quotation mark vs predicted quotes of kind "direct" (less those
  matched to a gold Content outside the subset: right, but not part of this comparison).
Anchor: a plain regex baseline (below): quotation-mark spans with a "SPEAKER said"/"said SPEAKER" frame next to
them, and "SPEAKER said (that) ..." sentences.
Our pipeline runs with kind="body" on the article text (offsets are the .txt's), dated by metadata.tsv.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field

from benchmarks.common import EVAL, Skip, Table, TaskResult, require
from benchmarks.splits import PARTS, part

NAME = "attribution"
TITLE = "5. Attribution (PolNeAR dev)"
_TOK = re.compile(r"\w+")
_OPENING = ('"', "\u201c", "\u00ab")


@dataclass
class Relation:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Pred:
    text: str
    start: int
    end: int
    kind: str
    speaker_name: str | None = None
    speaker_span: tuple[int, int] | None = None


def tokens(text: str) -> set[str]:
    return {t.lower() for t in _TOK.findall(text)}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _spans(field_: str) -> list[tuple[int, int]]:
    out = []
    for piece in field_.split(";"):
        s, e = piece.split()[-2:]
        out.append((int(s), int(e)))
    return out


def read_ann(text: str) -> list[Relation]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    rels: list[Relation] = []
    lines = text.splitlines()
    for line in lines:
        if line.startswith("T"):
            tid, info = line.split("\t")[:2]
            label = info.split()[0]
            spans[tid] = (label, _spans(info[len(label) :].strip()))
    for line in lines:
        if line.startswith("E"):
            args = dict(a.split(":", 1) for a in line.split("\t")[1].split())
            content = [spans[v][1] for k, v in args.items() if k.startswith("Content") and v in spans]
            source = [spans[v][1] for k, v in args.items() if k.startswith("Source") and v in spans]
            if content:
                rels.append(Relation([s for c in content for s in c], [s for c in source for s in c]))
    return rels


def load(limit: int | None):
    root = require(EVAL / "polnear-attribution" / "dev")
    dates = {}
    meta = EVAL / "polnear-attribution" / "metadata.tsv"
    if meta.exists():
        with meta.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                dates[row["filename"]] = row.get("publication_date")
    anns: dict[str, str] = {}
    for p in sorted((root / "attributions").glob("*.ann")):
        art, annotator = p.stem.rsplit("_", 1)
        if art not in anns or annotator < anns[art].rsplit("_", 1)[1]:
            anns[art] = p.stem
    items = []
    for art in sorted(anns):
        txt = root / "text" / f"{art}.txt"
        if not txt.exists():
            continue
        items.append((art, txt.read_text(encoding="utf-8"), read_ann((root / "attributions" / f"{anns[art]}.ann").read_text(encoding="utf-8")), dates.get(art)))
    if not items:
        raise Skip("no PolNeAR articles found")
    return items[:limit] if limit else items


# -- the regex anchor --------------------------------------------------------------------------------------------
_NAME = r"(?:[A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){0,3}|he|she|they|He|She|They)"
_CUE = r"(?:said|says|added|told|asked|wrote|explained|noted)"
_QUOTE_RE = re.compile(r"[\"\u201c]([^\"\u201c\u201d\n]{3,}?)[\"\u201d]")
_AFTER = re.compile(rf"^\s*,?\s*(?:(?P<a>{_NAME})\s+{_CUE}|{_CUE}\s+(?P<b>{_NAME}))")
_BEFORE = re.compile(rf"(?P<a>{_NAME})\s+{_CUE}(?:\s+\w+)?\s*[:,]\s*$")
_INDIRECT = re.compile(rf"(?:^|(?<=[.!?]\s))(?P<a>{_NAME})\s+{_CUE}\s+(?:that\s+)?(?P<c>[^.\"\u201c\u201d]+)\.", re.M)


def regex_baseline(text: str) -> list[Pred]:
    out: list[Pred] = []
    for m in _QUOTE_RE.finditer(text):
        after = _AFTER.match(text[m.end() : m.end() + 80])
        before = _BEFORE.search(text[max(0, m.start() - 80) : m.start()])
        name, span = None, None
        if after:
            g = "a" if after.group("a") else "b"
            name = after.group(g)
            span = (m.end() + after.start(g), m.end() + after.end(g))
        elif before:
            name = before.group("a")
            off = max(0, m.start() - 80)
            span = (off + before.start("a"), off + before.end("a"))
        out.append(Pred(m.group(1), m.start(1), m.end(1), "direct", name, span))
    for m in _INDIRECT.finditer(text):
        out.append(Pred(m.group("c"), m.start("c"), m.end("c"), "indirect", m.group("a"), (m.start("a"), m.end("a"))))
    return out


# -- scoring -----------------------------------------------------------------------------------------------------
def _dedupe(preds: list[Pred]) -> list[Pred]:
    keep = []
    for p in preds:
        if p.kind == "partial" and any(o is not p and o.start <= p.start and p.end <= o.end for o in preds):
            continue
        keep.append(p)
    return keep


def _match(golds: list[tuple[set[str], Relation]], preds: list[Pred]) -> list[tuple[int, int]]:
    pairs = []
    ptoks = [tokens(p.text) for p in preds]
    for gi, (gt, _) in enumerate(golds):
        for pi, pt in enumerate(ptoks):
            j = jaccard(gt, pt)
            if j >= 0.5:
                pairs.append((j, gi, pi))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def _speaker_ok(text: str, rel: Relation, p: Pred) -> bool:
    if p.speaker_span and any(s < p.speaker_span[1] and p.speaker_span[0] < e for s, e in rel.source):
        return True
    if p.speaker_name:
        last = p.speaker_name.split()[-1].lower() if p.speaker_name.split() else ""
        src = tokens(" ".join(text[s:e] for s, e in rel.source))
        return bool(last) and last in src
    return False


class Score:
    def __init__(self) -> None:
        self.n_gold = self.n_pred = self.matched = 0
        self.spk_n = self.spk_ok = 0

    def add(self, text: str, rels: list[Relation], preds: list[Pred]) -> None:
        golds = [(tokens(" ".join(text[s:e] for s, e in r.content)), r) for r in rels]
        self.n_gold += len(golds)
        self.n_pred += len(preds)
        for gi, pi in _match(golds, preds):
            self.matched += 1
            rel = golds[gi][1]
            if rel.source:
                self.spk_n += 1
                self.spk_ok += _speaker_ok(text, rel, preds[pi])

    def row(self, name: str) -> list:
        p = self.matched / self.n_pred if self.n_pred else 0.0
        r = self.matched / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return [name, p, r, f, self.spk_ok / self.spk_n if self.spk_n else 0.0, self.n_gold, self.n_pred]


def _direct_subset(text: str, rels: list[Relation], preds: list[Pred]) -> list[Pred]:
    """Predicted direct quotes, less those matched to a gold relation outside the direct subset (a correct
    attribution whose gold content merely does not open with a mark is neither a hit nor a false alarm there)."""
    golds = [(tokens(" ".join(text[s:e] for s, e in r.content)), r) for r in rels]
    direct = [p for p in preds if p.kind == "direct"]
    outside = {pi for gi, pi in _match(golds, direct) if not _is_direct_gold(text, golds[gi][1])}
    return [p for i, p in enumerate(direct) if i not in outside]


def _is_direct_gold(text: str, rel: Relation) -> bool:
    s = min(a for a, _ in rel.content)
    return text[s:].lstrip()[:1] in _OPENING


def _with_part(row: list, part_name: str) -> list:
    return [row[0], part_name, *row[1:]]


def shown_quotes(quotes: list) -> list:
    """The quotes a record shows by default: at or above the quotes' display threshold (settings)."""
    from benchmarks.tasks.events import _threshold

    t = _threshold("quotes")
    return [q for q in quotes if getattr(q, "confidence", None) is None or q.confidence >= t]


def run(limit: int | None) -> TaskResult:
    items = load(limit)
    from newsgraph.annotate import annotate_many
    from newsgraph.records import Extracted

    exs = [Extracted(input=art, body=text, published=date, kind="body") for art, text, _, date in items]
    parts = ("all", *PARTS)
    ours_all = {p: Score() for p in parts}
    ours_direct = {p: Score() for p in parts}
    base_all = {p: Score() for p in parts}
    base_direct = {p: Score() for p in parts}
    articles = list(annotate_many(exs))
    for (art, text, rels, _), article in zip(items, articles, strict=True):
        preds = _dedupe(
            [
                Pred(q.text, q.start, q.end, q.kind, q.speaker_name, (q.speaker_start, q.speaker_end) if q.speaker_start is not None else None)
                for q in shown_quotes(article.quotes)
            ]
        )
        base = regex_baseline(text)
        direct_rels = [r for r in rels if _is_direct_gold(text, r)]
        for p in ("all", part(art)):
            ours_all[p].add(text, rels, preds)
            ours_direct[p].add(text, direct_rels, _direct_subset(text, rels, preds))
            base_all[p].add(text, rels, base)
            base_direct[p].add(text, direct_rels, _direct_subset(text, rels, base))
    cols = ["system", "part", "content P", "content R", "content F1", "speaker acc", "gold", "predicted"]

    def rows(ours: dict, base: dict) -> list[list]:
        out = [_with_part(ours[p].row("newsgraph"), p) for p in parts]
        return out + [_with_part(base[p].row("regex baseline"), p) for p in parts]

    t1 = Table("All attributions (content at token-Jaccard >= 0.5; speaker accuracy on matched pairs)", cols)
    t1.rows = rows(ours_all, base_all)
    t1.note = "Parts: benchmarks/splits.py by article file name; tune on `tune`, keep a change only when `check` improves too."
    t2 = Table("Direct quotes (gold content opening with a quotation mark; predicted kind direct)", cols)
    t2.rows = rows(ours_direct, base_direct)
    t3, ece_note = quote_reliability(items, articles)
    res = TaskResult(NAME, TITLE, [t1, t2, t3], items=len(items))
    res.notes.append("Goals: content F1 >= 0.70, speaker accuracy >= 0.88, direct-quote F1 >= 0.90.")
    res.notes.append(ece_note)
    return res


def quote_reliability(items: list, articles: list) -> tuple[Table, str]:
    """The quotes' confidence against PolNeAR by part (issue 11: ECE <= 0.05 on the check part, the reliability
    table reported). Two targets, both on every quote the de-duplication keeps (policy caps left out, as
    calibrate_items): "Jaccard", the content test above, the one the goal is measured with; "finer grain", right
    also when most of a shown quote's words lie inside one gold content (benchmarks/quote_polnear_gap.py: PolNeAR's
    annotator cut the speech into other units; the quote's confidence is fitted on blind news, where such a quote
    counts as said). Reported beside, not instead (stop 39's finding, NOTES.md "helper q13")."""
    from benchmarks.calibration import reliability_table
    from benchmarks.quote_polnear_gap import ece, finer_target, rows_of

    rows = rows_of(items, articles)
    t = Table("Quote confidence against PolNeAR, by part and bin (Jaccard target; finer-grain target beside)",
              ["part", "bin", "quotes", "mean confidence", "right (Jaccard)", "right (finer grain)"])
    eces = []
    for p in PARTS:
        sub = [r for r in rows if r["part"] == p]
        if not sub:
            continue
        fine = {b["bin"]: b["accuracy"] for b in reliability_table([r["conf"] for r in sub], [finer_target(r) for r in sub])}
        for b in reliability_table([r["conf"] for r in sub], [r["right"] for r in sub]):
            t.rows.append([p, b["bin"], b["n"], b["confidence"], b["accuracy"], fine[b["bin"]]])
        eces.append(f"{p} {len(sub)} quotes, ECE {ece(sub):.4f} (Jaccard) | {ece(sub, target=finer_target):.4f} (finer grain)")
    return t, "Quote calibration (goal: ECE <= 0.05 on the check part, Jaccard target): " + "; ".join(eces) + "."

