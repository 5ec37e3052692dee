"""`newsgraph ingest`: inputs -> analysed article records -> the store, with a progress bar and a summary.

Inputs are what `analyze` takes (files, folders, WARC, stdin) plus JSON / JSON Lines files of records that
`analyze` already wrote and `newsgraph spark` output folders: `ingest.recognise` tells them apart and yields tagged
items; this command only routes them (pages to analysis, records to the store, failures to the failures table).
A rerun skips inputs whose exact bytes are already stored, so an interrupted ingest finishes where it stopped.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from typing import Annotated

import typer

from newsgraph.cli import app
from newsgraph.cli.analyze import Kind
from newsgraph.cli.output import report_error, report_skipped
from newsgraph.errors import FailureKind, InputError
from newsgraph.records import Article, RawDocument
from newsgraph.settings import DEFAULT_DB


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive), WARC files, - for stdin, JSON/JSONL records from `analyze`, Parquet from `export --format parquet`, or a `newsgraph spark` output folder.")],
    db: Annotated[str, typer.Option("--db", help="The store file (created if absent).")] = DEFAULT_DB,
    workers: Annotated[int, typer.Option(help="Worker processes for analysis (1 = in this process).")] = 1,
    kind: Annotated[Kind, typer.Option(help="Input kind for raw inputs; auto tells HTML, WARC and text apart.")] = Kind.auto,
    force: Annotated[bool, typer.Option("--force", help="Analyse inputs again even if their bytes are already stored (e.g. after upgrading newsgraph); changed records replace the old.")] = False,
    progress: Annotated[bool, typer.Option(help="Show a progress bar on stderr.")] = True,
) -> None:
    """Analyse inputs and store the articles (idempotent: reruns skip what is stored; changed pages replace)."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from newsgraph.ingest.recognise import StoredRecord, recognise
    from newsgraph.parallel import analyze_parallel
    from newsgraph.store.writer import StoreWriter

    console = Console(stderr=True)
    counts = {"added": 0, "replaced": 0, "unchanged": 0, "skipped": 0, "failed": 0}
    t0 = time.perf_counter()

    with StoreWriter(db) as store, Progress(
        SpinnerColumn(), TextColumn("[bold]ingest[/]"), BarColumn(bar_width=None),
        TextColumn("{task.fields[done]} articles"), TextColumn("{task.fields[rate]:.1f} articles/s"),
        TextColumn("[red]{task.fields[failed]} failed[/]"), TimeElapsedColumn(),
        console=console, disable=not progress, transient=False,
    ) as bar:
        task = bar.add_task("ingest", total=None, done=0, rate=0.0, failed=0)

        def tick() -> None:
            done = counts["added"] + counts["replaced"] + counts["unchanged"]
            elapsed = max(time.perf_counter() - t0, 1e-6)
            bar.update(task, advance=1, done=done, rate=done / elapsed, failed=counts["failed"])

        def fail(exc: InputError) -> None:
            counts["failed"] += 1
            store.add_failure(exc.input, exc.problem, exc.kind)
            if progress:
                bar.console.print(f"error {exc.input}: {exc.problem}", style="red", markup=False, highlight=False)
            else:
                report_error(exc)

        pending: dict[str, bytes] = {}
        skipped: list[InputError] = []
        partial: Counter[str] = Counter()  # stored with annotations skipped (a language without a pipeline), by reason

        def to_analyse() -> Iterator[RawDocument]:
            """Route every recognised item: records to the store, failures to the table, new pages onwards."""
            for item in recognise(paths, kind.value):
                if isinstance(item, StoredRecord):
                    try:
                        counts[store.put(Article.from_dict(item.record).to_dict())] += 1
                    except (TypeError, KeyError, ValueError) as exc:
                        fail(InputError(f"{item.input}#{item.record.get('id')}", f"bad article record: {exc}"))
                    tick()
                elif isinstance(item, InputError) and item.kind is FailureKind.skipped:
                    skipped.append(item)  # a feed or an image in a crawl folder: counted below, not a failure
                elif isinstance(item, InputError):
                    if item.kind is not FailureKind.duplicate:  # a repeat the Spark job skipped: not a failure
                        fail(item)
                        tick()
                elif not force and store.input_done(item.input, item.data):
                    counts["skipped"] += 1
                    bar.update(task, advance=1)
                else:
                    pending[item.input] = item.data
                    yield item

        for item in analyze_parallel(to_analyse(), workers=workers):
            if isinstance(item, InputError):
                pending.pop(item.input, None)
                fail(item)
            else:
                counts[store.put(item, raw=pending.pop(item.input, None))] += 1
                if item.annotations.get("skipped"):
                    partial[item.annotations.get("reason") or "annotations skipped"] += 1
            tick()
        elapsed = time.perf_counter() - t0

    stored = counts["added"] + counts["replaced"] + counts["unchanged"]
    console.print(
        f"[bold]{db}[/]: {counts['added']} added, {counts['replaced']} replaced, {counts['unchanged']} unchanged, "
        f"{counts['skipped']} skipped (already stored), [{'red' if counts['failed'] else 'green'}]{counts['failed']} failed[/] "
        f"in {elapsed:.1f} s ({stored / max(elapsed, 1e-6):.1f} articles/s)",
        highlight=False,
        soft_wrap=True,
    )
    report_skipped(skipped)
    if partial:
        reasons = ", ".join(f"{n} {why}" for why, n in partial.most_common())
        console.print(f"{sum(partial.values())} stored with annotations skipped ({reasons}); "
                      f"see them with: newsgraph failures --db {db}", highlight=False, soft_wrap=True)
    if counts["failed"]:
        console.print(f"See them with: newsgraph failures --db {db}", highlight=False)
        raise typer.Exit(code=1)
