"""The Spark job in local[2] on WARC files written here: same records as `analyze`, failures beside them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_ingest import article_page
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.scale.warcwrite import write_warc

pytestmark = pytest.mark.spark
pytest.importorskip("pyspark")
if not shutil.which("java"):
    pytest.skip("java is not installed", allow_module_level=True)


def test_spark_output_equals_analyze(tmp_path):
    src = tmp_path / "crawl"
    src.mkdir()
    write_warc(src / "a.warc.gz", [(f"https://a.example/{i}", article_page(i).encode()) for i in range(2)])
    write_warc(src / "b.warc", [("https://b.example/x", article_page(2, agency="AFP").encode()),
                                ("https://b.example/x", article_page(2, agency="AFP").encode())])  # an exact repeat
    bad = write_warc(src / "c.warc.gz", [("https://c.example/1", article_page(1).encode())] * 2)
    bad.write_bytes(bad.read_bytes()[:-200])
    out = tmp_path / "out"

    runner = CliRunner()
    res = runner.invoke(app, ["spark", "--input", str(src / "*.warc*"), "--output", str(out), "--master", "local[2]"])
    assert res.exit_code == 1, res.output  # the truncated record is a failure
    assert "3 file(s)" in res.stderr

    from newsgraph.scale.rows import read_failures, read_records

    got = {r["input"]: r for r in read_records(out)}
    failures = {f["input"]: f["reason"] for f in read_failures(out)}

    # what `analyze` gives for the same files, one file per run (a Spark task is one file), each in a fresh
    # process like Spark's workers (so no state cached by earlier tests in this process can differ)
    want = {}
    want_errors = {}
    exe = str(Path(sys.executable).parent / "newsgraph")
    for f in sorted(src.iterdir()):
        res = subprocess.run([exe, "analyze", "--format", "jsonl", "--min-confidence", "0", str(f)],  # every item, as stored
                             capture_output=True, text=True)
        for line in res.stdout.splitlines():
            rec = json.loads(line)
            want[rec["input"]] = rec
        for line in res.stderr.splitlines():
            if line.startswith("newsgraph: error: "):
                name, reason = line.removeprefix("newsgraph: error: ").split(": ", 1)
                want_errors[name] = reason
    assert set(got) == set(want) and len(got) == 4
    for k in want:
        assert got[k] == want[k], k
    repeat = f"{src}/b.warc#{_offset(src / 'b.warc', 1)}"
    assert failures == {**want_errors, repeat: f"skipped, same URL and text as {src}/b.warc#0"}
    assert any(r.startswith("truncated record") for r in failures.values())
    assert any(r.startswith("skipped, same URL and text as") for r in failures.values())
    # one schema: the job's files have the columns and types `newsgraph export --format parquet` writes
    import pyarrow.parquet as pq

    from newsgraph.store.parquet import article_schema

    part = next((out / "articles").rglob("*.parquet"))
    spark_schema = pq.read_schema(part)
    norm = lambda t: str(t).replace("element:", "item:").replace("not null", "")  # noqa: E731
    assert spark_schema.names == article_schema().names
    assert [norm(f.type) for f in spark_schema] == [norm(f.type) for f in article_schema()]
    # partitioned by publication day
    days = sorted(p.name for p in (out / "articles").iterdir() if p.is_dir())
    assert days == sorted({f"date={r['published'][:10]}" for r in want.values()})


def _offset(path, n):
    from newsgraph.ingest.warc import iter_warc

    return [int(d.input.rsplit("#", 1)[1]) for d in iter_warc(str(path))][n]


def _listening(pid: int) -> list[str]:
    """Local addresses (hex, as /proc/net/tcp* shows them) of the TCP sockets process `pid` listens on."""
    import os

    inodes = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    out = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            cols = line.split()
            if cols[3] == "0A" and cols[9] in inodes:  # 0A: LISTEN
                out.append(cols[1].split(":")[0])
    return out


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux /proc")
def test_local_master_listens_on_loopback_only():
    from newsgraph.scale.spark import spark_session

    spark = spark_session("local[1]", app="newsgraph-bind-test")
    try:
        sc = spark.sparkContext
        assert spark.conf.get("spark.driver.bindAddress") == "127.0.0.1"
        assert spark.conf.get("spark.driver.host") == "127.0.0.1"
        pid = sc._jvm.java.lang.ProcessHandle.current().pid()
        addrs = _listening(pid)
        assert addrs, "the driver listens on no port?"
        loopback = {"0100007F", "00000000000000000000000001000000", "0000000000000000FFFF00000100007F"}
        assert set(addrs) <= loopback, addrs
    finally:
        spark.stop()
