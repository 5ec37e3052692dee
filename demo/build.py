"""Render demo/articles.py into the demo corpus: HTML pages (bylines, captions, JSON-LD, site furniture),
scraped-text dumps that keep their boilerplate, and a small gzipped WARC of three pages.

    .venv/bin/python demo/build.py      # rewrites demo/html, demo/text and demo/warc (deterministic output)

The WARC is written by hand (WARC/1.0 response records, one gzip member each) rather than with a library: it is
twenty lines, byte-for-byte reproducible, and lets newsgraph read it with fastwarc like any crawl.
"""

from __future__ import annotations

import gzip
import html
import json
import sys
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from articles import ARTICLES  # noqa: E402

SITES = {
    "meridian": ("The Meridian Post", "meridianpost.example"),
    "dispatch": ("Global Dispatch", "globaldispatch.example"),
    "harbour": ("Harbour Wire", "harbourwire.example"),
}
NAV = ["Home", "World", "Africa", "Americas", "Asia", "Europe", "Business", "Technology", "Environment", "Opinion"]


def render_html(a: dict) -> str:
    name, domain = SITES[a["site"]]
    e = html.escape
    others = [o for o in ARTICLES if o is not a][:4]
    ld = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
        "description": a["standfirst"], "datePublished": a["published"], "url": a["url"],
        "author": [{"@type": "Person", "name": a["author"]}],
        "publisher": {"@type": "Organization", "name": name}, "articleSection": a["section"],
    }
    paras = "\n".join(f"      <p>{e(p)}</p>" for p in a["paragraphs"])
    related = "\n".join(f'        <li><a href="/{o["slug"]}">{e(o["title"])}</a></li>' for o in others)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{e(a["title"])} | {e(name)}</title>
  <meta name="description" content="{e(a["standfirst"])}">
  <meta property="og:title" content="{e(a["title"])}">
  <meta property="og:site_name" content="{e(name)}">
  <meta property="og:url" content="{e(a["url"])}">
  <meta property="article:published_time" content="{e(a["published"])}">
  <meta property="article:section" content="{e(a["section"])}">
  <link rel="canonical" href="{e(a["url"])}">
  <script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
</head>
<body>
  <div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
  <header class="site-header">
    <a class="logo" href="/">{e(name)}</a>
    <nav><ul>{"".join(f'<li><a href="/{n.lower()}">{n}</a></li>' for n in NAV)}</ul></nav>
    <a class="subscribe" href="/subscribe">Subscribe</a>
  </header>
  <main>
    <article class="story">
      <div class="kicker"><a href="/{a["section"].lower()}">{e(a["section"])}</a></div>
      <h1>{e(a["title"])}</h1>
      <p class="standfirst">{e(a["standfirst"])}</p>
      <div class="byline">By <a rel="author" href="/authors/{a["author"].lower().replace(" ", "-")}">{e(a["author"])}</a>
        <time datetime="{e(a["published"])}">{e(a["published"][:10])}</time></div>
      <div class="share">Share <a href="#">Facebook</a> <a href="#">X</a> <a href="#">Email</a></div>
      <figure>
        <img src="/img/{a["slug"]}.jpg" alt="">
        <figcaption>{e(a["caption"])} <span class="credit">{e(a["credit"])}</span></figcaption>
      </figure>
      <div class="article-body">
{paras}
      </div>
      <aside class="newsletter">Sign up for our daily briefing. <a href="/newsletter">Subscribe now</a></aside>
    </article>
    <aside class="related">
      <h2>More from {e(name)}</h2>
      <ul>
{related}
      </ul>
    </aside>
  </main>
  <footer>&copy; 2026 {e(name)}. <a href="/about">About us</a> <a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
</body>
</html>
"""


def render_text(a: dict) -> str:
    name, _ = SITES[a["site"]]
    others = [o for o in ARTICLES if o is not a][-5:]
    lines = [
        "Skip to content", name, "Menu", *NAV[:6], "Sign in", "", a["section"], "", a["title"], "",
        f"By {a['author']}", f"Published: {a['published']}", "", a["caption"], "",
    ]
    for p in a["paragraphs"]:
        lines += [p, ""]
    lines += ["Share this article", "Facebook", "Twitter", "WhatsApp", "", f"More from {name}"]
    lines += [o["title"] for o in others]
    lines += ["", "Newsletter", "Get the Harbour Wire briefing in your inbox every morning.", "Sign up",
              "", f"© 2026 {name}", "About", "Contact", "Privacy policy", "Cookie settings"]
    return "\n".join(lines) + "\n"


def warc_record(a: dict, page: str, n: int) -> bytes:
    body = page.encode("utf-8")
    http = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
    ) + body
    rid = uuid.uuid5(uuid.NAMESPACE_URL, a["url"])
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:{rid}>\r\nWARC-Date: {a['published'][:10]}T12:00:{n:02d}Z\r\n"
        f"WARC-Target-URI: {a['url']}\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return gzip.compress(head + http + b"\r\n\r\n", mtime=0)


def main() -> None:
    for sub in ("html", "text", "warc"):
        (HERE / sub).mkdir(exist_ok=True)
    warc = b""
    for n, a in enumerate(ARTICLES):
        if a["form"] == "text":
            (HERE / "text" / f"{a['slug']}.txt").write_text(render_text(a), encoding="utf-8")
        elif a["form"] == "html":
            (HERE / "html" / f"{a['slug']}.html").write_text(render_html(a), encoding="utf-8")
        else:
            warc += warc_record(a, render_html(a), n)
    (HERE / "warc" / "global-dispatch.warc.gz").write_bytes(warc)
    print(f"wrote {len(ARTICLES)} demo articles under {HERE}")


if __name__ == "__main__":
    main()
