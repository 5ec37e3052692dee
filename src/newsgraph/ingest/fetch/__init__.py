"""ingest.fetch: feeds, sitemaps, robots.txt and article URLs fetched politely over HTTP -> RawDocument.

`client` (httpx: robots.txt, per-host delay, retries, limits), `robots` (protego), `sources` (feedparser,
ultimate-sitemap-parser), `warcout` (warcio: every exchange archived), `crawl` (a run: discover, then fetch pages).
"""

from newsgraph.ingest.fetch.client import Fetcher, Response, Stopped
from newsgraph.ingest.fetch.crawl import Crawl

__all__ = ["Crawl", "Fetcher", "Response", "Stopped"]
