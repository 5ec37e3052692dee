"""A third held-out pool, "polnear": the check-part articles of PolNeAR dev, never hand-judged for any item.

Why: the pools of real news are used up. LGL holds 7 articles (fresh.reserve), GeoVirus none (wikinews_pool, after
stop 26's draw 20270301), and the "news" pool's files (news_pool: GeoWebNews, TR-News) are absent from
../shared/eval. PolNeAR dev (84 articles of 2016 US election news from seven publishers) is read by the attribution
benchmark only: its quotes are scored by code against gold, its tune part's misses were read while quote rules were
written, and its check part was seen only as aggregate figures (benchmarks/splits.py protocol). Nobody has judged its
people, organisations, places, events, facts or dates. So this pool draws from the CHECK part only.

Caveats, stated with every figure of this pool:
- quotes: the check part's aggregate content F1 decided which quote changes were kept in earlier stops, and the quote
  confidence map was fitted on PolNeAR (calibrate_items), so its quotes are less unseen than its other items;
- one topic (2016 US election) and 2016 publishers: a narrower register than the wire and Wikinews draws.

Articles: input name `polnear/<file name>`; unit (tune/check split) the file name, as benchmarks/tasks/attribution.py
splits it; published time the metadata's publication_date (so relative dates can be judged); title the metadata's
title, removed from the start of the text when the text repeats it (83 of 84 do); paragraphs kept (blank lines).
Only element names and counts were read by code while writing this module: nobody read an article.

How a stop adds its held-out seed: append `<seed>: "polnear"` to `fresh.POOLS`, commit that alone, then build and
judge it BEFORE any commit of that stop touches src/ (commands as in wikinews_pool). PAGES articles per seed, so a
later stop can draw the rest. `python -m benchmarks.audit.polnear_pool` prints counts only.
"""

from __future__ import annotations

import csv
from pathlib import Path

from benchmarks.audit import news_pool
from benchmarks.common import EVAL

ROOT = EVAL / "polnear-attribution"
#: the pool's name in fresh.POOLS
POOL = "polnear"
#: articles per seed: 28 of the 42 check-part articles, so that a later stop has 14 never-judged articles left
PAGES = 28


def _paragraphs(text: str) -> list[str]:
    """The text's paragraphs (blank-line separated), each with its inner line breaks joined."""
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def articles(root: Path | None = None, split: str = "check") -> list[dict]:
    """Every `split`-part article of PolNeAR dev (the check part unless a pool of the tune part asks:
    polnear_tune_pool) as fresh.lgl_articles gives one; missing files stop the draw."""
    from benchmarks.splits import part

    root = root or ROOT
    if not (root / "dev" / "text").is_dir():
        raise SystemExit(f"polnear pool: missing {root / 'dev' / 'text'}")
    meta: dict[str, dict] = {}
    if (root / "metadata.tsv").exists():
        with (root / "metadata.tsv").open(encoding="utf-8") as fh:
            meta = {r["filename"]: r for r in csv.DictReader(fh, delimiter="\t")}
    out = []
    for path in sorted((root / "dev" / "text").glob("*.txt")):
        if part(path.stem) != split:
            continue
        m = meta.get(path.stem, {})
        title = " ".join((m.get("title") or "").split())
        paras = _paragraphs(path.read_text(encoding="utf-8"))
        if paras and title and paras[0].startswith(title):  # the page's <h1> already gives the title
            paras[0] = paras[0][len(title):].strip()
            paras = [p for p in paras if p]
        date = (m.get("publication_date") or "").strip()
        out.append({"input": f"polnear/{path.stem}", "unit": path.stem, "url": "", "published": date,
                    "title": title, "text": "\n\n".join(paras), "paragraphs": paras,
                    "publisher": m.get("publisher", "")})
    return out


def drawn(seed: int, seed_list: tuple[int, ...] | None = None, arts: list[dict] | None = None) -> list[dict]:
    """The articles of this pool's draw `seed` (a seed listed as "polnear" in fresh.POOLS)."""
    return news_pool.drawn(seed, seed_list, arts, pool=POOL, load=articles, pages=PAGES)


def reserve(seed_list: tuple[int, ...] | None = None, arts: list[dict] | None = None) -> list[str]:
    """Input names of the check-part articles no seed of this pool drew."""
    return news_pool.reserve(seed_list, arts, pool=POOL, load=articles, pages=PAGES)


def counts() -> dict[str, int]:
    """Counts only (check-part articles, English ones, per publisher, reserve): no text, title or name."""
    from collections import Counter

    from benchmarks.audit.__main__ import english

    arts = articles() if (ROOT / "dev" / "text").is_dir() else []
    out: dict[str, int] = {"check_articles": len(arts), "english": sum(english(a["text"]) for a in arts)}
    out.update({f"publisher_{k}": v for k, v in sorted(Counter(a["publisher"] for a in arts).items())})
    if arts:
        out["reserve"] = len(reserve())
    return out


if __name__ == "__main__":
    print(counts())
