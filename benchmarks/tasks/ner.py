"""Task 3: named entities on conll2003-en eng.testa (the CoNLL-2003 dev split).

Definition: exact-span micro P/R/F1 over PER, LOC and ORG; MISC is ignored on both sides (gold MISC spans are not
counted, and no prediction maps to MISC). A predicted entity counts when its character span and its type equal a
gold entity's. Per-type F1 beside the micro figure.
- Text: each -DOCSTART- document becomes one text, tokens joined by single spaces and sentences by newlines, so
  both systems see whole documents (document-level consistency can work) and spans compare as character offsets.
- newsgraph: the full annotate pipeline's entity mentions (doc._.ng_entities); person -> PER, country/city/place ->
  LOC, organisation -> ORG (group is not mapped: CoNLL tags religious and ethnic groups MISC). CoNLL spans are
  flat, so a predicted span inside another predicted span (a town opening an organisation's name) is dropped.
- Anchor: plain en_core_web_sm (the model setting) doc.ents; PERSON -> PER, GPE/LOC/FAC -> LOC, ORG -> ORG.
- Parts: benchmarks/splits.py `part(str(document index))` (the index of the -DOCSTART- block in eng.testa);
  each part is scored on its own, and both beside the whole set.
- Calibration: an entity (every one, whatever its confidence) is right when most of its scored mentions are gold
  spans of its type; its `confidence` against that, per part (ECE, reliability table). `type_confidence` likewise
  among entities whose mentions are gold spans of any type.
"""

from __future__ import annotations

from collections import Counter

from benchmarks.calibration import summary, table_rows
from benchmarks.common import EVAL, Table, TaskResult, require
from benchmarks.splits import PARTS, part

NAME = "ner"
TITLE = "3. Named entities (conll2003-en eng.testa)"
TYPES = ("PER", "LOC", "ORG")
OURS = {"person": "PER", "country": "LOC", "city": "LOC", "place": "LOC", "organisation": "ORG"}
ANCHOR = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG"}


def documents(path) -> list[list[list[tuple[str, str]]]]:
    """Each -DOCSTART- block of a CoNLL file as its sentences of (token, tag), in file order: the block's index is
    the document's split unit (also benchmarks/audit/conll_pool.py's story index)."""
    docs: list[list[list[tuple[str, str]]]] = []
    sent: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if sent and docs:
                docs[-1].append(sent)
            sent = []
            continue
        if parts[0] == "-DOCSTART-":
            docs.append([])
            continue
        if not docs:
            docs.append([])
        sent.append((parts[0], parts[-1]))
    if sent and docs:
        docs[-1].append(sent)
    return docs


def load(path, limit: int | None) -> list[tuple[str, set[tuple[int, int, str]]]]:
    """Documents as (text, gold spans (start, end, type)) from a CoNLL IOB1 file."""
    out = []
    for sents in documents(path):
        text_parts: list[str] = []
        gold: set[tuple[int, int, str]] = set()
        pos = 0
        for si, s in enumerate(sents):
            if si:
                text_parts.append("\n")
                pos += 1
            cur = None  # (start, end, type)
            for ti, (tok, tag) in enumerate(s):
                if ti:
                    text_parts.append(" ")
                    pos += 1
                start, end = pos, pos + len(tok)
                text_parts.append(tok)
                pos = end
                typ = tag[2:] if tag != "O" else None
                if typ and cur and cur[2] == typ and not tag.startswith("B-"):
                    cur = (cur[0], end, typ)
                    continue
                if cur:
                    gold.add(cur)
                cur = (start, end, typ) if typ else None
            if cur:
                gold.add(cur)
        gold = {g for g in gold if g[2] in TYPES}
        out.append(("".join(text_parts), gold))
        if limit and len(out) >= limit:
            break
    return out


def score(pred: list[set], gold: list[set]) -> dict[str, tuple[float, float, float]]:
    tp: Counter[str] = Counter()
    np_: Counter[str] = Counter()
    ng: Counter[str] = Counter()
    for p, g in zip(pred, gold, strict=True):
        for s in p:
            np_[s[2]] += 1
            tp[s[2]] += s in g
        for s in g:
            ng[s[2]] += 1

    def prf(t, n_p, n_g):
        prec, rec = t / max(n_p, 1), t / max(n_g, 1)
        return prec, rec, 2 * prec * rec / max(prec + rec, 1e-9)

    out = {t: prf(tp[t], np_[t], ng[t]) for t in TYPES}
    out["micro"] = prf(sum(tp.values()), sum(np_.values()), sum(ng.values()))
    return out


