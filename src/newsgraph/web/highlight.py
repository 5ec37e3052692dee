"""Search matches as character ranges (and escaped HTML) instead of the control-character markers FTS5 writes.

Why: the store's snippet() marks matches with U+0002/U+0003 so the HTML page can escape first and mark after; an
API client should get plain text and [start, end) ranges (or ready, escaped HTML), never control characters.
"""

from __future__ import annotations

import html
import re

from newsgraph.store.queries import SNIPPET_CLOSE, SNIPPET_OPEN

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def ranges(marked: str | None) -> tuple[str, list[tuple[int, int]]]:
    """(plain text, [start, end) ranges of the marked parts); whitespace runs (newlines too) become one space."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    n = 0
    start = None
    prev_space = False
    for ch in marked or "":
        if ch == SNIPPET_OPEN:
            start = n
        elif ch == SNIPPET_CLOSE:
            if start is not None and n > start:
                spans.append((start, n))
            start = None
        elif ch.isspace():
            if not prev_space:
                out.append(" ")
                n += 1
            prev_space = True
        elif _CONTROL.match(ch):
            continue
        else:
            out.append(ch)
            n += 1
            prev_space = False
    return "".join(out), spans


def as_html(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` escaped, with each span in <mark>...</mark>."""
    parts, pos = [], 0
    for s, e in spans:
        parts += [html.escape(text[pos:s]), "<mark>", html.escape(text[s:e]), "</mark>"]
        pos = e
    parts.append(html.escape(text[pos:]))
    return "".join(parts)


def api_hit(hit: dict) -> dict:
    """One search result as the API returns it: plain title and snippet with their highlight ranges."""
    title, title_spans = ranges(hit.get("title_marked") or hit.get("title"))
    snippet, snippet_spans = ranges(hit.get("snippet"))
    return {
        "id": hit["id"], "title": title if hit.get("title") is not None else None, "title_highlights": title_spans,
        "source": hit.get("source"), "published": hit.get("published"), "url": hit.get("url"),
        "snippet": snippet, "snippet_highlights": snippet_spans, "snippet_html": as_html(snippet, snippet_spans),
    }
