"""The store's SQLite schema: one row per article, one table per kind of annotation, FTS5 over title and body.

Why this shape: the web pages ask "which articles mention X", "what did X say", "what occurs with X" -- each is an
indexed lookup on a narrow table keyed by the article's integer rowid (`aid`). The full record is kept as JSON in
`articles.record` so a stored article round-trips exactly, whatever fields the record gains later.
"""

from __future__ import annotations

import sqlite3

from newsgraph.errors import FailureKind

SCHEMA_VERSION = 6
#: Co-occurrence pairs come from each article's this many most salient entities: a long article naming 80
#: entities would otherwise write 6,320 pair updates; 20 bound it at 380.
COOCCUR_TOP = 20

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);

CREATE TABLE IF NOT EXISTS articles (
    aid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    input TEXT,
    url TEXT,
    source_name TEXT,
    source_domain TEXT,
    title TEXT,
    section TEXT,
    published TEXT,
    day TEXT,              -- published date as YYYY-MM-DD (for date facets and charts) or NULL
    body TEXT NOT NULL,
    record TEXT NOT NULL,  -- the full article record as JSON
    stored_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_day ON articles(day);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source_name);
-- The article's language, read from its record (search filter and facet; no column, so older stores need no upgrade).
CREATE INDEX IF NOT EXISTS articles_language ON articles(json_extract(record, '$.language'));
-- Narrow copy of what facets read per matched article, so they never touch the wide rows (body, record).
CREATE INDEX IF NOT EXISTS articles_meta ON articles(aid, source_name, day);

CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, body, content='articles', content_rowid='aid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.aid, coalesce(new.title, ''), new.body);
END;
CREATE TRIGGER IF NOT EXISTS articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.aid, coalesce(old.title, ''), old.body);
END;
CREATE TRIGGER IF NOT EXISTS articles_au AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.aid, coalesce(old.title, ''), old.body);
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.aid, coalesce(new.title, ''), new.body);
END;

-- Canonical entities across articles (the same id in two articles is the same entity).
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    geonameid INTEGER,
    lat REAL,
    lon REAL,
    country_code TEXT,
    article_count INTEGER NOT NULL DEFAULT 0,  -- kept current by the writer (facets and topic pages read them)
    mention_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS entities_type_count ON entities(type, article_count);

