"""How a fact's number reads, beyond its value (facts.py): an age after a death verb, the top of a range, a rate.

Three shapes, each read from the words right around the number (no page's words; the period nouns are data):
- "died at 85", "was killed at 19": a lone number after "at" right after the keyword verb is the person's age, not a
  count (a clock time is a TIME entity and dropped before; "the toll stood at 40" has a noun keyword and stays);
- "between three and nine soldiers were injured": the number is the top of a range; the count is at most it (the
  qualifier "up to"), not exactly nine;
- "about 47 injuries a year", "killing 40 people a day": a count per period (data/facts.tsv [period]) is a rate, no
  count of people that something happened to; facts.py keeps it below display (OTHER_SET_CAP).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from newsgraph.annotate.lexicon import words

_DATA = "facts.tsv"
#: "between <number> and" right before the number (the number words and digits of the range's bottom)
_RANGE = re.compile(r"\bbetween\s+[\w,.-]+\s+and\s+$", re.IGNORECASE)
#: how many characters after the keyword (or the number) a per-period phrase is looked for
RATE_WINDOW = 20


def age_at(doc: Doc, num: Span, kw_start: int, kw_end: int) -> bool:
    """The number follows "<keyword verb> at" ("died at 85"): an age. Only a verb keyword ("died", "killed") or a
    predicate adjective ("is dead at 85"); a noun keyword with "at" ("death toll at 40") is a count."""
    if num.start < 2 or doc[num.start - 1].lower_ != "at" or kw_end > num.start_char:
        return False
    kw = doc.char_span(kw_start, kw_end, alignment_mode="expand")
    if kw is None or not len(kw) or kw.end != num.start - 1:
        return False
    last = kw[-1]
    if last.pos_ in ("VERB", "AUX") or last.tag_ in ("VBD", "VBN"):
        return True
    # an adjective keyword only as a predicate ("is dead at 85", "found dead at 85"), not a noun's ("the number of
    # Georgian dead at ten")
    return last.pos_ == "ADJ" and kw.start > 0 and doc[kw.start - 1].pos_ in ("VERB", "AUX")


def range_top(text: str, num_start: int) -> bool:
    """The number is the top of a range: "between three and nine"."""
    return bool(_RANGE.search(text[max(0, num_start - 40) : num_start]))


@lru_cache(maxsize=1)
def _period_re() -> re.Pattern:
    periods = "|".join(sorted((re.escape(w) for w in words(_DATA, "period")), key=len, reverse=True)) or "(?!)"
    # one word may stand between ("killing 40 people a day"); "a day after the vote", "a year ago" are no rate
    return re.compile(rf"^[\s,]*(?:[a-z]+\s+)?(?:(?:a|an|per|each|every)\s+(?:{periods})\b|annually\b)"
                      rf"(?!\s+(?:after|before|later|earlier|ago|since|into|of|in\s+which|when)\b)", re.IGNORECASE)


def per_period(text: str, end: int) -> bool:
    """A per-period phrase ("a year", "per day", "each week", "annually") right after the fact's end."""
    return bool(_period_re().match(text[end : end + RATE_WINDOW]))


__all__ = ["age_at", "per_period", "range_top"]
