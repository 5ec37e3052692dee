"""Following: saved searches and followed entities in the store (CLI and web page), what a new article matches,
and the Atom 1.0 feeds `serve` publishes, checked against RFC 4287's rules and by feedparser."""

from __future__ import annotations

import re
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
from test_store import make_article
from typer.testing import CliRunner

from newsgraph.cli import app as cli
from newsgraph.store import StoreWriter, follow
from newsgraph.store.db import connect

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from newsgraph.web.app import create_app

A = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def check_atom(body: bytes) -> list[ET.Element]:
    """RFC 4287's rules for a feed document; returns its entries (asserts on any violation)."""
    root = ET.fromstring(body)
    assert root.tag == f"{A}feed"

    def one(el: ET.Element, tag: str) -> ET.Element:
        found = el.findall(f"{A}{tag}")
        assert len(found) == 1, f"{tag}: {len(found)} elements"
        return found[0]

    def iri(text: str | None) -> None:
        assert text and re.match(r"^[a-z][a-z0-9+.-]*:", text), f"id {text!r} is not an absolute IRI"

    iri(one(root, "id").text)
    assert (one(root, "title").text or "").strip()
    assert RFC3339.match(one(root, "updated").text or "")
    feed_author = root.find(f"{A}author")
    assert root.find(f"{A}link[@rel='self']") is not None
    alternates = [(lk.get("type"), lk.get("hreflang")) for lk in root.findall(f"{A}link[@rel='alternate']")]
    assert len(alternates) == len(set(alternates))
    entries = root.findall(f"{A}entry")
    ids = []
    for e in entries:
        iri(one(e, "id").text)
        ids.append(one(e, "id").text)
        assert (one(e, "title").text or "").strip()
        assert RFC3339.match(one(e, "updated").text or "")
        for p in e.findall(f"{A}published"):
            assert RFC3339.match(p.text or "")
        assert feed_author is not None or e.find(f"{A}author") is not None
        assert e.find(f"{A}content") is not None or e.find(f"{A}link[@rel='alternate']") is not None
    assert len(ids) == len(set(ids)), "entry ids repeat"
    parsed = feedparser.parse(body)
    assert not parsed.bozo and parsed.version == "atom10"
    return entries


def entity_id(db: Path, name: str) -> str:
    conn = connect(db)
    try:
        return conn.execute("SELECT id FROM entities WHERE name = ?", (name,)).fetchone()[0]
    finally:
        conn.close()


