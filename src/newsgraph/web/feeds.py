"""Atom 1.0 feeds (RFC 4287) of what people follow, and the /following page.

`/feeds/search?q=...` the newest stored articles matching a search; `/feeds/entity/{id}` the newest about an
entity; `/feeds/entity/{id}/quotes` its newest quotes. Entry ids are URNs built from the article id (and the
quote's span), so they never change between polls and a feed reader shows each item once. Built with
ElementTree, so every text is escaped and the XML is well formed whatever an article holds.
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, Response

from newsgraph.store import follow, queries
from newsgraph.store.queries import QueryError
from newsgraph.web.guard import check_search

ATOM_NS = "http://www.w3.org/2005/Atom"
ATOM_TYPE = "application/atom+xml; charset=utf-8"
#: `updated` of a feed with no entries yet (RFC 4287 requires one; a fixed value keeps the empty feed stable).
EPOCH = "1970-01-01T00:00:00Z"


def _rfc3339(value: str | None) -> str | None:
    """An RFC 3339 date-time from a stored timestamp or an ISO date (a bare day is midnight UTC)."""
    if not value:
        return None
    if len(value) == 10:
        return value + "T00:00:00Z"
    if len(value) >= 19 and value[10] == "T":
        tail = value[19:]
        if tail == "" or tail.startswith("."):
            return value[:19] + "Z"
        return value
    return None


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
    if text is not None:
        el.text = text
    return el


def atom(feed_id: str, title: str, self_url: str, alt_url: str, entries: list[dict[str, Any]]) -> bytes:
    """An Atom document: entries are dicts with id, title, updated, link, and optional published, summary, related."""
    ET.register_namespace("", ATOM_NS)
    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    _sub(feed, "id", feed_id)
    _sub(feed, "title", title)
    _sub(feed, "updated", max((e["updated"] for e in entries), default=EPOCH))
    author = _sub(feed, "author")
    _sub(author, "name", "newsgraph")
    _sub(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    _sub(feed, "link", rel="alternate", type="text/html", href=alt_url)
    _sub(feed, "generator", "newsgraph")
    for e in entries:
        entry = _sub(feed, "entry")
        _sub(entry, "id", e["id"])
        _sub(entry, "title", e["title"])
        _sub(entry, "updated", e["updated"])
        if e.get("published"):
            _sub(entry, "published", e["published"])
        _sub(entry, "link", rel="alternate", type="text/html", href=e["link"])
        if e.get("related"):
            _sub(entry, "link", rel="related", href=e["related"])
        if e.get("summary"):
            _sub(entry, "summary", e["summary"], type="text")
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8", xml_declaration=False)


def article_entry(base: str, a: dict[str, Any]) -> dict[str, Any]:
    summary = " ".join((a.get("summary") or "").split())
    return {
        "id": f"urn:newsgraph:article:{a['id']}",
        "title": a.get("title") or "(untitled)",
        "updated": _rfc3339(a.get("stored_at")) or EPOCH,
        "published": _rfc3339(a.get("published")),
        "link": f"{base}/article/{quote(a['id'], safe='')}",
        "related": a.get("url") if (a.get("url") or "").startswith(("http://", "https://")) else None,
        "summary": (summary[:300] + "…") if len(summary) > 300 else summary,
    }


def quote_entry(base: str, speaker: str, q: dict[str, Any]) -> dict[str, Any]:
    e = article_entry(base, q)
    text = " ".join((q.get("quote") or "").split())
    e["id"] = f"urn:newsgraph:quote:{q['id']}:{q.get('start')}-{q.get('end')}"
    e["title"] = f"{speaker}: “{text[:120]}{'…' if len(text) > 120 else ''}”"
    e["summary"] = f"{text} — in “{q.get('title') or '(untitled)'}”"
    return e


def add_feed_routes(app: FastAPI, conn: Callable[[], Any], page: Callable[..., HTMLResponse]) -> None:
    """Register the Atom feeds and the /following page on `app` (`conn()` gives the read-only connection)."""

    def base_of(request: Request) -> str:
        return str(request.base_url).rstrip("/")

    def xml(body: bytes) -> Response:
        return Response(body, media_type=ATOM_TYPE)

    @app.get("/feeds/search", tags=["feeds"], summary="Atom feed of a search", response_class=Response)
    def feed_search(request: Request, q: str = Query(..., min_length=1, max_length=500,
                                                           description="as /api/search")) -> Response:
        """The newest stored articles matching a search, as Atom 1.0."""
        check_search(q, 0)  # 422 past the search size limits, as /api/search
        c = conn()
        try:
            rows = follow.feed_search(c, q)
        except QueryError:
            plain = queries.plain_query(q)
            rows = follow.feed_search(c, plain) if plain else []
        base = base_of(request)
        fid = "urn:newsgraph:feed:search:" + hashlib.sha1(q.encode("utf-8")).hexdigest()
        return xml(atom(fid, f"newsgraph: {q}", str(request.url), f"{base}/?{urlencode({'q': q})}",
                        [article_entry(base, a) for a in rows]))

    def entity_or_404(entity_id: str) -> dict[str, Any] | None:
        return queries.entity_names(conn(), [entity_id]).get(entity_id)

    @app.get("/feeds/entity/{entity_id}", tags=["feeds"], summary="Atom feed of an entity's articles",
             response_class=Response)
    def feed_entity(request: Request, entity_id: str) -> Response:
        """The newest stored articles about an entity, as Atom 1.0."""
        ent = entity_or_404(entity_id)
        if ent is None:
            return Response(f"no entity {entity_id}", status_code=404, media_type="text/plain")
        base = base_of(request)
        rows = follow.feed_entity(conn(), entity_id)
        return xml(atom(f"urn:newsgraph:feed:entity:{entity_id}", f"newsgraph: {ent['name']}", str(request.url),
                        f"{base}/entity/{quote(entity_id, safe='')}", [article_entry(base, a) for a in rows]))

    @app.get("/feeds/entity/{entity_id}/quotes", tags=["feeds"], summary="Atom feed of an entity's quotes",
             response_class=Response)
    def feed_quotes(request: Request, entity_id: str) -> Response:
        """The newest stored quotes by an entity, as Atom 1.0."""
        ent = entity_or_404(entity_id)
        if ent is None:
            return Response(f"no entity {entity_id}", status_code=404, media_type="text/plain")
        base = base_of(request)
        rows = follow.feed_quotes(conn(), entity_id)
        return xml(atom(f"urn:newsgraph:feed:quotes:{entity_id}", f"newsgraph: quotes by {ent['name']}",
                        str(request.url), f"{base}/entity/{quote(entity_id, safe='')}",
                        [quote_entry(base, ent["name"], q) for q in rows]))

    @app.get("/following", response_class=HTMLResponse, include_in_schema=False)
    def following_page() -> HTMLResponse:
        from newsgraph.cli.follow import feed_paths

        rows = follow.list_follows(conn())
        for r in rows:
            r["feeds"] = feed_paths(r["kind"], r["value"])
        return page("following.html", follows=rows)
