"""Common nouns for people who can speak: what a quote's speaker phrase with no entity of its own must be.

Split from quote_evidence.py to keep it short; pronouns.py reads them too (a common noun for a person).
"""

from __future__ import annotations

from functools import lru_cache

from newsgraph.annotate import event_features
from newsgraph.annotate.lexicon import words

_DATA = "quote_evidence.tsv"


@lru_cache(maxsize=1)
def people_nouns() -> frozenset[str]:
    """Common nouns for people who can speak: the events' people nouns (roles, units of people, groups) and the
    organisations that speak ([speaker_noun]). Looked up one token at a time, so the multi-word rows that
    event_features.people_nouns leaves out would never match."""
    return event_features.people_nouns() | words(_DATA, "speaker_noun")


#: Endings of agent nouns ("questioner", "narrator", "analyst", "economist", "historian", "participant"): a noun that
#: names a doer can speak; morphology transfers where a word list would not.
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "eer", "ee")
_NOT_AGENTS = ("paper", "letter", "order", "number", "report", "statement", "document", "poster", "flyer", "sticker", "monitor", "computer", "event", "comment", "content", "statement", "agreement", "government")


def agentive(lemma: str) -> bool:
    """The lemma ends like an agent noun (`_AGENT_ENDINGS`) and like none of the things `_NOT_AGENTS` lists."""
    return len(lemma) > 4 and lemma.endswith(_AGENT_ENDINGS) and not lemma.endswith(_NOT_AGENTS)


def known_verbs(nlp) -> frozenset[str]:
    """The verbs the pipeline's rule lemmatizer knows (its lemma index), empty when it has none."""
    try:
        return frozenset(nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")["verb"])
    except (KeyError, AttributeError, ValueError):
        return frozenset()


def verbal_agent(lemma: str, verbs: frozenset[str]) -> bool:
    """An agent noun in "-er", "-or", "-ee" or "-eer" whose stem is a verb ("polluter", "regulator", "lender",
    "employee"), or one of the other agent endings ("economist", "historian"): a doer, where "cancer" (no verb
    "canc") is not. Without a verb list the ending alone decides, as `agentive`."""
    if not agentive(lemma):
        return False
    if not verbs or not lemma.endswith(("er", "or", "ee")):
        return True
    stem = lemma[:-3] if lemma.endswith("eer") else lemma[:-2]
    forms = (stem, stem + "e", stem[:-1] + "y" if stem.endswith("i") else stem, stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem)
    return any(s in verbs for s in forms)  # "carrier": carry, "planner": plan
