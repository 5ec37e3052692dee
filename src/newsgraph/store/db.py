"""Opening the store: SQLite in WAL mode, one connection per thread, read-only for the web server.

Why WAL: readers (the web server) never block the writer (an ingest) and vice versa, and a commit is one append to
the log, so committing once per article stays cheap. `synchronous=NORMAL` in WAL mode keeps every committed
transaction across a process kill (only an OS crash can lose the last commits, never corrupt the file).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newsgraph.settings import get_settings
from newsgraph.store.schema import SCHEMA_VERSION, create_schema, schema_version


class StoreError(Exception):
    """The store file is missing or is not a newsgraph store."""


def connect(path: str | Path, *, create: bool = True) -> sqlite3.Connection:
    """A read-write connection; creates the file and schema when `create` (the ingest side)."""
    path = Path(path)
    if not create and not path.exists():
        raise StoreError(f"{path}: no such store (run `newsgraph ingest` first)")
    conn = sqlite3.connect(str(path), timeout=30.0, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=OFF")
    if create:
        create_schema(conn)
    return conn


class ReadConnection(sqlite3.Connection):
    """A read-only connection that can hold results valid until the store changes (see queries._facets_cached)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.cache: dict = {}
        self.facet_cache_size = get_settings().facet_cache


def connect_readonly(path: str | Path) -> sqlite3.Connection:
    """A read-only connection (mode=ro): the web server cannot change the store whatever a request holds."""
    path = Path(path).resolve()
    if not path.exists():
        raise StoreError(f"{path}: no such store (run `newsgraph ingest` first)")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30.0, check_same_thread=False,
                           factory=ReadConnection)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA query_only=ON")
    conn.execute("PRAGMA cache_size=-32000")
    conn.execute("PRAGMA mmap_size=268435456")
    try:
        conn.execute("SELECT 1 FROM articles LIMIT 1")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{path}: not a newsgraph store ({exc})") from None
    found = schema_version(conn)
    if found != SCHEMA_VERSION:
        conn.close()
        raise StoreError(f"{path}: store format {found}, this newsgraph reads {SCHEMA_VERSION} "
                         "(any `newsgraph ingest --db` into it upgrades it in place)")
    return conn
