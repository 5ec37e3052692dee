"""Errors a user can act on.

`InputError` is the one kind of failure that a batch reports and survives: it names the input and the problem in
one line, so the CLI prints it without a traceback and moves on to the next input. Its `kind` says why there is no
record (a `FailureKind`), so code that routes failures (the store, Spark output, a note instead of an error) reads
the kind, never the wording of the message.
"""

from __future__ import annotations

import sys
import traceback
from enum import StrEnum


class NewsgraphError(Exception):
    """Base class for errors raised deliberately by newsgraph."""


class FailureKind(StrEnum):
    """Why an input gave no record. To add a kind: add a member with its comment; everything that stores or
    routes failures goes by the member, and a kind's value is what Spark output and the store write."""

    bad_input = "bad_input"  # unreadable, empty, too large, truncated, undecodable, not the format it claims
    not_an_article = "not_an_article"  # readable, but holds no article (no article text, a listing, a feed...)
    internal = "internal"  # a bug or a crashed worker: not the input's fault
    too_complex = "too_complex"  # took longer than its time budget (NEWSGRAPH_DOC_TIMEOUT)
    duplicate = "duplicate"  # the same article as an earlier input of the batch: a note, not an error
    skipped = "skipped"  # a file of a folder walk that is no page (a feed, an image): counted in one line, not an error

    @classmethod
    def of_row(cls, kind: str | None, problem: str | None) -> FailureKind:
        """The kind of a stored failure row; rows written before kinds existed are told by their wording."""
        if kind:
            return cls(kind)
        text = problem or ""
        if text.startswith("skipped, same "):
            return cls.duplicate
        if text.startswith("too complex to analyse"):
            return cls.too_complex
        return cls.internal if text.startswith(INTERNAL) else cls.bad_input


#: The one wording of an internal failure, so a user can tell a bug from bad input at a glance.
INTERNAL = "internal error"


class InputError(NewsgraphError):
    """An input that cannot be turned into an article (empty, binary, undecodable, too large, truncated...)."""

    def __init__(self, input: str, problem: str, kind: FailureKind = FailureKind.bad_input):
        self.input = input
        self.problem = problem
        self.kind = FailureKind(kind)
        super().__init__(f"{input}: {problem}")

    def __reduce__(self):  # picklable with its kind (process pool, Spark)
        return (InputError, (self.input, self.problem, self.kind.value))

    @classmethod
    def internal(cls, input: str, cause: BaseException | str, while_: str = "") -> InputError:
        """An unexpected exception (a bug, not bad input) as one input's failure: "internal error[ while X]: ...".

        NEWSGRAPH_DEBUG=1 prints the exception's traceback on stderr.
        """
        if isinstance(cause, BaseException):
            from newsgraph.settings import get_settings

            if get_settings().debug:
                traceback.print_exception(cause, file=sys.stderr)
            cause = f"{type(cause).__name__}: {cause}"
        return cls(input, f"{INTERNAL}{' while ' + while_ if while_ else ''}: {cause}", FailureKind.internal)
