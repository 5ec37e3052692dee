"""`newsgraph serve`: the read-only web UI and JSON API over a store (binds 127.0.0.1 unless told otherwise)."""

from __future__ import annotations

from typing import Annotated

import typer

from newsgraph.cli import app
from newsgraph.settings import DEFAULT_DB


@app.command()
def serve(
    db: Annotated[str, typer.Option("--db", help="The store file to serve (opened read-only).")] = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to bind; other machines can connect only if you change it.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option(help="Server processes (each opens the store read-only); 1 serves from this process.")] = 1,
    log_level: Annotated[str, typer.Option(help="uvicorn log level (critical, error, warning, info, debug).")] = "info",
) -> None:
    """Serve search, article and topic pages, the JSON API (/api/...) and its docs (/docs)."""
    try:
        import uvicorn

        from newsgraph.web.app import create_app
    except ImportError as exc:  # a core install: the web server is the [web] extra
        typer.echo(f"newsgraph: error: serve needs the web extra ({exc.name} is not installed): "
                   "pip install 'newsgraph[web]'", err=True)
        raise typer.Exit(code=2) from None
    from newsgraph.store.db import StoreError

    try:
        web = create_app(db)
    except StoreError as exc:
        typer.echo(f"newsgraph: error: {exc}", err=True)
        raise typer.Exit(code=2) from None
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"newsgraph: warning: binding {host}: the store is readable by anyone who can reach this port", err=True)
    typer.echo(f"newsgraph: serving {db} on http://{host}:{port}/ (Ctrl+C to stop)", err=True)
    sock = tcp_socket(host, port)
    if workers > 1:
        import os
        from pathlib import Path

        from uvicorn.supervisors import Multiprocess

        os.environ["NEWSGRAPH_DB"] = str(Path(db).resolve())
        config = uvicorn.Config("newsgraph.web.app:app_from_env", factory=True, workers=workers, log_level=log_level)
        Multiprocess(config, sockets=[sock]).run()
    else:
        uvicorn.Server(uvicorn.Config(web, log_level=log_level)).run(sockets=[sock])


def tcp_socket(host: str, port: int):
    """The listening socket, created with proto=IPPROTO_TCP.

    Why: asyncio turns Nagle's algorithm off (TCP_NODELAY) only on sockets whose proto is IPPROTO_TCP, and uvicorn
    creates its socket with proto 0; with Nagle on, a response written as headers + body waits for the client's
    delayed ACK, adding ~40 ms to every request after the first on a keep-alive connection.
    """
    import socket

    info = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)[0]
    sock = socket.socket(info[0], socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(info[4])
    sock.set_inheritable(True)
    return sock
