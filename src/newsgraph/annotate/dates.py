"""`newsgraph_dates`: every date expression in the body, resolved against the article's own date.

Why regex over the text and not spaCy's DATE entities: we need the value, not just the span, and the value needs
the phrase's parts (weekday, month, "last", "late last year"); the small model's DATE spans are also unreliable.
News convention: a bare weekday ("on Saturday") is the most recent such day on or before the article date,
"last Sunday" the one strictly before it, "next Monday" the one after; a bare weekday whose clause looks
forward ("talks will resume on Monday", "until Friday": data/dates.tsv [future_cue]) is the next such day. The value keeps its true resolution:
"2013-02-02" (day), "2013-02" (month), "2012" (year). Without an article date relative phrases get value None.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.annotate.extensions import article_date, register_extensions
from newsgraph.annotate.lexicon import mapping
from newsgraph.records import DateRef

_DATA = "dates.tsv"


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))


def _first(*groups) -> str:
    """A lookahead on the possible first letters: lets the regex engine skip most positions cheaply."""
    chars = {w[0].lower() for g in groups for w in g if w} | {w[0].upper() for g in groups for w in g if w}
    return "(?=[" + re.escape("".join(sorted(chars))) + "])"


_REL_MY = ("last", "next", "this", "early", "late", "mid", "in", "since", "until", "by")
_REL_WD = ("last", "next", "this", "on", "past", "coming")
_REL_YEAR = ("in", "since", "until", "by", "of", "during", "early", "late", "mid")
_AGO = ("a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "0123456789")


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern]]:
    months = _alt(mapping(_DATA, "month"))
    wdays = _alt(mapping(_DATA, "weekday"))
    rel_day = _alt(mapping(_DATA, "relative_day"))
    rel_year = _alt(mapping(_DATA, "relative_year"))
    rel_month = _alt(mapping(_DATA, "relative_month"))
    mon = rf"(?P<mon>{months})\.?"
    flags = re.IGNORECASE
    mw = list(mapping(_DATA, "month"))
    ww = list(mapping(_DATA, "weekday"))
    return [
        ("iso", re.compile(r"\b(?=[12])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
        # 3 February 2013, 3rd of Feb 2013, February 3, 2013, February 3rd
        ("dmy", re.compile(rf"\b(?=\d)(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{mon}(?:,?\s+(?P<y>(?:19|20)\d\d))?\b", flags)),
        ("mdy", re.compile(rf"\b{_first(mw)}{mon}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?", flags)),
        # early/late February 2013, in March, last March
        ("my", re.compile(rf"\b{_first(mw, _REL_MY)}(?:(?P<rel>last|next|this|early|late|mid|in|since|until|by)[\s-]+)?{mon}(?:\s+(?P<y>(?:19|20)\d\d))?\b", flags)),
        ("wday", re.compile(rf"\b{_first(ww, _REL_WD)}(?:(?P<rel>last|next|this|on|past|coming)\s+)?(?P<wd>{wdays})\b", flags)),
        ("relday", re.compile(rf"\b{_first(mapping(_DATA, 'relative_day'))}(?P<phrase>{rel_day})\b", flags)),
        ("relyear", re.compile(rf"\b{_first(mapping(_DATA, 'relative_year'))}(?P<phrase>{rel_year})\b", flags)),
        ("relmonth", re.compile(rf"\b{_first(mapping(_DATA, 'relative_month'))}(?P<phrase>{rel_month})\b", flags)),
        ("ago", re.compile(rf"\b{_first(_AGO, '0123456789')}(?P<n>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", flags)),
        ("year", re.compile(rf"\b{_first(_REL_YEAR)}(?P<rel>in|since|until|by|of|during|early|late|mid)[\s-]+(?P<y>(?:19|20)\d\d)\b(?!-)", flags)),
    ]


_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_WORDISH_MONTHS = {"may", "mar", "jun", "jan", "dec", "sep", "oct", "nov", "aug", "apr", "feb", "jul", "sept"}


def _shift_month(d: dt.date, months: int) -> tuple[int, int]:
    m = d.month - 1 + months
    return d.year + m // 12, m % 12 + 1


def resolve(kind: str, m: re.Match, anchor: dt.date | None) -> tuple[str | None, str | None]:
    """(value, resolution) of one matched expression; value None when it cannot be resolved."""
    g = m.groupdict()
    months = mapping(_DATA, "month")
    if kind == "iso":
        return f"{g['y']}-{g['m']}-{g['d']}", "day"
    if kind in ("dmy", "mdy"):
        month, day = int(months[g["mon"].lower()]), int(g["d"])
        if not 1 <= day <= 31:
            return None, None
        year = int(g["y"]) if g.get("y") else _nearest_year(anchor, month, day)
        if year is None:
            return None, "day"
        try:
            return dt.date(year, month, day).isoformat(), "day"
        except ValueError:
            return None, None
    if kind == "my":
        month = int(months[g["mon"].lower()])
        rel = (g.get("rel") or "").lower()
        if g.get("y"):
            return f"{g['y']}-{month:02d}", "month"
        if anchor is None:
            return None, "month"
        year = anchor.year
        if rel == "last":
            year -= 0 if month < anchor.month else 1
        elif rel == "next":
            year += 0 if month > anchor.month else 1
        elif month - anchor.month > 6:
            year -= 1
        elif anchor.month - month > 6:
            year += 1
        return f"{year}-{month:02d}", "month"
    if kind == "wday":
        if anchor is None:
            return None, "day"
        wd = int(mapping(_DATA, "weekday")[g["wd"].lower()])
        rel = (g.get("rel") or "").lower()
        back = (anchor.weekday() - wd) % 7
        if rel in ("next", "coming"):
            fwd = (wd - anchor.weekday()) % 7 or 7
            return (anchor + dt.timedelta(days=fwd)).isoformat(), "day"
        if rel in ("last", "past") and back == 0:
            back = 7
        return (anchor - dt.timedelta(days=back)).isoformat(), "day"
    if kind == "relday":
        if anchor is None:
            return None, "day"
        off = int(mapping(_DATA, "relative_day")[" ".join(g["phrase"].lower().split())])
        return (anchor + dt.timedelta(days=off)).isoformat(), "day"
    if kind == "relyear":
        if anchor is None:
            return None, "year"
        off = int(mapping(_DATA, "relative_year")[" ".join(g["phrase"].lower().split())])
        return str(anchor.year + off), "year"
    if kind == "relmonth":
        if anchor is None:
            return None, "month"
        off = int(mapping(_DATA, "relative_month")[" ".join(g["phrase"].lower().split())])
        y, mo = _shift_month(anchor, off)
        return f"{y}-{mo:02d}", "month"
    if kind == "ago":
        if anchor is None:
            return None, None
        n = int(g["n"]) if g["n"].isdigit() else _NUMBERS[g["n"].lower()]
        unit = g["unit"].lower().rstrip("s")
        if unit == "day":
            return (anchor - dt.timedelta(days=n)).isoformat(), "day"
        if unit == "week":
            return (anchor - dt.timedelta(days=7 * n)).isoformat(), "day"
        if unit == "month":
            y, mo = _shift_month(anchor, -n)
            return f"{y}-{mo:02d}", "month"
        return str(anchor.year - n), "year"
    if kind == "year":
        return g["y"], "year"
    return None, None


def _nearest_year(anchor: dt.date | None, month: int, day: int) -> int | None:
    """A day without a year is the one nearest the article date (news rarely looks more than ~6 months ahead)."""
    if anchor is None:
        return None
    best = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            cand = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((cand - anchor).days) < abs((dt.date(best, month, day) - anchor).days):
            best = year
    return best


def parse_anchor(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _future_cue() -> re.Pattern:
    cues = sorted(mapping(_DATA, "future_cue"), key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(c) for c in cues) + r")(?!\w)", re.IGNORECASE)


_CLAUSE_END = re.compile(r"[.!?;:\n\"\u201c\u201d]")


def _looks_forward(text: str, start: int) -> bool:
    """The clause before a weekday (back to a sentence or quote boundary, at most 100 characters) has a future cue."""
    window = text[max(0, start - 100) : start]
    ends = list(_CLAUSE_END.finditer(window))
    if ends:
        window = window[ends[-1].end() :]
    return bool(_future_cue().search(window))


def _forward_weekday(m: re.Match, anchor: dt.date) -> str:
    wd = int(mapping(_DATA, "weekday")[m.group("wd").lower()])
    return (anchor + dt.timedelta(days=(wd - anchor.weekday()) % 7)).isoformat()  # the same day counts


def find_dates(text: str, anchor: dt.date | None) -> list[DateRef]:
    """All date expressions of `text`, longest match first, no overlaps, in text order."""
    taken: list[tuple[int, int]] = []
    out: list[DateRef] = []
    for kind, pat in _patterns():
        for m in pat.finditer(text):
            start, end = m.span()
            if any(s < end and start < e for s, e in taken):
                continue
            mon = (m.groupdict().get("mon") or "").lower()
            if kind == "my" and mon in _WORDISH_MONTHS and not m.group("y") and not text[start].isupper():
                continue  # "may", "mar" as words
            if kind == "my" and mon in ("may", "march") and not m.group("y") and not (m.group("rel") or ""):
                continue  # "May" / "March" alone are too often a verb or a name
            value, res = resolve(kind, m, anchor)
            if res is None and value is None:
                continue
            if kind == "wday" and anchor is not None and (m.group("rel") or "").lower() in ("", "on", "this"):
                if _looks_forward(text, start):
                    value = _forward_weekday(m, anchor)
            taken.append((start, end))
            out.append(DateRef(text=text[start:end], value=value, start=start, end=end, resolution=res))
    out.sort(key=lambda d: d.start)
    return out


@Language.factory("newsgraph_dates")
def make_dates(nlp: Language, name: str) -> DateResolver:
    return DateResolver()


class DateResolver:
    """Set `doc._.ng_dates` to the resolved date expressions of the body."""

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        doc._.ng_dates = find_dates(doc.text, parse_anchor(article_date(doc)))
        return doc


def date_in(doc: Doc, start: int, end: int) -> DateRef | None:
    """The first resolved day-or-finer date inside [start, end), else any resolved date there (for events)."""
    inside = [d for d in doc._.ng_dates or [] if start <= d.start and d.end <= end and d.value]
    for d in inside:
        if d.resolution == "day":
            return d
    return inside[0] if inside else None
