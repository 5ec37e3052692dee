"""WARC and WARC.gz files -> one RawDocument per HTTP response record holding HTML (fastwarc).

The record's `input` is "file#offset" (the record's byte offset in the file) so any record can be found again.
"""

from __future__ import annotations

from collections.abc import Iterator

from fastwarc.warc import ArchiveIterator, WarcRecordType

from newsgraph.errors import InputError
from newsgraph.records import RawDocument
from newsgraph.settings import get_settings

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def iter_warc(name: str, stream=None) -> Iterator[RawDocument | InputError]:
    """Yield RawDocuments for HTML responses; an InputError for a bad record or a truncated file."""
    limit = get_settings().max_input_bytes
    fh = stream if stream is not None else open(name, "rb")
    count = 0
    last_offset = -1
    try:
        try:
            for record in ArchiveIterator(fh, record_types=WarcRecordType.response, parse_http=True):
                last_offset = record.stream_pos
                ref = f"{name}#{record.stream_pos}"
                http = record.http_headers
                ctype = (http.get("Content-Type", "") if http is not None else "").lower()
                if http is None or not any(t in ctype for t in _HTML_TYPES):
                    continue
                if record.content_length > limit:
                    yield InputError(ref, f"record too large ({record.content_length:,} bytes; limit {limit:,})")
                    continue
                body = record.reader.read()
                count += 1
                if not body.strip():
                    yield InputError(ref, "empty HTTP response body")
                    continue
                headers = {"content-type": ctype}
                date = record.headers.get("WARC-Date")
                if date:
                    headers["warc-date"] = date
                yield RawDocument(
                    input=ref, data=body, kind="html", url=record.headers.get("WARC-Target-URI"), headers=headers
                )
        except Exception as exc:  # fastwarc raises plain exceptions on corrupt streams
            yield InputError(f"{name}#{last_offset}", f"corrupt WARC data: {exc}")
            return
        truncated = _truncated(name) if stream is None else None
        if truncated:
            yield InputError(name, truncated)
        elif count == 0:
            yield InputError(name, "WARC file holds no HTML response records")
    finally:
        if stream is None:
            fh.close()


def _truncated(name: str) -> str | None:
    """Check that the file ends where its last record says it should (fastwarc stops quietly otherwise)."""
    import gzip

    try:
        with open(name, "rb") as fh:
            head = fh.read(2)
        if head == b"\x1f\x8b":
            with gzip.open(name, "rb") as gz:
                while gz.read(1 << 20):
                    pass
            return None
        with open(name, "rb") as fh:
            total = 0
            pos = 0
            fh.seek(0, 2)
            size = fh.tell()
            fh.seek(0)
            while pos < size:
                line = fh.readline()
                if not line:
                    break
                if not line.startswith(b"WARC/"):
                    if line.strip():
                        return f"unexpected data at byte {pos} (not a WARC record header)"
                    pos = fh.tell()
                    continue
                length = None
                while True:
                    h = fh.readline()
                    if not h or h in (b"\r\n", b"\n"):
                        break
                    if h.lower().startswith(b"content-length:"):
                        length = int(h.split(b":", 1)[1].strip())
                if length is None:
                    return f"record at byte {pos} has no Content-Length"
                if fh.tell() + length > size:
                    return f"truncated: record at byte {pos} needs {length:,} bytes, file ends first"
                fh.seek(length, 1)
                total += 1
                pos = fh.tell()
    except (OSError, EOFError, ValueError) as exc:
        return f"truncated or corrupt: {exc}"
    return None
