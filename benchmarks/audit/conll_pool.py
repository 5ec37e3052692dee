"""A fourth held-out pool, "conll": the check-part Reuters stories of CoNLL-2003 eng.testa, never hand-judged.

Why: the pools of real news are nearly used up (LGL keeps 7 articles, GeoVirus none, PolNeAR's check part 13, the
"news" pool's files are absent). CoNLL-2003's dev split (216 Reuters wire stories of August 1996) is read only by
the NER benchmark, which scores entity spans by code: its tune part's misses were read while NER rules were
written, its check part was seen only as aggregate figures (benchmarks/splits.py protocol). Nobody has judged the
quotes, events, facts, dates or topics of any of its stories. So this pool draws from the CHECK part only.

Caveats, stated with every figure of this pool:
- entities: the check part's aggregate NER F1 decided which entity changes were kept in earlier stops, so its
  people, organisations and places are less unseen than its quotes, events, facts and dates;
- the text is tokenised: it is joined back here by a small detokeniser (spaces before closing punctuation and inside
  quotes removed), so a page reads as a wire story but the original typography (hyphens, quote marks) is lost;
- 1996 Reuters wire: many stories are sports results and market tables, a register unlike the web and Wikinews
  draws; the one-sentence paragraphs are the wire's own.

Articles: input name `conll/<document index>` (zero-padded to three digits; the index of its -DOCSTART- block, as
benchmarks/tasks/ner.py counts it); unit (tune/check split) `str(index)`, as the NER benchmark splits it; title the
story's first sentence (the wire's capitalised headline); published time the date of the dateline sentence
("LONDON 1996-08-30"), which stays in the body as the wire's first paragraph; every later sentence its own
paragraph. Only token counts and the dateline's shape were read by code while writing this module: nobody read a
story.

How a stop adds its held-out seed: append `<seed>: "conll"` to `fresh.POOLS`, commit that alone, then build and
judge it BEFORE any commit of that stop touches src/ (commands as in wikinews_pool). PAGES stories per seed, so
later stops can draw the rest. `python -m benchmarks.audit.conll_pool` prints counts only.
"""

from __future__ import annotations

import re
from pathlib import Path

from benchmarks.audit import news_pool
from benchmarks.common import EVAL

PATH = EVAL / "conll2003-en" / "eng.testa"
#: the pool's name in fresh.POOLS
POOL = "conll"
#: stories per seed: about a third of the check part's English stories, so that two later stops can draw again
PAGES = 36

#: a wire dateline sentence: place words then an ISO date ("LONDON 1996-08-30", "RIO DE JANEIRO 1996-08-30")
DATELINE = re.compile(r"^[A-Z][A-Za-z .,'-]*\s(\d{4}-\d{2}-\d{2})$")
#: tokens written without a space before them
_NO_SPACE_BEFORE = {".", ",", ";", ":", "?", "!", ")", "]", "}", "%", "'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m"}
#: tokens written without a space after them
_NO_SPACE_AFTER = {"(", "[", "{", "$"}


def detokenise(tokens: list[str]) -> str:
    """Join CoNLL tokens as a wire sentence: no space before closing punctuation or clitics, none after opening
    brackets, and a straight double quote glued to the words it encloses (odd ones open, even ones close)."""
    out: list[str] = []
    quotes = 0
    glue_next = False
    for tok in tokens:
        if tok == '"':
            quotes += 1
            opening = quotes % 2 == 1
            if out and not opening:
                out[-1] += tok
                continue
            out.append(tok)
            glue_next = opening
            continue
        if out and (glue_next or tok in _NO_SPACE_BEFORE):
            out[-1] += tok
        else:
            out.append(tok)
        glue_next = tok in _NO_SPACE_AFTER
    return " ".join(out)


def articles(path: Path | None = None, split: str = "check") -> list[dict]:
    """Every `split`-part story of eng.testa (the check part unless a pool of the tune part asks: conll_tune_pool)
    as fresh.lgl_articles gives one; a missing file stops the draw."""
    from benchmarks.splits import part
    from benchmarks.tasks.ner import documents

    path = path or PATH
    if not path.exists():
        raise SystemExit(f"conll pool: missing {path}")
    out = []
    for i, sents in enumerate(documents(path)):
        if part(str(i)) != split or len(sents) < 2:
            continue
        lines = [detokenise([tok for tok, _ in s]) for s in sents]
        title, rest = lines[0], lines[1:]
        m = DATELINE.match(rest[0])
        published = m.group(1) if m else ""
        out.append({"input": f"{POOL}/{i:03d}", "unit": str(i), "url": "", "published": published,
                    "title": title, "text": "\n\n".join(rest), "paragraphs": rest, "publisher": "reuters"})
    return out


def drawn(seed: int, seed_list: tuple[int, ...] | None = None, arts: list[dict] | None = None) -> list[dict]:
    """The stories of this pool's draw `seed` (a seed listed as "conll" in fresh.POOLS)."""
    return news_pool.drawn(seed, seed_list, arts, pool=POOL, load=articles, pages=PAGES)


def reserve(seed_list: tuple[int, ...] | None = None, arts: list[dict] | None = None) -> list[str]:
    """Input names of the check-part stories no seed of this pool drew."""
    return news_pool.reserve(seed_list, arts, pool=POOL, load=articles, pages=PAGES)


def counts() -> dict[str, int]:
    """Counts only (check-part stories, English ones, with a dateline, reserve): no text, title or name."""
    from benchmarks.audit.__main__ import english

    arts = articles() if PATH.exists() else []
    out = {"check_stories": len(arts), "english": sum(english(a["text"]) for a in arts),
           "with_date": sum(bool(a["published"]) for a in arts)}
    if arts:
        out["reserve"] = len(reserve())
    return out


if __name__ == "__main__":
    print(counts())
