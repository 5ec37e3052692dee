"""The next held-out pool: news of GeoWebNews and TR-News, read by no benchmark, audit or fit before.

Why: the LGL pool of fresh.py is used up (`fresh.reserve()` holds 7 articles after stop 23's draw 20261231), and
every HTML page of ../shared/eval is in some audit already. Two news corpora of the geoparsing-news source were never
read here: GeoWebNews (`GeoWebNews_GWN.xml`, 200 international news web pages, each with its title and link) and
TR-News (`TR-News.xml`, 118 news articles, the LGL schema: docid, title, domain, url, dltime, text). Nobody looked
at their text while preparing this module (only element and attribute names were read by code): keep it so.
Both files are missing on the stop-23 machine (the README lists them): the pool present now is "wikinews"
(wikinews_pool.py, GeoVirus), which reuses this module's `draws`, `drawn` and `reserve` with its own name and reader.

The pool "news" is both files' English articles (`english`, the test `fresh.drawn` uses), input names `gwn/<n>` (the
article's place in the file, from 0) and `trnews/<docid>` (its index when the docids are missing or not unique).
The publisher unit (tune/check split, benchmarks/splits.py `part`) is TR-News' `domain`, else the host of the
article's url/link without "www."; the published time is TR-News' `dltime` or GeoWebNews' `pubDate` when present
(else the page has none). Each article becomes the small web page `fresh.page` makes.

How a stop adds its held-out seed (the next stop, once; none is listed now):
1. append `<seed>: "news"` to `fresh.POOLS` (seeds are never reordered or removed: a draw leaves out the articles
   of every earlier seed of its pool, NEWS_PAGES each, so no article is drawn twice);
2. BEFORE any commit of that stop touches src/, build and judge it with the code as it was:
       python -m benchmarks.audit build --label s24unseen-before --fresh <seed>
       python -m benchmarks.topic_audit sample --name s24unseen-before --lgl <seed>
   and record the draw's counts (not its text) in benchmarks/audit/NOTES.md "Next held-out pool";
3. only the held-out auditors read the draw; `python -m benchmarks.audit.news_pool` prints counts only.
"""

from __future__ import annotations

import random
import xml.etree.ElementTree as ET
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

from benchmarks.common import EVAL

GWN = EVAL / "geoparsing-news" / "GeoWebNews_GWN.xml"
TRNEWS = EVAL / "geoparsing-news" / "TR-News.xml"
#: the pool's name in fresh.POOLS
POOL = "news"
#: articles drawn per seed of this pool (about 2 of 5 English articles, so that later stops can draw again)
NEWS_PAGES = 90


def _field(art: ET.Element, *names: str) -> str:
    """The first non-empty child element or attribute of `names` (the two corpora name their fields differently)."""
    for n in names:
        v = (art.findtext(n) or art.get(n) or "").strip()
        if v:
            return v
    return ""


def _article(art: ET.Element, name: str, published: str) -> dict:
    """One article as fresh.lgl_articles gives it (the title the corpus may prepend to the text removed)."""
    title, text = _field(art, "title"), (art.findtext("text") or "").strip()
    if title and text.startswith(title):
        text = text[len(title):].lstrip(". ").strip()
    url = _field(art, "url", "link")
    host = urlsplit(url).hostname or ""
    unit = _field(art, "domain") or host.removeprefix("www.")
    return {"input": name, "unit": unit, "url": url, "published": published, "title": title, "text": text}


def _rss_date(value: str) -> str:
    """An RSS pubDate ('Mon, 07 Aug 2017 10:00:00 +0200') as ISO 8601, '' when absent or unreadable."""
    try:
        return parsedate_to_datetime(value).isoformat() if value else ""
    except (TypeError, ValueError):
        return ""


def gwn_articles(path: Path = GWN) -> list[dict]:
    """Every GeoWebNews article, `gwn/<n>` in file order."""
    root = ET.parse(path).getroot()
    return [_article(a, f"gwn/{i}", _rss_date(_field(a, "pubDate", "published"))) for i, a in enumerate(root.iter("article"))]


