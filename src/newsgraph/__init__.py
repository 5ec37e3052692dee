"""newsgraph: raw news -> article records with entities, quotes, events, facts and dates.

    >>> import newsgraph
    >>> art = newsgraph.analyze(open("page.html", "rb").read())
    >>> art.to_dict()["topics"]
    >>> for rec in newsgraph.analyze_many(pages, workers=2):   # a stream of pages, in input order
    ...     print(rec.id if isinstance(rec, newsgraph.Article) else rec)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Literal

from newsgraph.errors import InputError
from newsgraph.records import Article, RawDocument

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["Article", "InputError", "RawDocument", "analyze", "analyze_many", "pipeline"]
__version__ = "0.1.0"

#: What `analyze_many` takes per item: raw bytes or text, a (data, url) pair, or a RawDocument.
Page = bytes | str | tuple[bytes | str, str | None] | RawDocument


def analyze(data: bytes | str, kind: str = "auto", url: str | None = None, input: str = "<data>") -> Article:
    """Analyze one page (HTML, scraped text or a clean body) into an Article record."""
    from newsgraph.pipeline import analyze_document

    raw = data.encode("utf-8") if isinstance(data, str) else data
    return analyze_document(RawDocument(input=input, data=raw, kind=kind, url=url))


def _raw(item: Page, i: int, kind: str) -> RawDocument:
    if isinstance(item, RawDocument):
        return item
    url = None
    if isinstance(item, tuple):
        item, url = item
    if not isinstance(item, (bytes, str)):
        raise TypeError(f"analyze_many: item {i} is {type(item).__name__}; expected bytes, str, (data, url) or RawDocument")
    data = item.encode("utf-8") if isinstance(item, str) else item
    return RawDocument(input=url or f"<data {i}>", data=data, kind=kind, url=url)


def analyze_many(
    pages: Iterable[Page], workers: int = 1, kind: str = "auto", dedup: bool = True,
    errors: Literal["yield", "raise", "skip"] = "yield",
) -> Iterator[Article | InputError]:
    """Analyze a stream of pages lazily, in input order, with `workers` processes (what `analyze --workers` runs).

    Items are raw bytes or text, `(data, url)` pairs or `RawDocument`s; an item named by its URL (else
    `<data N>`, N counting from 0) reports under that name. A page that cannot be an article comes out as an
    `InputError` in its place (`errors="yield"`), is dropped (`"skip"`) or raised (`"raise"`); the rest go on.
    At most `workers * 4` chunks are in flight, so an endless iterable streams in bounded memory.
    With `dedup`, an exact repeat (same URL and text) is skipped and every record gets its `cluster`.
    """
    from newsgraph.parallel import analyze_parallel

    docs = (_raw(item, i, kind) for i, item in enumerate(pages))
    for rec in analyze_parallel(docs, workers=workers, dedup=dedup):
        if isinstance(rec, InputError):
            if errors == "raise":
                raise rec
            if errors == "skip":
                continue
        yield rec


def pipeline(model: str | None = None) -> Language:
    """The spaCy `Language` with newsgraph's components added, for use in your own code."""
    from newsgraph.annotate import load_pipeline

    return load_pipeline(model)
