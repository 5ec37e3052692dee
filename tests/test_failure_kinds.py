"""Failure kinds in the store: every failures row holds its `FailureKind` (written from `InputError.kind`, told by
the wording for rows stored before kinds existed), shown and counted by `newsgraph failures` and `/api/failures`."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import FailureKind, InputError
from newsgraph.store.lookups import failure_counts, list_failures
from newsgraph.store.schema import SCHEMA_VERSION
from newsgraph.store.writer import StoreWriter
from newsgraph.web.app import create_app


def store_with_failures(db: Path) -> None:
    with StoreWriter(db) as w:
        w.add_failure("feed.xml", "not an article: an RSS feed", FailureKind.not_an_article)
        w.add_failure("bug.html", "internal error: KeyError: 'x'")  # no kind given: its wording tells
        w.add_failure("cut.warc.gz#7", "truncated record: 10 of 200 bytes", "bad_input")
        w.add_failure("slow.html", "took too long", InputError("slow.html", "took too long",
                                                               FailureKind.too_complex).kind)


def test_failures_keep_their_kind_and_are_counted(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    store_with_failures(db)
    with StoreWriter(db) as w:
        rows = list_failures(w.conn)
        assert [(r["input"], r["kind"]) for r in rows] == [
            ("feed.xml", "not_an_article"), ("bug.html", "internal"), ("cut.warc.gz#7", "bad_input"),
            ("slow.html", "too_complex")]
        w.add_failure("feed.xml", "internal error: boom", FailureKind.internal)  # the latest failure replaces it
        assert failure_counts(w.conn) == {"internal": 2, "bad_input": 1, "too_complex": 1}


def test_older_store_gets_kinds_from_the_wording_on_upgrade(tmp_path: Path) -> None:
    db = tmp_path / "v5.db"
    with StoreWriter(db) as w:
        w.add_failure("a.html", "internal error while annotating: ValueError: no", FailureKind.internal)
        w.add_failure("b.html", "empty file", FailureKind.bad_input)
        w.add_failure("c.html", "too complex to analyse within 30 s (limit 30)", FailureKind.too_complex)
    conn = sqlite3.connect(db)  # as a v5 store was: no kind column
    conn.executescript("ALTER TABLE failures DROP COLUMN kind; UPDATE meta SET value = '5' WHERE key = 'schema_version';")
    conn.close()
    with StoreWriter(db) as w:
        assert w.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        assert [(r["input"], r["kind"]) for r in list_failures(w.conn)] == [
            ("a.html", "internal"), ("b.html", "bad_input"), ("c.html", "too_complex")]


def test_cli_and_api_show_the_kind(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    store_with_failures(db)
    out = CliRunner().invoke(app, ["failures", "--db", str(db)], env={"COLUMNS": "200"})
    assert out.exit_code == 0, out.output
    text = " ".join(out.output.split())
    assert "4 failed input(s)" in text and "(1 bad_input, 1 internal, 1 not_an_article, 1 too_complex)" in text, text
    assert "an RSS feed │ not_an_article │" in text, text  # the kind column beside the reason
    out = CliRunner().invoke(app, ["failures", "--db", str(db), "--json", "--limit", "2"])
    lines = [json.loads(line) for line in out.output.splitlines()]
    assert [r["kind"] for r in lines if "input" in r] == ["not_an_article", "internal"]
    assert {"failures_by_kind": {"bad_input": 1, "internal": 1, "not_an_article": 1, "too_complex": 1}} in lines
    api = TestClient(create_app(db)).get("/api/failures").json()
    assert [r["kind"] for r in api] == ["not_an_article", "internal", "bad_input", "too_complex"]
