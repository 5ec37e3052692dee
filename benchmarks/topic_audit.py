"""Hand audit of topics: sample topic items from records of real English pages, judge each by hand, report.

    python -m benchmarks.topic_audit sample --name baseline      # analyse the pages, write every topic item of them
    python -m benchmarks.topic_audit todo --name baseline        # the audit sample's items without a judgement yet
    python -m benchmarks.topic_audit todo --name after --shown   # the same for the items shown by default
    python -m benchmarks.topic_audit report --name after --base baseline
    python -m benchmarks.topic_audit report --name after --base baseline --per-type 80   # a larger sample
    python -m benchmarks.topic_audit sample --name fresh --seed 20261201   # a FRESH draw: pages not in the old sample
    python -m benchmarks.topic_audit sample --name s20fresh --seed 20261202 # another: pages in no draw before it
    python -m benchmarks.topic_audit sample --name s21unseen-final --seed 20261204   # the held-out draw, final code
    python -m benchmarks.topic_audit report --name s21unseen-final --base s21unseen-before --per-type 80
    python -m benchmarks.topic_audit sample --name s22unseen-before --lgl 20261230   # stop 22's held-out draw (LGL)
    python -m benchmarks.topic_audit todo --name s22unseen-before --shown --per-type 80
    python -m benchmarks.topic_audit report --name s22unseen-final --base s22unseen-before --per-type 80
    python -m benchmarks.topic_audit sample --name s23unseen-before --lgl 20261231   # stop 23's held-out draw (LGL)
    python -m benchmarks.topic_audit report --name s23unseen-before --base s23unseen-before --per-type 80
    python -m benchmarks.topic_audit sample --name s24unseen-before --lgl 20270101   # stop 24's held-out draw (wikinews)
    python -m benchmarks.topic_audit todo --name s24unseen-before --shown --per-type 80

Pages: the English pages of ../shared/eval (fundus-parser-testdata publishers of English-language countries, and
trafilatura-eval pages whose text reads as English by a stop-word share), in a fixed order; `PAGES` of them are
drawn with a fixed seed (`SEED`), so every run audits the same pages. `--seed S` (S other than `SEED`) draws a fresh
set instead: `PAGES` pages among the candidates that the `SEED` draw left out, so precision is also measured on pages
nobody looked at while tuning (stop 20's fresh sets, `FRESH_SEEDS`: 20261201 for organisations, issue 11c; 20261202
for people, issue 11, drawn among the pages neither the old draw nor the 20261201 draw holds; 20261203, issue 11's
last draw, made and judged only after its last change to the code: a fresh draw leaves out the pages of every draw
listed before it; 20261204, stop 21's held-out draw, judged only by the held-out auditors, `HELD_OUT_SEEDS`). From
`AUDIT_PAGES_LEFT_OUT_FROM` on, a fresh draw also leaves out the quote/event audit's pages (benchmarks/audit: its
English fundus countries and its first TRAFILATURA_DRAW trafilatura-eval pages in seed-11 order), a rule that leaves
the earlier draws as they were. The web event set (benchmarks/audit/web_events.py: every other page) cannot be left
out as well: with the audit's and the earlier draws' pages gone, 9 of its candidates would be left. Every topic item (people, countries, cities,
organisations; all of them, threshold 0, with its confidence) of those pages' records is in the sample, keyed by
(page, type, name): a judgement made once holds for a later run that lists the same item. The audit sample of a
run is, per type, the `PER_TYPE` items that come first in a seeded hash order of their keys, among every item
(`--all`, the state before confidence existed: every item was shown) or among the items shown by default
(`--shown`). The hash order is the same in every run, so a later run's sample is mostly the same items.

The run's items (no page text: keys, names, confidences) are benchmarks/audit/topics-<name>.jsonl; the contexts
shown for judging are kept in benchmarks/audit/.cache/ (ignored by git: the pages' text never enters the repo).
Judgements live in benchmarks/audit/topics-judgements.jsonl, one line per item: {"key", "right": true|false,
"reason"}. Right means: a real entity of that type that the article is about (named in its body, not only in
navigation or a teaser), under a right name (a canonical or full name, not a fragment or a wrong merge).

`--lgl S` audits the LGL articles of the quote/event audit's fresh draw S instead (benchmarks/audit/fresh.py
`drawn(S)`; stop 22's held-out draw is 20261230, 90 local US news articles of March 2009, judged only by the
held-out auditors, a tuning set since stop 23; stop 23's held-out draw is 20261231, 90 more LGL articles that no
earlier draw holds, 60 publishers, judged only by stop 23's held-out auditors): the HTML pages of ../shared/eval
are all in some earlier draw, so stop 22 draws news from LGL. A seed of another pool (fresh.POOLS, e.g. "news":
GeoWebNews and TR-News, benchmarks/audit/news_pool.py; "wikinews": GeoVirus, wikinews_pool.py) is given the same way: `--lgl S` draws S from its pool
(stop 24's held-out draw is 20270101 of "wikinews": 90 GeoVirus Wikinews articles, no published time, each article its
own tune/check unit; judged only by stop 24's held-out auditors; its places are geocoding benchmark data, so city and
country topics there are not fully unseen).
Each article is made the small web page `fresh.page` makes (written to benchmarks/audit/.cache/lgl-S/, ignored by
git) and analysed with the same `newsgraph analyze --min-confidence 0` call, its URL given by `--url-map`. Items
are keyed by the input name made a page name (`lgl/<docid>` -> `lgl-<docid>`, unique in LGL) and carry their
`unit`, the publisher (the LGL domain), so the report also splits precision and recall into the tune and check
parts of benchmarks/splits.py `part(unit)`, as the quote/event audit splits the same articles.

Report: per type, precision of the run's sample of every item and of its sample of the items shown by default
(confidence at or above the display threshold: each type's own, settings.TOPIC_THRESHOLDS, unless --threshold
gives one for all), and recall: of the right items in the base run's sample of every item, the share this run shows
by default.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import hashlib
import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

from benchmarks.common import EVAL, REPO
from benchmarks.splits import PARTS, part

AUDIT = REPO / "benchmarks" / "audit"
JUDGEMENTS = AUDIT / "topics-judgements.jsonl"
SEED = 20261130
#: the fresh draws so far, in the order they were made (each leaves out the pages of the old draw and of those before)
FRESH_SEEDS = (20261201, 20261202, 20261203, 20261204)
#: fresh draws held out: judged only by the held-out auditors, never read or fitted on while the code changes
#: (20261201-20261203 were looked at while tuning: tuning sets now)
HELD_OUT_SEEDS = (20261204,)
#: the first fresh draw that also leaves out the quote/event audit's pages (the draws before it stay as they were)
AUDIT_PAGES_LEFT_OUT_FROM = 20261204
PAGES = 40
#: items judged per type and run
PER_TYPE = 40
#: fundus-parser-testdata countries whose publishers write in English
ENGLISH_COUNTRIES = {"us", "uk", "au", "ca", "za", "ind", "na", "ls", "tz", "my", "il"}
_STOP = {"the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "it", "as", "by", "he", "she"}
TYPES = ("people", "countries", "cities", "organisations")


def english(text: str) -> bool:
    """A crude test of English text: common English function words make up a fair share of its words."""
    words = re.findall(r"[a-z]+", text.lower())
    return len(words) >= 100 and sum(w in _STOP for w in words) / len(words) >= 0.12


def pages() -> list[Path]:
    """The candidate pages, in a fixed order."""
    return list(_pages())


@functools.cache
def _pages() -> tuple[Path, ...]:
    """`pages`, read once per process (a fresh draw recomputes every earlier draw)."""
    out = []
    manifest = EVAL / "fundus-parser-testdata" / "manifest.jsonl"
    for line in manifest.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["country"] in ENGLISH_COUNTRIES:
            out.append(EVAL / "fundus-parser-testdata" / row["html"])
    for path in sorted((EVAL / "trafilatura-eval" / "html").iterdir()):
        try:
            raw = gzip.open(path).read() if path.suffix == ".gz" else path.read_bytes()
        except OSError:
            continue
        text = re.sub(r"<[^>]+>", " ", re.sub(r"(?is)<(script|style)[^>]*>.*?</\1>", " ", raw.decode("utf-8", "replace")))
        if english(text):
            out.append(path)
    return tuple(out)


def audit_pages() -> set[str]:
    """File names of the quote/event audit's candidate pages (benchmarks/audit `pages`, without reading them): the
    fundus pages of its English countries and the first TRAFILATURA_DRAW trafilatura-eval pages in its seeded order."""
    from benchmarks.audit.__main__ import FUNDUS_EN, TRAFILATURA_DRAW
    from benchmarks.audit.__main__ import SEED as AUDIT_SEED

    out = set()
    for line in (EVAL / "fundus-parser-testdata" / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["country"] in FUNDUS_EN:
            out.add(Path(row["html"]).name)
    data = json.loads((EVAL / "trafilatura-eval" / "evaldata.json").read_text(encoding="utf-8"))
    urls = sorted(data)
    random.Random(AUDIT_SEED).shuffle(urls)
    out.update(data[u]["file"] + ".gz" for u in urls[:TRAFILATURA_DRAW])
    return out


def drawn(seed: int = SEED) -> list[Path]:
    """The audited pages: `PAGES` candidates drawn with `seed`; with a seed other than `SEED`, drawn among the
    candidates that the `SEED` draw and the draws of the `FRESH_SEEDS` listed before `seed` left out (a fresh set),
    and, from `AUDIT_PAGES_LEFT_OUT_FROM` on, the quote/event audit's pages too."""
    cands = pages()
    if seed != SEED:
        before = FRESH_SEEDS[: FRESH_SEEDS.index(seed)] if seed in FRESH_SEEDS else FRESH_SEEDS
        old = {p for s in [SEED, *before] for p in drawn(s)}
        cands = [c for c in cands if c not in old]
        if AUDIT_PAGES_LEFT_OUT_FROM in before or seed == AUDIT_PAGES_LEFT_OUT_FROM:
            audit = audit_pages()
            cands = [c for c in cands if c.name not in audit]
    return sorted(random.Random(seed).sample(cands, min(PAGES, len(cands))))


