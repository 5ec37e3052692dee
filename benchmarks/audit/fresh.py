"""A fresh page draw for the hand audit: English news nobody tuned quotes, events, facts or dates on.

    python -m benchmarks.audit build --label s21unseen-before --fresh 20261221
    python -m benchmarks.audit build --label s22unseen-before --fresh 20261230   # stop 22: 90 articles read by nobody

Why: the audit's 99 pages (seed 11) have been judged, read and tuned on for many stops, so their figures are figures
on tuned pages. A fresh draw leaves out every page an earlier audit or topic draw held:
- the audit's pages (`__main__.pages`: the English fundus countries and the first TRAFILATURA_DRAW trafilatura-eval
  pages in seed-11 order) and the web event set's pages (`web_events.pages`: every other fundus and trafilatura-eval
  page). Together these two lists hold EVERY page of fundus-parser-testdata and trafilatura-eval, so no HTML page of
  ../shared/eval is left (the three trafilatura pages in neither audit's records were analysed there and left out
  because their bodies do not read as English);
- the topic draws (benchmarks/topic_audit.py: SEED and FRESH_SEEDS, held-out 20261204 included), all drawn from
  those two sets.

The pool is therefore the English news of geoparsing-news `lgl.xml` (the Local-Global Lexicon: 588 local US news
articles of March 2009 from 85 publishers, each with its title, publisher domain, URL and download time). Only the
geocoding benchmark reads it (places, not an audited kind here); nobody has read its quotes, events, facts or dates.
GeoVirus is left out: its items are paragraph chunks of Wikinews articles without a date. Each article becomes a
small web page (title, `article:published_time` = its download time from the publisher's feed, one paragraph of
its text without the title the corpus prepends), analysed as HTML as any page is. An article is a candidate when
its text reads as English by the audit's test (`english`: 80 words or more); FRESH_PAGES candidates are drawn with
the seed, and the records keep those whose body reads as English. The tune/check unit is the publisher (the LGL
domain; benchmarks/splits.py `part`), as the audit splits its pages by publisher.

Pools: LGL is used up (`reserve()` holds 7 articles after 20261231). A seed listed in `POOLS` draws from another pool
instead: "news" (benchmarks/audit/news_pool.py: GeoWebNews and TR-News, read by nobody; their files are missing
on the stop-23 machine) or "wikinews" (benchmarks/audit/wikinews_pool.py: GeoVirus, used up by stop 26), "polnear" (polnear_pool.py: PolNeAR dev's check part,
stop 27), "conll" (conll_pool.py: CoNLL-2003 dev's check-part Reuters stories, stop 28) or "lee" (lee_pool.py: the Lee
news corpus from gensim's wheel, stop 35: the first pool from outside ../shared/eval) or "reuters" (reuters_pool.py:
Reuters-21578 from the npm registry, stop 37). `drawn`, `build` and
topic_audit's `--lgl SEED` dispatch on the seed, so the commands stay the same:
    python -m benchmarks.audit build --label s24unseen-before --fresh SEED
    python -m benchmarks.topic_audit sample --name s24unseen-before --lgl SEED
Stop 24 appended its held-out seed 20270101 ("wikinews") to `POOLS` first (a stop appends its seed then, never before, so that
nobody builds it early) and draws, builds and judges it before any commit of that stop touches src/ (NOTES.md "Next
held-out pool").
"""

from __future__ import annotations

import html
import random
import xml.etree.ElementTree as ET
from pathlib import Path

from benchmarks.common import EVAL

