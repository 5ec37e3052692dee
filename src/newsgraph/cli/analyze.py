"""`newsgraph analyze`: inputs -> article records as JSON or JSON Lines."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from newsgraph.cli import app
from newsgraph.cli.output import dumps, output_stream, report_error
from newsgraph.errors import InputError


class Kind(StrEnum):
    auto = "auto"
    html = "html"
    text = "text"
    body = "body"
    warc = "warc"


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or - for stdin.")],
    kind: Annotated[Kind, typer.Option(help="Input kind; auto tells HTML, WARC and text apart by content.")] = Kind.auto,
    format: Annotated[
        Format, typer.Option("--format", help="json: one object (an array for several articles); jsonl: one per line.")
    ] = Format.json,
    output: Annotated[str | None, typer.Option("-o", "--output", help="Write to FILE (atomically) instead of stdout.")] = None,
    url: Annotated[str | None, typer.Option(help="The page's URL, when a single page is given.")] = None,
    workers: Annotated[int, typer.Option(help="Worker processes (1 = in this process).")] = 1,
) -> None:
    """Analyze news pages into article records (spec/output.md)."""
    from newsgraph.ingest import iter_documents
    from newsgraph.parallel import analyze_parallel

    failed = 0
    count = 0
    pretty = format is Format.json
    with output_stream(output) as out:
        records = []
        for item in analyze_parallel(iter_documents(paths, kind.value, url), workers=workers):
            if isinstance(item, InputError):
                failed += 1
                report_error(item)
                continue
            count += 1
            if pretty:
                records.append(item.to_dict())
            else:
                out.write(dumps(item.to_dict(), False) + "\n")
        if pretty:
            if len(records) == 1:
                out.write(dumps(records[0], True) + "\n")
            elif records:
                out.write(dumps(records, True) + "\n")
    if failed:
        typer.echo(f"newsgraph: {count} article(s) analysed, {failed} input(s) failed", err=True)
        raise typer.Exit(code=1)
