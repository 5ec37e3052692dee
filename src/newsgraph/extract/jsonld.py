"""schema.org JSON-LD: the article object a page declares for search engines (NewsArticle and kin).

Why first: publishers fill it for Google News, so headline, dates, authors, section and publisher are usually
exact there, and `articleBody` is an independent candidate for the main text. Broken JSON (trailing commas,
raw newlines, HTML entities) is common; what cannot be repaired cheaply is skipped, never fatal.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from typing import Any

ARTICLE_TYPES = {
    "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "liveblogposting", "socialmediaposting",
    "scholarlyarticle", "techarticle", "report", "webpage", "itempage", "medicalwebpage", "advertisernewsarticle",
}
_CTRL = re.compile(r"[\x00-\x1f]")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")


@dataclass
class LdArticle:
    type: str = ""
    headline: str | None = None
    description: str | None = None
    section: str | None = None
    published: str | None = None
    modified: str | None = None
    authors: list[str] = field(default_factory=list)
    author_orgs: list[str] = field(default_factory=list)
    publisher: str | None = None
    body: str | None = None
    url: str | None = None
    language: str | None = None
    breadcrumbs: list[str] = field(default_factory=list)
    site_name: str | None = None


def _load(text: str) -> Any:
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip().rstrip(";")
    try:
        return json.loads(text)
    except ValueError:
        pass
    try:
        return json.loads(_TRAILING_COMMA.sub(r"\1", _CTRL.sub(" ", text)))
    except ValueError:
        return None


def _walk(obj: Any, out: list[dict]) -> None:
    if isinstance(obj, list):
        for x in obj:
            _walk(x, out)
    elif isinstance(obj, dict):
        out.append(obj)
        for key in ("@graph", "mainEntity", "itemListElement"):
            if key in obj:
                _walk(obj[key], out)


def _types(obj: dict) -> set[str]:
    t = obj.get("@type")
    ts = t if isinstance(t, list) else [t]
    return {str(x).lower() for x in ts if x}


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if v), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or value.get("text")
    if value is None or isinstance(value, bool | dict | list):
        return None
    text = html.unescape(str(value)).strip()
    return text or None


def _people(value: Any) -> tuple[list[str], list[str]]:
    """(person names, organisation names) from an author value."""
    people, orgs = [], []
    for v in value if isinstance(value, list) else [value]:
        if isinstance(v, str):
            if v.strip() and not v.startswith("http"):
                people.append(html.unescape(v.strip()))
        elif isinstance(v, dict):
            name = _text(v.get("name"))
            if not name or name.startswith("http"):
                continue
            (orgs if "organization" in _types(v) or "newsmediaorganization" in _types(v) else people).append(name)
    return people, orgs


def parse_jsonld(scripts: list[str]) -> LdArticle | None:
    """The best article object among the page's JSON-LD blocks (the one with the longest body/headline)."""
    objs: list[dict] = []
    for s in scripts:
        data = _load(s)
        if data is not None:
            _walk(data, objs)
    best: dict | None = None
    crumbs: list[str] = []
    site = None
    for o in objs:
        ts = _types(o)
        if "breadcrumblist" in ts:
            items = o.get("itemListElement") or []
            items = sorted((i for i in items if isinstance(i, dict)), key=lambda i: int(i.get("position") or 0) if str(i.get("position") or "0").isdigit() else 0)
            crumbs = [n for n in (_text(i.get("name") or (i.get("item") or {}).get("name") if isinstance(i.get("item"), dict) else i.get("name")) for i in items) if n]
        if "website" in ts and not site:
            site = _text(o.get("name"))
        if ts & ARTICLE_TYPES and (o.get("headline") or o.get("articleBody")):
            rank = ("webpage" not in ts and "itempage" not in ts, len(str(o.get("articleBody") or "")), bool(o.get("headline")))
            if best is None or rank > best["_rank"]:
                best = dict(o, _rank=rank)
    if best is None:
        return LdArticle(breadcrumbs=crumbs, site_name=site) if (crumbs or site) else None
    people, orgs = _people(best.get("author") or best.get("creator"))
    section = best.get("articleSection")
    return LdArticle(
        type=next(iter(_types(best)), ""),
        headline=_text(best.get("headline") or best.get("name")),
        description=_text(best.get("description") or best.get("abstract")),
        section=_text(section),
        published=_text(best.get("datePublished") or best.get("dateCreated")),
        modified=_text(best.get("dateModified")),
        authors=people,
        author_orgs=orgs,
        publisher=_text(best.get("publisher")) or _text(best.get("sourceOrganization")),
        body=_text(best.get("articleBody")),
        url=_text(best.get("url") or best.get("mainEntityOfPage")) if not isinstance(best.get("mainEntityOfPage"), dict) else _text(best["mainEntityOfPage"].get("@id")),
        language=_text(best.get("inLanguage")),
        breadcrumbs=crumbs,
        site_name=site,
    )
