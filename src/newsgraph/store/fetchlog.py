"""What `fetch` remembers between runs, in the store: feed validators and the URLs already fetched.

- `fetch_validators`: ETag / Last-Modified per feed or sitemap URL, sent back as If-None-Match /
  If-Modified-Since, so an unchanged feed costs one 304 and no page requests.
- `fetched_urls`: every page URL fetched (by its courlan-normalised form: lower-case host, no default port, no
  fragment, tracking parameters dropped, query sorted), the article it gave, and whether it failed for good. A
  URL stored once is not fetched again unless its source says it changed after we fetched it.

The tables are created by `ensure_tables` on the writing side; readers treat a store without them as empty.
"""

from __future__ import annotations

import sqlite3
from urllib.parse import urldefrag

from newsgraph.records import article_id
from newsgraph.store.writer import now

DDL = """
CREATE TABLE IF NOT EXISTS fetch_validators (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    checked_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS fetched_urls (
    url_key TEXT PRIMARY KEY,   -- courlan-normalised URL
    url TEXT NOT NULL,          -- as fetched
    status TEXT NOT NULL,       -- stored | gone (a permanent failure: 4xx, not HTML, disallowed)
    article_id TEXT,
    reason TEXT,
    fetched_at TEXT NOT NULL
);
"""


def ensure_tables(conn: sqlite3.Connection) -> None:
    conn.executescript(DDL)


def url_key(url: str) -> str:
    """The canonical form two spellings of one page share (courlan.normalize_url, fragment dropped)."""
    from courlan import normalize_url

    base = urldefrag(url.strip())[0]
    try:
        return normalize_url(base)
    except (ValueError, AttributeError):
        return base


def validators(conn: sqlite3.Connection, url: str) -> dict[str, str]:
    """Conditional-request headers for a feed or sitemap we fetched before."""
    row = conn.execute("SELECT etag, last_modified FROM fetch_validators WHERE url = ?", (url,)).fetchone()
    headers: dict[str, str] = {}
    if row is not None:
        if row[0]:
            headers["If-None-Match"] = row[0]
        if row[1]:
            headers["If-Modified-Since"] = row[1]
    return headers


def save_validators(conn: sqlite3.Connection, url: str, etag: str | None, last_modified: str | None) -> None:
    conn.execute("INSERT OR REPLACE INTO fetch_validators(url, etag, last_modified, checked_at) VALUES (?, ?, ?, ?)",
                 (url, etag, last_modified, now()))


def already_fetched(conn: sqlite3.Connection, url: str, updated: str | None = None) -> bool:
    """True when this page was stored (or failed for good) and its source does not say it changed since."""
    row = conn.execute("SELECT fetched_at FROM fetched_urls WHERE url_key = ?", (url_key(url),)).fetchone()
    if row is None:
        # Stored by `ingest` (a file or WARC with this URL): an article's id is the sha1 of its URL.
        ids = list({article_id(url, ""), article_id(url_key(url), "")})
        row = conn.execute(f"SELECT stored_at FROM articles WHERE id IN ({', '.join('?' * len(ids))})",
                           ids).fetchone()
    if row is None:
        return False
    return not (updated and updated > row[0])


def mark(conn: sqlite3.Connection, urls: list[str], status: str, article_id: str | None = None,
         reason: str | None = None, at: str | None = None) -> None:
    """Remember every spelling of a page (asked-for URL, final URL, the record's canonical URL)."""
    at = at or now()
    rows = {url_key(u): u for u in urls if u}
    conn.executemany(
        "INSERT OR REPLACE INTO fetched_urls(url_key, url, status, article_id, reason, fetched_at) "
        "VALUES (?, ?, ?, ?, ?, ?)", [(k, u, status, article_id, reason, at) for k, u in rows.items()])
