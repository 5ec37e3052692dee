"""Files, folders and stdin -> RawDocument."""

from __future__ import annotations

import gzip
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.ingest.sniff import is_gzip, sniff_kind
from newsgraph.ingest.warc import iter_warc
from newsgraph.records import RawDocument
from newsgraph.settings import get_settings

#: Files skipped when walking a folder: hidden files and obvious non-articles.
_SKIP_SUFFIXES = {".json", ".jsonl", ".md", ".py", ".css", ".js", ".png", ".jpg", ".jpeg", ".gif", ".pdf"}


def walk(paths: Iterable[str]) -> Iterator[str]:
    """Expand folders recursively (sorted, so runs are reproducible); keep files and '-' as given."""
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith(".") and child.suffix.lower() not in _SKIP_SUFFIXES:
                    yield str(child)
        else:
            yield p


def read_bytes(name: str, limit: int) -> bytes:
    """Read a whole input, refusing more than `limit` bytes without reading them all into memory."""
    try:
        if name == "-":
            data = sys.stdin.buffer.read(limit + 1)
        else:
            path = Path(name)
            if not path.exists():
                raise InputError(name, "no such file")
            if path.stat().st_size > limit and not _is_warc_file(path):
                raise InputError(name, f"too large ({path.stat().st_size:,} bytes; limit {limit:,}, see NEWSGRAPH_MAX_INPUT_BYTES)")
            with path.open("rb") as fh:
                data = fh.read(limit + 1)
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise InputError(name, f"too large (more than {limit:,} bytes; see NEWSGRAPH_MAX_INPUT_BYTES)")
    return data


def _is_warc_file(path: Path) -> bool:
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(b"WARC/"):
        return True
    if is_gzip(head):
        try:
            with gzip.open(path, "rb") as gz:
                return gz.read(5) == b"WARC/"
        except OSError:
            return False
    return False


def iter_documents(
    paths: Iterable[str], kind: str = "auto", url: str | None = None
) -> Iterator[RawDocument | InputError]:
    """Yield one RawDocument per article (a WARC yields many), or an InputError for an input that failed.

    Errors are yielded, not raised, so a batch goes on and the caller decides how to report them.
    """
    limit = get_settings().max_input_bytes
    for name in walk(paths):
        try:
            if name != "-" and kind in ("auto", "warc") and Path(name).is_file() and _is_warc_file(Path(name)):
                yield from iter_warc(name)
                continue
            if kind == "warc":
                raise InputError(name, "not a WARC file")
            data = read_bytes(name, limit)
            if is_gzip(data):
                try:
                    data = gzip.decompress(data)
                except (OSError, EOFError) as exc:
                    raise InputError(name, f"broken gzip data: {exc}") from None
            if not data.strip():
                raise InputError(name, "empty input")
            if kind == "auto" and sniff_kind(data) == "warc":
                raise InputError(name, "looks like WARC but cannot be read as a WARC file")
            yield RawDocument(input=name, data=data, kind=kind, url=url)
        except InputError as exc:
            yield exc
