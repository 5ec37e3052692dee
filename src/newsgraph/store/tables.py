"""Article records as flat tables that join on ids: articles, entities, mentions, quotes, events, facts, dates.

One row per article in `articles`; one row per item in the others, each carrying `article_id` (and `entity_id`,
`speaker_id`, `source_id`, ... where an item points at an entity), so pandas, R, DuckDB or a spreadsheet can join
them without parsing nested JSON. The columns come from the record dataclasses (`newsgraph.records`), in their field
order: a field added to a record item (a confidence, a status) becomes a column at the end of its table, and no
column is renamed or dropped, so scripts written against the columns keep working.

Flattening rules: a list of strings is one cell joined with "; " in CSV (a list in JSON); a nested object (an
entity's `geo`) becomes prefixed columns (`geo_lat`); a list of objects (an entity's mentions) is its own table
and leaves a count (`mention_count`). `*_index` numbers an item within its article (0-based, in record order), so
(article_id, quote_index) is a key.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import typing
from collections.abc import Iterable, Iterator
from functools import cache
from typing import IO, Any

from newsgraph import records as R
from newsgraph.cleantext import safe_text

TABLES = ("articles", "entities", "mentions", "quotes", "events", "facts", "dates")
#: The SQL child table that counts each table's rows (for totals without reading records).
SQL_TABLE = {"entities": "article_entities", "mentions": "mentions", "quotes": "quotes", "events": "events",
             "facts": "facts", "dates": "dates"}
#: Item fields that hold an entity id, renamed so the join key says what it is.
_ID_FIELDS = {"id": "entity_id", "speaker": "speaker_id", "source": "source_id", "target": "target_id",
              "location": "location_id"}
_ITEM = {"entities": R.Entity, "quotes": R.Quote, "events": R.Event, "facts": R.Fact, "dates": R.DateRef}
_INDEX = {"quotes": "quote_index", "events": "event_index", "facts": "fact_index", "dates": "date_index"}
#: Article fields shown elsewhere (body only on request; nested lists are their own tables).
_COUNTS = {"entities": "entity_count", "quotes": "quote_count", "events": "event_count", "facts": "fact_count",
           "dates": "date_count"}
_ARTICLE_SKIP = {"entities", "quotes", "events", "facts", "dates", "images", "topics", "topics_confidence", "source", "body"}


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(R))


def _is_obj(tp: Any) -> type | None:
    """The dataclass inside `tp` (X or X | None), else None."""
    for t in (tp, *typing.get_args(tp)):
        if dataclasses.is_dataclass(t):
            return t  # type: ignore[return-value]
    return None


def _is_list(tp: Any) -> bool:
    return typing.get_origin(tp) is list


@cache
def columns(table: str, body: bool = False) -> tuple[str, ...]:
    """The table's columns, in a fixed order (see the module docstring)."""
    if table == "articles":
        cols = ["article_id", "url", "input", "source_name", "source_domain"]
        for f in dataclasses.fields(R.Article):
            if f.name not in _ARTICLE_SKIP and f.name not in ("id", "url", "input"):
                cols.append(f.name)
        cols += [*R.TOPIC_KEYS.values(), "image_urls", *_COUNTS.values(), "body_chars"]
        return (*cols, "body") if body else tuple(cols)
    if table == "mentions":
        return ("article_id", "entity_id", "mention_index", *(f.name for f in dataclasses.fields(R.Mention)))
    cls = _ITEM[table]
    hints = _hints(cls)
    cols = ["article_id"] + ([_INDEX[table]] if table in _INDEX else [])
    for f in dataclasses.fields(cls):
        tp = hints[f.name]
        sub = _is_obj(tp)
        if _is_list(tp) and _is_obj(typing.get_args(tp)[0]):
            cols.append(f"{f.name.rstrip('s')}_count")
        elif sub is not None and not _is_list(tp):
            cols += [f"{f.name}_{g.name}" for g in dataclasses.fields(sub)]
        else:
            cols.append(_ID_FIELDS.get(f.name, f.name))
    return tuple(cols)


#: pandas dtype per Python type of a record field (nullable kinds: a missing value stays missing, not 0 or "nan").
_DTYPE = {int: "Int64", float: "Float64", bool: "boolean", str: "string"}
#: Columns the article table adds beyond record fields.
_ARTICLE_EXTRA_DTYPES = {"source_name": "string", "source_domain": "string", "article_id": "string", "body_chars": "Int64"}


def _dtype(tp: Any) -> str:
    if _is_list(tp):
        return "string"  # joined with "; "
    args = [a for a in typing.get_args(tp) if a is not type(None)] or [tp]
    if int in args and float in args:
        return "Float64"
    return _DTYPE.get(args[0], "string")


