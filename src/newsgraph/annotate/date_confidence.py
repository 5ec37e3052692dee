"""The confidence of a resolved date: a raw score by how much of the value the writer left to guess, calibrated
when a "date" map was fitted (annotate/calibration.py).

Kept apart from the resolution because it judges a value rather than computing it: a score decides whether a date
is shown, never what it is. `DateResolver` (dates.py) reads DATE_SCORES too, for a relative day in a report inside
a report (date_speech.py).
"""

from __future__ import annotations

import datetime as dt
import re

#: Raw scores of a resolved date by the kind of expression: an explicit year leaves nothing to guess; a day or a
#: month without one takes the year nearest the article date (rarely wrong); a weekday or a relative phrase
#: depends on the article date being the writing date and on which side of it the text looks (a bare weekday is
#: the most ambiguous: last week or next). Calibrated by annotate/calibration.py when a "date" map exists.
DATE_SCORES = {
    "explicit": 0.97,  # ISO, "3 February 2013", "February 2013", "in 2012"
    "no_year": 0.9,  # "February 3", "in March"
    "relative": 0.88,  # "yesterday", "last year", "next month", "two weeks ago"
    "weekday_marked": 0.85,  # "last Sunday", "next Monday"
    "weekday": 0.8,  # "on Saturday"
    "weekday_forward": 0.7,  # "talks resume on Monday": the next one, read from a future cue
    "bare_month": 0.75,  # "February" alone: this year's, or a year the text set earlier
    "generic_today": 0.45,  # "today's sleeping bags", "I have a life today": nowadays more than a day
    "quoted_unknown_day": 0.45,  # "She said he then announced: 'today'": said on a day the text does not give
    "weekday_conflict": 0.4,  # "Sunday, September 8th" where the guessed year's September 8 is a Friday
    "weekday_unsure": 0.45,  # "Monday brings the special", "that Saturday": a routine, a coming or a long-gone day
    "event_name": 0.45,  # "Sept. 11 conspiracy theories": an event named by its date, the year not this one's
    "unresolved": 0.3,  # a relative phrase without an article date: no value
}


def date_confidence(kind: str, m: re.Match, value: str | None, anchor: dt.date | None, forward: bool = False, text: str | None = None) -> float:
    """The raw score of one date expression (DATE_SCORES), calibrated when a map was fitted."""
    from newsgraph.annotate import calibration as cal

    g = m.groupdict()
    if value is None:
        key = "unresolved"
    elif kind in ("iso", "year") or (kind in ("dmy", "mdy", "my") and g.get("y")):
        key = "explicit"
    elif kind in ("dmy", "mdy") or (kind == "my" and g.get("rel")):
        key = "no_year"
    elif kind == "my":
        key = "bare_month"
    elif kind == "wday":
        rel = (g.get("rel") or "").lower()
        key = "weekday_forward" if forward else ("weekday_marked" if rel in ("last", "next", "past", "coming") else "weekday")
    elif kind == "relday" and g.get("phrase", "").lower() == "today" and text is not None and _generic_today(text, m):
        key = "generic_today"
    else:
        key = "relative"
    return cal.calibrate("date", DATE_SCORES[key])


def _generic_today(text: str, m: re.Match) -> bool:
    """ "today" meaning nowadays: possessive before a plain noun ("today's sleeping bags"), or in a clause in the
    present tense or the conditional ("I have a life today", "if he were around today"): a day only in news
    narrative ("said today", "today's vote")."""
    after = text[m.end() : m.end() + 3]
    if after[:2] in ("'s", "\u2019s"):
        # "today's sleeping bags", "today's teenagers" (a plural: things of our time) vs "today's vote"
        nxt = re.findall(r"[A-Za-z]+", text[m.end() + 2 : m.end() + 40])[:2]
        return any(w.lower().endswith("s") and not w.lower().endswith(("ss", "news", "us", "is")) for w in nxt)
    start = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
    clause = text[start : m.start()].lower().split()
    return any(w in ("have", "has", "is", "are", "do", "does", "were", "would", "if") for w in clause[-6:])
