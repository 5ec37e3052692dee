"""The topic check: a learned, calibrated second look at each topic, fitted on hand-judged topics of web pages.

Why: the topic model (`topic_model.json`) is fitted on gum-entities-dev, clean documents that hold almost none of
what goes wrong on web pages (products and works named like people, reference-list authors, credits and bylines,
fragments of a name the page gives in full). The rule-by-rule gates of confidence.py each fit the draw they were
written on. The topic check is a logistic model over the same evidence features (entity_features.py), the topic
confidence they already give, and a few features read off the record's other entities (below), fitted on the
hand judgements of the topic audit's draws (benchmarks/fit_topic_check.py; tune pages only), with an isotonic map on
top: its output is the topic confidence shown.

A setting, off by default (NEWSGRAPH_TOPIC_CHECK): on the hand-judged web pages' check part (stop 23: the HTML
draws and the LGL draw 20261230 pooled, 209 judged people) it raises the precision of the people shown
(0.885 -> 0.911, recall 0.972 -> 0.937) and calibrates them (ECE 0.185 -> 0.042); on the LGL draw, which its fit
never saw, precision stays (0.925 -> 0.926, 100 judged people). On gum-entities-dev it hides salient people named
once or by surname only ("Trump", "Einstein", "Putin"), which GUM's scorer counts as right and the web judgements
(a fragment is a wrong name) do not: GUM's F1 falls on both parts and its check part's star recall 0.628 -> 0.603
(benchmarks/audit/NOTES.md, "Topic check, stop 23"). The two sets' labels disagree on fragments, so no one model
pleases both; the setting lets web-page users choose.

One model per topic type. Both are data (`annotate/data/calibration/topic_check_<type>_model.json` and
`topic_check_<type>.json`), loaded once, lazily (calibration.py). A type with no model file keeps its topic
confidence as it is.
"""

from __future__ import annotations

import math

from newsgraph.annotate import calibration
from newsgraph.records import Entity

#: the topic types that have a check model of their own (`topic_check_<type>_model.json`): people only, where the
#: check raised precision on both the tune pages (cross-validated) and the check pages; for organisations, cities
#: and countries it did not (benchmarks/fit_topic_check.py reports all four), so their confidence is left as it is
KIND = "topic_check"
#: the topic confidence enters the model as a log-odds, clipped to this distance from 0 and 1
_EPS = 0.005


def _words(name: str) -> list[str]:
    return [w.strip(".,'\u2019").lower() for w in name.split() if w.strip(".,'\u2019")]


def extra_features(e: Entity, entities: list[Entity]) -> dict[str, float]:
    """Features of an entity read off the record's other entities: is its name a part of a longer name the record
    gives (a surname or first name where the page names the person in full; a city inside an organisation's name);
    how many people the page names (reference lists and credit blocks name many)."""
    mine = _words(e.name)
    part_same = part_other = 0.0
    people = 0
    for o in entities:
        if o.type == "person":
            people += 1
        if o is e or o.name == e.name:
            continue
        theirs = _words(o.name)
        if len(theirs) > len(mine) and mine and all(w in theirs for w in mine):
            if o.type == e.type:
                part_same = 1.0
            else:
                part_other = 1.0
    return {"part_of_same_type": part_same, "part_of_other_type": part_other,
            "log_people": math.log1p(people), "type_confidence": float(e.type_confidence or 0.0)}


def topic_logit(p: float) -> float:
    """The topic confidence as a log-odds (the model's input)."""
    p = min(1.0 - _EPS, max(_EPS, p))
    return math.log(p / (1.0 - p))


def check_values(topic: float, feats: dict[str, float], extra: dict[str, float]) -> dict[str, float]:
    """The model's input: the entity's features, the extra features and the topic confidence's log-odds."""
    return {**feats, **extra, "topic_logit": topic_logit(topic)}


def kind(topic_key: str) -> str:
    """The calibration kind of a topic type's check ("topic_check_people")."""
    return f"{KIND}_{topic_key}"


def checked(topic: float, topic_key: str, e: Entity, feats: dict[str, float] | None,
            entities: list[Entity]) -> float:
    """The topic confidence after the check (`topic` itself when the type has no check model, or no features)."""
    k = kind(topic_key)
    if feats is None or calibration.load_model(k) is None:
        return topic
    p = calibration.logistic(k, check_values(topic, feats, extra_features(e, entities)))
    return topic if p is None else calibration.calibrate(k, p)
