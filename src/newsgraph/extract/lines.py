"""A parsed page written out as a simple scraper would: one line per block element, boilerplate kept.

Why: the text-dump extractor (text.py) judges lines by their shape and position, not by the DOM. Run over the
page's own lines it is a second opinion on the body that does not share the density score's blind spots, which
is what html.py needs before it trusts the fast path (see signals.py). Iterative (an explicit stack), so a page
nested thousands of levels deep cannot exhaust the recursion limit.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

#: elements a browser never shows as text
DROP = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas", "select")
#: elements that start a new line
BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
    "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul", "button", "option", "legend", "caption",
})
_WS = re.compile(r"\s+")


def child_nodes(node) -> list:
    """The node's children (elements and text) in document order."""
    children = []
    child = node.child
    while child is not None:
        children.append(child)
        child = child.next
    return children


def page_lines(html: str) -> list[str]:
    """The page's visible text, one line per block element's own run of text, blank lines dropped."""
    tree = LexborHTMLParser(html)
    for tag in DROP:
        for node in tree.css(tag):
            node.decompose()
    root = tree.body or tree.root
    lines: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        text = _WS.sub(" ", "".join(buf)).strip()
        buf.clear()
        if text:
            lines.append(text)

    if root is None:
        return lines
    # (node, entering): a block flushes the line on the way in and on the way out
    stack = [(root, True)]
    while stack:
        node, entering = stack.pop()
        if not entering:
            flush()
            continue
        tag = node.tag
        if tag == "-text":
            buf.append(node.text_content or "")
            continue
        if not tag or tag.startswith(("-", "!")):
            continue
        block = tag in BLOCK
        if block:
            flush()
            stack.append((node, False))
        stack.extend((c, True) for c in reversed(child_nodes(node)))
    flush()
    return lines
