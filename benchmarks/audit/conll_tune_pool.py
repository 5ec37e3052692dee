"""A held-out pool for quotes, events, facts and dates: the TUNE-part Reuters stories of CoNLL-2003 eng.testa.

Why: every pool of never-read news is used up (LGL, GeoVirus, PolNeAR's and CoNLL's check parts: fresh.POOLS up to
stop 30). The tune part of CoNLL-2003 dev was read only for NER: its entity misses were looked at while entity
rules were written. Nobody has judged the quotes, events, facts or dates of any of its stories, and no rule of
those kinds was fitted on it. So it is a fair held-out pool for those kinds, and a weaker one for topics.

Caveats, stated with every figure of this pool: entities and topics are not unseen here (NER tune-part misses were
read); the text is the detokenised wire of conll_pool (typography lost); 1996 wire, many sports results and market
tables. Input names `conll/<document index>` as in conll_pool (indices of the tune part, so no name is shared).

How a stop adds its held-out seed: append `<seed>: "conll-tune"` to `fresh.POOLS`, commit that alone, build and
judge it on the code of the moment; nobody who changes src/ reads its pages or judgements until the stop's figures
are taken. `python -m benchmarks.audit.conll_tune_pool` prints counts only.
"""

from __future__ import annotations

from functools import partial

from benchmarks.audit import conll_pool, news_pool
from benchmarks.splits import TUNE

#: the pool's name in fresh.POOLS
POOL = "conll-tune"
#: stories per seed: about half of the tune part's English stories, so that one later stop can draw again
PAGES = 36

articles = partial(conll_pool.articles, split=TUNE)


def drawn(seed: int, seed_list: tuple[int, ...] | None = None, arts: list[dict] | None = None) -> list[dict]:
    """The stories of this pool's draw `seed` (a seed listed as "conll-tune" in fresh.POOLS)."""
    return news_pool.drawn(seed, seed_list, arts, pool=POOL, load=articles, pages=PAGES)


def reserve(seed_list: tuple[int, ...] | None = None, arts: list[dict] | None = None) -> list[str]:
    """Input names of the tune-part stories no seed of this pool drew."""
    return news_pool.reserve(seed_list, arts, pool=POOL, load=articles, pages=PAGES)


def counts() -> dict[str, int]:
    """Counts only (tune-part stories, English ones, reserve): no text, title or name."""
    from benchmarks.audit.__main__ import english

    arts = articles() if conll_pool.PATH.exists() else []
    out = {"tune_stories": len(arts), "english": sum(english(a["text"]) for a in arts)}
    if arts:
        out["reserve"] = len(reserve())
    return out


if __name__ == "__main__":
    print(counts())
