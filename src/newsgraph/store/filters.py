"""Which stored articles an export or a table endpoint covers: one filter shared by `newsgraph export` (every
format) and the API's table endpoints, so `--q/--from/--to/--source/--entity` mean the same everywhere.

Why a separate module: the search page ranks and pages a few results; an export walks every matching article in
storage order, so it needs the filters as one SQL condition over `articles` rather than the search's ranked window.
Invalid values are refused with a message saying what was expected (a date that is not YYYY-MM-DD, a name given
where an entity id is expected) instead of silently matching everything or nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any


class FilterError(ValueError):
    """A filter value that cannot be used; `param` names the parameter, the message says what was expected."""

    def __init__(self, param: str, message: str):
        self.param = param
        super().__init__(message)


@dataclass
class ArticleFilter:
    q: str = ""  # FTS5 query over title and body
    date_from: str | None = None  # YYYY-MM-DD, inclusive (publication day)
    date_to: str | None = None
    source: str | None = None  # source name or domain
    entities: list[str] = field(default_factory=list)  # entity ids; an article must be about all of them

    def is_empty(self) -> bool:
        return not (self.q.strip() or self.date_from or self.date_to or self.source or self.entities)


def parse_day(value: str | None, param: str) -> str | None:
    """YYYY-MM-DD (a full ISO date) or None; anything else is a FilterError naming the parameter."""
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value.strip()).isoformat() if len(value.strip()) == 10 else _bad_day(value, param)
    except ValueError:
        return _bad_day(value, param)


def _bad_day(value: str, param: str) -> str:
    raise FilterError(param, f"{param}={value!r} is not a date: use YYYY-MM-DD (for example 2024-03-01)")


def check_entities(conn: sqlite3.Connection, ids: list[str], param: str = "entity") -> None:
    """Every value must be a stored entity id; a name (or anything else) gets a message that says so and, when the
    name is known, which id(s) it has."""
    for value in ids:
        if conn.execute("SELECT 1 FROM entities WHERE id = ?", (value,)).fetchone():
            continue
        rows = conn.execute(
            "SELECT id, type FROM entities WHERE name = ? COLLATE NOCASE ORDER BY article_count DESC LIMIT 5", (value,)
        ).fetchall()
        if rows:
            hint = ", ".join(f"{r[0]} ({r[1]})" for r in rows)
            raise FilterError(param, f"{param}={value!r} is a name, not an entity id; its id: {hint}")
        raise FilterError(param, f"{param}={value!r} is not an entity id in this store (an id is "
                                 "the entity_id column of the entities export, or the id in /entity/{id})")


def validate(conn: sqlite3.Connection, f: ArticleFilter) -> ArticleFilter:
    """The filter with dates normalised, or FilterError for the first bad value."""
    f.date_from = parse_day(f.date_from, "from")
    f.date_to = parse_day(f.date_to, "to")
    if f.date_from and f.date_to and f.date_from > f.date_to:
        raise FilterError("from", f"from={f.date_from} is after to={f.date_to}")
    check_entities(conn, f.entities)
    if f.q.strip():
        try:
            conn.execute("SELECT count(*) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1)",
                         (f.q,)).fetchone()
        except sqlite3.OperationalError as exc:
            raise FilterError("q", f"q={f.q!r} is not a valid search ({str(exc).replace('fts5: ', '')}); put "
                                   "phrases and punctuation in double quotes") from None
    return f


def where(f: ArticleFilter, alias: str = "a") -> tuple[str, list[Any]]:
    """The filter as one SQL condition on `articles AS alias`, with its parameters."""
    conds: list[str] = []
    args: list[Any] = []
    if f.q.strip():
        conds.append(f"{alias}.aid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        args.append(f.q)
    if f.date_from:
        conds.append(f"{alias}.day >= ?")
        args.append(f.date_from)
    if f.date_to:
        conds.append(f"{alias}.day <= ?")
        args.append(f.date_to)
    if f.source:
        conds.append(f"({alias}.source_name = ? OR {alias}.source_domain = ?)")
        args += [f.source, f.source]
    for eid in f.entities:
        conds.append(f"{alias}.aid IN (SELECT aid FROM article_entities WHERE entity_id = ?)")
        args.append(eid)
    return (" AND ".join(conds) or "1"), args


def iter_filtered(conn: sqlite3.Connection, f: ArticleFilter, after_aid: int = 0,
                  page: int = 500) -> Iterator[tuple[int, dict[str, Any]]]:
    """(aid, record) of every matching article with aid > after_aid, in storage order, one row at a time.

    Why in pages (of `page` articles) by aid: one long-running SELECT over a WAL store pins a snapshot for the whole export;
    keyset pages keep each statement short, and memory stays one page of records whatever the store's size.
    """
    cond, args = where(f)
    last = after_aid
    while True:
        rows = conn.execute(
            f"SELECT a.aid, a.record FROM articles a WHERE a.aid > ? AND {cond} ORDER BY a.aid LIMIT ?",
            [last, *args, page]).fetchall()
        if not rows:
            return
        for aid, record in rows:
            yield aid, json.loads(record)
        last = rows[-1][0]


#: Tables whose rows are shown only when an event happened (confidence.filter_record leaves out the rest).
_ASSERTED_ONLY = {"events"}


def _shown(table: str, min_confidence: float) -> tuple[str, list[Any]]:
    """The SQL condition on `table AS t` that keeps the rows `confidence.filter_record(record, min_confidence)`
    keeps: confidence at or above the threshold or absent (a record from before confidence), events asserted or
    without a status, and a mention only while its entity is kept."""
    if min_confidence <= 0:
        return "1", []
    if table == "mentions":
        return ("EXISTS (SELECT 1 FROM article_entities ae WHERE ae.aid = t.aid AND ae.entity_id = t.entity_id "
                "AND (ae.confidence IS NULL OR ae.confidence >= ?))"), [min_confidence]
    cond = "(t.confidence IS NULL OR t.confidence >= ?)"
    if table in _ASSERTED_ONLY:
        cond += " AND (t.status IS NULL OR t.status = 'asserted')"
    return cond, [min_confidence]


def count(conn: sqlite3.Connection, f: ArticleFilter, table: str | None = None, min_confidence: float = 0.0) -> int:
    """Matching articles, or rows of one child table (quotes, events, facts, dates, mentions, article_entities);
    with `min_confidence` > 0 only the rows that threshold shows (the article count does not depend on it).

    Why in SQL: the child tables carry each item's confidence (and an event's status), so the count under a
    threshold is one indexed query, not a read of every matching record."""
    cond, args = where(f)
    if table is None:
        return conn.execute(f"SELECT count(*) FROM articles a WHERE {cond}", args).fetchone()[0]
    shown, shown_args = _shown(table, min_confidence)
    if f.is_empty():
        return conn.execute(f"SELECT count(*) FROM {table} t WHERE {shown}", shown_args).fetchone()[0]
    return conn.execute(f"SELECT count(*) FROM {table} t WHERE {shown} AND t.aid IN "
                        f"(SELECT a.aid FROM articles a WHERE {cond})", [*shown_args, *args]).fetchone()[0]
