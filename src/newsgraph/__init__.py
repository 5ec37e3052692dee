"""newsgraph: raw news -> article records with entities, quotes, events, facts and dates.

    >>> import newsgraph
    >>> art = newsgraph.analyze(open("page.html", "rb").read())
    >>> art.to_dict()["topics"]
"""

from __future__ import annotations

from spacy.language import Language

from newsgraph.errors import InputError
from newsgraph.records import Article, RawDocument

__all__ = ["Article", "InputError", "analyze", "pipeline"]
__version__ = "0.1.0"


def analyze(data: bytes | str, kind: str = "auto", url: str | None = None, input: str = "<data>") -> Article:
    """Analyze one page (HTML, scraped text or a clean body) into an Article record."""
    from newsgraph.pipeline import analyze_document

    raw = data.encode("utf-8") if isinstance(data, str) else data
    return analyze_document(RawDocument(input=input, data=raw, kind=kind, url=url))


def pipeline(model: str | None = None) -> Language:
    """The spaCy `Language` with newsgraph's components added, for use in your own code."""
    from newsgraph.annotate import load_pipeline

    return load_pipeline(model)
