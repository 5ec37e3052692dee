"""Task 1: main-text and metadata extraction from HTML, newsgraph beside trafilatura, newspaper4k, readability, goose3.

Data (read at run time, skipped when absent):
- trafilatura-eval/evaldata.json + html/*.gz (990 pages). Metric as trafilatura's own evaluation defines it: per
  page, each `with` snippet found in the output is a true positive, missing a false negative; each `without`
  snippet found is a false positive, absent a true negative (no output: all `with` are FN, all `without` TN).
  Precision = TP/(TP+FP), recall = TP/(TP+FN), F1, accuracy = (TP+TN)/all, over all snippets of all pages.
  Whitespace is collapsed on both sides before the substring test.
- fundus-parser-testdata/manifest.jsonl (252 pages). Body: F1 between the sets of lowercased word 4-gram
  shingles (\\w+ tokens) of the output and of the gold body (summary + section headlines + paragraphs), per page,
  averaged over pages. newsgraph's output text is its standfirst (when not already in the body) followed by
  its body, because the gold body counts the summary. Title: exact match after whitespace collapse. Date: same
  calendar day as the gold `publishing_date` (as written, no time-zone shift). Authors: F1 between the sets of
  lowercased, whitespace-collapsed names (pages with gold authors only). English subset = folders
  us/uk/ca/au/ind/za, also reported on its own.
Tune/check (benchmarks/splits.py): fundus pages by publisher, trafilatura-eval pages by site (host without
"www."); every table gives the tuning part, the check part and both. `--part tune` scores only the tuning part
(for iterating; the check part is read only to judge a change made on the tuning part).
Speed: wall time of each system's call per page; the median pages/s and total seconds are reported.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from benchmarks.common import EVAL, Skip, Table, TaskResult
from benchmarks.splits import PARTS, part

NAME = "extraction"
TITLE = "1. Extraction: main text and metadata from HTML"
ENGLISH = {"us", "uk", "ca", "au", "ind", "za"}
_WORD = re.compile(r"\w+", re.U)
_WS = re.compile(r"\s+")


@dataclass
class Output:
    body: str = ""
    title: str | None = None
    date: str | None = None
    authors: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- scorers


def shingles(text: str, n: int = 4) -> set[tuple[str, ...]]:
    """Lowercased word n-gram set; a text shorter than n words is one shingle of all its words."""
    words = _WORD.findall((text or "").lower())
    if len(words) < n:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def shingle_f1(pred: str, gold: str) -> float:
    a, b = shingles(pred), shingles(gold)
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return 2 * inter / (len(a) + len(b))


def norm(text: str | None) -> str:
    return _WS.sub(" ", text or "").strip()


def author_f1(pred: list[str], gold: list[str]) -> float:
    p = {norm(x).lower() for x in pred if norm(x)}
    g = {norm(x).lower() for x in gold if norm(x)}
    if not p and not g:
        return 1.0
    if not p or not g:
        return 0.0
    inter = len(p & g)
    return 2 * inter / (len(p) + len(g))


def same_day(pred: str | None, gold: str | None) -> bool:
    return bool(pred and gold) and str(pred)[:10] == str(gold)[:10]


def gold_body(expected: dict) -> str:
    body = expected.get("body") or {}
    parts = list(body.get("summary") or [])
    for sec in body.get("sections") or []:
        parts += list(sec.get("headline") or []) + list(sec.get("paragraphs") or [])
    return "\n\n".join(parts)


def snippet_counts(output: str | None, page: dict) -> tuple[int, int, int, int]:
    """(TP, FN, FP, TN) of one trafilatura-eval page."""
    w, wo = page.get("with") or [], page.get("without") or []
    if not output:
        return 0, len(w), 0, len(wo)
    text = norm(output)
    tp = sum(1 for s in w if norm(s) in text)
    fp = sum(1 for s in wo if norm(s) in text)
    return tp, len(w) - tp, fp, len(wo) - fp


def prf(tp: int, fn: int, fp: int, tn: int) -> tuple[float, float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    acc = (tp + tn) / (tp + fn + fp + tn) if tp + fn + fp + tn else 0.0
    return p, r, f, acc


# ---------------------------------------------------------------- systems


def sys_newsgraph(html: str, url: str | None) -> Output:
    from newsgraph.errors import InputError
    from newsgraph.extract.html import extract_html
    from newsgraph.records import RawDocument

    try:
        ex = extract_html(html, RawDocument(input=url or "page", data=b"", kind="html", url=url))
    except InputError:
        return Output()
    body = ex.body
    if ex.standfirst and norm(ex.standfirst)[:80] not in norm(body):
        body = ex.standfirst + "\n\n" + body
    return Output(body, ex.title, ex.published, list(ex.authors))


def sys_trafilatura(html: str, url: str | None) -> Output:
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if doc is None:
        return Output()
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return Output(doc.text or "", doc.title, doc.date, authors)


def sys_newspaper(html: str, url: str | None) -> Output:
    import newspaper

    art = newspaper.Article(url or "http://example.com/", fetch_images=False, memoize_articles=False)
    art.download(input_html=html)
    art.parse()
    date = art.publish_date.isoformat() if art.publish_date else None
    return Output(art.text or "", art.title, date, list(art.authors or []))


def sys_readability(html: str, url: str | None) -> Output:
    import lxml.html
    from readability import Document

    doc = Document(html)
    summary = doc.summary(html_partial=True)
    tree = lxml.html.fromstring(summary) if summary.strip() else None
    if tree is None:
        return Output(title=doc.short_title())
    blocks = [norm(el.text_content()) for el in tree.iter("p", "h1", "h2", "h3", "h4", "li", "pre", "blockquote")]
    text = "\n\n".join(b for b in blocks if b) or norm(tree.text_content())
    return Output(text, doc.short_title())


def sys_goose(html: str, url: str | None) -> Output:
    g = _goose()
    art = g.extract(raw_html=html, url=url)
    date = art.publish_datetime_utc.isoformat() if getattr(art, "publish_datetime_utc", None) else art.publish_date
    return Output(art.cleaned_text or "", art.title, date, list(art.authors or []))


_GOOSE = []


def _goose():
    if not _GOOSE:
        from goose3 import Goose

        _GOOSE.append(Goose({"enable_image_fetching": False, "http_timeout": 0.01}))
    return _GOOSE[0]


SYSTEMS: dict[str, tuple[str, Callable[[str, str | None], Output]]] = {
    "newsgraph": ("newsgraph", sys_newsgraph),
    "trafilatura": ("trafilatura", sys_trafilatura),
    "newspaper4k": ("newspaper", sys_newspaper),
    "readability-lxml": ("readability", sys_readability),
    "goose3": ("goose3", sys_goose),
}


def available_systems(notes: list[str]) -> dict[str, Callable]:
    """Every system that imports; NEWSGRAPH_BENCH_SYSTEMS=newsgraph,trafilatura keeps only those (a quick run)."""
    import importlib
    import os

    wanted = [s.strip() for s in os.environ.get("NEWSGRAPH_BENCH_SYSTEMS", "").split(",") if s.strip()]
    if wanted:
        notes.append("Systems limited by NEWSGRAPH_BENCH_SYSTEMS: " + ", ".join(wanted))
    out = {}
    for name, (module, fn) in SYSTEMS.items():
        if wanted and name not in wanted:
            continue
        try:
            importlib.import_module(module)
            out[name] = fn
        except Exception as exc:  # an anchor that cannot import is reported, not fatal
            notes.append(f"{name} skipped: cannot import {module} ({exc!r})")
    return out


def _flat(values) -> list[str]:
    """Author values as a flat list of strings (some anchors nest lists or return None)."""
    out: list[str] = []
    for v in values or []:
        if isinstance(v, list | tuple):
            out += _flat(v)
        elif v:
            out.append(str(v))
    return out


def run_system(fn: Callable, html: str, url: str | None) -> tuple[Output, float, str | None]:
    t0 = time.perf_counter()
    try:
        out = fn(html, url)
        err = None
    except Exception as exc:  # an anchor crashing on one page scores that page as empty
        out, err = Output(), repr(exc)[:200]
    secs = time.perf_counter() - t0
    out.body = out.body if isinstance(out.body, str) else ""
    out.title = out.title if isinstance(out.title, str) else None
    out.date = str(out.date) if out.date else None
    out.authors = _flat(out.authors)
    return out, secs, err


# ---------------------------------------------------------------- data


def site(url: str) -> str:
    """The unit of the trafilatura-eval split: the page's host name without "www."."""
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def unit_part(it: dict) -> str:
    """The split part of one page of either set: fundus by publisher, trafilatura-eval by site."""
    return part(it["publisher"]) if "publisher" in it else part(site(it["url"]))


