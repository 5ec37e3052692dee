"""Exact duplicates dropped, near-duplicates (wire copies) grouped, within one batch.

Why MinHash over word shingles: the same agency story reprinted by many sites differs in a byline, a trimmed last
paragraph or a site's own furniture; the share of common 5-word shingles (Jaccard) stays high, and MinHash + LSH
(datasketch) finds those pairs in about constant time per article instead of comparing every pair.

Within a batch means: one `newsgraph analyze`/`ingest` run, or one Spark task (one WARC file). Every article
gets `cluster` = the id of the first article of its group in the batch (its own id when it has no near copy), so
"count distinct cluster" counts stories, not pages. Memory: one signature (num_perm 64-bit ints) per article.

datasketch is imported when a second article long enough to cluster arrives (importing it imports scipy: about
0.4 s, a seventh of a one-page `newsgraph analyze`). The first such article has nothing to be compared with, so
its cluster is its own id either way; its signature is built then, from the shingles kept (the same signature:
MinHash's permutations are seeded).
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from newsgraph.errors import InputError
from newsgraph.records import Article

if TYPE_CHECKING:
    from datasketch import MinHash, MinHashLSH

log = logging.getLogger("newsgraph.dedup")

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = 5) -> set[bytes]:
    """Lower-cased word `size`-grams of `text` (fewer words than `size`: the whole text as one shingle)."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def body_key(article: Article) -> tuple[str, str, tuple[str, ...]]:
    """Exact-duplicate key: the URL, the whitespace-normalised body and the URLs the page was reached by.

    Why the URLs: a page reached by a second URL (a redirect, a tracking spelling of its canonical URL) has the
    same id and body but adds provenance; it goes on, and the store keeps one article with both URLs
    (StoreWriter.put merges `urls`). The same record read twice adds nothing and is skipped."""
    body = " ".join(article.body.split())
    return (article.url or "", hashlib.sha1(body.encode("utf-8")).hexdigest(), tuple(article.urls))


class Deduplicator:
    """Streams articles: drops exact repeats (URL and body), assigns `cluster` by MinHash LSH.

    threshold: estimated Jaccard of shingle sets above which two bodies are copies of one story.
    min_words: bodies shorter than this are not clustered (too little text to tell a copy from a coincidence).
    """

    def __init__(self, threshold: float = 0.7, num_perm: int = 64, shingle: int = 5, min_words: int = 40):
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle = shingle
        self.min_words = min_words
        self._lsh: MinHashLSH | None = None  # made (datasketch imported) for the second clusterable article
        self._first: tuple[str, list[bytes]] | None = None  # the first one's handle and shingles until then
        self._sigs: dict[str, MinHash] = {}
        self._cluster: dict[str, str] = {}
        self._seen: dict[tuple[str, str], str] = {}
        self._inputs: dict[str, str] = {}
        self._n = 0

    def minhash(self, text: str) -> MinHash | None:
        grams = self._shingles(text)
        return None if grams is None else self._signature(grams)

    def _shingles(self, text: str) -> list[bytes] | None:
        """The shingles a signature is made of; None for a body too short to cluster."""
        if len(_WORD.findall(text)) < self.min_words:
            return None
        return list(shingles(text, self.shingle))

    def _signature(self, grams: list[bytes]) -> MinHash:
        from datasketch import MinHash

        m = MinHash(num_perm=self.num_perm)
        m.update_batch(grams)
        return m

    def _index(self) -> MinHashLSH:
        """The LSH index, made on first need, with the first clusterable article's signature in it."""
        if self._lsh is None:
            from datasketch import MinHashLSH

            self._lsh = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm)
            if self._first is not None:
                handle, grams = self._first
                self._first = None
                self._sigs[handle] = m = self._signature(grams)
                self._lsh.insert(handle, m)
        return self._lsh

    def assign(self, article: Article) -> bool:
        """Set `article.cluster`; return False when the article repeats an earlier one exactly (URL and body)."""
        key = body_key(article)
        if key in self._seen:
            article.cluster = self._cluster.get(self._seen[key])
            return False
        self._n += 1
        handle = f"{self._n}"
        self._seen[key] = handle
        self._inputs[handle] = article.input
        grams = self._shingles(article.body)
        cluster = article.id
        if grams is not None and self._lsh is None and self._first is None:
            self._first = (handle, grams)  # nothing to compare it with yet: its own cluster, no datasketch
        elif grams is not None:
            lsh = self._index()
            m = self._signature(grams)
            best = None
            for cand in lsh.query(m):
                if m.jaccard(self._sigs[cand]) >= self.threshold and (best is None or int(cand) < int(best)):
                    best = cand
            if best is not None:
                cluster = self._cluster[best]
            lsh.insert(handle, m)
            self._sigs[handle] = m
        self._cluster[handle] = cluster
        article.cluster = cluster
        return True

    def mark(self, items: Iterable[Article | InputError]) -> Iterator[tuple[Article | InputError, str | None]]:
        """Yield (item, None) for errors and first copies (with `cluster` set), (article, first input) for repeats."""
        for item in items:
            if isinstance(item, InputError) or self.assign(item):
                yield item, None
            else:
                yield item, self._inputs.get(self._seen[body_key(item)], "an earlier input")

    def filter(self, items: Iterable[Article | InputError]) -> Iterator[Article | InputError]:
        """Pass errors through; yield each article once, with its cluster; note skipped repeats on stderr."""
        for item, first in self.mark(items):
            if first is None:
                yield item
            else:
                log.warning("newsgraph: note: %s: %s", item.input, duplicate_reason(item, first))


def duplicate_reason(article: Article, first: str) -> str:
    return f"skipped, same {'URL and text' if article.url else 'text'} as {first}"
