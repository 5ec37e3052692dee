"""The lines around a text dump's body: title, standfirst, section and date above it (read backwards from the
body), byline, agency and photo credits around it. Part of the text-dump extractor (text.py)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsgraph.extract.text_rules import DEFAULT_RULES, TextRules
from newsgraph.extract.vocab import vocab
from newsgraph.records import Extracted, Image

if TYPE_CHECKING:
    from newsgraph.extract.text import Line


def read_header(header: list[Line], ex: Extracted, rules: TextRules = DEFAULT_RULES) -> None:
    """Backwards from the body start: captions, dates, bylines, then standfirst, title and section."""
    marker_seen = False  # a date line / byline / caption between a line and the body
    standfirst = title = section = None
    for ln in reversed(header):
        kind = ln.data.get("was", ln.kind)  # a kicker may repeat a nav item ("World")
        if kind != ln.kind and title is not None and section is None and ln.words <= rules.kicker_max_words:
            section = ln.text
            break
        if title is None and standfirst is None and ln.kind in ("other", "short") and (
            (not marker_seen and ln.words <= rules.furniture_max_words) or ln.text.endswith(":")
        ):
            continue  # "4 minute read", "Join the conversation", "Author of the article:" between header and body
        if ln.kind == "caption":
            ex.images.insert(0, Image(caption=ln.data["caption"], credit=ln.data["credit"]))
            marker_seen = True
        elif ln.kind == "date":
            _set_date(ex, ln)
            marker_seen = True
        elif ln.kind == "byline":
            ex.authors = ex.authors or _split_names(ln.data["names"], rules)
            marker_seen = True
        elif ln.kind == "credit" and ln.data.get("value"):
            ex.agency = ex.agency or ln.data["value"]
        elif ln.kind in ("nav", "panel", "widget", "prompt"):
            if title:
                break
            continue
        elif title is None and standfirst is None and marker_seen and ln.kind in ("body", "short") and ln.words >= rules.standfirst_min_words:
            standfirst = ln.text
        elif title is None and rules.title_min_words <= ln.words <= rules.title_max_words and not ln.text.endswith((".", ",", ";")):
            title = ln.text
        elif title is not None and section is None and ln.words <= rules.kicker_max_words and not ln.text.endswith((".", ",")):
            section = ln.text
            break
        elif title is not None:
            break
    ex.standfirst, ex.title, ex.section = standfirst, title, section


def read_trailer(lines: list[Line], start: int, end: int, ex: Extracted, rules: TextRules = DEFAULT_RULES) -> None:
    """Credits, dates and the site's name from lines outside the body."""
    v = vocab()
    outside = lines[:start] + lines[end + 1 :]
    for k, ln in enumerate(lines):
        if start <= k <= end and ln.kind != "credit":
            continue
        if ln.kind == "credit" and not ex.agency:
            value = ln.data.get("value")
            if not value and k + 1 < len(lines) and lines[k + 1].words <= rules.agency_next_max_words and lines[k + 1].kind != "panel":
                value = lines[k + 1].text
            ex.agency = value or None
        elif ln.kind == "date" and k > end and not (ex.published or ex.modified):
            _set_date(ex, ln)
        elif ln.kind == "byline" and not ex.authors:
            ex.authors = _split_names(ln.data["names"], rules)
    if not ex.agency and end + 1 < len(lines) and lines[end + 1].kind == "attrib" and lines[end + 1].data["value"]:
        ex.agency = lines[end + 1].data["value"]
    for ln in outside:
        if ex.source_name:
            break
        if ln.words > rules.source_line_max_words:
            continue
        for pat in v.source_names:
            m = pat.match(ln.text.strip())
            if m and 1 <= len(m.group("name").split()) <= rules.source_name_max_words:
                ex.source_name = m.group("name").strip(" .")
                break


def _set_date(ex: Extracted, ln: Line) -> None:
    if ln.data.get("modified"):
        ex.modified = ex.modified or ln.data["iso"]
    else:
        ex.published = ex.published or ln.data["iso"]


_NAME_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\bund\b|\bet\b|\by\b)\s*")


def _split_names(names: str, rules: TextRules = DEFAULT_RULES) -> list[str]:
    parts = [p.strip(" .") for p in _NAME_SPLIT.split(names)]
    return [p for p in parts if p and len(p.split()) <= rules.author_max_words and p[0].isupper()]
