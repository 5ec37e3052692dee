"""Several ways real scrapers turn an HTML page into plain text with the boilerplate kept: the text-dump inputs.

Why: the text-dump extractor was tuned on one renderer (render_text.py: one line per block element, no blank
lines), so it may have learned that renderer's habits. Real dumps come from many tools; each renderer here is one
family of them, applied to the same pages so that only the rendering changes:

- ``blocks``: render_text.py, one line per block element, no blank lines (the original benchmark input);
- ``browser``: what select-all + copy in a browser gives (innerText): a blank line around each paragraph,
  table cells joined by tabs, hidden elements left out, and the links of a menu or link list one per line
  (menus are laid out as separate boxes, so their items do not run together as in ``blocks``);
- ``lynx``: what ``lynx -dump`` writes: the browser copy with each link numbered (``[12]Home``), wrapped at 79
  columns and indented, and the numbered list of link targets at the end;
- ``html2text``: html2text's default Markdown (``[text](url)`` links, ``* `` bullets, ``#`` headings, images
  as ``![alt](src)``, paragraphs hard-wrapped at 78 columns), what many pipelines store;
- ``inscriptis``: inscriptis' layout-aware text (indented nested lists with bullets, tables as columns);
- ``html_text``: html-text's ``extract_text`` (the Scrapy ecosystem's; newlines between blocks, a blank line
  around paragraphs and headings).

A renderer whose package is missing is left out (``available()`` names the missing ones); the packages are in
the ``bench`` extra.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from selectolax.lexbor import LexborHTMLParser

from benchmarks.render_text import DROP, render_text
from newsgraph.extract.lines import child_nodes

#: paragraph-like elements: innerText puts a blank line before and after them
_PARA = frozenset({"p"})
#: elements innerText puts on a line of their own (display: block or list-item by default)
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
    "html", "li", "main", "nav", "ol", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr",
    "ul", "legend", "caption", "p",
})
_CELL = frozenset({"td", "th"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_WS = re.compile(r"[ \t\r\n\f]+")


def _own_text(node) -> str:
    """The text directly inside `node` (not inside its element children)."""
    return "".join(c.text_content or "" for c in child_nodes(node) if c.tag == "-text").strip()


def _link_item(node) -> bool:
    """A link that is one item of a menu or link list: its parent holds two or more links and no text of its
    own, so a browser lays the links out as separate boxes and a copy puts each on its own line."""
    parent = node.parent
    if parent is None or _own_text(parent):
        return False
    return sum(1 for c in child_nodes(parent) if c.tag == "a") >= 2


def render_browser(html: str, refs: list[str] | None = None) -> str:
    """innerText-like copy of the page (see the module docstring). With `refs`, each link's text is preceded by
    its number "[n]" and its target appended to `refs` (as lynx -dump does)."""
    tree = LexborHTMLParser(html)
    for tag in DROP:
        for node in tree.css(tag):
            node.decompose()
    for node in tree.css("[hidden], [style]"):
        if "hidden" in node.attributes or _HIDDEN_STYLE.search(node.attributes.get("style") or ""):
            node.decompose()
    root = tree.body or tree.root
    if root is None:
        return "\n"
    out: list[str | int] = []  # pieces: text, or a required line-break count (1 line break, 2 a blank line)
    stack = [(root, True)]
    while stack:
        node, entering = stack.pop()
        tag = node.tag
        if not entering:
            out.append("\t" if tag in _CELL else 2 if tag in _PARA else 1)
            continue
        if tag == "-text":
            out.append(_WS.sub(" ", node.text_content or ""))
            continue
        if not tag or tag.startswith(("-", "!")):
            continue
        if tag == "br":
            out.append("\n")
            continue
        if tag in _BLOCK or (tag == "a" and _link_item(node)):
            out.append(2 if tag in _PARA else 1)
            stack.append((node, False))
        if refs is not None and tag == "a" and node.attributes.get("href"):
            refs.append(node.attributes.get("href") or "")
            out.append(f"[{len(refs)}]")
        elif tag in _CELL:
            stack.append((node, False))
        stack.extend((c, True) for c in reversed(child_nodes(node)))
    # innerText: a run of required line breaks counts as its largest member, not their sum
    pieces: list[str] = []
    k = 0
    while k < len(out):
        if isinstance(out[k], int):
            j = k
            while j < len(out) and (isinstance(out[j], int) or not str(out[j]).strip(" ")):
                j += 1
            pieces.append("\n" * max(x for x in out[k:j] if isinstance(x, int)))
            k = j
            continue
        pieces.append(out[k])
        k += 1
    text = "".join(pieces)
    lines = [ln.strip(" \t") for ln in text.split("\n")]  # innerText: tabs only between cells
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return text + "\n"


def render_lynx(html: str, width: int = 79) -> str:
    """lynx -dump-like text: the browser copy with numbered links, every line wrapped at `width` columns and
    indented by three spaces, blocks apart by a blank line, and the numbered list of link targets at the end."""
    import textwrap

    refs: list[str] = []
    out = []
    for line in render_browser(html, refs).splitlines():
        if not line.strip():
            continue
        out.extend(textwrap.wrap(line.replace("\t", " "), width, initial_indent="   ", subsequent_indent="   ",
                                 break_long_words=False, break_on_hyphens=False) or [""])
        out.append("")
    out += ["References", ""] + [f"{k:4d}. {href}" for k, href in enumerate(refs, 1)]
    return "\n".join(out) + "\n"


def render_html2text(html: str) -> str:
    """html2text's Markdown with its default settings (78-column wrapping, inline links)."""
    import html2text

    return html2text.HTML2Text().handle(html)


def render_inscriptis(html: str) -> str:
    """inscriptis' layout-aware text with its default settings."""
    import inscriptis

    return inscriptis.get_text(html)


def render_html_text(html: str) -> str:
    """html-text's extract_text with layout guessing (its default)."""
    import html_text

    return html_text.extract_text(html)


RENDERERS: dict[str, Callable[[str], str]] = {
    "blocks": render_text,
    "browser": render_browser,
    "lynx": render_lynx,
    "html2text": render_html2text,
    "inscriptis": render_inscriptis,
    "html_text": render_html_text,
}
_MODULES = {"html2text": "html2text", "inscriptis": "inscriptis", "html_text": "html_text"}


def available(notes: list[str] | None = None) -> dict[str, Callable[[str], str]]:
    """The renderers whose package is installed; the missing ones are named in `notes`."""
    import importlib.util

    out = {}
    for name, fn in RENDERERS.items():
        mod = _MODULES.get(name)
        if mod and importlib.util.find_spec(mod) is None:
            if notes is not None:
                notes.append(f"renderer {name} skipped: package {mod} not installed (pip install -e '.[bench]')")
            continue
        out[name] = fn
    return out


if __name__ == "__main__":  # python -m benchmarks.renderers NAME page.html > page.txt
    import sys
    from pathlib import Path

    from newsgraph.extract.decode import decode_bytes

    name, path = sys.argv[1], sys.argv[2]
    sys.stdout.write(RENDERERS[name](decode_bytes(Path(path).read_bytes(), path)))
