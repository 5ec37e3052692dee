"""The quotes' transfer model: a quote's and a speaker's confidence from the evidence its record shows, fitted on
news nobody had tuned on.

Why: the "quote" and "speaker" maps (calibrate_items.py) are fitted on PolNeAR's tune part, where a quote's raw score
takes a handful of values; on the blind draws of stops 25..34 (each judged before anyone tuned on it) the shown quotes
were right 0.80-0.87 at confidences 0.74-0.97 that hardly separate. This model reads the typed evidence a quote
record already carries (its kind, its cue's class, what its speaker is, whether the speaker is an entity, the
length of its words, whether speaker and words share a sentence, the confidences the code gave) and is fitted by
benchmarks/quote_transfer.py on the judged quote rows of the blind draws' "before" snapshots, checked
leave-one-stop-out there. Its target: the quote is real (the words were said); a second model, the speaker right
when the quote is real, was fitted the same way and did not beat the speaker's confidence as it is (not landed).

One function, `features`, computes the features from a record's quote item, the record's entity types and its body:
the fit reads it from the before records, the pipeline (newsgraph_quote_evidence, last step) from the Quote it
emits, so both compute them the same way. The model's weights are data (data/calibration/quote_transfer_model.json), loaded once.
Two of its inputs are the "quote" and "speaker" maps' outputs: refit it (`python -m benchmarks.quote_transfer
--write`) whenever those maps are refitted, and on new blind draws.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from functools import lru_cache

from newsgraph.annotate import calibration as cal
from newsgraph.annotate.lexicon import mapping
from newsgraph.annotate.quote_cue_classes import cue_class_in
from newsgraph.knobs import knob
from newsgraph.records import Quote

#: The speaker classes the record shows (one-hot; "person", an entity of type person named by a name, is the base).
SPEAKER_CLASSES = ("organisation", "other_entity", "pronoun", "people", "named", "common", "none")
#: The cue classes (quote_evidence.tsv [cue]; "speech" is the base): "according to", a verb of stated cognition, a
#: verb of stance, intent or offer, no cue (a direct quote without a frame), a label (NAME: words).
CUE_CLASSES = ("according", "cognition", "other", "none", "label")
#: A sentence ends between two offsets when a full stop, "!" or "?" (closing quotation marks or brackets may follow)
#: is followed by white space, or a line breaks.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s|\n")
#: Below this raw confidence an item is one the code does not show (a policy cap, a title, a quote of no speaker):
#: the model is not fitted there (the blind draws judged shown items), so such a confidence is left as it is.
FLOOR = 0.5


def _pronouns() -> frozenset[str]:
    return frozenset(mapping("cues.tsv", "pronoun")) | {"it", "they", "he", "she", "we", "i", "you"}


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], dict[str, str], frozenset[str]]:
    from newsgraph.annotate.speaker_nouns import people_nouns

    return _pronouns(), dict(mapping("quote_evidence.tsv", "cue")), people_nouns()


def cue_class(cue: str | None, kind: str) -> str:
    """The cue's class from its words alone (quote_evidence.tsv [cue], by its first word or a base form of it)."""
    if not cue:
        return "none"
    if cue == ":":
        return "label"
    c = cue_class_in(_lexicon()[1], cue)
    return c if c in ("according", "speech", "cognition") else "other"


def speaker_class(item: Mapping, entity_types: Mapping[str, str], body: str) -> str:
    """What the speaker is, as the record shows it: an entity's type (through its id), a pronoun (the speaker
    phrase one pronoun), a common noun for people, a capitalised name no entity lists, another phrase, or none."""
    if not item.get("speaker") and not item.get("speaker_name") and not item.get("speakers"):
        return "none"
    s, e = item.get("speaker_start"), item.get("speaker_end")
    phrase = body[s:e] if s is not None and e is not None else ""
    words = phrase.split()
    pronouns, _, people = _lexicon()
    if len(words) == 1 and words[0].lower() in pronouns:
        return "pronoun"
    typ = entity_types.get(item.get("speaker") or "")
    if typ is not None or item.get("speakers"):
        return {"person": "person", "organisation": "organisation"}.get(typ or "", "other_entity")
    head = words[-1].lower().strip(".,;:") if words else ""
    if head.removesuffix("'s").removesuffix("\u2019s") in people:
        return "people"
    if words and words[-1][:1].isupper():
        return "named"
    return "common"


