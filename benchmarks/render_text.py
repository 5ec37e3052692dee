"""Render an HTML page to the plain text a simple scraper produces: the input of the text-dump benchmark.

What a naive scraper does (and so what this does): parse the page, drop what a browser never shows as text
(script, style, noscript, template, svg, head), then write one line per block element (p, div, li, h1-h6, td,
figcaption, ...; <br> also breaks a line), keeping everything else: navigation, footers, teasers, share widgets,
cookie notices. No main-content detection at all, so newsgraph's `--kind text` has to find the article itself.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

DROP = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas", "select")
BLOCK = {
    "address", "article", "aside", "blockquote", "body", "br", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
    "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul", "button", "option", "legend", "caption",
}
_WS = re.compile(r"\s+")


def render_text(html: str) -> str:
    """One line per block element's own text run, blank lines never doubled."""
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

    def walk(node) -> None:
        child = node.child
        while child is not None:
            tag = child.tag
            if tag == "-text":
                buf.append(child.text_content or "")
            elif tag and not tag.startswith(("-", "!")):
                if tag in BLOCK:
                    flush()
                    walk(child)
                    flush()
                else:
                    walk(child)
            child = child.next

    if root is not None:
        walk(root)
        flush()
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # python -m benchmarks.render_text page.html > page.txt
    import sys
    from pathlib import Path

    from newsgraph.extract.decode import decode_bytes

    path = sys.argv[1]
    sys.stdout.write(render_text(decode_bytes(Path(path).read_bytes(), path)))
