"""The kinds of date expression: the pattern that finds each kind over a language's date vocabulary, and the value
each kind resolves to against the article's own date.

A pattern and its resolution share the kind's name and its named groups (`mon`, `d`, `y`, `rel`, `wd`, `phrase`),
so they live together: adding a kind means a pattern and a branch in `resolve` here (and its score in
date_confidence.py). The rest of `newsgraph_dates` reads these values in context (date_context.py), joins
neighbouring expressions (date_neighbours.py) and scores them (date_confidence.py).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from newsgraph.annotate.lexicon import mapping

#: the English date vocabulary (data/dates.tsv): the default of every reader; French passes dates.fr.tsv
DEFAULT_VOCAB = "dates.tsv"
#: Patterns that need no vocabulary (ISO dates): all a language without a date vocabulary gets.
_NEUTRAL = ("iso",)


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))


def _first(*groups) -> str:
    """A lookahead on the possible first letters: lets the regex engine skip most positions cheaply."""
    chars = {w[0].lower() for g in groups for w in g if w} | {w[0].upper() for g in groups for w in g if w}
    return "(?=[" + re.escape("".join(sorted(chars))) + "])"


#: "last <month>" names this year's month only when it lies more than this many months before the article's month
#: (a writer meaning the month just past says "last month"; "last October" in November means the year before)
LAST_MONTH_GAP = 1
#: "next <month>" names this year's month only when it lies more than this many months after the article's month:
#: a writer meaning a month a season away says "this November" or "in November"; "next November" written in August
#: is the year after (one borderline item, stop 32's CoNLL draw; "next July" written in January stays this year's)
NEXT_MONTH_GAP = 3
_REL_MY = ("last", "next", "this", "early", "late", "mid", "in", "since", "until", "by")
REL_WD = ("last", "next", "this", "on", "past", "coming")
_REL_YEAR = ("in", "since", "until", "by", "of", "during", "early", "late", "mid")
#: a year written with a day or month: back to 1500 ("born on March 17, 1884"); a bare "in 1884" stays 19xx/20xx
#: (the `year` kind), where a four-digit number is too often a count
_YEAR = r"(?:1[5-9]|20)\d\d"
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_AGO = ("a", *_UNITS, *_TEENS, *_TENS, "0123456789")
#: the count of an "ago" phrase: digits, or a number word, a compound one whole ("twenty-two", "thirty five"); a
#: lookbehind refuses a number word cut from a longer compound the pattern does not read ("hundred-two")
_AGO_N = (rf"(?<![\w-]-)(?P<n>\d+|(?:{'|'.join(_TENS)})(?:[-\s]+(?:{'|'.join(_UNITS)}))?"
          rf"|{'|'.join(sorted(_TEENS, key=len, reverse=True))}|a|{'|'.join(_UNITS)})")


@lru_cache(maxsize=8)
def date_patterns(vocab: str | None = DEFAULT_VOCAB) -> list[tuple[str, re.Pattern]]:
    """The date patterns over one language's vocabulary (data/<vocab>); None: the vocabulary-free ones only."""
    if vocab is None:
        return [(k, p) for k, p in date_patterns(DEFAULT_VOCAB) if k in _NEUTRAL]
    months = _alt(mapping(vocab, "month"))
    wdays = _alt(mapping(vocab, "weekday"))
    rel_day = _alt(mapping(vocab, "relative_day"))
    rel_year = _alt(mapping(vocab, "relative_year"))
    rel_month = _alt(mapping(vocab, "relative_month"))
    mon = rf"(?P<mon>{months})\.?"
    # a day's ordinal ending, per language ("3rd", "1er"): the vocabulary's [ordinal] section
    ords = rf"(?:{_alt(mapping(vocab, 'ordinal'))})?" if mapping(vocab, "ordinal") else ""
    flags = re.IGNORECASE
    mw = list(mapping(vocab, "month"))
    ww = list(mapping(vocab, "weekday"))
    # a relative word written after the month, per language ("janvier prochain", "mars dernier"): [month_after]
    after = mapping(vocab, "month_after")
    rel_after = rf"(?:\s+(?P<rel_after>{_alt(after)}))?" if after else ""
    # the day orders the language writes ([order]; none listed: both): French never writes "juin 12", where the
    # number after a month counts something ("en juin 12 pesticides")
    orders = set(mapping(vocab, "order")) or {"dmy", "mdy"}
    return [p for p in _patterns(mon, ords, flags, mw, ww, wdays, rel_day, rel_year, rel_month, rel_after, vocab)
            if p[0] not in ("dmy", "mdy") or p[0] in orders]