LGL = EVAL / "geoparsing-news" / "lgl.xml"
#: articles drawn per fresh seed
FRESH_PAGES = 100
#: the fresh draws so far, in the order they were made. A later draw leaves out the articles of the draws before it
#: and the web event set's LGL articles (web_events.lgl_pages, fitted on in stop 21), so its articles were read by
#: nobody: 20261221 was stop 21's held-out draw (a tuning set since stop 22), 20261230 stop 22's (a tuning set since
#: stop 23), 20261231 is stop 23's: it takes 90 of the 97 articles stop 22 left in `reserve()`. 20270702 is half of
#: stop 30's held-out set (with polnear seed 20270701): the 7 English articles stop 23 left. LGL is used up after it.
FRESH_SEEDS = (20261221, 20261230, 20261231, 20270702)
#: seed -> pool, for the draws that are not of LGL (a seed not listed is an LGL seed of FRESH_SEEDS). Append only,
#: never reorder or remove: a pool's draw leaves out the articles of the pool's seeds listed before it.
POOLS: dict[int, str] = {
    20270101: "wikinews",  # stop 24's held-out draw (90 GeoVirus articles)
    20270201: "wikinews",  # stop 25's held-out draw (90 of the 139 GeoVirus articles left)
    20270301: "wikinews",  # stop 26's held-out draw (the 49 GeoVirus articles left: the pool is used up after it)
    20270401: "polnear",  # stop 27's held-out draw (28 of the 42 PolNeAR dev check-part articles; polnear_pool.py)
    20270501: "conll",  # stop 28's held-out draw (36 of the 69 English CoNLL-2003 dev check-part stories; conll_pool.py)
    20270601: "conll",  # stop 29's held-out draw (the 33 English CoNLL-2003 dev check-part stories stop 28 left)
    20270701: "polnear",  # stop 30's held-out draw, with LGL seed 20270702 (the PolNeAR check-part articles stop 27 left)
    20270801: "conll-tune",  # stop 32's held-out draw (36 of the 63 English CoNLL-2003 dev tune-part stories)
    20270802: "polnear-tune",  # stop 32's held-out draw (14 of the 42 PolNeAR dev tune-part articles)
    20270901: "conll-tune",  # stop 33's held-out draw (the 27 English CoNLL-2003 dev tune-part stories stop 32 left)
    20270902: "polnear-tune",  # stop 33's held-out draw (14 of the 28 PolNeAR dev tune-part articles stop 32 left)
    20271001: "polnear-tune",  # stop 33's second held-out draw, after s33 became tuning data (the last 14 articles)
    20271101: "lee",  # stop 35's held-out draw (80 of the 311 English Lee-corpus articles, lee_pool.py: from outside ../shared)
    20271102: "lee",  # stop 35's second held-out draw (80 of the 231 left): judged on the stop's start AND final code
    20271103: "lee",  # stop 35's third held-out draw (80 of the 151 left): judged on the stop's final code only
    20271201: "lee",  # stop 36's held-out draw (the last English Lee articles): judged on the stop's start AND final code
    20271301: "reuters",  # stop 37's held-out draw (80 of 10,127 Reuters-21578 stories, reuters_pool.py): start code
    20271302: "reuters",  # stop 37's second held-out draw (80 of the 10,047 left): judged on the code of 6ed2da8 only
    20271303: "reuters",  # stop 37's third held-out draw (80 of the 9,967 left): judged on the code of 78d83d7 only
    20271304: "reuters",  # stop 37's fourth held-out draw (80 of the 9,887 left): judged on the stop's final code only
    20271305: "reuters",  # stop 38's held-out draw (80 of the 9,807 left): judged on the stop's rules and display cut
    20271306: "reuters",  # stop 38's second held-out draw (80 of the 9,727 left): judged on the same code as 20271305
    20271307: "reuters",  # stop 38's third held-out draw (80 of the 9,647 left): judged on the stop's final code, after
    20271308: "reuters",  # rules from s43/s44's verdicts (raids, rates struck, an index easing); the fourth, fifth and
    20271309: "reuters",  # sixth draws of the stop on the same code, each from what the one before left
    20271310: "reuters",
    20271311: "reuters",  # stop 38's seventh..tenth held-out draws: the final code with the events' layer refit,
    20271312: "reuters",  # nothing else changed; a blind check of that layer's calibration and more shown events
    20271313: "reuters",
    20271314: "reuters",
    20271315: "reuters",  # stop 39's four held-out draws (80 each of the 9,007 left): judged on the stop's final code,
    20271316: "reuters",  # after the co-party, named-party, deal-making, tariff, falling-price and natural-force rules
    20271317: "reuters",
    20271318: "reuters",
    20271319: "reuters",  # stop 39's fifth..eighth held-out draws on the same code (80 each of what s53..s56 left):
    20271320: "reuters",  # their shown events judged blind, for a larger events sample
    20271321: "reuters",
    20271322: "reuters",
    20271323: "reuters",  # stop 39's second round (80 each of the 8,367 left): judged blind on the stop's final code,
    20271324: "reuters",  # after the rules from s53..s60 (accidents, labour strikes, seizures, reports, things as
    20271325: "reuters",  # targets, a party named through another, talks' partners): every asserted event >= 0.5 of
    20271326: "reuters",  # the eight, hidden samples of s61..s64
    20271327: "reuters",
    20271328: "reuters",
    20271329: "reuters",
    20271330: "reuters",
    20271331: "reuters",  # stop 41's held-out draws (80 each of what s39..s68 left): judged blind on stop 40's final
    20271332: "reuters",  # code (9deacaa), after the rules from s39..s68 (weapons tests, creditors' deferrals, firm
    20271333: "reuters",  # names cut at "and", hopes and plans, negated passives): every asserted event >= 0.5 of
    20271334: "reuters",  # the eight, hidden samples of four
    20271335: "reuters",
    20271336: "reuters",
    20271337: "reuters",
    20271338: "reuters",
    20271339: "reuters",  # stop 41's second round (80 each of what s39..s76 left): judged blind after the events'
    20271340: "reuters",  # layer was refit on s69..s76 (the same rules, the display unchanged): every asserted event
    20271341: "reuters",  # >= 0.5 of the eight, hidden samples of four, for the layer's prospective check
    20271342: "reuters",
    20271343: "reuters",
    20271344: "reuters",
    20271345: "reuters",
    20271346: "reuters",
    20271347: "reuters",  # stop 41's third round (80 each of what s39..s84 left): judged blind after the events'
    20271348: "reuters",  # layer was refit on all sixteen draws s69..s84 (the same rules, the display unchanged):
    20271349: "reuters",  # every asserted event >= 0.5 of the eight, hidden samples of four: the refit's check
    20271350: "reuters",
    20271351: "reuters",
    20271352: "reuters",
    20271353: "reuters",
    20271354: "reuters",
    20271355: "reuters",  # stop 41's fourth round (80 each of what s39..s92 left): judged blind after the events'
    20271356: "reuters",  # layer was refit on all 24 draws s69..s92 (the same rules, the display unchanged): every
    20271357: "reuters",  # asserted event >= 0.5 of the eight, hidden samples of four: the refit's check
    20271358: "reuters",
    20271359: "reuters",
    20271360: "reuters",
    20271361: "reuters",
    20271362: "reuters",
    20271363: "reuters",  # stop 41's fifth round (80 each of what s39..s100 left): judged blind on the rules written
    20271364: "reuters",  # from s39..s100 (e23 market acts, e24 own acts/opinions/proposals/reports, e25 actors),
    20271365: "reuters",  # stop 38's layer: every asserted event >= 0.5 of the eight, hidden samples of four
    20271366: "reuters",
    20271367: "reuters",
    20271368: "reuters",
    20271369: "reuters",
    20271370: "reuters",
    20271371: "reuters",  # stop 41's sixth round (80 each of what s39..s108 left): the same code as the fifth, judged
    20271372: "reuters",  # blind for a larger events sample (the five rounds pooled stood at 0.800): every asserted
    20271373: "reuters",  # event >= 0.5 of the eight, hidden samples of four
    20271374: "reuters",
    20271375: "reuters",
    20271376: "reuters",
    20271377: "reuters",
    20271378: "reuters",
    20271379: "reuters",  # stop 41's seventh round (80 each of what s39..s116 left): judged blind after the events'
    20271380: "reuters",  # layer was refit on the 48 draws s69..s116 (the rules of the fifth round): every asserted
    20271381: "reuters",  # event >= 0.5 of the eight, hidden samples of four: the refit's check
    20271382: "reuters",
    20271383: "reuters",
    20271384: "reuters",
    20271385: "reuters",
    20271386: "reuters",
    20271387: "reuters",  # stop 41's eighth round (80 each of what s39..s124 left): the seventh round's code and
    20271388: "reuters",  # layer, judged blind as a second check of the 48-draw layer and for more events
    20271389: "reuters",
    20271390: "reuters",
    20271391: "reuters",
    20271392: "reuters",
    20271393: "reuters",
    20271394: "reuters",
    20271395: "reuters",  # stop 42's round (80 each of what s39..s132 left): stop 41's final code and layer, judged
    20271396: "reuters",  # blind as a third check of the 48-draw layer and for the pooled figures
    20271397: "reuters",
    20271398: "reuters",
    20271399: "reuters",
    20271400: "reuters",
    20271401: "reuters",
    20271402: "reuters",
}
#: articles drawn by the later seeds: fewer, so that a reserve of never-read articles is left for the next draw
LATER_PAGES = 90


