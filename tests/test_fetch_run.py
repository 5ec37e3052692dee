"""`newsgraph fetch` and `watch` end to end against a local server on 127.0.0.1: feeds (RSS 2.0, Atom,
malformed), sitemaps (plain, gzip, index, news, robots.txt `Sitemap:` lines), robots.txt disallow, redirects,
404, non-HTML, a page reached by two URLs; the store, the failures table, conditional GET on the second run,
the WARC re-ingested to the same records, `watch` rounds and `--notify-cmd`."""

from __future__ import annotations

import gzip
import json
import re
import sqlite3
from pathlib import Path

import pytest
from fetchserver import FetchServer, Route
from typer.testing import CliRunner

from newsgraph.cli import app as cli
from newsgraph.ingest.fetch.sources import parse_source

REPO = Path(__file__).resolve().parent.parent
PAGES = sorted((REPO / "demo" / "html").glob("*.html"))
XML = {"Content-Type": "application/xml"}
NEWS_NS = 'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'


@pytest.fixture(autouse=True)
def _fast_and_local(monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_FETCH_DELAY", "0")
    monkeypatch.setenv("NEWSGRAPH_FETCH_BACKOFF", "0.01")
    monkeypatch.setenv("NEWSGRAPH_FETCH_RETRIES", "1")
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)


def page(path: str, server: FetchServer, i: int) -> bytes:
    """A demo article whose canonical link points at `path` on the test server."""
    html = PAGES[i % len(PAGES)].read_text(encoding="utf-8")
    return re.sub(r'<link rel="canonical" href="[^"]*">', f'<link rel="canonical" href="{server.url(path)}">',
                  html).encode("utf-8")


def rss(server: FetchServer, paths: list[str]) -> bytes:
    items = "".join(f"<item><title>{p}</title><link>{server.url(p)}</link>"
                    f"<pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate></item>" for p in paths)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()


def urlset(server: FetchServer, paths: list[str], news: bool = False) -> bytes:
    def one(p: str) -> str:
        extra = (f"<news:news><news:publication><news:name>T</news:name><news:language>en</news:language>"
                 f"</news:publication><news:publication_date>2026-03-02T09:00:00Z</news:publication_date>"
                 f"<news:title>{p}</news:title></news:news>") if news else "<lastmod>2026-03-02</lastmod>"
        return f"<url><loc>{server.url(p)}</loc>{extra}</url>"
    ns = f' {NEWS_NS}' if news else ""
    return (f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"{ns}>'
            + "".join(one(p) for p in paths) + "</urlset>").encode()


def test_feed_and_sitemap_formats():
    base = "http://127.0.0.1:1"
    atom = (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title><id>urn:x</id>'
            b'<updated>2026-03-01T00:00:00Z</updated><entry><title>a</title><id>urn:a</id>'
            b'<updated>2026-03-03T10:00:00Z</updated><link href="/a"/></entry></feed>')
    got = parse_source(base + "/atom", "application/atom+xml", atom)
    assert got.kind == "feed" and [(x.url, x.updated) for x in got.links] == [(base + "/a", "2026-03-03T10:00:00Z")]
    broken = b'<rss version="2.0"><channel><item><link>http://127.0.0.1:1/b</link></item><item><title>&nope; <b>'
    assert [x.url for x in parse_source(base + "/rss", "text/xml", broken).links] == [base + "/b"]
    with pytest.raises(Exception, match="malformed feed"):
        parse_source(base + "/rss", "application/rss+xml", b"<rss><channel><item><title>cut")
    index = (b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>'
             b'http://127.0.0.1:1/s1.xml.gz</loc></sitemap></sitemapindex>')
    assert parse_source(base + "/idx", "text/xml", index).sitemaps == [base + "/s1.xml.gz"]
    news = urlset(_Fake(), ["/n"], news=True)
    got = parse_source(base + "/news.xml", "text/xml", gzip.compress(news))
    assert [(x.url, x.updated) for x in got.links] == [(base + "/n", "2026-03-02T09:00:00Z")]
    text = parse_source(base + "/urls.txt", "text/plain", b"http://127.0.0.1:1/t1\nhttp://127.0.0.1:1/t2\n")
    assert [x.url for x in text.links] == [base + "/t1", base + "/t2"]
    robots = parse_source(base + "/robots.txt", "text/plain", b"User-agent: *\nSitemap: /s.xml\n")
    assert robots.sitemaps == [base + "/s.xml"]
    with pytest.raises(Exception, match="not an HTML page, feed or sitemap"):
        parse_source(base + "/x", "application/pdf", b"%PDF-1.7")


class _Fake:
    def url(self, p: str) -> str:
        return "http://127.0.0.1:1" + p


def records(db: Path) -> dict[str, dict]:
    conn = sqlite3.connect(db)
    try:
        return {r[0]: json.loads(r[1]) for r in conn.execute("SELECT id, record FROM articles")}
    finally:
        conn.close()


def failures(db: Path) -> dict[str, str]:
    conn = sqlite3.connect(db)
    try:
        return dict(conn.execute("SELECT input, reason FROM failures").fetchall())
    finally:
        conn.close()


