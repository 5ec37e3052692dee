"""What a fetched source lists: RSS/Atom feeds (feedparser), sitemaps (ultimate-sitemap-parser), robots.txt.

A source is recognised by its content, not its name: sitemaps are named anything, feeds are served as
text/html, and a URL given to `fetch` may be an article page itself. Sitemaps are parsed from the text we
fetched (`usp.tree.sitemap_from_str`), so every request stays ours: polite, counted and archived. gzip
sitemaps are inflated here with the same size limit as every other input.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from newsgraph.errors import InputError
from newsgraph.ingest.files import gunzip
from newsgraph.ingest.sniff import is_gzip, sniff_kind
from newsgraph.settings import get_settings


class _Problems(logging.Handler):
    """Collects what ultimate-sitemap-parser logs while parsing (it logs, rather than raises, on broken XML)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage().split(" failed: ")[-1])

_ROOT = re.compile(rb"<\s*(?:[\w-]+:)?(urlset|sitemapindex|rss|feed|RDF)\b", re.I)
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class Link:
    """An article URL a source lists, with the time the source says it last changed (ISO 8601) if it says."""

    url: str
    updated: str | None = None


@dataclass
class Listing:
    """A parsed source: its kind, the article links it lists and the sitemaps it points to."""

    kind: str  # feed | sitemap | robots | page
    links: list[Link] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)


def _iso(value: object) -> str | None:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, tuple) and len(value) >= 6:  # feedparser's time.struct_time (UTC)
        y, mo, d, h, mi, s = value[:6]
        return f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}Z"
    return None


def kind_of(url: str, content_type: str, body: bytes) -> str:
    """'robots', 'sitemap', 'feed', 'page' (an HTML article) or 'other', from the URL path and the content."""
    if urlsplit(url).path.lower().endswith("/robots.txt"):
        return "robots"
    head = body[:4096]
    m = _ROOT.search(head)
    if m:
        root = m.group(1).lower().decode()
        return "sitemap" if root in ("urlset", "sitemapindex") else "feed"
    ctype = content_type.split(";")[0].strip().lower()
    if ctype in _HTML_TYPES or (not ctype and sniff_kind(body) == "html"):
        return "page"
    if ctype == "text/plain" and _url_lines(body):
        return "sitemap"  # a text sitemap: one URL per line
    return "other"


def _url_lines(body: bytes) -> bool:
    lines = [ln.strip() for ln in body[:8192].splitlines() if ln.strip()]
    return bool(lines) and all(ln.startswith((b"http://", b"https://")) for ln in lines[:50])


def inflate(url: str, body: bytes) -> bytes:
    """gzip'd sitemaps (sitemap.xml.gz) inflated, refusing output past the size limit."""
    return gunzip(url, body, get_settings().max_input_bytes) if is_gzip(body) else body


def parse_feed(url: str, body: bytes) -> Listing:
    """Entry links of an RSS or Atom feed; a feed too broken to yield any entry is an InputError."""
    import feedparser

    parsed = feedparser.parse(io.BytesIO(body), response_headers={"content-location": url})
    links = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        updated = _iso(dict.get(entry, "updated_parsed") or dict.get(entry, "published_parsed"))
        links.append(Link(urljoin(url, link), updated))
    if not links and parsed.get("bozo"):
        raise InputError(url, f"malformed feed: {parsed.get('bozo_exception')}")
    return Listing("feed", links)


def parse_sitemap(url: str, body: bytes) -> Listing:
    """Page links (with lastmod or the news publication date) and child sitemaps of a sitemap or sitemap index."""
    from usp.objects.sitemap import AbstractIndexSitemap, InvalidSitemap
    from usp.tree import sitemap_from_str

    text = inflate(url, body).decode("utf-8", errors="replace")
    log = logging.getLogger("usp")
    problems = _Problems()
    log.addHandler(problems)
    log.propagate = False  # its messages become our InputError, not stderr noise
    try:
        sm = sitemap_from_str(text)
    finally:
        log.removeHandler(problems)
    if isinstance(sm, InvalidSitemap):
        raise InputError(url, f"malformed sitemap: {getattr(sm, 'reason', 'unreadable')}")
    if isinstance(sm, AbstractIndexSitemap):
        return Listing("sitemap", sitemaps=[urljoin(url, s.url) for s in sm.sub_sitemaps])
    links = []
    for page in sm.all_pages():
        story = getattr(page, "news_story", None)
        when = (story.publish_date if story is not None else None) or page.last_modified
        links.append(Link(page.url, _iso(when)))
    if not links and problems.messages:
        raise InputError(url, f"malformed sitemap: {problems.messages[0]}")
    return Listing("sitemap", links)


def parse_robots(url: str, body: bytes) -> Listing:
    """The `Sitemap:` lines of a robots.txt."""
    from protego import Protego

    rules = Protego.parse(body.decode("utf-8", errors="replace"))
    return Listing("robots", sitemaps=[urljoin(url, s) for s in rules.sitemaps])


def parse_source(url: str, content_type: str, body: bytes) -> Listing:
    """Dispatch on `kind_of`; raises InputError for content that is none of them."""
    body = inflate(url, body) if is_gzip(body) else body
    kind = kind_of(url, content_type, body)
    if kind == "robots":
        return parse_robots(url, body)
    if kind == "sitemap":
        return parse_sitemap(url, body)
    if kind == "feed":
        return parse_feed(url, body)
    if kind == "page":
        return Listing("page")
    raise InputError(url, f"not an HTML page, feed or sitemap (content-type {content_type or 'none'})")
