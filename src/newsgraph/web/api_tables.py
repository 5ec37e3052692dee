"""The store's long tables over HTTP: /api/articles, /api/entities, /api/mentions, /api/quotes, /api/events,
/api/facts, /api/dates, as JSON pages (`limit`, `cursor`) or as the whole filtered table in CSV (`?format=csv` or
the `.csv` path), the same rows and columns `newsgraph export --format csv --table ...` writes.

CSV is streamed a few hundred rows at a time from keyset pages of the store, over a connection of its own (the
stream outlives the request's worker thread and its deadline), so a 100,000-article table goes out in bounded
memory; JSON pages continue from a cursor (article row, item index) rather than an offset, so a deep page costs
what the first does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse

from newsgraph.confidence import filter_record
from newsgraph.store import filters as F
from newsgraph.store import tables as T
from newsgraph.web.api_errors import ERROR_RESPONSES, ApiError
from newsgraph.web.models import table_page_model

#: Rows sent per chunk of a CSV stream.
CSV_CHUNK_ROWS = 500
_CURSOR = re.compile(r"^(\d+)\.(\d+)$")
_DESCRIBE = {
    "articles": "one row per article", "entities": "one row per entity of an article",
    "mentions": "one row per mention of an entity", "quotes": "one row per quote", "events": "one row per event",
    "facts": "one row per numeric fact", "dates": "one row per resolved date",
}


def article_filter(conn: Any, q: str, date_from: str | None, date_to: str | None, source: str | None,
                   entities: list[str] | None) -> F.ArticleFilter:
    """The shared export filter from API parameters; an invalid value is a 422 naming the parameter."""
    try:
        return F.validate(conn, F.ArticleFilter(q=q or "", date_from=date_from, date_to=date_to, source=source,
                                                entities=list(entities or [])))
    except F.FilterError as exc:
        raise ApiError(422, str(exc), exc.param) from None


def _cursor(value: str | None) -> tuple[int, int]:
    if not value:
        return 0, 0
    m = _CURSOR.match(value)
    if not m:
        raise ApiError(422, f"cursor={value!r} is not a cursor: pass the next_cursor of the previous page", "cursor")
    return int(m.group(1)), int(m.group(2))


def page(conn: Any, table: str, flt: F.ArticleFilter, limit: int, cursor: str | None,
         min_confidence: float = 0.0) -> tuple[list[dict], str | None]:
    """Up to `limit` rows from the cursor on, and the cursor of the row after them (None at the end)."""
    aid0, skip = _cursor(cursor)
    rows: list[dict] = []
    for aid, rec in F.iter_filtered(conn, flt, after_aid=max(aid0 - 1, 0), page=50):
        for i, row in enumerate(T.rows(table, filter_record(rec, min_confidence))):
            if aid == aid0 and i < skip:
                continue
            if len(rows) == limit:
                return rows, f"{aid}.{i}"
            rows.append(row)
    return rows, None


def csv_stream(path: Any, table: str, flt: F.ArticleFilter, min_confidence: float = 0.0) -> Iterator[str]:
    """The whole filtered table as CSV, in chunks (Starlette pulls them from worker threads), over its own
    read-only connection, closed at the end."""
    from newsgraph.store.db import connect_readonly

    conn = connect_readonly(path)
    try:
        buf: list[str] = []
        records = (filter_record(rec, min_confidence) for _, rec in F.iter_filtered(conn, flt))
        for line in T.csv_lines(table, records):
            buf.append(line)
            if len(buf) >= CSV_CHUNK_ROWS:
                yield "".join(buf)
                buf = []
        if buf:
            yield "".join(buf)
    finally:
        conn.close()


def register(app: FastAPI, db: Any) -> None:
    """Add GET /api/<table> and /api/<table>.csv for every table."""
    for table in T.TABLES:
        _register_one(app, db, table)


def _register_one(app: FastAPI, db: Any, table: str) -> None:
    model = table_page_model(table)

    def handler(
        request: Request,
        q: str = Query("", description="Only articles matching this full-text query (as /api/search)"),
        from_: Annotated[str | None, Query(alias="from", description="Published on or after YYYY-MM-DD")] = None,
        to: Annotated[str | None, Query(description="Published on or before YYYY-MM-DD")] = None,
        source: Annotated[str | None, Query(description="Only articles from this source (name or domain)")] = None,
        entity: Annotated[list[str] | None, Query(description="Only articles about this entity id (repeatable: all)")] = None,
        format: Annotated[Literal["json", "csv"], Query(description="json: one page; csv: the whole filtered table")] = "json",
        limit: Annotated[int, Query(ge=1, le=1000, description="Rows per JSON page")] = 100,
        cursor: Annotated[str | None, Query(description="next_cursor of the previous page")] = None,
        min_confidence: Annotated[float, Query(ge=0.0, le=1.0, description="Only items with at least this confidence "
                                                 "(0 gives every item, as /api/articles/{id})")] = 0.0,
    ) -> Any:
        conn = db.get()
        flt = article_filter(conn, q, from_, to, source, entity)
        if format == "csv" or request.url.path.endswith(".csv"):
            return StreamingResponse(csv_stream(db.path, table, flt, min_confidence), media_type="text/csv; charset=utf-8",
                                     headers={"content-disposition": f'attachment; filename="{table}.csv"'})
        rows, nxt = page(conn, table, flt, limit, cursor, min_confidence)
        total = F.count(conn, flt, T.SQL_TABLE.get(table), min_confidence)
        return JSONResponse({
            "table": table, "columns": list(T.columns(table)), "total": total, "limit": limit, "rows": rows,
            "next_cursor": nxt, "next": str(request.url.include_query_params(cursor=nxt)) if nxt else None,
        })

    summary = f"The {table} table"
    doc = (f"{_DESCRIBE[table].capitalize()} of the articles matching the filters, with the columns of "
           f"`newsgraph export --format csv --table {table}`: a JSON page, or with `format=csv` (or the .csv path) the "
           "whole filtered table as CSV, streamed.")
    csv_response = {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": "The table as CSV"}
    app.add_api_route(f"/api/{table}", handler, methods=["GET"], tags=["tables"], summary=summary, description=doc,
                      response_model=model, responses={**ERROR_RESPONSES, 200: csv_response})
    app.add_api_route(f"/api/{table}.csv", handler, methods=["GET"], tags=["tables"], summary=f"{summary} as CSV",
                      description=doc, response_class=StreamingResponse,
                      responses={**ERROR_RESPONSES, 200: csv_response})
