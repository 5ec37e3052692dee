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
from collections.abc import Callable
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.annotate.extensions import article_date, register_extensions
from newsgraph.annotate.lexicon import mapping
from newsgraph.records import DateRef

_DATA = "dates.tsv"
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
_REL_MY = ("last", "next", "this", "early", "late", "mid", "in", "since", "until", "by")
_REL_WD = ("last", "next", "this", "on", "past", "coming")
_REL_YEAR = ("in", "since", "until", "by", "of", "during", "early", "late", "mid")
_AGO = ("a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "0123456789")


@lru_cache(maxsize=8)
def _patterns(vocab: str | None = _DATA) -> list[tuple[str, re.Pattern]]:
    """The date patterns over one language's vocabulary (data/<vocab>); None: the vocabulary-free ones only."""
    if vocab is None:
        return [(k, p) for k, p in _patterns(_DATA) if k in _NEUTRAL]
    months = _alt(mapping(vocab, "month"))
    wdays = _alt(mapping(vocab, "weekday"))
    rel_day = _alt(mapping(vocab, "relative_day"))
    rel_year = _alt(mapping(vocab, "relative_year"))
    rel_month = _alt(mapping(vocab, "relative_month"))
    mon = rf"(?P<mon>{months})\.?"
    flags = re.IGNORECASE
    mw = list(mapping(vocab, "month"))
    ww = list(mapping(vocab, "weekday"))
    return [
        ("iso", re.compile(r"\b(?=[12])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
        # 3 February 2013, 3rd of Feb 2013, February 3, 2013, February 3rd
        ("dmy", re.compile(rf"\b(?=\d)(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{mon}(?:,?\s+(?P<y>(?:19|20)\d\d))?\b", flags)),
        ("mdy", re.compile(rf"\b{_first(mw)}{mon}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?", flags)),
        # early/late February 2013, in March, last March
        ("my", re.compile(rf"\b{_first(mw, _REL_MY)}(?:(?P<rel>last|next|this|early|late|mid|in|since|until|by)[\s-]+)?{mon}(?:\s+(?P<y>(?:19|20)\d\d))?\b", flags)),
        ("wday", re.compile(rf"\b{_first(ww, _REL_WD)}(?:(?P<rel>last|next|this|on|past|coming)\s+)?(?P<wd>{wdays})\b", flags)),
        ("relday", re.compile(rf"\b{_first(mapping(vocab, 'relative_day'))}(?P<phrase>{rel_day})\b", flags)),
        ("relyear", re.compile(rf"\b{_first(mapping(vocab, 'relative_year'))}(?P<phrase>{rel_year})\b", flags)),
        ("relmonth", re.compile(rf"\b{_first(mapping(vocab, 'relative_month'))}(?P<phrase>{rel_month})\b", flags)),
        ("ago", re.compile(rf"\b{_first(_AGO, '0123456789')}(?P<n>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", flags)),
        ("year", re.compile(rf"\b{_first(_REL_YEAR)}(?P<rel>in|since|until|by|of|during|early|late|mid)[\s-]+(?P<y>(?:19|20)\d\d)\b(?!-)", flags)),
    ]


_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_WORDISH_MONTHS = {"may", "mar", "jun", "jan", "dec", "sep", "oct", "nov", "aug", "apr", "feb", "jul", "sept"}


def _shift_month(d: dt.date, months: int) -> tuple[int, int]:
    m = d.month - 1 + months
    return d.year + m // 12, m % 12 + 1


def resolve(kind: str, m: re.Match, anchor: dt.date | None, vocab: str = _DATA) -> tuple[str | None, str | None]:
    """(value, resolution) of one matched expression; value None when it cannot be resolved."""
    g = m.groupdict()
    months = mapping(vocab, "month")
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
            # "last October" written in November is a year back: the month just past is "last month"
            year -= 0 if anchor.month - month > LAST_MONTH_GAP else 1
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


@lru_cache(maxsize=8)
def _future_cue(vocab: str = _DATA) -> re.Pattern:
    cues = sorted(mapping(vocab, "future_cue"), key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(c) for c in cues) + r")(?!\w)", re.IGNORECASE)


_CLAUSE_END = re.compile(r"[.!?;:\n\"\u201c\u201d]")


def _looks_forward(text: str, start: int, vocab: str = _DATA) -> bool:
    """The clause before a weekday (back to a sentence or quote boundary, at most 100 characters) has a future cue."""
    window = text[max(0, start - 100) : start]
    ends = list(_CLAUSE_END.finditer(window))
    if ends:
        window = window[ends[-1].end() :]
    return bool(_future_cue(vocab).search(window))


def _forward_weekday(m: re.Match, anchor: dt.date, vocab: str = _DATA) -> str:
    wd = int(mapping(vocab, "weekday")[m.group("wd").lower()])
    return (anchor + dt.timedelta(days=(wd - anchor.weekday()) % 7)).isoformat()  # the same day counts


def find_dates(text: str, anchor: dt.date | None, vocab: str | None = _DATA,
               past: Callable[[int, int], bool] | None = None) -> list[DateRef]:
    """All date expressions of `text`, longest match first, no overlaps, in text order.

    vocab: the language's date vocabulary (data/dates.tsv for English, dates.fr.tsv...); None for a language
    without one: only vocabulary-free dates (ISO) are read. past(start, end): whether the clause of the expression
    at [start, end) speaks of the past (from the parse; see `past_clause`), so a day or month without a year is
    not put after the article date.
    """
    taken: list[tuple[int, int]] = []
    out: list[DateRef] = []
    for kind, pat in _patterns(vocab):
        for m in pat.finditer(text):
            start, end = m.span()
            if any(s < end and start < e for s, e in taken):
                continue
            mon = (m.groupdict().get("mon") or "").lower()
            if kind == "my" and mon in _WORDISH_MONTHS and not m.group("y") and not text[start].isupper():
                continue  # "may", "mar" as words
            if kind == "my" and mon in ("may", "march") and not m.group("y") and not (m.group("rel") or ""):
                continue  # "May" / "March" alone are too often a verb or a name
            value, res = resolve(kind, m, anchor, vocab or _DATA)
            if res is None and value is None:
                continue
            if _year_guessed(kind, m) and value and anchor is not None and value > anchor.isoformat()[: len(value)]:
                if _since(text, m, vocab or _DATA) or (past is not None and past(start, end)):
                    value = f"{int(value[:4]) - 1}{value[4:]}"  # the past: not after the article date
                    if value.endswith("-02-29"):
                        value, res = value[:7], "month"
            if kind == "wday" and anchor is not None and (m.group("rel") or "").lower() in ("", "on", "this"):
                if _looks_forward(text, start, vocab or _DATA):
                    value = _forward_weekday(m, anchor, vocab or _DATA)
            taken.append((start, end))
            ref = DateRef(text=text[start:end], value=value, start=start, end=end, resolution=res)
            ref.confidence = date_confidence(kind, m, value, anchor, forward=kind == "wday" and value is not None and _looks_forward(text, start, vocab or _DATA), text=text)
            out.append(ref)
    out.sort(key=lambda d: d.start)
    return _combine(text, _shared_year(text, out, vocab or _DATA), anchor, vocab or _DATA)


def _year_guessed(kind: str, m: re.Match) -> bool:
    """A day or month whose year the resolver picked (nearest the article date), not one the text wrote or fixed
    ("last October", "next May" stay as they are)."""
    g = m.groupdict()
    return kind in ("dmy", "mdy", "my") and not g.get("y") and (g.get("rel") or "").lower() not in ("last", "next", "this")


def _since(text: str, m: re.Match, vocab: str) -> bool:
    """The expression is governed by a preposition of the vocabulary's [since] section ("since Oct. 7", "depuis le
    7 octobre"): a point in the past the text counts from."""
    words = mapping(vocab, "since")
    if not words:
        return False
    rel = (m.groupdict().get("rel") or "").lower()
    before = re.findall(r"[\w']+", text[max(0, m.start() - 20) : m.start()].lower())[-2:]
    return rel in words or any(w in words for w in before[-1:]) or (len(before) == 2 and before[0] in words
                                                                   and before[1] in ("le", "the", "l'"))


def past_clause(doc: Doc, start: int, end: int) -> bool:
    """The verb that governs the date at [start, end) in the parse is in a past tense: a finite past ("erupted on
    Oct. 7", imparfait or passé simple) or a perfect (a past participle with the auxiliary have/avoir: "have died
    since"); a passive or a modal ("is scheduled for", "will be held") is not. False when the sentence was not
    parsed (selective parse) or no verb governs it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not span.root.dep_:
        return False
    tok = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass", "aux:pass", "aux:tense")]
    if any(c.tag_ == "MD" or "Fut" in c.morph.get("Tense") or c.dep_ in ("auxpass", "aux:pass") for c in aux):
        return False
    if tok.morph.get("VerbForm") == ["Fin"]:
        return bool({"Past", "Imp"} & set(tok.morph.get("Tense"))) and not aux
    if tok.morph.get("VerbForm") == ["Part"] and "Past" in tok.morph.get("Tense"):
        return any(c.lemma_.lower() in ("have", "avoir") for c in aux)
    return False


def _day_word_as_noun(doc: Doc, ref: DateRef, vocab: str) -> bool:
    """A one-word relative day used as a noun with a determiner or an adjective of its own ("a better tomorrow",
    "un meilleur demain"): a figure of speech, no day. Read from the parse; in a sentence the selective parse left
    out, from the tags: an article or a possessive right before it, adjectives between ("early today" has none)."""
    if " " in ref.text.strip() or ref.text.lower() not in mapping(vocab, "relative_day"):
        return False
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    tok = span.root
    if tok.dep_:
        return any(c.dep_ in ("det", "amod", "poss") for c in tok.children)
    i = tok.i - 1
    while i >= 0 and doc[i].pos_ == "ADJ":
        i -= 1
    return i >= 0 and i < tok.i and ("Art" in doc[i].morph.get("PronType") or "Yes" in doc[i].morph.get("Poss"))


def _shared_year(text: str, refs: list[DateRef], vocab: str) -> list[DateRef]:
    """A month or day without its year coordinated with, or ranging to, one that has it ("in February and May
    2018", "en février et mai 2018", "July 28-Aug. 12, 1984", "du 28 juillet au 12 août 1984") takes that year:
    the year is written once for both. The joining words are the vocabulary's [conjunction] and [range] sections
    (a range of symbols, "-" or an en dash, needs no space around it); a range whose first part comes later in
    the calendar than its end ("Dec. 28-Jan. 3, 1985") starts the year before. A part given its own year keeps it."""
    conj = [w for w in mapping(vocab, "conjunction")]
    ranges = list(mapping(vocab, "range"))
    if not conj and not ranges:
        return refs
    words = [w for w in conj + ranges if w[:1].isalpha()]
    syms = [w for w in ranges if not w[:1].isalpha()]
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"
    salt = "|".join(re.escape(w) for w in sorted(syms, key=len, reverse=True)) or "(?!)"
    join = re.compile(rf"^(?:\s*,)?\s+(?P<w>{alt})\s+$|^\s*(?P<s>{salt})\s*$", re.IGNORECASE)
    lead = re.compile(rf"^(?P<w>{alt})\s", re.IGNORECASE)  # "until August 2019": the joining word inside the match
    for d, nxt in zip(refs, refs[1:], strict=False):
        if not (d.resolution in ("month", "day") and nxt.resolution in ("month", "day") and d.value and nxt.value
                and not re.search(r"\d{4}", d.text) and re.search(r"\d{4}", nxt.text)):
            continue
        between = text[d.end : nxt.start]
        m = join.match(between)
        if m is None and not between.strip() and (lw := lead.match(nxt.text)):
            m = join.match(between + lw.group("w") + " ")
        if m is None:
            continue
        word = (m.group("w") or m.group("s") or "").lower()
        year = int(nxt.value[:4])
        if word in {w.lower() for w in ranges} and d.value[5:] > nxt.value[5:]:
            year -= 1  # the range crosses a new year
        value = f"{year}{d.value[4:]}"
        try:
            dt.date.fromisoformat(value if len(value) == 10 else value + "-01")
        except ValueError:
            continue
        d.value = value
    return refs


#: A day number right after a weekday ("samedi 21", "Saturday 21st"), not the start of a longer number or a time.
_DAY_AFTER = re.compile(r"^\s+(\d{1,2})(?:er|st|nd|rd|th)?\b(?![:.,]?\d)")


def _weekday_day(anchor: dt.date, weekday: int, day: int) -> dt.date | None:
    """The date with this day of the month that falls on this weekday, in the article's month or the one before or
    after, nearest the article date; None when none does (the two disagree: leave the weekday as it was read)."""
    best = None
    for shift in (-1, 0, 1):
        y, m = _shift_month(anchor, shift)
        try:
            cand = dt.date(y, m, day)
        except ValueError:
            continue
        if cand.weekday() == weekday and (best is None or abs(cand - anchor) < abs(best - anchor)):
            best = cand
    return best


_YEAR_AFTER = re.compile(r"^\s+(last|next|this)\s+year\b", re.IGNORECASE)
_JOIN = re.compile(r"^[\s,]{1,3}$")
#: Two weekdays joined by a hyphen or dash with no space, then a lower-case word: a modifier ("Monday-Friday shifts").
_WEEKDAY_RANGE_MODIFIER = re.compile("^[-\u2013]\\|\\s+[a-z]")
#: A month or weekday with its year given by the words after it ("in November last year").
_YEAR_SHIFT = {"last": -1, "next": 1, "this": 0}


def _combine(text: str, refs: list[DateRef], anchor: dt.date | None, vocab: str = _DATA) -> list[DateRef]:
    """Read neighbouring expressions together: a weekday written with its date ("Friday, April 17") takes that
    date and disappears into it; a month followed by "last/next/this year" takes that year ("in November last
    year"); a weekday inside a name ("Good Friday Agreement", "Black Friday") is no date."""
    out: list[DateRef] = []
    skip: set[int] = set()
    for i, d in enumerate(refs):
        if i in skip:
            continue
        nxt = refs[i + 1] if i + 1 < len(refs) else None
        weekdays = mapping(vocab, "weekday")
        wday = d.resolution == "day" and d.text.split()[-1].lower() in weekdays
        if (wday and nxt is not None and nxt.text.split()[-1].lower() in weekdays
                and _WEEKDAY_RANGE_MODIFIER.match(text[d.end : nxt.start] + "|" + text[nxt.end : nxt.end + 3])):
            skip.add(i + 1)  # "Tuesday-Saturday drivers": a span of weekdays qualifying a noun, no date
            continue
        if wday and nxt is not None and nxt.resolution == "day" and _JOIN.match(text[d.end : nxt.start]):
            nxt.text, nxt.start = text[d.start : nxt.end], d.start
            continue  # the explicit date carries the value
        num = _DAY_AFTER.match(text[d.end : d.end + 8]) if wday and anchor is not None else None
        if num and (nxt is None or nxt.start >= d.end + num.end()):
            day = _weekday_day(anchor, int(weekdays[d.text.split()[-1].lower()]), int(num.group(1)))
            if day is not None:  # "le samedi 21": the 21st that is a Saturday, nearest the article date
                d.value, d.end = day.isoformat(), d.end + num.end()
                d.text = text[d.start : d.end]
        if wday and len(d.text.split()) == 1 and d.text[:1].isupper() and _in_name(text, d.start):
            # (a lower-case weekday, as French writes them, is never part of a name: "a reçu Giulia Marchetti mardi")
            continue
        m = _YEAR_AFTER.match(text[d.end : d.end + 20])
        if m and anchor is not None and d.resolution == "month" and d.value and len(d.value) == 7:
            year = anchor.year + _YEAR_SHIFT[m.group(1).lower()]
            d.value = f"{year}{d.value[4:]}"
            d.text, d.end = text[d.start : d.end + m.end()], d.end + m.end()
            if nxt is not None and nxt.start < d.end:
                skip.add(i + 1)
        out.append(d)
    return out


def _in_name(text: str, start: int) -> bool:
    """A weekday right after a capitalised word that is not its sentence's first ("Good Friday", "Super Tuesday")."""
    before = text[max(0, start - 30) : start]
    m = re.search(r"(?:^|[^\w.!?])\s*([A-Z][a-z]+)\s+$", before)
    if not m:
        return False
    word = m.group(1).lower()
    if word in _REL_WD or word in ("since", "until", "by", "from", "every", "each", "before", "after"):
        return False
    head = before[: m.start(1)].rstrip()
    return bool(head) and head[-1] not in ".!?:\n\"\u201c"


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


@Language.factory("newsgraph_dates", assigns=["doc._.ng_dates"],
                  default_config={"vocabulary": _DATA, "speech_cues": "cues.tsv"})
def make_dates(nlp: Language, name: str, vocabulary: str | None = _DATA,
               speech_cues: str | None = "cues.tsv") -> DateResolver:
    """vocabulary: the data file of month and weekday names and relative phrases (dates.fr.tsv for French);
    None reads only the dates that need no vocabulary (ISO). speech_cues: the quote lexicon whose [verb] lemmas
    are speech verbs (date_speech.py: a relative day in a quotation counts from the day it was said); None: off."""
    return DateResolver(vocabulary, speech_cues)


class DateResolver:
    """Set `doc._.ng_dates` to the resolved date expressions of the body."""

    def __init__(self, vocabulary: str | None = _DATA, speech_cues: str | None = "cues.tsv"):
        self.vocabulary = vocabulary
        self.speech_cues = speech_cues if vocabulary else None

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        doc._.ng_dates = find_dates(doc.text, parse_anchor(article_date(doc)), self.vocabulary,
                                    past=lambda s, e: past_clause(doc, s, e))
        doc._.ng_dates = [d for d in doc._.ng_dates if not _day_word_as_noun(doc, d, self.vocabulary or _DATA)]
        if self.speech_cues:
            from newsgraph.annotate import calibration as cal
            from newsgraph.annotate.date_speech import speech_days

            speech_days(doc, doc._.ng_dates, self.vocabulary or _DATA, self.speech_cues,
                        cal.calibrate("date", DATE_SCORES["quoted_unknown_day"]))
        return doc


def date_in(doc: Doc, start: int, end: int) -> DateRef | None:
    """The first resolved day-or-finer date inside [start, end), else any resolved date there (for events)."""
    inside = [d for d in doc._.ng_dates or [] if start <= d.start and d.end <= end and d.value]
    for d in inside:
        if d.resolution == "day":
            return d
    return inside[0] if inside else None
