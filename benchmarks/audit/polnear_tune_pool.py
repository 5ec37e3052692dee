"""A held-out pool for events, facts, dates and topics: the TUNE-part articles of PolNeAR dev.

Why: every pool of never-read news is used up (fresh.POOLS up to stop 30). PolNeAR dev's tune part was read only by
the attribution benchmark: its quote misses were looked at while quote rules were written. Nobody has judged the
events, facts, dates or topics of any of its articles, and no rule of those kinds was fitted on it. So it is a fair
held-out pool for those kinds and a weaker one for quotes (say so beside every quote figure of it).

Input names `polnear/<file stem>` as in polnear_pool (tune-part stems, so no name is shared with its draws).
How a stop adds its held-out seed: as in conll_tune_pool, with `<seed>: "polnear-tune"`.
`python -m benchmarks.audit.polnear_tune_pool` prints counts only.
"""

from __future__ import annotations

from functools import partial

from benchmarks.audit import news_pool, polnear_pool
from benchmarks.splits import TUNE

#: the pool's name in fresh.POOLS
POOL = "polnear-tune"
#: articles per seed: PolNeAR articles are long (stop 30's 13 check-part articles showed 221 quotes), so a third
#: of the tune part is enough to judge in a stop, and two later stops can draw again
PAGES = 14

articles = partial(polnear_pool.articles, split=TUNE)


def drawn(seed: int, seed_list: tuple[int, ...] | None = None, arts: list[dict] | None = None) -> list[dict]:
    """The articles of this pool's draw `seed` (a seed listed as "polnear-tune" in fresh.POOLS)."""
    return news_pool.drawn(seed, seed_list, arts, pool=POOL, load=articles, pages=PAGES)


def reserve(seed_list: tuple[int, ...] | None = None, arts: list[dict] | None = None) -> list[str]:
    """Input names of the tune-part articles no seed of this pool drew."""
    return news_pool.reserve(seed_list, arts, pool=POOL, load=articles, pages=PAGES)


def counts() -> dict[str, int]:
    """Counts only (tune-part articles, English ones, reserve): no text, title or name."""
    from benchmarks.audit.__main__ import english

    arts = articles() if (polnear_pool.ROOT / "dev" / "text").is_dir() else []
    out = {"tune_articles": len(arts), "english": sum(english(a["text"]) for a in arts)}
    if arts:
        out["reserve"] = len(reserve())
    return out


if __name__ == "__main__":
    print(counts())
