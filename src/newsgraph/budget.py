"""The per-document budget: wall time one document may take, and size caps applied before the costly stages.

Why: most pages take a fraction of a second, but hostile or broken ones (30,000 empty paragraphs, a 2 MB
paragraph, 20,000 capitalised words) cost seconds to minutes, and one of them must not hold up a million-page
batch. Two mechanisms, both settings:

- Caps on what reaches the costly stages (elements of an HTML page, lines of a text dump, tokens of a body):
  bodies are cut at a paragraph break or refused with a message naming the limit; they bound the common cliffs.
- A wall-time limit per document (`doc_timeout`): past it the document fails with "too complex to analyse
  within N s" and the batch goes on. In a process, `time_limit` arms a POSIX interval timer (SIGALRM) whose
  handler raises `DocumentTimeout` the next time Python code runs; in a pool, the parent also watches each task
  and replaces a worker stuck in native code (which no signal handler can interrupt), see parallel.py.

`DocumentTimeout` derives from BaseException so that the broad `except Exception` of libraries (trafilatura
catches everything around its fallbacks) cannot swallow it.
"""

from __future__ import annotations

import re
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from newsgraph.errors import FailureKind, InputError

#: What counts as a token for the cap: a run of non-space characters, or a line break with the space after it
#: (spaCy makes a token of each, so 20,000 one-word paragraphs are 40,000 tokens to its models, not 20,000).
_TOKEN = re.compile(r"\S+|\n\s*")


class DocumentTimeout(BaseException):
    """Raised inside the analysis when the document's wall-time budget is spent."""


def too_complex(input: str, seconds: float) -> InputError:
    """The failure of a document that exceeded its budget (one line, names the setting)."""
    return InputError(input, f"too complex to analyse within {seconds:g} s (limit NEWSGRAPH_DOC_TIMEOUT)",
                      FailureKind.too_complex)


def can_interrupt() -> bool:
    """True where a timer signal can interrupt the analysis: the main thread of a POSIX process."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _raise_timeout(signum, frame):  # noqa: ARG001 - signal handler signature
    raise DocumentTimeout()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise DocumentTimeout in this block after `seconds` of wall time (no limit when None/0 or off the main thread).

    An outer timer (a caller's own limit) is restored on exit with the time it has left."""
    if not seconds or seconds <= 0 or not can_interrupt():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise_timeout)
    outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 0.001))


def cut_tokens(body: str, limit: int) -> str:
    """`body` cut to at most `limit` tokens (words and line breaks), at the last paragraph break (else sentence end,
    else space) before the cut; unchanged when shorter. Linear in the length of the body."""
    if limit <= 0:
        return body
    cut = None
    for i, m in enumerate(_TOKEN.finditer(body)):
        if i == limit:
            cut = m.end() if m.group().isspace() else m.start()  # a break at the limit is itself the place to cut
            break
    if cut is None:
        return body
    head = body[:cut]
    for sep in ("\n\n", "\n", ". ", " "):
        i = head.rfind(sep, 0, len(head))
        if i > len(head) // 2:
            return head[: i + (1 if sep == ". " else 0)].rstrip()
    return head.rstrip()
