"""Is this extracted page an article, and which kind: index pages, error, consent and paywall pages are not.

Why: an extractor always finds *some* text. A section front gives its teasers, a 404 page its apology, a consent
wall its cookie notice, a paywall stub two sentences and "subscribe to continue": each would become a record that
looks like an article and is not. Live blogs, listicles and galleries are articles, but users filter them, so
they get `page_type`.

Evidence, in order of strength: what the page declares (JSON-LD `@type`, `og:type`, `isAccessibleForFree`), its
shape (headline links against running text, time-stamped entries, images against words, numbered crossheads),
and phrases (data/pagekinds.tsv, several languages) that only count on short bodies, where they are the page's
main content and not a sentence of a story. Every threshold is named below with why it has its value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from newsgraph.records import Extracted

#: og:type is looked for in the page's first this many characters (its <head>).
HEAD_CHARS = 200_000
#: Index page: at least this many headline links (a link inside a heading, or a heading inside a link)...
INDEX_MIN_HEADLINES = 10
#: ... and fewer body words per headline link than this: a story with a rail of 20 related links has 600+ words
#: (30 per link); a section front's extracted "body" is teasers of one sentence each.
INDEX_WORDS_PER_HEADLINE = 15
#: Without a declaration or an index-like URL (a saved page that says nothing about itself) the shape alone must be
#: stronger: this many headline links and fewer words per link than INDEX_WORDS_PER_HEADLINE_ALONE.
INDEX_MIN_HEADLINES_ALONE = 20
INDEX_WORDS_PER_HEADLINE_ALONE = 8
#: Running text: an index page's teasers are one or two sentences; a paragraph this long (word units) is a story's.
RUNNING_PARAGRAPH = 60
#: Error, consent and paywall phrases count only on bodies shorter than these (words): on a longer body they are a
#: sentence of a story ("the page was not found in the archive") or a footer left in.
ERROR_MAX_WORDS = 150
CONSENT_MAX_WORDS = 400
PAYWALL_MAX_WORDS = 150
#: A first paragraph this short (words) is read as a heading ("Page not found") for the error phrases.
HEADING_WORDS = 12
#: Consent page: at least this share of its paragraphs speak of cookies, consent, partners...
CONSENT_SHARE = 0.5
#: ... in at least this many distinct consent phrases ("cookies", "our partners", "accept all"): a consent wall names
#: its cookies, partners, choices and policy, while a short story that mentions consent names one (stop 35: a real
#: one-paragraph story of 152 words about a law on a patient's consent was refused). (A notice too short to
#: name two, "This site uses cookies.", never gets here: extraction finds no article text in it.)
CONSENT_MIN_PHRASES = 2
#: Live blog: at least this many paragraphs start with a time stamp ("10:42", "14.05 Uhr").
LIVE_MIN_ENTRIES = 5
#: Gallery: at least this many images, with fewer body words per image than GALLERY_WORDS_PER_IMAGE.
GALLERY_MIN_IMAGES = 8
GALLERY_WORDS_PER_IMAGE = 20
#: Listicle: at least this many numbered crossheads ("1. ...", "2) ..."), or a title that starts with a count
#: ("11 places to ...") over at least this many crossheads (a count in a title alone is often just a figure).
LISTICLE_MIN_ITEMS = 3

_INDEX_TYPES = {"CollectionPage", "ItemList", "SearchResultsPage", "WebSite"}
#: A path segment of one story: a long slug (three hyphens), a number of 4+ digits, or a file name.
_STORY_SEGMENT = re.compile(r"(?:[^-]+-){3}|\d{4,}|\.\w{2,5}$")
_ARTICLE_TYPES = re.compile(r"(?:Article|BlogPosting|Report)$")
_LD_TYPE = re.compile(r'"@type"\s{0,20}:\s{0,20}(?:\[\s{0,20})?"([A-Za-z]{1,60})"')
# Bounded repeats everywhere: a hostile page (a megabyte inside one tag) must not make a regex quadratic.
_OG_TYPE = re.compile(r"""<meta[^>]{0,200}?property\s*=\s*["']og:type["'][^>]{0,200}?content\s*=\s*["']([^"']{1,50})""", re.I)
_NOT_FREE = re.compile(r'"isAccessibleForFree"\s*:\s*(?:false|"false"|"False")')
_HEADLINE_LINKS = re.compile(
    r"<h[1-6][^>]{0,200}>\s{0,50}(?:<(?!/h)[^>]{0,200}>\s{0,50}){0,4}<a\s[^>]{0,200}>\s{0,50}(?:<[^>]{0,200}>\s{0,50}){0,4}[^<\s][^<]{14}"
    r"|<a\s[^>]{0,200}>\s{0,50}(?:<(?!/a)[^>]{0,200}>\s{0,50}){0,4}<h[1-6][^>]{0,200}>\s{0,50}(?:<[^>]{0,200}>\s{0,50}){0,4}[^<\s][^<]{14}",
    re.I)
_TIME_STAMP = re.compile(r"^\s*(?:[01]?\d|2[0-3])[:.h][0-5]\d\b")
_NUMBERED = re.compile(r"^\s*\d{1,3}\s*[.)]\s+\S")
_TITLE_COUNT = re.compile(r"^\s*(?:the\s+)?(\d{1,3})\s+(?!%|percent|per\b|years?\b|months?\b|days?\b|hours?\b|people\b)[^\W\d]", re.I)


@dataclass(frozen=True)
class Verdict:
    """`not_article`: what the page is instead ("an index page (42 headlines, 310 words)"), or None;
    `page_type`: article | liveblog | listicle | gallery."""

    not_article: str | None
    page_type: str = "article"


@lru_cache(maxsize=1)
def _phrases() -> dict[str, re.Pattern]:
    text = resources.files("newsgraph.extract").joinpath("data/pagekinds.tsv").read_text(encoding="utf-8")
    sections: dict[str, list[str]] = {}
    current = ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        sections.setdefault(current, []).append(line)
    return {k: re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in sorted(v, key=len, reverse=True)) + r")(?!\w)",
                          re.I) for k, v in sections.items()}


