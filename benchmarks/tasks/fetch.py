"""Task: `newsgraph fetch` against a local site of 200 generated news pages behind an RSS feed and a sitemap.

The site (127.0.0.1, a free port, tests/fetchserver.py in a process of its own) serves 200 article pages rendered like the demo corpus
(demo/build.py: site furniture, bylines, captions, JSON-LD; bodies from demo/articles.py, each page's
paragraphs rotated and given its own dateline so no two are the same), plus 20 pages under a path robots.txt
disallows. The RSS feed lists the newest 100 pages and 10 disallowed ones; the sitemap (named in robots.txt) lists
all 220. Checks:
1. first run (per-host delay 0.05 s): every allowed page stored once, each requested once, no disallowed path
   requested, the smallest gap between two requests seen by the server (goal: >= the delay);
2. second run, nothing changed: page requests (goal 0);
3. the run's WARC ingested into a fresh store: records identical to the fetched ones (except `input`);
4. overhead: the same 200 pages by `ingest` from disk vs by `fetch` (delay 0, the server answers at once),
   one process each after warm-up, best of two alternating runs; goal: fetch adds <= 10%.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import REPO, Table, TaskResult

NAME = "fetch"
TITLE = "Fetch: 200 pages behind a feed and a sitemap on a local server (politeness, reruns, WARC, overhead)"
PAGES = 200
DISALLOWED = 20
DELAY = 0.05
GOAL_OVERHEAD = 0.10


def _site(server, n: int):
    """Routes of the generated site on `server`; returns the article paths."""
    sys.path.insert(0, str(REPO / "demo"))
    from articles import ARTICLES
    from build import render_html
    from fetchserver import Route

    articles = [a for a in ARTICLES if a["form"] != "text"]  # the ones rendered as web pages
    paths = []
    xml_items, feed_items = [], []
    for i in range(n + DISALLOWED):
        base = articles[i % len(articles)]
        private = i >= n
        path = f"/private/{i}" if private else f"/news/{i:04d}-{base['slug']}"
        paras = list(base["paragraphs"])
        k = (i // len(articles)) % len(paras)
        paras = paras[k:] + paras[:k]
        day = 1 + i % 28
        paras[0] = f"NAIROBI, March {day} (Wire {i}) - " + paras[0]
        art = dict(base, url=server.url(path), paragraphs=paras, published=f"2026-03-{day:02d}T09:00:00+00:00")
        server.routes[path] = Route(render_html(art).encode("utf-8"))
        xml_items.append(f"<url><loc>{server.url(path)}</loc><lastmod>2026-03-{day:02d}</lastmod></url>")
        if i >= n - 100 or (private and i % 2 == 0):
            feed_items.append(f"<item><title>{base['title']}</title><link>{server.url(path)}</link>"
                              f"<pubDate>Mon, {day:02d} Mar 2026 09:00:00 GMT</pubDate></item>")
        if not private:
            paths.append(path)
    xml = {"Content-Type": "application/xml"}
    server.routes["/robots.txt"] = Route(
        f"User-agent: *\nDisallow: /private/\nSitemap: {server.url('/sitemap.xml')}\n".encode(),
        headers={"Content-Type": "text/plain"})
    server.routes["/sitemap.xml"] = Route(
        ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
         + "".join(xml_items) + "</urlset>").encode(), headers=xml, etag='"sitemap-1"')
    server.routes["/feed.xml"] = Route(
        ('<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>' + "".join(feed_items)
         + "</channel></rss>").encode(), headers={"Content-Type": "application/rss+xml"}, etag='"feed-1"')
    return paths


class ChildServer:
    """The FetchServer in its own process (fork), so serving pages does not share the fetcher's GIL: the server
    answers at once, as the overhead goal assumes. Routes are sent over a pipe; hits come back the same way."""

    def __init__(self) -> None:
        import multiprocessing as mp

        ctx = mp.get_context("fork")
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(target=self._serve, args=(child,), daemon=True)
        self._proc.start()
        self.port = self._conn.recv()
        self.routes: dict = {}

    @staticmethod
    def _serve(conn) -> None:
        from fetchserver import FetchServer

        with FetchServer() as s:
            conn.send(s.port)
            while True:
                cmd, arg = conn.recv()
                if cmd == "routes":
                    s.routes.update(arg)
                    conn.send(True)
                elif cmd == "hits":
                    conn.send(list(s.hits))
                else:
                    return

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def push(self) -> None:
        self._conn.send(("routes", self.routes))
        self._conn.recv()

    @property
    def hits(self) -> list:
        self._conn.send(("hits", None))
        return self._conn.recv()

    def __enter__(self) -> ChildServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self._conn.send(("stop", None))
        self._proc.join(5)


def _records(db: Path) -> dict[str, dict]:
    conn = sqlite3.connect(db)
    try:
        return {r[0]: json.loads(r[1]) for r in conn.execute("SELECT id, record FROM articles")}
    finally:
        conn.close()


def _cli(args: list[str]) -> float:
    from typer.testing import CliRunner

    from newsgraph.cli import app

    t0 = time.perf_counter()
    r = CliRunner().invoke(app, args)
    if r.exit_code not in (0, 1):
        raise RuntimeError(f"newsgraph {' '.join(args)} failed: {r.output[-2000:]}")
    return time.perf_counter() - t0


def run(limit: int | None) -> TaskResult:
    sys.path.insert(0, str(REPO / "tests"))
    from newsgraph.annotate import load_pipeline

    n = min(limit, PAGES) if limit else PAGES
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        os.environ.pop(var, None)
    load_pipeline()
    res = TaskResult(name=NAME, title=TITLE, items=n)
    with tempfile.TemporaryDirectory() as tmp, ChildServer() as server:
        tmp = Path(tmp)
        paths = _site(server, n)
        server.push()
        targets = [server.url("/feed.xml"), server.url("/robots.txt")]
        os.environ["NEWSGRAPH_FETCH_DELAY"] = str(DELAY)
        db = tmp / "fetch.db"
        t1 = _cli(["fetch", *targets, "--db", str(db), "--warc", str(tmp / "warc"), "--no-progress"])
        hits = list(server.hits)
        recs = _records(db)
        stored = sorted(r["fetched_url"] for r in recs.values())
        page_hits = [h.path for h in hits if h.path.startswith("/news/")]
        private_hits = [h.path for h in hits if h.path.startswith("/private/")]
        gaps = [b.at - a.at for a, b in zip(hits, hits[1:], strict=False)]
        once = stored == sorted(server.url(p) for p in paths) and sorted(page_hits) == sorted(paths)

        before = len(hits)
        _cli(["fetch", *targets, "--db", str(db), "--no-progress"])
        second = [h.path for h in server.hits[before:]]
        second_pages = [p for p in second if p.startswith(("/news/", "/private/"))]

        db2 = tmp / "warc.db"
        warcs = sorted((tmp / "warc").glob("*.warc.gz"))
        _cli(["ingest", *map(str, warcs), "--db", str(db2), "--no-progress"])
        again = _records(db2)
        same = sum(1 for k, r in recs.items() if k in again and
                   {a: b for a, b in r.items() if a != "input"} == {a: b for a, b in again[k].items() if a != "input"})

        # Overhead: the same pages from disk by ingest, and by fetch with no delay (best of two, alternating).
        disk = tmp / "pages"
        disk.mkdir()
        for p in paths:
            (disk / (p.strip("/").replace("/", "_") + ".html")).write_bytes(server.routes[p].body)
        os.environ["NEWSGRAPH_FETCH_DELAY"] = "0"
        t_ingest, t_fetch = [], []
        for k in range(2):
            t_ingest.append(_cli(["ingest", str(disk), "--db", str(tmp / f"disk{k}.db"), "--no-progress"]))
            t_fetch.append(_cli(["fetch", *targets, "--db", str(tmp / f"net{k}.db"), "--warc", str(tmp / f"w{k}"),
                                 "--no-progress"]))
        os.environ.pop("NEWSGRAPH_FETCH_DELAY", None)

    overhead = min(t_fetch) / min(t_ingest) - 1
    res.tables.append(Table(
        title=f"Politeness and reruns ({n} allowed pages, {DISALLOWED} disallowed, per-host delay {DELAY} s)",
        columns=["check", "measured", "goal", "met"],
        rows=[
            ["allowed pages stored (once each)", len(recs), n, "yes" if once and len(recs) == n else "no"],
            ["page requests, first run", len(page_hits), n, "yes" if len(page_hits) == n else "no"],
            ["disallowed paths requested", len(private_hits), 0, "yes" if not private_hits else "no"],
            ["smallest gap between two requests to the host (s)", round(min(gaps), 4) if gaps else None,
             f">= {DELAY}", "yes" if gaps and min(gaps) >= DELAY else "no"],
            ["page requests, second run (nothing changed)", len(second_pages), 0, "yes" if not second_pages else "no"],
            ["records re-ingested from the WARC identical (except input)", same, len(recs),
             "yes" if same == len(recs) else "no"],
        ],
        note=f"First run {t1:.1f} s ({len(hits)} requests). Second run's requests: {', '.join(second) or 'none'}. "
             "The gap is measured on the server's clock (CLOCK_MONOTONIC) between consecutive requests it received.",
    ))
    res.tables.append(Table(
        title="Overhead: fetch (server answering at once, delay 0, WARC written) vs ingest of the same pages from disk",
        columns=["system", "seconds (best of 2)", "articles/s", "overhead vs ingest"],
        rows=[
            ["newsgraph ingest (files)", round(min(t_ingest), 2), round(n / min(t_ingest), 1), None],
            ["newsgraph fetch (HTTP + WARC)", round(min(t_fetch), 2), round(n / min(t_fetch), 1),
             f"{overhead * 100:+.1f}% (goal <= +{GOAL_OVERHEAD * 100:.0f}%: {'met' if overhead <= GOAL_OVERHEAD else 'missed'})"],
        ],
        note=f"All runs: ingest {', '.join(f'{t:.2f}' for t in t_ingest)} s; fetch {', '.join(f'{t:.2f}' for t in t_fetch)} s; "
             "one process, analysis in-process (--workers 1), spaCy loaded before timing.",
    ))
    return res
