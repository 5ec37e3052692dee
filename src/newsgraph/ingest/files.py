"""Files, folders and stdin -> RawDocument (or an InputError naming what could not be read and why).

Memory is bounded by the size limit (settings.max_input_bytes, NEWSGRAPH_MAX_INPUT_BYTES): a page is never read
or decompressed past it, and WARC files, which hold many pages, are streamed record by record instead.
"""

from __future__ import annotations

import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgraph.errors import FailureKind, InputError
from newsgraph.ingest.nonpage import what_is
from newsgraph.ingest.sniff import is_gzip, sniff_kind
from newsgraph.ingest.warc import iter_warc
from newsgraph.records import RawDocument
from newsgraph.settings import get_settings

#: Record files in a folder: left to `ingest`, which loads them as records (ingest/recognise.py).
_RECORD_SUFFIXES = {".json", ".jsonl"}
#: Files in a folder that cannot be pages, told by name: skipped, and counted as skipped.
_SKIP_SUFFIXES = {".md", ".py", ".css", ".js", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".ico", ".pdf",
                  ".mp3", ".mp4", ".zip", ".parquet"}
#: What to do with a URL given as an input: `analyze` and `ingest` read files; `fetch` brings pages in.
URL_HINT = ("a URL, not a file: bring the page in with `newsgraph fetch URL` (it fetches politely, analyses and "
            "stores it), or save the page and analyse the file")
_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)\S+$", re.I)


def looks_like_url(name: str) -> bool:
    """`https://example.org/story`, `www.example.org/story`: an address, not a path on this machine."""
    return bool(_URL.match(name.strip()))


def walk(paths: Iterable[str]) -> Iterator[str]:
    """Expand folders recursively (sorted, so runs are reproducible); keep files and '-' as given."""
    for name, _ in _walk(paths):
        yield name


def _walk(paths: Iterable[str], leave_records: bool = True) -> Iterator[tuple[str, bool]]:
    """(name, found in a folder) for every input; hidden files left out, and record files of folders unless
    `leave_records` is False (then they come out, to be counted as skipped)."""
    for p in paths:
        if p == "-":
            yield p, False
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith(".") and (
                        not leave_records or child.suffix.lower() not in _RECORD_SUFFIXES):
                    yield str(child), True
        else:
            yield p, False


def _too_large(name: str, limit: int, size: int | None = None) -> InputError:
    got = f"{size:,} bytes" if size is not None else f"more than {limit:,} bytes"
    return InputError(name, f"too large ({got}; limit {limit:,} bytes, set NEWSGRAPH_MAX_INPUT_BYTES to change it)")


def read_bytes(name: str, limit: int) -> bytes:
    """Read a whole input, refusing more than `limit` bytes without reading them all into memory."""
    try:
        if name == "-":
            data = sys.stdin.buffer.read(limit + 1)
        else:
            path = Path(name)
            if not path.exists():
                if looks_like_url(name):
                    raise InputError(name, URL_HINT)
                raise InputError(name, "no such file")
            if not path.is_file():
                raise InputError(name, "not a regular file")
            size = path.stat().st_size
            if size > limit:
                raise _too_large(name, limit, size)
            with path.open("rb") as fh:
                data = fh.read(limit + 1)
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise _too_large(name, limit)
    return data


def gunzip(name: str, data: bytes, limit: int) -> bytes:
    """Decompress gzip data (all members), refusing output past `limit` bytes (a gzip bomb stays small)."""
    out = []
    total = 0
    try:
        while data:
            d = zlib.decompressobj(wbits=31)
            chunk = d.decompress(data, limit + 1 - total)
            total += len(chunk)
            out.append(chunk)
            if total > limit or d.unconsumed_tail:
                raise _too_large(name, limit)
            if not d.eof:
                raise InputError(name, "truncated gzip data")
            data = d.unused_data.lstrip(b"\x00")
    except zlib.error as exc:
        raise InputError(name, f"corrupt gzip data: {exc}") from None
    return b"".join(out)


def is_warc_file(path: Path) -> bool:
    """A WARC file (plain, or gzip whose first member starts a WARC record), judged by content."""
    with path.open("rb") as fh:
        head = fh.read(64 * 1024)
    if head.startswith(b"WARC/"):
        return True
    if is_gzip(head):
        try:
            return zlib.decompressobj(wbits=31).decompress(head, 5) == b"WARC/"
        except zlib.error:
            return False
    return False


def _document(
    name: str, kind: str, url: str | None, limit: int, data: bytes | None = None, in_folder: bool = False
) -> Iterator[RawDocument | InputError]:
    path = Path(name)
    if in_folder and path.suffix.lower() in _RECORD_SUFFIXES:
        raise InputError(name, "not a page (JSON file; `newsgraph ingest` loads JSON records)", FailureKind.skipped)
    if in_folder and path.suffix.lower() in _SKIP_SUFFIXES:
        raise InputError(name, f"not a page ({path.suffix.lower()} file)", FailureKind.skipped)
    if data is None and name != "-" and kind in ("auto", "warc") and path.is_file() and is_warc_file(path):
        yield from iter_warc(name)
        return
    if data is None:
        data = read_bytes(name, limit)
    elif len(data) > limit:
        raise _too_large(name, limit, len(data))
    if kind == "warc":
        raise InputError(name, "not a WARC file")
    if is_gzip(data):
        data = gunzip(name, data, limit)
    if not data.strip():
        raise InputError(name, "empty input")
    if kind == "auto" and sniff_kind(data) == "warc":
        raise InputError(name, "looks like WARC but cannot be read as a WARC file")
    if in_folder and (found := what_is(data)) is not None:  # a feed or sitemap among the pages: skipped, counted
        raise InputError(name, found.problem(), FailureKind.skipped)
    yield RawDocument(input=name, data=data, kind=kind, url=url)


def iter_documents(
    paths: Iterable[str], kind: str = "auto", url: str | None = None, leave_records: bool = True
) -> Iterator[RawDocument | InputError]:
    """Yield one RawDocument per article (a WARC yields many), or an InputError for an input that failed.

    Errors are yielded, not raised, so a batch goes on and the caller decides how to report them; an unexpected
    exception while reading one input is that input's failure too. Files of folders that are no page (a feed,
    an image) come out as InputErrors of kind `skipped`, for the caller to count; `leave_records`: JSON files of
    folders are not looked at (`ingest` loads them as records), else they are counted as skipped too.
    """
    for name, in_folder in _walk(paths, leave_records):
        yield from documents_of(name, kind, url, in_folder=in_folder)


def documents_of(
    name: str, kind: str = "auto", url: str | None = None, data: bytes | None = None, in_folder: bool = False
) -> Iterator[RawDocument | InputError]:
    """The documents of one input (a file, '-' for stdin, or `data` already read from it), errors yielded;
    `in_folder`: found by a folder walk (a file that is no page is skipped, not an error)."""
    try:
        yield from _document(name, kind, url, get_settings().max_input_bytes, data, in_folder)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(name, f"cannot read: {exc.strerror or exc}")
    except Exception as exc:
        yield InputError.internal(name, exc, "reading")
