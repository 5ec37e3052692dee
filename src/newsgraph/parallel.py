"""Run the stage functions in this process or a process pool (first version: in-process only)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from newsgraph.errors import InputError
from newsgraph.pipeline import analyze_stream
from newsgraph.records import Article, RawDocument


def analyze_parallel(docs: Iterable[RawDocument | InputError], workers: int = 1) -> Iterator[Article | InputError]:
    """Analyze documents, keeping input order; errors are passed through as InputError items."""
    yield from analyze_stream(docs)