def html_leftovers() -> list[str]:
    """fundus / trafilatura-eval pages in neither audit's page list nor any topic draw (empty by construction)."""
    from benchmarks.audit.__main__ import pages as audit_pages
    from benchmarks.audit.web_events import pages as web_pages

    seen = {name for name, *_ in audit_pages()} | {name for name, *_ in web_pages()}
    every = [f"fundus/{p.relative_to(EVAL / 'fundus-parser-testdata')}" for p in (EVAL / "fundus-parser-testdata").rglob("*.html*")]
    every += [f"trafilatura/{p.name.removesuffix('.gz')}" for p in (EVAL / "trafilatura-eval" / "html").iterdir()]
    left = sorted(n for n in every if n not in seen)
    if left:  # only then is it worth drawing the topic pages to leave out
        left = sorted(set(left) - topic_pages())
    return left


def topic_pages() -> set[str]:
    from benchmarks import topic_audit as ta

    out = set()
    for seed in (ta.SEED, *ta.FRESH_SEEDS):
        for p in ta.drawn(seed):
            rel = p.relative_to(EVAL)
            out.add(f"fundus/{rel.relative_to('fundus-parser-testdata')}" if rel.parts[0] == "fundus-parser-testdata"
                    else f"trafilatura/{p.name.removesuffix('.gz')}")
    return out


