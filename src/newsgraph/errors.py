"""Errors a user can act on.

`InputError` is the one kind of failure that a batch reports and survives: it names the input and the problem in
one line, so the CLI prints it without a traceback and moves on to the next input.
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class for errors raised deliberately by newsgraph."""


class InputError(NewsgraphError):
    """An input that cannot be turned into an article (empty, binary, undecodable, too large, truncated...)."""

    def __init__(self, input: str, problem: str):
        self.input = input
        self.problem = problem
        super().__init__(f"{input}: {problem}")
