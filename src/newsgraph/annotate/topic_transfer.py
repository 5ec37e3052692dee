"""The topics' transfer layer: the last step of a topic's confidence, fitted per type on news nobody had tuned on.

Why a layer after the map in place: the topic map (calibration map "topic") is fitted on gum-entities-dev, whose
documents and scorer differ from news; on every held-out topic draw since stop 21 (each draw's "before" snapshot:
code that had never seen the pages, judged by the held-out auditors) the topics shown were right far more often
than their confidence said (pooled: people 0.87 right at mean confidence 0.71, organisations 0.90 at 0.62,
countries 0.97 at 0.98 but the hidden ones right 0.85 at 0.21). The layer is a monotone few-step map per type, from
the confidence as the code gives it to how often such topics were right on those draws, fitted by
benchmarks/topic_transfer.py and checked leave-one-stop-out there; its points are data
(data/calibration/topic_transfer_<type>.json, provenance in each file). A type without a file keeps its confidence
(cities: no layer won there; countries: its layer put every country above the cut, NOTES.md stop 33). Being monotone, a layer keeps the ranking within its type, so it changes which topics
show only through the type's display cut (settings: NEWSGRAPH_MIN_CONFIDENCE_TOPICS_<TYPE>, on this scale).

`TopicConfidence.transfer` (config section `topics` of newsgraph_confidence) turns it off: confidences are then the
map in place's, and NEWSGRAPH_MIN_CONFIDENCE_TOPICS=0.5 gives the old display.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.annotate import calibration as cal
from newsgraph.knobs import knob

#: The topic types (record keys) a layer may exist for; the map of type T is data/calibration/topic_transfer_<T>.json.
TYPES = ("people", "organisations", "cities", "countries")


def kind(type_key: str) -> str:
    """The calibration map name of a topic type's layer."""
    return f"topic_transfer_{type_key}"


@dataclass(frozen=True)
class TopicConfidence:
    """How newsgraph_confidence finishes a topic's confidence."""

    transfer: bool = knob(
        True, "apply the topics' transfer layer (data/calibration/topic_transfer_<type>.json, fitted per type on the "
        "held-out topic draws' before snapshots, benchmarks/topic_transfer.py) as the last step of a topic's "
        "confidence; false: the map in place alone (then NEWSGRAPH_MIN_CONFIDENCE_TOPICS=0.5 gives the old display)")


def topic(conf: float, type_key: str, on: bool = True) -> float:
    """A topic's confidence after its type's layer (unchanged when `on` is false or the type has no layer)."""
    if not on or not cal.has_map(kind(type_key)):
        return conf
    return cal.calibrate(kind(type_key), conf)


__all__ = ["TYPES", "TopicConfidence", "kind", "topic"]
