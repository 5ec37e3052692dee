"""Registers every newsgraph spaCy factory by importing the modules that define them."""

from newsgraph.annotate import confidence, dates, entities, events, facts, geo, quotes  # noqa: F401
