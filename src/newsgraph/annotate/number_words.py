"""English cardinal numbers written in words: "seventy two", "twenty-one", "one hundred and nine", "two million
three hundred thousand", "a thousand".

Why a grammar and not a list: a list of number words ("seventy" -> 70) reads "seventy two deaths" as two numbers, 70
and 2, and a count of 72 dead becomes a count of 70. The grammar here is the ordinary one of English cardinals: a
group below a thousand ("nine", "seventy two", "one hundred and nine", "a hundred"), then scale words (thousand,
million, billion) each followed by an optional lower group. Two groups side by side with no scale between them
("five five", "two three") are two numbers, not one. The words and their values are data: data/facts.tsv [number]
(one .. ninety) and [multiplier] (hundred, thousand, million, billion).

No library of the project's environment parses number words (spaCy's `like_num` tells that a word is a number,
not its value), and this one is a few lines over the data file the fact finder already reads.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsgraph.annotate.lexicon import mapping

_DATA = "facts.tsv"
#: the scale words that close a group (each a power of a thousand, or a hundred inside a group)
_SCALES = ("hundred", "thousand", "million", "billion")


@lru_cache(maxsize=1)
def _values() -> dict[str, int]:
    """Word -> value: the single words of [number] (one .. ninety) and the scale words of [multiplier]."""
    out = {w: int(float(v)) for w, v in mapping(_DATA, "number").items() if " " not in w and int(float(v)) < 100}
    mult = mapping(_DATA, "multiplier")
    out.update({w: int(float(mult[w])) for w in _SCALES if w in mult})
    return out


def _alt(items) -> str:
    return "|".join(sorted((re.escape(w) for w in items), key=len, reverse=True))


@lru_cache(maxsize=1)
def number_words_pattern() -> str:
    """A regex (no groups of its own) for one cardinal in words, as the grammar above reads it."""
    vals = _values()
    units = _alt(w for w, v in vals.items() if v < 10)
    teens = _alt(w for w, v in vals.items() if 10 <= v < 20)
    tens = _alt(w for w, v in vals.items() if 20 <= v < 100 and v % 10 == 0)
    big = _alt(w for w in _SCALES[1:] if w in vals)
    sep = r"(?:\s+|\s*-\s*)"
    below100 = rf"(?:(?:{tens})(?:{sep}(?:{units}))?|{teens}|{units})\b"
    group = rf"(?:(?:{below100}|a){sep}hundred\b(?:{sep}(?:and\s+)?{below100})?|{below100})"
    return (rf"\b(?:(?:{group}|a){sep}(?:{big})\b(?:,?{sep}(?:and\s+)?{group}{sep}(?:{big})\b)*"
            rf"(?:,?{sep}(?:and\s+)?{group})?|{group})")


@lru_cache(maxsize=1)
def _number_words_re() -> re.Pattern:
    return re.compile(number_words_pattern(), re.IGNORECASE)


def match_number_words(text: str, pos: int = 0) -> re.Match | None:
    """The longest cardinal in words starting at `pos` of `text`, or None."""
    return _number_words_re().match(text, pos)


def number_words_value(words: str) -> int | None:
    """The value of a cardinal written in words ("seventy two" -> 72, "one hundred and nine" -> 109, "a thousand" ->
    1000), or None when the words are not one cardinal of the grammar."""
    text = " ".join(words.lower().replace("-", " ").replace(",", " ").split())
    m = _number_words_re().fullmatch(text)
    if not m:
        return None
    vals = _values()
    total = group = 0
    for w in text.split():
        if w in ("and",):
            continue
        if w == "a":
            group = 1
        elif w == "hundred":
            group = max(group, 1) * 100
        elif w in vals and vals[w] >= 1000:
            total += max(group, 1) * vals[w]
            group = 0
        else:
            group += vals[w]
    return total + group


__all__ = ["match_number_words", "number_words_pattern", "number_words_value"]
