"""Hostile inputs built from real-shaped pages we wrote: the generator behind tests/test_fuzz.py and the fuzz task.

`hostile_input(rng)` returns (name, data, kind) for one input: a news page (HTML with a byline, JSON-LD and a
figure; a scraped-text dump with navigation and teasers; or a bare body) put through one to three mutations:
byte flips, truncation, wrong or lying charsets, lone surrogates and NULs (as JSON escapes, character references
and raw bytes), deep nesting, giant tokens, hostile URLs and markup, huge numbers, many paragraphs or
capitalised words. `hostile_warc(rng)` returns a WARC file's bytes with damaged records. `scale` shrinks the
costly mutations so the test suite stays fast; the benchmark runs them at full size.
"""

from __future__ import annotations

import json
import random

from newsgraph.scale.warcwrite import response_record

_PEOPLE = ["Mara Okonkwo", "Tomas Lindqvist", "Aiko Tanabe", "Rafael Ortiz", "Leila Haddad", "Ewan Price"]
_PLACES = ["Lisbon", "Nairobi", "Osaka", "Quito", "Tbilisi", "Windhoek"]
_ORGS = ["the Harbour Authority", "the Coastal Water Board", "the National Grid Agency", "the Ministry of Transport"]
_VERBS = ["said", "told reporters", "warned", "announced", "added"]


def _sentence(rng: random.Random) -> str:
    p, q, o = rng.choice(_PEOPLE), rng.choice(_PLACES), rng.choice(_ORGS)
    n = rng.choice(["12", "340", "1,200", "dozens of", "at least 40", "more than 3,000"])
    return rng.choice([
        f"{p} {rng.choice(_VERBS)} on Monday that {o} would close the port in {q} for repairs.",
        f'"We will not accept this," {p} said in {q}, adding that talks would resume next week.',
        f"Police in {q} said {n} people were detained after protests outside {o}.",
        f"{o.capitalize()} said {n} homes had lost power and crews were working through the night.",
        f"Officials in {q} expect the work to finish by March 3, according to a statement from {o}.",
    ])


def _paragraphs(rng: random.Random, n: int) -> list[str]:
    return [" ".join(_sentence(rng) for _ in range(rng.randint(1, 3))) for _ in range(n)]


def html_page(rng: random.Random) -> str:
    title = f"{rng.choice(_ORGS).split(' ', 1)[1].title()} closes port in {rng.choice(_PLACES)}"
    paras = _paragraphs(rng, rng.randint(3, 9))
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
          "datePublished": f"2024-05-0{rng.randint(1, 9)}T08:00:00Z", "author": {"@type": "Person", "name": rng.choice(_PEOPLE)},
          "articleBody": "\n".join(paras)}
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} | The Example Post</title>'
            f'<link rel="canonical" href="https://news.example.org/{rng.randint(1, 10**6)}">'
            f'<script type="application/ld+json">{json.dumps(ld)}</script></head><body>'
            '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
            f'<article><h1>{title}</h1><p class="byline">By {rng.choice(_PEOPLE)}</p>'
            f'<figure><img src="/img/{rng.randint(1, 99)}.jpg"><figcaption>The port at dawn. Photo: Agency</figcaption></figure>'
            f"{body}</article><aside><h3>Most read</h3><ul><li><a href='/x'>Other story</a></li></ul></aside>"
            "<footer>Copyright The Example Post</footer></body></html>")


def text_dump(rng: random.Random) -> str:
    paras = _paragraphs(rng, rng.randint(3, 8))
    return "\n".join(["Home | World | Business | Sport", "Sign in", "", f"Port closes in {rng.choice(_PLACES)}", "",
                      f"By {rng.choice(_PEOPLE)}", "May 4, 2024", "", *[p + "\n" for p in paras],
                      "Related stories", "Storm hits coast", "Share this article", "(c) The Example Post"])


MUTATIONS = ["flip", "truncate", "charset", "surrogate", "nul", "deep", "token", "url", "markup", "number",
             "paragraphs", "capitals", "entities", "empty", "binary"]
#: The cost cliffs (full size: 5,000-deep nesting, a 2 MB token, 30,000 paragraphs, 20,000 capitalised words) each
#: come up this often relative to a cheap mutation (weight 1): rare, as in a real crawl, yet hundreds of times in
#: 10,000 inputs.
COSTLY = {"deep", "token", "paragraphs", "capitals"}
COSTLY_WEIGHT = 0.02


def _flip(data: bytes, rng: random.Random, scale: float) -> bytes:
    b = bytearray(data)
    for _ in range(max(1, int(rng.randint(1, 60) * scale))):
        if b:
            b[rng.randrange(len(b))] = rng.randrange(256)
    return bytes(b)


def _wrap(page: str, before: str, after: str) -> str:
    return page.replace("<article>", "<article>" + before, 1).replace("</article>", after + "</article>", 1)


