"""`newsgraph analyze`: inputs -> article records as JSON or JSON Lines."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from newsgraph.cli import app
from newsgraph.cli.output import dumps, output_stream, report_error, report_skipped
from newsgraph.errors import FailureKind, InputError


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
    url: Annotated[str | None, typer.Option(help="The page's URL; only with a single page (several inputs: --url-map).")] = None,
    url_map: Annotated[str | None, typer.Option("--url-map", help="A file of INPUT<TAB>URL lines giving each input its page URL (inputs named as given, or as found in a folder).")] = None,
    workers: Annotated[int, typer.Option(help="Worker processes (1 = in this process).")] = 1,
    min_confidence: Annotated[float | None, typer.Option(
        "--min-confidence", min=0.0, max=1.0,
        help="Leave out items (entities, topics, quotes, speakers, events, facts, dates) below this confidence, "
             "every kind alike; default: each kind's NEWSGRAPH_MIN_CONFIDENCE_<KIND>, else NEWSGRAPH_MIN_CONFIDENCE "
             "(0.5); 0 keeps every item.")] = None,
) -> None:
    """Analyze news pages into article records (spec/output.md)."""
    from newsgraph.confidence import filter_record, thresholds
    from newsgraph.ingest import iter_documents
    from newsgraph.parallel import analyze_parallel

    check_url_options(paths, url, url_map)
    docs = with_urls(iter_documents(paths, kind.value, url, leave_records=False), read_url_map(url_map) if url_map else {})
    failed = 0
    count = 0
    skipped: list[InputError] = []
    pretty = format is Format.json
    with output_stream(output) as out:
        records = []
        shown = thresholds(min_confidence)  # the settings read once, not per record
        for item in analyze_parallel(docs, workers=workers):
            if isinstance(item, InputError) and item.kind is FailureKind.skipped:
                skipped.append(item)
                continue
            if isinstance(item, InputError):
                failed += 1
                report_error(item)
                continue
            count += 1
            record = filter_record(item.to_dict(), shown)
            if pretty:
                records.append(record)
            else:
                out.write(dumps(record, False) + "\n")
        if pretty:
            if len(records) == 1:
                out.write(dumps(records[0], True) + "\n")
            elif records:
                out.write(dumps(records, True) + "\n")
    report_skipped(skipped)
    if failed:
        typer.echo(f"newsgraph: {count} article(s) analysed, {failed} input(s) failed", err=True)
        raise typer.Exit(code=1)


def check_url_options(paths: list[str], url: str | None, url_map: str | None) -> None:
    """--url names one page: with several inputs (or a folder) every record would get the same URL and the same id,
    and a store would keep only one of them. Refused with a clear message (exit code 2)."""
    from pathlib import Path

    problem = None
    if url and url_map:
        problem = "give --url or --url-map, not both"
    elif url and (len(paths) != 1 or Path(paths[0]).is_dir()):
        what = "a folder" if len(paths) == 1 else f"{len(paths)} inputs"
        problem = (f"--url names the URL of one page, but {what} were given (each record would get the same URL and id); "
                   "use --url-map FILE with INPUT<TAB>URL lines instead")
    if problem:
        typer.echo(f"newsgraph: error: {problem}", err=True)
        raise typer.Exit(code=2)


def read_url_map(path: str) -> dict[str, str]:
    """INPUT<TAB>URL lines (blank lines and # comments skipped); a malformed line is an error naming it."""
    out: dict[str, str] = {}
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except OSError as exc:
        typer.echo(f"newsgraph: error: {path}: cannot read --url-map: {exc.strerror or exc}", err=True)
        raise typer.Exit(code=2) from None
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[1].strip().lower().startswith(("http://", "https://")):
            typer.echo(f"newsgraph: error: {path}:{n}: expected INPUT<TAB>http(s)://URL", err=True)
            raise typer.Exit(code=2)
        out[parts[0].strip()] = parts[1].strip()
    return out


def with_urls(docs, urls: dict[str, str]):
    """Give each raw document the URL the map names for its input (WARC records keep their own)."""
    for d in docs:
        if urls and not isinstance(d, InputError) and d.input in urls:
            d.url = urls[d.input]
        yield d
