"""Declarative metadata lookup: data/selectors.json says where pages keep each field; this reads it.

Fundus-like: the knowledge (which meta tag, which microdata property) is data; the code only walks a field's
candidates in order over one selectolax (lexbor) tree.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from selectolax.lexbor import LexborHTMLParser, LexborNode

_WS = re.compile(r"\s+")


@lru_cache(maxsize=1)
def selectors() -> dict[str, list[dict]]:
    data = json.loads(resources.files("newsgraph.extract").joinpath("data/selectors.json").read_text("utf-8"))
    return {k: v for k, v in data.items() if k != "about"}


def node_text(node: LexborNode) -> str:
    return _WS.sub(" ", node.text(separator=" ") or "").strip()


def _value(node: LexborNode, attr: str | None) -> str | None:
    if attr:
        v = node.attributes.get(attr)
        return _WS.sub(" ", v).strip() if v else None
    return node_text(node) or None


def first(tree: LexborHTMLParser | LexborNode, field: str) -> str | None:
    """The first non-empty value among the field's candidates."""
    for cand in selectors()[field]:
        for node in tree.css(cand["css"]):
            v = _value(node, cand.get("attr"))
            if v:
                return v
    return None


def every(tree: LexborHTMLParser | LexborNode, field: str) -> list[tuple[int, str]]:
    """All (candidate rank, value) pairs of a field, in candidate order."""
    out = []
    for rank, cand in enumerate(selectors()[field]):
        for node in tree.css(cand["css"]):
            v = _value(node, cand.get("attr"))
            if v:
                out.append((rank, v))
    return out


def nodes(tree: LexborHTMLParser | LexborNode, field: str) -> list[LexborNode]:
    for cand in selectors()[field]:
        found = tree.css(cand["css"])
        if found:
            return list(found)
    return []
