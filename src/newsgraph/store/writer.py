"""Writing article records into the store: one transaction per article, idempotent by article id.

- The same article twice stays one row: a record whose id is stored with the same content hash is skipped.
- A changed page (same id, different content hash) replaces the older version and all of its annotations.
- Each article is written inside BEGIN IMMEDIATE ... COMMIT, so a kill -9 leaves either the whole article or none.
- `inputs` remembers which raw input (name + fingerprint of its bytes and the newsgraph version) produced which
  article, so a rerun can skip inputs already stored before paying for their analysis, while an upgraded
  newsgraph analyses them again.
- Per-entity aggregates (article and mention counts, mentions per day, co-occurrence counts) are adjusted in the
  same transaction as the article, so the topic page never counts over an entity's articles.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from newsgraph import __version__
from newsgraph.cleantext import safe_text, safe_value
from newsgraph.errors import FailureKind
from newsgraph.records import Article
from newsgraph.settings import DEFAULT_DB
from newsgraph.store.db import connect
from newsgraph.store.schema import COOCCUR_TOP

Outcome = Literal["added", "replaced", "unchanged"]



def now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def content_hash(record: dict[str, Any]) -> str:
    """sha1 of the record without `input`: the same article reached by another path is the same content.

    Any str hashes (a lone surrogate is hashed as its code unit, never raised on); valid text hashes as UTF-8."""
    d = {k: v for k, v in record.items() if k != "input"}
    return hashlib.sha1(json.dumps(d, sort_keys=True, ensure_ascii=False).encode("utf-8", "surrogatepass")).hexdigest()


def web_urls_only(record: dict[str, Any]) -> dict[str, Any]:
    """The record with any URL that is not absolute http(s) set to None: records loaded from JSON files reach the
    store without passing through extraction, and the web pages and API must never hand out a `javascript:` link."""
    from newsgraph.extract.boundary import web_url

    for key in ("url", "fetched_url"):
        if record.get(key) and web_url(record[key]) is None:
            record[key] = None
    for image in record.get("images") or []:
        if isinstance(image, dict) and image.get("url") and web_url(image["url"]) is None:
            image["url"] = None
    return record


def merge_urls(stored: list[str], new: list[str]) -> list[str]:
    """The URLs of an article already stored, then the new input's others: one article reached by two URLs (two
    WARC records, a redirect, a canonical link) keeps both as provenance, whichever input came last."""
    return [*stored, *(u for u in new if u not in stored)]


def raw_hash(data: bytes) -> str:
    """The fingerprint of one raw input: its bytes and the newsgraph version that analysed them.

    Why the version: an upgraded pipeline gives better records from the same bytes, so a rerun after an upgrade
    must analyse stored inputs again rather than skip them.
    """
    h = hashlib.sha1(f"newsgraph {__version__}\0".encode())
    h.update(data)
    return h.hexdigest()


def day_of(published: str | None) -> str | None:
    """YYYY-MM-DD from an ISO 8601 date or datetime, else None."""
    if not published or len(published) < 10:
        return None
    day = published[:10]
    try:
        dt.date.fromisoformat(day)
    except ValueError:
        return None
    return day


class StoreWriter:
    """The ingest side of the store (one per process; SQLite serialises writers)."""

    def __init__(self, path: str | Path = DEFAULT_DB):
        self.path = Path(path)
        self.conn = connect(self.path, create=True)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> StoreWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- skipping work already done ------------------------------------------------------------------------
    def input_done(self, input: str, data: bytes) -> bool:
        """True when this input, with these exact bytes, was already stored (a rerun skips it)."""
        row = self.conn.execute("SELECT raw_hash FROM inputs WHERE input = ?", (safe_text(input),)).fetchone()
        return row is not None and row[0] == raw_hash(data)

    # -- articles --------------------------------------------------------------------------------------------
    def put(self, article: Article | dict[str, Any], raw: bytes | None = None) -> Outcome:
        """Store one article (and, given its raw bytes, remember its input) in one transaction.

        Every string is made valid UTF-8 first (safe_value): SQLite and the JSON record never see a lone surrogate."""
        record = web_urls_only(safe_value(article.to_dict() if isinstance(article, Article) else dict(article)))
        chash = content_hash(record)
        c = self.conn
        c.execute("BEGIN IMMEDIATE")
        try:
            row = c.execute("SELECT aid, content_hash, json_extract(record, '$.urls') AS urls FROM articles "
                            "WHERE id = ?", (record["id"],)).fetchone()
            if row is not None and row["urls"]:
                record["urls"] = merge_urls(json.loads(row["urls"]), record.get("urls") or [])
                chash = content_hash(record)
            if row is not None and row["content_hash"] == chash:
                outcome: Outcome = "unchanged"
            else:
                if row is not None:
                    _delete_children(c, row["aid"])
                    outcome = "replaced"
                else:
                    outcome = "added"
                aid = _write_article(c, record, chash, row["aid"] if row is not None else None)
                _write_children(c, aid, record)
            if raw is not None:
                c.execute(
                    "INSERT OR REPLACE INTO inputs(input, raw_hash, article_id, stored_at) VALUES (?, ?, ?, ?)",
                    (record.get("input") or "", raw_hash(raw), record["id"], now()),
                )
            c.execute("DELETE FROM failures WHERE input = ?", (record.get("input") or "",))
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise
        return outcome

    def put_many(self, articles: Iterable[Article | dict[str, Any]]) -> dict[str, int]:
        counts = {"added": 0, "replaced": 0, "unchanged": 0}
        for a in articles:
            counts[self.put(a)] += 1
        return counts

    # -- failures --------------------------------------------------------------------------------------------
    def add_failure(self, input: str, reason: str, kind: FailureKind | str | None = None) -> None:
        """Record a failed input with its kind (`InputError.kind`; without one, the kind its wording tells);
        the latest failure per input is kept."""
        c = self.conn
        input, reason = safe_text(input), safe_text(reason)
        kind = FailureKind.of_row(kind, reason)
        c.execute("BEGIN IMMEDIATE")
        try:
            c.execute("DELETE FROM failures WHERE input = ?", (input,))
            c.execute("INSERT INTO failures(input, reason, kind, at) VALUES (?, ?, ?, ?)", (input, reason, kind.value, now()))
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise


def _write_article(c: sqlite3.Connection, r: dict[str, Any], chash: str, aid: int | None) -> int:
    src = r.get("source") or {}
    source = src.get("name") or src.get("domain")
    values = (
        r["id"], chash, r.get("input"), r.get("url"), source, src.get("domain"), r.get("title"), r.get("section"),
        r.get("published"), day_of(r.get("published")), r.get("body") or "",
        json.dumps(r, ensure_ascii=False), now(),
    )
    cols = "id, content_hash, input, url, source_name, source_domain, title, section, published, day, body, record, stored_at"
    if aid is None:
        cur = c.execute(f"INSERT INTO articles({cols}) VALUES ({', '.join('?' * 13)})", values)
        return int(cur.lastrowid)
    sets = ", ".join(f"{name.strip()} = ?" for name in cols.split(","))
    c.execute(f"UPDATE articles SET {sets} WHERE aid = ?", (*values, aid))
    return aid


def _delete_children(c: sqlite3.Connection, aid: int) -> None:
    _aggregate(c, aid, -1)
    for table in ("article_entities", "mentions", "quotes", "events", "facts", "dates"):
        c.execute(f"DELETE FROM {table} WHERE aid = ?", (aid,))


def _aggregate(c: sqlite3.Connection, aid: int, sign: int) -> None:
    """Add (+1) or take away (-1) one article's entities from the per-entity aggregates.

    Why incremental: recounting an entity from article_entities costs as many rows as it has articles, for every
    article that mentions it (quadratic over an ingest); an increment costs a few index updates.
    """
    rows = c.execute("SELECT entity_id, mention_count, day FROM article_entities WHERE aid = ? "
                     "ORDER BY salience DESC, entity_id", (aid,)).fetchall()
    if not rows:
        return
    c.executemany("UPDATE entities SET article_count = article_count + ?, mention_count = mention_count + ? WHERE id = ?",
                  [(sign, sign * m, e) for e, m, _ in rows])
    c.executemany(
        "INSERT INTO entity_days(entity_id, day, articles, mentions) VALUES (?, ?, ?, ?) ON CONFLICT(entity_id, day) "
        "DO UPDATE SET articles = articles + excluded.articles, mentions = mentions + excluded.mentions",
        [(e, day, sign, sign * m) for e, m, day in rows if day])
    ids = [r[0] for r in rows[:COOCCUR_TOP]]
    c.executemany(
        "INSERT INTO cooccur(entity_id, other_id, n) VALUES (?, ?, ?) ON CONFLICT(entity_id, other_id) "
        "DO UPDATE SET n = n + excluded.n", [(a, b, sign) for a in ids for b in ids if a != b])
    if sign < 0:
        every = [r[0] for r in rows]
        c.execute(f"DELETE FROM entity_days WHERE entity_id IN ({', '.join('?' * len(every))}) AND articles <= 0", every)
        c.execute(f"DELETE FROM cooccur WHERE entity_id IN ({', '.join('?' * len(ids))}) AND n <= 0", ids)


def _write_children(c: sqlite3.Connection, aid: int, r: dict[str, Any]) -> None:
    ents = r.get("entities") or []
    day = day_of(r.get("published"))
    for e in ents:
        geo = e.get("geo") or {}
        c.execute(
            "INSERT INTO entities(id, name, type, geonameid, lat, lon, country_code) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET name = excluded.name, type = excluded.type, "
            "geonameid = coalesce(excluded.geonameid, geonameid), lat = coalesce(excluded.lat, lat), "
            "lon = coalesce(excluded.lon, lon), country_code = coalesce(excluded.country_code, country_code)",
            (e["id"], e.get("name") or e["id"], e.get("type") or "other", geo.get("geonameid"), geo.get("lat"),
             geo.get("lon"), geo.get("country_code")),
        )
    c.executemany(
        "INSERT OR REPLACE INTO article_entities(aid, entity_id, type, salience, mention_count, day, confidence) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(aid, e["id"], e.get("type") or "other", float(e.get("salience") or 0), len(e.get("mentions") or []), day,
          e.get("confidence")) for e in ents],
    )
    c.executemany(
        "INSERT INTO mentions(aid, entity_id, start, end, text) VALUES (?, ?, ?, ?, ?)",
        [(aid, e["id"], m["start"], m["end"], m.get("text")) for e in ents for m in e.get("mentions") or []],
    )
    c.executemany(
        "INSERT INTO quotes(aid, text, start, end, kind, speaker, speaker_name, cue, day, confidence, speaker_confidence) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(aid, q.get("text") or "", q.get("start"), q.get("end"), q.get("kind"), q.get("speaker"),
          q.get("speaker_name"), q.get("cue"), day, q.get("confidence"), q.get("speaker_confidence"))
         for q in r.get("quotes") or []],
    )
    c.executemany(
        "INSERT INTO events(aid, type, mode, source, target, location, date, start, end, trigger, day, confidence, "
        "source_confidence, target_confidence, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(aid, ev.get("type") or "", ev.get("mode"), ev.get("source"), ev.get("target"), ev.get("location"),
          ev.get("date"), ev.get("start"), ev.get("end"), ev.get("trigger"), day, ev.get("confidence"),
          ev.get("source_confidence"), ev.get("target_confidence"), ev.get("status")) for ev in r.get("events") or []],
    )
    c.executemany(
        "INSERT INTO facts(aid, kind, value, qualifier, start, end, text, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(aid, f.get("kind") or "", f.get("value"), f.get("qualifier"), f.get("start"), f.get("end"), f.get("text"),
          f.get("confidence")) for f in r.get("facts") or []],
    )
    c.executemany(
        "INSERT INTO dates(aid, text, value, start, end, resolution, confidence) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(aid, d.get("text"), d.get("value"), d.get("start"), d.get("end"), d.get("resolution"), d.get("confidence"))
         for d in r.get("dates") or []],
    )
    _aggregate(c, aid, +1)
