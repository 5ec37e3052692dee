"""The web app in process (TestClient): pages, JSON API, bad queries, hostile content escaped everywhere, plus one
end-to-end ingest of demo files through the CLI."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
from test_store import corpus, make_article
from typer.testing import CliRunner

from newsgraph.records import Entity, Mention, Quote
from newsgraph.store import StoreWriter

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from newsgraph.web.app import create_app

REPO = Path(__file__).resolve().parent.parent
XSS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "javascript:alert(3)",
    '"><svg onload=alert(4)>',
]


def ids(corpus_client: TestClient) -> tuple[str, str]:
    hit = corpus_client.get("/api/search", params={"q": "Nairobi"}).json()["results"][0]
    rec = corpus_client.get(f"/api/articles/{hit['id']}").json()
    person = next(e for e in rec["entities"] if e["type"] == "person")
    return hit["id"], person["id"]


def test_search_page_with_facets_and_highlight(corpus_client: TestClient) -> None:
    r = corpus_client.get("/", params={"q": "Nairobi"})
    assert r.status_code == 200
    assert "<mark>Nairobi</mark>" in r.text
    assert "2 articles" in r.text
    for label in ("People", "Countries", "Cities", "Organisations", "Source", "Date"):
        assert f"<h3>{label}</h3>" in r.text
    assert "Amina Haile" in r.text
    assert r.headers["content-security-policy"].startswith("default-src 'self'")


def test_facet_filter_and_paging_links(corpus_client: TestClient) -> None:
    r = corpus_client.get("/api/search", params={"q": "Nairobi"}).json()
    egypt = next(f for f in r["facets"]["countries"] if f["name"] == "Egypt")
    page = corpus_client.get("/", params={"q": "Nairobi", "country": egypt["id"]})
    assert page.status_code == 200 and "2 articles" in page.text
    assert 'class="chip t-country"' in page.text
    peru = corpus_client.get("/api/search").json()["facets"]["countries"]
    peru_id = next(f["id"] for f in peru if f["name"] == "Peru")
    page = corpus_client.get("/", params={"country": peru_id})
    assert "1 article<" in page.text and "Earthquake kills 14 in Peru" in page.text
    assert corpus_client.get("/", params={"page": "abc", "per_page": "-3"}).status_code == 200


@pytest.mark.parametrize("q", ['"unterminated', "AND", "(", "NEAR(x", "title:", "*", "a OR", "'; DROP TABLE articles; --"])
def test_bad_query_gets_a_message_never_a_500(corpus_client: TestClient, q: str) -> None:
    r = corpus_client.get("/", params={"q": q})
    assert r.status_code == 200
    api = corpus_client.get("/api/search", params={"q": q})
    assert api.status_code in (200, 422)
    if api.status_code == 422:  # the one error shape (see test_api.py)
        assert "quotes" in api.json()["error"]["message"] and api.json()["error"]["param"] == "q"
        assert 'class="alert"' in r.text
    assert corpus_client.get("/api/stats").json()["articles"] == 3


def test_article_page(corpus_client: TestClient) -> None:
    art, person = ids(corpus_client)
    r = corpus_client.get(f"/article/{art}")
    assert r.status_code == 200
    assert "Topics in this article" in r.text
    for label in ("People", "Country", "City", "Organisation"):
        assert f"<h3>{label}</h3>" in r.text
    body = r.text.split('id="body"', 1)[1].split("</div>", 1)[0]
    links = re.findall(r'<a class="mention t-(\w+)" href="/entity/(\w+)"[^>]*>([^<]+)</a>', body)
    assert ("person", person, "Amina Haile") in links
    assert any(t == "city" and text == "Nairobi" for t, _, text in links)
    assert "We want an agreement before June," in r.text and 'id="quotes"' in r.text
    assert 'id="events"' in r.text and "CONSULT" in r.text
    assert corpus_client.get("/article/doesnotexist").status_code == 404


def test_entity_page(corpus_client: TestClient) -> None:
    _, person = ids(corpus_client)
    r = corpus_client.get(f"/entity/{person}")
    assert r.status_code == 200
    assert "Amina Haile" in r.text and 'class="chart"' in r.text and 'class="map"' in r.text
    assert "/static/world.svg" in r.text
    assert "We want an agreement before June," in r.text
    assert corpus_client.get("/static/world.svg").status_code == 200
    api = corpus_client.get(f"/api/entities/{person}").json()
    assert api["article_count"] == 2 and len(api["articles"]) == 2
    assert corpus_client.get("/entity/nope").status_code == 404
    assert corpus_client.get("/api/entities/nope").status_code == 404


def test_api_and_offline_docs(corpus_client: TestClient) -> None:
    spec = corpus_client.get("/openapi.json").json()
    for path in ("/api/search", "/api/facets", "/api/articles/{article_id}", "/api/entities/{entity_id}"):
        assert path in spec["paths"]
    docs = corpus_client.get("/docs")
    assert docs.status_code == 200 and "/api/search" in docs.text
    assert "cdn" not in docs.text.lower() and "<script" not in docs.text
    facets = corpus_client.get("/api/facets", params={"q": "Nairobi"}).json()
    assert facets["total"] == 2 and facets["facets"]["people"][0]["name"] == "Amina Haile"


def hostile_article():
    payload = " | ".join(XSS)
    body = f"Intro {XSS[0]} and {XSS[1]} in Nairobi.\n\nThen {XSS[2]} and {XSS[3]} said Eve."
    a = make_article(payload, body.split("\n\n"), url="javascript:alert(5)", places=("Nairobi",))
    a.title = payload
    a.standfirst = payload
    a.section = XSS[1]
    a.authors = [XSS[0]]
    a.source = {"name": XSS[1], "domain": XSS[2]}
    start = body.find(XSS[2])
    name = f"Eve {XSS[1]}"
    evil = Entity(id="evil0000000000000", name=name, type="person", aliases=[name], salience=1.0,
                  mentions=[Mention(body.find("Eve"), body.find("Eve") + 3, "Eve")])
    a.entities.append(evil)
    a.topics["people"] = [name]
    a.quotes = [Quote(text=body[start:start + len(XSS[2])], start=start, end=start + len(XSS[2]), kind="direct",
                      speaker=evil.id, speaker_name=name, cue=XSS[0])]
    return a


def parse_tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Every start tag the browser would build from the page, with its attributes."""
    from html.parser import HTMLParser

    tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    class P(HTMLParser):
        def handle_starttag(self, tag, attrs):
            tags.append((tag, attrs))

    P().feed(html)
    return tags


