"""annotate: the article body -> entities, geo, dates, facts, quotes and events, as spaCy components.

`annotate(extracted)` runs the pipeline over one Doc of the body and assembles the `Article` record;
`annotate_many` streams with `nlp.pipe` in batches. `load_pipeline()` gives the `Language` for users' own use.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.annotate.extensions import register_extensions
from newsgraph.annotate.nlp import add_components, load_pipeline
from newsgraph.records import Article, Extracted, article_id
from newsgraph.settings import get_settings

__all__ = ["add_components", "annotate", "annotate_many", "load_pipeline", "make_doc", "to_article"]

_TOPIC_KEYS = {"person": "people", "country": "countries", "city": "cities", "organisation": "organisations"}


def make_doc(nlp: Language, ex: Extracted) -> Doc:
    register_extensions()
    doc = nlp.make_doc(ex.body)
    doc._.ng_meta = {
        "title": ex.title,
        "published": ex.published,
        "modified": ex.modified,
        "standfirst": ex.standfirst,
        "url": ex.url,
        "crossheads": list(ex.crossheads),
    }
    return doc


def to_article(ex: Extracted, doc: Doc) -> Article:
    """Assemble the record from the extracted metadata and the annotated Doc."""
    entities = list(doc._.ng_entities or [])
    topics: dict[str, list[str]] = {k: [] for k in _TOPIC_KEYS.values()}
    topics_confidence: dict[str, list[float]] = {k: [] for k in _TOPIC_KEYS.values()}
    if doc._.ng_topics is not None:
        for key, name, conf in doc._.ng_topics:
            topics[key].append(name)
            topics_confidence[key].append(conf)
    else:  # a pipeline without newsgraph_confidence: every typed entity, unscored
        for e in sorted(entities, key=lambda e: -e.salience):
            key = _TOPIC_KEYS.get(e.type)
            if key and e.name not in topics[key]:
                topics[key].append(e.name)
    return Article(
        id=article_id(ex.url, ex.body),
        input=ex.input,
        url=ex.url,
        source={"name": ex.source_name, "domain": ex.source_domain},
        title=ex.title,
        section=ex.section,
        standfirst=ex.standfirst,
        authors=list(ex.authors),
        agency=ex.agency,
        published=ex.published,
        modified=ex.modified,
        language=ex.language,
        images=list(ex.images),
        body=ex.body,
        entities=entities,
        topics=topics,
        topics_confidence=topics_confidence if doc._.ng_topics is not None else {},
        quotes=list(doc._.ng_quotes or []),
        events=list(doc._.ng_events or []),
        facts=list(doc._.ng_facts or []),
        dates=list(doc._.ng_dates or []),
        crossheads=list(ex.crossheads),
        kind=ex.kind,
        fetched_url=ex.fetched_url,
        fetched_at=ex.fetched_at,
        language_confidence=ex.language_confidence,
        page_type=ex.page_type,
    )


def annotate(ex: Extracted, nlp: Language | None = None) -> Article:
    nlp = nlp or load_pipeline()
    return to_article(ex, nlp(make_doc(nlp, ex)))


def annotate_many(items: Iterable[Extracted], nlp: Language | None = None, batch_size: int | None = None) -> Iterator[Article]:
    """Stream many articles through `nlp.pipe` in batches; output order follows input order."""
    nlp = nlp or load_pipeline()
    items = list(items) if not isinstance(items, list) else items
    docs = (make_doc(nlp, ex) for ex in items)
    for ex, doc in zip(items, nlp.pipe(docs, batch_size=batch_size or get_settings().batch_size), strict=True):
        yield to_article(ex, doc)
