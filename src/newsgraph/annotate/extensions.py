"""The Doc extension attributes our components read and write.

Every component reads what earlier ones left on the Doc and adds its own attribute, so users can add any of our
components to their own spaCy pipelines and read the results from `doc._`.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.annotate.resolve import doc_text

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


#: the longest first line of a body that still reads as its heading (words), and the punctuation that ends a sentence
HEADING_MAX_WORDS = 12
_SENTENCE_END = (".", "!", "?", ":", ";", ",", '"', "\u201d")


def leading_heading(text: str) -> str:
    """The body's first line when it is a heading ("Otto Jespersen", "York"): short, not a sentence, a line of its
    own followed by more text. Text dumps and scraped bodies often keep the headline as their first line; "" when
    the first line is prose."""
    first, sep, rest = text.lstrip().partition("\n")
    first = first.strip()
    if not sep or not rest.strip() or not first or len(first.split()) > HEADING_MAX_WORDS:
        return ""
    if first.endswith(_SENTENCE_END) or not first[:1].isupper():
        return ""
    return first


def headline(doc: Doc) -> str:
    """The article's title and standfirst (metadata); without a title, the body's leading heading."""
    meta = doc._.ng_meta or {}
    title = meta.get("title") or leading_heading(doc_text(doc)[:400])
    return " ".join(x for x in (title, meta.get("standfirst")) if x)


register_extensions()
