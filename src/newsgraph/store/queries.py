"""Read queries behind the pages and the JSON API: search with facets, one article, one entity (topic page).

Every value reaches SQL as a parameter; the few names put into SQL text (facet types) come from fixed tuples here.
Costly aggregates are bounded so a page stays fast on a large store: facets and co-occurrence are counted over at
most `FACET_SAMPLE` / `COOCCUR_SAMPLE` articles (the best-ranked or latest), and the pages say so when they are.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field
from typing import Any

#: Entity types that get a facet and a panel section, in display order, with their labels.
FACET_TYPES: tuple[tuple[str, str, str], ...] = (
    ("person", "people", "People"),
    ("country", "countries", "Countries"),
    ("city", "cities", "Cities"),
    ("organisation", "organisations", "Organisations"),
)
FACET_SAMPLE = 2000
COOCCUR_SAMPLE = 2000
SNIPPET_OPEN, SNIPPET_CLOSE = "\x02", "\x03"


class QueryError(ValueError):
    """A search query FTS5 cannot parse; the message says how to write it."""


@dataclass
class SearchParams:
    q: str = ""
    entities: dict[str, list[str]] = field(default_factory=dict)  # facet key (people, ...) -> entity ids
    source: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    page: int = 1
    per_page: int = 20
    sort: str = "relevance"  # relevance | newest | oldest

    def entity_ids(self) -> list[str]:
        return [e for ids in self.entities.values() for e in ids]


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _where(p: SearchParams) -> tuple[list[str], list[Any]]:
    """Filter clauses on `a` (articles) for everything except the text query."""
    clauses: list[str] = []
    args: list[Any] = []
    for eid in p.entity_ids():
        clauses.append("EXISTS (SELECT 1 FROM article_entities x WHERE x.aid = a.aid AND x.entity_id = ?)")
        args.append(eid)
    if p.source:
        clauses.append("a.source_name = ?")
        args.append(p.source)
    if p.date_from and _DAY.match(p.date_from):
        clauses.append("a.day >= ?")
        args.append(p.date_from)
    if p.date_to and _DAY.match(p.date_to):
        clauses.append("a.day <= ?")
        args.append(p.date_to)
    return clauses, args


def _fts_error(exc: sqlite3.OperationalError) -> QueryError | None:
    msg = str(exc)
    # Store trouble (locked, missing table, I/O) is not the user's query; anything else from MATCH is.
    if not any(k in msg for k in ("locked", "no such table", "disk", "readonly", "unable to open", "malformed")):
        detail = msg.replace("fts5: ", "")
        return QueryError(
            f"Could not understand the search ({detail}). Words are matched as written; use \"double quotes\" "
            "for a phrase, AND / OR / NOT in capitals to combine, a trailing * for a prefix (syri*). "
            "Punctuation such as - : ( ) must be inside quotes."
        )
    return None


def plain_query(q: str) -> str:
    """The query with every word quoted: what a search box user usually means when FTS syntax fails."""
    words = re.findall(r"\w+", q)
    return " ".join(f'"{w}"' for w in words)


def search(conn: sqlite3.Connection, p: SearchParams) -> dict[str, Any]:
    """One page of matching articles with snippets, the total, and facet counts; raises QueryError."""
    clauses, args = _where(p)
    per_page = max(1, min(p.per_page, 100))
    page = max(1, p.page)
    offset = (page - 1) * per_page
    q = p.q.strip()
    try:
        if q:
            where = " AND ".join(["articles_fts MATCH ?", *clauses])
            base_args = [q, *args]
            total = conn.execute(
                f"SELECT count(*) FROM articles_fts JOIN articles a ON a.aid = articles_fts.rowid WHERE {where}",
                base_args,
            ).fetchone()[0]
            order = {"newest": "a.day DESC, a.aid DESC", "oldest": "a.day ASC, a.aid ASC"}.get(p.sort, "articles_fts.rank")
            rows = conn.execute(
                "SELECT a.aid, a.id, a.title, a.source_name, a.published, a.url, "
                f"snippet(articles_fts, 1, '{SNIPPET_OPEN}', '{SNIPPET_CLOSE}', '…', 28) AS snip, "
                f"highlight(articles_fts, 0, '{SNIPPET_OPEN}', '{SNIPPET_CLOSE}') AS title_hl "
                f"FROM articles_fts JOIN articles a ON a.aid = articles_fts.rowid WHERE {where} "
                f"ORDER BY {order} LIMIT ? OFFSET ?",
                [*base_args, per_page, offset],
            ).fetchall()
            sample_sql = (
                f"SELECT a.aid FROM articles_fts JOIN articles a ON a.aid = articles_fts.rowid WHERE {where} "
                f"ORDER BY articles_fts.rank LIMIT {FACET_SAMPLE}"
            )
        else:
            where = " AND ".join(clauses) or "1"
            base_args = list(args)
            total = conn.execute(f"SELECT count(*) FROM articles a WHERE {where}", base_args).fetchone()[0]
            order = "a.day ASC, a.aid ASC" if p.sort == "oldest" else "a.day DESC, a.aid DESC"
            rows = conn.execute(
                "SELECT a.aid, a.id, a.title, a.source_name, a.published, a.url, substr(a.body, 1, 260) AS snip, "
                f"a.title AS title_hl FROM articles a WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
                [*base_args, per_page, offset],
            ).fetchall()
            sample_sql = f"SELECT a.aid FROM articles a WHERE {where} ORDER BY a.day DESC, a.aid DESC LIMIT {FACET_SAMPLE}"
    except sqlite3.OperationalError as exc:
        err = _fts_error(exc)
        if err is not None:
            raise err from None
        raise
    unfiltered = not q and not clauses
    facets = _facets_all(conn) if unfiltered else _facets(conn, sample_sql, base_args)
    results = [
        {
            "id": r["id"],
            "title": r["title"],
            "title_marked": r["title_hl"],
            "source": r["source_name"],
            "published": r["published"],
            "url": r["url"],
            "snippet": r["snip"] + ("…" if not q and r["snip"] and len(r["snip"]) >= 260 else ""),
        }
        for r in rows
    ]
    return {
        "query": q,
        "total": total,
        "page": page,
        "per_page": per_page,
        "pages": max(1, -(-total // per_page)),
        "results": results,
        "facets": facets,
        "facets_sampled": (not unfiltered) and total > FACET_SAMPLE,
    }


def _facets(conn: sqlite3.Connection, sample_sql: str, args: list[Any]) -> dict[str, Any]:
    types = [t for t, _, _ in FACET_TYPES]
    rows = conn.execute(
        f"WITH m AS ({sample_sql}), c AS ("
        "  SELECT ae.entity_id, ae.type, count(*) AS n FROM article_entities ae JOIN m ON m.aid = ae.aid"
        f"  WHERE ae.type IN ({', '.join('?' * len(types))}) GROUP BY ae.entity_id),"
        " r AS (SELECT c.*, row_number() OVER (PARTITION BY c.type ORDER BY c.n DESC, c.entity_id) AS rn FROM c)"
        " SELECT r.entity_id, r.type, r.n, e.name FROM r JOIN entities e ON e.id = r.entity_id WHERE r.rn <= 10"
        " ORDER BY r.type, r.n DESC, e.name",
        [*args, *types],
    ).fetchall()
    out: dict[str, Any] = {key: [] for _, key, _ in FACET_TYPES}
    key_of = {t: k for t, k, _ in FACET_TYPES}
    for r in rows:
        out[key_of[r["type"]]].append({"id": r["entity_id"], "name": r["name"], "count": r["n"]})
    srows = conn.execute(
        f"WITH m AS ({sample_sql}) SELECT a.source_name AS s, count(*) AS n FROM articles a JOIN m ON m.aid = a.aid "
        "WHERE a.source_name IS NOT NULL GROUP BY a.source_name ORDER BY n DESC, s LIMIT 10",
        args,
    ).fetchall()
    out["sources"] = [{"name": r["s"], "count": r["n"]} for r in srows]
    drow = conn.execute(f"WITH m AS ({sample_sql}) SELECT min(a.day), max(a.day) FROM articles a JOIN m ON m.aid = a.aid", args).fetchone()
    out["dates"] = {"min": drow[0], "max": drow[1]}
    return out


def _facets_all(conn: sqlite3.Connection) -> dict[str, Any]:
    """Facets over the whole store, read from the counts the writer keeps (no scan of the articles)."""
    out: dict[str, Any] = {}
    for t, key, _ in FACET_TYPES:
        rows = conn.execute(
            "SELECT id, name, article_count FROM entities WHERE type = ? AND article_count > 0 "
            "ORDER BY article_count DESC LIMIT 10",
            (t,),
        ).fetchall()
        out[key] = [{"id": r[0], "name": r[1], "count": r[2]} for r in rows]
    srows = conn.execute(
        "SELECT source_name, count(*) AS n FROM articles INDEXED BY articles_source WHERE source_name IS NOT NULL "
        "GROUP BY source_name ORDER BY n DESC LIMIT 10"
    ).fetchall()
    out["sources"] = [{"name": r[0], "count": r[1]} for r in srows]
    drow = conn.execute("SELECT min(day), max(day) FROM articles").fetchone()
    out["dates"] = {"min": drow[0], "max": drow[1]}
    return out


def entity_names(conn: sqlite3.Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    rows = conn.execute(
        f"SELECT id, name, type FROM entities WHERE id IN ({', '.join('?' * len(ids))})", ids
    ).fetchall()
    return {r["id"]: {"id": r["id"], "name": r["name"], "type": r["type"]} for r in rows}


def get_article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    """The full stored record (as analysed) plus when it was stored, or None."""
    row = conn.execute("SELECT record, stored_at FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    record = json.loads(row["record"])
    record.setdefault("stored_at", row["stored_at"])
    return record


def get_entity(conn: sqlite3.Connection, entity_id: str) -> dict[str, Any] | None:
    """Everything the topic page shows about one entity."""
    e = conn.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if e is None:
        return None
    ent = dict(e)
    ent["geo"] = (
        {"lat": e["lat"], "lon": e["lon"], "geonameid": e["geonameid"], "country_code": e["country_code"]}
        if e["lat"] is not None else None
    )
    stats = conn.execute(
        "SELECT count(*), coalesce(sum(mention_count), 0) FROM article_entities WHERE entity_id = ?", (entity_id,)
    ).fetchone()
    ent["article_count"], ent["mention_count"] = stats[0], stats[1]
    timeline = conn.execute(
        "SELECT a.day AS day, count(*) AS articles, sum(ae.mention_count) AS mentions FROM article_entities ae "
        "JOIN articles a ON a.aid = ae.aid WHERE ae.entity_id = ? AND a.day IS NOT NULL GROUP BY a.day ORDER BY a.day",
        (entity_id,),
    ).fetchall()
    ent["timeline"] = [dict(r) for r in timeline]
    quotes = conn.execute(
        "SELECT q.text, q.kind, q.cue, q.speaker_name, a.id AS article_id, a.title, a.day FROM quotes q "
        "JOIN articles a ON a.aid = q.aid WHERE q.speaker = ? ORDER BY a.day DESC, a.aid DESC, q.start LIMIT 50",
        (entity_id,),
    ).fetchall()
    ent["quotes"] = [dict(r) for r in quotes]
    events = conn.execute(
        "SELECT ev.*, a.id AS article_id, a.title, a.day, substr(a.body, ev.start + 1, ev.end - ev.start) AS sentence "
        "FROM (SELECT * FROM events WHERE source = ?1 UNION SELECT * FROM events WHERE target = ?1 "
        "UNION SELECT * FROM events WHERE location = ?1) ev JOIN articles a ON a.aid = ev.aid "
        "ORDER BY a.day DESC, a.aid DESC LIMIT 50",
        (entity_id,),
    ).fetchall()
    ent["events"] = [dict(r) for r in events]
    ids = {x for ev in ent["events"] for x in (ev["source"], ev["target"], ev["location"]) if x}
    names = entity_names(conn, sorted(ids))
    for ev in ent["events"]:
        for role in ("source", "target", "location"):
            ev[f"{role}_entity"] = names.get(ev[role]) if ev[role] else None
    co = conn.execute(
        "WITH mine AS (SELECT aid FROM article_entities WHERE entity_id = ?1 ORDER BY aid DESC LIMIT "
        f"{COOCCUR_SAMPLE}) SELECT e.id, e.name, e.type, e.lat, e.lon, count(*) AS n FROM article_entities o "
        "JOIN mine ON mine.aid = o.aid JOIN entities e ON e.id = o.entity_id WHERE o.entity_id <> ?1 "
        "GROUP BY o.entity_id ORDER BY n DESC, e.name LIMIT 60",
        (entity_id,),
    ).fetchall()
    ent["cooccurring"] = [dict(r) for r in co[:24]]
    ent["cooccur_sampled"] = ent["article_count"] > COOCCUR_SAMPLE
    places = [dict(r) for r in co if r["lat"] is not None]
    if ent["geo"]:
        places.insert(0, {"id": ent["id"], "name": ent["name"], "type": ent["type"], "lat": ent["lat"],
                          "lon": ent["lon"], "n": ent["article_count"], "self": True})
    ent["places"] = places
    arts = conn.execute(
        "SELECT a.id, a.title, a.source_name, a.published, ae.mention_count FROM article_entities ae "
        "JOIN articles a ON a.aid = ae.aid WHERE ae.entity_id = ? ORDER BY a.day DESC, a.aid DESC LIMIT 30",
        (entity_id,),
    ).fetchall()
    ent["articles"] = [dict(r) for r in arts]
    return ent


def list_failures(conn: sqlite3.Connection, limit: int | None = None) -> list[dict[str, Any]]:
    sql = "SELECT input, reason, at FROM failures ORDER BY fid"
    rows = conn.execute(sql + (" LIMIT ?" if limit else ""), (limit,) if limit else ()).fetchall()
    return [dict(r) for r in rows]


def stats(conn: sqlite3.Connection) -> dict[str, int]:
    out = {}
    for table in ("articles", "entities", "quotes", "events", "facts", "failures"):
        out[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return out


def iter_records(conn: sqlite3.Connection):
    """Every stored record, in storage order (for export)."""
    for row in conn.execute("SELECT record FROM articles ORDER BY aid"):
        yield json.loads(row[0])
