"""The confidence of a date learned from the blind draws: the evidence a date item carries, weighed by a logistic.

Why: the hand scores of date_confidence.py (one number per kind of expression) hardly separated right dates from
wrong ones on the judged dates of the blind draws (stops 21..34: 0.8-0.9 right 0.87, >= 0.9 right 0.95), and no
"date" calibration map was ever fitted. The same kinds of evidence, weighed by what the draws say and checked
leave-one-stop-out (benchmarks/date_evidence_fit.py, NOTES.md stop 34 d10), give the confidence here.

The evidence is syntax and context, not words, and is computed from the item alone (hand score, value, offsets), the
body it was found in and the article date, by `date_features`: the run time calls it on the items it emits
(dates.py), the fit on the judged items of the draws' before records, so both see exactly the same numbers:
- the kind of expression: the DATE_SCORES key of its hand score (`score_kind`: explicit, no_year, bare_month,
  relative, weekday, weekday_marked, weekday_forward), what the resolution read from the text and its clause;
- the resolution of the value (day, month, year);
- the side of the article date the value lies on (after it, the same day/month/year) and how far (days, log-scaled);
- whether the expression stands inside a quotation (quote_marks.py);
- whether the page has an article date at all.

The model is an L2 logistic over these features and the kinds read on each side of the article date ("weekday*after":
a weekday put ahead), then a few-step isotonic of its output. The fitted weights and steps are a data file
(data/calibration/date_evidence.json), read once, lazily; without it the hand scores stay. The hand scores are read
raw (no "date" calibration map exists, and none must be fitted beside this layer: `score_kind` reads the raw
values). Items a rule already put below the display (generic "today", unsure weekdays, a date naming an event,
a day said on an unknown day: scores under `RULE_CEILING`) and unresolved ones keep their score: the draws judged
almost none of them, so they teach the fit nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from functools import cache
from pathlib import Path

from newsgraph.annotate.calibration import apply_map
from newsgraph.annotate.date_confidence import DATE_SCORES

DATA = Path(__file__).resolve().parent / "data" / "calibration" / "date_evidence.json"
#: a hand score below this came from a rule that hides the date on purpose (DATE_SCORES 0.3 .. 0.45): kept as is
RULE_CEILING = 0.5
#: the kinds of expression the fit has a weight for (explicit is the reference level of the one-hot coding): the
#: DATE_SCORES keys of the dates a rule did not hide
KINDS = ("explicit", "no_year", "bare_month", "relative", "weekday", "weekday_marked", "weekday_forward")
#: the distance scale: log(1 + days) / DIST_SCALE is about 1 for a value a year away
DIST_SCALE = math.log1p(365)
#: the features in the order of the data file's weights
FEATURES = ("no_year", "bare_month", "relative", "weekday", "weekday_marked", "weekday_forward", "res_month",
            "res_year", "after", "same", "log_days", "in_quote", "no_anchor")


def score_kind(score: float | None) -> str | None:
    """The DATE_SCORES key a hand score stands for (the scores of KINDS are distinct, the rules' are under
    RULE_CEILING; no "date" calibration map ever applied to a judged draw), None for a score that is none of them. The hand score is what the resolution read from the
    text and its clause (an explicit year, a forward cue, a marked weekday): the run time passes the score it
    computed before this layer, the rows the confidence the draw's item had, which was that same score."""
    if score is None:
        return None
    return next((k for k, v in DATE_SCORES.items() if abs(v - score) < 1e-6), None)


def _day_of(value: str) -> dt.date | None:
    """The middle of a value's period (a month's 15th, a year's 1 July): the point its distance is measured from."""
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value)
        if len(value) == 7:
            return dt.date(int(value[:4]), int(value[5:7]), 15)
        if len(value) == 4:
            return dt.date(int(value), 7, 1)
    except ValueError:
        return None
    return None


def date_features(score: float | None, value: str | None, start: int, end: int, body: str, anchor: str | None,
                  quotes: list[tuple[int, int]] | None = None) -> dict[str, float]:
    """The evidence of one date item (FEATURES, 0/1 or a scaled distance). `score`: its hand score (DATE_SCORES);
    `anchor`: the article date (ISO, or None); `quotes`: the body's quotation spans when the caller has them (else
    read from `body`)."""
    from newsgraph.annotate.quote_marks import normalise_marks, quote_spans

    kind = score_kind(score)
    out = {f: 0.0 for f in FEATURES}
    if kind in KINDS and kind != "explicit":
        out[kind] = 1.0
    out["res_month"] = float(bool(value) and len(value) == 7)
    out["res_year"] = float(bool(value) and len(value) == 4)
    a = anchor[:10] if anchor else None
    if a is None:
        out["no_anchor"] = 1.0
    elif value:
        out["after"] = float(value > a[: len(value)])
        out["same"] = float(value == a[: len(value)])
        v, d = _day_of(value), _day_of(a)
        if v is not None and d is not None:
            out["log_days"] = math.log1p(abs((v - d).days)) / DIST_SCALE
    spans = quote_spans(normalise_marks(body)) if quotes is None else quotes
    out["in_quote"] = float(any(s <= start and end <= e for s, e in spans))
    return out


@cache
def _model() -> dict | None:
    """The fitted weights (DATA), read once; None without the file (the hand scores stay)."""
    if not DATA.exists():
        return None
    return json.loads(DATA.read_text(encoding="utf-8"))


def learned(features: dict[str, float], model: dict | None = None) -> float | None:
    """The learned confidence of one date item's evidence, None without a fitted model: the logistic's probability,
    then the data file's monotone steps ("iso": x and y knots, linear between) where it has them."""
    m = _model() if model is None else model
    if m is None:
        return None
    z = m["bias"] + sum(w * feature_value(features, f) for f, w in zip(m["features"], m["weights"], strict=True))
    p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
    iso = m.get("iso")
    if iso:
        p = apply_map((tuple(iso["x"]), tuple(iso["y"])), p)
    return round(p, 4)


def feature_value(features: dict[str, float], name: str) -> float:
    """One input of the model: a feature of FEATURES, or a product of them named "a*b" (a kind read on one side of
    the article date: "weekday*after" is a weekday put ahead, "relative*same" a "today")."""
    out = 1.0
    for part in name.split("*"):
        out *= features.get(part, 0.0)
    return out


def relearn(dates: list, body: str, anchor: str | None) -> None:
    """Set each resolved date's confidence to the learned one (in place), keeping the scores a rule put below the
    display (under RULE_CEILING), the unresolved ones and any score that is no DATE_SCORES key of KINDS; nothing
    without a fitted model."""
    if _model() is None:
        return
    from newsgraph.annotate.quote_marks import normalise_marks, quote_spans

    spans: list[tuple[int, int]] | None = None
    for d in dates:
        if not d.value or d.confidence is None or d.confidence < RULE_CEILING or score_kind(d.confidence) not in KINDS:
            continue
        spans = quote_spans(normalise_marks(body)) if spans is None else spans
        p = learned(date_features(d.confidence, d.value, d.start, d.end, body, anchor, spans))
        if p is not None:
            d.confidence = p
