"""`newsgraph export`: the stored articles as JSON Lines, Parquet, or GDELT GKG 2.1-style rows."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from newsgraph.cli import app
from newsgraph.store.db import DEFAULT_DB


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    parquet = "parquet"
    gkg = "gkg"


@app.command()
def export(
    format: Annotated[ExportFormat, typer.Option("--format", help="jsonl: the records as analysed; parquet: one row per article; gkg: GDELT GKG 2.1-style tab-separated rows.")] = ExportFormat.jsonl,
    db: Annotated[str, typer.Option("--db", help="The store file.")] = DEFAULT_DB,
    output: Annotated[str | None, typer.Option("-o", "--output", help="Write to FILE (atomically); stdout when absent (not for parquet).")] = None,
) -> None:
    """Export every stored article."""
    import os
    from pathlib import Path

    from newsgraph.cli.output import open_store_readonly, output_stream
    from newsgraph.store.export import write_gkg, write_jsonl, write_parquet
    from newsgraph.store.queries import iter_records

    conn = open_store_readonly(db)
    if format is ExportFormat.parquet:
        if not output or output == "-":
            typer.echo("newsgraph: error: --format parquet needs -o FILE", err=True)
            raise typer.Exit(code=2)
        tmp = Path(output + ".part")
        try:
            n = write_parquet(iter_records(conn), str(tmp))
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        os.replace(tmp, output)
    else:
        writer = write_gkg if format is ExportFormat.gkg else write_jsonl
        with output_stream(output) as out:
            n = writer(iter_records(conn), out)
    conn.close()
    typer.echo(f"newsgraph: exported {n} article(s) as {format.value}" + (f" to {output}" if output else ""), err=True)
