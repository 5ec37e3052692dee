"""The one Parquet schema of article records, written by `newsgraph export --format parquet` and by the Spark job,
read back by `newsgraph ingest` (a file, a folder of files, or a Spark output folder).

One row per article. The schema is derived from the record dataclasses (`newsgraph.records`), so a field added to a
record or to one of its items becomes a column (or a struct field) without touching this module:

- text -> string, int -> int64, float (and a fact's float-or-int value) -> double, bool -> bool;
- a list -> a Parquet LIST; an item dataclass (entity, quote, event, fact, date, image, geo, mention) -> a STRUCT,
  so `entities` is list<struct<id, name, type, ..., geo struct<...>, mentions list<struct<start, end, text>>>>;
- `source` and `topics` (dicts with known keys) -> structs (`source.domain`, `topics.people`);
- `published` and `modified` -> timestamp (UTC, microseconds) plus `*_offset_minutes` (the page's UTC offset,
  null when it gave none) plus `*_text` (the value as the record holds it, so a round trip is exact);
- a field whose type has no Arrow form (free-form dicts) -> JSON text; record keys the schema does not know -> the
  `extra` column (JSON), so nothing is dropped.

Why typed columns rather than JSON strings: DuckDB, Spark SQL and pandas filter and unnest them directly
(`UNNEST(quotes)`, `published >= TIMESTAMP '2026-03-01'`), and the schema documents itself in the file footer.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from newsgraph import records as R

#: dict-typed record fields written as structs, with their keys (other keys go to `extra`).
STRUCT_KEYS = {"source": ("name", "domain"), "topics": tuple(R.TOPIC_KEYS.values())}
#: Timestamp fields: each gets <name> (UTC), <name>_offset_minutes and <name>_text.
TIMESTAMPS = ("published", "modified")
#: Convenience columns derived from the record (not read back).
DERIVED = ("source_name", "source_domain")
EXTRA = "extra"
#: Rows per Parquet row group / Arrow batch when writing.
BATCH = 1000


def _args(tp: Any) -> list[Any]:
    return [a for a in typing.get_args(tp) if a is not type(None)]


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(R))


def _arrow_type(tp: Any, name: str = ""):
    import pyarrow as pa

    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = _args(tp)
        if set(args) == {int, float}:
            return pa.float64()
        return _arrow_type(args[0], name) if len(args) == 1 else pa.string()
    if tp is str:
        return pa.string()
    if tp is bool:
        return pa.bool_()
    if tp is int:
        return pa.int64()
    if tp is float:
        return pa.float64()
    if dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        return pa.struct([pa.field(f.name, _arrow_type(hints[f.name], f.name)) for f in dataclasses.fields(tp)])
    if typing.get_origin(tp) is list:
        return pa.list_(_arrow_type(typing.get_args(tp)[0], name))
    if typing.get_origin(tp) is dict and name in STRUCT_KEYS:
        value = typing.get_args(tp)[1]
        return pa.struct([pa.field(k, _arrow_type(value, k)) for k in STRUCT_KEYS[name]])
    return pa.string()  # JSON text: a shape Arrow cannot type


def _is_json(tp: Any, name: str) -> bool:
    import pyarrow as pa

    return _arrow_type(tp, name) == pa.string() and tp is not str and str not in _args(tp)


@cache
def article_schema():
    """The Arrow schema of one article row (see the module docstring)."""
    import pyarrow as pa

    hints = _hints(R.Article)
    fields = []
    for f in dataclasses.fields(R.Article):
        if f.name in TIMESTAMPS:
            fields += [pa.field(f.name, pa.timestamp("us", tz="UTC")), pa.field(f"{f.name}_offset_minutes", pa.int32()),
                       pa.field(f"{f.name}_text", pa.string())]
        else:
            fields.append(pa.field(f.name, _arrow_type(hints[f.name], f.name)))
    fields += [pa.field(n, pa.string()) for n in DERIVED]
    fields.append(pa.field(EXTRA, pa.string()))
    return pa.schema(fields, metadata={"newsgraph": "article records, one per row; see newsgraph.store.parquet"})


def parse_timestamp(value: str | None) -> tuple[dt.datetime | None, int | None]:
    """(UTC datetime, offset in minutes) of an ISO 8601 date or datetime; a date alone is midnight UTC with no
    offset, a datetime without an offset is read as UTC with no offset; (None, None) when unreadable."""
    if not value:
        return None, None
    try:
        d = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None, None
    if d.tzinfo is None:
        return d.replace(tzinfo=dt.UTC), None
    off = d.utcoffset()
    return d.astimezone(dt.UTC), int(off.total_seconds() // 60) if off is not None else None


@cache
def _to_arrow(tp: Any, name: str = "") -> Callable[[Any], Any]:
    """A function turning a record value of type `tp` into its Arrow form (built once per type: the export calls
    it for every value of every record)."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = _args(tp)
        if set(args) == {int, float}:
            return lambda v: None if v is None else float(v)
        tp = args[0] if len(args) == 1 else str
    if dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        subs = [(f.name, _to_arrow(hints[f.name], f.name)) for f in dataclasses.fields(tp)]
        return lambda v: None if v is None else {k: c(v.get(k)) for k, c in subs}
    if typing.get_origin(tp) is list:
        inner = _to_arrow(typing.get_args(tp)[0], name)
        return lambda v: None if v is None else [inner(x) for x in v]
    if typing.get_origin(tp) is dict and name in STRUCT_KEYS:
        keys = STRUCT_KEYS[name]
        return lambda v: None if v is None else {k: v.get(k) for k in keys}
    if tp in (str, int, float, bool):
        return lambda v: v
    return lambda v: None if v is None else json.dumps(v, ensure_ascii=False)


