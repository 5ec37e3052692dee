"""Dump lines made comparable across renderers: hard-wrapped paragraphs rejoined, light Markdown undone.

Why: text dumps come from many tools, not only from a one-line-per-block scraper. html2text and lynx wrap
paragraphs at a fixed width (a sentence then spans several lines, none of which looks like a sentence), Markdown
writers (html2text, markdownify, reader services) wrap links as ``[text](url)``, images as ``![alt](src)``,
emphasis as ``**x**`` or ``_x_`` and escape punctuation (``1\\.``), and layout-aware renderers (inscriptis)
indent nested lists and mark items with ``*``/``+``. The line classifier (text.py) judges a line by its shape,
so each line is first brought back to the text a reader sees, with what the markup said kept as flags:

- ``bullet``: the line was a list item (menus and link lists are lists; article paragraphs rarely are);
- ``heading``: a Markdown heading (``#``);
- ``links``: the share of the line's characters that sat inside link text, a link-density proxy as in
  HTML boilerplate detection (a paragraph of prose carries a few links, a menu item is all link).

Rejoining is decided on the whole dump, never per site: a dump is hard-wrapped when many lines end within a
few characters of one width and (almost) none is longer; then a line continues the one above when the wrapper
had to break there (the line above plus the next word would not have fit), the rule every greedy wrapper follows.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

#: a link target: anything up to the closing bracket, a title and nested brackets included; wrapping may have put
#: a space into a long URL (html2text breaks URLs at hyphens), so spaces are allowed too
_TARGET = r"\((?:[^()\n]|\([^()\n]*\))*\)"
#: ``![alt](src)``: an image is not text the reader sees in a dump
_IMAGE = re.compile(r"!\[[^\]\n]*\]" + _TARGET)
#: ``[text](href "title")``; ``[text][ref]``
_LINK = re.compile(r"\[([^\[\]\n]*)\]" + _TARGET + r"|\[([^\[\]\n]+)\]\[\w*\]")
_REF_DEF = re.compile(r"^\s*\[[^\]]+\]:\s*\S+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPH = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])")
_BULLET = re.compile(r"^\s*[*+\u2022\u00b7\u25aa\u25cf]\s+(?=\S)")
#: lines renderers leave unwrapped: list items, headings, dash-led lines, indented code
_UNWRAPPED = re.compile(r"^\s*(?:[*+\u2022\u00b7\u25aa\u25cf\-\u2013\u2014#]|\d{1,3}[.)]\s)|^ {4}")
_NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s+\S")  # not a year ending a sentence: "... in\n2022. Then"
#: lynx's numbered link markers "[12]Home" and its closing list of link targets "  12. https://..."
_LINK_NUMBER = re.compile(r"\[\d{1,4}\]")
_LINK_LIST = re.compile(r"^\s*\d{1,4}\.\s+(?:[a-z][a-z0-9+.-]*://|mailto:|tel:|javascript:|/|#)\S*", re.I)  # a target may hold spaces
_HEADING = re.compile(r"^\s*#{1,6}\s+")
_QUOTE = re.compile(r"^\s*(?:>\s)+")  # "> text", "> > text"; not a ">>> More" arrow
_RULE = re.compile(r"^\s*(?:[-*_=]\s*){3,}$")
_ENDS_SENTENCE = re.compile(r"[.!?:][\"'\u201d\u2019)]*\s*$")
#: a CJK character (text.py reads it too): such text has no spaces to wrap at
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


@dataclass
class DumpLine:
    """One logical line of a dump, markup undone; `flags` says what the markup told (see module docstring)."""

    text: str
    flags: dict = field(default_factory=dict)


@dataclass(frozen=True)
class WrapRules:
    """When a dump counts as hard-wrapped (all values are shares of the dump's non-blank lines, or characters)."""

    #: a wrapper keeps paragraphs apart with blank lines (else their ends could not be told from wrapped lines):
    #: a dump with fewer blank lines than this share of its wrappable lines is taken as not wrapped
    min_blank_share: float = 0.15
    #: widths tried: text renderers wrap at 60-100 columns (html2text 78, lynx 79, w3m 80)
    min_width: int = 40
    max_width: int = 120
    #: a wrapper breaks mid-sentence: at most this share of the lines ending at the width end a sentence
    max_ends_share: float = 0.5
    #: a greedy wrapper breaks only where the next word does not fit: at least this share of the lines ending at
    #: the width (and followed by a line) must be such forced breaks
    min_forced: float = 0.8
    #: and at least this many lines ending at the width must be followed by a line (the evidence for the above)
    min_followed: int = 3
    #: a line "ends at the width" when it is at most this many characters shorter than it
    band: int = 12
    #: at least this share of the long lines (longer than `long_share` of the width) ends at the width: wrapped
    #: paragraphs pile up just under it, unwrapped paragraphs spread over every length ...
    min_at_width: float = 0.2
    long_share: float = 0.5
    #: ... and at most this share of the lines (that have a space and no long token) is longer than it
    max_over: float = 0.02
    #: and at least this many lines end at the width
    min_lines: int = 4
    #: a line with a longer token (a URL) is left out of the count: wrappers do not break inside a word
    max_token: int = 30


WRAP = WrapRules()


def wrap_width(lines: list[str], rules: WrapRules = WRAP) -> int | None:
    """The width the dump was hard-wrapped at, or None when it was not (see WrapRules)."""
    lens = [len(ln.rstrip()) for ln in lines if ln.strip()]
    if len(lens) < rules.min_lines:
        return None
    # lines a wrapper cannot or does not break (a long URL, a one-word line, a Markdown link, a list item: html2text
    # leaves those whole; CJK text, which has no spaces to break at) say nothing about the width
    usable = [k for k, ln in enumerate(lines)
              if " " in ln.strip() and max(len(w) for w in ln.split()) <= rules.max_token
              and "](" not in ln and " | " not in ln and not _UNWRAPPED.match(ln) and not CJK.search(ln)]
    if len(lines) - len(lens) < rules.min_blank_share * len(usable):
        return None
    spaced = Counter(len(lines[k].rstrip()) for k in usable)
    n = len(lens)
    best, best_at = None, 0
    for width in sorted({x for x in lens if rules.min_width <= x <= rules.max_width}):
        band = [k for k in usable if width - rules.band < len(lines[k].rstrip()) <= width]
        at = len(band)
        if at < rules.min_lines or at <= best_at:
            continue
        long = sum(c for w, c in spaced.items() if w > width * rules.long_share)
        over = sum(c for w, c in spaced.items() if w > width)
        if at < rules.min_at_width * long or over > rules.max_over * n:
            continue
        if sum(1 for k in band if _ENDS_SENTENCE.search(lines[k])) > rules.max_ends_share * at:
            continue  # whole paragraphs of like length, not a paragraph broken mid-sentence
        followed = [k for k in band if k + 1 < len(lines) and lines[k + 1].strip()]
        if (len(followed) < rules.min_followed
                or sum(1 for k in followed if _continues(lines[k], lines[k + 1], width)) < rules.min_forced * len(followed)):
            continue  # a list of headlines of like length: the next line's first word would have fitted
        best, best_at = width, at  # the width most lines end at
    return best


def _continues(prev: str, line: str, width: int) -> bool:
    """`line` is the wrapped rest of `prev`: its first word would not have fit on `prev`'s line (a quoted line
    continues a quoted line: "> " opens both). A list item (bulleted or numbered) or a heading starts afresh."""
    head = _body_of(line)
    if (not prev.strip() or not head or _BULLET.match(line) or _NUMBERED.match(line) or _HEADING.match(line)
            or _RULE.match(line) or _LINK_LIST.match(line)):
        return False
    if bool(_QUOTE.match(prev)) != bool(_QUOTE.match(line)):
        return False
    first = head.split()[0]
    return len(prev.rstrip()) + 1 + len(first) > width


def _body_of(line: str) -> str:
    """The line without its blockquote marks."""
    return _QUOTE.sub("", line, count=1).strip()


def unwrap(lines: list[str], rules: WrapRules = WRAP) -> list[str]:
    """Hard-wrapped paragraphs joined back into one line each (each next line is compared with the last
    wrapped piece, not the joined line); other dumps come back unchanged."""
    width = wrap_width(lines, rules)
    if width is None:
        return lines
    out: list[str] = []
    piece = ""
    for ln in lines:
        if out and _continues(piece, ln, width):
            out[-1] = out[-1].rstrip() + " " + _body_of(ln)
        else:
            out.append(ln)
        piece = ln
    return out


def is_markdown(text: str, min_links: int = 3) -> bool:
    """The dump is Markdown: it holds Markdown links or images (every Markdown page writer links its menus).
    Plain dumps keep a leading "#" or "_x_" as text, as the page had it."""
    return len(_LINK.findall(text, 0, 200_000)) + len(_IMAGE.findall(text, 0, 200_000)) >= min_links


def has_link_list(lines: list[str], min_refs: int = 3) -> bool:
    """The dump numbers its links and lists their targets at the end, as lynx and w3m dumps do."""
    return sum(1 for ln in lines if _LINK_LIST.match(ln)) >= min_refs


def strip_markup(line: str, markdown: bool = True, numbered: bool = False) -> DumpLine:
    """One line with list markup (and, in a Markdown dump, Markdown; in a dump with numbered links, the link
    numbers and the target list) undone, and the flags it carried."""
    flags: dict = {}
    text = line
    if numbered:
        if _LINK_LIST.match(text) or text.strip() in ("References", "Visible links", "Hidden links:"):
            return DumpLine("", {"rule": True})
        marks = len(_LINK_NUMBER.findall(text))
        if marks:
            flags["link_marks"] = marks
            text = _LINK_NUMBER.sub("", text)
    if markdown and (_REF_DEF.match(text) or _RULE.match(text) or _TABLE_RULE.match(text)):
        return DumpLine("", {"rule": True})
    if markdown and _HEADING.match(text):
        flags["heading"] = True
        text = _HEADING.sub("", text).rstrip("# ")
    if markdown:
        text = _QUOTE.sub("", text)
    if _BULLET.match(text):
        flags["bullet"] = True
        text = _BULLET.sub("", text)
    if not markdown:
        return DumpLine(text.strip(), flags)
    text = _IMAGE.sub("", text)
    linked = 0

    def link_text(m: re.Match) -> str:
        nonlocal linked
        inner = m.group(1) if m.group(1) is not None else m.group(2)
        linked += len(inner.strip())
        return inner

    text = _LINK.sub(link_text, text)
    if linked:
        flags["links"] = min(1.0, linked / max(len(text.strip()), 1))
    text = _STRONG.sub(r"\2", text)
    text = _EMPH.sub(r"\2", text)
    text = _ESCAPE.sub(r"\1", text)
    return DumpLine(text.strip(), flags)


def dump_lines(text: str, rules: WrapRules = WRAP) -> list[DumpLine]:
    """The dump's logical lines: rejoined when hard-wrapped, markup undone; blank lines kept as empty text."""
    markdown = is_markdown(text)
    lines = text.splitlines()
    numbered = has_link_list(lines)
    return [strip_markup(ln, markdown, numbered) if ln.strip() else DumpLine("") for ln in unwrap(lines, rules)]