def trnews_articles(path: Path = TRNEWS) -> list[dict]:
    """Every TR-News article, `trnews/<docid>` (or `trnews/<index>` when docids are missing or repeat)."""
    from benchmarks.audit.fresh import _iso

    arts = list(ET.parse(path).getroot().iter("article"))
    ids = [a.get("docid") or "" for a in arts]
    if not all(ids) or len(set(ids)) < len(ids):
        ids = [str(i) for i in range(len(arts))]
    return [_article(a, f"trnews/{d}", _iso(_field(a, "dltime")) if _field(a, "dltime") else "")
            for d, a in zip(ids, arts, strict=True)]


def articles(gwn: Path | None = None, trnews: Path | None = None) -> list[dict]:
    """The pool's articles (both files); a missing file stops the draw rather than shrinking the pool silently."""
    gwn, trnews = gwn or GWN, trnews or TRNEWS
    missing = [str(p) for p in (gwn, trnews) if not p.exists()]
    if missing:
        raise SystemExit(f"news pool: missing {', '.join(missing)} (see geoparsing-news/README.md)")
    return gwn_articles(gwn) + trnews_articles(trnews)


def seeds(pool: str = POOL) -> tuple[int, ...]:
    """The seeds of `pool` in the order they were added to fresh.POOLS."""
    from benchmarks.audit.fresh import POOLS

    return tuple(s for s, p in POOLS.items() if p == pool)


def draws(seed_list: tuple[int, ...], arts: list[dict],
          pages: int | None = None) -> tuple[dict[int, list[dict]], list[dict]]:
    """Each seed's draw (`pages` English articles, NEWS_PAGES unless the pool says otherwise, in input-name order)
    among the English articles no earlier seed
    drew, and the English articles left after the last seed (the reserve)."""
    from benchmarks.audit.__main__ import english

    cands = sorted((a for a in arts if english(a["text"])), key=lambda a: a["input"])
    out: dict[int, list[dict]] = {}
    for s in seed_list:
        if not cands:
            raise SystemExit(f"pool: no article left for seed {s}")
        pick = random.Random(s).sample(cands, min(pages or NEWS_PAGES, len(cands)))
        out[s] = sorted(pick, key=lambda a: a["input"])
        taken = {a["input"] for a in pick}
        cands = [a for a in cands if a["input"] not in taken]
    return out, cands


def drawn(seed: int, seed_list: tuple[int, ...] | None = None, arts: list[dict] | None = None, pool: str = POOL,
          load: Callable[[], list[dict]] = articles, pages: int | None = None) -> list[dict]:
    """The articles of the draw `seed` (a seed listed for `pool` in fresh.POOLS; `load` reads that pool's articles:
    another pool, e.g. wikinews_pool, uses the same draw with its own name and reader)."""
    seed_list = seeds(pool) if seed_list is None else seed_list
    if seed not in seed_list:
        raise SystemExit(f"{pool} pool: {seed} is no seed of pool {pool!r}; add it to fresh.POOLS first")
    return draws(seed_list[: seed_list.index(seed) + 1], load() if arts is None else arts, pages)[0][seed]


def reserve(seed_list: tuple[int, ...] | None = None, arts: list[dict] | None = None, pool: str = POOL,
            load: Callable[[], list[dict]] = articles, pages: int | None = None) -> list[str]:
    """Input names of the English articles no seed of `pool` drew: what the next draw of the pool draws from."""
    seed_list = seeds(pool) if seed_list is None else seed_list
    return [a["input"] for a in draws(seed_list, load() if arts is None else arts, pages)[1]]


def counts() -> dict[str, int]:
    """Counts only (articles per file, English ones, reserve): safe to print, no text, title or place."""
    from benchmarks.audit.__main__ import english

    out: dict[str, int] = {}
    for name, path, read in (("gwn", GWN, gwn_articles), ("trnews", TRNEWS, trnews_articles)):
        arts = read(path) if path.exists() else []
        out[f"{name}_articles"] = len(arts)
        out[f"{name}_english"] = sum(english(a["text"]) for a in arts)
    if GWN.exists() and TRNEWS.exists():
        out["reserve"] = len(reserve())
    return out


if __name__ == "__main__":
    print(counts())
