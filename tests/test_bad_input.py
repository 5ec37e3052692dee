"""Bad input through the real CLI: one clear stderr line per broken input, the rest still processed, exit 1.

Every input here is written by the test: empty, binary, truncated HTML, truncated and corrupt WARC / WARC.gz,
undecodable bytes, pages in other encodings (which must be decoded, not rejected), an over-limit page and stdin.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_ingest import article_page
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.scale.warcwrite import write_warc

NEWSGRAPH = [str(Path(sys.executable).parent / "newsgraph")]


def run_cli(args: list[str], stdin: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        NEWSGRAPH + args, input=stdin, capture_output=True, timeout=300, env={**os.environ, **(env or {})}
    )


def error_lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ln.startswith("newsgraph: error: ")]


@pytest.fixture(scope="module")
def broken_folder(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("mixed")
    (d / "good1.html").write_text(article_page(0), encoding="utf-8")
    (d / "good2.html").write_text(article_page(1), encoding="utf-8")
    (d / "empty.html").write_bytes(b"")
    (d / "blank.txt").write_bytes(b"  \n\n \t\n")
    (d / "binary.html").write_bytes(bytes(range(256)) * 40)
    (d / "undecodable.txt").write_bytes(bytes(range(0x80, 0x100)) * 200)
    (d / "tags-only.html").write_bytes(b"<html><head><title></title></head><body><div><p>")
    w = write_warc(d / "cut.warc", [(f"https://news.example/w{i}", article_page(i).encode()) for i in range(2)])
    w.write_bytes(w.read_bytes()[:-400])
    g = write_warc(d / "cut.warc.gz", [(f"https://news.example/g{i}", article_page(i + 1).encode()) for i in range(2)])
    g.write_bytes(g.read_bytes()[:-250])
    c = write_warc(d / "corrupt.warc.gz", [("https://news.example/c0", article_page(2).encode())])
    data = bytearray(c.read_bytes())
    data[60:200] = b"\x00" * 140
    c.write_bytes(bytes(data))
    (d / "fake.warc.gz").write_bytes(b"\x1f\x8b\x08\x00garbage, not gzip at all")
    return d


def test_folder_with_broken_files_reports_each_and_goes_on(broken_folder):
    proc = run_cli(["analyze", "--format", "jsonl", str(broken_folder)])
    err = proc.stderr.decode()
    assert proc.returncode == 1, err
    assert "Traceback" not in err
    records = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    inputs = {r["input"] for r in records}
    d = str(broken_folder)
    # the good pages, and the good first record of each truncated WARC
    assert {f"{d}/good1.html", f"{d}/good2.html", f"{d}/cut.warc#0", f"{d}/cut.warc.gz#0"} <= inputs
    lines = error_lines(err)
    for name in ("empty.html", "blank.txt", "binary.html", "undecodable.txt", "tags-only.html", "cut.warc#",
                 "cut.warc.gz#", "corrupt.warc.gz", "fake.warc.gz"):
        hits = [ln for ln in lines if f"{d}/{name}" in ln]
        assert len(hits) == 1, (name, lines)
        assert len(hits[0].split(": ", 3)[-1]) > 5  # says what the problem is
    assert any("empty" in ln for ln in lines if "empty.html" in ln)
    assert any("binary" in ln for ln in lines if "binary.html" in ln)
    assert any("truncated" in ln for ln in lines if "cut.warc#" in ln)
    assert not inputs & {ln.split(": ")[2] for ln in lines}  # nothing both failed and output
    assert f"{len(records)} article(s) analysed, {len(lines)} input(s) failed" in err


def test_workers_report_the_same(broken_folder):
    one = run_cli(["analyze", "--format", "jsonl", str(broken_folder)])
    two = run_cli(["analyze", "--format", "jsonl", "--workers", "2", str(broken_folder)])
    assert two.returncode == 1 and "Traceback" not in two.stderr.decode()
    assert error_lines(one.stderr.decode()) == error_lines(two.stderr.decode())
    assert one.stdout == two.stdout


def test_missing_file_and_stdin(tmp_path):
    proc = run_cli(["analyze", "--format", "jsonl", str(tmp_path / "nope.html"), "-"], stdin=article_page(2).encode())
    err = proc.stderr.decode()
    assert proc.returncode == 1 and "Traceback" not in err
    assert error_lines(err) == [f"newsgraph: error: {tmp_path / 'nope.html'}: no such file"]
    rec = json.loads(proc.stdout)
    assert rec["input"] == "-" and "Athens" in rec["body"]


def test_empty_stdin():
    proc = run_cli(["analyze", "-"], stdin=b"")
    assert proc.returncode == 1
    assert error_lines(proc.stderr.decode()) == ["newsgraph: error: -: empty input"]


def test_over_limit_page_is_refused_with_the_limit_named(tmp_path):
    big = tmp_path / "big.html"
    filler = "<p>" + "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 20 + "</p>\n"
    with big.open("w") as fh:
        fh.write(article_page(0).split("</article>")[0])
        while fh.tell() < 50 * 1024 * 1024:  # a 50 MB page, over the default 20 MB limit
            fh.write(filler)
        fh.write("</article></body></html>")
    small = tmp_path / "small.html"
    small.write_text(article_page(1))
    proc = run_cli(["analyze", "--format", "jsonl", str(big), str(small)])
    err = proc.stderr.decode()
    assert proc.returncode == 1 and "Traceback" not in err
    (line,) = error_lines(err)
    assert str(big) in line and "too large" in line and "NEWSGRAPH_MAX_INPUT_BYTES" in line
    assert json.loads(proc.stdout)["input"] == str(small)
    # the limit is a setting
    proc = run_cli(["analyze", str(small)], env={"NEWSGRAPH_MAX_INPUT_BYTES": "1000"})
    assert proc.returncode == 1 and "too large" in proc.stderr.decode()


@pytest.mark.parametrize(
    "encoding,declare,words",
    [
        ("iso-8859-1", True, "São Paulo café Zürich"),
        ("cp1252", True, "Café “Zürich” – naïve"),
        ("cp1252", False, "São Paulo café “Zürich” – Genève"),
        ("cp1252", False, "the “naïve” café owner – in Zürich"),
        ("utf-16", False, "Kraków Łódź São Paulo"),
        ("koi8-r", True, "Москва Санкт-Петербург"),
        ("shift_jis", True, "東京都 大阪市"),
        ("iso-8859-2", True, "Kraków Łódź Gdańsk"),
    ],
)
def test_other_encodings_are_decoded(tmp_path, encoding, declare, words):
    extra = f"<p>The delegation travelled on to {words} later in the week for further talks with officials.</p>"
    html = article_page(0, extra=extra)
    html = html.replace('<meta charset="utf-8">', f'<meta charset="{encoding}">' if declare else "")
    path = tmp_path / "page.html"
    path.write_bytes(html.encode(encoding))
    result = CliRunner().invoke(app, ["analyze", "--format", "jsonl", str(path)])
    assert result.exit_code == 0, result.output
    assert words in json.loads(result.stdout)["body"]
