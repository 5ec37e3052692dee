"""A second held-out pool, "wikinews": the Wikinews articles of GeoVirus, the pool present on this machine now.

Why: the pool "news" (news_pool.py: GeoWebNews_GWN.xml and TR-News.xml) cannot be drawn at stop 23: both files are
listed in ../shared/eval/geoparsing-news/README.md but missing from the folder, which holds only lgl.xml, GeoVirus.xml
and the README. GeoVirus.xml (229 Wikinews articles on disease outbreaks, CC-BY 2.5; `<article><source>URL</source>
<text>...</text><locations>...`) is there. Nobody has hand-judged its quotes, events, facts, dates, people,
organisations or topics; nobody read its text while writing this module (only element names, by code): keep it so.

Caveat: its gold locations are the geocoding benchmark's data (benchmarks/tasks/geo.py, tune and check parts), so
place work was measured on these articles: city/country topics and places of this pool are not fully unseen. Quotes,
events, facts, dates, people and organisations are.

The pool's articles: input name `geovirus/<n>` (the article's place in the file, from 0); unit (tune/check split,
benchmarks/splits.py `part`) the key the geo benchmark already splits the article by, `GeoVirus:<source URL>`
(geo.py `article_key`), so an article is in the same part for both; url the `source`; title made by code from the
Wikinews URL's last path segment (percent-decoded, underscores to spaces); no published time (the file gives none,
so the page has none and dates are judged against the record's published date or its absence). English filter,
NEWS_PAGES per seed and "a later seed leaves out the earlier seeds' articles" are news_pool's (`draws`).

How a stop adds its held-out seed (none is listed now): append `<seed>: "wikinews"` to `fresh.POOLS` (append only,
never a seed of FRESH_SEEDS), commit that alone, then build and judge it BEFORE any commit of that stop touches src/:
    python -m benchmarks.audit build --label s24unseen-before --fresh <seed>
    python -m benchmarks.topic_audit sample --name s24unseen-before --lgl <seed>
(pages go to benchmarks/audit/.cache/wikinews-<seed>/). `python -m benchmarks.audit.wikinews_pool` prints counts only.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

from benchmarks.audit import news_pool
from benchmarks.common import EVAL

GEOVIRUS = EVAL / "geoparsing-news" / "GeoVirus.xml"
#: the pool's name in fresh.POOLS
POOL = "wikinews"


def title_of(url: str) -> str:
    """The article's title from its Wikinews URL: the last path segment, percent-decoded, underscores to spaces."""
    last = urlsplit(url).path.rstrip("/").rpartition("/")[2]
    return unquote(last).replace("_", " ").strip()


def articles(path: Path | None = None) -> list[dict]:
    """Every GeoVirus article as fresh.lgl_articles gives one; a missing file stops the draw."""
    from benchmarks.tasks.geo import article_key

    path = path or GEOVIRUS
    if not path.exists():
        raise SystemExit(f"wikinews pool: missing {path}")
    out = []
    for i, art in enumerate(ET.parse(path).getroot().iter("article")):
        url, text = (art.findtext("source") or "").strip(), (art.findtext("text") or "").strip()
        title = title_of(url)
        if title and text.startswith(title):  # as for LGL: the page's <h1> already gives the title
            text = text[len(title):].lstrip(". ").strip()
        out.append({"input": f"geovirus/{i}", "unit": article_key("GeoVirus", art, i), "url": url, "published": "",
                    "title": title, "text": text})
    return out


def drawn(seed: int, seed_list: tuple[int, ...] | None = None, arts: list[dict] | None = None) -> list[dict]:
    """The articles of this pool's draw `seed` (a seed listed as "wikinews" in fresh.POOLS)."""
    return news_pool.drawn(seed, seed_list, arts, pool=POOL, load=articles)


def reserve(seed_list: tuple[int, ...] | None = None, arts: list[dict] | None = None) -> list[str]:
    """Input names of the English articles no seed of this pool drew."""
    return news_pool.reserve(seed_list, arts, pool=POOL, load=articles)


def counts() -> dict[str, int]:
    """Counts only (articles, English ones, their tune/check parts, reserve): safe to print, no text, title or URL."""
    from benchmarks.audit.__main__ import english
    from benchmarks.splits import part

    arts = articles() if GEOVIRUS.exists() else []
    eng = [a for a in arts if english(a["text"])]
    out = {"articles": len(arts), "english": len(eng), "no_source_url": sum(not a["url"] for a in arts)}
    for p in ("tune", "check"):
        out[f"english_{p}"] = sum(part(a["unit"]) == p for a in eng)
    if arts:
        out["reserve"] = len(reserve())
    return out


if __name__ == "__main__":
    print(counts())
