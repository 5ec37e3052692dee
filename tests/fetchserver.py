"""A local HTTP server for fetch tests and the fetch benchmark: 127.0.0.1, a free port, routes as data.

A route is a path -> Route(status, body, headers, delay, times): `times` limits how often it answers so
(e.g. a 429 once, then the page), `delay` sleeps before answering (a slow server). Every request is logged
with its path, headers and time, so tests can check what was (and was not) requested.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay: float = 0.0
    times: int | None = None  # answer this way this many times, then fall through to `then`
    then: Route | None = None
    etag: str | None = None  # answer 304 to a matching If-None-Match
    on_hit: Callable[[], None] | None = None  # called when the route answers (e.g. to signal the client)


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    at: float


class FetchServer:
    """`with FetchServer() as s: s.routes["/x"] = Route(...); s.url("/x")`."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[Hit] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms delayed-ACK stall

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                with server._lock:
                    server.hits.append(Hit(self.path, {k.lower(): v for k, v in self.headers.items()}, time.monotonic()))
                    route = server._take(self.path)
                if route is None:
                    self._send(404, b"<html><body>not found</body></html>", {"Content-Type": "text/html"})
                    return
                if route.on_hit is not None:
                    route.on_hit()
                if route.delay:
                    time.sleep(route.delay)
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self._send(304, b"", {"ETag": route.etag})
                    return
                headers = dict(route.headers)
                if route.etag:
                    headers["ETag"] = route.etag
                self._send(route.status, route.body, headers)

            def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
                try:
                    self.send_response(status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if status != 304:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self._thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def _take(self, path: str) -> Route | None:
        route = self.routes.get(path)
        if route is not None and route.times is not None:
            if route.times <= 0:
                return route.then
            route.times -= 1
        return route

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def paths(self) -> list[str]:
        return [h.path for h in self.hits]

    def __enter__(self) -> FetchServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
