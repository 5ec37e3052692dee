"""Following: saved searches and followed entities in the store, what matches them, and the rows of their feeds.

A follow is (kind, value): ("search", an FTS5 query) or ("entity", an entity id). `matches` tells which follows a
newly stored article meets (an article about a followed entity, a quote by it, an article matching a saved
search); the feed functions list the newest such items for the Atom feeds that `newsgraph serve` publishes.
Newest means most recently stored (the article's rowid), which is what a feed reader polling for news wants.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from newsgraph.store.queries import QueryError, _fts_error
from newsgraph.store.writer import now

DDL = """
CREATE TABLE IF NOT EXISTS follows (
    fid INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,   -- search | entity
    value TEXT NOT NULL,  -- the FTS5 query, or the entity id
    created_at TEXT NOT NULL,
    UNIQUE (kind, value)
);
"""
KINDS = ("search", "entity")
#: Items per Atom feed (the newest stored).
FEED_LIMIT = 50


def ensure_tables(conn: sqlite3.Connection) -> None:
    conn.executescript(DDL)


def _has_table(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'follows'").fetchone() is not None


def check_query(conn: sqlite3.Connection, q: str) -> None:
    """Raise QueryError when FTS5 cannot parse `q` (so a saved search never fails later)."""
    try:
        conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1", (q,)).fetchall()
    except sqlite3.OperationalError as exc:
        err = _fts_error(exc)
        if err is not None:
            raise err from None
        raise


def add(conn: sqlite3.Connection, kind: str, value: str) -> tuple[int, bool]:
    """Save a follow; returns (its id, True when new). Raises ValueError / QueryError for a bad one."""
    value = value.strip()
    if kind not in KINDS or not value:
        raise ValueError(f"a follow is a search query or an entity id (got {kind}: {value!r})")
    if kind == "search":
        check_query(conn, value)
    ensure_tables(conn)
    row = conn.execute("SELECT fid FROM follows WHERE kind = ? AND value = ?", (kind, value)).fetchone()
    if row is not None:
        return int(row[0]), False
    cur = conn.execute("INSERT INTO follows(kind, value, created_at) VALUES (?, ?, ?)", (kind, value, now()))
    return int(cur.lastrowid), True


def remove(conn: sqlite3.Connection, key: str) -> int:
    """Remove follows by id, query or entity id; returns how many went."""
    if not _has_table(conn):
        return 0
    if key.isdigit():
        return conn.execute("DELETE FROM follows WHERE fid = ?", (int(key),)).rowcount
    return conn.execute("DELETE FROM follows WHERE value = ?", (key,)).rowcount


def list_follows(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every follow with, for an entity, its name and type when the store knows it."""
    if not _has_table(conn):
        return []
    rows = conn.execute(
        "SELECT f.fid, f.kind, f.value, f.created_at, e.name, e.type FROM follows f "
        "LEFT JOIN entities e ON f.kind = 'entity' AND e.id = f.value ORDER BY f.fid").fetchall()
    return [{"id": r[0], "kind": r[1], "value": r[2], "created_at": r[3], "name": r[4], "type": r[5]} for r in rows]


def matches(conn: sqlite3.Connection, article_id: str) -> list[dict[str, Any]]:
    """The follows a stored article meets: {"follow": ..., "match": "article" | "quote", "text": quote or None}."""
    row = conn.execute("SELECT aid FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return []
    aid = row[0]
    out: list[dict[str, Any]] = []
    for f in list_follows(conn):
        if f["kind"] == "search":
            try:
                hit = conn.execute("SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?",
                                   (f["value"], aid)).fetchone()
            except sqlite3.OperationalError:
                hit = None
            if hit:
                out.append({"follow": f, "match": "article", "text": None})
            continue
        if conn.execute("SELECT 1 FROM article_entities WHERE aid = ? AND entity_id = ?", (aid, f["value"])).fetchone():
            out.append({"follow": f, "match": "article", "text": None})
        for (text,) in conn.execute("SELECT text FROM quotes WHERE aid = ? AND speaker = ? ORDER BY start",
                                    (aid, f["value"])):
            out.append({"follow": f, "match": "quote", "text": text})
    return out


_ARTICLE_COLS = "a.aid, a.id, a.title, a.url, a.published, a.stored_at, a.source_name, substr(a.body, 1, 400)"


def _articles(rows: list[sqlite3.Row]) -> list[dict[str, Any]]:
    return [{"aid": r[0], "id": r[1], "title": r[2], "url": r[3], "published": r[4], "stored_at": r[5],
             "source": r[6], "summary": r[7]} for r in rows]


def feed_search(conn: sqlite3.Connection, q: str, limit: int = FEED_LIMIT) -> list[dict[str, Any]]:
    """The newest stored articles matching an FTS5 query; raises QueryError for a query FTS5 cannot parse."""
    try:
        rows = conn.execute(
            f"SELECT {_ARTICLE_COLS} FROM articles a WHERE a.aid IN "
            "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?) ORDER BY a.aid DESC LIMIT ?",
            (q, limit)).fetchall()
    except sqlite3.OperationalError as exc:
        err = _fts_error(exc)
        if err is not None:
            raise err from None
        raise
    return _articles(rows)


def feed_entity(conn: sqlite3.Connection, entity_id: str, limit: int = FEED_LIMIT) -> list[dict[str, Any]]:
    """The newest stored articles about an entity."""
    rows = conn.execute(
        f"SELECT {_ARTICLE_COLS} FROM article_entities ae JOIN articles a ON a.aid = ae.aid "
        "WHERE ae.entity_id = ? ORDER BY a.aid DESC LIMIT ?", (entity_id, limit)).fetchall()
    return _articles(rows)


def feed_quotes(conn: sqlite3.Connection, entity_id: str, limit: int = FEED_LIMIT) -> list[dict[str, Any]]:
    """The newest stored quotes by an entity, each with its article."""
    rows = conn.execute(
        f"SELECT {_ARTICLE_COLS}, q.text, q.start, q.end, q.kind, q.cue FROM quotes q JOIN articles a "
        "ON a.aid = q.aid WHERE q.speaker = ? ORDER BY a.aid DESC, q.start LIMIT ?", (entity_id, limit)).fetchall()
    out = _articles(rows)
    for item, r in zip(out, rows, strict=True):
        item.update({"quote": r[8], "start": r[9], "end": r[10], "quote_kind": r[11], "cue": r[12]})
    return out


__all__ = ["KINDS", "QueryError", "add", "feed_entity", "feed_quotes", "feed_search", "list_follows", "matches",
           "remove"]
