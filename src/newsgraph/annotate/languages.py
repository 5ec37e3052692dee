"""Which annotations each language gets, and the spaCy pipeline that serves it.

Why per language: an English model run over German text finds "people" such as "Regierung" and "Herbst" and
credits quotes to them: confident-looking nonsense. So every language maps (setting `NEWSGRAPH_PIPELINES`,
`NEWSGRAPH_MODEL` for English) to the spaCy pipeline package that serves it, and to a profile (data/languages.json)
naming the newsgraph components whose lexicons and rules exist for it (a component whose cue verbs or patterns
are English only is not run over French). A language with no installed pipeline gets no model annotations at
all: its record keeps body, metadata, language and the dates that need no vocabulary (or its own date
vocabulary), and `annotations` says what was skipped and why.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.util import find_spec

from newsgraph.settings import get_settings

#: Every kind of annotation a record can hold, and the component that fills it.
ANNOTATIONS: dict[str, str] = {
    "entities": "newsgraph_entities",
    "dates": "newsgraph_dates",
    "facts": "newsgraph_facts",
    "quotes": "newsgraph_quotes",
    "events": "newsgraph_events",
}


@dataclass(frozen=True)
class Plan:
    """How one language is annotated: the pipeline package (None: no pipeline), what runs and what is skipped."""

    language: str
    package: str | None
    components: tuple[str, ...]  # newsgraph components added to the pipeline, in order
    dates: str | None  # the date vocabulary (data file) for this language, or None (ISO dates only)
    skipped: tuple[str, ...]
    reason: str | None

    def annotations(self) -> dict:
        """The record's `annotations` field."""
        return {"pipeline": self.package, "skipped": list(self.skipped), "reason": self.reason}


@lru_cache(maxsize=1)
def profiles() -> dict[str, dict]:
    """data/languages.json: per language, the components that serve it and its date vocabulary."""
    text = resources.files("newsgraph.annotate").joinpath("data/languages.json").read_text(encoding="utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


def installed(package: str) -> bool:
    """A spaCy pipeline package can be loaded (is installed as a Python package, or is a directory)."""
    from pathlib import Path

    return Path(package).is_dir() or find_spec(package) is not None


def plan_for(language: str) -> Plan:
    """The annotation plan of one language, read from the settings and the language profiles.

    Dates are never skipped: without a pipeline or a date vocabulary the vocabulary-free dates (ISO) are read.
    """
    profile = profiles().get(language) or profiles()["default"]
    package = get_settings().pipeline_map().get(language)
    dates = profile.get("dates")
    if package is None or not installed(package):
        why = f"no pipeline for {language}" if package is None else f"pipeline {package} for {language} is not installed"
        return Plan(language, None, (), dates, tuple(k for k in ANNOTATIONS if k != "dates"), why)
    components = tuple(profile["components"])
    skipped = tuple(k for k, name in ANNOTATIONS.items() if k != "dates" and not _fills(name, components))
    reason = f"no {', '.join(skipped)} rules for {language}" if skipped else None
    return Plan(language, package, components, dates, skipped, reason)


def _fills(name: str, components: tuple[str, ...]) -> bool:
    """A component in the plan fills this annotation (a language variant such as newsgraph_quotes_ud counts)."""
    return any(c == name or c.startswith(name + "_") for c in components)
