"""`newsgraph analyze` output forms and options (through typer's CliRunner, in process)."""

from __future__ import annotations

import json

from test_ingest import article_page
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.scale.warcwrite import write_warc

runner = CliRunner()


def test_json_one_object_then_array_and_jsonl(tmp_path):
    a = tmp_path / "a.html"
    a.write_text(article_page(0))
    b = tmp_path / "b.html"
    b.write_text(article_page(1))
    one = runner.invoke(app, ["analyze", str(a)])
    assert one.exit_code == 0 and json.loads(one.stdout)["input"] == str(a)
    both = runner.invoke(app, ["analyze", str(a), str(b)])
    assert [r["input"] for r in json.loads(both.stdout)] == [str(a), str(b)]
    lines = runner.invoke(app, ["analyze", "--format", "jsonl", str(tmp_path)]).stdout.splitlines()
    assert [json.loads(x)["input"] for x in lines] == [str(a), str(b)]
    rec = json.loads(lines[0])
    assert rec["cluster"] == rec["id"]  # every record of a batch carries its near-duplicate group


def test_output_file_written_atomically_and_workers(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(4):
        (src / f"p{i}.html").write_text(article_page(i, extra=f"<p>Report {i} of the series, number {i}.</p>"))
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["analyze", "--format", "jsonl", "--workers", "2", "-o", str(out), str(src)])
    assert res.exit_code == 0, res.output
    assert not (tmp_path / "out.jsonl.part").exists()
    one = runner.invoke(app, ["analyze", "--format", "jsonl", str(src)])
    assert out.read_text() == one.stdout


def test_warc_input_gives_one_article_per_html_record(tmp_path):
    w = write_warc(tmp_path / "c.warc.gz", [(f"https://news.example/{i}", article_page(i).encode()) for i in range(3)])
    res = runner.invoke(app, ["analyze", "--format", "jsonl", "--kind", "warc", str(w)])
    assert res.exit_code == 0, res.output
    recs = [json.loads(x) for x in res.stdout.splitlines()]
    assert [r["url"] for r in recs] == [f"https://news.example/{i}" for i in range(3)]
    assert all(r["input"].startswith(f"{w}#") for r in recs)


def test_kind_warc_on_a_page_is_an_error(tmp_path):
    a = tmp_path / "a.html"
    a.write_text(article_page(0))
    res = runner.invoke(app, ["analyze", "--kind", "warc", str(a)])
    assert res.exit_code == 1
    assert f"newsgraph: error: {a}: not a WARC file" in res.stderr
