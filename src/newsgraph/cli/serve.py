"""`newsgraph serve`: the read-only web UI and JSON API over a store (binds 127.0.0.1 unless told otherwise)."""

from __future__ import annotations

from typing import Annotated

import typer

from newsgraph.cli import app
from newsgraph.store.db import DEFAULT_DB


@app.command()
def serve(
    db: Annotated[str, typer.Option("--db", help="The store file to serve (opened read-only).")] = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to bind; other machines can connect only if you change it.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option(help="Server processes (each opens the store read-only); 1 serves from this process.")] = 1,
    log_level: Annotated[str, typer.Option(help="uvicorn log level (critical, error, warning, info, debug).")] = "info",
) -> None:
    """Serve search, article and topic pages, the JSON API (/api/...) and its docs (/docs)."""
    import uvicorn

    from newsgraph.store.db import StoreError
    from newsgraph.web.app import create_app

    try:
        web = create_app(db)
    except StoreError as exc:
        typer.echo(f"newsgraph: error: {exc}", err=True)
        raise typer.Exit(code=2) from None
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"newsgraph: warning: binding {host}: the store is readable by anyone who can reach this port", err=True)
    typer.echo(f"newsgraph: serving {db} on http://{host}:{port}/ (Ctrl+C to stop)", err=True)
    if workers > 1:
        import os
        from pathlib import Path

        os.environ["NEWSGRAPH_DB"] = str(Path(db).resolve())
        uvicorn.run("newsgraph.web.app:app_from_env", factory=True, workers=workers, host=host, port=port,
                    log_level=log_level)
    else:
        uvicorn.run(web, host=host, port=port, log_level=log_level)
