"""The read-only web app: HTML pages (search, article, topic) and a JSON API over one store file.

`create_app(db_path)` builds a FastAPI app; `newsgraph serve` runs it with uvicorn on 127.0.0.1 (one process per
core with --workers). Handlers that read the store are plain `def`, so FastAPI runs them in worker threads and the
event loop stays free: one slow request (a costly search) cannot stall the others, as it did when every handler ran
its SQLite queries on the event loop. The pool is kept small (settings.web_threads, 8): with 20 threads queueing for
the GIL between row steps, pages got slower than served one by one. Each request's SQL stops at a deadline and its
searches are size-limited (guard.py: 503 with Retry-After, 422). Each thread keeps its
own read-only SQLite connection (mode=ro, query_only), so no request can change the store. Pages are
rendered by Jinja2 with autoescaping on; the Content-Security-Policy forbids inline and third-party scripts, a
second line of defence behind escaping.
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

import anyio.to_thread
from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape

from newsgraph.confidence import filter_record, thresholds
from newsgraph.records import TOPIC_KEYS
from newsgraph.settings import get_settings
from newsgraph.store import queries
from newsgraph.store.db import connect_readonly
from newsgraph.store.filters import FilterError, check_entities, parse_day
from newsgraph.store.queries import FACET_TYPES, QueryError, SearchParams
from newsgraph.web import api_errors, api_tables, models, render
from newsgraph.web.api_errors import ERROR_RESPONSES, ApiError, error_body
from newsgraph.web.guard import (
    RETRY_AFTER,
    Deadline,
    SearchLimitError,
    check_search,
    is_interrupted,
    timeout_body,
    watch,
)
from newsgraph.web.highlight import api_hit
from newsgraph.web.middleware import SecurityHeaders

HERE = Path(__file__).resolve().parent
FILTER_KEYS = TOPIC_KEYS
PANEL_LABELS = {"person": "People", "country": "Country", "city": "City", "organisation": "Organisation"}


class Connections:
    """One read-only connection per thread (sqlite3 connections are not shared across threads here)."""

    def __init__(self, path: Path):
        self.path = path
        self.local = threading.local()
        connect_readonly(path).close()  # fail at start, not on the first request

    def get(self) -> sqlite3.Connection:
        conn = getattr(self.local, "conn", None)
        if conn is None:
            conn = self.local.conn = watch(connect_readonly(self.path))  # the request deadline stops its SQL
        return conn


def schema_type(schema: dict[str, Any]) -> str:
    """A short type label from an OpenAPI schema: 'string', 'array of string | null', 'integer (default 20)'."""
    def one(sc: dict[str, Any]) -> str:
        t = sc.get("type", "")
        if t == "array" and isinstance(sc.get("items"), dict):
            return f"array of {sc['items'].get('type', '')}"
        return t
    label = " | ".join(one(x) for x in schema["anyOf"]) if "anyOf" in schema else one(schema)
    default = schema.get("default")
    if default not in (None, "", []):
        label += f" (default {default})"
    return label


def make_env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(HERE / "templates")),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # templates ship with the package: compile each once per process, never stat per request
    )
    env.filters["marked"] = render.marked
    env.filters["safe_url"] = render.safe_url
    env.filters["schema_type"] = schema_type
    env.globals["FACET_TYPES"] = FACET_TYPES
    env.globals["FACET_SAMPLE"] = queries.FACET_SAMPLE
    for name in env.list_templates(extensions=["html"]):
        env.get_template(name)  # compiled at start, not on a user's first request
    return env


def params_from(qp: Any) -> SearchParams:
    """Search parameters from a query string, leniently (a bad page number is page 1, not an error); a search
    past the size limits (guard.check_search) raises SearchLimitError, answered 422."""

    def as_int(v: str | None, default: int) -> int:
        try:
            return int(v) if v is not None else default
        except ValueError:
            return default

    ents = {key: [v for v in qp.getlist(name) if v] for name, key in FILTER_KEYS.items()}
    check_search((qp.get("q") or "")[:500], sum(len(v) for v in ents.values()))  # 422 past the limits
    return SearchParams(
        q=(qp.get("q") or "")[:500],
        entities={k: v for k, v in ents.items() if v},
        source=qp.get("source") or None,
        language=(qp.get("language") or "").strip().lower()[:8] or None,
        date_from=qp.get("from") or None,
        date_to=qp.get("to") or None,
        page=min(max(as_int(qp.get("page"), 1), 1), 10_000),
        per_page=min(max(as_int(qp.get("per_page"), 20), 1), 100),
        sort=qp.get("sort") if qp.get("sort") in ("relevance", "newest", "oldest") else "relevance",
    )


class QueryStrings:
    """Search URLs for `p` with some parameters changed (None removes one); used by facets, chips and paging.

    Why a class: a results page builds about fifty such links; each parameter is encoded once here and a link
    re-encodes only what it changes.
    """

    def __init__(self, p: SearchParams):
        state: dict[str, Any] = {
            "q": p.q or None, "source": p.source, "language": p.language, "from": p.date_from, "to": p.date_to,
            "sort": p.sort if p.sort != "relevance" else None, "page": None,
        }
        self.keys = [*state, *FILTER_KEYS]
        self.parts = {k: self._encode(k, v) for k, v in state.items()}
        self.parts.update({name: self._encode(name, p.entities.get(key, [])) for name, key in FILTER_KEYS.items()})

    @staticmethod
    def _encode(key: str, value: Any) -> str:
        if key in FILTER_KEYS:
            return urlencode([(key, i) for i in value or []])
        return "" if value in (None, "") else urlencode([(key, value)])

    def __call__(self, **changes: Any) -> str:
        parts = self.parts
        if changes:
            parts = dict(parts)
            for k, v in changes.items():
                key = k.rstrip("_")
                parts[key] = self._encode(key, v)
        joined = "&".join(x for x in (parts[k] for k in self.keys) if x)
        return "/?" + joined if joined else "/"


def query_string(p: SearchParams, **changes: Any) -> str:
    """The search URL for `p` with some parameters changed (None removes one; the page is kept only if given)."""
    return QueryStrings(p)(**changes)


def _id_of(rec: dict[str, Any], etype: str, name: str) -> str | None:
    """The id of the record's entity of this type and name (before filtering), if any."""
    for e in rec.get("entities") or []:
        if e.get("type") == etype and e.get("name") == name:
            return e.get("id")
    return None