@cache
def dtypes(table: str, body: bool = False) -> dict[str, str]:
    """pandas dtypes of the table's CSV columns: `pd.read_csv(path, dtype=dtypes(table))` reads it as documented."""
    out: dict[str, str] = {}
    if table == "articles":
        hints = _hints(R.Article)
        for c in columns(table, body):
            out[c] = _ARTICLE_EXTRA_DTYPES.get(c) or ("Int64" if c.endswith("_count") else
                                                     _dtype(hints[c]) if c in hints else "string")
        return out
    cls = R.Mention if table == "mentions" else _ITEM[table]
    hints = _hints(cls)
    back = {v: k for k, v in _ID_FIELDS.items()}
    for c in columns(table):
        if c.endswith(("_index", "_count")):
            out[c] = "Int64"
        elif c in hints or back.get(c) in hints:
            out[c] = _dtype(hints[c if c in hints else back[c]])
        elif "_" in c and c.split("_", 1)[0] in hints:  # geo_lat: a nested object's field
            sub = _is_obj(hints[c.split("_", 1)[0]])
            out[c] = _dtype(_hints(sub)[c.split("_", 1)[1]]) if sub else "string"
        else:
            out[c] = "string"
    return out


@cache
def list_columns(table: str) -> frozenset[str]:
    """Columns that hold a list of strings (one "; "-joined cell in CSV, a list in JSON)."""
    if table == "articles":
        hints = _hints(R.Article)
        return frozenset(c for c in columns(table) if c in hints and _is_list(hints[c])) | {
            *R.TOPIC_KEYS.values(), "image_urls"}
    if table == "mentions":
        return frozenset()
    hints = _hints(_ITEM[table])
    return frozenset(f.name for f in dataclasses.fields(_ITEM[table])
                     if _is_list(hints[f.name]) and not _is_obj(typing.get_args(hints[f.name])[0]))


@cache
def object_columns(table: str) -> frozenset[str]:
    """Columns that hold a free-form object (a dict field such as an article's `annotations`): JSON text in CSV,
    the object itself in JSON."""
    cls = R.Article if table == "articles" else R.Mention if table == "mentions" else _ITEM[table]
    hints = _hints(cls)
    return frozenset(c for c in columns(table) if c in hints and typing.get_origin(hints[c]) is dict)


def _item_row(table: str, aid: str, i: int, item: dict[str, Any]) -> dict[str, Any]:
    cls = _ITEM[table]
    hints = _hints(cls)
    row: dict[str, Any] = {"article_id": aid}
    if table in _INDEX:
        row[_INDEX[table]] = i
    for f in dataclasses.fields(cls):
        tp, v = hints[f.name], item.get(f.name)
        sub = _is_obj(tp)
        if _is_list(tp) and _is_obj(typing.get_args(tp)[0]):
            row[f"{f.name.rstrip('s')}_count"] = len(v or [])
        elif sub is not None and not _is_list(tp):
            for g in dataclasses.fields(sub):
                row[f"{f.name}_{g.name}"] = (v or {}).get(g.name)
        else:
            row[_ID_FIELDS.get(f.name, f.name)] = v
    return row


def rows(table: str, record: dict[str, Any], body: bool = False) -> Iterator[dict[str, Any]]:
    """The rows one article record gives in `table` (dicts keyed by `columns(table)`)."""
    aid = record.get("id")
    if table == "articles":
        src = record.get("source") or {}
        topics = record.get("topics") or {}
        row: dict[str, Any] = {"article_id": aid, "url": record.get("url"), "input": record.get("input"),
                               "source_name": src.get("name"), "source_domain": src.get("domain")}
        for c in columns("articles"):
            if c not in row and c in record:
                row[c] = record.get(c)
        for k in R.TOPIC_KEYS.values():
            row[k] = topics.get(k) or []
        row["image_urls"] = [i.get("url") for i in record.get("images") or [] if i.get("url")]
        for k, col in _COUNTS.items():
            row[col] = len(record.get(k) or [])
        row["body_chars"] = len(record.get("body") or "")
        if body:
            row["body"] = record.get("body")
        yield row
        return
    if table == "mentions":
        for e in record.get("entities") or []:
            for j, m in enumerate(e.get("mentions") or []):
                yield {"article_id": aid, "entity_id": e.get("id"), "mention_index": j,
                       **{f.name: m.get(f.name) for f in dataclasses.fields(R.Mention)}}
        return
    for i, item in enumerate(record.get(table) or []):
        yield _item_row(table, aid, i, item)


def cell(v: Any) -> Any:
    """A CSV cell: lists joined with '; ', booleans as true/false, None as empty; text free of NUL."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return "; ".join("" if x is None else str(x) for x in v)
    if isinstance(v, dict):
        import json

        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, str):
        return safe_text(v).replace("\x00", "")
    return v


def csv_lines(table: str, records: Iterable[dict[str, Any]], body: bool = False) -> Iterator[str]:
    """The header and then one CSV line per row (RFC 4180: quoted where needed, CRLF line ends)."""
    cols = columns(table, body)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore")
    w.writeheader()
    yield buf.getvalue()
    for rec in records:
        for row in rows(table, rec, body):
            buf.seek(0)
            buf.truncate()
            w.writerow({k: cell(row.get(k)) for k in cols})
            yield buf.getvalue()


def write_csv(table: str, records: Iterable[dict[str, Any]], out: IO[str], body: bool = False) -> int:
    """Write the table as CSV; returns the number of records read."""
    n = 0

    def counted() -> Iterator[dict[str, Any]]:
        nonlocal n
        for r in records:
            n += 1
            yield r

    for line in csv_lines(table, counted(), body):
        out.write(line)
    return n
