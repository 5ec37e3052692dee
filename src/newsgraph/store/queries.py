"""Read queries behind the pages and the JSON API: search with facets, one article, one entity (topic page).

Every value reaches SQL as a parameter; the few names put into SQL text (facet types) come from fixed tuples here.
Costly aggregates are bounded so a page stays fast on a large store: search facets are counted over at most
`FACET_SAMPLE` matches (the latest), and the page says so; per-entity counts are aggregates kept by the writer.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from newsgraph.records import TOPIC_KEYS
from newsgraph.store.lookups import (  # noqa: F401  (the reads by id, importable from here as before)
    HAPPENED,
    entity_names,
    get_article,
    get_entity,
    iter_records,
    list_failures,
    stats,
)
from newsgraph.store.snippets import SCAN_CHARS, highlight, query_terms, snippet

#: Entity types that get a facet and a panel section, in display order, with their labels.
FACET_TYPES: tuple[tuple[str, str, str], ...] = tuple((t, key, key.capitalize()) for t, key in TOPIC_KEYS.items())
#: Facets count, and bm25 ranks, the newest this many matches of a text query (bounded work per search).
FACET_SAMPLE = 500
RANK_WINDOW = 500
SNIPPET_OPEN, SNIPPET_CLOSE = "\x02", "\x03"
#: The article's language as SQL: the same expression as the articles_language index (schema.py), so it is used.
LANGUAGE = "json_extract(record, '$.language')"


class QueryError(ValueError):
    """A search query FTS5 cannot parse; the message says how to write it."""


@dataclass
class SearchParams:
    q: str = ""
    entities: dict[str, list[str]] = field(default_factory=dict)  # facet key (people, ...) -> entity ids
    source: str | None = None
    language: str | None = None  # ISO 639-1 code, as in the record
    date_from: str | None = None
    date_to: str | None = None
    page: int = 1
    per_page: int = 20
    sort: str = "relevance"  # relevance | newest | oldest

    def entity_ids(self) -> list[str]:
        return [e for ids in self.entities.values() for e in ids]


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _filters(p: SearchParams) -> list[tuple[str, list[Any]]]:
    """Each filter as a subquery yielding the aids it allows (intersected by the caller)."""
    out: list[tuple[str, list[Any]]] = []
    for eid in p.entity_ids():
        out.append(("SELECT aid FROM article_entities WHERE entity_id = ?", [eid]))
    if p.source:
        out.append(("SELECT aid FROM articles WHERE source_name = ?", [p.source]))
    if p.language:
        out.append((f"SELECT aid FROM articles WHERE {LANGUAGE} = ?", [p.language]))
    lo = p.date_from if p.date_from and _DAY.match(p.date_from) else None
    hi = p.date_to if p.date_to and _DAY.match(p.date_to) else None
    if lo or hi:
        out.append(("SELECT aid FROM articles WHERE day >= ? AND day <= ?", [lo or "0000-00-00", hi or "9999-99-99"]))
    return out


#: The same filters as a primary-key probe of one candidate aid (`j.value`), for filters too large to hold in memory.
_PROBES = {
    "SELECT aid FROM article_entities WHERE entity_id = ?":
        "EXISTS (SELECT 1 FROM article_entities x WHERE x.aid = j.value AND x.entity_id = ?)",
    "SELECT aid FROM articles WHERE source_name = ?":
        "EXISTS (SELECT 1 FROM articles x WHERE x.aid = j.value AND x.source_name = ?)",
    f"SELECT aid FROM articles WHERE {LANGUAGE} = ?":
        "EXISTS (SELECT 1 FROM articles x WHERE x.aid = j.value AND json_extract(x.record, '$.language') = ?)",
    "SELECT aid FROM articles WHERE day >= ? AND day <= ?":
        "EXISTS (SELECT 1 FROM articles x WHERE x.aid = j.value AND x.day >= ? AND x.day <= ?)",
}


def _fts_error(exc: sqlite3.OperationalError) -> QueryError | None:
    msg = str(exc)
    # Store trouble (locked, missing table, I/O) and a request stopped at its deadline are not the user's query;
    # anything else from MATCH is.
    if not any(k in msg for k in ("locked", "no such table", "disk", "readonly", "unable to open", "malformed",
                                  "interrupted", "vtable constructor failed")):
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
    """One page of matching articles with snippets, the total, and facet counts; raises QueryError.

    Why the shape: with a text query, FTS5 counts matches cheaply but ranking (bm25) and snippets cost per row,
    so ranking runs over the `RANK_WINDOW` most recently stored matches and snippets only for the page shown.
    Filters are aid subqueries, which SQLite turns into one in-memory set each.
    """
    try:
        return _search(conn, p)
    except sqlite3.OperationalError as exc:
        err = _fts_error(exc) if p.q.strip() else None
        if err is not None:
            raise err from None
        raise


#: Filters with at most this many articles are checked in memory; larger ones by primary-key lookups.
SMALL_FILTER = 20_000


def _filtered_matches(
    conn: sqlite3.Connection, q: str, filters: list[tuple[str, list[Any]]]
) -> tuple[list[int], dict[int, float], int, bool, tuple[str, list[Any]]]:
    """Matches of `q` that pass every filter, newest stored first, stopping after `RANK_WINDOW` of them.

    Why: a common word in a large store matches most articles; walking its matches from the newest and
    stopping early bounds the work by the window, not by the store. When the walk stops early the total is an
    estimate (matches seen so far scaled to all of the word's matches) and is flagged as approximate.
    The walk scores each match it keeps with bm25 on the way (no second pass over the matches to rank them).
    Returns (aids in ascending order, their bm25 scores, total, approximate, (SQL of all filtered matches, args)).
    """
    conds: list[str] = []
    args: list[Any] = [q]
    for sql, fa in filters:
        n = _filter_size(conn, sql, fa)
        if n <= SMALL_FILTER:  # an in-memory set (SQLite builds it from the index once), probed per match
            conds.append(f"+rowid IN ({sql})")
            args.extend(fa)
        else:  # a primary-key probe per match
            conds.append(_PROBES[sql].replace("j.value", "articles_fts.rowid"))
            args.extend(fa)
    where = f"FROM articles_fts WHERE articles_fts MATCH ? AND {' AND '.join(conds)}"
    every = f"SELECT rowid {where}"
    rows = conn.execute(f"SELECT rowid, bm25(articles_fts) {where} ORDER BY rowid DESC LIMIT ?",
                        [*args, RANK_WINDOW + 1]).fetchall()
    scores = {r[0]: r[1] for r in rows}
    found = [r[0] for r in rows]
    if len(found) <= RANK_WINDOW:
        found.reverse()
        return found, scores, len(found), False, (every, args)
    found = found[:RANK_WINDOW]
    found.reverse()
    fts_total = conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", [q]).fetchone()[0]
    scanned = conn.execute(
        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= ?", [q, found[0]]).fetchone()[0]
    return found, scores, max(len(found) + 1, round(len(found) * fts_total / max(scanned, 1))), True, (every, args)


def _filter_size(conn: sqlite3.Connection, sql: str, args: list[Any]) -> int:
    """How many articles a filter allows: an entity's count is kept by the writer, the rest are index counts."""
    if sql.startswith("SELECT aid FROM article_entities"):
        row = conn.execute("SELECT article_count FROM entities WHERE id = ?", args).fetchone()
        return row[0] if row else 0
    return conn.execute(f"SELECT count(*) FROM ({sql})", args).fetchone()[0]


def _estimate(conn: sqlite3.Connection, window: list[int]) -> int:
    """Total matches estimated from the newest `window` (ascending aids): their density over the rowids they span.

    Why: counting every match of a common word reads its whole posting list (all 100,000 rows of a large store);
    rowids follow storage order, so the newest matches' density is a fair sample of the rest.
    """
    top = conn.execute("SELECT max(aid) FROM articles").fetchone()[0] or window[-1]
    span = max(window[-1] - window[0] + 1, 1)
    return max(len(window) + 1, round(len(window) * top / span))


def _order(conn: sqlite3.Connection, q: str, window: list[int], scores: dict[int, float],
           every: tuple[str, list[Any]] | None, sort: str, per_page: int, offset: int) -> list[int]:
    """The aids of one page: by bm25 (scored during the walk) within the window of latest matches, or by day.

    `every` selects every filtered match (None: all FTS matches of `q`); date order reads them all.
    """
    if sort in ("newest", "oldest"):
        direction = "DESC" if sort == "newest" else "ASC"
        src, args = every or ("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", [q])
        return [r[0] for r in conn.execute(
            f"SELECT aid FROM articles WHERE aid IN ({src}) ORDER BY day {direction}, aid {direction} LIMIT ? OFFSET ?",
            [*args, per_page, offset])]
    # bm25: lower is better; ties go to the newer article.
    ranked = sorted(window, key=lambda aid: (scores[aid], -aid))
    return ranked[offset:offset + per_page]


def _search(conn: sqlite3.Connection, p: SearchParams) -> dict[str, Any]:
    filters = _filters(p)
    per_page = max(1, min(p.per_page, 100))
    page = max(1, p.page)
    offset = (page - 1) * per_page
    q = p.q.strip()
    ranked_window = False
    approximate = False
    if q and filters:
        matched, scores, total, approximate, every = _filtered_matches(conn, q, filters)
        window = matched[-RANK_WINDOW:]
        ranked_window = total > RANK_WINDOW
        ids = _order(conn, q, window, scores, every, p.sort, per_page, offset)
        sample = ("SELECT value AS aid FROM json_each(?)", [json.dumps(matched[-FACET_SAMPLE:])])
    elif q:
        # The newest RANK_WINDOW + 1 matches with their bm25 scores (FTS5 walks the posting list backwards and
        # stops): the ranking window, the facet sample, and the total (exact when it fits the window, else an
        # estimate flagged as such). One pass: no count(*) over every match, no second pass to rank.
        rows = conn.execute(
            "SELECT rowid, bm25(articles_fts) FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
            [q, RANK_WINDOW + 1]).fetchall()
        scores = {r[0]: r[1] for r in rows}
        latest = [r[0] for r in reversed(rows)]
        if len(latest) > RANK_WINDOW:
            latest = latest[1:]
            if p.sort in ("newest", "oldest"):  # date order reads every match anyway: count them
                total = conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", [q]).fetchone()[0]
            else:
                total, approximate = _estimate(conn, latest), True
        else:
            total = len(latest)
        ranked_window = total > RANK_WINDOW
        ids = _order(conn, q, latest, scores, None, p.sort, per_page, offset)
        sample = ("SELECT value AS aid FROM json_each(?)", [json.dumps(latest[-FACET_SAMPLE:])])
    if not q:
        if filters and filters[0][0].startswith("SELECT aid FROM article_entities"):
            # Drive from the first entity's index (entity_id, day, aid): its newest articles come in order.
            (_, (eid,)), rest = filters[0], filters[1:]
            cond = " AND ".join(["entity_id = ?", *(f"aid IN ({sql})" for sql, _ in rest)])
            args = [eid, *(a for _, fa in rest for a in fa)]
            total = (_filter_size(conn, *filters[0]) if not rest else
                     conn.execute(f"SELECT count(*) FROM article_entities WHERE {cond}", args).fetchone()[0])
            direction = "ASC" if p.sort == "oldest" else "DESC"
            base = f"SELECT aid FROM article_entities WHERE {cond} ORDER BY day {direction}, aid {direction}"
        else:
            cond = " AND ".join(f"aid IN ({sql})" for sql, _ in filters) or "1"
            args = [a for _, fa in filters for a in fa]
            total = conn.execute(f"SELECT count(*) FROM articles WHERE {cond}", args).fetchone()[0]
            direction = "ASC" if p.sort == "oldest" else "DESC"
            base = f"SELECT aid FROM articles WHERE {cond} ORDER BY day {direction}, aid {direction}"
        ids = [r[0] for r in conn.execute(f"{base} LIMIT ? OFFSET ?", [*args, per_page, offset])]
        sample = (f"{base} LIMIT {FACET_SAMPLE}", args)
    rows = {r["aid"]: r for r in conn.execute(
        f"SELECT aid, id, title, source_name, published, url, substr(body, 1, {SCAN_CHARS if q else 260}) AS lead "
        "FROM articles "
        f"WHERE aid IN ({', '.join('?' * len(ids))})", ids)} if ids else {}
    # Snippets and title marks in bounded time (snippets.py), not by FTS5's snippet(): its cost is quadratic in the
    # matches of one document and no timeout can interrupt it.
    terms = query_terms(q) if q else None
    results = []
    for aid in ids:
        r = rows[aid]
        body = r["lead"] or ""
        snip, title_hl = (snippet(body, terms), highlight(r["title"], terms)) if terms else (None, None)
        lead = body[:260]
        results.append({
            "id": r["id"],
            "title": r["title"],
            "title_marked": title_hl or r["title"],
            "source": r["source_name"],
            "published": r["published"],
            "url": r["url"],
            "snippet": snip if snip else lead + ("…" if len(body) >= 260 else ""),
        })
    unfiltered = not q and not filters
    facets = _facets_all(conn) if unfiltered else _facets_cached(conn, (q, repr(filters), p.sort), sample)
    ranked_window = ranked_window and p.sort not in ("newest", "oldest")
    shown = min(total, RANK_WINDOW) if ranked_window else total
    return {
        "query": q,
        "total": total,
        "page": page,
        "per_page": per_page,
        "pages": max(1, -(-shown // per_page)),
        "results": results,
        "facets": facets,
        "facets_sampled": (not unfiltered) and total > FACET_SAMPLE,
        "total_approximate": approximate,
        "ranked_window": RANK_WINDOW if ranked_window else None,
    }


def _facets(conn: sqlite3.Connection, sample_sql: str, args: list[Any]) -> dict[str, Any]:
    """Entity, source and date facets over the sampled matches: two grouped index scans, top-N picked here."""
    types = [t for t, _, _ in FACET_TYPES]
    rows = conn.execute(
        f"WITH m AS ({sample_sql}) SELECT ae.entity_id, ae.type, count(*) AS n FROM m CROSS JOIN article_entities ae "
        f"ON ae.aid = m.aid WHERE ae.type IN ({', '.join('?' * len(types))}) GROUP BY ae.entity_id",
        [*args, *types],
    ).fetchall()
    by_type: dict[str, list[tuple[int, str]]] = {t: [] for t in types}
    for eid, etype, n in rows:
        by_type[etype].append((n, eid))
    top = {t: sorted(v, key=lambda x: (-x[0], x[1]))[:10] for t, v in by_type.items()}
    names = entity_names(conn, [eid for v in top.values() for _, eid in v])
    out: dict[str, Any] = {}
    for t, key, _ in FACET_TYPES:
        items = [{"id": eid, "name": names[eid]["name"], "count": n} for n, eid in top[t] if eid in names]
        items.sort(key=lambda x: (-x["count"], x["name"]))
        out[key] = items
    # Sources and the date range in one pass over the narrow (aid, source_name, day) index.
    srows = conn.execute(
        f"WITH m AS ({sample_sql}) SELECT a.source_name AS s, count(*) AS n, min(a.day) AS lo, max(a.day) AS hi "
        "FROM m JOIN articles a INDEXED BY articles_meta ON a.aid = m.aid GROUP BY a.source_name",
        args,
    ).fetchall()
    named = sorted((r for r in srows if r["s"] is not None), key=lambda r: (-r["n"], r["s"]))[:10]
    out["sources"] = [{"name": r["s"], "count": r["n"]} for r in named]
    lrows = conn.execute(
        f"WITH m AS ({sample_sql}) SELECT json_extract(a.record, '$.language') AS l, count(*) AS n FROM m "
        "JOIN articles a ON a.aid = m.aid "
        "GROUP BY 1", args).fetchall()
    out["languages"] = _languages(lrows)
    los = [r["lo"] for r in srows if r["lo"] is not None]
    his = [r["hi"] for r in srows if r["hi"] is not None]
    out["dates"] = {"min": min(los) if los else None, "max": max(his) if his else None}
    return out


def _languages(rows) -> list[dict[str, Any]]:
    return sorted(({"name": r[0], "count": r[1]} for r in rows if r[0]), key=lambda x: (-x["count"], x["name"]))


def _facets_cached(conn: sqlite3.Connection, key: tuple, sample: tuple[str, list[Any]]) -> dict[str, Any]:
    """Facet counts of one query, from a small per-connection LRU cache when the same query ran before.

    Why: people page through a result list and come back to it; its facets (the costliest part of a search page)
    do not change with the page. The cache holds `facet_cache_size` queries (0: none) and is emptied whenever the
    store changes (PRAGMA data_version moves when another connection commits).
    """
    size = getattr(conn, "facet_cache_size", 0)
    if not size:
        return _facets(conn, *sample)
    cache: OrderedDict = conn.cache.setdefault("facets", OrderedDict())
    version = conn.execute("PRAGMA data_version").fetchone()[0]
    if conn.cache.get("facets_version") != version:
        cache.clear()
        conn.cache["facets_version"] = version
    hit = cache.get(key)
    if hit is not None:
        cache.move_to_end(key)
        return hit
    out = cache[key] = _facets(conn, *sample)
    if len(cache) > size:
        cache.popitem(last=False)
    return out


def _facets_all(conn: sqlite3.Connection) -> dict[str, Any]:
    """Facets over the whole store, from the counts the writer keeps; recomputed only after the store changes
    (PRAGMA data_version moves when another connection commits), so browsing costs no scan."""
    cache = getattr(conn, "cache", None)  # a ReadConnection's; other connections recompute every time
    version = conn.execute("PRAGMA data_version").fetchone()[0]
    cached = cache.get("facets_all") if cache is not None else None
    if cached and cached[0] == version:
        return cached[1]
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
    out["languages"] = _languages(conn.execute(  # a scan of the articles_language index only
        f"SELECT {LANGUAGE} AS l, count(*) FROM articles GROUP BY 1").fetchall())
    lo = conn.execute("SELECT min(day) FROM articles").fetchone()[0]  # separate: each uses the day index
    hi = conn.execute("SELECT max(day) FROM articles").fetchone()[0]
    out["dates"] = {"min": lo, "max": hi}
    if cache is not None:
        cache["facets_all"] = (version, out)
    return out
