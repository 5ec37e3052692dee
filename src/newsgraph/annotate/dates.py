"""`newsgraph_dates`: every date expression in the body, resolved against the article's own date.

Why regex over the text and not spaCy's DATE entities: we need the value, not just the span, and the value needs
the phrase's parts (weekday, month, "last", "late last year"); the small model's DATE spans are also unreliable.
News convention: a bare weekday ("on Saturday") is the most recent such day on or before the article date,
"last Sunday" the one strictly before it, "next Monday" the one after; a bare weekday whose clause looks
forward ("talks will resume on Monday", "until Friday": data/dates.tsv [future_cue]) is the next such day. The value keeps its true resolution:
"2013-02-02" (day), "2013-02" (month), "2012" (year). Without an article date relative phrases get value None.
The expression kinds and their values are date_expressions.py; the clause around an expression (forward, past,
a day word used as a noun) date_context.py; neighbouring expressions read together date_neighbours.py; scores
date_confidence.py; relative days inside quotations date_speech.py. This module finds the expressions in a text
and is the spaCy component.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.annotate.date_confidence import DATE_SCORES, date_confidence
from newsgraph.annotate.date_context import (
    cue_governs,
    day_word_as_noun,
    forward_weekday,
    future_clause,
    governed_by_since,
    looks_forward,
    past_clause,
    year_guessed,
)
from newsgraph.annotate.date_evidence import relearn
from newsgraph.annotate.date_expressions import DEFAULT_VOCAB, date_patterns, parse_anchor, resolve
from newsgraph.annotate.date_generic import generic_today
from newsgraph.annotate.date_markets import contract_months
from newsgraph.annotate.date_names import date_names_event, relative_day_in_name, weekday_in_name
from newsgraph.annotate.date_neighbours import combine_neighbours, ordered_ranges, shared_year, timetable_days
from newsgraph.annotate.date_tense import (
    clause_tense,
    month_ahead,
    past_verb_before,
    recurring_day,
    unsure_weekday,
    verb_path,
)
from newsgraph.annotate.doc_cache import doc_text
from newsgraph.annotate.extensions import article_date, register_extensions
from newsgraph.annotate.lexicon import mapping
from newsgraph.annotate.triggers import ParseTriggers
from newsgraph.records import DateRef

#: the paragraphs of an article's lead, where it names the day of its news (a one-line standfirst may open it)
LEAD_PARAGRAPHS = 2
_WORDISH_MONTHS = {"may", "mar", "jun", "jan", "dec", "sep", "oct", "nov", "aug", "apr", "feb", "jul", "sept"}


def find_dates(text: str, anchor: dt.date | None, vocab: str | None = DEFAULT_VOCAB,
               past: Callable[[int, int], bool] | None = None,
               future: Callable[[int, int], bool] | None = None,
               modifier: Callable[[int, int], bool] | None = None,
               ahead: Callable[[int, int], bool] | None = None) -> list[DateRef]:
    """All date expressions of `text`, longest match first, no overlaps, in text order.

    vocab: the language's date vocabulary (data/dates.tsv for English, dates.fr.tsv...); None for a language
    without one: only vocabulary-free dates (ISO) are read. past(start, end): whether the clause of the expression
    at [start, end) speaks of the past (from the parse; see `past_clause`), so a day or month without a year is
    not put after the article date; future(start, end): whether its verb is in the future tense (the parse's
    morphology, see `future_clause`), so a bare weekday there is the next one; modifier(start, end): whether the
    parse makes the word there a compound of a noun after it (a contract month after a preposition, date_markets.py);
    ahead(start, end): whether the clause of a month or day without a year points after the article date
    (`date_tense.month_ahead`; `future` when not given), so it is not put before the article date.
    """
    ahead = ahead or future
    taken: list[tuple[int, int]] = []
    out: list[DateRef] = []
    for kind, pat in date_patterns(vocab):
        for m in pat.finditer(text):
            start, end = m.span()
            if any(s < end and start < e for s, e in taken):
                continue
            if text[end : end + 1] == "/" or text[max(0, start - 1) : start] == "/":
                # (stop 37) one half of a split expression ("in 1986/87", a crop or fiscal year; "April/January"):
                # either half alone names a period the text does not
                taken.append((start, end))
                continue
            mon = (m.groupdict().get("mon") or "").lower()
            if kind == "my" and mon in _WORDISH_MONTHS and not m.group("y") and not text[start].isupper():
                continue  # "may", "mar" as words
            if kind == "my" and mon in ("may", "march") and not m.group("y") and not (m.group("rel") or ""):
                continue  # "May" / "March" alone are too often a verb or a name
            value, res = resolve(kind, m, anchor, vocab or DEFAULT_VOCAB)
            if res is None and value is None:
                continue
            if year_guessed(kind, m, vocab or DEFAULT_VOCAB) and value and anchor is not None and value > anchor.isoformat()[: len(value)]:
                if governed_by_since(text, m, vocab or DEFAULT_VOCAB) or (past is not None and past(start, end)):
                    value, res = _shift_year(value, res, -1)  # the past: not after the article date
            elif (year_guessed(kind, m, vocab or DEFAULT_VOCAB) and value and anchor is not None
                  and value < anchor.isoformat()[: len(value)] and ahead is not None and ahead(start, end)
                  and not governed_by_since(text, m, vocab or DEFAULT_VOCAB)):
                # (stop 37) the mirror of the past rule: a clause that points ahead ("the plant would close in October",
                # "the pact expires in October", written in March) names the next such month or day, not the last
                value, res = _shift_year(value, res, 1)
            forward = kind == "wday" and (
                (looks_forward(text, start, vocab or DEFAULT_VOCAB)
                 and (past is None or cue_governs(text, start, vocab or DEFAULT_VOCAB) or not past(start, end)))
                or (future is not None and future(start, end)))
            if kind == "wday" and anchor is not None and (m.group("rel") or "").lower() in ("", "on", "this"):
                if forward and _lead_day(text, m, out, past, future) is not None:
                    value, forward = _lead_day(text, m, out, past, future), False
                elif forward:
                    value = forward_weekday(m, anchor, vocab or DEFAULT_VOCAB)
            taken.append((start, end))
            ref = DateRef(text=text[start:end], value=value, start=start, end=end, resolution=res)
            ref.confidence = date_confidence(kind, m, value, anchor, forward=forward and value is not None, text=text)
            out.append(ref)
    out.sort(key=lambda d: d.start)
    refs = combine_neighbours(text, shared_year(text, out, vocab or DEFAULT_VOCAB), anchor, vocab or DEFAULT_VOCAB)
    refs = contract_months(text, refs, anchor, vocab or DEFAULT_VOCAB, modifier)
    return ordered_ranges(text, timetable_days(text, refs, vocab or DEFAULT_VOCAB), anchor, vocab or DEFAULT_VOCAB)


def _shift_year(value: str, res: str | None, years: int) -> tuple[str, str | None]:
    """A guessed year moved by `years` ("2024-10" -> "2023-10"); a 29 February that the other year lacks keeps its
    month only."""
    value = f"{int(value[:4]) + years}{value[4:]}"
    return (value[:7], "month") if value.endswith("-02-29") else (value, res)


def _lead_day(text: str, m, found: list[DateRef], past, future) -> str | None:
    """A weekday a past clause leads up to ("Ahead of Friday's meeting, France and Germany unveiled ...") that the
    article's lead (its first LEAD_PARAGRAPHS paragraphs: a standfirst may come first) already names as the day of
    its news ("European leaders gathered Friday"): the lead's day, not
    the coming one (a paper of Sunday tells Friday's summit). Only where the clause is past and no future verb
    governs the weekday; the value of the lead's same-named bare weekday, else None."""
    start, end = m.span()
    if past is None or not past(start, end) or (future is not None and future(start, end)):
        return None
    paras = [p for p in re.finditer(r"[^\n]*\S[^\n]*", text)][:LEAD_PARAGRAPHS]
    lead = paras[-1].end() if paras else 0
    if start < lead:
        return None
    name = m.group("wd").lower()
    same = [d for d in found if d.end <= lead and d.value and d.text.split()[-1].lower() == name
            and d.text.split()[0].lower() in (name, "on")]
    return same[0].value if same else None


@Language.factory("newsgraph_dates", assigns=["doc._.ng_dates"],
                  default_config={"vocabulary": DEFAULT_VOCAB, "speech_cues": "cues.tsv"})
def make_dates(nlp: Language, name: str, vocabulary: str | None = DEFAULT_VOCAB,
               speech_cues: str | None = "cues.tsv") -> DateResolver:
    """vocabulary: the data file of month and weekday names and relative phrases (dates.fr.tsv for French);
    None reads only the dates that need no vocabulary (ISO). speech_cues: the quote lexicon whose [verb] lemmas
    are speech verbs (date_speech.py: a relative day in a quotation counts from the day it was said); None: off."""
    return DateResolver(vocabulary, speech_cues)


class DateResolver:
    """Set `doc._.ng_dates` to the resolved date expressions of the body."""

    def __init__(self, vocabulary: str | None = DEFAULT_VOCAB, speech_cues: str | None = "cues.tsv"):
        self.vocabulary = vocabulary
        self.speech_cues = speech_cues if vocabulary else None
        names = frozenset(w for w in (*mapping(vocabulary, "weekday"), *mapping(vocabulary, "month"))
                          if " " not in w and len(w) > 3) if vocabulary else frozenset()
        self._triggers = ParseTriggers(frozenset(), names, frozenset())

    def parse_triggers(self) -> ParseTriggers:
        """Sentences naming a weekday or a month are parsed (triggers.py): the tense of the clause that governs a
        weekday says which one it is, and a past clause keeps a day without a year before the article date
        (date_tense.py); the selective parse would leave most of them out. Built once: the parser asks per batch."""
        return self._triggers

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        vocab = self.vocabulary or DEFAULT_VOCAB
        tense = cache(lambda s, e: clause_tense(doc, s, e, vocab))  # past and future both ask for a weekday
        doc._.ng_dates = find_dates(doc_text(doc), parse_anchor(article_date(doc)), self.vocabulary,
                                    past=lambda s, e: past_clause(doc, s, e) or tense(s, e) == "past",
                                    future=lambda s, e: future_clause(doc, s, e) or tense(s, e) == "future",
                                    modifier=lambda s, e: _noun_modifier(doc, s, e),
                                    ahead=lambda s, e: month_ahead(doc, s, e, vocab, tense(s, e)))
        weekdays = mapping(vocab, "weekday")
        doc._.ng_dates = [d for d in doc._.ng_dates if not day_word_as_noun(doc, d, vocab)
                          and not relative_day_in_name(doc, d, vocab) and not weekday_in_name(doc, d, vocab)
                          and not (d.text.split()[-1].lower() in weekdays and recurring_day(doc, d.start, d.end, vocab))]
        from newsgraph.annotate import calibration as cal

        _agreeing_weekdays(doc, vocab, tense, cal.calibrate("date", DATE_SCORES["weekday"]),
                           cal.calibrate("date", DATE_SCORES["weekday_forward"]))
        for d in doc._.ng_dates:
            if d.text.split()[-1].lower() in weekdays and (unsure_weekday(doc, d.start, d.end, vocab)
                                                           or tense(d.start, d.end) == "mixed"):
                d.confidence = min(d.confidence, cal.calibrate("date", DATE_SCORES["weekday_unsure"]))
            elif d.value and generic_today(doc, d, vocab):
                d.confidence = min(d.confidence, cal.calibrate("date", DATE_SCORES["generic_today"]))
            elif d.value and date_names_event(doc, d, vocab, parse_anchor(article_date(doc)), doc._.ng_dates):
                d.confidence = min(d.confidence, cal.calibrate("date", DATE_SCORES["event_name"]))
        if self.speech_cues:
            from newsgraph.annotate.date_speech import speech_days

            speech_days(doc, doc._.ng_dates, self.vocabulary or DEFAULT_VOCAB, self.speech_cues,
                        cal.calibrate("date", DATE_SCORES["quoted_unknown_day"]))
        # last: the hand scores above are the kinds the learned confidence reads (date_evidence.py)
        relearn(doc._.ng_dates, doc_text(doc), article_date(doc))
        return doc


def _agreeing_weekdays(doc: Doc, vocab: str, tense: Callable[[int, int], str | None], plain: float,
                       forward: float) -> None:
    """A bare weekday whose clause gives no direction ("the moderator of Monday night's first debate", "meet for the
    first of three debates Monday") took the last such day by default; where the same document's clauses put the
    same weekday ahead ("Trump will probably use Monday's encounter") and none puts it back (a past verb), the
    document speaks of one coming day: the undecided mentions take that day. The default is a guess the text never
    made; a decided mention of the same day in the same text is evidence about it. Only a weekday at the plain
    score (`plain`: resolved by the default, no cue, no lead day) changes; it takes the `forward` score."""
    weekdays = mapping(vocab, "weekday")
    bare = [d for d in doc._.ng_dates if d.value and len(d.value) == 10 and d.text.split()[-1].lower() in weekdays
            and (len(d.text.split()) == 1 or d.text.split()[0].lower() == "on")]
    for name in {d.text.split()[-1].lower() for d in bare}:
        same = [d for d in bare if d.text.split()[-1].lower() == name]
        ahead = {d.value for d in same if abs(d.confidence - forward) < 1e-9}
        back = [d for d in same if tense(d.start, d.end) == "past" or _past_before(doc, d)
                or (past_clause(doc, d.start, d.end) and not _dates_noun(doc, d))]
        if len(ahead) != 1 or back:
            continue
        day = next(iter(ahead))
        for d in same:
            if abs(d.confidence - plain) < 1e-9 and d.value < day and tense(d.start, d.end) in (None, "perfect"):
                d.value, d.confidence = day, forward


def _past_before(doc: Doc, d: DateRef) -> bool:
    """A finite past verb right before the weekday ("said Friday"), the verb it dates."""
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and past_verb_before(doc, span[0])


def _dates_noun(doc: Doc, d: DateRef) -> bool:
    """The weekday dates a noun, not its verb: a modifier of the noun ("Monday night's debate") or a noun between
    it and the verb in the parse ("the moderator of Monday night's debate"): a perfect or past verb above tells what
    was done about the thing, not when the thing was."""
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None or not len(span) or not span.root.dep_:
        return False
    return verb_path(span.root)[1] or span.root.dep_ in ("compound", "poss", "nmod:poss", "nmod", "amod")


def _noun_modifier(doc: Doc, start: int, end: int) -> bool:
    """The one word at [start, end) is, in the parse, a compound of a noun after it ("in September gasoline")."""
    span = doc.char_span(start, end)
    return span is not None and len(span) == 1 and span[0].dep_ == "compound" and span[0].head.i > span[0].i


def date_in(doc: Doc, start: int, end: int) -> DateRef | None:
    """The first resolved day-or-finer date inside [start, end), else any resolved date there (for events)."""
    inside = [d for d in doc._.ng_dates or [] if start <= d.start and d.end <= end and d.value]
    for d in inside:
        if d.resolution == "day":
            return d
    return inside[0] if inside else None
