"""What an input is when it is not a news page: feeds, sitemaps, robots.txt, JSON and XML API responses, URL lists.

Why by content: crawls and downloads name files arbitrarily (`feed` with no suffix, `index.html` holding an Atom
feed, `.txt` holding robots rules), and a feed analysed as a page gives an "article" whose title is raw
`<rss><channel>` markup. Each recogniser reads only the first `HEAD_BYTES` of the input (after a byte-order mark
and leading space), so recognition costs the same whatever the input's size.

`what_is(data)` returns a `NotAPage` (what it is, in words a user knows, and what to do instead) or None for
input that may be a page or article text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

#: Bytes of the input's start that recognition reads.
HEAD_BYTES = 16 * 1024
#: robots.txt: at least this share of the non-comment lines must be robots directives (and at least 2 lines).
ROBOTS_SHARE = 0.8
#: A URL list: at least this many lines, every one an http(s) URL.
URL_LIST_MIN = 1

_XML_ROOT = re.compile(rb"<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]")
_SKIP_PROLOG = re.compile(rb"(?:\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>))*\s*", re.S | re.I)
_ROBOTS_LINE = re.compile(rb"^\s*(user-agent|disallow|allow|sitemap|crawl-delay|host|request-rate|clean-param)\s*:",
                          re.I)
_ITEM = {"rss": rb"<item[\s>]", "RDF": rb"<item[\s>]", "feed": rb"<entry[\s>]", "urlset": rb"<url[\s>]",
         "sitemapindex": rb"<sitemap[\s>]"}
_WHAT = {"rss": "an RSS feed", "RDF": "an RSS feed (RDF)", "feed": "an Atom feed", "urlset": "a sitemap",
         "sitemapindex": "a sitemap index"}
_FETCH_HINT = "to bring in the articles it lists, give its URL to `newsgraph fetch`"


@dataclass(frozen=True)
class NotAPage:
    """What the input is (`what`), how many entries it lists (or None), and what to do instead (`hint`)."""

    kind: str  # feed | sitemap | sitemap-index | robots | json | xml | url-list
    what: str
    entries: int | None = None
    hint: str = ""

    def problem(self) -> str:
        """One line for the error: 'not an article: an RSS feed (12 entries); to bring in ...'."""
        n = f" ({self.entries} entries)" if self.entries is not None else ""
        return f"not an article: {self.what}{n}" + (f"; {self.hint}" if self.hint else "")


def what_is(data: bytes) -> NotAPage | None:
    """A NotAPage for a feed, sitemap, robots.txt, JSON, non-HTML XML or URL list; None for anything else."""
    head = data[:HEAD_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head:
        return None
    if head[:1] in (b"{", b"["):
        return _json(data)
    if head[:1] == b"<":
        return _xml(head)
    return _robots(head) or _url_list(head)


def _json(data: bytes) -> NotAPage | None:
    text = data.decode("utf-8", errors="replace").strip()
    try:
        json.loads(text)
        return NotAPage("json", "a JSON document", hint="analyse web pages, WARC files or article text")
    except ValueError:
        pass
    lines = [ln for ln in text.splitlines() if ln.strip()]
    try:
        for ln in lines[:20]:
            json.loads(ln)
    except ValueError:
        return None  # text that happens to start with a bracket
    return NotAPage("json", "a JSON Lines file", entries=len(lines),
                    hint="`newsgraph ingest` loads JSON Lines records written by `newsgraph analyze`")


def _xml(head: bytes) -> NotAPage | None:
    prolog = _SKIP_PROLOG.match(head)
    rest = head[prolog.end():] if prolog else head
    m = _XML_ROOT.match(rest)
    if m is None:
        return None
    root = m.group(2).decode("ascii", "replace")
    if root.lower() in ("html", "head", "body", "div", "p", "article", "meta", "title", "link", "script", "main",
                        "section", "header", "nav", "table", "span", "a", "h1", "h2", "form", "img", "style"):
        return None
    key = root if root in _WHAT else root.lower() if root.lower() in _WHAT else None
    if key is None:
        if not head.lstrip().startswith(b"<?xml") and not m.group(1):
            return None  # an unknown tag at the start of a fragment of HTML: let the page extractors judge it
        return NotAPage("xml", f"an XML document (root element <{root}>)", hint="analyse web pages, WARC files or article text")
    entries = len(re.findall(_ITEM[key], head)) if len(head) < HEAD_BYTES else None
    kind = {"rss": "feed", "RDF": "feed", "feed": "feed", "urlset": "sitemap", "sitemapindex": "sitemap-index"}[key]
    if key == "RDF" and b"purl.org/rss" not in head:
        return NotAPage("xml", "an XML document (root element <RDF>)", hint="analyse web pages, WARC files or article text")
    return NotAPage(kind, _WHAT[key], entries, _FETCH_HINT)


def _robots(head: bytes) -> NotAPage | None:
    lines = [ln for ln in head.splitlines() if ln.strip() and not ln.lstrip().startswith(b"#")]
    if len(lines) < 2:
        return None
    hits = sum(1 for ln in lines if _ROBOTS_LINE.match(ln))
    if hits / len(lines) >= ROBOTS_SHARE and any(ln.lower().lstrip().startswith(b"user-agent") for ln in lines):
        return NotAPage("robots", "a robots.txt file", hint="`newsgraph fetch` reads a site's robots.txt from its URL")
    return None


def _url_list(head: bytes) -> NotAPage | None:
    lines = [ln.strip() for ln in head.splitlines() if ln.strip() and not ln.lstrip().startswith(b"#")]
    if len(lines) >= URL_LIST_MIN and all(ln.startswith((b"http://", b"https://")) and b" " not in ln for ln in lines):
        return NotAPage("url-list", "a list of URLs", entries=len(lines),
                        hint="fetch them with `newsgraph fetch -i FILE`")
    return None
