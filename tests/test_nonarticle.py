"""Inputs that are not articles: one clear error per file and no record; page kinds of the articles that are."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import InputError
from newsgraph.extract import extract
from newsgraph.ingest.nonpage import what_is
from newsgraph.records import RawDocument

HERE = Path(__file__).resolve().parent
NONART = HERE / "fixtures" / "nonarticle"
DEMO = HERE.parent / "demo"

RAW = {
    "feed.xml": "not an article: an RSS feed (3 entries)",
    "atom": "not an article: an Atom feed (2 entries)",
    "sitemap.xml": "not an article: a sitemap (2 entries)",
    "sitemap_index.xml": "not an article: a sitemap index (3 entries)",
    "robots.txt": "not an article: a robots.txt file",
    "api-response.json": "not an article: a JSON document",
    "api-response.xml": "not an article: an XML document (root element <response>)",
    "urls.txt": "not an article: a list of URLs (3 entries)",
}
PAGES = {
    "section-front.html": "not an article: an index or section page (14 headline links",
    "error-404.html": "not an article: an error page ('Page not found'",
    "consent.html": "not an article: a cookie or consent page",
    "paywall.html": "not an article: a paywall stub",
}


def _analyze(*paths: str) -> tuple[int, list[dict], list[str]]:
    result = CliRunner().invoke(app, ["analyze", "--format", "jsonl", *paths])
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    errors = [line for line in result.stderr.splitlines() if line.startswith("newsgraph: error:")]
    return result.exit_code, records, errors


@pytest.mark.parametrize("name", sorted(RAW))
def test_feeds_sitemaps_robots_json_are_recognised_by_content(name):
    found = what_is((NONART / name).read_bytes())
    assert found is not None and found.problem().startswith(RAW[name])


@pytest.mark.parametrize("name", sorted(RAW) + sorted(PAGES))
def test_each_non_article_given_by_name_gives_no_record_and_one_clear_error(name):
    code, records, errors = _analyze(str(NONART / name))
    assert code == 1 and records == []
    assert len(errors) == 1
    assert errors[0].startswith(f"newsgraph: error: {NONART / name}: " + (RAW.get(name) or PAGES[name]))


def test_a_feed_with_an_article_name_is_still_a_feed(tmp_path):
    page = tmp_path / "story.html"
    shutil.copy(NONART / "feed.xml", page)
    with pytest.raises(InputError, match="an RSS feed") as exc:
        extract(RawDocument(input=str(page), data=page.read_bytes()))
    assert exc.value.kind == "not_an_article"


def test_a_folder_walk_skips_files_that_are_not_pages_and_says_how_many(tmp_path):
    folder = tmp_path / "crawl"
    shutil.copytree(NONART, folder)
    shutil.copy(DEMO / "html" / "eu-fines-veltrix.html", folder / "story.html")
    result = CliRunner().invoke(app, ["analyze", "--format", "jsonl", str(folder)])
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [Path(r["input"]).name for r in records] == ["story.html"]
    # the raw non-pages are skipped with one count line, the HTML non-articles are errors naming each file
    assert "skipped 8 file(s) that are not pages" in result.stderr
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("newsgraph: error:")]
    assert sorted(Path(e.split(": ")[2]).name for e in errors) == sorted(PAGES)


def test_demo_articles_are_all_articles():
    pages = sorted(p for p in DEMO.rglob("*") if p.is_file() and p.suffix in (".html", ".txt"))
    assert pages
    for p in pages:
        ex = extract(RawDocument(input=str(p), data=p.read_bytes()))
        assert ex.page_type == "article", p.name


def _html(title: str, paras: list[str], extra_head: str = "", crossheads: list[str] | None = None) -> bytes:
    body = ""
    for i, p in enumerate(paras):
        if crossheads and i < len(crossheads):
            body += f"<h2>{crossheads[i]}</h2>"
        body += f"<p>{p}</p>"
    return (f"<!doctype html><html lang='en'><head><title>{title}</title>{extra_head}</head><body><article>"
            f"<h1>{title}</h1>{body}</article></body></html>").encode()


SENT = ("The harbour authority said the work would take six weeks, and that ferries would use the southern "
        "terminal while engineers rebuilt the damaged wall, which storms had undermined in January.")


def test_a_live_blog_is_an_article_with_page_type_liveblog():
    paras = [f"{9 + i}:{15 * (i % 4):02d} {SENT}" for i in range(6)]
    ex = extract(RawDocument(input="live.html", data=_html("Storm live: harbour closed", paras)))
    assert ex.page_type == "liveblog"


def test_a_listicle_is_an_article_with_page_type_listicle():
    heads = [f"{i}. Place number {i} on the coast" for i in range(1, 6)]
    ex = extract(RawDocument(input="list.html", data=_html("Five walks along the coast", [SENT] * 5, crossheads=heads)))
    assert ex.page_type == "listicle"


def test_a_gallery_is_an_article_with_page_type_gallery():
    ld = '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "ImageGallery", "name": "x"}</script>'
    ex = extract(RawDocument(input="g.html", data=_html("In pictures: the storm", [SENT] * 3, extra_head=ld)))
    assert ex.page_type == "gallery"


def test_an_ordinary_story_is_page_type_article():
    ex = extract(RawDocument(input="s.html", data=_html("Quay to close", [SENT] * 4)))
    assert ex.page_type == "article"


def test_a_short_story_that_mentions_a_missing_page_is_still_an_article():
    text = ("Officials said the page was not found in the archive. " + SENT + " ") * 2
    ex = extract(RawDocument(input="s.html", data=_html("Archive gap found in council records", [text, SENT])))
    assert ex.page_type == "article"


def test_a_one_paragraph_story_that_mentions_consent_is_still_an_article():
    """A story of one paragraph (a plain-text scrape, a page with one <p>) that mentions consent once: every paragraph
    'speaks of consent', but in one phrase, where a consent wall names cookies, partners, choices (stop 35: a real
    152-word news story was refused)."""
    story = ("The state parliament passed a bill on Tuesday that changes the rules for a medical procedure, after a "
             "long debate in the lower house. Under the new law a patient must give written consent to the "
             "procedure, and two doctors must agree that it is needed. " + SENT + " " + SENT)
    ex = extract(RawDocument(input="s.html", data=_html("", [story])))
    assert ex.page_type == "article"
    twice = story.replace("a medical procedure", "consent for a medical procedure")  # one phrase, said twice
    assert extract(RawDocument(input="t.html", data=_html("", [twice, "Consent forms change in May. " + SENT]))).page_type == "article"


def test_urls_given_to_analyze_get_one_line_saying_how_to_bring_the_page_in():
    code, records, errors = _analyze("https://harbour-gazette.example/news/2026/03/10/quay", "www.example.org/story")
    assert code == 1 and records == []
    assert len(errors) == 2
    for e in errors:
        assert "a URL, not a file: bring the page in with `newsgraph fetch URL`" in e
        assert "no such file" not in e


def test_a_url_given_to_ingest_is_a_failure_that_says_to_use_fetch(tmp_path):
    db = str(tmp_path / "s.db")
    result = CliRunner().invoke(app, ["ingest", "https://harbour-gazette.example/x", "--db", db, "--no-progress"])
    assert result.exit_code == 1
    assert "newsgraph fetch URL" in result.stderr and "no such file" not in result.stderr
