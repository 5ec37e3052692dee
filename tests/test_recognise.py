"""Input recognition for `newsgraph ingest`: tagged items (pages, stored records, Spark output, failures by kind)."""

from __future__ import annotations

import io
import json
import pickle
import sys

import pytest
from test_ingest import article_page

from newsgraph.errors import FailureKind, InputError
from newsgraph.ingest.recognise import StoredRecord, recognise, sniff_records
from newsgraph.records import RawDocument

RECORD = {"id": "abc", "body": "Text of an article.", "entities": [], "title": "T"}


def _kinds(items):
    return [type(x).__name__ for x in items]


def test_pages_records_and_missing_inputs_are_told_apart(tmp_path):
    (tmp_path / "page.html").write_text(article_page(0))
    (tmp_path / "out.jsonl").write_text(json.dumps(RECORD) + "\n" + "not json\n")
    (tmp_path / "notes.json").write_text('{"hello": 1}')  # JSON, but no record: left alone in a folder
    items = list(recognise([str(tmp_path), str(tmp_path / "missing.html")]))
    assert _kinds(items) == ["StoredRecord", "InputError", "RawDocument", "InputError"]
    rec, bad, page, missing = items
    assert rec.record["id"] == "abc" and rec.input.endswith("out.jsonl:1")
    assert bad.input.endswith("out.jsonl:2") and bad.kind is FailureKind.bad_input
    assert isinstance(page, RawDocument) and page.input.endswith("page.html")
    assert missing.problem == "no such file" and missing.kind is FailureKind.bad_input


def test_record_file_given_by_name_is_told_by_content(tmp_path):
    f = tmp_path / "records.txt"
    f.write_text(json.dumps([RECORD, {"id": "x"}]))
    items = list(recognise([str(f)]))
    assert isinstance(items[0], StoredRecord) and isinstance(items[1], InputError)
    assert "not an article record" in items[1].problem


@pytest.mark.parametrize("records", [True, False])
def test_stdin_is_read_once_and_not_rewired(monkeypatch, records):
    data = (json.dumps(RECORD) + "\n").encode() if records else article_page(1).encode()
    stdin = io.TextIOWrapper(io.BytesIO(data))
    monkeypatch.setattr(sys, "stdin", stdin)
    items = list(recognise(["-"]))
    assert sys.stdin is stdin
    assert _kinds(items) == (["StoredRecord"] if records else ["RawDocument"])


def test_sniff_records_needs_the_record_keys():
    assert sniff_records(json.dumps(RECORD).encode())
    assert sniff_records(json.dumps(RECORD, indent=2).encode())
    assert not sniff_records(b'{"id": 1, "body": "x"}')
    assert not sniff_records(b"<html>")


def test_failure_kinds_travel_with_the_error():
    err = InputError("a.html", "no article text found", FailureKind.not_an_article)
    back = pickle.loads(pickle.dumps(err))
    assert (back.input, back.problem, back.kind) == ("a.html", "no article text found", FailureKind.not_an_article)
    internal = InputError.internal("b.html", ValueError("boom"))
    assert internal.kind is FailureKind.internal and internal.problem == "internal error: ValueError: boom"
    assert InputError.internal("c", OSError("x"), "reading").problem == "internal error while reading: OSError: x"


def test_failure_kind_of_rows_written_before_kinds():
    assert FailureKind.of_row("duplicate", "anything") is FailureKind.duplicate
    assert FailureKind.of_row(None, "skipped, same URL and text as a#0") is FailureKind.duplicate
    assert FailureKind.of_row(None, "internal error: KeyError: 'x'") is FailureKind.internal
    assert FailureKind.of_row("", "truncated record") is FailureKind.bad_input
    assert FailureKind.of_row(None, "too complex to analyse within 30 s (limit X)") is FailureKind.too_complex


def test_too_complex_has_its_kind():
    from newsgraph.budget import too_complex

    assert too_complex("a.html", 30).kind is FailureKind.too_complex


def test_no_article_text_is_not_an_article():
    from newsgraph.pipeline import analyze_stream

    doc = RawDocument(input="empty.html", data=b"<html><body><nav>Home</nav></body></html>", kind="html")
    (err,) = list(analyze_stream([doc]))
    assert isinstance(err, InputError)
    assert err.kind in (FailureKind.not_an_article, FailureKind.bad_input)
