"""Article records <-> rows of the Spark job's Parquet output: the one schema of `newsgraph.store.parquet` (the
same columns `newsgraph export --format parquet` writes) plus the partition column `date`.

`row_to_record` rebuilds exactly the dict `Article.to_dict()` gave, which is what `newsgraph ingest DIR` and the
tests read back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsgraph.records import Article
from newsgraph.store import parquet

#: Partition column: the publication day as the page gave it, or "unknown".
DATE = "date"
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def publication_day(published: str | None) -> str:
    return published[:10] if published and _DAY.match(published) else "unknown"


def record_to_row(record: dict[str, Any]) -> dict[str, Any]:
    """One `Article.to_dict()` as a row of the article schema, with its partition day."""
    row = parquet.record_to_row(record)
    row[DATE] = publication_day(record.get("published"))
    return row


def article_to_row(article: Article) -> dict[str, Any]:
    return record_to_row(article.to_dict())


def row_to_record(row: dict[str, Any]) -> dict[str, Any]:
    """The inverse of `record_to_row`."""
    return parquet.row_to_record(row)


def read_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """Records from a Spark job's output folder (DIR or DIR/articles), without Spark (pyarrow)."""
    root = Path(path)
    if (root / "articles").is_dir():
        root = root / "articles"
    yield from parquet.read_parquet(root)


def read_failures(path: str | Path) -> list[dict[str, str]]:
    """The (input, reason) rows written beside the articles."""
    import pyarrow.dataset as ds

    root = Path(path) / "failures"
    if not root.is_dir():
        return []
    return ds.dataset(str(root), format="parquet").to_table().to_pylist()
