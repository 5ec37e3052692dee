"""Exports of the store: JSON Lines (the records as analysed), Parquet (one row per article, nested columns);
GDELT GKG 2.1 rows live in `export_gkg`, CSV tables in `tables` (both re-exported here).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from newsgraph.cleantext import safe_text
from newsgraph.store.export_gkg import GKG_COLUMNS, gkg_row, write_gkg

__all__ = ["GKG_COLUMNS", "gkg_row", "write_gkg", "write_jsonl", "write_parquet"]


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for r in records:
        out.write(safe_text(json.dumps(r, ensure_ascii=False)) + "\n")
        n += 1
    return n


def write_parquet(records: Iterator[dict[str, Any]], path: str, batch: int = 1000) -> int:
    """Parquet, one row per article, in the one schema the Spark job writes too (newsgraph.store.parquet)."""
    from newsgraph.store import parquet

    return parquet.write_parquet(records, path, batch)
