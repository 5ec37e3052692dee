"""Article records <-> flat rows for Parquet (the Spark job's output, readable by DuckDB, Spark SQL, pyarrow).

Why this shape: scalar fields stay columns you can filter and group on (`date`, `published`, `source_domain`,
`cluster`, `title`...); lists of strings stay lists; the nested parts (entities, quotes, events, facts, dates,
images, topics) are JSON text columns, so the schema never changes when a record field is added to a nested
type, and `json_extract` (DuckDB) / `from_json` (Spark) reach inside. `row_to_record` rebuilds exactly the dict
`Article.to_dict()` gave, which is what `newsgraph ingest DIR` and the tests read back.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsgraph.records import Article

SCALARS = ["id", "input", "url", "title", "section", "standfirst", "agency", "published", "modified", "language",
           "body", "kind", "cluster"]
STRING_LISTS = ["authors", "crossheads"]
JSON_FIELDS = ["source", "images", "entities", "topics", "quotes", "events", "facts", "dates"]
#: Partition column: the publication day, or "unknown".
DATE = "date"
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def publication_day(published: str | None) -> str:
    return published[:10] if published and _DAY.match(published) else "unknown"


def record_to_row(record: dict[str, Any]) -> dict[str, Any]:
    """One `Article.to_dict()` as a flat row (extra unknown fields go into `extra` as JSON)."""
    row: dict[str, Any] = {k: record.get(k) for k in SCALARS}
    for k in STRING_LISTS:
        row[k] = list(record.get(k) or [])
    for k in JSON_FIELDS:
        row[k] = json.dumps(record.get(k), ensure_ascii=False)
    known = set(SCALARS) | set(STRING_LISTS) | set(JSON_FIELDS)
    extra = {k: v for k, v in record.items() if k not in known}
    row["extra"] = json.dumps(extra, ensure_ascii=False) if extra else None
    row["source_name"] = (record.get("source") or {}).get("name")
    row["source_domain"] = (record.get("source") or {}).get("domain")
    row[DATE] = publication_day(record.get("published"))
    return row


def article_to_row(article: Article) -> dict[str, Any]:
    return record_to_row(article.to_dict())


def row_to_record(row: dict[str, Any]) -> dict[str, Any]:
    """The inverse of `record_to_row`: the record dict as `Article.to_dict()` gave it."""
    rec: dict[str, Any] = {k: row.get(k) for k in SCALARS}
    for k in STRING_LISTS:
        rec[k] = list(row.get(k) or [])
    for k in JSON_FIELDS:
        rec[k] = json.loads(row[k]) if row.get(k) is not None else None
    if row.get("extra"):
        rec.update(json.loads(row["extra"]))
    return rec


def read_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """Records from a Spark job's output folder (DIR or DIR/articles), without Spark (pyarrow), by input name."""
    import pyarrow.dataset as ds

    root = Path(path)
    if (root / "articles").is_dir():
        root = root / "articles"
    dataset = ds.dataset(str(root), format="parquet", partitioning="hive")
    for batch in dataset.to_batches():
        for row in batch.to_pylist():
            yield row_to_record(row)


def read_failures(path: str | Path) -> list[dict[str, str]]:
    """The (input, reason) rows written beside the articles."""
    import pyarrow.dataset as ds

    root = Path(path) / "failures"
    if not root.is_dir():
        return []
    return ds.dataset(str(root), format="parquet").to_table().to_pylist()
