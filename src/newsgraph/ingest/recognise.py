"""What `newsgraph ingest` was given: raw pages to analyse, records `analyze` already made, or a Spark output folder.

`recognise(paths)` yields tagged items in input order, and the CLI only routes them:
- `RawDocument`: a page to analyse (files, folders, WARC records, stdin), as `iter_documents` yields them;
- `StoredRecord`: one article record to store as it is (JSON / JSON Lines from `analyze`, a row of a Parquet file
  from `newsgraph export --format parquet`, or of a `newsgraph spark --output DIR` folder);
- `InputError`: an input that failed, with its `kind` (a Spark output's failures come back as they were written,
  its skipped repeats as `FailureKind.duplicate`).
Record files are told by content, not by name; stdin is read once (up to the input size limit while it may be a
page, to the end once it looks like records) and never rewired.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.errors import FailureKind, InputError
from newsgraph.ingest.files import documents_of, iter_documents
from newsgraph.records import RawDocument
from newsgraph.settings import get_settings

_RECORD_KEYS = {"id", "body", "entities"}


@dataclass
class StoredRecord:
    """An article record made earlier (by `analyze` or the Spark job): stored without analysing it again."""

    input: str  # where it came from: "out.jsonl:3", "spark-out#<id>"
    record: dict[str, Any]


Recognised = RawDocument | StoredRecord | InputError


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


def iter_records(name: str, data: bytes) -> Iterator[StoredRecord | InputError]:
    """Records from a JSON Lines file, a JSON object or a JSON array; a bad line is an InputError naming it."""
    text = data.decode("utf-8", errors="replace")
    stripped = text.lstrip("\ufeff \t\r\n")
    try:
        whole = json.loads(stripped)
    except ValueError:
        whole = None
    not_record = "not an article record (needs id, body, entities)"
    if whole is not None:
        items = whole if isinstance(whole, list) else [whole]
        for i, obj in enumerate(items, 1):
            where = f"{name}[{i}]"
            yield StoredRecord(where, obj) if _is_record(obj) else InputError(where, not_record)
        return
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            obj = json.loads(line)
        except ValueError as exc:
            yield InputError(where, f"bad JSON line: {exc.msg}")
            continue
        yield StoredRecord(where, obj) if _is_record(obj) else InputError(where, not_record)


def is_spark_output(path: Path) -> bool:
    """A `newsgraph spark --output DIR` folder: DIR/articles holds Parquet partitions."""
    articles = path / "articles"
    return articles.is_dir() and next(articles.rglob("*.parquet"), None) is not None


def spark_output(folder: str) -> Iterator[StoredRecord | InputError]:
    """A Spark output folder's records, then its failures (skipped repeats as kind `duplicate`)."""
    from newsgraph.scale.rows import read_failures, read_records

    for record in read_records(folder):
        yield StoredRecord(f"{folder}#{record.get('id')}", record)
    for row in read_failures(folder):
        kind = FailureKind.of_row(row.get("kind"), row.get("reason"))
        yield InputError(str(row.get("input")), str(row.get("reason")), kind)


def parquet_records(path: str) -> Iterator[StoredRecord | InputError]:
    """The records of a Parquet export (newsgraph.store.parquet's schema); a file that cannot be read as such is
    one InputError naming it (records before the fault are kept)."""
    from newsgraph.store.parquet import read_parquet

    try:
        for record in read_parquet(path):
            yield StoredRecord(f"{path}#{record.get('id')}", record)
    except (OSError, ValueError, KeyError, TypeError) as exc:  # pyarrow's errors derive from these
        yield InputError(path, f"cannot read as newsgraph Parquet records: {exc}")


def _parquet_files(folder: Path) -> list[Path]:
    """Parquet exports in a folder (walk() skips .parquet as raw input), told by their magic bytes."""
    from newsgraph.store.parquet import is_parquet

    return [c for c in sorted(folder.rglob("*.parquet")) if is_parquet(c)]


def _stdin(kind: str) -> Iterator[Recognised]:
    limit = get_settings().max_input_bytes
    buf = sys.stdin.buffer
    data = buf.read(limit + 1)
    if sniff_records(data[:8192]):
        yield from iter_records("-", data + buf.read())
    else:
        yield from documents_of("-", kind, None, data)


def _record_files(folder: Path) -> list[Path]:
    """Record files in a folder (walk() leaves .json/.jsonl to us), told by their content."""
    files = sorted(c for c in folder.rglob("*.json*") if c.is_file() and c.suffix in (".json", ".jsonl"))
    return [c for c in files if _head_is_records(c)]


def _is_parquet(path: Path) -> bool:
    from newsgraph.store.parquet import is_parquet

    return is_parquet(path)


def _head_is_records(path: Path) -> bool:
    with path.open("rb") as fh:
        return sniff_records(fh.read(8192))


def recognise(paths: Iterable[str], kind: str = "auto", url: str | None = None) -> Iterator[Recognised]:
    """Every input of `paths`, told apart and yielded as tagged items (see the module docstring)."""
    for p in paths:
        if p == "-":
            yield from _stdin(kind)
            continue
        path = Path(p)
        if path.is_dir() and is_spark_output(path):
            yield from spark_output(p)
        elif path.is_dir():
            for f in _record_files(path):
                yield from iter_records(str(f), f.read_bytes())
            for f in _parquet_files(path):
                yield from parquet_records(str(f))
            yield from iter_documents([p], kind, url)
        elif path.is_file() and _is_parquet(path):
            yield from parquet_records(p)
        elif path.is_file() and _head_is_records(path):
            yield from iter_records(p, path.read_bytes())
        else:
            yield from iter_documents([p], kind, url)  # pages, WARC, and what does not exist ("no such file")
