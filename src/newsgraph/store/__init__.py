"""store: article records in an embedded SQLite file (WAL, FTS5), read by the web app and the exports."""

from newsgraph.settings import DEFAULT_DB
from newsgraph.store.db import StoreError, connect, connect_readonly
from newsgraph.store.queries import QueryError, SearchParams, get_article, get_entity, search
from newsgraph.store.writer import StoreWriter, content_hash

__all__ = [
    "DEFAULT_DB",
    "QueryError",
    "SearchParams",
    "StoreError",
    "StoreWriter",
    "connect",
    "connect_readonly",
    "content_hash",
    "get_article",
    "get_entity",
    "search",
]
