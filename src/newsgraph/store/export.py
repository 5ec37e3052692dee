"""Exports of the store: JSON Lines (the records as analysed), Parquet (one row per article, nested columns);
GDELT GKG 2.1 rows live in `export_gkg`, CSV tables in `tables` (both re-exported here).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from newsgraph.store.export_gkg import GKG_COLUMNS, gkg_row, write_gkg

__all__ = ["GKG_COLUMNS", "gkg_row", "write_gkg", "write_jsonl", "write_parquet"]

def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for r in records:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_parquet(records: Iterator[dict[str, Any]], path: str, batch: int = 2000) -> int:
    """Parquet, one row per article: scalar columns flat, lists of records as JSON-typed nested columns.

    Why nested-as-JSON strings for annotations: their shape grows over time (fields are added), and a fixed
    Arrow schema would reject older or newer records; readers (DuckDB, pandas) parse them with json functions.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([
        ("id", pa.string()), ("input", pa.string()), ("url", pa.string()), ("source_name", pa.string()),
        ("source_domain", pa.string()), ("title", pa.string()), ("section", pa.string()),
        ("standfirst", pa.string()), ("authors", pa.list_(pa.string())), ("agency", pa.string()),
        ("published", pa.string()), ("modified", pa.string()), ("language", pa.string()), ("body", pa.string()),
        ("people", pa.list_(pa.string())), ("countries", pa.list_(pa.string())), ("cities", pa.list_(pa.string())),
        ("organisations", pa.list_(pa.string())),
        ("entities", pa.string()), ("quotes", pa.string()), ("events", pa.string()), ("facts", pa.string()),
        ("dates", pa.string()), ("images", pa.string()),
    ])
    n = 0
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        rows: list[dict[str, Any]] = []
        for r in records:
            src = r.get("source") or {}
            topics = r.get("topics") or {}
            rows.append({
                **{k: r.get(k) for k in ("id", "input", "url", "title", "section", "standfirst", "agency",
                                           "published", "modified", "language", "body")},
                "authors": r.get("authors") or [],
                "source_name": src.get("name"), "source_domain": src.get("domain"),
                **{k: topics.get(k) or [] for k in ("people", "countries", "cities", "organisations")},
                **{k: json.dumps(r.get(k) or [], ensure_ascii=False)
                   for k in ("entities", "quotes", "events", "facts", "dates", "images")},
            })
            n += 1
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                rows = []
        if rows or n == 0:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
    return n
