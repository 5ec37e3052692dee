"""Showing only what we are sure of: a record's items at or above a confidence threshold.

Every item of a record carries `confidence` in [0, 1] (entities also `type_confidence`; quotes
`speaker_confidence`; events `source_confidence` and `target_confidence`; topics a parallel `topics_confidence`).
The store and the JSON API keep every item; the web pages, `newsgraph analyze` and `newsgraph export` show the
items at or above a threshold. By default each kind of item has its own (settings.display_thresholds():
NEWSGRAPH_MIN_CONFIDENCE_<KIND>, else the general NEWSGRAPH_MIN_CONFIDENCE; topics per type,
NEWSGRAPH_MIN_CONFIDENCE_TOPICS_<TYPE>, else NEWSGRAPH_MIN_CONFIDENCE_TOPICS, else settings.TOPIC_THRESHOLDS, the
cuts chosen on the topics' transfer layer); a threshold given explicitly
(`--min-confidence` on the command line, `min_confidence` in the API) applies to every kind. Why one function on
the plain record dict: the CLI, the exports, the web pages and the API all filter the same way, and a record loaded
from any store or file can be filtered.

What filtering does:
- an entity, quote, event, fact or date below the threshold is left out, and so is an event that did not happen
  (its `status` is not "asserted": negated, modal, conditional, a question, future, intended, a call to action);
- a topic below it leaves its list (and `topics_confidence` stays parallel);
- a quote whose speaker is below the speakers' threshold (NEWSGRAPH_MIN_CONFIDENCE_SPEAKERS; an explicit threshold
  for every kind applies to it too) keeps its words but loses its speaker (an unsure speaker must not look like a
  sure one); an event's source or target below the actors' threshold (NEWSGRAPH_MIN_CONFIDENCE_ACTORS) becomes
  null likewise;
- an item without a confidence (a record written before confidence existed) is kept: we cannot tell.
Ids stay as they are: a quote may name a speaker entity that is itself below the threshold; its name is kept.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from newsgraph.settings import DISPLAY_KINDS

#: A display threshold: one number for every kind, {kind: number} (kinds missing: the general default), or None
#: (the settings' defaults, per kind).
Threshold = float | Mapping[str, float] | None

#: The record's lists of items that carry a `confidence`.
ITEM_LISTS = ("entities", "quotes", "events", "facts", "dates")
#: Sub-item confidences: (confidence field, fields nulled when it is below the threshold), per item list.
PARTS = {
    "quotes": [("speaker_confidence", ("speaker", "speaker_name", "speaker_start", "speaker_end", "speakers"))],
    "events": [("source_confidence", ("source", "source_name")), ("target_confidence", ("target", "target_name"))],
}

#: Sub-item confidences with a display threshold of their own (settings.display_thresholds() key); a threshold given
#: for every kind (`--min-confidence X`) or a mapping without it leaves them to their item's kind.
PART_KINDS = {"speaker_confidence": "speakers", "source_confidence": "actors", "target_confidence": "actors"}


def default_threshold(kind: str | None = None) -> float:
    """The settings' display threshold of `kind` (NEWSGRAPH_MIN_CONFIDENCE_<KIND>, else NEWSGRAPH_MIN_CONFIDENCE);
    with no kind, the general one (NEWSGRAPH_MIN_CONFIDENCE)."""
    from newsgraph.settings import get_settings

    s = get_settings()
    return s.min_confidence if kind is None else s.display_thresholds()[kind]


def thresholds(threshold: Threshold = None) -> dict[str, float]:
    """{kind: threshold} for every kind of DISPLAY_KINDS: the settings' defaults (None), one number for all kinds
    (an explicit `--min-confidence`), or a mapping (kinds it leaves out take the settings' defaults)."""
    if threshold is None:
        from newsgraph.settings import get_settings

        return get_settings().display_thresholds()
    if isinstance(threshold, Mapping):
        given = {k: float(v) for k, v in threshold.items()}
        # a mapping of every kind (what thresholds() returns) needs no settings: filter_record is called per record
        base = dict.fromkeys(DISPLAY_KINDS) if all(k in given for k in DISPLAY_KINDS) else thresholds(None)
        if "topics" in given:  # a topics threshold given serves every topic type the mapping does not name itself
            base = {k: v for k, v in base.items() if not k.startswith("topics:")}
        if "quotes" in given:  # likewise a quotes threshold given serves their speakers unless it names them
            base.pop("speakers", None)
        if "events" in given:  # and an events threshold their actors
            base.pop("actors", None)
        return {**base, **given}
    return dict.fromkeys(DISPLAY_KINDS, float(threshold))


def sure(value: Any, threshold: float) -> bool:
    """A confidence at or above the threshold; an absent one (older records) counts as sure."""
    return value is None or float(value) >= threshold


def filter_record(record: dict[str, Any], threshold: Threshold = None) -> dict[str, Any]:
    """A copy of `record` with only the items at or above their kind's threshold (`thresholds(threshold)`: by
    default the settings' display threshold of each kind).

    Every threshold `<= 0` returns the record unchanged (not copied).
    """
    per_kind = thresholds(threshold)
    if all(t <= 0 for t in per_kind.values()):
        return record
    out = dict(record)
    for key in ITEM_LISTS:
        items = record.get(key)
        t = per_kind[key]
        if not items or t <= 0:
            continue
        kept = []
        for item in items:
            if not sure(item.get("confidence"), t):
                continue
            if key == "events" and item.get("status") not in (None, "asserted"):
                continue  # stated, not done (annotate/factuality.py): in the record, not shown
            parts = PARTS.get(key)
            if parts and any(not sure(item.get(c), per_kind.get(PART_KINDS.get(c, ""), t)) for c, _ in parts
                             if item.get(c) is not None):
                item = copy.copy(item)
                for conf, fields in parts:
                    if item.get(conf) is not None and not sure(item[conf], per_kind.get(PART_KINDS.get(conf, ""), t)):
                        for f in fields:
                            item[f] = None
            kept.append(item)
        out[key] = kept
    topics = record.get("topics")
    t = per_kind["topics"]
    if topics and (t > 0 or any(v > 0 for k, v in per_kind.items() if k.startswith("topics:"))):
        confs = record.get("topics_confidence") or {}
        new_topics: dict[str, list[str]] = {}
        new_confs: dict[str, list[float]] = {}
        for key, names in topics.items():
            cs = confs.get(key) or []
            tk = per_kind.get(f"topics:{key}", t)  # the type's own cut (settings.TOPIC_THRESHOLDS), else topics'
            pairs = [(n, cs[i] if i < len(cs) else None) for i, n in enumerate(names)]
            pairs = [(n, c) for n, c in pairs if sure(c, tk)]
            new_topics[key] = [n for n, _ in pairs]
            if key in confs:
                new_confs[key] = [c for _, c in pairs]
        out["topics"] = new_topics
        if "topics_confidence" in record:
            out["topics_confidence"] = new_confs
    return out


def check_threshold(value: float) -> float:
    """A threshold given by a user: a number in [0, 1], else ValueError naming the problem."""
    v = float(value)
    if not 0.0 <= v <= 1.0:
        raise ValueError(f"a confidence threshold is a number from 0 to 1, not {value}")
    return v
