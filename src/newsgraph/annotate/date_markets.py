"""A month named as a market's contract ("September unleaded gasoline", "the December contract", "September 97 put
options"): a delivery month, resolved forward.

Why apart from date_expressions.py: a bare month is resolved there as a point of narration (the nearest such month,
the one before the article date in a past clause: "prices rose in September" on 29 August is last September). A
futures or options month names the contract that expires in it; the price moves of today are quoted for the coming
one, whatever the tense of the sentence ("September unleaded gasoline finished 1.39 cents up"). What marks it is the
phrase, not the clause: the month stands before a noun of a traded commodity or of a contract, with at most a
short year ("97") and a few words between (data/dates.tsv [contract]).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache

from newsgraph.annotate.date_expressions import DEFAULT_VOCAB
from newsgraph.annotate.lexicon import mapping, words
from newsgraph.records import DateRef

#: The most words between the month (and its short year) and the contract noun ("September [unleaded] gasoline",
#: "December [New York] cotton", "September 97 [mid-curve put] options").
CONTRACT_GAP_WORDS = 3
#: The month, then an optional short year ("97", "'97") and up to CONTRACT_GAP_WORDS words before the noun.
_AFTER = re.compile(rf"^(?:\s+'?(?P<yy>\d{{2}})\b)?(?P<words>(?:\s+[A-Za-z][\w.&-]*){{1,{CONTRACT_GAP_WORDS + 1}}})")


#: A word right before the month that makes it a time of narration ("in September gold rose", "since June").
_NARRATED = re.compile(r"\b(?:in|since|until|till|by|during|from|through|before|after|last|next|this|early|late|mid|of|each|every)\s+$", re.IGNORECASE)


@lru_cache(maxsize=4)
def _nouns(vocab: str) -> frozenset[str]:
    return frozenset(w.lower() for w in words(vocab, "contract"))


def contract_months(text: str, refs: list[DateRef], anchor: dt.date | None, vocab: str = DEFAULT_VOCAB,
                    modifier: Callable[[int, int], bool] | None = None) -> list[DateRef]:
    """Give a month written as a contract month its delivery month: the written short year when there is one (the
    century nearest the article date), else the next such month on or after the article's month.

    modifier(start, end): whether the parse makes the word at [start, end) a modifier of a noun after it (a
    compound). A month read with a preposition ("Friday's low in September gasoline") is the contract's when the
    month modifies the contract noun, so the preposition governs the noun phrase and belongs to the word before
    ("low in"): the span is cut to the month. Without the parse, a month after such a word is narration ("in
    September gold rose", where the parse makes "September" the preposition's object)."""
    nouns = _nouns(vocab)
    months = mapping(vocab, "month")
    if anchor is None or not nouns:
        return refs
    for d in refs:
        word = d.text.strip().rstrip(".").lower()
        start = d.start
        parts = d.text.split()
        if d.resolution == "month" and len(parts) == 2 and parts[0].islower() and parts[1].rstrip(".").lower() in months \
                and modifier is not None:
            start = d.start + d.text.rfind(parts[1])
            if not modifier(start, start + len(parts[1])):
                continue
            word = parts[1].rstrip(".").lower()  # "low in [September] gasoline": the month modifies the noun
        elif d.resolution != "month" or word not in months:
            continue  # only a bare month: "in September", "September 1996" are points of narration
        elif _NARRATED.search(text[max(0, d.start - 20) : d.start]):
            continue  # "in September gold rose": a month of narration before the subject
        m = _AFTER.match(text[d.end : d.end + 80])
        if m is None:
            continue
        after = [w.lower().strip(".") for w in m.group("words").split()]
        hit = next((i for i, w in enumerate(after) if w in nouns), None)
        if hit is None or any(w in months for w in after[:hit]):
            continue
        month = int(months[word])
        if m.group("yy"):
            yy = int(m.group("yy"))
            year = min((c + yy for c in (anchor.year // 100 * 100 - 100, anchor.year // 100 * 100, anchor.year // 100 * 100 + 100)), key=lambda y: abs(y - anchor.year))
            d.end = d.end + m.start("words")
            d.text = text[d.start : d.end]
        else:
            year = anchor.year if month >= anchor.month else anchor.year + 1
        if start != d.start:
            d.start, d.text = start, text[start : d.end]
        d.value = f"{year:04d}-{month:02d}"
    return refs
