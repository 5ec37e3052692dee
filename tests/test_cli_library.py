"""The command line and library surface: --version, -h, python -m newsgraph, --url rules, analyze_many,
source.domain and absolute image URLs from the page URL."""

from __future__ import annotations

import json
import subprocess
import sys

from test_ingest import article_page
from typer.testing import CliRunner

import newsgraph
from newsgraph.cli import app
from newsgraph.errors import InputError

runner = CliRunner()


def test_version_and_short_help() -> None:
    res = runner.invoke(app, ["--version"])
    assert res.exit_code == 0 and res.stdout.strip() == f"newsgraph {newsgraph.__version__}"
    res = runner.invoke(app, ["-h"])
    assert res.exit_code == 0 and "analyze" in res.stdout and "export" in res.stdout
    res = runner.invoke(app, ["export", "-h"])
    assert res.exit_code == 0 and "--table" in res.stdout


def test_python_dash_m_runs_the_command() -> None:
    res = subprocess.run([sys.executable, "-m", "newsgraph", "--version"], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0 and res.stdout.strip() == f"newsgraph {newsgraph.__version__}"


def test_url_with_several_inputs_is_an_error(tmp_path) -> None:
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    a.write_text(article_page(0))
    b.write_text(article_page(1))
    res = runner.invoke(app, ["analyze", str(a), str(b), "--url", "https://x.example/a"])
    assert res.exit_code == 2 and res.stdout == ""
    assert "--url names the URL of one page, but 2 inputs were given" in res.stderr
    res = runner.invoke(app, ["analyze", str(tmp_path), "--url", "https://x.example/a"])
    assert res.exit_code == 2 and "a folder" in res.stderr


def test_url_map_gives_each_input_its_url(tmp_path) -> None:
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    a.write_text(article_page(0))
    b.write_text(article_page(1))
    urls = tmp_path / "urls.tsv"
    urls.write_text(f"# input\turl\n{a}\thttps://www.x.example/a\n{b}\thttps://x.example/b\n")
    res = runner.invoke(app, ["analyze", str(a), str(b), "--url-map", str(urls), "--format", "jsonl"])
    assert res.exit_code == 0, res.stderr
    recs = [json.loads(x) for x in res.stdout.splitlines()]
    assert [r["url"] for r in recs] == ["https://www.x.example/a", "https://x.example/b"]
    assert len({r["id"] for r in recs}) == 2
    assert [r["source"]["domain"] for r in recs] == ["x.example", "x.example"]
    urls.write_text(f"{a} https://x.example/a\n")
    res = runner.invoke(app, ["analyze", str(a), "--url-map", str(urls)])
    assert res.exit_code == 2 and f"{urls}:1: expected INPUT<TAB>http(s)://URL" in res.stderr


def test_image_urls_are_made_absolute_against_the_page_url() -> None:
    page = article_page(0).replace(
        "</article>", '<figure><img src="/img/port.jpg"><figcaption>Cranes stand idle at the port.</figcaption>'
        "</figure></article>")
    art = newsgraph.analyze(page, url="https://www.news.example/world/story", kind="html")
    assert art.source["domain"] == "news.example"
    assert [i.url for i in art.images] == ["https://www.news.example/img/port.jpg"]
    text = newsgraph.analyze("Ann Smith said on Monday that the talks would go on in Paris.", kind="body",
                             url="https://www.other.example/x")
    assert text.source["domain"] == "other.example"


def test_analyze_many_streams_in_order_with_errors_in_place() -> None:
    pages = [article_page(0), b"", (article_page(1), "https://x.example/1")]
    out = list(newsgraph.analyze_many(iter(pages)))
    assert isinstance(out[0], newsgraph.Article) and isinstance(out[2], newsgraph.Article)
    assert isinstance(out[1], InputError) and out[1].input == "<data 1>"
    assert out[2].url == "https://x.example/1"
    assert [a.id for a in newsgraph.analyze_many(pages, errors="skip")] == [out[0].id, out[2].id]
    assert [a.id for a in newsgraph.analyze_many(pages, workers=2, errors="skip")] == [out[0].id, out[2].id]
    try:
        list(newsgraph.analyze_many(pages, errors="raise"))
    except InputError as exc:
        assert exc.input == "<data 1>"
    else:
        raise AssertionError("errors='raise' did not raise")