@pytest.fixture()
def site():
    with FetchServer() as s:
        s.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\nSitemap: /sitemap-index.xml\n",
                                        headers={"Content-Type": "text/plain"})
        s.routes["/feed.xml"] = Route(rss(s, ["/news/0", "/news/1", "/news/1?utm_source=rss", "/gone", "/doc.pdf",
                                              "/moved"]), headers={"Content-Type": "application/rss+xml"}, etag='"f1"')
        s.routes["/sitemap-index.xml"] = Route(
            b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + f"<sitemap><loc>{s.url('/sitemap-1.xml.gz')}</loc></sitemap>"
              f"<sitemap><loc>{s.url('/news-sitemap.xml')}</loc></sitemap>".encode() + b"</sitemapindex>",
            headers=XML, etag='"i1"')
        s.routes["/sitemap-1.xml.gz"] = Route(gzip.compress(urlset(s, ["/news/2", "/private/secret", "/news/0"])),
                                              headers={"Content-Type": "application/gzip"}, etag='"s1"')
        s.routes["/news-sitemap.xml"] = Route(urlset(s, ["/news/3", "/alias/3"], news=True), headers=XML, etag='"n1"')
        for i in range(4):
            s.routes[f"/news/{i}"] = Route(page(f"/news/{i}", s, i))
        s.routes["/alias/3"] = Route(page("/news/3", s, 3))  # the same article under a second URL
        s.routes["/private/secret"] = Route(page("/private/secret", s, 4))
        s.routes["/doc.pdf"] = Route(b"%PDF-1.7", headers={"Content-Type": "application/pdf"})
        s.routes["/moved"] = Route(b"", status=301, headers={"Location": "/news/4"})
        s.routes["/news/4"] = Route(page("/news/4", s, 4))
        yield s


def test_fetch_feed_and_robots_sitemaps_store_each_allowed_page_once(site, tmp_path):
    db, warc = tmp_path / "f.db", tmp_path / "warc"
    targets = [site.url("/feed.xml"), site.url("/robots.txt")]
    r = CliRunner().invoke(cli, ["fetch", *targets, "--db", str(db), "--warc", str(warc), "--no-progress"])
    assert r.exit_code == 1, r.output  # some pages failed (404, pdf)
    recs = records(db)
    urls = sorted(x["fetched_url"] for x in recs.values())
    assert urls == sorted(site.url(f"/news/{i}") for i in range(5))
    assert all(x["fetched_at"] for x in recs.values())
    paths = site.paths()
    assert "/private/secret" not in paths
    for p in ["/news/0", "/news/1", "/news/2", "/news/3", "/news/4", "/gone", "/doc.pdf", "/moved"]:
        assert paths.count(p) == 1, p
    assert "/news/1?utm_source=rss" not in paths  # the same URL once normalised
    fails = failures(db)
    assert fails[site.url("/gone")] == "HTTP 404"
    assert "not an HTML page (content-type application/pdf)" in fails[site.url("/doc.pdf")]
    assert site.hits[paths.index("/news/0")].headers["user-agent"].startswith("newsgraph/")

    # Second run, nothing changed: feeds and sitemaps answer 304, no page is requested.
    before = len(site.hits)
    r = CliRunner().invoke(cli, ["fetch", *targets, "--db", str(db), "--no-progress"])
    again = site.paths()[before:]
    assert not [p for p in again if p.startswith(("/news/", "/alias/", "/moved", "/gone", "/doc"))], again
    assert "0 new" in r.output
    feed_hit = [h for h in site.hits[before:] if h.path == "/feed.xml"][0]
    assert feed_hit.headers.get("if-none-match") == '"f1"'

    # The WARC holds every exchange; ingesting it gives the same articles (the page fetched again as /alias/3 is
    # the same article, not a second one) and the same records, except that the re-ingested /news/3 also knows
    # the URL it was reached by the second time (fetch skipped that copy unanalysed).
    files = list(warc.glob("*.warc.gz"))
    assert len(files) == 1
    db2 = tmp_path / "again.db"
    CliRunner().invoke(cli, ["ingest", str(files[0]), "--db", str(db2), "--no-progress"])
    again_recs = records(db2)
    assert set(again_recs) == set(recs)
    provenance = ("input", "urls", "fetched_url", "fetched_at")
    for k, rec in recs.items():
        assert {a: b for a, b in rec.items() if a not in provenance} == \
            {a: b for a, b in again_recs[k].items() if a not in provenance}
        assert again_recs[k]["urls"][: len(rec["urls"])] == rec["urls"]
        extra = again_recs[k]["urls"][len(rec["urls"]):]
        assert extra == ([site.url("/alias/3")] if rec["url"] == site.url("/news/3") else []), (rec["url"], extra)
    moved = next(r for r in recs.values() if r["url"] == site.url("/news/4"))
    assert moved["urls"] == [site.url("/moved"), site.url("/news/4")]  # asked for as /moved, redirected


