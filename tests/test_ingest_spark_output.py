"""`newsgraph ingest DIR` loads a `newsgraph spark` output folder (Parquet records and failures) into the store.

The folder is written here with pyarrow in the job's layout (newsgraph.scale.rows), so the test needs no Spark.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from typer.testing import CliRunner

import newsgraph
from newsgraph.cli import app
from newsgraph.scale.rows import publication_day, record_to_row

BODY = (
    "Harbour officials in Valdora said on Tuesday that the new ferry line would open in June.\n\n"
    '"We expect forty crossings a week," said port director Elena Marsh.'
)


def write_spark_output(root: Path, records: list[dict], failures: list[dict]) -> None:
    for rec in records:
        part = root / "articles" / f"date={publication_day(rec.get('published'))}"
        part.mkdir(parents=True, exist_ok=True)
        row = record_to_row(rec)
        row.pop("date", None)  # the partition folder carries it
        pq.write_table(pa.Table.from_pylist([row]), part / f"part-{rec['id'][:8]}.parquet")
    (root / "failures").mkdir(parents=True)
    pq.write_table(pa.Table.from_pylist(failures, schema=pa.schema([("input", pa.string()), ("reason", pa.string())])),
                   root / "failures" / "part-0.parquet")


def test_ingest_reads_spark_output(tmp_path):
    art = newsgraph.analyze(BODY, kind="body", url="https://example.org/ferry", input="crawl.warc.gz#0")
    rec = art.to_dict()
    rec["published"] = "2026-02-03T10:00:00"
    out = tmp_path / "sparkout"
    write_spark_output(
        out,
        [rec],
        [
            {"input": "crawl.warc.gz#999", "reason": "truncated record: 10 of 200 bytes"},
            {"input": "crawl.warc.gz#500", "reason": "skipped, same URL and text as crawl.warc.gz#0"},
        ],
    )
    db = tmp_path / "store.db"
    result = CliRunner().invoke(app, ["ingest", str(out), "--db", str(db), "--no-progress"])
    assert result.exit_code == 1, result.output  # the truncated record is a failure
    con = sqlite3.connect(db)
    assert con.execute("select count(*) from articles").fetchone()[0] == 1
    assert con.execute("select id from articles").fetchone()[0] == rec["id"]
    reasons = [tuple(r) for r in con.execute("select reason, kind from failures")]
    assert reasons == [("truncated record: 10 of 200 bytes", "bad_input")]  # the skipped repeat is not a failure
    # a rerun is idempotent: still one article
    CliRunner().invoke(app, ["ingest", str(out), "--db", str(db), "--no-progress"])
    assert sqlite3.connect(db).execute("select count(*) from articles").fetchone()[0] == 1
