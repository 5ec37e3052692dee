"""annotate: the article body -> entities, geo, dates, facts, quotes and events, as spaCy components.

`annotate(extracted)` runs the pipeline of the article's language over one Doc of the body and assembles the
`Article` record; `annotate_many` streams with `nlp.pipe` in batches, one pipeline per language
(annotate/languages.py: a language without a pipeline gets its dates only, and the record says what was skipped).
`load_pipeline()` gives the English `Language` for users' own use.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import newsgraph.annotate.spacy_import  # noqa: F401  (first: spaCy without its CLI package; see there)
from newsgraph.annotate.batching import pipe_bounded
from newsgraph.annotate.dates import find_dates, parse_anchor
from newsgraph.annotate.extensions import register_extensions
from newsgraph.annotate.languages import Plan, plan_for
from newsgraph.annotate.nlp import add_components, language_pipeline, load_pipeline
from newsgraph.annotate.page_register import doc_register
from newsgraph.records import TOPIC_KEYS, Article, Extracted, article_id
from newsgraph.settings import get_settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["add_components", "annotate", "annotate_many", "language_pipeline", "load_pipeline", "make_doc", "plan_for",
           "to_article"]



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
        "source_name": ex.source_name,
        "source_domain": ex.source_domain,
    }
    return doc


def to_article(ex: Extracted, doc: Doc | None, plan: Plan | None = None) -> Article:
    """Assemble the record from the extracted metadata and the annotated Doc (None: no pipeline, dates only)."""
    if doc is None:
        anchor = parse_anchor(ex.published or ex.modified)
        art = _record(ex, [])
        art.dates = find_dates(ex.body, anchor, plan.dates if plan else None)
        from newsgraph.annotate.date_evidence import relearn

        relearn(art.dates, ex.body, (ex.published or ex.modified or "")[:10] or None)  # as the pipeline's dates do
    else:
        art = _record(ex, list(doc._.ng_entities or []), doc)
        art.quotes = list(doc._.ng_quotes or [])
        art.events = list(doc._.ng_events or [])
        art.facts = list(doc._.ng_facts or [])
        art.dates = list(doc._.ng_dates or [])
    if plan is not None:
        art.annotations = plan.annotations()
    if doc is not None:
        register = doc_register(doc)
        if register.kind:  # provenance of the topic scores it lowered (page_register.py); news pages carry none
            art.annotations = {**art.annotations, "register": {"kind": register.kind, **register.evidence}}
    return art


def _own_plan(nlp: Language, ex: Extracted) -> Plan:
    """The caller's own pipeline annotated the article: name it, claim nothing skipped."""
    name = f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}".strip("_") or None
    return Plan(ex.language, name, tuple(nlp.pipe_names), None, (), None)


def _record(ex: Extracted, entities: list, doc: Doc | None = None) -> Article:
    topics: dict[str, list[str]] = {k: [] for k in TOPIC_KEYS.values()}
    topics_confidence: dict[str, list[float]] = {k: [] for k in TOPIC_KEYS.values()}
    scored = doc is not None and doc._.ng_topics is not None
    if scored:
        for key, name, conf in doc._.ng_topics:
            topics[key].append(name)
            topics_confidence[key].append(conf)
    else:  # a pipeline without newsgraph_confidence: every typed entity, unscored
        for e in sorted(entities, key=lambda e: -e.salience):
            key = TOPIC_KEYS.get(e.type)
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
        topics_confidence=topics_confidence if scored else {},
        crossheads=list(ex.crossheads),
        kind=ex.kind,
        fetched_url=ex.fetched_url,
        fetched_at=ex.fetched_at,
        language_confidence=ex.language_confidence,
        page_type=ex.page_type,
        urls=list(ex.urls),
    )


def annotate(ex: Extracted, nlp: Language | None = None) -> Article:
    """One article's record: with `nlp` given, that pipeline annotates it; else the pipeline of its language."""
    if nlp is not None:
        return to_article(ex, nlp(make_doc(nlp, ex)), _own_plan(nlp, ex))
    return next(annotate_many([ex]))


def annotate_many(items: Iterable[Extracted], nlp: Language | None = None, batch_size: int | None = None) -> Iterator[Article]:
    """Stream many articles through `nlp.pipe` in batches; output order follows input order.

    Without `nlp`, articles go to the pipeline of their language (grouped per batch, so a mixed crawl runs each
    model on its own articles only); a language without one gets its record with dates only. A batch holds at most
    `batch_size` articles and NEWSGRAPH_BATCH_TOKENS words (annotate/batching.py: the memory peak).
    """
    settings = get_settings()
    batch_size = batch_size or settings.batch_size
    max_tokens = settings.batch_tokens
    items = list(items) if not isinstance(items, list) else items
    if nlp is not None:
        docs = (make_doc(nlp, ex) for ex in items)
        for ex, doc in zip(items, pipe_bounded(nlp, docs, batch_size, max_tokens), strict=True):
            yield to_article(ex, doc, _own_plan(nlp, ex))
        return
    for start in range(0, len(items), batch_size):
        chunk = items[start : start + batch_size]
        out: list[Article | None] = [None] * len(chunk)
        groups: dict[str, list[int]] = {}
        for i, ex in enumerate(chunk):
            groups.setdefault(ex.language, []).append(i)
        for language, idx in groups.items():
            plan = plan_for(language)
            lang_nlp = language_pipeline(language) if plan.package else None
            if lang_nlp is None:
                for i in idx:
                    out[i] = to_article(chunk[i], None, plan)
                continue
            docs = pipe_bounded(lang_nlp, (make_doc(lang_nlp, chunk[i]) for i in idx), batch_size, max_tokens)
            for i, doc in zip(idx, docs, strict=True):
                out[i] = to_article(chunk[i], doc, plan)
        yield from out  # type: ignore[misc]
