"""Relative days inside a quotation count from the day the words were said, not from the article date.

"today", "yesterday" and "tomorrow" in a narrator's sentence mean the article's days. Inside a quotation they mean
the speaker's days, which are the article's only when the speech is reported the day it was given. Two ways the text
says otherwise, both read here (`newsgraph_dates` calls `speech_days` after resolving against the article date):
- the speech is dated: a speech verb with a day of its own ("the minister said yesterday", "this was revealed
  yesterday at a press conference"); the quotations that follow within `SpeechWindows.dated_speech` characters
  count their relative days from that day;
- the speech is reported inside another report ("She said he then announced: '... today'", "X said Y told her:"):
  the inner speech took place on a day the text does not give, so the value stays but its confidence drops below the
  display threshold (DATE_SCORES "quoted_unknown_day");
- the quotation is of words from long ago: the last date the narration gives before it, in its own paragraph or
  the one before, lies a year or more before the article date ("Twenty-two years ago, a Times article hailed him
  ... '... honored Donald J. Trump yesterday,' the article read"): said on a day the text does not give, as above.
Speech verbs are the lemmas of the quote lexicon's [verb] section (data/cues.tsv; cues.fr.tsv for French).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from newsgraph.annotate.date_expressions import parse_anchor
from newsgraph.annotate.doc_cache import doc_text
from newsgraph.annotate.extensions import article_date
from newsgraph.annotate.lexicon import mapping, words
from newsgraph.annotate.quote_marks import quote_spans
from newsgraph.records import DateRef


@dataclass(frozen=True)
class SpeechWindows:
    #: a dated speech verb this many characters or less before a quotation dates it (about three short paragraphs)
    dated_speech: int = 1000
    #: a speech verb this many tokens or less from a day date is dated by it ("said on Monday", "told reporters on
    #: Monday"); punctuation between them ends the search
    verb_gap: int = 2
    #: a date of the narration at least this many days before the article date, right before a quotation (its
    #: paragraph or the one before), sets the quoted words in the past: their relative days have no known day
    old_frame_days: int = 365


DEFAULT_SPEECH = SpeechWindows()


def _phrase(ref: DateRef) -> str:
    """The expression's text as the vocabulary keys it: lower case, single spaces."""
    return " ".join(ref.text.lower().split())


def _speech_verb(tok, verbs: frozenset[str]) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in verbs


def _dated_speech(doc: Doc, ref: DateRef, verbs: frozenset[str], gap: int) -> bool:
    """A speech verb within `gap` tokens of the date with no punctuation between ("said yesterday", "told
    reporters on Monday", "yesterday said"; not "wrote on Tuesday (early Wednesday AEST), citing")."""
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    for step, first in ((-1, span.start - 1), (1, span.end)):
        i = first
        for _ in range(gap):
            if not 0 <= i < len(doc) or doc[i].is_punct or "\n" in doc[i].text:
                break
            if _speech_verb(doc[i], verbs):
                return True
            i += step
    return False


def _nested_report(doc: Doc, quote_start: int, verbs: frozenset[str]) -> bool:
    """The quotation is introduced by a report inside a report: two speech verbs or more between the start of its
    sentence (or paragraph) and its opening mark ("Lacerda said Epstein told her: ...")."""
    text = doc_text(doc)
    line = text.rfind("\n", 0, quote_start) + 1
    head = doc.char_span(line, quote_start, alignment_mode="contract")
    if head is None:
        return False
    toks = list(head)
    for i in range(len(toks) - 1, -1, -1):  # back to the last sentence end before the quotation
        if toks[i].text in (".", "!", "?"):
            toks = toks[i + 1 :]
            break
    return sum(_speech_verb(t, verbs) for t in toks) >= 2


def speech_days(doc: Doc, refs: list[DateRef], vocab: str, cues: str | None, unknown_day: float,
                w: SpeechWindows = DEFAULT_SPEECH) -> list[DateRef]:
    """Re-resolve the relative days inside quotations of `doc` (see the module docstring); `unknown_day`: the
    confidence of a relative day said on a day the text does not give."""
    if not cues or not refs:
        return refs
    offsets = mapping(vocab, "relative_day")
    inside = [r for r in refs if r.value and _phrase(r) in offsets]
    if not inside:
        return refs
    text = doc_text(doc)
    spans = quote_spans(text)
    if not spans:
        return refs
    verbs = words(cues, "verb")
    anchor = parse_anchor(article_date(doc))
    dated = [r for r in refs if r.value and r.resolution == "day" and len(r.value) == 10
             and not any(s <= r.start < e for s, e in spans) and _dated_speech(doc, r, verbs, w.verb_gap)]
    for r in inside:
        quote = next(((s, e) for s, e in spans if s <= r.start < e), None)
        if quote is None:
            continue
        if _nested_report(doc, quote[0], verbs):
            r.confidence = min(r.confidence if r.confidence is not None else 1.0, unknown_day)
            continue
        if _old_frame(text, refs, spans, quote[0], anchor, w.old_frame_days):
            r.confidence = min(r.confidence if r.confidence is not None else 1.0, unknown_day)
            continue
        said = [d for d in dated if d.end <= quote[0] and quote[0] - d.end <= w.dated_speech]
        if not said:
            continue
        day = dt.date.fromisoformat(said[-1].value)
        r.value = (day + dt.timedelta(days=int(offsets[_phrase(r)]))).isoformat()
    return refs


def _old_frame(text: str, refs: list[DateRef], spans: list[tuple[int, int]], quote_start: int,
               anchor: dt.date | None, days: int) -> bool:
    """The last date of the narration before the quotation at `quote_start`, in its paragraph or the one before
    (outside any quotation), lies `days` or more before the article date: the quoted words are from then."""
    if anchor is None:
        return False
    lines = [m for m in re.finditer(r"[^\n]*\S[^\n]*", text[:quote_start])]
    if not lines:
        return False
    # the paragraph before the quotation's, and the quotation's own up to its mark when it does not open it
    own_line = "\n" not in text[lines[-1].end() : quote_start]
    first = lines[-2].start() if own_line and len(lines) > 1 else lines[-1].start()
    before = [d for d in refs if d.value and first <= d.start and d.end <= quote_start
              and not any(s <= d.start < e for s, e in spans)]
    if not before:
        return False
    try:
        when = dt.date.fromisoformat((before[-1].value + "-12-31")[:10] if len(before[-1].value) == 4
                                     else (before[-1].value + "-28")[:10])
    except ValueError:
        return False
    return (anchor - when).days >= days
