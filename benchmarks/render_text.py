"""Render an HTML page to the plain text a simple scraper produces: the input of the text-dump benchmark.

What a naive scraper does (and so what this does): parse the page, drop what a browser never shows as text
(script, style, noscript, template, svg, head), then write one line per block element (p, div, li, h1-h6, td,
figcaption, ...; <br> also breaks a line), keeping everything else: navigation, footers, teasers, share widgets,
cookie notices. No main-content detection at all, so newsgraph's `--kind text` has to find the article itself.
"""

from __future__ import annotations

from newsgraph.extract.lines import BLOCK, DROP, page_lines

__all__ = ["BLOCK", "DROP", "render_text"]


def render_text(html: str) -> str:
    """One line per block element's own text run, blank lines never doubled (newsgraph.extract.lines does the
    walk: the same rendering serves the fast path's second opinion)."""
    return "\n".join(page_lines(html)) + "\n"


if __name__ == "__main__":  # python -m benchmarks.render_text page.html > page.txt
    import sys
    from pathlib import Path

    from newsgraph.extract.decode import decode_bytes

    path = sys.argv[1]
    sys.stdout.write(render_text(decode_bytes(Path(path).read_bytes(), path)))
