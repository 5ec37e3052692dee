"""`newsgraph ingest`: inputs -> analysed article records -> the store, with a progress bar and a summary.

Inputs are what `analyze` takes (files, folders, WARC, stdin) plus JSON / JSON Lines files of records that
`analyze` already wrote: those are recognised by content and stored directly, without analysing them again.
A rerun skips inputs whose exact bytes are already stored, so an interrupted ingest finishes where it stopped.
"""

from __future__ import annotations

import io
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from newsgraph.cli import app
from newsgraph.cli.analyze import Kind
from newsgraph.cli.output import report_error
from newsgraph.errors import InputError
from newsgraph.records import Article, RawDocument
from newsgraph.store.db import DEFAULT_DB

_RECORD_KEYS = {"id", "body", "entities"}


def _is_record(obj: Any) -> bool:
    return isinstance(obj, dict) and _RECORD_KEYS <= obj.keys()


def sniff_records(head: bytes) -> bool:
    """True when bytes begin like `analyze` output: a JSON object (or array of them) holding id, body, entities."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text[:1] not in (b"{", b"["):
        return False
    first = text.split(b"\n", 1)[0]
    try:
        obj = json.loads(first)
    except ValueError:
        # A pretty-printed record (analyze --format json) spans lines: look for the record's keys instead.
        return all(f'"{k}":'.encode() in text for k in _RECORD_KEYS)
    if isinstance(obj, list):
        return bool(obj) and _is_record(obj[0])
    return _is_record(obj)


def iter_records(name: str, data: bytes) -> Iterator[dict[str, Any] | InputError]:
    """Records from a JSON Lines file, a JSON object or a JSON array; a bad line is an InputError naming it."""
    text = data.decode("utf-8", errors="replace")
    stripped = text.lstrip("\ufeff \t\r\n")
    try:
        whole = json.loads(stripped)
    except ValueError:
        whole = None
    if whole is not None:
        items = whole if isinstance(whole, list) else [whole]
        for i, obj in enumerate(items, 1):
            yield obj if _is_record(obj) else InputError(f"{name}[{i}]", "not an article record (needs id, body, entities)")
        return
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as exc:
            yield InputError(f"{name}:{lineno}", f"bad JSON line: {exc.msg}")
            continue
        yield obj if _is_record(obj) else InputError(f"{name}:{lineno}", "not an article record (needs id, body, entities)")


def is_spark_output(path: Path) -> bool:
    """A `newsgraph spark --output DIR` folder: DIR/articles holds Parquet partitions."""
    articles = path / "articles"
    return articles.is_dir() and next(articles.rglob("*.parquet"), None) is not None


def _split_inputs(paths: list[str]) -> tuple[list[tuple[str, bytes]], list[str], list[str]]:
    """Separate record files (and record-holding stdin) and Spark output folders from raw inputs."""
    record_files: list[tuple[str, bytes]] = []
    raw: list[str] = []
    spark_dirs: list[str] = []
    for p in paths:
        if p == "-":
            buf = sys.stdin.buffer
            if hasattr(buf, "peek"):
                head = buf.peek(4096)[:4096]
            else:  # not peekable (a test runner's stream): read it, and put it back for the raw path
                data = buf.read()
                head = data[:4096]
                sys.stdin = io.TextIOWrapper(io.BytesIO(data))
            if sniff_records(head):
                record_files.append(("-", sys.stdin.buffer.read()))
            else:
                raw.append(p)
            continue
        path = Path(p)
        if path.is_dir() and is_spark_output(path):
            spark_dirs.append(p)
            continue
        candidates = [path] if path.is_file() else []
        if path.is_dir():  # walk() skips .json/.jsonl in folders: look for record files there ourselves
            candidates = sorted(c for c in path.rglob("*.json*") if c.is_file() and c.suffix in (".json", ".jsonl"))
            raw.append(p)
        for c in candidates:
            with c.open("rb") as fh:
                head = fh.read(8192)
            if sniff_records(head):
                record_files.append((str(c), c.read_bytes()))
            elif path.is_file():
                raw.append(str(c))
        if not path.exists():
            raw.append(p)  # iter_documents reports it ("no such file")
    return record_files, raw, spark_dirs


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive), WARC files, - for stdin, JSON/JSONL records from `analyze`, or a `newsgraph spark` output folder.")],
    db: Annotated[str, typer.Option("--db", help="The store file (created if absent).")] = DEFAULT_DB,
    workers: Annotated[int, typer.Option(help="Worker processes for analysis (1 = in this process).")] = 1,
    kind: Annotated[Kind, typer.Option(help="Input kind for raw inputs; auto tells HTML, WARC and text apart.")] = Kind.auto,
    force: Annotated[bool, typer.Option("--force", help="Analyse inputs again even if their bytes are already stored (e.g. after upgrading newsgraph); changed records replace the old.")] = False,
    progress: Annotated[bool, typer.Option(help="Show a progress bar on stderr.")] = True,
) -> None:
    """Analyse inputs and store the articles (idempotent: reruns skip what is stored; changed pages replace)."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from newsgraph.ingest import iter_documents
    from newsgraph.parallel import analyze_parallel
    from newsgraph.store.writer import StoreWriter

    console = Console(stderr=True)
    counts = {"added": 0, "replaced": 0, "unchanged": 0, "skipped": 0, "failed": 0}
    t0 = time.perf_counter()
    record_files, raw_paths, spark_dirs = _split_inputs(paths)

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
            store.add_failure(exc.input, exc.problem)
            if progress:
                bar.console.print(f"error {exc.input}: {exc.problem}", style="red", markup=False, highlight=False)
            else:
                report_error(exc)

        for name, data in record_files:
            for item in iter_records(name, data):
                if isinstance(item, InputError):
                    fail(item)
                else:
                    try:
                        counts[store.put(Article.from_dict(item).to_dict())] += 1
                    except (TypeError, KeyError, ValueError) as exc:
                        fail(InputError(f"{name}#{item.get('id')}", f"bad article record: {exc}"))
                tick()

        for folder in spark_dirs:  # `newsgraph spark` output: its records, and its failures kept as failures
            from newsgraph.scale.rows import read_failures, read_records

            for record in read_records(folder):
                try:
                    counts[store.put(Article.from_dict(record).to_dict())] += 1
                except (TypeError, KeyError, ValueError) as exc:
                    fail(InputError(f"{folder}#{record.get('id')}", f"bad article record: {exc}"))
                tick()
            for row in read_failures(folder):
                if not str(row.get("reason") or "").startswith("skipped"):
                    fail(InputError(str(row.get("input")), str(row.get("reason"))))

        pending: dict[str, bytes] = {}

        def fresh(docs: Iterator[RawDocument | InputError]) -> Iterator[RawDocument | InputError]:
            for d in docs:
                if isinstance(d, RawDocument):
                    if not force and store.input_done(d.input, d.data):
                        counts["skipped"] += 1
                        bar.update(task, advance=1)
                        continue
                    pending[d.input] = d.data
                yield d

        if raw_paths:
            for item in analyze_parallel(fresh(iter_documents(raw_paths, kind.value)), workers=workers):
                if isinstance(item, InputError):
                    pending.pop(item.input, None)
                    fail(item)
                else:
                    data = pending.pop(item.input, None)
                    counts[store.put(item, raw=data)] += 1
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
    if counts["failed"]:
        console.print(f"See them with: newsgraph failures --db {db}", highlight=False)
        raise typer.Exit(code=1)
