"""WARC and WARC.gz files -> one RawDocument per successful (2xx) HTTP response record holding HTML (fastwarc).

The record's `input` is "file#offset" (the record's byte offset in the file) so any record can be found again.
A damaged file yields the good records before the damage and then one InputError that says where it broke:
fastwarc stops quietly at a truncated record, so the file is checked against its own Content-Length headers.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from typing import BinaryIO
from urllib.parse import urljoin

from fastwarc.warc import ArchiveIterator, WarcRecordType

from newsgraph.errors import InputError
from newsgraph.records import REDIRECTED_FROM, RawDocument
from newsgraph.settings import get_settings

_HTML_TYPES = ("text/html", "application/xhtml+xml")


#: Redirects remembered per WARC file (a crawl of millions of pages must not grow without bound).
MAX_REDIRECTS = 100_000


class Redirects:
    """The 3xx responses of one WARC: which URL a redirect chain started from, by the URL it led to.

    Why: a page asked for as A and answered at B (A -> 301 -> B) is one page reached by two URLs; its record keeps
    A in `urls` as provenance. Redirects are archived before the page they lead to, as fetch and crawlers write them.
    """

    def __init__(self, limit: int = MAX_REDIRECTS):
        self.limit = limit
        self._from: dict[str, str] = {}

    def note(self, url: str, location: str | None) -> None:
        if not location or not location.strip():
            return
        if len(self._from) >= self.limit:
            self._from.clear()
        self._from[urljoin(url, location.strip())] = self._from.get(url, url)

    def origin(self, url: str | None) -> str | None:
        return self._from.get(url) if url else None


def iter_warc(name: str, stream: BinaryIO | None = None) -> Iterator[RawDocument | InputError]:
    """Yield RawDocuments for HTML responses; an InputError for a bad record or a truncated/corrupt file.

    `stream` (seekable, e.g. a BytesIO of a file Spark read) replaces opening `name`.
    """
    limit = get_settings().max_input_bytes
    try:
        fh = stream if stream is not None else open(name, "rb")
    except OSError as exc:
        yield InputError(name, f"cannot read: {exc.strerror or exc}")
        return
    count = 0
    last_offset = 0
    redirects = Redirects()
    truncated = False
    try:
        try:
            for record in ArchiveIterator(fh, record_types=WarcRecordType.response, parse_http=True):
                last_offset = record.stream_pos
                ref = f"{name}#{record.stream_pos}"
                http = record.http_headers
                target = record.headers.get("WARC-Target-URI")
                if http is not None and 300 <= (http.status_code or 0) < 400 and target:
                    redirects.note(target, http.get("Location"))
                    continue
                ctype = (http.get("Content-Type", "") if http is not None else "").lower()
                if http is None or not any(t in ctype for t in _HTML_TYPES):
                    continue
                if not 200 <= (http.status_code or 0) < 300:
                    continue  # a redirect, error or 304 page is not the article (fetch records it as a failure)
                count += 1
                if record.content_length > limit:
                    yield InputError(
                        ref, f"record too large ({record.content_length:,} bytes; limit {limit:,}, see NEWSGRAPH_MAX_INPUT_BYTES)"
                    )
                    continue
                body = record.reader.read()
                if len(body) < record.content_length:
                    truncated = True
                    yield InputError(ref, f"truncated record: {len(body):,} of {record.content_length:,} bytes")
                    continue
                if not body.strip():
                    yield InputError(ref, "empty HTTP response body")
                    continue
                headers = {"content-type": ctype}
                date = record.headers.get("WARC-Date")
                if date:
                    headers["warc-date"] = date
                origin = redirects.origin(target)
                if origin:
                    headers[REDIRECTED_FROM] = origin
                yield RawDocument(input=ref, data=body, kind="html", url=target, headers=headers)
        except Exception as exc:  # fastwarc raises plain exceptions on corrupt streams
            yield InputError(f"{name}#{last_offset}", f"corrupt WARC data: {exc}")
            return
        problem = _damage(fh) if fh.seekable() and not truncated else None
        if problem:
            yield InputError(name, problem)
        elif count == 0:
            yield InputError(name, "WARC file holds no HTML response records")
    finally:
        if stream is None:
            fh.close()


def _damage(fh: BinaryIO) -> str | None:
    """Check that the file ends where its last record says it should (fastwarc stops quietly otherwise)."""
    try:
        fh.seek(0)
        head = fh.read(2)
        fh.seek(0)
        if head == b"\x1f\x8b":
            try:
                with gzip.GzipFile(fileobj=fh, mode="rb") as gz:
                    return _check_records(gz, "the decompressed data")
            except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
                return f"truncated or corrupt gzip data: {exc}"
        return _check_records(fh, "the file")
    except (OSError, ValueError) as exc:
        return f"truncated or corrupt: {exc}"


def _check_records(fh, what: str) -> str | None:
    """Walk the record headers, skipping each record's content by its Content-Length."""
    pos = 0
    while True:
        line = fh.readline()
        if not line:
            return None
        if not line.strip():
            pos += len(line)
            continue
        if not line.startswith(b"WARC/"):
            return f"unexpected data at byte {pos} of {what} (not a WARC record header)"
        start = pos
        pos += len(line)
        length = None
        while True:
            h = fh.readline()
            pos += len(h)
            if not h:
                return f"truncated: record at byte {start} ends inside its header"
            if h in (b"\r\n", b"\n"):
                break
            if h.lower().startswith(b"content-length:"):
                try:
                    length = int(h.split(b":", 1)[1].strip())
                except ValueError:
                    return f"record at byte {start} has a bad Content-Length"
        if length is None:
            return f"record at byte {start} has no Content-Length"
        got = _skip(fh, length)
        pos += got
        if got < length:
            return f"truncated: record at byte {start} needs {length:,} bytes, {what} ends after {got:,}"


def _skip(fh, n: int) -> int:
    """Read past n bytes (works on gzip streams too); return how many there were."""
    done = 0
    while done < n:
        chunk = fh.read(min(1 << 20, n - done))
        if not chunk:
            break
        done += len(chunk)
    return done
