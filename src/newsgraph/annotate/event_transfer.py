"""The events' transfer layer: the last step of an event's confidence, fitted on news nobody had tuned on.

Why a layer after the map in place: the map in place (calibration map "event") is fitted on the judged dev rows,
rebuilt on current code; those pages were tuned on after they were judged (rules fixed their wrong items), so
there the map looks under-confident, while on every held-out draw since stop 21 the events shown were right far
less often than their confidence said (pooled before snapshots: 0.59 strict, 0.65 as scored, at mean confidence
0.90). The layer is a monotone few-step map from the confidence as the code gave it to how often such events were
right on those draws' "before" snapshots (code that had never seen the pages), fitted by benchmarks/transfer_fit.py
and checked leave-one-stop-out there; its points are data (data/calibration/event_transfer.json, provenance in the
file). Being monotone it keeps the ranking, so it changes which events a threshold shows only through the
threshold's value (settings.EVENTS_THRESHOLD is on this scale).

Actors: a source's or target's confidence goes through a layer of its own (`ACTOR_KIND`) and is capped at its
event's confidence: "the source of this event" presupposes the event, so no actor is surer than its event. Until
stop 41 both used one layer; stop 41 refit the events' layer on blind draws of the code in place (benchmarks/
refit_blind.py; refit on s69..s116), and its steps map the actor levels from 0.586 to 0.862 to one value, so no cut on it could
show the actors settings.ACTORS_THRESHOLD shows and hide the others. The actors keep stop 38's layer (the scale
their cut and every blind draw's judged display were read on) until actors are judged for calibration themselves.

`EventConfidence.transfer` (config of newsgraph_event_evidence) turns it off: confidences are then those of the map
in place, and NEWSGRAPH_MIN_CONFIDENCE_EVENTS=0.8 gives the old display.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.annotate import calibration as cal
from newsgraph.knobs import knob

#: The layer's calibration map name (data/calibration/<KIND>.json).
KIND = "event_transfer"
#: The actors' layer (stop 38's events' layer, kept for the actors' display scale; module docstring).
ACTOR_KIND = "event_actor_transfer"


@dataclass(frozen=True)
class EventConfidence:
    """How the event evidence component finishes an event's confidence."""

    transfer: bool = knob(
        True, "apply the transfer layers as the last step of event and actor confidence: events through "
        "data/calibration/event_transfer.json (fitted on the judged blind draws, benchmarks/refit_blind.py), actors "
        "through event_actor_transfer.json (stop 38's layer); false: the map in place alone (then "
        "NEWSGRAPH_MIN_CONFIDENCE_EVENTS=0.8 gives the old display)")


def event(conf: float, on: bool = True) -> float:
    """An event's confidence after the layer (unchanged when `on` is false or no layer is fitted)."""
    if not on or not cal.has_map(KIND):
        return conf
    return cal.calibrate(KIND, conf)


def actor(conf: float | None, event_conf: float, on: bool = True) -> float | None:
    """An actor's confidence after the layer, never above its event's (unchanged when `on` is false)."""
    kind = ACTOR_KIND if cal.has_map(ACTOR_KIND) else KIND
    if conf is None or not on or not cal.has_map(kind):
        return conf
    return min(cal.calibrate(kind, conf), event_conf)


__all__ = ["ACTOR_KIND", "KIND", "EventConfidence", "actor", "event"]