def entity_labels(doc, gold: set[tuple[int, int, str]]) -> list[tuple[object, bool | None, bool | None]]:
    """(entity, right?, type right?) per mapped entity; type right is None when its mentions are not gold spans."""
    spans = {(g[0], g[1]): g[2] for g in gold}
    out = []
    for e in doc._.ng_entities or []:
        typ = OURS.get(e.type)
        if not typ or not e.mentions:
            continue
        found = [spans.get((m.start, m.end)) for m in e.mentions]
        right = sum(1 for f in found if f == typ) * 2 > len(found)
        named = sum(1 for f in found if f) * 2 > len(found)
        out.append((e, right, (sum(1 for f in found if f == typ) * 2 > sum(1 for f in found if f)) if named else None))
    return out


def annotate(texts: list[str]):
    """The Docs of newsgraph's entity components (entities, geo, confidence) over the texts."""
    from newsgraph.annotate import make_doc
    from newsgraph.annotate.nlp import load_pipeline
    from newsgraph.records import Extracted

    nlp = load_pipeline()
    wanted = ("newsgraph_entities", "newsgraph_geo", "newsgraph_confidence")
    keep = [n for n in nlp.pipe_names if not n.startswith("newsgraph_") or n in wanted]
    with nlp.select_pipes(enable=keep):
        yield from nlp.pipe((make_doc(nlp, Extracted(input="conll", body=t)) for t in texts), batch_size=8)


def flat_spans(doc) -> set[tuple[int, int, str]]:
    spans = set()
    for e in doc._.ng_entities or []:
        typ = OURS.get(e.type)
        if typ:
            spans |= {(m.start, m.end, typ) for m in e.mentions}
    # CoNLL is flat: a place nested in an organisation's name ("Alexandria Police") is not scored
    return {x for x in spans if not any(y != x and y[0] <= x[0] and x[1] <= y[1] for y in spans)}


def run(limit: int | None) -> TaskResult:
    import spacy

    from newsgraph.settings import get_settings

    docs = load(require(EVAL / "conll2003-en" / "eng.testa"), limit)
    texts = [t for t, _ in docs]
    gold = [g for _, g in docs]
    parts = [part(str(i)) for i in range(len(docs))]
    ours, labels = [], []
    for doc, g in zip(annotate(texts), gold, strict=True):
        ours.append(flat_spans(doc))
        labels.append(entity_labels(doc, g))
    plain = spacy.load(get_settings().model)
    anchor = []
    for doc in plain.pipe(texts, batch_size=8):
        anchor.append({(e.start_char, e.end_char, ANCHOR[e.label_]) for e in doc.ents if e.label_ in ANCHOR})
    t = Table(
        "Exact-span F1 over PER/LOC/ORG (MISC ignored), by part",
        ["part", "system", "docs", "P", "R", "micro F1", "PER F1", "LOC F1", "ORG F1"],
    )
    cal = Table("Entity confidence: share of entities right (most mentions gold spans of its type), by bin",
                ["part", "bin", "entities", "mean confidence", "share right"])
    notes = []
    for p in (*PARTS, "all"):
        idx = [i for i in range(len(docs)) if p == "all" or parts[i] == p]
        if not idx:
            continue
        for name, pred in (("newsgraph", ours), ("anchor: en_core_web_sm", anchor)):
            s = score([pred[i] for i in idx], [gold[i] for i in idx])
            t.rows.append([p, name, len(idx), s["micro"][0], s["micro"][1], s["micro"][2], s["PER"][2], s["LOC"][2],
                           s["ORG"][2]])
        if p == "all":
            continue
        items = [x for i in idx for x in labels[i]]
        s = summary([e.confidence for e, _, _ in items], [r for _, r, _ in items])
        cal.rows += table_rows(p, s)
        typed = [(e, tr) for e, _, tr in items if tr is not None]
        st = summary([e.type_confidence for e, _ in typed], [tr for _, tr in typed])
        notes.append(f"{p} part: {s['n']} entities, {s['accuracy']} right, mean confidence {s['confidence']}, "
                     f"entity ECE {s['ece']}; type: {st['n']} entities with gold spans, {st['accuracy']} typed right, "
                     f"type ECE {st['ece']}.")
    n_gold = sum(len(g) for g in gold)
    res = TaskResult(NAME, TITLE, [t, cal], items=len(docs))
    res.notes.append(f"{len(docs)} documents ({parts.count('tune')} tune, {parts.count('check')} check), "
                     f"{n_gold} gold PER/LOC/ORG entities.")
    res.notes += notes
    return res