def lgl_articles() -> list[dict]:
    """Every LGL article: input name `lgl/<docid>`, publisher, url, published time, title, text (title removed)."""
    out = []
    for art in ET.parse(LGL).getroot().iter("article"):
        title = (art.findtext("title") or "").strip()
        text = (art.findtext("text") or "").strip()
        if title and text.startswith(title):
            text = text[len(title):].lstrip(". ").strip()
        out.append({"input": f"lgl/{art.get('docid')}", "unit": (art.findtext("domain") or "").strip(),
                    "url": (art.findtext("url") or "").strip(), "published": _iso(art.findtext("dltime") or ""),
                    "title": title, "text": text})
    return out


def _iso(dltime: str) -> str:
    """'2009-03-20 12:24:52.002364-05' -> '2009-03-20T12:24:52-05:00'."""
    day, _, rest = dltime.strip().partition(" ")
    clock, sign, tz = rest[:8], rest[-3:-2], rest[-2:]
    return f"{day}T{clock}{sign}{tz}:00" if sign in ("+", "-") else day


def page(art: dict) -> bytes:
    """The article as a minimal web page: its title, its published time, its text as one paragraph."""
    t = html.escape(art["title"])
    # a pool without titles (lee_pool) gets no empty <title> or <h1> that an extractor could read as one
    head, h1 = (f"<title>{t}</title>", f"<h1>{t}</h1>") if t else ("", "")
    # a pool that keeps paragraphs (polnear_pool) gets one <p> each; LGL and GeoVirus texts stay one paragraph
    body = "</p><p>".join(html.escape(p) for p in art.get("paragraphs") or [art["text"]])
    # every LGL article has a time; an article without one gets no empty meta tag
    when = f'<meta property="article:published_time" content="{art["published"]}">' if art["published"] else ""
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8">{head}'
            f'{when}</head>'
            f"<body><article>{h1}<p>{body}</p></article></body></html>").encode()