def only_part(items: list[dict], which: str | None) -> list[dict]:
    return [it for it in items if unit_part(it) == which] if which else items


def part_rows(items) -> list[tuple[str, list]]:
    """(label, items) for the tuning part, the check part and both, skipping an empty part."""
    out = [(p, [it for it in items if unit_part(it[0] if isinstance(it, tuple) else it) == p]) for p in PARTS]
    return [(p, sel) for p, sel in out if sel] + [("both", list(items))]


def load_fundus(limit: int | None, which: str | None = None) -> list[dict]:
    root = EVAL / "fundus-parser-testdata"
    if not (root / "manifest.jsonl").exists():
        return []
    items = [json.loads(line) for line in (root / "manifest.jsonl").read_text("utf-8").splitlines() if line.strip()]
    items = only_part(items, which)
    if limit:
        # a quick run keeps the English pages first (the goal set), then the rest
        items = sorted(items, key=lambda r: r["country"] not in ENGLISH)[:limit]
    for it in items:
        it["_path"] = root / it["html"]
    return items


def load_trafeval(limit: int | None, which: str | None = None) -> list[dict]:
    root = EVAL / "trafilatura-eval"
    if not (root / "evaldata.json").exists():
        return []
    data = json.loads((root / "evaldata.json").read_text("utf-8"))
    items = []
    for url, page in data.items():
        path = root / "html" / (page["file"] + ".gz")
        if path.exists():
            items.append({"url": url, "_path": path, **page})
    items = only_part(items, which)
    return items[:limit] if limit else items


