"""Task: inputs that are not articles, and articles that must stay articles.

1. Our non-article fixtures (tests/fixtures/nonarticle: feeds, sitemaps, robots.txt, JSON, XML, URL list, section
   front, error, consent and paywall pages): each must give 0 records and one error naming what it is.
2. The article pages of the extraction sets (fundus 252, trafilatura-eval 990: every one is an article page):
   how many are wrongly judged not an article (by kind), and the page types given.
3. Non-English pages without a pipeline (fundus, every language but en and fr): English-model entities, quotes
   and events found on them (goal 0).
"""

from __future__ import annotations

from collections import Counter

from benchmarks.common import REPO, Skip, Table, TaskResult
from benchmarks.tasks.extraction import load_fundus, load_trafeval, read_html
from benchmarks.tasks.language import label

NAME = "pagekind"
TITLE = "Not-an-article detection and page types"
FIXTURES = REPO / "tests" / "fixtures" / "nonarticle"


def _extract(name: str, data: bytes, url: str | None = None):
    from newsgraph.errors import InputError
    from newsgraph.extract import extract
    from newsgraph.records import RawDocument

    try:
        return extract(RawDocument(input=name, data=data, url=url)), None
    except InputError as exc:
        return None, exc


def run(limit: int | None) -> TaskResult:
    fixtures = sorted(p for p in FIXTURES.iterdir() if p.is_file()) if FIXTURES.exists() else []
    fundus, trafeval = load_fundus(limit), load_trafeval(limit)
    if not fixtures and not fundus:
        raise Skip("no fixtures and no eval data")
    res = TaskResult(NAME, TITLE, items=len(fixtures) + len(fundus) + len(trafeval))
    rows = []
    for p in fixtures:
        ex, err = _extract(str(p), p.read_bytes())
        rows.append([p.name, "record (wrong)" if ex else err.problem.split(";")[0]])
    res.tables.append(Table("Our non-article inputs: 0 records, one error each (goal)", ["input", "answer"], rows))
    verdicts: Counter[str] = Counter()
    types: Counter[str] = Counter()
    wrong = []
    for it in fundus + trafeval:
        url = it.get("url") if str(it.get("url") or "").startswith("http") else None
        ex, err = _extract(str(it["_path"]), read_html(it["_path"], str(it["_path"])).encode("utf-8"), url)
        if ex is not None:
            types[ex.page_type] += 1
        elif err.kind == "not_an_article":
            kind = err.problem.split(": ", 1)[-1].split(" (")[0]
            verdicts[kind] += 1
            wrong.append(f"{it['_path'].name}: {err.problem}")
        else:
            verdicts["no article text (extraction)"] += 1
    res.tables.append(Table(
        "Article pages of the extraction sets judged not an article (goal 0)",
        ["pages", "articles kept", *sorted(verdicts), "page types"],
        [[len(fundus) + len(trafeval), sum(types.values()), *[verdicts[k] for k in sorted(verdicts)],
          ", ".join(f"{k} {v}" for k, v in types.most_common())]],
    ))
    if wrong:
        res.notes.append("Judged not an article: " + "; ".join(wrong))
    res.tables.append(_no_pipeline(fundus))
    return res


def _no_pipeline(fundus: list[dict]) -> Table:
    from newsgraph.errors import InputError
    from newsgraph.pipeline import analyze_document
    from newsgraph.records import RawDocument

    pages = [it for it in fundus if label(it) not in ("en", "fr")]
    n = ents = quotes = events = skipped = 0
    for it in pages:
        try:
            rec = analyze_document(RawDocument(input=str(it["_path"]), data=read_html(it["_path"], "").encode()))
        except InputError:
            continue
        n += 1
        ents += len(rec.entities)
        quotes += len(rec.quotes)
        events += len(rec.events)
        skipped += bool(rec.annotations.get("skipped")) and rec.annotations.get("pipeline") is None
    return Table("Fundus pages in languages without a pipeline (goal: 0 English-model items)",
                 ["pages", "records", "records saying what was skipped", "entities", "quotes", "events"],
                 [[len(pages), n, skipped, ents, quotes, events]])


if __name__ == "__main__":  # python -m benchmarks.tasks.pagekind
    out = run(None)
    for t in out.tables:
        print(t.to_markdown(), "\n")
    print("\n".join(out.notes))