def key(page: str, type_key: str, name: str) -> str:
    return f"{Path(page).name}|{type_key}|{name}"


def context(body: str, ent: dict | None, name: str, width: int = 110) -> str:
    """The first mention of the item in the body, with some words around it."""
    starts = [m["start"] for m in (ent or {}).get("mentions") or []]
    i = min(starts) if starts else body.find(name)
    if i < 0:
        return ""
    s, e = max(0, i - width), min(len(body), i + len(name) + width)
    return " ".join(body[s:e].split())


def page_name(input_name: str) -> str:
    """The name an item's key gives its page: the file name, or a pool's input name made one (lgl/12 -> lgl-12,
    gwn/3 -> gwn-3, trnews/7 -> trnews-7, geovirus/5 -> geovirus-5, polnear/f -> polnear-f, conll/007 -> conll-007, lee/bg/012 -> lee-bg-012, reuters/22 -> reuters-22: unique across the pools of
    benchmarks/audit/fresh.py)."""
    pools = ("lgl/", "gwn/", "trnews/", "geovirus/", "polnear/", "conll/", "lee/", "reuters/")
    return input_name.replace("/", "-") if input_name.startswith(pools) else Path(input_name).name


def lgl_pages(seed: int) -> tuple[list[Path], dict[str, str], Path]:
    """Write the LGL articles of the fresh draw `seed` as web pages to an ignored cache folder: the pages, each
    page's publisher (by page name) and a --url-map file giving each page its article's URL."""
    from benchmarks.audit import fresh

    folder = AUDIT / ".cache" / f"{fresh.pool_of(seed)}-{seed}"  # lgl-S, or news-S / wikinews-S for a POOLS seed
    folder.mkdir(parents=True, exist_ok=True)
    paths, units, urls = [], {}, []
    for art in fresh.drawn(seed):
        path = folder / f"{page_name(art['input'])}.html"
        path.write_bytes(fresh.page(art))
        paths.append(path)
        units[path.name] = art["unit"]
        if art["url"]:
            urls.append(f"{path}\t{art['url']}\n")
    url_map = folder / "urls.tsv"
    url_map.write_text("".join(urls), encoding="utf-8")
    return paths, units, url_map


