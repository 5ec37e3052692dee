"""Named, explained tuning values: the dataclass fields that hold a stage's weights, windows and thresholds.

A stage keeps its numbers in one frozen dataclass whose fields carry a help line (`knob`), so every number has a
name, a reason and one place to change it; `config_of` and `from_config` turn such a dataclass into the plain
dict a spaCy factory's `default_config` holds and back. Used by the annotate components (annotate/config.py) and
by the extractors (extract/text_rules.py), which is why it sits outside both packages.
"""

from __future__ import annotations

from dataclasses import asdict, field, fields
from typing import Any, TypeVar

T = TypeVar("T")


def knob(default: Any, help: str) -> Any:
    """A dataclass field of a component's config: its default and one line saying what it does."""
    return field(default=default, metadata={"help": help})


def config_of(cls: type) -> dict[str, Any]:
    """The defaults of a config dataclass as a plain dict (a factory's default_config section)."""
    return asdict(cls())


def from_config(cls: type[T], values: dict[str, Any] | None) -> T:
    """The config dataclass with `values` over its defaults; an unknown key is an error naming the known ones."""
    values = dict(values or {})
    known = {f.name for f in fields(cls)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ValueError(f"{cls.__name__}: unknown setting(s) {unknown}; known: {sorted(known)}")
    return cls(**values)