def read_html(path, name: str) -> str:
    from newsgraph.extract.decode import decode_bytes

    return decode_bytes(gzip.decompress(path.read_bytes()), name)


def speed_cells(times: list[float]) -> list:
    if not times:
        return [None, None]
    med = statistics.median(times)
    return [1.0 / med if med else None, sum(times)]


# ---------------------------------------------------------------- run


def run(limit: int | None, which: str | None = None) -> TaskResult:
    fundus, trafeval = load_fundus(limit, which), load_trafeval(limit, which)
    if not fundus and not trafeval:
        raise Skip(f"data absent: {EVAL / 'fundus-parser-testdata'} and {EVAL / 'trafilatura-eval'}")
    notes: list[str] = []
    systems = available_systems(notes)
    res = TaskResult(NAME, TITLE, items=len(fundus) + len(trafeval), notes=notes)
    errors: dict[str, int] = {}
    if fundus:
        per: dict[str, list[tuple[dict, Output, float]]] = {s: [] for s in systems}
        for it in fundus:
            html = read_html(it["_path"], it["html"])
            for name, fn in systems.items():
                out, secs, err = run_system(fn, html, it.get("url"))
                errors[name] = errors.get(name, 0) + bool(err)
                per[name].append((it, out, secs))
        cols = ["part", "system", "pages", "body F1", "title exact", "date same-day", "author F1", "median pages/s", "total s"]
        for label, keep in (("English pages (us/uk/ca/au/ind/za)", lambda it: it["country"] in ENGLISH), ("all pages", lambda it: True)):
            t = Table(f"fundus-parser-testdata, {label}, by publisher", cols)
            for name, all_rows in per.items():
                for which, rows in part_rows([r for r in all_rows if keep(r[0])]):
                    body = statistics.mean(shingle_f1(o.body, gold_body(it["expected"])) for it, o, _ in rows)
                    title = statistics.mean(norm(o.title) == norm(it["expected"].get("title")) for it, o, _ in rows)
                    date = statistics.mean(same_day(o.date, it["expected"].get("publishing_date")) for it, o, _ in rows)
                    with_auth = [(it, o) for it, o, _ in rows if it["expected"].get("authors")]
                    auth = statistics.mean(author_f1(o.authors, it["expected"]["authors"]) for it, o in with_auth) if with_auth else None
                    t.rows.append([which, name, len(rows), body, title, date, auth, *speed_cells([s for _, _, s in rows])])
            t.rows.sort(key=lambda r: (PARTS + ("both",)).index(r[0]))
            res.tables.append(t)
    if trafeval:
        t = Table("trafilatura-eval (with/without snippets), by site", ["part", "system", "pages", "precision", "recall", "F1", "accuracy", "median pages/s", "total s"])
        for name, fn in systems.items():
            scored = []
            for it in trafeval:
                html = read_html(it["_path"], it["file"])
                out, secs, err = run_system(fn, html, it["url"])
                errors[name] = errors.get(name, 0) + bool(err)
                scored.append((it, snippet_counts(out.body, it), secs))
            for which, rows in part_rows(scored):
                counts = [sum(c[k] for _, c, _ in rows) for k in range(4)]
                t.rows.append([which, name, len(rows), *prf(*counts), *speed_cells([s for _, _, s in rows])])
        t.rows.sort(key=lambda r: (PARTS + ("both",)).index(r[0]))
        res.tables.append(t)
    notes.append(
        "Goals (issue 4), English fundus pages: body F1 >= 0.97 and above trafilatura; title >= 0.95, date >= 0.90, "
        "author F1 >= 0.85; trafilatura-eval F1 at least trafilatura's; >= 50 median pages/s per core for newsgraph."
    )
    crashed = {k: v for k, v in errors.items() if v}
    if crashed:
        notes.append("Pages where a system raised (scored as empty output): " + ", ".join(f"{k} {v}" for k, v in crashed.items()))
    return res
