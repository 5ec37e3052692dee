"""A fetch run: sources (feeds, sitemaps, robots.txt, article URLs) -> the article pages -> RawDocuments.

Two phases, so a progress bar knows its total and hosts can take turns:
1. `discover(targets)` fetches each source (conditionally, with the validators kept in the store), follows
   sitemap indexes and robots.txt `Sitemap:` lines, and collects the article links not fetched before;
   a target that is itself an article page becomes a document at once.
2. `documents()` fetches those pages, hosts taking turns (round robin), each page as the RawDocument that
   `newsgraph ingest` would read from the run's WARC: same bytes, URL, content type and date. A page whose
   canonical link names a page already stored (or fetched this run) is not analysed again.

Failures are InputErrors (yielded, so the caller stores them like any input's); a Stopped request ends the run
between two requests.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field

from newsgraph.errors import InputError
from newsgraph.extract.boundary import same_page_canonical
from newsgraph.ingest.fetch.client import Fetcher, Response, Stopped
from newsgraph.ingest.fetch.robots import host_key
from newsgraph.ingest.fetch.sources import Link, kind_of, parse_source
from newsgraph.records import REDIRECTED_FROM, RawDocument
from newsgraph.store import fetchlog

#: Sitemap indexes nested deeper than this are not followed (a guard against index loops).
MAX_SITEMAP_DEPTH = 3
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class Counts:
    sources: int = 0
    not_modified: int = 0
    links: int = 0
    seen: int = 0  # links already stored, not fetched again
    pages: int = 0  # page requests made (each page once, redirects and retries aside)


@dataclass
class Fetched:
    """What the caller needs to remember about a page once its record is stored."""

    urls: list[str]
    fetched_at: str


@dataclass
class Crawl:
    fetcher: Fetcher
    conn: object  # the store's sqlite3 connection (fetchlog tables)
    counts: Counts = field(default_factory=Counts)
    fetched: dict[str, Fetched] = field(default_factory=dict)  # by RawDocument.input
    stopped: bool = False
    _links: OrderedDict[str, Link] = field(default_factory=OrderedDict)
    _sources_seen: set[str] = field(default_factory=set)
    _canonicals: set[str] = field(default_factory=set)  # canonical URL keys of pages fetched this run

    # -- phase 1 ------------------------------------------------------------------------------------------------
    def discover(self, targets: list[str]) -> list[RawDocument | InputError]:
        """Read every source; returns article pages given directly and the sources' failures."""
        out: list[RawDocument | InputError] = []
        try:
            for t in targets:
                out.extend(self._source(t, depth=0))
        except Stopped:
            self.stopped = True
        return out

    def _source(self, url: str, depth: int) -> list[RawDocument | InputError]:
        if url in self._sources_seen:
            return []
        self._sources_seen.add(url)
        if kind_of(url, "", b"") == "robots":
            self.counts.sources += 1
            rules = self.fetcher.robots.rules(url)
            if rules.unreachable:
                return [InputError(url, rules.unreachable)]
            return [x for s in rules.sitemaps for x in self._source(s, depth + 1)]
        if fetchlog.already_fetched(self.conn, url):  # an article URL given again
            self.counts.seen += 1
            return []
        self.counts.sources += 1
        try:
            r = self.fetcher.get(url, headers=fetchlog.validators(self.conn, url))
        except InputError as exc:
            return [exc]
        if r.status == 304:
            self.counts.not_modified += 1
            return []
        if r.status >= 400:
            return [InputError(url, f"HTTP {r.status}")]
        try:
            listing = parse_source(r.final_url, r.content_type, r.body)
        except InputError as exc:
            return [InputError(url, exc.problem)]
        if listing.kind == "page":
            return [self._document(r)]
        fetchlog.save_validators(self.conn, url, r.headers.get("etag"), r.headers.get("last-modified"))
        for link in listing.links:
            self._add(link)
        out: list[RawDocument | InputError] = []
        for child in listing.sitemaps:
            if depth >= MAX_SITEMAP_DEPTH:
                out.append(InputError(child, f"sitemap nested more than {MAX_SITEMAP_DEPTH} deep: not followed"))
            else:
                out.extend(self._source(child, depth + 1))
        return out

    def _add(self, link: Link) -> None:
        key = fetchlog.url_key(link.url)
        if key in self._links:
            return
        self.counts.links += 1
        if fetchlog.already_fetched(self.conn, link.url, link.updated):
            self.counts.seen += 1
            return
        self._links[key] = link

    def pending(self) -> int:
        """Pages phase 2 will request."""
        return len(self._links)

    # -- phase 2 ------------------------------------------------------------------------------------------------
    def documents(self) -> Iterator[RawDocument | InputError]:
        """Fetch the discovered pages, hosts taking turns; ends early (cleanly) when the fetcher is stopped."""
        try:
            for link in _round_robin(list(self._links.values())):
                if fetchlog.already_fetched(self.conn, link.url, link.updated):  # stored meanwhile, by another URL
                    self.counts.seen += 1
                    continue
                self.counts.pages += 1
                try:
                    r = self.fetcher.get(link.url)
                except InputError as exc:
                    yield exc
                    continue
                doc = self._page(r)
                if doc is None:
                    self.counts.seen += 1
                else:
                    yield doc
        except Stopped:
            self.stopped = True

    def _page(self, r: Response) -> RawDocument | InputError | None:
        """The page's document, its failure, or None when it is a page already stored under its canonical URL."""
        if r.status >= 400:
            if r.status < 500 and r.status not in (408, 429):
                fetchlog.mark(self.conn, [r.url, r.final_url], "gone", reason=f"HTTP {r.status}")
            return InputError(r.url, f"HTTP {r.status}")
        if not any(t in r.content_type for t in _HTML_TYPES):
            why = f"not an HTML page (content-type {r.content_type or 'none'})"
            fetchlog.mark(self.conn, [r.url, r.final_url], "gone", reason=why)
            return InputError(r.url, why)
        canonical = canonical_url(r.final_url, r.body)
        if canonical and fetchlog.url_key(canonical) != fetchlog.url_key(r.final_url):
            if fetchlog.url_key(canonical) in self._canonicals or fetchlog.already_fetched(self.conn, canonical):
                fetchlog.mark(self.conn, [r.url, r.final_url], "stored", reason=f"same page as {canonical}",
                              at=r.fetched_at)
                return None
        self._canonicals.add(fetchlog.url_key(canonical or r.final_url))
        doc = self._document(r)
        if canonical:
            self.fetched[r.url].urls.append(canonical)
        return doc

    def _document(self, r: Response) -> RawDocument:
        """The page as `iter_warc` reads it back from the archive (same URL, content type and date)."""
        self.fetched[r.url] = Fetched([r.url, r.final_url], r.fetched_at)
        headers = {"content-type": r.content_type, "warc-date": r.fetched_at}
        if r.url != r.final_url:
            headers[REDIRECTED_FROM] = r.url
        return RawDocument(input=r.url, data=r.body, kind="html", url=r.final_url, headers=headers)


def canonical_url(url: str, body: bytes) -> str | None:
    """The page's `<link rel="canonical">` when it names this page (extract.boundary.same_page_canonical: same
    host, not the front page), absolute; None otherwise. The second spelling of a page is then not analysed and
    stored again; ingest gives both spellings the same id the same way."""
    from selectolax.lexbor import LexborHTMLParser

    node = LexborHTMLParser(body[:200_000]).css_first('link[rel="canonical"]')
    return same_page_canonical(url, node.attributes.get("href") if node is not None else None)


def _round_robin(links: list[Link]) -> Iterator[Link]:
    """Links ordered so hosts take turns (one slow host does not hold the others back)."""
    by_host: OrderedDict[str, list[Link]] = OrderedDict()
    for link in links:
        by_host.setdefault(host_key(link.url), []).append(link)
    queues = [iter(v) for v in by_host.values()]
    while queues:
        alive = []
        for q in queues:
            link = next(q, None)
            if link is not None:
                yield link
                alive.append(q)
        queues = alive
