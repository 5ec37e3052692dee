"""The plain records that flow between stages.

Each stage is a function from one record to the next: ingest yields `RawDocument`, extract returns `Extracted`,
annotate returns `Article`. They are dataclasses of plain values (str, int, float, lists, dicts) so they pickle
into a process pool, serialise into Spark rows and round-trip through JSON without custom code.
`Article.to_dict()` is the record contract of spec/output.md; fields may be added, never renamed or dropped.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class RawDocument:
    """One input as it arrived: bytes (or text for stdin/body) plus where it came from."""

    input: str  # "pages/a.html", "crawl.warc.gz#1234", "-"
    data: bytes
    kind: str = "auto"  # auto | html | text | body
    url: str | None = None
    #: HTTP headers or WARC metadata that can help (charset, date), lower-cased names.
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Image:
    caption: str
    credit: str | None = None
    url: str | None = None


@dataclass
class Extracted:
    """Clean body text and page metadata; the output of the extract stage."""

    input: str
    body: str
    title: str | None = None
    url: str | None = None
    source_name: str | None = None
    source_domain: str | None = None
    section: str | None = None
    standfirst: str | None = None
    authors: list[str] = field(default_factory=list)
    agency: str | None = None
    published: str | None = None
    modified: str | None = None
    #: ISO 639-1 code identified from the body (extract/language.py); "und" when it cannot be told.
    language: str = "en"
    images: list[Image] = field(default_factory=list)
    #: Paragraph texts that are crossheads (kept in the body as their own paragraph).
    crossheads: list[str] = field(default_factory=list)
    kind: str = "html"  # the kind the extractor used: html | text | body
    #: The URL a crawler fetched the page from and when (WARC-Target-URI / WARC-Date, or `newsgraph fetch`).
    fetched_url: str | None = None
    fetched_at: str | None = None
    #: What the page says its language is (`<html lang>`, Content-Language, JSON-LD): evidence, not the answer.
    declared_language: str | None = None
    #: The identifier's probability of `language` (0.0 when the body is too short to tell).
    language_confidence: float | None = None
    #: article | liveblog | listicle | gallery (extract/pagetype.py): articles all, told apart for filtering.
    page_type: str = "article"


@dataclass
class Mention:
    start: int
    end: int
    text: str


@dataclass
class Geo:
    geonameid: int
    lat: float
    lon: float
    country_code: str | None = None
    feature_code: str | None = None
    population: int | None = None


@dataclass
class Entity:
    id: str
    name: str
    type: str  # person | country | city | organisation | place | group | ...
    aliases: list[str] = field(default_factory=list)
    salience: float = 0.0
    geo: Geo | None = None
    mentions: list[Mention] = field(default_factory=list)
    #: roles seen with the name ("Russian foreign minister"), titles stripped from mentions.
    roles: list[str] = field(default_factory=list)


@dataclass
class Quote:
    text: str
    start: int
    end: int
    kind: str  # direct | partial | indirect
    speaker: str | None = None
    speaker_name: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None


@dataclass
class Event:
    type: str
    start: int
    end: int
    mode: str | None = None
    source: str | None = None
    target: str | None = None
    location: str | None = None
    date: str | None = None
    trigger: str | None = None
    source_name: str | None = None
    target_name: str | None = None
    location_name: str | None = None


@dataclass
class Fact:
    kind: str
    value: float | int
    start: int
    end: int
    qualifier: str | None = None
    text: str | None = None


@dataclass
class DateRef:
    text: str
    value: str | None
    start: int
    end: int
    resolution: str | None = None  # day | month | year


@dataclass
class Article:
    """The full record of one article (spec/output.md)."""

    id: str
    input: str
    url: str | None
    source: dict[str, str | None]
    title: str | None
    section: str | None
    standfirst: str | None
    authors: list[str]
    agency: str | None
    published: str | None
    modified: str | None
    language: str
    images: list[Image]
    body: str
    entities: list[Entity] = field(default_factory=list)
    topics: dict[str, list[str]] = field(
        default_factory=lambda: {"people": [], "countries": [], "cities": [], "organisations": []}
    )
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    crossheads: list[str] = field(default_factory=list)
    kind: str = "html"
    #: Near-duplicate group (MinHash over word shingles) within a batch: the id of the group's first article.
    cluster: str | None = None
    #: Where and when the page was fetched (`newsgraph fetch`, or the WARC record it was read from); else null.
    fetched_url: str | None = None
    fetched_at: str | None = None
    language_confidence: float | None = None
    #: Which pipeline annotated the body, and what was skipped and why (a language with no installed pipeline).
    annotations: dict[str, Any] = field(default_factory=lambda: {"pipeline": None, "skipped": [], "reason": None})
    page_type: str = "article"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an Article from `to_dict()` output (e.g. a JSONL line from `newsgraph analyze`)."""
        d = dict(data)
        d["images"] = [Image(**i) for i in d.get("images") or []]
        ents = []
        for e in d.get("entities") or []:
            e = dict(e)
            e["geo"] = Geo(**e["geo"]) if e.get("geo") else None
            e["mentions"] = [Mention(**m) for m in e.get("mentions") or []]
            ents.append(Entity(**e))
        d["entities"] = ents
        d["quotes"] = [Quote(**q) for q in d.get("quotes") or []]
        d["events"] = [Event(**e) for e in d.get("events") or []]
        d["facts"] = [Fact(**f) for f in d.get("facts") or []]
        d["dates"] = [DateRef(**x) for x in d.get("dates") or []]
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in d.items() if k in known})


def stable_id(*parts: str) -> str:
    """A short stable id: sha1 of the parts joined; the same inputs give the same id in every process."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def article_id(url: str | None, body: str) -> str:
    """spec: sha1 of the canonical URL when known, else of the normalised body text."""
    if url:
        return stable_id(url.strip())
    return stable_id(" ".join(body.split()).lower())
