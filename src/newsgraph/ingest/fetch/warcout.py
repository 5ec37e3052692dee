"""Every HTTP exchange of a fetch run -> a WARC file (warcio): a request record and a response record per exchange.

Why: a fetch is reproducible only if what the server sent is kept; `newsgraph ingest RUN.warc.gz` later reads the
same bytes with the same URL and date and so gives the same records.

Payloads are stored decoded, as Common Crawl stores them: httpx undoes Content-Encoding (gzip, br), so the
response headers keep it as `X-Crawler-Content-Encoding` and Content-Length is the stored length. Otherwise a
WARC reader would try to inflate an already inflated payload. Each record is its own gzip member and the file
is flushed after every exchange, so a run killed mid-way leaves a readable WARC of what it fetched.
"""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

#: Response headers that describe the transfer, not the stored payload: renamed with this prefix.
_TRANSFER_HEADERS = ("content-encoding", "transfer-encoding")
_PREFIX = "X-Crawler-"


class WarcArchive:
    """One WARC.gz file per run in `folder`, named by the start time and the process id (never overwritten)."""

    def __init__(self, folder: str | Path, user_agent: str):
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d%H%M%S", time.gmtime())
        self.path = folder / f"newsgraph-fetch-{stamp}-{os.getpid()}.warc.gz"
        n = 1
        while self.path.exists():
            n += 1
            self.path = folder / f"newsgraph-fetch-{stamp}-{os.getpid()}-{n}.warc.gz"
        self._fh = self.path.open("wb")
        self._writer = WARCWriter(self._fh, gzip=True, warc_version="1.1")
        info = self._writer.create_warcinfo_record(
            self.path.name, {"software": user_agent, "format": "WARC File Format 1.1", "robots": "obey"})
        self._writer.write_record(info)
        self._fh.flush()

    def write(self, *, url: str, date: str, method: str, request_target: str, request_headers: list[tuple[str, str]],
              status: int, reason: str, response_headers: list[tuple[str, str]], body: bytes,
              protocol: str = "HTTP/1.1") -> None:
        """Append one exchange: the response record, then the request record pointing to it."""
        headers = []
        for name, value in response_headers:
            low = name.lower()
            if low in _TRANSFER_HEADERS:
                headers.append((_PREFIX + name, value))
            elif low != "content-length":
                headers.append((name, value))
        headers.append(("Content-Length", str(len(body))))
        warc_headers = {"WARC-Date": date}
        if protocol.upper().startswith("HTTP/2"):
            warc_headers["WARC-Protocol"] = "h2"
        resp = self._writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), length=len(body),
            http_headers=StatusAndHeaders(f"{status} {reason or ''}".strip(), headers, protocol="HTTP/1.1"),
            warc_headers_dict=dict(warc_headers),
        )
        req = self._writer.create_warc_record(
            url, "request", payload=io.BytesIO(b""), length=0,
            http_headers=StatusAndHeaders(f"{method} {request_target} HTTP/1.1", list(request_headers),
                                          is_http_request=True),
            warc_headers_dict={**warc_headers, "WARC-Concurrent-To": resp.rec_headers.get_header("WARC-Record-ID")},
        )
        self._writer.write_record(resp)
        self._writer.write_record(req)
        self._fh.flush()

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> WarcArchive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
