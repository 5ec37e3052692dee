"""The Doc extension attributes our components read and write.

Every component reads what earlier ones left on the Doc and adds its own attribute, so users can add any of our
components to their own spaCy pipelines and read the results from `doc._`.
"""

from __future__ import annotations

from spacy.tokens import Doc

#: name -> default. Lists are created per Doc by a getter-free default of None and filled by the components.
ATTRIBUTES = {
    "ng_meta": None,  # dict: title, published (ISO), modified, standfirst... set by the caller before the pipeline
    "ng_entities": None,  # list[records.Entity]
    "ng_demonyms": None,  # ISO country codes of demonyms seen ("Syrian" -> SY), set by newsgraph_entities
    "ng_dates": None,  # list[records.DateRef]
    "ng_facts": None,  # list[records.Fact]
    "ng_quotes": None,  # list[records.Quote]
    "ng_events": None,  # list[records.Event]
    "ng_entity_evidence": None,  # {(start, end) of a mention: evidence summary of its entity}, newsgraph_entities
    "ng_topics": None,  # list[(topic key, name, confidence)], set by newsgraph_confidence, most salient first
}


def register_extensions() -> None:
    for name, default in ATTRIBUTES.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def article_date(doc: Doc) -> str | None:
    """The article's own date (ISO yyyy-mm-dd), the anchor for relative dates: published, else modified."""
    meta = doc._.ng_meta or {}
    for key in ("published", "modified"):
        value = meta.get(key)
        if value:
            return str(value)[:10]
    return None


register_extensions()
