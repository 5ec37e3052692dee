"""Response models of the JSON API: every 200 response and the one error shape, documented in /openapi.json.

Handlers return plain JSON (no validation cost per request); these models are the contract the tests check real
responses against. Article and item fields come from the record dataclasses (`newsgraph.records`), so a field
added to a record is documented without a change here.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from newsgraph import records as R


@dataclasses.dataclass
class StoredArticle(R.Article):
    """An article record as analysed (spec/output.md), plus when it was stored."""

    stored_at: str | None = None


Range = tuple[int, int]


class ErrorDetail(BaseModel):
    status: int = Field(description="The HTTP status code.")
    code: str = Field(description="invalid_parameter, not_found, or internal_error.")
    message: str = Field(description="What was wrong and what to send instead.")
    param: str | None = Field(None, description="The query or path parameter at fault, when one is.")


class ErrorResponse(BaseModel):
    """Every error of the API has this shape."""

    error: ErrorDetail


class SearchHit(BaseModel):
    id: str
    title: str | None
    title_highlights: list[Range] = Field(description="[start, end) character ranges of `title` matching the query.")
    source: str | None
    published: str | None
    url: str | None
    snippet: str = Field(description="A plain-text excerpt around the matches (no markup, no control characters).")
    snippet_highlights: list[Range] = Field(description="[start, end) character ranges of `snippet` matching the query.")
    snippet_html: str = Field(description="`snippet` HTML-escaped, with the matches in <mark>...</mark>.")


class FacetItem(BaseModel):
    id: str
    name: str
    count: int


class SourceFacet(BaseModel):
    name: str
    count: int


class DateRange(BaseModel):
    min: str | None
    max: str | None


class Facets(BaseModel):
    people: list[FacetItem]
    countries: list[FacetItem]
    cities: list[FacetItem]
    organisations: list[FacetItem]
    sources: list[SourceFacet]
    dates: DateRange


class SearchResponse(BaseModel):
    query: str
    total: int = Field(description="Matching articles (an estimate when total_approximate).")
    page: int
    per_page: int
    pages: int
    results: list[SearchHit]
    facets: Facets
    facets_sampled: bool = Field(description="Facets counted over the latest matches only.")
    total_approximate: bool
    ranked_window: int | None = Field(description="When set, relevance ranks only this many latest matches.")


class FacetsResponse(BaseModel):
    total: int
    facets: Facets
    sampled: bool


class TimelineDay(BaseModel):
    day: str
    articles: int
    mentions: int


class EntityRef(BaseModel):
    id: str
    name: str
    type: str


class EntityQuote(BaseModel):
    text: str
    kind: str | None
    cue: str | None
    speaker_name: str | None
    article_id: str
    title: str | None
    day: str | None


class EntityEvent(BaseModel):
    model_config = ConfigDict(extra="allow")
    aid: int = Field(description="The article's row number in this store.")
    type: str
    mode: str | None
    source: str | None
    target: str | None
    location: str | None
    date: str | None
    start: int | None
    end: int | None
    trigger: str | None
    day: str | None
    article_id: str
    title: str | None
    sentence: str | None
    source_entity: EntityRef | None
    target_entity: EntityRef | None
    location_entity: EntityRef | None


class Cooccurring(BaseModel):
    id: str
    name: str
    type: str
    lat: float | None
    lon: float | None
    n: int


class Place(Cooccurring):
    self: bool | None = None


class EntityArticle(BaseModel):
    id: str
    title: str | None
    source_name: str | None
    published: str | None
    mention_count: int


class GeoPoint(BaseModel):
    lat: float | None
    lon: float | None
    geonameid: int | None
    country_code: str | None


class EntityPage(BaseModel):
    """A topic: the entity, its counts, mentions per day, quotes by it, events, co-occurring entities, places."""

    model_config = ConfigDict(extra="allow")
    id: str
    name: str
    type: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    country_code: str | None
    article_count: int
    mention_count: int
    geo: GeoPoint | None
    timeline: list[TimelineDay]
    quotes: list[EntityQuote]
    events: list[EntityEvent]
    cooccurring: list[Cooccurring]
    cooccur_sampled: bool
    places: list[Place]
    articles: list[EntityArticle]


class Stats(BaseModel):
    articles: int
    entities: int
    quotes: int
    events: int
    facts: int
    failures: int


class Failure(BaseModel):
    input: str
    reason: str
    kind: str  # a FailureKind value: bad_input, not_an_article, internal, too_complex, ...
    at: str


_PY = {"Int64": int, "Float64": float, "boolean": bool, "string": str}


@cache
def row_model(table: str) -> type[BaseModel]:
    """The model of one row of a table endpoint (/api/quotes ...): the CSV table's columns, lists kept as lists."""
    from newsgraph.store.tables import columns, dtypes, list_columns, object_columns

    lists, objects = list_columns(table), object_columns(table)
    fields: dict[str, Any] = {}
    for c in columns(table):
        tp: Any = list[str] if c in lists else dict[str, Any] if c in objects else _PY[dtypes(table)[c]]
        fields[c] = (tp | None, None)
    return create_model(f"{table.title()}Row", **fields)


@cache
def table_page_model(table: str) -> type[BaseModel]:
    return create_model(
        f"{table.title()}Page",
        __doc__=f"One page of the {table} table (the rows of `newsgraph export --format csv --table {table}`).",
        table=(str, ...), columns=(list[str], ...),
        total=(int | None, Field(description="Rows matching the filters, counting only the items shown at "
                                              "min_confidence when one is given.")),
        limit=(int, ...), rows=(list[row_model(table)], ...),  # type: ignore[valid-type]
        next_cursor=(str | None, Field(description="Pass as `cursor` for the next page; null on the last.")),
        next=(str | None, Field(description="The URL of the next page; null on the last.")),
    )