def _to_arrow_value(v: Any, tp: Any, name: str) -> Any:
    return _to_arrow(tp, name)(v)


def record_to_row(record: dict[str, Any]) -> dict[str, Any]:
    """One `Article.to_dict()` as a row of `article_schema()` (plain Python values)."""
    hints = _hints(R.Article)
    row: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for f in dataclasses.fields(R.Article):
        v = record.get(f.name)
        if f.name in TIMESTAMPS:
            ts, off = parse_timestamp(v)
            row[f.name], row[f"{f.name}_offset_minutes"], row[f"{f.name}_text"] = ts, off, v
            continue
        if f.name in STRUCT_KEYS and isinstance(v, dict):
            unknown = {k: x for k, x in v.items() if k not in STRUCT_KEYS[f.name]}
            if unknown or list(v) != list(STRUCT_KEYS[f.name]):
                extra[f.name] = v  # keys the struct lacks, or another key order: kept whole for an exact read-back
        row[f.name] = _to_arrow_value(v, hints[f.name], f.name)
    src = record.get("source") or {}
    row["source_name"], row["source_domain"] = src.get("name"), src.get("domain")
    extra.update({k: v for k, v in record.items() if k not in R.Article.__dataclass_fields__})
    row[EXTRA] = json.dumps(extra, ensure_ascii=False) if extra else None
    return row


@cache
def _from_arrow(tp: Any, name: str = "") -> Callable[[Any], Any]:
    """The inverse of `_to_arrow`, built once per type."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = _args(tp)
        if set(args) == {int, float}:
            return lambda v: None if v is None else int(v) if float(v).is_integer() else v
        tp = args[0] if len(args) == 1 else str
    if tp in (str, int, float, bool):
        return lambda v: v

    def loads(v: Any) -> Any:  # JSON text: a free-form field, or a file written before these columns were typed
        return json.loads(v) if isinstance(v, str) else v

    if dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        subs = [(f.name, _from_arrow(hints[f.name], f.name)) for f in dataclasses.fields(tp)]
        return lambda v: None if v is None else {k: c(v.get(k)) for k, c in subs} if not isinstance(v, str) else loads(v)
    if typing.get_origin(tp) is list:
        inner = _from_arrow(typing.get_args(tp)[0], name)
        return lambda v: None if v is None else [inner(x) for x in v] if not isinstance(v, str) else loads(v)
    if typing.get_origin(tp) is dict and name in STRUCT_KEYS:
        return lambda v: None if v is None else dict(v) if not isinstance(v, str) else loads(v)
    return lambda v: None if v is None else loads(v)


def _from_arrow_value(v: Any, tp: Any, name: str) -> Any:
    return _from_arrow(tp, name)(v)


def row_to_record(row: dict[str, Any]) -> dict[str, Any]:
    """The inverse of `record_to_row`: the record dict exactly as `Article.to_dict()` gave it."""
    hints = _hints(R.Article)
    extra = json.loads(row[EXTRA]) if row.get(EXTRA) else {}
    rec: dict[str, Any] = {}
    for f in dataclasses.fields(R.Article):
        if f.name in TIMESTAMPS:
            old = row.get(f.name) if isinstance(row.get(f.name), str) else None  # an untyped (older) file
            rec[f.name] = row.get(f"{f.name}_text", old)
        elif f.name in extra and f.name in STRUCT_KEYS:
            rec[f.name] = extra.pop(f.name)
        else:
            rec[f.name] = _from_arrow_value(row.get(f.name), hints[f.name], f.name)
    rec.update(extra)
    return rec


def to_batch(records: Iterable[dict[str, Any]]):
    """A pyarrow RecordBatch of records (the Spark job's executors and the export write the same batches)."""
    import pyarrow as pa

    return pa.RecordBatch.from_pylist([record_to_row(r) for r in records], schema=article_schema())


def write_parquet(records: Iterable[dict[str, Any]], path: str, batch: int = BATCH) -> int:
    """Write records to one Parquet file (zstd), `batch` rows per row group; returns the count."""
    import pyarrow.parquet as pq

    n = 0
    with pq.ParquetWriter(path, article_schema(), compression="zstd") as writer:
        pending: list[dict[str, Any]] = []
        for r in records:
            pending.append(r)
            n += 1
            if len(pending) >= batch:
                writer.write_batch(to_batch(pending))
                pending = []
        if pending or n == 0:
            writer.write_batch(to_batch(pending))
    return n


def is_parquet(path: str | Path) -> bool:
    """A Parquet file, by its magic bytes (PAR1 at both ends), whatever its name."""
    p = Path(path)
    try:
        if not p.is_file() or p.stat().st_size < 12:
            return False
        with p.open("rb") as fh:
            head = fh.read(4)
            fh.seek(-4, 2)
            return head == b"PAR1" and fh.read(4) == b"PAR1"
    except OSError:
        return False


def read_parquet(path: str | Path, batch: int = BATCH) -> Iterator[dict[str, Any]]:
    """Records from a Parquet file or a folder of them (hive partition folders such as date=... are ignored),
    a row group at a time."""
    import pyarrow.dataset as ds

    dataset = ds.dataset(str(path), format="parquet", partitioning="hive")
    names = set(article_schema().names)
    cols = [c for c in dataset.schema.names if c in names]
    for b in dataset.to_batches(columns=cols, batch_size=batch):
        for row in b.to_pylist():
            yield row_to_record(row)