def _patterns(mon, ords, flags, mw, ww, wdays, rel_day, rel_year, rel_month, rel_after, vocab
              ) -> list[tuple[str, re.Pattern]]:
    return [
        ("iso", re.compile(r"\b(?=[12])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
        # 3 February 2013, 3rd of Feb 2013, February 3, 2013, February 3rd
        # (an ordinal day joined to its month by a hyphen is one date too: French "le 1er-Mai")
        ("dmy", re.compile(rf"\b(?=\d)(?P<d>[0-3]?\d){ords}(?:\s+|(?<=\D)-(?=[^\W\d]))(?:of\s+)?{mon}(?:,?\s+(?P<y>{_YEAR}))?\b", flags)),
        ("mdy", re.compile(rf"\b{_first(mw)}{mon}\s+(?P<d>[0-3]?\d){ords}\b(?:,?\s+(?P<y>{_YEAR})\b)?", flags)),
        # early/late February 2013, in March, last March
        # ("When in April, 2007, taxpayers approved": a year after a comma counts when punctuation or the end closes
        # it, so "in May, 2000 people" stays a month)
        ("my", re.compile(rf"\b{_first(mw, _REL_MY)}(?:(?P<rel>last|next|this|early|late|mid|in|since|until|by)[\s-]+)?{mon}(?:(?:\s+(?:of\s+)?|,\s+(?={_YEAR}(?:[,.;:)]|$)))(?P<y>{_YEAR}))?{rel_after}\b", flags)),
        ("wday", re.compile(rf"\b{_first(ww, REL_WD)}(?:(?P<rel>last|next|this|on|past|coming)\s+)?(?P<wd>{wdays})\b", flags)),
        ("relday", re.compile(rf"\b{_first(mapping(vocab, 'relative_day'))}(?P<phrase>{rel_day})\b", flags)),
        ("relyear", re.compile(rf"\b{_first(mapping(vocab, 'relative_year'))}(?P<phrase>{rel_year})\b", flags)),
        ("relmonth", re.compile(rf"\b{_first(mapping(vocab, 'relative_month'))}(?P<phrase>{rel_month})\b", flags)),
        ("ago", re.compile(rf"\b{_first(_AGO, '0123456789')}{_AGO_N}\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", flags)),
        ("year", re.compile(rf"\b{_first(_REL_YEAR)}(?P<rel>in|since|until|by|of|during|early|late|mid)[\s-]+(?P<y>(?:19|20)\d\d)\b(?!-){_not_counting(vocab)}", flags)),
    ]

def _not_counting(vocab: str) -> str:
    """A lookahead refusing a year before a count noun of the vocabulary's [count_noun] ("by 2000 cases")."""
    nouns = mapping(vocab, "count_noun")
    return rf"(?!\s+(?:{_alt(nouns)})\b)" if nouns else ""


_NUMBERS = {"a": 1, **{w: i + 1 for i, w in enumerate(_UNITS)}, **{w: i + 10 for i, w in enumerate(_TEENS)},
            **{w: 10 * i + 20 for i, w in enumerate(_TENS)}}


def count_of(words: str) -> int:
    """The number of an "ago" count: "22", "a", "twenty-two", "thirty five"."""
    if words.isdigit():
        return int(words)
    return sum(_NUMBERS[w] for w in re.split(r"[-\s]+", words.lower()))


def shift_month(d: dt.date, months: int) -> tuple[int, int]:
    m = d.month - 1 + months
    return d.year + m // 12, m % 12 + 1


def resolve(kind: str, m: re.Match, anchor: dt.date | None, vocab: str = DEFAULT_VOCAB) -> tuple[str | None, str | None]:
    """(value, resolution) of one matched expression; value None when it cannot be resolved."""
    g = m.groupdict()
    months = mapping(vocab, "month")
    if kind == "iso":
        return f"{g['y']}-{g['m']}-{g['d']}", "day"
    if kind in ("dmy", "mdy"):
        month, day = int(months[g["mon"].lower()]), int(g["d"])
        if not 1 <= day <= 31:
            return None, None
        year = int(g["y"]) if g.get("y") else nearest_year(anchor, month, day)
        if year is None:
            return None, "day"
        try:
            return dt.date(year, month, day).isoformat(), "day"
        except ValueError:
            return None, None
    if kind == "my":
        month = int(months[g["mon"].lower()])
        rel = relation(m, vocab)
        if g.get("y"):
            return f"{g['y']}-{month:02d}", "month"
        if anchor is None:
            return None, "month"
        year = anchor.year
        if rel == "last":
            # "last October" written in November is a year back: the month just past is "last month"
            year -= 0 if anchor.month - month > LAST_MONTH_GAP else 1
        elif rel == "next":
            year += 0 if month - anchor.month > NEXT_MONTH_GAP else 1
        elif month - anchor.month > 6:
            year -= 1
        elif anchor.month - month > 6:
            year += 1
        return f"{year}-{month:02d}", "month"
    if kind == "wday":
        if anchor is None:
            return None, "day"
        wd = int(mapping(vocab, "weekday")[g["wd"].lower()])
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
        off = int(mapping(vocab, "relative_day")[" ".join(g["phrase"].lower().split())])
        return (anchor + dt.timedelta(days=off)).isoformat(), "day"
    if kind == "relyear":
        if anchor is None:
            return None, "year"
        off = int(mapping(vocab, "relative_year")[" ".join(g["phrase"].lower().split())])
        return str(anchor.year + off), "year"
    if kind == "relmonth":
        if anchor is None:
            return None, "month"
        off = int(mapping(vocab, "relative_month")[" ".join(g["phrase"].lower().split())])
        y, mo = shift_month(anchor, off)
        return f"{y}-{mo:02d}", "month"
    if kind == "ago":
        if anchor is None:
            return None, None
        n = count_of(g["n"])
        unit = g["unit"].lower().rstrip("s")
        if unit == "day":
            return (anchor - dt.timedelta(days=n)).isoformat(), "day"
        if unit == "week":
            return (anchor - dt.timedelta(days=7 * n)).isoformat(), "day"
        if unit == "month":
            y, mo = shift_month(anchor, -n)
            return f"{y}-{mo:02d}", "month"
        return str(anchor.year - n), "year"
    if kind == "year":
        return g["y"], "year"
    return None, None


def relation(m: re.Match, vocab: str = DEFAULT_VOCAB) -> str:
    """The relative word of a month expression, written before it ("next May") or, in a language that writes it
    after, mapped to the same word ("janvier prochain" -> "next": the vocabulary's [month_after])."""
    g = m.groupdict()
    if g.get("rel_after"):
        return str(mapping(vocab, "month_after")[" ".join(g["rel_after"].lower().split())])
    return (g.get("rel") or "").lower()


def nearest_year(anchor: dt.date | None, month: int, day: int) -> int | None:
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
