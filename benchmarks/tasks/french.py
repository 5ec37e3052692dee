"""Task: French end to end (fr_core_news_sm + newsgraph's French profile).

1. Our French articles (benchmarks/data/french/, benchmarks/data/language/fr-*.txt; gold in
   benchmarks/data/french/gold.json): people, places and organisations found (precision, recall; a gold name counts
   as found when an entity of that type has it as its name or as a mention), places geocoded, quote speakers.
2. The French pages of the eval sets (fundus: publishers labelled French in tasks/language.py; trafilatura-eval:
   pages whose body the identifier reads as French), no gold for items: how many articles get a French pipeline
   record, entities per article by type, the share of places geocoded, quotes with a speaker, dates resolved.
"""

from __future__ import annotations

import json

from benchmarks.common import REPO, Skip, Table, TaskResult
from benchmarks.tasks.extraction import load_fundus, load_trafeval, read_html
from benchmarks.tasks.language import label

NAME = "french"
TITLE = "French: names, places, quotes and dates"
OWN = REPO / "benchmarks" / "data" / "french"
_PLACE = ("place", "city", "country")


def _record(name: str, data: bytes, kind: str = "auto") -> dict | None:
    from newsgraph.errors import InputError
    from newsgraph.pipeline import analyze_document
    from newsgraph.records import RawDocument

    try:
        return analyze_document(RawDocument(input=name, data=data, kind=kind)).to_dict()
    except InputError:
        return None


def _names(rec: dict, types: tuple[str, ...]) -> set[str]:
    out = set()
    for e in rec["entities"]:
        if e["type"] in types:
            out.add(e["name"])
            out.update(m["text"] for m in e["mentions"])
    return out


def _prf(found: set[str], entities: int, gold: list[str]) -> tuple[int, int, int]:
    """(gold found, entities predicted, gold) for one article and one type."""
    return sum(1 for g in gold if g in found), entities, len(gold)


def own_articles() -> TaskResult | None:
    gold = json.loads((OWN / "gold.json").read_text("utf-8"))
    rows = []
    totals = {k: [0, 0, 0, 0] for k in ("people", "places", "organisations")}  # hit, predicted, gold, predicted-correct
    speakers = [0, 0, 0]  # gold quotes found, with the right speaker, gold quotes
    geocoded = [0, 0]
    for name, g in gold.items():
        if name.startswith("_"):
            continue
        path = OWN / name if (OWN / name).exists() else REPO / "benchmarks" / "data" / "language" / name
        rec = _record(name, path.read_bytes(), "body")
        if rec is None:
            continue
        for key, types in (("people", ("person",)), ("places", _PLACE), ("organisations", ("organisation",))):
            ents = [e for e in rec["entities"] if e["type"] in types]
            found = _names(rec, types)
            hit, _, n = _prf(found, len(ents), g[key])
            correct = sum(1 for e in ents if e["name"] in g[key] or any(m["text"] in g[key] for m in e["mentions"]))
            t = totals[key]
            t[0] += hit
            t[1] += len(ents)
            t[2] += n
            t[3] += correct
        places = [e for e in rec["entities"] if e["type"] in _PLACE]
        geocoded[0] += sum(1 for e in places if e["geo"])
        geocoded[1] += len(places)
        for start, who in g["quotes"].items():
            speakers[2] += 1
            q = next((q for q in rec["quotes"] if start in q["text"]), None)
            if q is not None:
                speakers[0] += 1
                ent = next((e for e in rec["entities"] if e["id"] == q["speaker"]), None)
                said = {q["speaker_name"] or "", ent["name"] if ent else ""}
                if who in said or any(who.lower() in s.lower() or (s and s.lower() in who.lower()) for s in said if s):
                    speakers[1] += 1
    for key, (hit, pred, n, correct) in totals.items():
        rows.append([key, n, pred, correct / pred if pred else None, hit / n if n else None])
    res = TaskResult(NAME, TITLE)
    res.tables.append(Table("Our French articles (hand-made gold)", ["items", "gold", "found", "precision", "recall"], rows))
    res.tables.append(Table("Our French articles: places geocoded and quote speakers",
                            ["places typed", "geocoded", "gold quotes", "found", "right speaker"],
                            [[geocoded[1], geocoded[0] / geocoded[1] if geocoded[1] else None, speakers[2],
                              speakers[0], speakers[1]]]))
    return res


def eval_pages(limit: int | None) -> Table:
    from newsgraph.extract.language import identify

    pages = [it for it in load_fundus(None) if label(it) == "fr"]
    for it in load_trafeval(None):
        if limit and len(pages) >= limit:
            break
        if identify(" ".join((it.get("with") or [])[:5]))[0] == "fr":  # the gold snippets' language
            pages.append(it)
    pages = pages[:limit] if limit else pages
    recs = []
    for it in pages:
        html = read_html(it["_path"], str(it["_path"]))
        rec = _record(str(it["_path"]), html.encode("utf-8"))
        if rec is not None:
            recs.append(rec)
    fr = [r for r in recs if r["language"] == "fr" and r["annotations"]["pipeline"]]
    ents = [e for r in fr for e in r["entities"]]
    places = [e for e in ents if e["type"] in _PLACE]
    n = max(len(fr), 1)
    return Table(
        "French pages of the eval sets (fundus French publishers, trafilatura-eval pages read as French)",
        ["pages", "records", "French pipeline", "people/article", "places/article", "orgs/article", "places geocoded",
         "quotes/article", "quotes with speaker", "dates resolved/article"],
        [[len(pages), len(recs), len(fr), sum(e["type"] == "person" for e in ents) / n, len(places) / n,
          sum(e["type"] == "organisation" for e in ents) / n,
          sum(1 for e in places if e["geo"]) / len(places) if places else None,
          sum(len(r["quotes"]) for r in fr) / n,
          sum(1 for r in fr for q in r["quotes"] if q["speaker_name"]) / max(sum(len(r["quotes"]) for r in fr), 1),
          sum(1 for r in fr for d in r["dates"] if d["value"]) / n]],
    )


def run(limit: int | None) -> TaskResult:
    from newsgraph.annotate.languages import plan_for

    if plan_for("fr").package is None:
        raise Skip("no French pipeline installed (pip install 'newsgraph[fr]')")
    res = own_articles() or TaskResult(NAME, TITLE)
    res.tables.append(eval_pages(limit))
    return res


if __name__ == "__main__":  # python -m benchmarks.tasks.french
    out = run(None)
    for t in out.tables:
        print(t.to_markdown(), "\n")
