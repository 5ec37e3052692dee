"""`newsgraph spark`: the PySpark job over WARC files (newsgraph.scale.spark), for cluster-sized crawls."""

from __future__ import annotations

from typing import Annotated

import typer

from newsgraph.cli import app


@app.command()
def spark(
    input: Annotated[str, typer.Option("--input", help="WARC/WARC.gz files: a path, folder or glob on any Hadoop filesystem.")],
    output: Annotated[str, typer.Option("--output", help="Output folder: articles/ (Parquet by date) and failures/.")],
    master: Annotated[str | None, typer.Option(help="Spark master URL (default: spark-submit's, else local[*]).")] = None,
) -> None:
    """Analyze WARC files with Apache Spark; one task per file, records as Parquet partitioned by publication day."""
    try:
        from newsgraph.scale.spark import run
    except ImportError as exc:  # pyspark is the optional [spark] extra
        typer.echo(f"newsgraph: error: spark needs pyspark ({exc}); pip install 'newsgraph[spark]'", err=True)
        raise typer.Exit(code=2) from None
    try:
        counts = run(input, output, master)
    except FileNotFoundError as exc:
        typer.echo(f"newsgraph: error: {exc}", err=True)
        raise typer.Exit(code=2) from None
    typer.echo(
        f"newsgraph: {counts['files']} file(s), {counts['articles']} article(s) written to {output}, "
        f"{counts['failures']} failure(s) and {counts['skipped']} skipped repeat(s) in {output.rstrip('/')}/failures",
        err=True,
    )
    if counts["failures"]:
        raise typer.Exit(code=1)