def sample(name: str, seed: int = SEED, lgl: int | None = None) -> Path:
    """Analyse the drawn pages (every item, threshold 0) and write the sample's items to judge; with `lgl`, the
    LGL articles of that fresh draw instead, made web pages."""
    AUDIT.mkdir(parents=True, exist_ok=True)
    units: dict[str, str] = {}
    extra: list[str] = []
    if lgl is None:
        chosen = drawn(seed)
    else:
        chosen, units, url_map = lgl_pages(lgl)
        extra = ["--url-map", str(url_map)]
    records = AUDIT / f"topics-{name}.records.jsonl.tmp"
    exe = Path(sys.executable).parent / "newsgraph"
    # no per-document time budget (a loaded machine dropped pages under it; see audit write_records); a page that
    # fails is said loudly (analyze names it above), since a partial draw scores fewer pages
    env = {**os.environ, "NEWSGRAPH_DOC_TIMEOUT": os.environ.get("NEWSGRAPH_DOC_TIMEOUT", "0")}
    done = subprocess.run([str(exe), "analyze", "--format", "jsonl", "--min-confidence", "0", *extra, "-o",
                           str(records), *map(str, chosen)], cwd=REPO, env=env)
    if done.returncode != 0:
        print(f"WARNING topic sample {name}: newsgraph analyze exited {done.returncode}: a page failed (named above);"
              " its items are missing from this sample", file=sys.stderr)
    items, contexts = [], {}
    for line in records.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        page = Path(r["input"]).name
        if lgl is not None:  # the cache file's name is the input name made a page name
            page = page.removesuffix(".html")
        ents = {(e["type"], e["name"]): e for e in r.get("entities") or []}
        singular = {"people": "person", "countries": "country", "cities": "city", "organisations": "organisation"}
        for t in TYPES:
            names = (r.get("topics") or {}).get(t) or []
            confs = (r.get("topics_confidence") or {}).get(t) or [None] * len(names)
            for rank, (n, c) in enumerate(zip(names, confs, strict=True)):
                ent = ents.get((singular[t], n))
                items.append({"key": key(page, t, n), "page": page, "type": t, "name": n,
                              "rank": rank, "confidence": c, "aliases": (ent or {}).get("aliases", [])[:4]})
                if lgl is not None:
                    items[-1]["unit"] = units[f"{page}.html"]
                contexts[items[-1]["key"]] = {"context": context(r.get("body") or "", ent, n), "title": r.get("title")}
    records.unlink()
    out = AUDIT / f"topics-{name}.jsonl"
    out.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    # the pages' text stays out of the repository: contexts for judging go to an ignored cache file
    (AUDIT / ".cache").mkdir(exist_ok=True)
    (AUDIT / ".cache" / f"contexts-{name}.json").write_text(json.dumps(contexts, ensure_ascii=False), encoding="utf-8")
    print(f"{len(chosen)} pages, {len(items)} topic items -> {out}")
    return out