def pool_of(seed: int) -> str:
    """The pool a seed draws from: its `POOLS` entry, else "lgl"."""
    return POOLS.get(seed, "lgl")


def drawn(seed: int) -> list[dict]:
    """The FRESH_PAGES candidates drawn with `seed`, in input-name order (a `POOLS` seed: that pool's draw)."""
    from benchmarks.audit.__main__ import english

    if html_leftovers():
        raise SystemExit("fresh draw: HTML pages outside every audit exist now; add them to the pool (fresh.py)")
    if pool_of(seed) != "lgl":
        from benchmarks.audit import (
            conll_pool,
            conll_tune_pool,
            lee_pool,
            news_pool,
            polnear_pool,
            polnear_tune_pool,
            reuters_pool,
            wikinews_pool,
        )

        pools = {m.POOL: m for m in (news_pool, wikinews_pool, polnear_pool, conll_pool, conll_tune_pool,
                                     polnear_tune_pool, lee_pool, reuters_pool)}
        if pool_of(seed) not in pools:
            raise SystemExit(f"fresh draw: unknown pool {pool_of(seed)!r} of seed {seed}")
        return pools[pool_of(seed)].drawn(seed)
    cands = sorted((a for a in lgl_articles() if english(a["text"])), key=lambda a: a["input"])
    n = FRESH_PAGES
    if seed in FRESH_SEEDS[1:]:
        taken = used_before(seed)
        cands, n = [a for a in cands if a["input"] not in taken], LATER_PAGES
    return sorted(random.Random(seed).sample(cands, min(n, len(cands))), key=lambda a: a["input"])


def used_before(seed: int) -> set[str]:
    """Input names of the LGL articles read before the draw of `seed`: the earlier fresh draws and the web event set."""
    from benchmarks.audit.web_events import lgl_pages

    taken = {a["input"] for s in FRESH_SEEDS[: FRESH_SEEDS.index(seed)] for a in drawn(s)}
    return taken | {name for name, _, _ in lgl_pages()}


def reserve() -> list[str]:
    """English LGL articles in no draw and not in the web event set: the pool of the next held-out draw."""
    from benchmarks.audit.__main__ import english

    taken = used_before(FRESH_SEEDS[-1]) | {a["input"] for a in drawn(FRESH_SEEDS[-1])}
    return sorted(a["input"] for a in lgl_articles() if english(a["text"]) and a["input"] not in taken)


def build(label: str, seed: int) -> Path:
    """Records of the fresh draw in WORK/<label>.jsonl, each with its `audit_unit` (the publisher)."""
    from benchmarks.audit.__main__ import write_records

    arts = drawn(seed)
    return write_records(label, build_raws(seed, arts), {a["input"]: a["unit"] for a in arts})


def build_raws(seed: int, arts: list[dict] | None = None) -> list:
    """The draw's pages as the build analyses them (benchmarks/event_parse_rows.py rebuilds them the same way)."""
    from newsgraph.records import RawDocument

    return [RawDocument(input=a["input"], data=page(a), kind="html", url=a["url"] or None) for a in arts or drawn(seed)]
