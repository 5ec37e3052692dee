"""A fast main-text candidate: DOM scoring over one selectolax (lexbor) tree, no second parse.

Why: trafilatura costs 40-70 ms a page (it parses with lxml, prunes, and runs readability and jusText as
fallbacks); on most news pages the story is one container of <p> elements that a density score finds in a
few milliseconds. The candidate says how sure it is, and html.py uses it alone only when it is sure.

Score: every text block (p, h2-h4, blockquote, li, pre) with few link words adds its word count to its parent
(full) and grandparent (half), as readability does; the container with the highest score wins. Confidence:
the share of all low-link block text on the page that lies inside the winner (a clear dominant container),
the share of the container's own words its kept blocks hold (text loose in <div>/<br> is missed here), and,
when the page declares a JSON-LD articleBody, agreement with it (html.py holds the thresholds).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsgraph.extract.vocab import vocab

#: elements whose text is never article text
_DROP = "script, style, noscript, template, nav, aside, footer, form, iframe, svg, button, select, figure, figcaption"
_BLOCKS = "p, h2, h3, h4, h5, h6, blockquote, li, pre"
_HEADS = {"h2", "h3", "h4", "h5", "h6"}
#: a sibling of the winning container joins it when its own score is at least this share of the winner's
#: (readability's sibling step: a story split into a lead box and a body box, or body and "continued" boxes)
SIBLING_SHARE = 0.2
_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+", re.U)
#: class/id hints of containers that hold teasers, comments or promos rather than the story
_UNLIKELY = re.compile(
    r"comment|related|recommend|promo|newsletter|sidebar|share|social|teaser|outbrain|taboola|popular|trending|"
    r"most-read|mostread|subscribe|signup|sign-up|advert|sponsor|footer|breadcrumb|caption|credit|byline|author-bio",
    re.I,
)


@dataclass
class DomCandidate:
    paragraphs: list[str] = field(default_factory=list)
    heads: list[str] = field(default_factory=list)
    share: float = 0.0  # share of the page's low-link block words inside the chosen container
    words: int = 0
    cover: float = 0.0  # share of the container's own words that the kept blocks hold (loose text, <br> lines)


def _hint(node: LexborNode) -> str:
    a = node.attributes
    return f"{a.get('class') or ''} {a.get('id') or ''}"


def _unlikely(node: LexborNode, stop: int, memo: dict[int, bool]) -> bool:
    """A block inside a teaser/comment/promo container below the chosen container (`stop` is its mem_id)."""
    n = node.parent
    seen = []
    found = False
    while n is not None and n.mem_id != stop and n.tag not in ("body", "html"):
        key = n.mem_id
        if key in memo:
            found = memo[key]
            break
        seen.append(key)
        if n.tag not in ("article", "main") and _UNLIKELY.search(_hint(n)):
            found = True
            break
        n = n.parent
    for key in seen:
        memo[key] = found
    return found


def _text(node: LexborNode) -> str:
    """The block's text as a reader sees it: inline elements joined without a space ("<b>Wor</b>d" is one word),
    <br> a space (made a text node by dom_candidate)."""
    return _WS.sub(" ", node.text() or "").strip()


def dom_candidate(tree: LexborHTMLParser) -> DomCandidate:
    """The paragraphs of the page's densest text container, with how dominant that container is.

    The tree is changed (scripts, navigation, figures removed): read metadata from it first."""
    root = tree.body
    if root is None:
        return DomCandidate()
    for n in root.css(_DROP):
        n.decompose()
    for n in root.css("br"):
        n.replace_with("\n")
    blocks: list[tuple[LexborNode, str, int]] = []
    scores: dict[int, float] = {}
    nodes: dict[int, LexborNode] = {}
    total = 0
    for b in root.css(_BLOCKS):
        if b.tag in ("li", "blockquote") and b.css_first("p"):
            continue  # its <p> children are counted themselves
        if b.tag in ("li", "blockquote") and b.parent is not None and b.parent.tag in ("li", "blockquote"):
            continue
        text = _text(b)
        words = len(_WORD.findall(text))
        if not words:
            continue
        link_words = sum(len(_WORD.findall(a.text() or "")) for a in b.css("a"))
        if link_words > 0.5 * words:
            continue
        blocks.append((b, text, words))
        if b.tag not in ("p", "blockquote", "pre") or words < 8:
            continue  # only running text scores a container
        total += words
        p = b.parent
        for weight in (1.0, 0.5):
            if p is None or p.tag in ("html",):
                break
            key = p.mem_id
            nodes[key] = p
            scores[key] = scores.get(key, 0.0) + weight * words
            p = p.parent
    if not scores:
        return DomCandidate()
    best_key = max(scores, key=scores.__getitem__)
    best = nodes[best_key]
    region = _region(best, scores[best_key], scores, {b.mem_id for b, _, w in blocks if b.tag == "p" and w >= 8})
    inside: list[tuple[str, bool]] = []
    words_in = 0
    memo: dict[int, bool] = {}
    direct: dict[int, int] = {}  # words of running text per parent: the story's own paragraph parent
    for b, _, words in blocks:
        if b.tag == "p" and words >= 8 and b.parent is not None:
            direct[b.parent.mem_id] = direct.get(b.parent.mem_id, 0) + words
    story_parent = max(direct, key=direct.__getitem__) if direct else None
    teaser = vocab().teaser
    skipping = False
    for b, text, words in blocks:
        stop = _inside(b, region)
        if stop is None:
            continue
        if _unlikely(b, stop, memo):
            continue
        if words <= 6 and teaser.match(text.lower().strip(" :|>\u00bb\u203a")):
            skipping = True  # "Most read", "Related": a panel heading; its items follow, outside the story's parent
            continue
        if skipping:
            if b.tag != "p" or b.parent is None or b.parent.mem_id != story_parent:
                continue
            skipping = False
        inside.append((text, b.tag in _HEADS))
        if b.tag in ("p", "blockquote", "pre") and words >= 8:
            words_in += words
    paras = [t for t, _ in inside]
    heads = [t for t, h in inside if h]
    words = sum(len(_WORD.findall(p)) for p in paras)
    own = sum(len(_WORD.findall(n.text(separator=" ") or "")) for n in region.values())
    return DomCandidate(paras, heads, words_in / total if total else 0.0, words, words / own if own else 0.0)


def _region(best: LexborNode, best_score: float, scores: dict[int, float], running: set[int]) -> dict[int, LexborNode]:
    """The winning container and the siblings that continue it: a sibling scoring at least SIBLING_SHARE of
    the winner, or a paragraph of running text (or a box holding little else) beside it: a lead outside the
    body box."""
    region = {best.mem_id: best}
    parent = best.parent
    if parent is None or best.tag in ("body", "html"):
        return region
    n = parent.child
    while n is not None:
        if n.mem_id != best.mem_id and n.tag and not n.tag.startswith("-"):
            score = scores.get(n.mem_id, 0.0)
            if score >= SIBLING_SHARE * best_score or n.mem_id in running or (score >= 8 and _mostly_running(n, score)):
                if not _UNLIKELY.search(_hint(n)):
                    region[n.mem_id] = n
        n = n.next
    return region


def _mostly_running(node: LexborNode, score: float) -> bool:
    """A small box that is nothing but running text (a lead or intro box), not a panel of links and labels."""
    return len(_WORD.findall(node.text(separator=" ") or "")) <= 1.25 * score


def _inside(node: LexborNode, region: dict[int, LexborNode]) -> int | None:
    """The mem_id of the region member holding `node` (the node itself counts), or None."""
    n = node
    while n is not None:
        if n.mem_id in region:
            return n.mem_id
        n = n.parent
    return None
