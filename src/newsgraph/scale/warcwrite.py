"""Write HTML pages as a WARC (or WARC.gz, one gzip member per record, as crawlers write them).

Why our own few lines: fastwarc reads but does not write, and warcio would be a dependency for ~30 lines. Used by
the tests and the speed benchmark to pack pages into the form the Spark job reads.
"""

from __future__ import annotations

import gzip
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path


def response_record(url: str, html: bytes, date: str | None = None, content_type: str = "text/html; charset=utf-8") -> bytes:
    """One WARC/1.1 response record holding an HTTP 200 response with `html`."""
    http = (
        b"HTTP/1.1 200 OK\r\n"
        + f"Content-Type: {content_type}\r\nContent-Length: {len(html)}\r\n\r\n".encode("ascii")
        + html
    )
    date = date or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    head = (
        "WARC/1.1\r\n"
        "WARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
        f"WARC-Date: {date}\r\n"
        f"WARC-Target-URI: {url}\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def write_warc(path: str | Path, pages: Iterable[tuple[str, bytes]], compress: bool | None = None) -> Path:
    """Write (url, html) pairs as response records; gzip per record when `compress` (default: name ends .gz)."""
    path = Path(path)
    compress = path.name.endswith(".gz") if compress is None else compress
    with path.open("wb") as fh:
        for url, html in pages:
            rec = response_record(url, html)
            fh.write(gzip.compress(rec) if compress else rec)
    return path
