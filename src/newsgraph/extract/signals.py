"""The body candidates of one HTML page and the signals that compare them.

Why: each extractor fails in its own way (a density score picks a teaser list or half a story split over two
containers; trafilatura drops a paragraph it takes for boilerplate or keeps a caption; a JSON-LD articleBody may
be a truncated teaser; the line classifier of text dumps may stop at a crosshead). Where two extractors that
work differently agree, the text they share is very likely the story, on any publisher. The signals here are
about agreement (shingle overlap between candidates) and shape (how dominant the density container is), never
about a publisher's markup or wording, so they carry to publishers nobody tuned on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from selectolax.lexbor import LexborHTMLParser

_WORD = re.compile(r"\w+", re.U)


@dataclass
class Candidate:
    name: str
    paragraphs: list[str] = field(default_factory=list)
    heads: list[str] = field(default_factory=list)

    @cached_property
    def shingles(self) -> frozenset[tuple[str, ...]]:
        return frozenset(shingles(" ".join(self.paragraphs)))

    @cached_property
    def words(self) -> int:
        return sum(len(_WORD.findall(p)) for p in self.paragraphs)


def shingles(text: str, n: int = 4) -> set[tuple[str, ...]]:
    """Lowercased word n-grams (\\w+ tokens); a text shorter than n words is one shingle of all its words."""
    w = _WORD.findall(text.lower())
    return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)} if len(w) >= n else ({tuple(w)} if w else set())


def contained(a: Candidate, b: Candidate) -> float:
    """Share of `a`'s shingles that `b` holds too (0 when either is empty)."""
    return len(a.shingles & b.shingles) / len(a.shingles) if a.shingles and b.shingles else 0.0


def agree(a: Candidate, b: Candidate) -> float:
    """Shingle F1 between two candidates: 1 when they hold the same text, 0 when disjoint or one is empty."""
    if not a.shingles or not b.shingles:
        return 0.0
    return 2 * len(a.shingles & b.shingles) / (len(a.shingles) + len(b.shingles))


@dataclass
class Candidates:
    """The candidates of one page: dom (density), ld (JSON-LD articleBody), lines (the text-dump classifier over
    the page's lines), trafilatura (run only when asked: it costs most of the time of a page)."""

    dom: Candidate
    dom_share: float = 0.0
    dom_cover: float = 0.0
    ld: Candidate | None = None
    lines: Candidate | None = None
    trafilatura: Candidate | None = None

    def names(self) -> list[str]:
        return [c.name for c in (self.dom, self.ld, self.lines, self.trafilatura) if c is not None and c.paragraphs]

    def get(self, name: str) -> Candidate:
        return next(c for c in (self.dom, self.ld, self.lines, self.trafilatura) if c is not None and c.name == name)


def candidates(tree: LexborHTMLParser, html: str, url: str | None, ld_body: str | None = None, run_trafilatura: bool = False, lines: bool = True) -> Candidates:
    """All candidates of a page. The tree is changed (the density candidate strips scripts and navigation)."""
    from newsgraph.extract.density import dom_candidate
    from newsgraph.extract.html import ld_paragraphs, trafilatura_paragraphs

    if ld_body is None:
        from newsgraph.extract.jsonld import parse_jsonld

        ld = parse_jsonld([n.text() for n in tree.css("script[type='application/ld+json']")])
        ld_body = ld.body if ld else None
    line_cand = None
    if lines:
        line_cand = lines_candidate(html)
    d = dom_candidate(tree)
    out = Candidates(Candidate("dom", d.paragraphs, d.heads), d.share, d.cover)
    if ld_body and len(ld_body) >= 200:
        out.ld = Candidate("ld", ld_paragraphs(ld_body), [])
    out.lines = line_cand
    if run_trafilatura:
        paras, heads = trafilatura_paragraphs(html, url)
        out.trafilatura = Candidate("trafilatura", paras, heads)
    return out


def lines_candidate(html: str) -> Candidate | None:
    """The text-dump classifier (text.py) over the page rendered one line per block: an extractor that judges
    lines by their shape and position, not by the DOM, so its errors are not the density score's."""
    from newsgraph.errors import InputError
    from newsgraph.extract.lines import page_lines
    from newsgraph.extract.text import extract_text
    from newsgraph.records import RawDocument

    try:
        ex = extract_text("\n".join(page_lines(html)), RawDocument(input="page", data=b"", kind="text"))
    except InputError:
        return None
    return Candidate("lines", ex.body.split("\n\n"), list(ex.crossheads))


def features(c: Candidates) -> dict[str, float]:
    """The numbers a selection rule may look at: dominance of the density container, size of each candidate, and
    every pairwise agreement (F1) and containment."""
    f: dict[str, float] = {"dom_share": c.dom_share, "dom_cover": c.dom_cover}
    present = [x for x in (c.dom, c.ld, c.lines, c.trafilatura) if x is not None and x.paragraphs]
    for x in present:
        f[f"{x.name}_words"] = x.words
    for i, a in enumerate(present):
        for b in present[i + 1 :]:
            f[f"agree_{a.name}_{b.name}"] = agree(a, b)
            f[f"in_{a.name}_{b.name}"] = contained(a, b)
            f[f"in_{b.name}_{a.name}"] = contained(b, a)
    return f
