"""The one Parquet schema: typed nested columns, timestamps in UTC with the page's offset, read back by `ingest`,
and a round trip analyze -> ingest -> export parquet -> ingest -> export jsonl that gives the same records."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from test_store import corpus
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.records import Fact
from newsgraph.store import StoreWriter
from newsgraph.store.parquet import article_schema, is_parquet, parse_timestamp, read_parquet, write_parquet

REPO = Path(__file__).resolve().parent.parent
runner = CliRunner()


def records() -> list[dict]:
    recs = [a.to_dict() for a in corpus()]
    recs[1]["modified"] = "2026-03-06"  # a date alone
    recs[2]["published"] = "2026-03-09T16:30:00"  # no offset
    recs[0]["facts"] = [asdict(Fact("killed", 2.5, 0, 3, None, "x")), asdict(Fact("killed", 12, 0, 3, None, "y"))]
    recs[0]["future_field"] = {"nested": [1, 2]}  # a key the schema does not know is kept, not dropped
    recs[1]["topics"]["events"] = ["floods"]
    return recs


def test_types_are_typed_and_nested(tmp_path: Path) -> None:
    out = tmp_path / "a.parquet"
    assert write_parquet(records(), str(out)) == 3
    t = pq.read_table(out)
    s = t.schema
    assert s.field("published").type == pa.timestamp("us", tz="UTC")
    assert s.field("published_offset_minutes").type == pa.int32()
    assert pa.types.is_list(s.field("entities").type)
    ent = s.field("entities").type.value_type
    assert pa.types.is_struct(ent) and ent.field("geo").type.field("lat").type == pa.float64()
    assert ent.field("mentions").type.value_type.field("start").type == pa.int64()
    assert s.field("topics").type.field("people").type == pa.list_(pa.string())
    rows = t.to_pylist()
    # 11:00 at -05:00 is 16:00 UTC; the offset is kept; no offset -> read as UTC, offset null
    assert rows[1]["published"] == dt.datetime(2026, 3, 6, 16, 0, tzinfo=dt.UTC)
    assert rows[1]["published_offset_minutes"] == -300
    assert rows[2]["published_offset_minutes"] is None
    assert rows[0]["quotes"][0]["speaker_name"] == "Amina Haile"


def test_read_back_is_exact(tmp_path: Path) -> None:
    out = tmp_path / "a.parquet"
    write_parquet(records(), str(out))
    assert is_parquet(out) and not is_parquet(REPO / "README.md")
    back = list(read_parquet(out))
    assert [json.dumps(r) for r in back] == [json.dumps(r) for r in records()]


def test_parse_timestamp() -> None:
    assert parse_timestamp("2026-03-09T02:10:00-03:00") == (dt.datetime(2026, 3, 9, 5, 10, tzinfo=dt.UTC), -180)
    assert parse_timestamp("2026-03-09") == (dt.datetime(2026, 3, 9, tzinfo=dt.UTC), None)
    assert parse_timestamp("yesterday") == (None, None)


def test_duckdb_reads_it(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    out = tmp_path / "a.parquet"
    write_parquet(records(), str(out))
    con = duckdb.connect()
    speakers = con.execute(
        f"SELECT q.speaker_name, count(*) FROM read_parquet('{out}'), UNNEST(quotes) AS u(q) GROUP BY 1 ORDER BY 1"
    ).fetchall()
    assert speakers == [("Amina Haile", 1), ("Elena Vargas", 1)]
    late = con.execute(f"SELECT count(*) FROM read_parquet('{out}') WHERE published >= TIMESTAMP '2026-03-06 12:00:00'")
    assert late.fetchone()[0] == 2


def _export(db: Path, fmt: str, out: Path) -> None:
    """Every item (--min-confidence 0): the round trip must keep all of them, not only those shown by default."""
    res = runner.invoke(app, ["export", "--db", str(db), "--format", fmt, "-o", str(out), "--min-confidence", "0"])
    assert res.exit_code == 0, res.stderr


def test_round_trip_through_ingest_on_the_demo_corpus(tmp_path: Path, demo_db: Path) -> None:
    """analyze (ingest demo/, the session's demo_db) -> export parquet -> ingest -> export jsonl: the same records."""
    first = demo_db
    _export(first, "jsonl", tmp_path / "first.jsonl")
    _export(first, "parquet", tmp_path / "demo.parquet")
    second = tmp_path / "second.db"
    res = runner.invoke(app, ["ingest", str(tmp_path / "demo.parquet"), "--db", str(second), "--no-progress"])
    assert res.exit_code == 0, res.output
    _export(second, "jsonl", tmp_path / "second.jsonl")
    a = (tmp_path / "first.jsonl").read_text(encoding="utf-8")
    assert len(a.splitlines()) >= 10
    assert (tmp_path / "second.jsonl").read_text(encoding="utf-8") == a


def test_ingest_names_a_broken_parquet_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(b"PAR1" + b"\x00" * 40 + b"PAR1")
    res = runner.invoke(app, ["ingest", str(bad), "--db", str(tmp_path / "s.db"), "--no-progress"])
    assert res.exit_code == 1
    assert f"{bad}: cannot read as newsgraph Parquet records" in res.stderr


def test_a_folder_of_parquet_exports_is_ingested(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    write_parquet(records()[:2], str(folder / "one.parquet"))
    write_parquet(records()[2:], str(folder / "two.parquet"))
    db = tmp_path / "s.db"
    res = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--no-progress"])
    assert res.exit_code == 0, res.output
    with StoreWriter(db) as w:
        assert w.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    assert article_schema().names[0] == "id"
