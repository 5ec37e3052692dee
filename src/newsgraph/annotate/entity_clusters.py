"""What entity linking works on: a cluster of name mentions under one canonical name, and the evidence thresholds
that type it. Kept apart so that linking and the later joins (short_form_joins.py, entity_propagation.py) share them
without importing each other.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from newsgraph.annotate.config import knob
from newsgraph.annotate.entity_mentions import NameMention


@dataclass(frozen=True)
class LinkingThresholds:
    """How many evidence points (entity_evidence_config.EvidenceWeights) make a mention or an entity of a type."""

    org_points: float = knob(3, "organisation points from which a mention, or an entity, is an organisation")
    person_points: float = knob(2, "person points from which a mention is a person (if no fewer than its place points)")
    lone_place_points: float = knob(2, "a one-word person with no person cue is a place from this many place points "
                                       "(more than its person points): the model's label against a gazetteer region")
    strong_place_points: float = knob(3, "place points that type a name firmly enough for the same name's other "
                                         "entities to take that type")
    nested_city_population: int = knob(20_000, "a town opening an organisation's name ('X Police Department') is a "
                                               "place mention from this population")


DEFAULT_THRESHOLDS = LinkingThresholds()


@dataclass
class Cluster:
    name: str
    mentions: list[NameMention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    type: str = "place"


def cluster_ev(c: Cluster) -> Counter:
    ev: Counter = Counter()
    for m in c.mentions:
        ev.update({k: v for k, v in m.ev.items() if not k.startswith(("alias:", "expands:"))})
    return ev
