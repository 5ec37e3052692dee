"""Plain ASGI middlewares of the web app: the security headers on every response, and the base both they and the
request deadline (guard.Deadline) share.

Plain ASGI rather than `@app.middleware("http")`: Starlette's BaseHTTPMiddleware wraps every request in extra
tasks and streams, a fixed cost per request that is a large share of a 2 ms page.
"""

from __future__ import annotations

from typing import Any

CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]


class HTTPMiddleware:
    """An ASGI middleware that acts on HTTP requests only: lifespan and websocket messages pass straight through
    to the wrapped app. Subclasses implement `http`."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        await self.http(scope, receive, send)

    async def http(self, scope: dict, receive: Any, send: Any) -> None:
        raise NotImplementedError


class SecurityHeaders(HTTPMiddleware):
    """Adds the security headers (SECURITY_HEADERS) to every HTTP response."""

    async def http(self, scope: dict, receive: Any, send: Any) -> None:
        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)