-- Which entities each article is about (drives facets, topic pages and co-occurrence).
CREATE TABLE IF NOT EXISTS article_entities (
    aid INTEGER NOT NULL,
    entity_id TEXT NOT NULL,
    type TEXT NOT NULL,
    salience REAL NOT NULL DEFAULT 0,
    mention_count INTEGER NOT NULL DEFAULT 0,
    day TEXT,  -- the article's day, copied here so a topic's timeline and latest articles come from one index
    confidence REAL,  -- the entity's confidence in this article (NULL: stored before confidence existed)
    PRIMARY KEY (aid, entity_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS article_entities_entity ON article_entities(entity_id, day, aid, mention_count);

CREATE TABLE IF NOT EXISTS mentions (
    aid INTEGER NOT NULL,
    entity_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT
);
CREATE INDEX IF NOT EXISTS mentions_aid ON mentions(aid);

-- Per-entity aggregates kept by the writer in the article's own transaction (see writer._aggregate), so a topic
-- page reads its chart and its "appears with" list as short index ranges instead of counting over its articles.
CREATE TABLE IF NOT EXISTS entity_days (
    entity_id TEXT NOT NULL,
    day TEXT NOT NULL,
    articles INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (entity_id, day)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS cooccur (
    entity_id TEXT NOT NULL,
    other_id TEXT NOT NULL,
    n INTEGER NOT NULL,  -- articles with both among their COOCCUR_TOP most salient entities
    PRIMARY KEY (entity_id, other_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS cooccur_top ON cooccur(entity_id, n DESC);

CREATE TABLE IF NOT EXISTS quotes (
    aid INTEGER NOT NULL,
    text TEXT NOT NULL,
    start INTEGER,
    end INTEGER,
    kind TEXT,
    speaker TEXT,
    speaker_name TEXT,
    cue TEXT,
    day TEXT,
    confidence REAL,
    speaker_confidence REAL
);
CREATE INDEX IF NOT EXISTS quotes_aid ON quotes(aid);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker, day);

CREATE TABLE IF NOT EXISTS events (
    aid INTEGER NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    source TEXT,
    target TEXT,
    location TEXT,
    date TEXT,
    start INTEGER,
    end INTEGER,
    trigger TEXT,
    day TEXT,
    confidence REAL,
    source_confidence REAL,
    target_confidence REAL,
    status TEXT
);
CREATE INDEX IF NOT EXISTS events_aid ON events(aid);
CREATE INDEX IF NOT EXISTS events_source ON events(source, day);
CREATE INDEX IF NOT EXISTS events_target ON events(target, day);
CREATE INDEX IF NOT EXISTS events_location ON events(location, day);

CREATE TABLE IF NOT EXISTS facts (
    aid INTEGER NOT NULL,
    kind TEXT NOT NULL,
    value REAL,
    qualifier TEXT,
    start INTEGER,
    end INTEGER,
    text TEXT,
    confidence REAL
);
CREATE INDEX IF NOT EXISTS facts_aid ON facts(aid);

CREATE TABLE IF NOT EXISTS dates (
    aid INTEGER NOT NULL,
    text TEXT,
    value TEXT,
    start INTEGER,
    end INTEGER,
    resolution TEXT,
    confidence REAL
);
CREATE INDEX IF NOT EXISTS dates_aid ON dates(aid);

-- Which raw input (name + sha1 of its bytes) gave which article: a rerun skips inputs already stored.
CREATE TABLE IF NOT EXISTS inputs (
    input TEXT PRIMARY KEY,
    raw_hash TEXT NOT NULL,
    article_id TEXT NOT NULL,
    stored_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS failures (
    fid INTEGER PRIMARY KEY,
    input TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL,
    kind TEXT              -- why there is no record: a FailureKind value (errors.py); set on upgrade for older rows
);
"""


def schema_version(conn: sqlite3.Connection) -> int:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.OperationalError:
        return 0
    return int(row[0]) if row else 0


def _upgrade_1_to_2(conn: sqlite3.Connection) -> None:
    """v2 copies the article's day into article_entities, quotes and events (index-ordered topic pages)."""
    conn.execute("BEGIN IMMEDIATE")
    for table in ("article_entities", "quotes", "events"):
        conn.execute(f"ALTER TABLE {table} ADD COLUMN day TEXT")
        conn.execute(f"UPDATE {table} SET day = (SELECT day FROM articles a WHERE a.aid = {table}.aid)")
    conn.execute("ALTER TABLE entities ADD COLUMN mention_count INTEGER NOT NULL DEFAULT 0")
    conn.execute("UPDATE entities SET (article_count, mention_count) = (SELECT count(*), coalesce(sum(mention_count), 0) "
                 "FROM article_entities WHERE entity_id = entities.id)")
    for index in ("article_entities_entity", "quotes_speaker", "events_source", "events_target", "events_location"):
        conn.execute(f"DROP INDEX IF EXISTS {index}")
    conn.execute("COMMIT")


#: v4: the confidence columns each table gained (NULL for rows stored before; readers treat NULL as unknown).
CONFIDENCE_COLUMNS = {
    "article_entities": ("confidence",),
    "quotes": ("confidence", "speaker_confidence"),
    "events": ("confidence", "source_confidence", "target_confidence"),
    "facts": ("confidence",),
    "dates": ("confidence",),
}


def _upgrade_to_4(conn: sqlite3.Connection) -> None:
    """v4 adds confidence columns; rows stored before keep NULL (their records hold no confidence either)."""
    conn.execute("BEGIN IMMEDIATE")
    for table, cols in CONFIDENCE_COLUMNS.items():
        have = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
        for col in cols:
            if col not in have:
                conn.execute(f"ALTER TABLE {table} ADD COLUMN {col} REAL")
    conn.execute("COMMIT")


def _upgrade_to_5(conn: sqlite3.Connection) -> None:
    """v5 adds events.status (did it happen: annotate/factuality.py); rows stored before keep NULL (counted as
    asserted, as their records hold no status either)."""
    conn.execute("BEGIN IMMEDIATE")
    if "status" not in {r[1] for r in conn.execute("PRAGMA table_info(events)")}:
        conn.execute("ALTER TABLE events ADD COLUMN status TEXT")
    conn.execute("COMMIT")



def _upgrade_to_6(conn: sqlite3.Connection) -> None:
    """v6 adds failures.kind (a FailureKind); rows stored before get the kind their wording tells
    (`FailureKind.of_row`), so every row has one and `newsgraph failures` can count by kind."""
    conn.execute("BEGIN IMMEDIATE")
    have = {r[1] for r in conn.execute("PRAGMA table_info(failures)")}
    if have and "kind" not in have:
        conn.execute("ALTER TABLE failures ADD COLUMN kind TEXT")
        rows = conn.execute("SELECT fid, reason FROM failures").fetchall()
        conn.executemany("UPDATE failures SET kind = ? WHERE fid = ?",
                         [(FailureKind.of_row(None, r[1]).value, r[0]) for r in rows])
    conn.execute("COMMIT")


def rebuild_aggregates(conn: sqlite3.Connection) -> None:
    """Recompute entity counts, entity_days and cooccur from article_entities (an upgrade, or a bulk build that
    bypassed the writer); the caller holds the transaction."""
    conn.execute("UPDATE entities SET (article_count, mention_count) = (SELECT count(*), coalesce(sum(mention_count), 0) "
                 "FROM article_entities WHERE entity_id = entities.id)")
    conn.execute("DELETE FROM entity_days")
    conn.execute("INSERT INTO entity_days(entity_id, day, articles, mentions) SELECT entity_id, day, count(*), "
                 "sum(mention_count) FROM article_entities WHERE day IS NOT NULL GROUP BY entity_id, day")
    conn.execute("DELETE FROM cooccur")
    conn.execute(
        "WITH top AS (SELECT aid, entity_id FROM (SELECT aid, entity_id, row_number() OVER (PARTITION BY aid "
        f"ORDER BY salience DESC, entity_id) AS rn FROM article_entities) WHERE rn <= {COOCCUR_TOP}) "
        "INSERT INTO cooccur(entity_id, other_id, n) SELECT a.entity_id, b.entity_id, count(*) "
        "FROM top a JOIN top b ON b.aid = a.aid AND b.entity_id <> a.entity_id GROUP BY a.entity_id, b.entity_id")


def create_schema(conn: sqlite3.Connection) -> None:
    """Create the tables (idempotent), upgrading an older store in place, and record the schema version."""
    found = schema_version(conn)
    if found == 1:
        _upgrade_1_to_2(conn)
    if 1 <= found < 4:
        _upgrade_to_4(conn)
    if 1 <= found < 5:
        _upgrade_to_5(conn)
    if 1 <= found < 6:
        _upgrade_to_6(conn)
    conn.executescript(SCHEMA)
    if found in (1, 2):  # v3 adds the per-entity aggregates: fill them from what is stored
        conn.execute("BEGIN IMMEDIATE")
        rebuild_aggregates(conn)
        conn.execute("COMMIT")
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    conn.commit()
