"""`html` kind: the article body from competing candidates, metadata from the page's own declarations.

Body: a DOM-density candidate (density.py, a few ms on the lexbor tree already parsed for the metadata) is used
alone when it is sure and a second opinion agrees: its container holds most of the page's running text, its
blocks cover the container, and it agrees with the JSON-LD articleBody when there is one, else with the
text-dump line classifier run over the page's lines (signals.py). Otherwise trafilatura's main-text tree is the
first candidate (its <head> elements become crossheads, kept as
their own paragraphs); the JSON-LD `articleBody` is an independent second one. When both exist and agree on
most of the text, paragraphs of trafilatura that the JSON-LD body does not contain at all (captions, "Read
more" links, promos that slipped through) are dropped; when trafilatura finds little, the JSON-LD body is used.
Metadata: metadata.py (JSON-LD, og:/article: meta, microdata, bylines, breadcrumbs, figure captions).
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from newsgraph.errors import InputError
from newsgraph.extract import metadata as M
from newsgraph.extract.boundary import page_url, same_page_canonical
from newsgraph.extract.dates import parse_date
from newsgraph.extract.density import dom_candidate
from newsgraph.extract.flatten import flatten_deep
from newsgraph.extract.jsonld import parse_jsonld
from newsgraph.extract.signals import Candidate, agree, lines_candidate, shingles
from newsgraph.extract.text import FURNITURE, WIRE_LEAD, classify_line, clean_line
from newsgraph.records import Extracted, RawDocument
from newsgraph.settings import get_settings

_WORD = re.compile(r"\w+", re.U)
_CREDIT_LINE = re.compile(r"^(?:source|sources|agency|agencies)\s*:\s*(?P<v>.{2,60})$", re.I)


def trafilatura_paragraphs(html: str, url: str | None) -> tuple[list[str], list[str]]:
    """(paragraphs, crossheads) from trafilatura's result tree."""
    import trafilatura  # here, not at the top: most pages never need it, and a one-page run saves its import

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=False, include_comments=False, include_tables=True, include_images=False
    )
    if doc is None or doc.body is None:
        return [], []
    paragraphs, heads = [], []
    for el in doc.body:
        if el.tag == "list":
            items = [clean_line(" ".join(i.itertext())) for i in el.iter("item")]
            paragraphs += [i for i in items if i]
            continue
        if el.tag == "table":
            for row in el.iter("row"):
                cells = [clean_line(" ".join(c.itertext())) for c in row.iter("cell")]
                line = " | ".join(c for c in cells if c)
                if line:
                    paragraphs.append(line)
            continue
        if el.tag in ("graphic", "ref"):
            continue
        text = clean_line(" ".join(el.itertext()))
        if not text:
            continue
        paragraphs.append(text)
        if el.tag == "head":
            heads.append(text)
    return paragraphs, heads


def ld_paragraphs(body: str) -> list[str]:
    parts = [clean_line(p) for p in re.split(r"\n+|(?<=[.!?\"\u201d])\s{2,}", body)]
    return [p for p in parts if p]


def merge_body(paras: list[str], heads: list[str], ld_body: str | None) -> tuple[list[str], list[str]]:
    """Choose/merge the trafilatura paragraphs and the JSON-LD articleBody by agreement."""
    if not ld_body or len(ld_body) < 200:
        return paras, heads
    ld_sh = shingles(ld_body)
    tr_sh = shingles(" ".join(paras))
    if not tr_sh:
        return ld_paragraphs(ld_body), []
    covered = len(tr_sh & ld_sh) / len(tr_sh)  # how much of trafilatura's text the JSON-LD body holds
    found = len(tr_sh & ld_sh) / len(ld_sh)  # how much of the JSON-LD body trafilatura found
    if found < 0.5 and len(ld_body) > 1.5 * len(" ".join(paras)):
        return ld_paragraphs(ld_body), []
    if covered >= 0.7 and found >= 0.8:
        keep = []
        for p in paras:
            sh = shingles(p)
            if p in heads or not sh or len(sh & ld_sh) / len(sh) >= 0.3:
                keep.append(p)
        return keep, [h for h in heads if h in keep]
    return paras, heads


#: The fast-path thresholds were chosen on the tuning part of the split (benchmarks/splits.py) among a small grid,
#: requiring the fast path on at least 55% of pages (speed), and judged on the check part; the measurements:
#: `python -m benchmarks.body_candidates --out X` then `--report X`.
#: the DOM candidate is used alone when its container holds this share of the page's running text ...
FAST_SHARE = 0.7
#: ... and at least this many words ...
FAST_MIN_WORDS = 100
#: ... and its kept blocks hold this share of the container's words (else loose text or <br> lines are missed) ...
FAST_COVER = 0.7
#: ... and a second opinion agrees with it (shingle F1): the JSON-LD articleBody when the page declares one ...
FAST_LD_AGREE = 0.8
#: ... else the text-dump line classifier run over the page's own lines (signals.lines_candidate)
FAST_LINES_AGREE = 0.8


def choose_body(tree: LexborHTMLParser, html: str, url: str | None, ld_body: str | None, fast: bool = True) -> tuple[list[str], list[str], str]:
    """(paragraphs, crossheads, which candidate): the DOM-density candidate when it is sure of itself and an
    independent extractor agrees with it, else trafilatura.

    Why a second opinion: on a publisher nobody tuned on, a dominant container can still be the wrong one (a
    second story, a comment thread) or half the story; the density score cannot see that, but an extractor that
    fails differently (the page's own articleBody, or the line classifier that judges text by its shape) rarely
    picks the same wrong text. Thresholds are chosen on the tuning part of the split (benchmarks/splits.py) and
    judged on the check part (benchmarks/body_candidates.py holds the measurements)."""
    if fast:
        d = dom_candidate(tree)
        dom = Candidate("dom", d.paragraphs, d.heads)
        if d.share >= FAST_SHARE and dom.words >= FAST_MIN_WORDS and d.cover >= FAST_COVER:
            if ld_body and len(ld_body) >= 200:
                second, threshold = Candidate("ld", ld_paragraphs(ld_body)), FAST_LD_AGREE
            else:
                second, threshold = lines_candidate(html), FAST_LINES_AGREE
            if second is not None and agree(dom, second) >= threshold:
                return dom.paragraphs, dom.heads, f"dom+{second.name}"
    paras, heads = trafilatura_paragraphs(html, url)
    return paras, heads, "trafilatura"