def test_malformed_feed_and_down_source_are_failures_and_the_batch_goes_on(site, tmp_path):
    site.routes["/bad.xml"] = Route(b"<rss><channel><item><title>cut", headers={"Content-Type": "application/rss+xml"})
    site.routes["/down.xml"] = Route(b"", status=503)
    db = tmp_path / "f.db"
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# a comment\n\n{site.url('/news/2')}\nftp://127.0.0.1/x\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["fetch", site.url("/bad.xml"), site.url("/down.xml"), "-i", str(urls),
                                 "--db", str(db), "--no-progress"])
    assert r.exit_code == 1
    fails = failures(db)
    assert fails["ftp://127.0.0.1/x"] == "not an http(s) URL"
    assert "malformed feed" in fails[site.url("/bad.xml")]
    assert fails[site.url("/down.xml")] == "HTTP 503 after 2 tries"
    assert [x["fetched_url"] for x in records(db).values()] == [site.url("/news/2")]


def test_watch_round_log_and_notify_cmd(site, tmp_path):
    db = tmp_path / "w.db"
    feeds = tmp_path / "feeds.txt"
    site.routes["/down.xml"] = Route(b"", status=503)  # a source that is down: each round goes on without it
    feeds.write_text(f"# sources\n{site.url('/down.xml')}\n{site.url('/news-sitemap.xml')}\n", encoding="utf-8")
    out = tmp_path / "notified.jsonl"
    runner = CliRunner()
    assert runner.invoke(cli, ["follow", "add", "the", "--db", str(db)]).exit_code == 0
    r = runner.invoke(cli, ["watch", "--feeds", str(feeds), "--every", "1s", "--rounds", "2", "--db", str(db),
                            "--notify-cmd", f"cat >> {out}; echo >> {out}"])
    assert r.exit_code == 0, r.output
    lines = [ln for ln in r.output.splitlines() if " round " in ln]
    assert len(lines) == 2
    assert "round 1: 1 new, 1 seen, 1 failed" in lines[0]  # /alias/3 is the same page as /news/3
    assert "round 2: 0 new, 0 seen, 1 failed" in lines[1]
    notes = [json.loads(ln) for ln in out.read_text().splitlines() if ln.strip()]
    assert len(notes) == 1 and notes[0]["follow"]["value"] == "the" and notes[0]["match"] == "article"


def test_fetch_stops_cleanly_between_requests(site, tmp_path):
    from newsgraph.cli.fetch import run_fetch

    calls = {"n": 0}

    def stop() -> bool:
        calls["n"] += 1
        return calls["n"] > 3  # robots.txt, the feed, one page, then stop

    r = run_fetch([site.url("/feed.xml")], str(tmp_path / "s.db"), progress=False, stop=stop)
    assert r.stopped and r.requests == 3 and r.new == 1


def test_watch_stops_cleanly_on_sigterm_between_requests(site, tmp_path):
    import os
    import signal

    db = tmp_path / "t.db"
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(site.url("/feed.xml") + "\n", encoding="utf-8")
    site.routes["/news/0"].on_hit = lambda: os.kill(os.getpid(), signal.SIGTERM)  # the server shares our process
    r = CliRunner().invoke(cli, ["watch", "--feeds", str(feeds), "--every", "1h", "--db", str(db)])
    assert r.exit_code == 0, r.output
    lines = [ln for ln in r.output.splitlines() if " round " in ln]
    assert len(lines) == 1 and lines[0].endswith("stopped")
    assert "/news/1" not in site.paths()  # no request after the signal
    assert len(records(db)) == 1  # the page in flight was finished and stored


def test_second_run_fetches_only_new_or_changed_items(site, tmp_path):
    db = tmp_path / "c.db"
    feed = site.url("/feed.xml")
    CliRunner().invoke(cli, ["fetch", feed, "--db", str(db), "--no-progress"])
    # The feed changes: one new item, one item updated after our fetch, the rest as before.
    site.routes["/news/9"] = Route(page("/news/9", site, 2))
    changed = rss(site, ["/news/0", "/news/1", "/news/9"]).replace(
        b"<link>" + site.url("/news/1").encode() + b"</link><pubDate>Mon, 02 Mar 2026",
        b"<link>" + site.url("/news/1").encode() + b"</link><pubDate>Fri, 01 Jan 2100")
    site.routes["/feed.xml"] = Route(changed, headers={"Content-Type": "application/rss+xml"}, etag='"f2"')
    before = len(site.hits)
    r = CliRunner().invoke(cli, ["fetch", feed, "--db", str(db), "--no-progress"])
    pages = [p for p in site.paths()[before:] if p.startswith("/news/")]
    assert sorted(pages) == ["/news/1", "/news/9"], r.output


def test_page_stored_by_ingest_under_its_url_is_not_fetched(site, tmp_path):
    from test_store import make_article

    from newsgraph.records import Article
    from newsgraph.store import StoreWriter

    db = tmp_path / "i.db"
    art: Article = make_article("Stored before", ["Talks went on in Nairobi."], url=site.url("/news/0"))
    with StoreWriter(db) as w:
        w.put(art)
    CliRunner().invoke(cli, ["fetch", site.url("/feed.xml"), "--db", str(db), "--no-progress"])
    assert "/news/0" not in site.paths() and "/news/1" in site.paths()
