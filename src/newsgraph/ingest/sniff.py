"""Tell HTML, WARC and plain text apart by content, not by file name.

Why by content: crawls name files arbitrarily (`.txt` holding HTML, `.gz` holding WARC), and stdin has no name.
"""

from __future__ import annotations

import re

_HTML_MARKERS = re.compile(rb"<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|div[\s>]|p[\s>]|article[\s>])", re.I)


#: Data that opens with markup (a comment, a declaration, a processing instruction or a tag) is a page, even when
#: it holds no HTML element we know: a page of nothing but a comment is empty markup, not text.
_MARKUP_START = re.compile(rb"<(?:!--|![a-z]|\?xml|[a-z][a-z0-9:-]*[\s/>])", re.I)


def is_gzip(data: bytes) -> bool:
    return data[:2] == b"\x1f\x8b"


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: NUL bytes or many control characters in the first 4 KB."""
    head = data[:4096]
    if not head:
        return False
    if b"\x00" in head:
        # UTF-16 text has NULs too; a BOM says it is text.
        return not head.startswith((b"\xff\xfe", b"\xfe\xff"))
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls / len(head) > 0.05


def sniff_kind(data: bytes) -> str:
    """Return 'warc', 'html' or 'text' for raw bytes (gzip is looked into for WARC only)."""
    head = data[:8192]
    if head.startswith(b"WARC/") or is_gzip(head):
        return "warc"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped[:1] == b"<" and (_HTML_MARKERS.search(stripped[:4096]) or _MARKUP_START.match(stripped)):
        return "html"
    if len(_HTML_MARKERS.findall(head)) >= 3:
        return "html"
    return "text"