def extract_html(html: str, raw: RawDocument, fast: bool = True) -> Extracted:
    """One lexbor parse serves the metadata and then (changed in place) the DOM body candidate."""
    tree = LexborHTMLParser(html)
    if flatten_deep(tree, input=raw.input, max_elements=get_settings().max_elements):  # nesting deeper than lxml (trafilatura) reads: its text is kept, its depth is not
        html = tree.html or ""
    ld = parse_jsonld([n.text() for n in tree.css("script[type='application/ld+json']")])
    canonical = M.clean(M.S.first(tree, "canonical"))
    # only http(s) (boundary.py); the canonical link names the page when it can (one page, one id, whatever URL)
    url = page_url(raw.input, same_page_canonical(raw.url, canonical), raw.url, canonical)
    sites = M.site_names(tree, ld, url)
    published, modified = M.choose_dates(tree, ld, html, url)
    ex = Extracted(
        input=raw.input,
        body="",
        title=M.choose_title(tree, ld, sites),
        url=url,
        source_name=M.clean(sites[0]) if sites and not sites[0].islower() else None,
        source_domain=M.domain(url),
        section=M.choose_section(tree, ld),
        standfirst=M.choose_standfirst(tree, ld),
        authors=M.choose_authors(tree, ld),
        published=published,
        modified=modified,
        declared_language=M.language(tree, ld),
        images=M.figures(tree),
        kind="html",
    )
    titles = {_key(v) for _, v in M.S.every(tree, "title")} | {_key(ex.title)} | ({_key(ld.headline)} if ld else set())
    paras, heads, _ = choose_body(tree, html, url, ld.body if ld else None, fast)
    paras, heads = merge_body(paras, heads, ld.body if ld else None)
    if not paras:
        raise InputError(raw.input, "no article text found in the HTML")
    ex.crossheads = heads
    ex.agency = _agency(paras, ld)
    paras = _trim(paras, ex, titles - {""})
    if not paras:
        raise InputError(raw.input, "no article text found in the HTML")
    ex.body = "\n\n".join(paras)
    ex.crossheads = [h for h in heads if h in paras]
    return ex


def _key(text: str | None) -> str:
    return re.sub(r"\W", "", (text or "").lower())


_PHOTO_CREDIT = re.compile(r"^(?:image|photo(?:graph)?|picture|pic|credit|foto|bild|video)s?\s*(?:credit)?\s*:\s*\S.{0,60}$", re.I)
_FILES_FROM = re.compile(r"^with files from (?P<v>.{2,80}?)\.?$", re.I)
_SENTENCE_END = re.compile(r"[.!?:\u2026][\"'\u201d\u2019)\]]*$")


def _short_label(p: str) -> bool:
    """A kicker/label line: a few words, no sentence end ("MIDDLE EAST CRISIS", "World", "Summary")."""
    return len(p.split()) <= 6 and not _SENTENCE_END.search(p)


def _trim(paras: list[str], ex: Extracted, titles: set[str]) -> list[str]:
    """Drop what the metadata already holds or what is page furniture around the story: a leading
    headline/standfirst/kicker/date, credit and photo-credit lines, captions, furniture lines, and a teaser
    panel ("More from X", "Popular") with everything under it in the second half of the text."""
    heads = set(ex.crossheads)
    keys = titles | {_key(ex.standfirst)}
    captions = {_key(i.caption) for i in ex.images} | {_key(f"{i.caption} {i.credit}") for i in ex.images if i.credit}
    lead = 0
    while lead < min(len(paras), 4) and (
        _key(paras[lead]) in keys
        or (len(paras[lead].split()) <= 12 and parse_date(paras[lead]) and len(paras[lead]) < 60)
        or (_short_label(paras[lead]) and lead + 1 < len(paras) and (_key(paras[lead + 1]) in keys or _short_label(paras[lead + 1])))
        or (not _WORD.search(paras[lead]))
    ):
        lead += 1
    paras = paras[lead:]
    out: list[str] = []
    for n, p in enumerate(paras):
        kind = classify_line(p).kind if p not in heads else "head"
        if kind == "panel" and n >= len(paras) / 2:
            break
        m = _FILES_FROM.match(p)
        if m:
            ex.agency = ex.agency or m.group("v")
            continue
        if _key(p) in captions or _CREDIT_LINE.match(p) or _PHOTO_CREDIT.match(p) or not _WORD.search(p):
            continue
        if kind in FURNITURE:
            continue  # "Sign up for our newsletter", "Share", "Related stories" that slipped into the main text
        out.append(p)
    return out


def _agency(paras: list[str], ld) -> str | None:
    """Wire credit: a "Source: X" line, a "CITY (Reuters) -" lead, or an organisation as the JSON-LD author."""
    for p in paras[-3:]:
        m = _CREDIT_LINE.match(p)
        if m:
            return m.group("v").strip()
    m = WIRE_LEAD.match(paras[0]) if paras else None
    if m:
        return m.group("agency").strip()
    if ld and ld.author_orgs and not ld.authors:
        return ld.author_orgs[0]
    return None
