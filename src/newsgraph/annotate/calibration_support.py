"""`calibrate(kind, raw)` for the quote, event, fact and date annotators, whether or not the shared calibration
maps (annotate/calibration.py, issue 11) are installed: without them the raw score is the confidence."""

from __future__ import annotations


def calibrate(kind: str, raw: float) -> float:
    try:
        from newsgraph.annotate.calibration import calibrate as shared
    except ImportError:
        return round(min(1.0, max(0.0, float(raw))), 3)
    return shared(kind, raw)
