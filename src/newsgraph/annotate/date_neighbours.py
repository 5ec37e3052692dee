"""Neighbouring date expressions read together: a year written once for two parts ("in February and May 2018",
"July 28-Aug. 12, 1984"), a weekday written with its date ("Friday, April 17", "le samedi 21"), a month or day followed by
"last/next/this year" or "of the previous/following year", and weekdays that are no date ("Good Friday Agreement", "Tuesday-Saturday drivers"), and the weekdays of a timetable ("open 4 p.m. to 10 p.m. Monday through Friday").

Each expression is first resolved on its own (date_expressions.py); these rules run once over the sorted list of
them, since each needs the text between two expressions or right after one.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from newsgraph.annotate.date_expressions import DEFAULT_VOCAB, REL_WD, shift_month
from newsgraph.annotate.lexicon import mapping
from newsgraph.records import DateRef


def shared_year(text: str, refs: list[DateRef], vocab: str) -> list[DateRef]:
    """A month or day without its year coordinated with, or ranging to, one that has it ("in February and May
    2018", "en février et mai 2018", "July 28-Aug. 12, 1984", "du 28 juillet au 12 août 1984") takes that year:
    the year is written once for both. The joining words are the vocabulary's [conjunction] and [range] sections
    (a range of symbols, "-" or an en dash, needs no space around it); a range whose first part comes later in
    the calendar than its end ("Dec. 28-Jan. 3, 1985") starts the year before. A part given its own year keeps it."""
    patterns = _joining_patterns(vocab)
    if patterns is None:
        return refs
    join, lead, range_words = patterns
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
        if word in range_words and d.value[5:] > nxt.value[5:]:
            year -= 1  # the range crosses a new year
        value = f"{year}{d.value[4:]}"
        try:
            dt.date.fromisoformat(value if len(value) == 10 else value + "-01")
        except ValueError:
            continue
        d.value = value
    return refs


@lru_cache(maxsize=8)
def _joining_patterns(vocab: str) -> tuple[re.Pattern, re.Pattern, frozenset[str]] | None:
    """`shared_year`'s patterns for one vocabulary, built once: the joining words or symbols between two dates,
    the joining word opening the second date's match, and the range words (lower case); None without any."""
    conj = [w for w in mapping(vocab, "conjunction")]
    ranges = list(mapping(vocab, "range"))
    if not conj and not ranges:
        return None
    words = [w for w in conj + ranges if w[:1].isalpha()]
    syms = [w for w in ranges if not w[:1].isalpha()]
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"
    salt = "|".join(re.escape(w) for w in sorted(syms, key=len, reverse=True)) or "(?!)"
    join = re.compile(rf"^(?:\s*,)?\s+(?P<w>{alt})\s+$|^\s*(?P<s>{salt})\s*$", re.IGNORECASE)
    lead = re.compile(rf"^(?P<w>{alt})\s", re.IGNORECASE)  # "until August 2019": the joining word inside the match
    return join, lead, frozenset(w.lower() for w in ranges)


#: A day number right after a weekday ("samedi 21", "Saturday 21st"), not the start of a longer number, a time or
#: a range of opening hours ("Friday 10-6").
_DAY_AFTER = re.compile(r"^\s+(\d{1,2})(?:er|st|nd|rd|th)?\b(?![:.,\-\u2013]?\d)")


def _weekday_day(anchor: dt.date, weekday: int, day: int) -> dt.date | None:
    """The date with this day of the month that falls on this weekday, in the article's month or the one before or
    after, nearest the article date; None when none does (the two disagree: leave the weekday as it was read)."""
    best = None
    for shift in (-1, 0, 1):
        y, m = shift_month(anchor, shift)
        try:
            cand = dt.date(y, m, day)
        except ValueError:
            continue
        if cand.weekday() == weekday and (best is None or abs(cand - anchor) < abs(best - anchor)):
            best = cand
    return best


#: words after a month or a day without its year that give the year: "in November last year", "June 16th of last
#: year", "in March of next year", "on May 2 of the following year" (group 1: the word that moves the year)
_YEAR_AFTER = re.compile(r"^(?:\s*,)?\s+(?:of\s+)?(last|next|this|the\s+(?:previous|preceding|following|next|same))"
                         r"\s+year\b", re.IGNORECASE)
_JOIN = re.compile(r"^[\s,]{1,3}$")
#: Two weekdays joined by a hyphen or dash with no space, then a lower-case word: a modifier ("Monday-Friday shifts").
_WEEKDAY_RANGE_MODIFIER = re.compile("^[-\u2013]\\|\\s+[a-z]")
#: A month or weekday with its year given by the words after it ("in November last year").
_YEAR_SHIFT = {"last": -1, "next": 1, "this": 0, "the previous": -1, "the preceding": -1, "the following": 1,
               "the next": 1, "the same": 0}
#: an explicit year written in a date expression (the year "the previous/following year" counts from)
_WRITTEN_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")


def combine_neighbours(text: str, refs: list[DateRef], anchor: dt.date | None, vocab: str = DEFAULT_VOCAB) -> list[DateRef]:
    """Read neighbouring expressions together: a weekday written with its date ("Friday, April 17") takes that
    date and disappears into it; a month or a day without its year followed by "(of) last/next/this year" or "of the
    previous/following year" takes that year ("in November last year", "June 16th of last year"; "the previous year"
    counts from the last year written before it, else from the article's); a weekday inside a name ("Good Friday Agreement", "Black Friday") is no date."""
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
        if wday and nxt is not None and nxt.resolution == "day" and (_JOIN.match(text[d.end : nxt.start]) or _gloss(text, d, nxt)):
            _weekday_agrees(nxt, int(weekdays[d.text.split()[-1].lower()]))
            close = _GLOSS_CLOSE.match(text, nxt.end) if _gloss(text, d, nxt) else None
            nxt.end = close.end() if close else nxt.end
            nxt.text, nxt.start = text[d.start : nxt.end], d.start
            continue  # the explicit date carries the value ("next Friday (Sept. 6)": the text's own gloss wins)
        num = _DAY_AFTER.match(text[d.end : d.end + 8]) if wday and anchor is not None else None
        if num and (nxt is None or nxt.start >= d.end + num.end()):
            day = _weekday_day(anchor, int(weekdays[d.text.split()[-1].lower()]), int(num.group(1)))
            if day is not None:  # "le samedi 21": the 21st that is a Saturday, nearest the article date
                d.value, d.end = day.isoformat(), d.end + num.end()
                d.text = text[d.start : d.end]
        if wday and len(d.text.split()) == 1 and d.text[:1].isupper() and _in_name(text, d.start):
            # (a lower-case weekday, as French writes them, is never part of a name: "a reçu Giulia Marchetti mardi")
            continue
        m = _YEAR_AFTER.match(text[d.end : d.end + 30])
        if (m and anchor is not None and d.resolution in ("month", "day") and d.value and len(d.value) in (7, 10)
                and not _WRITTEN_YEAR.search(d.text) and not wday):
            word = " ".join(m.group(1).lower().split())
            base = _year_before(out, anchor) if word.startswith("the ") else anchor.year
            value = f"{base + _YEAR_SHIFT[word]}{d.value[4:]}"
            if _valid(value):
                d.value = value
                d.text, d.end = text[d.start : d.end + m.end()], d.end + m.end()
                if nxt is not None and nxt.start < d.end:
                    skip.add(i + 1)
        out.append(d)
    return out


#: A date in brackets right after a relative weekday: the writer's own gloss of it ("next Friday (Sept. 6)").
_GLOSS_OPEN = re.compile(r"^\s*\(\s*$")
_GLOSS_CLOSE = re.compile(r"\s*\)")


def _gloss(text: str, d: DateRef, nxt: DateRef) -> bool:
    """`nxt` is a day in brackets right after `d` with a digit of its own: it says which day `d` is, so its value
    is the one to keep, whatever the arithmetic from the article date would give for "next Friday"."""
    return bool(_GLOSS_OPEN.match(text[d.end : nxt.start])) and any(c.isdigit() for c in nxt.text)


def _year_before(refs: list[DateRef], anchor: dt.date) -> int:
    """The year "the previous/following year" counts from: the last year written in an expression before it ("in
    2014 ... in March of the following year"), else the article's own year."""
    for r in reversed(refs):
        if r.value and _WRITTEN_YEAR.search(r.text):
            return int(r.value[:4])
    return anchor.year


def _valid(value: str) -> bool:
    """An ISO month or day that exists (a 29 February moved to a year without one does not)."""
    try:
        dt.date.fromisoformat(value if len(value) == 10 else value + "-01")
    except ValueError:
        return False
    return True


def _weekday_agrees(ref: DateRef, weekday: int) -> None:
    """A weekday written with a day whose year the resolver guessed ("the concluding session on Sunday, September
    8th", its year in an earlier sentence) must fall on that weekday in the guessed year; when it does not, the
    year is elsewhere in the text and the date is kept but not vouched for (DATE_SCORES "weekday_conflict")."""
    if not ref.value or len(ref.value) != 10 or re.search(r"\d{4}", ref.text):
        return
    try:
        day = dt.date.fromisoformat(ref.value)
    except ValueError:
        return
    if day.weekday() != weekday:
        from newsgraph.annotate import calibration as cal
        from newsgraph.annotate.date_confidence import DATE_SCORES

        ref.confidence = min(ref.confidence, cal.calibrate("date", DATE_SCORES["weekday_conflict"]))


def _in_name(text: str, start: int) -> bool:
    """A weekday right after a capitalised word that is not its sentence's first ("Good Friday", "Super Tuesday")."""
    before = text[max(0, start - 30) : start]
    m = re.search(r"(?:^|[^\w.!?])\s*([A-Z][a-z]+)\s+$", before)
    if not m:
        return False
    word = m.group(1).lower()
    if word in REL_WD or word in ("since", "until", "by", "from", "every", "each", "before", "after"):
        return False
    head = before[: m.start(1)].rstrip()
    return bool(head) and head[-1] not in ".!?:\n\"\u201c"


#: how far (characters) a span of clock times may stand from a weekday and still be its hours ("from 10 a.m. to 5
#: p.m. Monday", "Monday-Thursday 10-8")
CLOCK_GAP = 6
#: a sentence boundary for `timetable_days` (a period after a clock abbreviation does not end it)
_SENTENCE = re.compile(r"(?<![ap]\.m)(?<!\b[ap]m)[.!?\n](?=\s|$)")


@lru_cache(maxsize=8)
def _clock_range(vocab: str) -> re.Pattern | None:
    """A span of clock times ("4 p.m. to 10 p.m.", "7:30 a.m.-9:30 p.m.", "noon to 9 p.m.", "10-8"): two times
    joined by a [range] word or symbol; None when the vocabulary has no [clock] words."""
    clock = sorted(mapping(vocab, "clock"), key=len, reverse=True)
    if not clock:
        return None
    marks = "|".join(re.escape(c) for c in clock)
    words = [w for w in mapping(vocab, "range") if w[:1].isalpha()]
    syms = "".join(re.escape(w) for w in mapping(vocab, "range") if not w[:1].isalpha())
    join = rf"(?:\s*[{syms}]\s*|\s+(?:{'|'.join(map(re.escape, words))})\s+)"
    time = rf"(?:\d{{1,2}}(?::\d\d)?(?:\s*(?:{marks})(?!\w))?|(?:{marks})(?!\w))"
    return re.compile(rf"(?<![\w:]){time}{join}{time}(?![\w:])", re.IGNORECASE)


def timetable_days(text: str, refs: list[DateRef], vocab: str = DEFAULT_VOCAB) -> list[DateRef]:
    """Leave out the weekdays of a timetable: a weekday range ("Monday through Friday", "Monday-Thursday": two
    weekdays joined by a [range] word or symbol) with a span of clock times right beside one of its ends ("open
    from 4 p.m. to 10 p.m. Monday through Friday", "Monday-Thursday 10-8") gives opening hours, which recur every
    week; so do the other weekdays of that sentence with their own hours ("noon to 10 p.m. Saturday"). Why both a
    range and the hours: a range alone is often one run of days ("From Thursday through Sunday, astronomers will
    ..."), and hours alone one event ("held from 8:30 a.m. to 12:30 p.m. Saturday")."""
    pat = _clock_range(vocab)
    weekdays = mapping(vocab, "weekday")
    if pat is None:
        return refs
    spans = [m.span() for m in pat.finditer(text)]
    if not spans:
        return refs

    def clocked(d: DateRef) -> bool:
        return any(0 <= d.start - e <= CLOCK_GAP or 0 <= s - d.end <= CLOCK_GAP for s, e in spans)

    days = [d for d in refs if d.text.split()[-1].lower() in weekdays]
    drop: set[int] = set()
    for a, b in zip(days, days[1:], strict=False):
        if not _weekday_range(text, a, b, vocab) or not (clocked(a) or clocked(b)):
            continue
        lo = max((m.end() for m in _SENTENCE.finditer(text, 0, a.start)), default=0)
        hi = next((m.start() for m in _SENTENCE.finditer(text, b.end)), len(text))
        drop |= {id(a), id(b)} | {id(d) for d in days if lo <= d.start < hi and clocked(d)}
    return [d for d in refs if id(d) not in drop]


def _weekday_range(text: str, a: DateRef, b: DateRef, vocab: str) -> bool:
    """`a` and `b` are two weekdays joined by a [range] word or symbol ("Monday through Friday", "Monday-Thursday"):
    the one reading of a weekday range, shared by `timetable_days` and `ordered_ranges`."""
    weekdays = mapping(vocab, "weekday")
    return (a.text.split()[-1].lower() in weekdays and b.text.split()[-1].lower() in weekdays
            and text[a.end : b.start].strip().lower() in {w.lower() for w in mapping(vocab, "range")})


def ordered_ranges(text: str, refs: list[DateRef], anchor: dt.date | None, vocab: str = DEFAULT_VOCAB) -> list[DateRef]:
    """A range of two weekdays ("early voting ran from Monday through Saturday") runs forward: when its ends, each
    resolved on its own, come out in the wrong order (written on a Monday: Monday = that day, Saturday = two days
    before), the end that is not yet past keeps its day and the other moves a week (a past range: its start a week
    back; a coming one: its end a week on)."""
    for a, b in zip(refs, refs[1:], strict=False):
        if not (anchor is not None and a.value and b.value and len(a.value) == len(b.value) == 10 and a.value > b.value
                and _weekday_range(text, a, b, vocab)):
            continue
        if b.value <= anchor.isoformat():
            a.value = (dt.date.fromisoformat(a.value) - dt.timedelta(days=7)).isoformat()
        else:
            b.value = (dt.date.fromisoformat(b.value) + dt.timedelta(days=7)).isoformat()
    return refs
