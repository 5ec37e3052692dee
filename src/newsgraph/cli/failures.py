"""`newsgraph failures`: list the inputs an ingest could not store, with the reason, the kind and the time."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from newsgraph.cli import app
from newsgraph.settings import DEFAULT_DB


@app.command()
def failures(
    db: Annotated[str, typer.Option("--db", help="The store file.")] = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line instead of a table.")] = False,
    limit: Annotated[int | None, typer.Option(help="Show at most N failures.")] = None,
) -> None:
    """List failed inputs (input, reason, kind, time), counted by kind; a later successful ingest of an input clears
    its failure."""
    from rich.console import Console
    from rich.table import Table

    from newsgraph.cli.output import open_store_readonly
    from newsgraph.store.lookups import failure_counts, list_failures, skipped_annotations

    conn = open_store_readonly(db)
    rows = list_failures(conn, limit)
    by_kind = failure_counts(conn)
    partial = skipped_annotations(conn)
    conn.close()
    if as_json:
        for r in rows:
            typer.echo(json.dumps(r, ensure_ascii=False))
        for p in partial:
            typer.echo(json.dumps({"annotations_skipped": p["articles"], "reason": p["reason"]}, ensure_ascii=False))
        if by_kind:  # every failure counted, whatever --limit shows
            typer.echo(json.dumps({"failures_by_kind": by_kind}, ensure_ascii=False))
        return
    console = Console()
    for p in partial:  # stored, but not fully annotated: counted so a mixed crawl never hides them
        console.print(f"{p['articles']} stored article(s) with annotations skipped: {p['reason']}", highlight=False)
    if not rows:
        console.print(f"{db}: no failures recorded", highlight=False)
        return
    kinds = ", ".join(f"{n} {kind}" for kind, n in by_kind.items())
    shown = f"{len(rows)} of {sum(by_kind.values())}" if len(rows) < sum(by_kind.values()) else f"{len(rows)}"
    table = Table(title=f"{shown} failed input(s) in {db} ({kinds})", title_justify="left")
    table.add_column("input", overflow="fold")
    table.add_column("reason", overflow="fold")
    table.add_column("kind", no_wrap=True)
    table.add_column("time (UTC)", no_wrap=True)
    for r in rows:
        table.add_row(r["input"], r["reason"], r["kind"], r["at"])
    console.print(table, markup=False, highlight=False)
