"""Limits that keep one request from costing the server more than a request should.

- Search size (checked before any SQL): words in the query, characters in a quoted phrase, entity filters.
  Past a limit the request is answered 422 with a message saying which limit and how to stay under it; FTS5's
  expression tree would otherwise fail with a 500 ("Expression tree is too large") or run for seconds.
- Time: every read connection has an SQLite progress handler that stops the statement once the request's
  deadline (settings.web_timeout_ms after the request arrived) has passed. The request is answered 503 with
  Retry-After instead of running on. The deadline lives in a context variable set by `Deadline`, the outermost
  middleware; handlers run in worker threads (FastAPI's thread pool for sync handlers, which copies the context),
  so each request sees its own deadline.
"""

from __future__ import annotations

import contextvars
import re
import sqlite3
import time
from typing import Any

from newsgraph.settings import get_settings
from newsgraph.web.middleware import HTTPMiddleware

#: Virtual-machine steps between two deadline checks (a check costs well under a microsecond).
PROGRESS_STEPS = 2_000
#: Seconds a client is told to wait after a 503.
RETRY_AFTER = 2

_deadline: contextvars.ContextVar[float] = contextvars.ContextVar("newsgraph_request_deadline", default=0.0)
_WORD = re.compile(r"[^\W_]+\*?")
_PHRASE = re.compile(r'"([^"]*)"?')
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}


class SearchLimitError(ValueError):
    """A search larger than the server accepts (answered 422 with this message)."""


def check_search(q: str, filters: int) -> None:
    """Raise SearchLimitError when the query or its filters exceed the limits in settings."""
    s = get_settings()
    words = [w for w in _WORD.findall(q) if w not in _OPERATORS]
    if len(words) > s.web_max_terms:
        raise SearchLimitError(
            f"The search has {len(words)} words; at most {s.web_max_terms} are accepted. Use fewer, more "
            "distinctive words.")
    for phrase in _PHRASE.findall(q):
        if len(phrase) > s.web_max_phrase_chars:
            raise SearchLimitError(
                f"A quoted phrase has {len(phrase)} characters; at most {s.web_max_phrase_chars} are accepted.")
    if filters > s.web_max_filters:
        raise SearchLimitError(
            f"The search has {filters} entity filters; at most {s.web_max_filters} are accepted.")


class RequestTimeout(Exception):
    """The request's database work ran past its deadline (answered 503 with Retry-After)."""


def _past_deadline() -> int:
    deadline = _deadline.get()
    return 1 if deadline and time.monotonic() > deadline else 0


def watch(conn: sqlite3.Connection) -> sqlite3.Connection:
    """Install the deadline check on a read connection (statements stop with 'interrupted' past it)."""
    conn.set_progress_handler(lambda: _past_deadline(), PROGRESS_STEPS)
    return conn


def is_interrupted(exc: BaseException) -> bool:
    """True for a database error caused by the deadline (SQLite says "interrupted", or, when the stop came while
    FTS5 opened its table, "vtable constructor failed" with the deadline passed)."""
    return isinstance(exc, sqlite3.OperationalError) and ("interrupted" in str(exc) or bool(_past_deadline()))


class Deadline(HTTPMiddleware):
    """ASGI middleware: each HTTP request gets a deadline `web_timeout_ms` from its arrival; a request whose
    database work is interrupted past it is answered 503 with Retry-After."""

    async def http(self, scope: dict, receive: Any, send: Any) -> None:
        ms = get_settings().web_timeout_ms
        token = _deadline.set(time.monotonic() + ms / 1000 if ms > 0 else 0.0)
        try:
            await self.app(scope, receive, send)
        finally:
            _deadline.reset(token)


def timeout_body(path: str) -> tuple[bytes, str]:
    """(body, content type) of the 503 answer: JSON under /api and /feeds, a short HTML page elsewhere."""
    message = ("The server could not finish this request in time (it is busy or the search is costly). "
               f"Try again in {RETRY_AFTER} s, or narrow the search.")
    if path.startswith(("/api", "/feeds")):
        import json

        return json.dumps({"error": message}).encode(), "application/json"
    return (f"<!doctype html><title>Busy</title><h1>Try again shortly</h1><p>{message}</p>").encode(), "text/html; charset=utf-8"
