"""What every extractor's output goes through before annotation: clean text and only web URLs.

Why one place: the html, text and body extractors (and whatever comes next) each build an `Extracted` from many
sources (decoded markup, JSON-LD strings with their escapes, meta tags, the `--url` option, WARC headers). Doing
the checks here, once, means no extractor can forget them and no later stage or writer meets a lone surrogate, a
NUL or a `javascript:` URL.

URLs: a record keeps a URL only when it is absolute http(s) with a host. Anything else (`javascript:`, `data:`,
`file:`, relative paths, garbage) is dropped, and a note saying so goes to the `newsgraph` logger (stderr by
default), so the drop is visible and not silent.
"""

from __future__ import annotations

import logging
from urllib.parse import urljoin, urlsplit

from newsgraph.cleantext import clean_value
from newsgraph.records import Extracted

log = logging.getLogger("newsgraph")

#: URL schemes a record may hold.
WEB_SCHEMES = ("http", "https")


def web_url(url: str | None) -> str | None:
    """`url` when it is an absolute http(s) URL with a host, else None."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # e.g. an invalid IPv6 literal or port
        return None
    if parts.scheme.lower() not in WEB_SCHEMES or not host:
        return None
    return url


def same_page_canonical(url: str | None, href: str | None) -> str | None:
    """The page's `<link rel="canonical">` (`href`, resolved against `url`) when it can name the page at `url`:
    a web URL on the same host, and not the site's front page standing for a deeper page. Else None.

    Why: one article is reachable by several URLs (tracking parameters, section aliases, AMP and print paths) and
    its canonical link says which one it is, so every spelling gets one id (the record contract: the id is the
    sha1 of the canonical URL). Another host's canonical (syndication) is not trusted, so a page cannot take over
    another site's article; and a template that puts the home page in every canonical link would otherwise make
    every page of the site one article.
    """
    base = web_url(url)
    if base is None or not href or not href.strip():
        return None
    canonical = web_url(urljoin(base, href.strip()))
    if canonical is None:
        return None
    here, there = urlsplit(base), urlsplit(canonical)
    if (here.hostname or "").lower() != (there.hostname or "").lower():
        return None
    if there.path.strip("/") == "" and not there.query and here.path.strip("/") != "":
        return None
    return canonical


def page_urls(*urls: str | None) -> list[str]:
    """The distinct web URLs among `urls`, in order (a record's `urls`: every URL its page was reached by)."""
    out: list[str] = []
    for url in urls:
        kept = web_url(url)
        if kept is not None and kept not in out:
            out.append(kept)
    return out


def finish(ex: Extracted) -> Extracted:
    """Clean every string of `ex` (cleantext.clean_text) and drop non-web URLs with a note."""
    from newsgraph.extract.metadata import domain

    clean_value(ex)
    dropped: list[str] = []
    kept = web_url(ex.url)
    if ex.url and kept is None:
        dropped.append(ex.url)
        ex.url = None
        ex.source_domain = None
    elif kept is not None:
        ex.url = kept
        ex.source_domain = ex.source_domain or domain(kept)
    for image in ex.images:
        if image.url and web_url(image.url) is None:
            dropped.append(image.url)
            image.url = None
    note_dropped(ex.input, dropped)
    return ex


def note_dropped(input: str, urls: list[str]) -> None:
    """One note line naming the input and the URLs dropped from its record (nothing when none were)."""
    if urls:
        shown = ", ".join(repr(u[:80]) for u in urls[:3]) + (f" and {len(urls) - 3} more" if len(urls) > 3 else "")
        log.warning("newsgraph: note: %s: dropped %d non-http(s) URL(s): %s", input, len(urls), shown)


def page_url(input: str, *candidates: str | None) -> str | None:
    """The first candidate URL of a page (given --url, WARC target, canonical link) that is a web URL; the ones
    that are not are noted as dropped. Extractors call this before reading anything from the URL."""
    dropped = []
    for url in candidates:
        if url:
            kept = web_url(url)
            if kept:
                note_dropped(input, dropped)
                return kept
            dropped.append(url)
    note_dropped(input, dropped)
    return None
