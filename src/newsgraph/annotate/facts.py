"""`newsgraph_facts`: counts of people killed, injured, displaced, detained or protesting.

A fact is a number expression (digits "60,000", "1.2 million", words "three", "dozens") with its qualifier
("more than", "at least", "about") and a keyword of data/facts.tsv close to it: after the number, optionally past
a unit noun ("700,000 people fleeing", "160,000 detainees", "60,000 dead"), or just before it ("killed at least
12", "the death toll rose to 40"). Regex over the text: cheap, no parse needed, and the words are data.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.annotate.extensions import register_extensions
from newsgraph.annotate.lexicon import mapping, sections, words
from newsgraph.records import Fact

_DATA = "facts.tsv"
#: A number is read only when it has at most this many digits before the decimal point (no 400-digit "counts") ...
MAX_DIGITS = 12
#: ... and a count above this (more people than live on Earth) is not a fact but noise or an identifier.
MAX_COUNT = 10_000_000_000


def _alt(items) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in items), key=len, reverse=True))


@lru_cache(maxsize=1)
def _number_re() -> re.Pattern:
    numw = _alt(mapping(_DATA, "number"))
    mult = _alt(mapping(_DATA, "multiplier"))
    return re.compile(
        rf"(?P<num>(?<![\d.,])\d{{1,3}}(?:,\d{{3}}){{1,4}}(?![\d,])|(?<![\d.,])\d{{1,{MAX_DIGITS}}}(?:\.\d{{1,6}})?(?![\d])"
        rf"|\b(?:{numw})\b)"
        rf"(?:[\s-]*(?P<mult>\b(?:{mult})\b))?",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _qualifier_re() -> re.Pattern:
    """A qualifier right before the number ("more than", "at least"), read backwards from it."""
    return re.compile(rf"\b(?P<qual>{_alt(words(_DATA, 'qualifier'))})\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _after_re() -> re.Pattern:
    """What may follow the number: up to two modifiers/units, then the keyword."""
    units = _alt(words(_DATA, "unit"))
    kw = _alt(mapping(_DATA, "keyword"))
    return re.compile(
        rf"^(?:\s+(?:{units}|[a-z]+(?:-[a-z]+)?)){{0,3}}?\s+(?:(?:were|have\s+been|had\s+been|are|was|been|being|have|had)\s+)?(?:also\s+)?(?P<kw>{kw})\b",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _before_re() -> re.Pattern:
    kw = _alt(mapping(_DATA, "keyword"))
    return re.compile(rf"\b(?P<kw>{kw})(?:\s+(?:to|at|of|stood\s+at|rose\s+to|reached|climbed\s+to))?\s+$", re.IGNORECASE)


def _value(m: re.Match) -> float | int | None:
    """The number's value, or None when it is unknown or implausible (bounded length, at most MAX_COUNT)."""
    num = m.group("num").lower()
    numbers = mapping(_DATA, "number")
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", num):
        value: float = float(num.replace(",", ""))
    elif " ".join(num.split()) in numbers:
        value = float(numbers[" ".join(num.split())])
    else:
        return None
    if m.group("mult"):
        value *= float(mapping(_DATA, "multiplier")[m.group("mult").lower()])
    if not 0 < value <= MAX_COUNT:  # implausible as a count of people (and never inf or nan)
        return None
    return int(value) if value == int(value) else value


def find_facts(text: str) -> list[Fact]:
    """Every counted fact of `text`, in text order."""
    keywords = mapping(_DATA, "keyword")
    out: list[Fact] = []
    for m in _number_re().finditer(text):
        num = m.group("num")
        qm = _qualifier_re().search(text, max(0, m.start() - 30), m.start())
        qual = qm.group("qual") if qm else None
        start = qm.start() if qm else m.start()
        if re.fullmatch(r"(?:19|20)\d\d", num) and not qual:
            continue  # a year
        nxt = text[m.end() : m.end() + 1]
        if nxt in ("%",) or text[m.end() : m.end() + 8].lower().lstrip().startswith(("percent", "per cent")):
            continue
        value = _value(m)
        if value is None or value == 0:
            continue
        tail = text[m.end() : m.end() + 80]
        tail = re.split(r"[.;:!?()\"\u201c\u201d]|,\s", tail, maxsplit=1)[0]
        kind = None
        am = _after_re().match(tail)
        if am:
            kind = keywords[" ".join(am.group("kw").lower().split())]
            end = m.end() + am.end()
        else:
            head = text[max(0, start - 40) : start]
            bm = _before_re().search(head)
            if bm:
                kind = keywords[" ".join(bm.group("kw").lower().split())]
            end = m.end()
        if kind is None:
            continue
        out.append(
            Fact(
                kind=kind,
                value=value,
                start=start,
                end=end,
                qualifier=" ".join(qual.lower().split()) if qual else None,
                text=text[start:end],
            )
        )
    return out


@Language.factory("newsgraph_facts")
def make_facts(nlp: Language, name: str) -> FactFinder:
    return FactFinder()


class FactFinder:
    """Set `doc._.ng_facts`."""

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        doc._.ng_facts = find_facts(doc.text)
        return doc


__all__ = ["FactFinder", "find_facts", "sections"]
