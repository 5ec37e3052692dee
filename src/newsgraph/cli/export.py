"""`newsgraph export`: stored articles as JSON Lines, CSV tables, Parquet, or GDELT GKG 2.1 rows.

Every format takes the same filters (--q, --from, --to, --source, --entity) and streams: records are read from
the store a page at a time and written as they come, so a 100,000-article store exports in bounded memory.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from newsgraph.cli import app
from newsgraph.settings import DEFAULT_DB


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    gkg = "gkg"


class Table(StrEnum):
    articles = "articles"
    entities = "entities"
    mentions = "mentions"
    quotes = "quotes"
    events = "events"
    facts = "facts"
    dates = "dates"


@app.command()
def export(
    format: Annotated[ExportFormat, typer.Option("--format", help="jsonl: the records as analysed; csv: one table (--table); parquet: one row per article, typed nested columns; gkg: GDELT GKG 2.1 rows.")] = ExportFormat.jsonl,
    db: Annotated[str, typer.Option("--db", help="The store file.")] = DEFAULT_DB,
    output: Annotated[str | None, typer.Option("-o", "--output", help="Write to FILE (atomically); stdout when absent (not for parquet).")] = None,
    table: Annotated[Table, typer.Option("--table", help="For csv: articles (one row per article) or a long table of entities, mentions, quotes, events, facts or dates (one row per item, joined by article_id).")] = Table.articles,
    body: Annotated[bool, typer.Option("--body/--no-body", help="For csv --table articles: add the body text as the last column.")] = False,
    q: Annotated[str, typer.Option("--q", help="Only articles matching this full-text query (as in search).")] = "",
    date_from: Annotated[str | None, typer.Option("--from", help="Only articles published on or after YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Only articles published on or before YYYY-MM-DD.")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Only articles from this source (name or domain).")] = None,
    entity: Annotated[list[str] | None, typer.Option("--entity", help="Only articles about this entity id (repeatable: all of them).")] = None,
    min_confidence: Annotated[float | None, typer.Option(
        "--min-confidence", min=0.0, max=1.0,
        help="Leave out items below this confidence, every kind alike; default: each kind's "
             "NEWSGRAPH_MIN_CONFIDENCE_<KIND>, else NEWSGRAPH_MIN_CONFIDENCE (0.5); 0 keeps every item.")] = None,
) -> None:
    """Export stored articles (all, or those matching the filters)."""
    import os
    from pathlib import Path

    from newsgraph.cli.output import open_store_readonly, output_stream
    from newsgraph.confidence import filter_record, thresholds
    from newsgraph.store.export import write_gkg, write_jsonl, write_parquet
    from newsgraph.store.filters import ArticleFilter, FilterError, iter_filtered, validate
    from newsgraph.store.tables import write_csv

    conn = open_store_readonly(db)
    conn.execute("PRAGMA mmap_size=0")  # a sequential read: no mapped pages of a large store counted as our memory
    try:
        flt = validate(conn, ArticleFilter(q=q, date_from=date_from, date_to=date_to, source=source,
                                           entities=list(entity or [])))
    except FilterError as exc:
        typer.echo(f"newsgraph: error: --{exc.param}: {exc}", err=True)
        raise typer.Exit(code=2) from None
    if table is not Table.articles and format is not ExportFormat.csv:
        typer.echo("newsgraph: error: --table is for --format csv (jsonl, parquet and gkg hold whole records)", err=True)
        raise typer.Exit(code=2)
    shown = thresholds(min_confidence)  # the settings read once, not per record
    records = (filter_record(rec, shown) for _, rec in iter_filtered(conn, flt))
    if format is ExportFormat.parquet:
        if not output or output == "-":
            typer.echo("newsgraph: error: --format parquet needs -o FILE", err=True)
            raise typer.Exit(code=2)
        tmp = Path(output + ".part")
        try:
            n = write_parquet(records, str(tmp))
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        os.replace(tmp, output)
    elif format is ExportFormat.csv:
        with output_stream(output, newline="") as out:
            n = write_csv(table.value, records, out, body=body)
    else:
        writer = write_gkg if format is ExportFormat.gkg else write_jsonl
        with output_stream(output) as out:
            n = writer(records, out)
    conn.close()
    what = f"{format.value}" + (f" ({table.value})" if format is ExportFormat.csv else "")
    typer.echo(f"newsgraph: exported {n} article(s) as {what}" + (f" to {output}" if output else ""), err=True)