def same_sentence(item: Mapping, body: str) -> bool:
    """The speaker phrase and the words lie in one sentence (no sentence end between the two spans)."""
    s, e = item.get("speaker_start"), item.get("speaker_end")
    if s is None or e is None:
        return False
    a, b = (e, item["start"]) if e <= item["start"] else (item["end"], s)
    return a >= b or _SENTENCE_END.search(body, a, b) is None


def _logit(p: float) -> float:
    p = min(1 - 1e-3, max(1e-3, p))
    return math.log(p / (1 - p))


def features(item: Mapping, entity_types: Mapping[str, str], body: str) -> dict[str, float]:
    """The model's features of one quote item (a record's dict, or the fields of the Quote the pipeline emits)."""
    kind = item.get("kind") or ""
    spk = speaker_class(item, entity_types, body)
    cue = cue_class(item.get("cue"), kind)
    sc = item.get("speaker_confidence")
    out = {
        "kind_indirect": float(kind == "indirect"),
        "kind_partial": float(kind == "partial"),
        **{f"speaker_{c}": float(spk == c) for c in SPEAKER_CLASSES},
        **{f"cue_{c}": float(cue == c) for c in CUE_CLASSES},
        "speaker_entity": float(bool(item.get("speaker") or item.get("speakers"))),
        "speaker_conf": _logit(sc) if sc is not None else 0.0,
        "speaker_hidden": float(sc is not None and sc < FLOOR),
        "log_words": math.log1p(len((item.get("text") or "").split())),
        "same_sentence": float(same_sentence(item, body)),
        "conf": _logit(item["confidence"]) if item.get("confidence") is not None else 0.0,
    }
    return out


#: The features' names, as `features` gives them.
FEATURES = ("kind_indirect", "kind_partial", *(f"speaker_{c}" for c in SPEAKER_CLASSES), *(f"cue_{c}" for c in CUE_CLASSES),
            "speaker_entity", "speaker_conf", "speaker_hidden", "log_words", "same_sentence", "conf")


#: The model's calibration name (data/calibration/<KIND>_model.json: features, weights, bias). Only the quote's
#: target has one: a speaker model over the same features did not beat the speaker's confidence as it is,
#: leave-one-stop-out (NOTES.md, stop 34 q10), so `speaker_confidence` is left as quote_evidence gives it.
QUOTE_KIND = "quote_transfer"


@dataclass(frozen=True)
class QuoteConfidence:
    """How newsgraph_quote_evidence finishes a quote's confidence."""

    transfer: bool = knob(
        True, "apply the quotes' transfer model (data/calibration/quote_transfer_model.json, fitted on the blind "
        "draws' before snapshots, benchmarks/quote_transfer.py) as the last step of a quote's confidence; false: the "
        "confidence of newsgraph_quote_evidence alone (then NEWSGRAPH_MIN_CONFIDENCE_QUOTES=0.5 gives the old display)")


def apply(quotes: list[Quote], entity_types: Mapping[str, str], body: str, on: bool = True) -> None:
    """Set each quote's confidence from the model, where the code's is at or above FLOOR (a policy cap, a title, a
    quote of no speaker keeps its own: the model was not fitted there)."""
    if not on or cal.load_model(QUOTE_KIND) is None:
        return
    for q in quotes:
        if q.confidence is None or q.confidence < FLOOR:
            continue
        p = cal.logistic(QUOTE_KIND, features(asdict(q), entity_types, body))
        if p is not None:
            q.confidence = round(p, 3)


__all__ = ["FEATURES", "FLOOR", "QUOTE_KIND", "QuoteConfidence", "apply", "cue_class", "features", "same_sentence",
           "speaker_class"]
