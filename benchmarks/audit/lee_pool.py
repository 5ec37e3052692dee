"""A held-out pool from outside ../shared/eval: the Lee news corpus (ABC Australia news mail, about 2001).

Why: every never-read pool of ../shared/eval is used up (stop 33, fresh.POOLS), so no figure since has been taken on
news nobody had read. The Lee corpus (Lee, Pincombe & Welsh 2005: `lee_background.cor`, 300 lines, and `lee.cor`,
50 lines; one news article per line) ships inside gensim's wheel on the package registry as test data
(`gensim/test/test_data/`). No benchmark, fit, rule or audit of this project has read it; nobody looked at more than
its first two lines while writing this module (to learn the format): keep it so.

Where it is read from, at run time (its text never enters the repository):
- `NEWSGRAPH_LEE_DIR`: a folder holding `lee_background.cor` and `lee.cor`; else
- an installed gensim package's `test/test_data/`; else the draw stops with how to get the files:
      pip download --no-deps gensim==4.4.0 -d /tmp/g && cd /tmp/g && \
        unzip -j gensim-*.whl 'gensim/test/test_data/lee*.cor' -d /path/to/lee
  (sha256: lee_background.cor 5d78d6da..., lee.cor a878f9a5...; LEE_SHA256 pins them).

Caveats, stated with every figure of this pool: one publisher (ABC news, Australia, about 2001); plain article text
without title, byline or date (the page the draw analyses has a body only, so every relative date is "page without
a date"); no boilerplate, so extraction is not measured here. Input names `lee/bg/<line>` and `lee/sim/<line>`; a line
whose text repeats an earlier one is left out (lee_background.cor has 7 repeats). The tune/check unit is the
article (one publisher).

How a stop adds its held-out seed: append `<seed>: "lee"` to `fresh.POOLS`, commit that alone, build and judge it on
the code of the moment before any src/ change; nobody who changes src/ reads its pages or judgements until the
stop's figures are taken. `python -m benchmarks.audit.lee_pool` prints counts only.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from pathlib import Path

from benchmarks.audit import news_pool

#: the pool's name in fresh.POOLS
POOL = "lee"
#: articles per seed: about a quarter of the pool, so that three later draws remain
PAGES = 80
FILES = {"bg": "lee_background.cor", "sim": "lee.cor"}
#: the files as gensim 4.4.0 ships them: a different file is another corpus, and its draws would differ
LEE_SHA256 = {
    "lee_background.cor": "5d78d6dafd953bbf65797bef09a9ffb9ec430583381be705f8fd460000f370fb",
    "lee.cor": "a878f9a58f6743c32985c56c2f2f75988386216b38a4023a01fd3bcf7884d93e",
}


def folder() -> Path:
    """Where the corpus files are: NEWSGRAPH_LEE_DIR, else an installed gensim's test data."""
    if os.environ.get("NEWSGRAPH_LEE_DIR"):
        return Path(os.environ["NEWSGRAPH_LEE_DIR"])
    spec = importlib.util.find_spec("gensim")
    if spec and spec.origin:
        return Path(spec.origin).parent / "test" / "test_data"
    raise SystemExit("lee pool: set NEWSGRAPH_LEE_DIR to a folder with lee_background.cor and lee.cor "
                     "(benchmarks/audit/lee_pool.py says how to get them from gensim's wheel)")


def articles(path: Path | None = None) -> list[dict]:
    """Every distinct article of both files, as fresh.lgl_articles gives one (no title, no date, no url)."""
    path = path or folder()
    out, seen = [], set()
    for short, name in FILES.items():
        f = path / name
        if not f.exists():
            raise SystemExit(f"lee pool: missing {f}")
        data = f.read_bytes()
        if hashlib.sha256(data).hexdigest() != LEE_SHA256[name]:
            raise SystemExit(f"lee pool: {f} is not the file gensim 4.4.0 ships (sha256 differs)")
        for i, line in enumerate(data.decode("utf-8", errors="replace").splitlines()):
            text = line.strip()
            if not text or text in seen:
                continue
            seen.add(text)
            out.append({"input": f"{POOL}/{short}/{i:03d}", "unit": f"{short}{i:03d}", "url": "", "published": "",
                        "title": "", "text": text, "paragraphs": [text], "publisher": "abc.net.au"})
    return out


def drawn(seed: int, seed_list: tuple[int, ...] | None = None, arts: list[dict] | None = None) -> list[dict]:
    """The articles of this pool's draw `seed` (a seed listed as "lee" in fresh.POOLS)."""
    return news_pool.drawn(seed, seed_list, arts, pool=POOL, load=articles, pages=PAGES)


def reserve(seed_list: tuple[int, ...] | None = None, arts: list[dict] | None = None) -> list[str]:
    """Input names of the articles no seed of this pool drew."""
    return news_pool.reserve(seed_list, arts, pool=POOL, load=articles, pages=PAGES)


def counts() -> dict[str, int]:
    """Counts only (articles, English ones, reserve): no text."""
    from benchmarks.audit.__main__ import english

    arts = articles()
    out = {"articles": len(arts), "english": sum(english(a["text"]) for a in arts)}
    out["reserve"] = len(reserve())
    return out


if __name__ == "__main__":
    print(counts())
