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

#: Entity type -> its key in `Article.topics` (spec/output.md), in the record's order: the one table of it.
TOPIC_KEYS: dict[str, str] = {"person": "people", "country": "countries", "city": "cities", "organisation": "organisations"}


#: RawDocument header naming the URL first asked for when redirects led to `url` (a WARC's 3xx records, `fetch`).
REDIRECTED_FROM = "redirected-from"


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
    #: Every URL the page was reached by: the one first asked for, where redirects led, its canonical link.
    urls: list[str] = field(default_factory=list)
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
    #: 0..1: how likely the entity is real, under a right name and of this type (see annotate/confidence.py).
    #: None only in records written before confidence existed.
    confidence: float | None = None
    #: 0..1: how likely `type` is right, given that the entity is real.
    type_confidence: float | None = None


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
    #: 0..1: how likely this is reported speech with these words (None: a record from before confidence existed).
    confidence: float | None = None
    #: 0..1: how likely the speaker is right (None when there is no speaker or no score).
    speaker_confidence: float | None = None
    #: Every speaker's entity id when the frame names more than one ("Tim and Kristina said"): `speaker` is then
    #: null and `speaker_name` names them all, since no one entity said the words alone. None otherwise.
    speakers: list[str] | None = None


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
    #: 0..1: how likely the sentence states an event of this type (None: a record from before confidence existed).
    confidence: float | None = None
    #: 0..1 each: how likely the type, the source and the target are right (None when there is no such actor).
    type_confidence: float | None = None
    source_confidence: float | None = None
    target_confidence: float | None = None
    #: Did it happen, as the text states it (annotate/factuality.py): "asserted" (happened or happening), "negated",
    #: "modal", "conditional", "question", "future", "intended", "imperative", "habitual". Only "asserted" events are shown and
    #: counted by default; None in records written before status existed (counted as asserted).
    status: str | None = None


@dataclass
class Fact:
    kind: str
    value: float | int
    start: int
    end: int
    qualifier: str | None = None
    text: str | None = None
    #: 0..1: how likely the number counts this kind of thing as stated.
    confidence: float | None = None


@dataclass
class DateRef:
    text: str
    value: str | None
    start: int
    end: int
    resolution: str | None = None  # day | month | year
    #: 0..1: how likely `value` is the date the text means.
    confidence: float | None = None


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
        default_factory=lambda: {k: [] for k in TOPIC_KEYS.values()}
    )
    #: Parallel to `topics`: the confidence (0..1) of each listed name, same keys, same order.
    topics_confidence: dict[str, list[float]] = field(
        default_factory=lambda: {k: [] for k in TOPIC_KEYS.values()}
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
    #: Every URL this article was reached by (asked for, redirected to, canonical link); the store adds the URLs
    #: of every input that gave the same article, so a page fetched by two URLs is one article knowing both.
    urls: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an Article from `to_dict()` output (e.g. a JSONL line from `newsgraph analyze`).

        Fields a record lacks (one written before the field existed, such as `confidence`) take their defaults;
        fields this version does not know are ignored, so records from other versions load too.
        """
        d = dict(data)
        d["images"] = [_build(Image, i) for i in d.get("images") or []]
        ents = []
        for e in d.get("entities") or []:
            e = dict(e)
            e["geo"] = _build(Geo, e["geo"]) if e.get("geo") else None
            e["mentions"] = [_build(Mention, m) for m in e.get("mentions") or []]
            ents.append(_build(Entity, e))
        d["entities"] = ents
        d["quotes"] = [_build(Quote, q) for q in d.get("quotes") or []]
        d["events"] = [_build(Event, e) for e in d.get("events") or []]
        d["facts"] = [_build(Fact, f) for f in d.get("facts") or []]
        d["dates"] = [_build(DateRef, x) for x in d.get("dates") or []]
        if d.get("topics_confidence") is None:  # a record from before the field, or a Parquet null
            d.pop("topics_confidence", None)  # `{}` (no pipeline scored the topics) is kept: it reads back as written
        return _build(cls, d)


def _build(cls: type, data: dict[str, Any]) -> Any:
    """`cls(**data)` keeping only the fields `cls` declares."""
    known = cls.__dataclass_fields__
    return cls(**{k: v for k, v in data.items() if k in known})


def stable_id(*parts: str) -> str:
    """A short stable id: sha1 of the parts joined; the same inputs give the same id in every process."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def article_id(url: str | None, body: str) -> str:
    """spec: sha1 of the canonical URL when known, else of the normalised body text."""
    if url:
        return stable_id(url.strip())
    return stable_id(" ".join(body.split()).lower())