def judge(ex: Extracted, html: str | None = None) -> Verdict:
    """The verdict on one extracted page; `html` (the decoded page) adds what the markup declares and its shape."""
    paras = [p for p in ex.body.split("\n\n") if p.strip()]
    words = _units(ex.body)
    types = set(_LD_TYPE.findall(html)) if html else set()
    og_match = _OG_TYPE.search(html, 0, HEAD_CHARS) if html else None
    og = og_match.group(1).lower() if og_match else ""
    article_typed = og == "article" or any(_ARTICLE_TYPES.search(t) for t in types)
    # where an error page says so: its title, or a first line that is a heading, not a story's sentence
    first = paras[0] if paras and _units(paras[0]) <= HEADING_WORDS else ""
    head = " ".join(x for x in (ex.title or "", first) if x)
    ph = _phrases()
    if words < ERROR_MAX_WORDS and ph["error"].search(head):
        return Verdict(f"an error page ({_quote(ph['error'].search(head).group())}, {words} words)")
    if words < CONSENT_MAX_WORDS and paras:
        found = [ph["consent"].findall(p) for p in paras]
        share = sum(1 for f in found if f) / len(paras)
        distinct = {m.lower().rstrip("s") for f in found for m in f}  # "cookie" and "cookies" are one phrase
        if share >= CONSENT_SHARE and len(distinct) >= CONSENT_MIN_PHRASES:
            return Verdict(f"a cookie or consent page ({words} words, {share:.0%} of paragraphs about consent)")
    if words < PAYWALL_MAX_WORDS and (ph["paywall"].search(ex.body) or (html and _NOT_FREE.search(html))):
        return Verdict(f"a paywall stub ({words} words of the article shown)")
    story_url = bool(ex.url) and not _index_url(ex.url)  # one story's address: never an index
    if html and not article_typed and not story_url and max((_units(p) for p in paras), default=0) < RUNNING_PARAGRAPH:
        headlines = len(_HEADLINE_LINKS.findall(html))
        declared = og == "website" or bool(types & _INDEX_TYPES) or _index_url(ex.url)
        least, per = ((INDEX_MIN_HEADLINES, INDEX_WORDS_PER_HEADLINE) if declared
                      else (INDEX_MIN_HEADLINES_ALONE, INDEX_WORDS_PER_HEADLINE_ALONE))
        if headlines >= least and words < per * headlines:
            return Verdict(f"an index or section page ({headlines} headline links, {words} words of text)")
    return Verdict(None, _page_type(ex, paras, words, types))


def _units(text: str) -> int:
    """Length in words; a script written without spaces (Chinese, Japanese) counts two characters as a word."""
    wide = 0 if text.isascii() else sum(map(len, _WIDE_RUNS.findall(text)))  # one scan in C, not a loop per char
    return len(text.split()) + wide // 2


#: runs of characters from U+2E80 up (CJK radicals, kana, ideographs and everything after them)
_WIDE_RUNS = re.compile("[\u2e80-\U0010ffff]+")


def _index_url(url: str | None) -> bool:
    """A front or section URL ('/', '/politics/', '/news/world'): no segment that reads as one story's slug or id."""
    if not url:
        return False
    path = urlsplit(url).path.strip("/")
    if not path:
        return True
    segments = path.split("/")
    return len(segments) <= 2 and not any(_STORY_SEGMENT.search(seg) for seg in segments)


def _page_type(ex: Extracted, paras: list[str], words: int, types: set[str]) -> str:
    if "LiveBlogPosting" in types or sum(1 for p in paras if _TIME_STAMP.match(p)) >= LIVE_MIN_ENTRIES:
        return "liveblog"
    if types & {"ImageGallery", "MediaGallery"} or (
            len(ex.images) >= GALLERY_MIN_IMAGES and words < GALLERY_WORDS_PER_IMAGE * len(ex.images)):
        return "gallery"
    numbered = sum(1 for h in ex.crossheads if _NUMBERED.match(h))
    title_count = _TITLE_COUNT.match(ex.title or "")
    listed = title_count is not None and int(title_count.group(1)) >= LISTICLE_MIN_ITEMS and \
        len(ex.crossheads) >= LISTICLE_MIN_ITEMS
    if numbered >= LISTICLE_MIN_ITEMS or listed:
        return "listicle"
    return "article"


def _quote(s: str) -> str:
    return f"'{s.strip()}'"