def judgements() -> dict[str, dict]:
    if not JUDGEMENTS.exists():
        return {}
    return {j["key"]: j for j in map(json.loads, JUDGEMENTS.read_text(encoding="utf-8").splitlines()) if j}


def load(name: str) -> list[dict]:
    return [json.loads(x) for x in (AUDIT / f"topics-{name}.jsonl").read_text(encoding="utf-8").splitlines() if x]


def order(k: str) -> str:
    return hashlib.sha256(f"{SEED}:{k}".encode()).hexdigest()


def shown_items(items: list[dict], threshold: float | dict[str, float]) -> list[dict]:
    """The items shown at `threshold`: one number, or {type: cut} (settings.TOPIC_THRESHOLDS' per-type cuts)."""
    def cut(t: str) -> float:
        return threshold if isinstance(threshold, float | int) else threshold[t]
    return [i for i in items if i["confidence"] is None or i["confidence"] >= cut(i["type"])]


def audit_sample(items: list[dict], per_type: int | None = None) -> list[dict]:
    """Per type, the `per_type` (default `PER_TYPE`) items first in the seeded hash order."""
    per_type = PER_TYPE if per_type is None else per_type
    out = []
    for t in TYPES:
        out += sorted((i for i in items if i["type"] == t), key=lambda i: order(i["key"]))[:per_type]
    return out


def threshold_or_default(threshold: float | None) -> float | dict[str, float]:
    """`threshold`, else the settings' display cut of each topic type ({type: cut}: they differ since stop 33)."""
    from newsgraph.confidence import thresholds

    if threshold is not None:
        return threshold
    per_kind = thresholds(None)
    return {t: per_kind.get(f"topics:{t}", per_kind["topics"]) for t in TYPES}