def test_hostile_content_is_escaped_everywhere(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    a = hostile_article()
    with StoreWriter(db) as w:
        w.put(a)
    c = TestClient(create_app(db))
    pages = [
        c.get("/").text,
        c.get("/", params={"q": "alert"}).text,
        c.get("/", params={"q": "Nairobi", "source": XSS[1]}).text,
        c.get(f"/article/{a.id}").text,
        c.get("/entity/evil0000000000000").text,
        c.get(f"/entity/{a.entities[0].id}").text,
    ]
    for html in pages:
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert "<svg onload" not in html
        assert 'href="javascript:' not in html
        tags = parse_tags(html)
        assert not [t for t, attrs in tags if t in ("script", "img", "svg", "iframe") and t != "svg"]
        assert not [(t, k) for t, attrs in tags for k, _ in attrs if k.startswith("on")]
        assert not [(t, v) for t, attrs in tags for k, v in attrs if k == "href" and v and "javascript" in v.lower()]
    art = pages[3]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in art
    assert "Eve &lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in art  # the entity name, in the panel
    # the API returns the record as data (JSON), unchanged
    assert c.get(f"/api/articles/{a.id}").json()["title"] == a.title


def test_sql_is_parameterised(corpus_client: TestClient) -> None:
    evil = "x' OR '1'='1"
    assert corpus_client.get("/api/search", params={"source": evil}).json()["total"] == 0
    assert corpus_client.get(f"/api/articles/{evil}").status_code == 404
    assert corpus_client.get("/api/search", params={"person": evil}).status_code == 422  # not an entity id
    assert corpus_client.get("/api/search", params={"from": "2026-01-01' OR 1=1 --"}).status_code == 422  # not a date
    assert corpus_client.get("/", params={"from": "2026-01-01' OR 1=1 --"}).status_code == 200  # the page ignores it


def test_ingest_demo_files_end_to_end(tmp_path: Path) -> None:
    from newsgraph.cli import app

    db = tmp_path / "demo.db"
    inputs = [str(REPO / "demo" / "html" / "nile-talks-nairobi.html"), str(REPO / "demo" / "text" / "dhaka-floods.txt"),
              str(tmp_path / "missing.html")]
    runner = CliRunner()
    res = runner.invoke(app, ["ingest", *inputs, "--db", str(db), "--no-progress"])
    assert res.exit_code == 1, res.output  # one input failed
    assert "2 added" in res.output and "1 failed" in res.output
    res = runner.invoke(app, ["failures", "--db", str(db), "--json"])
    assert "missing.html" in res.output and "no such file" in res.output
    res = runner.invoke(app, ["ingest", *inputs[:2], "--db", str(db), "--no-progress"])
    assert res.exit_code == 0 and "2 skipped" in res.output
    c = TestClient(create_app(db))
    hits = c.get("/api/search", params={"q": "Nairobi"}).json()
    assert hits["total"] >= 1
    rec = c.get(f"/api/articles/{hits['results'][0]['id']}").json()
    assert rec["title"] == "Egypt and Ethiopia resume Nile dam talks in Nairobi"
    assert c.get(f"/article/{rec['id']}").status_code == 200
    for e in rec["entities"][:5]:
        assert c.get(f"/entity/{e['id']}").status_code == 200
    out = tmp_path / "x.tsv"
    res = runner.invoke(app, ["export", "--db", str(db), "--format", "gkg", "-o", str(out)])
    assert res.exit_code == 0
    assert len(out.read_text().splitlines()) == 2
    assert all(len(line.split("\t")) == 27 for line in out.read_text().splitlines())


def test_article_page_renders_a_record_stored_before_newer_fields(tmp_path: Path) -> None:
    """A store written by an older newsgraph holds records without the fields added since (language_confidence,
    annotations, page_type, confidences): its article pages must still render, not answer 500."""
    import json
    import sqlite3

    db = tmp_path / "old.db"
    with StoreWriter(db) as w:
        for a in corpus():
            w.put(a)
    newer = ("language_confidence", "annotations", "page_type", "topics_confidence", "fetched_url", "fetched_at")
    with sqlite3.connect(db) as c:
        for aid, rec in c.execute("SELECT id, record FROM articles").fetchall():
            r = {k: v for k, v in json.loads(rec).items() if k not in newer}
            c.execute("UPDATE articles SET record = ? WHERE id = ?", (json.dumps(r), aid))
        first = c.execute("SELECT id FROM articles LIMIT 1").fetchone()[0]
    corpus_client = TestClient(create_app(db))
    r = corpus_client.get(f"/article/{first}")
    assert r.status_code == 200 and "Language" in r.text
