"""Dates as pages print them ("03 Feb 2013 06:07", "February 3, 2013, 6:07 PM", "2013-02-03T06:07Z") -> ISO 8601.

Why our own small parser: date lines are short and their formats few; a regex pass is exact about what it
accepts (no "today"-relative guesses) and costs microseconds, where dateparser costs milliseconds per call.
"""

from __future__ import annotations

import re

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january", "januar", "janvier", "enero"),
            ("feb", "february", "februar", "fevrier", "février", "febrero"),
            ("mar", "march", "märz", "maerz", "mars", "marzo"),
            ("apr", "april", "avril", "abril"),
            ("may", "mai", "mayo"),
            ("jun", "june", "juni", "juin", "junio"),
            ("jul", "july", "juli", "juillet", "julio"),
            ("aug", "august", "août", "agosto"),
            ("sep", "sept", "september", "septembre", "septiembre"),
            ("oct", "october", "oktober", "octobre", "octubre"),
            ("nov", "november", "novembre", "noviembre"),
            ("dec", "december", "dezember", "décembre", "diciembre"),
        ],
        start=1,
    )
    for m in names
}
_MON = r"(?P<mon>[A-Za-zäéû]{3,9})\.?"
_TIME = r"(?:[,\s]+(?:at\s+)?(?P<h>\d{1,2})[:.h](?P<mi>\d{2})(?:[:.]\d{2})?\s*(?P<ampm>[ap]\.?m\.?)?)?"
_PATTERNS = [
    re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T\s](?P<h>\d{2}):(?P<mi>\d{2}))?"),
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?{_MON},?\s+(?P<y>(?:19|20)\d{{2}}){_TIME}", re.I),
    re.compile(rf"\b{_MON}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{{2}}){_TIME}", re.I),
    re.compile(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d{2})" + _TIME),
]


def find_date(text: str) -> tuple[str, re.Match] | None:
    """The first date in `text` as ISO ("2013-02-03" or "2013-02-03T06:07") and its match, or None."""
    for pat in _PATTERNS:
        for m in pat.finditer(text):
            iso = _to_iso(m)
            if iso:
                return iso, m
    return None


def parse_date(text: str | None) -> str | None:
    """ISO date (with minutes when the text has a time) of the first date in `text`, or None."""
    if not text:
        return None
    found = find_date(text)
    return found[0] if found else None


def _to_iso(m: re.Match) -> str | None:
    g = m.groupdict()
    try:
        year, day = int(g["y"]), int(g["d"])
        month = int(g["m"]) if g.get("m") else MONTHS.get((g.get("mon") or "").lower().rstrip("."))
    except (TypeError, ValueError):
        return None
    if not month or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    if g.get("h") and g.get("mi"):
        hour, minute = int(g["h"]), int(g["mi"])
        ampm = (g.get("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            iso += f"T{hour:02d}:{minute:02d}"
    return iso