def _mutate(text: str, data: bytes, kind: str, rng: random.Random, scale: float, costly: float) -> tuple[str, bytes]:
    """One mutation; returns (what was done, new bytes)."""
    big = max(1, int(scale * 1000))
    m = rng.choices(MUTATIONS, weights=[costly if k in COSTLY else 1.0 for k in MUTATIONS])[0]
    if m == "flip":
        return m, _flip(data, rng, scale)
    if m == "truncate":
        return m, data[: rng.randrange(len(data) + 1)]
    if m == "charset":
        enc = rng.choice(["cp1252", "utf-16", "shift_jis", "koi8-r", "latin-1"])
        accented = text.replace("port", "pórt").replace("Police", "Polícia")
        out = accented.encode(enc, "replace")
        return f"{m}:{enc}", out if rng.random() < 0.5 else out.replace(b"utf-8", b"big5")
    if m == "surrogate":
        how = rng.choice([b"\\ud800", b"&#xD800;", b"\xed\xa0\x80", b"\\udfff\\ud800"])
        at = data.find(b"headline") if b"headline" in data and how.startswith(b"\\") else rng.randrange(len(data) + 1)
        at = at + 12 if how.startswith(b"\\") and at >= 0 else max(at, 0)
        return m, data[:at] + how + data[at:]
    if m == "nul":
        return m, data.replace(b" ", b"\x00 ", rng.randint(1, 20)) + b"\x00\x01\x1b[31m"
    if m == "deep" and kind == "html":
        n = rng.choice([300, 2000, 5000]) if scale >= 1 else rng.choice([50, 300, 600])
        return f"{m}:{n}", _wrap(text, "<div>" * n, "</div>" * n).encode()
    if m == "token":
        tok = "A" * int(rng.choice([10_000, 200_000, 2_000_000]) * scale)
        return m, (text.replace("</p>", " " + tok + "</p>", 1) if kind == "html" else text + "\n" + tok).encode()
    if m == "url" and kind == "html":
        url = rng.choice(["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "file:///etc/passwd",
                          "http://[::1", "//no-scheme.example/x", "https://ex ample.org/\u2028", "x" * 5000,
                          "https://example.org/" + "%" * 300])
        return m, text.replace('rel="canonical" href="https://news.example.org/', 'rel="canonical" data-x="').replace(
            "<head>", f'<head><link rel="canonical" href="{url}"><meta property="og:url" content="{url}">', 1).encode()
    if m == "markup" and kind == "html":
        junk = rng.choice(["<p><b><i>unclosed", "<![CDATA[ x ]]>", "<script>document.write('<p>')</script>",
                           "<title><script>alert(1)</script></title>", "<p " + " ".join(f"a{i}=x" for i in range(big)) + ">",
                           "</html></body><p>after end</p>", "<table>" * 200, "<!--" * 50, "<svg><foreignObject><p>x"])
        return m, _wrap(text, junk, junk).encode()
    if m == "number":
        return m, _wrap(text, f"<p>Officials said {'9' * 400} people were killed and 1e999 injured.</p>", "").encode() \
            if kind == "html" else (text + f"\nOfficials said {'9' * 400} people were killed.\n").encode()
    if m == "paragraphs":
        n = int(30_000 * scale)
        return f"{m}:{n}", (_wrap(text, "<p>x</p>" * n, "") if kind == "html" else text + "\n\nx" * n).encode()
    if m == "capitals":
        words = " ".join(f"{rng.choice('ABCDEFGHIJKLMNOPRSTUVW')}{'abcdefghij'[i % 10]}ko{i % 97}" for i in range(int(20_000 * scale)))
        return m, (_wrap(text, f"<p>{words}.</p>", "") if kind == "html" else text + "\n" + words).encode()
    if m == "entities":
        return m, data.replace(b"said", b"s&#0;a&#x110000;i&#xFFFE;d&#9999999999;", 3)
    if m == "empty":
        return m, rng.choice([b"", b"   \n", b"<!-- only a comment -->", b"<html></html>", b"\xef\xbb\xbf"])
    if m == "binary":
        return m, bytes(rng.randrange(256) for _ in range(rng.randint(1, 4000)))
    return "none", data


def hostile_input(rng: random.Random, scale: float = 1.0, costly: float = COSTLY_WEIGHT) -> tuple[str, bytes, str, str]:
    """(name, bytes, kind, what was done) of one hostile input; `costly` weighs the cost-cliff mutations."""
    kind = rng.choice(["html", "html", "html", "text", "body"])
    text = html_page(rng) if kind == "html" else text_dump(rng) if kind == "text" else " ".join(_paragraphs(rng, 4))
    data = text.encode()
    done = []
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        what, data = _mutate(text, data, kind, rng, scale, costly)
        done.append(what)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    ext = {"html": ".html", "text": ".txt", "body": ".txt"}[kind]
    return f"fuzz{rng.randrange(10**9):09d}{ext}", data, "auto" if rng.random() < 0.7 else kind, "+".join(done)


def hostile_warc(rng: random.Random, records: int = 4) -> bytes:
    """A WARC file's bytes: a few page records, then damage (cut, flipped bytes, lying Content-Length)."""
    data = b"".join(response_record(f"https://news.example.org/{i}", html_page(rng).encode()) for i in range(records))
    how = rng.choice(["cut", "flip", "length", "garbage", "none"])
    if how == "cut":
        data = data[: rng.randrange(len(data))]
    elif how == "flip":
        data = _flip(data, rng, 1.0)
    elif how == "length":
        data = data.replace(b"Content-Length: ", b"Content-Length: 9", 1)
    elif how == "garbage":
        data = data + bytes(rng.randrange(256) for _ in range(500))
    return data
