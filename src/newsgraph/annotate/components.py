"""Registers every newsgraph spaCy factory by importing the modules that define them."""

from newsgraph.annotate import (  # noqa: F401
    confidence,
    dates,
    entities,
    event_evidence,
    events,
    facts,
    geo,
    quote_evidence,
    quotes,
    quotes_ud,
)