def app_from_env() -> FastAPI:
    """The app for the store named by NEWSGRAPH_DB (uvicorn's factory for `newsgraph serve --workers N`)."""
    db = get_settings().db
    if not db:
        raise RuntimeError("NEWSGRAPH_DB is not set: it names the store app_from_env serves")
    return create_app(db)


def create_app(db_path: str | Path, min_confidence: float | None = None) -> FastAPI:
    """The app over one store; pages show items at or above `min_confidence` (every kind), by default at or above
    each kind's display threshold of the settings (read once, when the app is made)."""
    db = Connections(Path(db_path))
    shown = thresholds(min_confidence)
    shown_note = render.thresholds_note(shown)
    env = make_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # Database work runs in worker threads (sync handlers), this many at once per process.
        anyio.to_thread.current_default_thread_limiter().total_tokens = max(1, get_settings().web_threads)
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="newsgraph",
        description="Read-only JSON API over a newsgraph store: search, articles, entities (topics), facets.",
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
    )
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    app.add_middleware(SecurityHeaders)
    app.add_middleware(Deadline)
    api_errors.install(app)

    @app.exception_handler(SearchLimitError)
    async def search_too_large(request: Request, exc: SearchLimitError) -> Response:
        if request.url.path.startswith(("/api", "/feeds")):
            return JSONResponse(error_body(422, "invalid_parameter", str(exc), "q"), status_code=422)
        return page("error.html", status=422, title="Search too large", message=str(exc))

    @app.exception_handler(sqlite3.OperationalError)
    async def database_error(request: Request, exc: sqlite3.OperationalError) -> Response:
        if not is_interrupted(exc):
            raise exc
        body, ctype = timeout_body(request.url.path)
        if request.url.path.startswith("/api/"):  # the API's one error shape
            import json

            message = json.loads(body)["error"]
            return JSONResponse(error_body(503, "timeout", message), status_code=503,
                                headers={"Retry-After": str(RETRY_AFTER)})
        return Response(body, status_code=503, media_type=ctype, headers={"Retry-After": str(RETRY_AFTER)})

    def page(name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**ctx), status_code=status)

    def run_search(p: SearchParams) -> tuple[dict[str, Any] | None, str | None, str | None]:
        """(result, error message, the query actually run when a fallback was used)."""
        conn = db.get()
        try:
            return queries.search(conn, p), None, None
        except QueryError as exc:
            plain = queries.plain_query(p.q)
            if plain and plain != p.q:
                try:
                    p2 = SearchParams(**{**p.__dict__, "q": plain})
                    return queries.search(conn, p2), str(exc), plain
                except QueryError:
                    pass
            return None, str(exc), None

    # -- HTML pages ------------------------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request) -> HTMLResponse:
        p = params_from(request.query_params)
        result, error, fallback = run_search(p)
        selected = queries.entity_names(db.get(), p.entity_ids())
        return page(
            "search.html", status=200, p=p, r=result, error=error, fallback=fallback, selected=selected,
            qs=QueryStrings(p), filter_keys=FILTER_KEYS,
        )

    @app.get("/article/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: str) -> HTMLResponse:
        rec = queries.get_article(db.get(), article_id)
        if rec is None:
            return page("error.html", status=404, title="Article not found",
                        message=f"No article with id {article_id} in this store.")
        by_id = {e["id"]: e for e in rec.get("entities") or []}  # every entity, for names of ids items refer to
        full = rec
        rec = filter_record(rec, shown)
        ents = rec.get("entities") or []
        by_type_name = {(e.get("type"), e.get("name")): e for e in ents}
        confs = rec.get("topics_confidence") or {}
        panel = []
        for etype, key, _label in FACET_TYPES:
            names = (rec.get("topics") or {}).get(key) or []
            cs = confs.get(key) or []
            items = [{**(by_type_name.get((etype, n)) or by_id.get(_id_of(full, etype, n)) or {"name": n, "id": None}),
                      "topic_confidence": cs[i] if i < len(cs) else None} for i, n in enumerate(names)]
            if not names:
                items = sorted((e for e in ents if e.get("type") == etype), key=lambda e: -(e.get("salience") or 0))
            panel.append((PANEL_LABELS[etype], etype, items))
        body = rec.get("body") or ""
        hidden = sum(len(full.get(k) or []) - len(rec.get(k) or []) for k in ("entities", "quotes", "events", "facts", "dates"))
        return page(
            "article.html", a=rec, panel=panel, body=render.body_html(body, ents), by_id=by_id,
            excerpt=lambda s, e: render.excerpt(body, s, e), thresholds=shown_note, hidden=hidden,
        )

    @app.get("/entity/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(entity_id: str) -> HTMLResponse:
        ent = queries.get_entity(db.get(), entity_id)
        if ent is None:
            return page("error.html", status=404, title="Topic not found", message=f"No entity with id {entity_id}.")
        return page("entity.html", e=ent, chart=render.timeline_svg(ent["timeline"]), map=render.map_svg(ent["places"]))

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon() -> RedirectResponse:
        return RedirectResponse("/static/favicon.svg", status_code=301)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs_page() -> HTMLResponse:
        return page("docs.html", spec=app.openapi())

    # -- JSON API --------------------------------------------------------------------------------------------
    def api_params(request: Request) -> SearchParams:
        """Search parameters of an API call, checked: a bad date, an unknown entity id or a bad query is a 422."""
        p = params_from(request.query_params)
        conn = db.get()
        try:
            p.date_from = parse_day(request.query_params.get("from"), "from")
            p.date_to = parse_day(request.query_params.get("to"), "to")
            for name, key in FILTER_KEYS.items():
                check_entities(conn, p.entities.get(key, []), name)
        except FilterError as exc:
            raise ApiError(422, str(exc), exc.param) from None
        return p

    def api_search_or_422(p: SearchParams) -> dict[str, Any]:
        try:
            return queries.search(db.get(), p)
        except QueryError as exc:
            raise ApiError(422, str(exc), "q") from None

    @app.get("/api/search", tags=["search"], summary="Search articles", response_model=models.SearchResponse,
             responses=ERROR_RESPONSES)
    def api_search(
        request: Request,
        q: str = Query("", description="FTS5 query over title and body: words, \"phrases\", AND/OR/NOT, prefix*"),
        person: Annotated[list[str] | None, Query(description="Only articles about this person (entity id; repeatable)")] = None,
        country: Annotated[list[str] | None, Query(description="Only articles about this country (entity id; repeatable)")] = None,
        city: Annotated[list[str] | None, Query(description="Only articles about this city (entity id; repeatable)")] = None,
        organisation: Annotated[list[str] | None, Query(description="Only articles about this organisation (entity id)")] = None,
        source: str | None = Query(None, description="Only articles from this source name"),
        language: str | None = Query(None, description="Only articles in this language (ISO 639-1 code: en, fr, de...)"),
        from_: str | None = Query(None, alias="from", description="Published on or after YYYY-MM-DD"),
        to: str | None = Query(None, description="Published on or before YYYY-MM-DD"),
        sort: str = Query("relevance", pattern="^(relevance|newest|oldest)$"),
        page: int = Query(1, ge=1, le=10_000),
        per_page: int = Query(20, ge=1, le=100),
    ) -> JSONResponse:
        """Matching articles with the total and facet counts; matches in the title and snippet are given as
        [start, end) character ranges (and as escaped `snippet_html`)."""
        r = api_search_or_422(api_params(request))
        r["results"] = [api_hit(h) for h in r["results"]]
        return JSONResponse(r)

    @app.get("/api/facets", tags=["search"], summary="Facet counts for a search", response_model=models.FacetsResponse,
             responses=ERROR_RESPONSES)
    def api_facets(request: Request, q: str = Query("", description="as /api/search (same filters)")) -> JSONResponse:
        """Facet counts only (people, countries, cities, organisations, sources, date range) for a search."""
        p = api_params(request)
        p.per_page = 1
        r = api_search_or_422(p)
        return JSONResponse({"total": r["total"], "facets": r["facets"], "sampled": r["facets_sampled"]})

    @app.get("/api/articles/{article_id}", tags=["articles"], summary="One article record",
             response_model=models.StoredArticle, responses=ERROR_RESPONSES)
    def api_article(
        article_id: str,
        min_confidence: float = Query(0.0, ge=0.0, le=1.0, description="Only items (entities, topics, quotes, "
                                      "speakers, events and actors, facts, dates) with at least this confidence; "
                                      "0 gives every item"),
    ) -> JSONResponse:
        """The full article record as analysed (spec/output.md), every item with its `confidence`, plus
        `stored_at`."""
        rec = queries.get_article(db.get(), article_id)
        if rec is None:
            raise ApiError(404, f"no article with id {article_id!r} in this store", "article_id")
        return JSONResponse(filter_record(rec, min_confidence))

    @app.get("/api/entities/{entity_id}", tags=["entities"], summary="One topic (entity)",
             response_model=models.EntityPage, responses=ERROR_RESPONSES)
    def api_entity(entity_id: str) -> JSONResponse:
        """A topic: counts, mentions per day, quotes by it, events, co-occurring entities, places, articles."""
        ent = queries.get_entity(db.get(), entity_id)
        if ent is None:
            raise ApiError(404, f"no entity with id {entity_id!r} in this store", "entity_id")
        return JSONResponse(ent)

    @app.get("/api/stats", tags=["store"], summary="Store statistics", response_model=models.Stats)
    def api_stats() -> dict[str, int]:
        """How many articles, entities, quotes, events, facts and failures the store holds."""
        return queries.stats(db.get())

    @app.get("/api/failures", tags=["store"], summary="Failed inputs", response_model=list[models.Failure],
             responses=ERROR_RESPONSES)
    def api_failures(limit: int = Query(100, ge=1, le=10_000)) -> list[dict[str, Any]]:
        """Inputs that could not be ingested, with the reason and the time."""
        return queries.list_failures(db.get(), limit)

    api_tables.register(app, db)

    from newsgraph.web.feeds import add_feed_routes

    add_feed_routes(app, db.get, page)
    return app