def test_search_feed_is_valid_atom_with_stable_ids_newest_first(corpus_client):
    r = corpus_client.get("/feeds/search", params={"q": "Nairobi"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/atom+xml")
    entries = check_atom(r.content)
    titles = [e.find(f"{A}title").text for e in entries]
    assert titles == ["African Union envoy praises Nile deal", "Egypt and Kenya hold water talks in Nairobi"]
    again = check_atom(corpus_client.get("/feeds/search", params={"q": "Nairobi"}).content)
    assert [e.find(f"{A}id").text for e in entries] == [e.find(f"{A}id").text for e in again]
    assert all(e.find(f"{A}id").text.startswith("urn:newsgraph:article:") for e in entries)
    link = entries[0].find(f"{A}link[@rel='alternate']").get("href")
    assert corpus_client.get(link.replace("http://testserver", "")).status_code == 200


def test_entity_and_quote_feeds(corpus_client, corpus_db):
    eid = entity_id(corpus_db, "Amina Haile")
    arts = check_atom(corpus_client.get(f"/feeds/entity/{eid}").content)
    assert len(arts) == 2
    quotes = check_atom(corpus_client.get(f"/feeds/entity/{eid}/quotes").content)
    assert len(quotes) == 1
    assert "We want an agreement before June" in quotes[0].find(f"{A}title").text
    assert re.match(r"urn:newsgraph:quote:\w+:\d+-\d+$", quotes[0].find(f"{A}id").text)
    assert corpus_client.get("/feeds/entity/no-such-entity").status_code == 404
    assert corpus_client.get("/feeds/entity/no-such-entity/quotes").status_code == 404


def test_empty_feed_and_unparseable_query_are_still_valid(corpus_client):
    assert check_atom(corpus_client.get("/feeds/search", params={"q": "zzzzunknownword"}).content) == []
    check_atom(corpus_client.get("/feeds/search", params={"q": 'Nairobi AND ("'}).content)
    assert corpus_client.get("/feeds/search").status_code == 422  # q is required


def test_hostile_titles_are_escaped_in_feeds(tmp_path):
    path = tmp_path / "x.db"
    with StoreWriter(path) as w:
        w.put(make_article("<script>alert(1)</script> & ]]> \"quotes\"", ["Nairobi water talks went on & on."],
                           url="https://x.example/1"))
    r = TestClient(create_app(path)).get("/feeds/search", params={"q": "Nairobi"})
    entries = check_atom(r.content)
    assert entries[0].find(f"{A}title").text.startswith("<script>")  # text, not markup
    assert b"<script>" not in r.content


def test_follow_cli_add_list_remove_and_matches(corpus_db):
    runner = CliRunner()
    eid = entity_id(corpus_db, "Elena Vargas")
    r = runner.invoke(cli, ["follow", "add", "Nairobi", "--db", str(corpus_db)])
    assert r.exit_code == 0 and "/feeds/search?q=Nairobi" in r.output
    r = runner.invoke(cli, ["follow", "add", "--entity", eid, "--db", str(corpus_db)])
    assert r.exit_code == 0 and "Elena Vargas" in r.output and f"/feeds/entity/{eid}/quotes" in r.output
    assert "already following" in runner.invoke(cli, ["follow", "add", "Nairobi", "--db", str(corpus_db)]).output
    bad = runner.invoke(cli, ["follow", "add", 'water AND ("', "--db", str(corpus_db)])
    assert bad.exit_code != 0
    listed = runner.invoke(cli, ["follow", "list", "--db", str(corpus_db)]).output
    assert "Nairobi" in listed and "Elena Vargas" in listed

    conn = connect(corpus_db)
    aid = conn.execute("SELECT id FROM articles WHERE title LIKE 'Earthquake%'").fetchone()[0]
    got = {(m["follow"]["kind"], m["match"]) for m in follow.matches(conn, aid)}
    assert got == {("entity", "article"), ("entity", "quote")}
    aid2 = conn.execute("SELECT id FROM articles WHERE title LIKE 'Egypt and Kenya%'").fetchone()[0]
    assert [m["follow"]["kind"] for m in follow.matches(conn, aid2)] == ["search"]
    conn.close()

    assert runner.invoke(cli, ["follow", "remove", "Nairobi", "--db", str(corpus_db)]).exit_code == 0
    assert runner.invoke(cli, ["follow", "remove", "Nairobi", "--db", str(corpus_db)]).exit_code == 1
    assert "Nairobi" not in runner.invoke(cli, ["follow", "list", "--db", str(corpus_db)]).output


def test_following_page_and_feed_links_in_the_ui(corpus_db, corpus_client):
    assert "Nothing followed yet" in corpus_client.get("/following").text
    conn = connect(corpus_db)
    follow.add(conn, "search", "Nairobi")
    follow.add(conn, "entity", entity_id(corpus_db, "Amina Haile"))
    conn.close()
    page = TestClient(create_app(corpus_db)).get("/following").text
    assert "/feeds/search?q=Nairobi" in page and "Amina Haile" in page and "/quotes" in page
    search = corpus_client.get("/", params={"q": "Nairobi"}).text
    assert 'type="application/atom+xml"' in search and "/feeds/search?q=Nairobi" in search
    eid = entity_id(corpus_db, "Amina Haile")
    assert f"/feeds/entity/{eid}/quotes" in corpus_client.get(f"/entity/{eid}").text
