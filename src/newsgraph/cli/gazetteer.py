"""`newsgraph build-gazetteer`: build the gazetteer index file once (it is otherwise built on first use)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli import app


@app.command("build-gazetteer")
def build_gazetteer(
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Index file to write (default: in the cache folder).")
    ] = None,
) -> None:
    """Build the place-name index (GeoNames countries, regions, cities500) used to geocode places."""
    from newsgraph.annotate.gazetteer import build, default_path

    t0 = time.perf_counter()
    path = build(output or default_path())
    size = path.stat().st_size / 1e6
    typer.echo(f"newsgraph: gazetteer index written to {path} ({size:.1f} MB, {time.perf_counter() - t0:.1f} s)")
