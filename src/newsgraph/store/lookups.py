"""Reads by id behind the article and topic pages and the JSON API: one article, one entity, entity names,
failures, store counts, every record. (Search and its facets are queries.py.)"""

from __future__ import annotations

import sqlite3
from typing import Any

from newsgraph.cleantext import loads_safe


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
    record = loads_safe(row["record"])
    record.setdefault("stored_at", row["stored_at"])
    return record


#: SQL condition of an event that happened (annotate/factuality.py): status asserted, or none stored (older rows).
HAPPENED = "(status IS NULL OR status = 'asserted')"


def get_entity(conn: sqlite3.Connection, entity_id: str) -> dict[str, Any] | None:
    """Everything the topic page shows about one entity.

    Every query walks an index in order and stops early (latest 50 quotes/events, latest 30 articles), and the
    counts (mentions per day, co-occurring entities) are aggregates the writer keeps, so a topic in 40,000 articles
    costs about what one in 40 does.
    """
    e = conn.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if e is None:
        return None
    ent = dict(e)
    ent["geo"] = (
        {"lat": e["lat"], "lon": e["lon"], "geonameid": e["geonameid"], "country_code": e["country_code"]}
        if e["lat"] is not None else None
    )
    timeline = conn.execute(
        "SELECT day, articles, mentions FROM entity_days WHERE entity_id = ? ORDER BY day", (entity_id,)).fetchall()
    ent["timeline"] = [dict(r) for r in timeline]
    quotes = conn.execute(
        "SELECT q.text, q.kind, q.cue, q.speaker_name, a.id AS article_id, a.title, q.day FROM "
        "(SELECT * FROM quotes WHERE speaker = ? ORDER BY day DESC, aid DESC LIMIT 50) q "
        "JOIN articles a ON a.aid = q.aid ORDER BY q.day DESC, q.aid DESC, q.start",
        (entity_id,),
    ).fetchall()
    ent["quotes"] = [dict(r) for r in quotes]
    # The latest 50 events in any role are chosen first; only those read their sentence from the article body.
    # Only events that happened (status asserted, or none stored) are the entity's events.
    events = conn.execute((
        "SELECT ev.*, a.id AS article_id, a.title, substr(a.body, ev.start + 1, ev.end - ev.start) AS sentence FROM ("
        " SELECT DISTINCT * FROM ("
        f"  SELECT * FROM (SELECT rowid AS evid, * FROM events WHERE source = ?1 AND {HAPPENED} ORDER BY day DESC, aid DESC LIMIT 50)"
        f"  UNION ALL SELECT * FROM (SELECT rowid AS evid, * FROM events WHERE target = ?1 AND {HAPPENED} ORDER BY day DESC, aid DESC LIMIT 50)"
        f"  UNION ALL SELECT * FROM (SELECT rowid AS evid, * FROM events WHERE location = ?1 AND {HAPPENED} ORDER BY day DESC, aid DESC LIMIT 50)"
        " ) ORDER BY day DESC, aid DESC, evid LIMIT 50"
        ") ev JOIN articles a ON a.aid = ev.aid ORDER BY ev.day DESC, ev.aid DESC, ev.evid"),
        (entity_id,),
    ).fetchall()
    ent["events"] = [{k: r[k] for k in r.keys() if k != "evid"} for r in events]
    ids = {x for ev in ent["events"] for x in (ev["source"], ev["target"], ev["location"]) if x}
    names = entity_names(conn, sorted(ids))
    for ev in ent["events"]:
        for role in ("source", "target", "location"):
            ev[f"{role}_entity"] = names.get(ev[role]) if ev[role] else None
    # Co-occurrence counts are kept by the writer (table cooccur), exact over all of the entity's articles.
    co = conn.execute(
        "SELECT e.id, e.name, e.type, e.lat, e.lon, c.n FROM "
        "(SELECT other_id, n FROM cooccur WHERE entity_id = ? ORDER BY n DESC LIMIT 60) c "
        "JOIN entities e ON e.id = c.other_id ORDER BY c.n DESC, e.name",
        (entity_id,),
    ).fetchall()
    ent["cooccurring"] = [dict(r) for r in co[:24]]
    ent["cooccur_sampled"] = False
    places = [dict(r) for r in co if r["lat"] is not None]
    if ent["geo"]:
        places.insert(0, {"id": ent["id"], "name": ent["name"], "type": ent["type"], "lat": ent["lat"],
                          "lon": ent["lon"], "n": ent["article_count"], "self": True})
    ent["places"] = places
    arts = conn.execute(
        "SELECT a.id, a.title, a.source_name, a.published, ae.mention_count FROM "
        "(SELECT aid, day, mention_count FROM article_entities WHERE entity_id = ? ORDER BY day DESC, aid DESC LIMIT 30) ae "
        "JOIN articles a ON a.aid = ae.aid ORDER BY ae.day DESC, ae.aid DESC",
        (entity_id,),
    ).fetchall()
    ent["articles"] = [dict(r) for r in arts]
    return ent


def skipped_annotations(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Stored articles whose annotations were skipped (a language without a pipeline), counted by reason."""
    rows = conn.execute(
        "SELECT json_extract(record, '$.annotations.reason') AS reason, count(*) AS articles FROM articles "
        "WHERE json_array_length(json_extract(record, '$.annotations.skipped')) > 0 GROUP BY 1 ORDER BY 2 DESC, 1"
    ).fetchall()
    return [{"reason": r[0], "articles": r[1]} for r in rows]


def list_failures(conn: sqlite3.Connection, limit: int | None = None) -> list[dict[str, Any]]:
    """Failed inputs in the order they failed: input, reason, kind (a FailureKind value), at."""
    sql = "SELECT input, reason, kind, at FROM failures ORDER BY fid"
    rows = conn.execute(sql + (" LIMIT ?" if limit else ""), (limit,) if limit else ()).fetchall()
    return [dict(r) for r in rows]


def failure_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """How many failures of each kind the store holds, most first."""
    rows = conn.execute("SELECT kind, count(*) FROM failures GROUP BY kind ORDER BY 2 DESC, 1").fetchall()
    return {r[0]: r[1] for r in rows}


def stats(conn: sqlite3.Connection) -> dict[str, int]:
    out = {}
    for table in ("articles", "entities", "quotes", "events", "facts", "failures"):
        out[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return out


def iter_records(conn: sqlite3.Connection):
    """Every stored record, in storage order (for export)."""
    for row in conn.execute("SELECT record FROM articles ORDER BY aid"):
        yield loads_safe(row[0])