def todo(name: str, shown: bool, threshold: float | None = None, per_type: int | None = None) -> list[dict]:
    done = judgements()
    items = load(name)
    if shown:
        items = shown_items(items, threshold_or_default(threshold))
    cache = AUDIT / ".cache" / f"contexts-{name}.json"
    contexts = json.loads(cache.read_text(encoding="utf-8")) if cache.exists() else {}
    return [{**i, **contexts.get(i["key"], {})} for i in audit_sample(items, per_type) if i["key"] not in done]


def precision(sample: list[dict], done: dict, t: str) -> dict:
    mine = [i for i in sample if i["type"] == t]
    judged = [i for i in mine if i["key"] in done]
    ok = sum(done[i["key"]]["right"] for i in judged)
    return {"n": len(judged), "right": ok, "unjudged": len(mine) - len(judged),
            "precision": round(ok / len(judged), 3) if judged else None}


def report(name: str, base: str = "baseline", threshold: float | None = None, per_type: int | None = None) -> dict:
    """Precision per type (sample of every item; sample of items shown by default) and recall against `base`."""
    threshold = threshold_or_default(threshold)
    done = judgements()
    items = load(name)
    every, shown = audit_sample(items, per_type), audit_sample(shown_items(items, threshold), per_type)
    shown_keys = {i["key"] for i in shown_items(items, threshold)}
    base_right = [i for i in audit_sample(load(base)) if done.get(i["key"], {}).get("right")]
    out = {}
    for t in TYPES:
        right_t = [i for i in base_right if i["type"] == t]
        out[t] = {
            "all": precision(every, done, t),
            "shown": precision(shown, done, t),
            "recall_shown": recall(right_t, shown_keys),
            "base_right": len(right_t),
            "items": sum(1 for i in items if i["type"] == t),
            "items_shown": sum(1 for i in shown_items(items, threshold) if i["type"] == t),
        }
        if any("unit" in i for i in items):  # the same samples, split by the publisher's part (benchmarks/splits.py)
            out[t]["parts"] = {
                p: {"all": precision(of_part(every, p), done, t), "shown": precision(of_part(shown, p), done, t),
                    "recall_shown": recall(of_part(right_t, p), shown_keys)}
                for p in PARTS
            }
    return {"name": name, "base": base, "threshold": threshold, "types": out}


def of_part(items: list[dict], part_name: str) -> list[dict]:
    """The items whose unit (publisher) is in the part `part_name` of benchmarks/splits.py."""
    return [i for i in items if "unit" in i and part(i["unit"]) == part_name]


def recall(right: list[dict], shown_keys: set[str]) -> float | None:
    return round(sum(i["key"] in shown_keys for i in right) / len(right), 3) if right else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.topic_audit", description=__doc__.split("\n\n")[0])
    ap.add_argument("command", choices=["sample", "todo", "report"])
    ap.add_argument("--name", required=True, help="the run's name (baseline, after, ...)")
    ap.add_argument("--threshold", type=float, default=None, help="display threshold (default: the setting)")
    ap.add_argument("--shown", action="store_true", help="todo: sample among the items shown by default")
    ap.add_argument("--seed", type=int, default=SEED,
                    help=f"sample: the pages' seed ({SEED}: the old sample; another: a fresh draw of other pages)")
    ap.add_argument("--lgl", type=int, default=None,
                    help="sample: the articles of this fresh draw (benchmarks/audit/fresh.py: LGL, or the seed's "
                         "fresh.POOLS pool) instead of pages")
    ap.add_argument("--base", default="baseline", help="report: the run whose right items recall is taken against")
    ap.add_argument("--per-type", type=int, default=None,
                    help=f"todo/report: items judged per type (default {PER_TYPE}; more for a tighter estimate)")
    args = ap.parse_args(argv)
    if args.command == "sample":
        sample(args.name, args.seed, args.lgl)
    elif args.command == "todo":
        for i in todo(args.name, args.shown, args.threshold, args.per_type):
            print(json.dumps(i, ensure_ascii=False))
    else:
        print(json.dumps(report(args.name, args.base, args.threshold, args.per_type), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
