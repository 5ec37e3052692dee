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

from newsgraph.annotate.doc_cache import doc_text
from newsgraph.annotate.extensions import register_extensions
from newsgraph.annotate.fact_binding import (
    counted_noun,
    known_people,
    not_counted,
    parse_binding,
    people_like,
)
from newsgraph.annotate.fact_kinds import (
    _noun_after_of,
    corpse_without_death,
    non_person,
    noun_union,
    partitive_total,
    union_count,
    zero_count,
)
from newsgraph.annotate.fact_mode import irrealis, projected
from newsgraph.annotate.fact_people import count_evidence, person_noun
from newsgraph.annotate.fact_reading import age_at, per_period, range_top
from newsgraph.annotate.lexicon import mapping, sections, words
from newsgraph.annotate.number_words import number_words_pattern, number_words_value
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
    # a cardinal in words by the grammar of number_words.py ("seventy two", "one hundred and nine"), tried before
    # the [number] entries it does not cover (vague counts: "dozens", "tens of thousands", "a dozen")
    numw = _alt(w for w in mapping(_DATA, "number") if number_words_value(w) is None)
    mult = _alt(mapping(_DATA, "multiplier"))
    return re.compile(
        rf"(?P<num>(?<![\d.,])\d{{1,3}}(?:,\d{{3}}){{1,4}}(?!\d|,\d)|(?<![\d.,])\d{{1,{MAX_DIGITS}}}(?:\.\d{{1,6}})?(?![\d])"
        rf"|{number_words_pattern()}|\b(?:{numw})\b)"
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
        rf"^(?:\s+(?:{units}|(?!(?:and|or|but|while|as)\b)[a-z]+(?:-[a-z]+)?)){{0,3}}?\s+(?:(?:were|have\s+been|had\s+been|are|was|been|being|have|had)\s+)?(?:also\s+)?(?P<kw>{kw})\b",
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
    words_value = number_words_value(num)
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", num):
        value: float = float(num.replace(",", ""))
    elif words_value is not None:
        value = float(words_value)
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
    """Every counted fact of `text`, in text order (text evidence only; `facts_in` adds the Doc's)."""
    return [c.fact for c in _candidates(text)]


class _Candidate:
    """A fact with where its number stands and which pattern bound it to its keyword."""

    __slots__ = ("fact", "num_start", "num_end", "pattern", "kw_start", "kw_end")

    def __init__(self, fact: Fact, num_start: int, num_end: int, pattern: str, kw: tuple[int, int]) -> None:
        self.fact, self.num_start, self.num_end, self.pattern = fact, num_start, num_end, pattern
        self.kw_start, self.kw_end = kw


def _candidates(text: str) -> list[_Candidate]:
    keywords = mapping(_DATA, "keyword")
    out: list[_Candidate] = []
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
        if _RATE.match(text, m.end()) or _RATE_BASE.search(text, max(0, m.start() - 8), m.start()):
            continue  # "killing 6 of every 10 patients", "3 per 1,000 children": either side of a rate, no count
        if _score_or_clock(text, m.start(), m.end()):
            continue  # "won 3-1", "at 10:30", "24/7": not a count
        if _inside_code(text, m.start(), m.end()):
            continue  # "H5N1", "COVID-19": the digits of a name or code count nothing
        value = _value(m)
        if value is None or value == 0:
            continue
        tail = text[m.end() : m.end() + 80]
        tail = re.split(r"[.;:!?()\"\u201c\u201d]|,\s", tail, maxsplit=1)[0]
        kind = None
        skip = _total_after_part(text, m.end(), tail)
        am = _after_re().match(tail[skip:])
        pattern = "after"
        if am:
            kind = keywords[" ".join(am.group("kw").lower().split())]
            end = m.end() + skip + am.end()
            kw = (m.end() + skip + am.start("kw"), m.end() + skip + am.end("kw"))
        else:
            off = max(0, start - 40)
            bm = _before_re().search(text[off:start])
            if bm:
                kind = keywords[" ".join(bm.group("kw").lower().split())]
                kw = (off + bm.start("kw"), off + bm.end("kw"))
            end = m.end()
            pattern = "before"
        if kind is None or not _custody_ok(text, min(start, kw[0]), max(end, kw[1])):
            continue
        if kind == "killed" and _spared_re().search(text, max(0, start - 25), start):
            continue  # "save millions of lives": lives spared, nobody killed
        if pattern == "after" and _suspect_re().search(text, m.end(), kw[0]):
            continue  # "three are accused of killing": the suspects counted, not the dead
        fact = Fact(kind=kind, value=value, start=start, end=end, qualifier=" ".join(qual.lower().split()) if qual else None, text=text[start:end])
        out.append(_Candidate(fact, m.start(), m.end(), pattern, kw))
    return out


#: a number followed by "of/in/out of every", "per": one side of a rate
_RATE = re.compile(r"\s+(?:(?:out\s+)?of|in)\s+(?:every|each)\b|\s+per\b", re.IGNORECASE)
_RATE_BASE = re.compile(r"\b(?:per|every|each)\s+$", re.IGNORECASE)

#: how far past the number and its keyword a [custody] word is looked for (within the clause)
CUSTODY_WINDOW = 60


@lru_cache(maxsize=1)
def _custody_re() -> re.Pattern:
    return re.compile(rf"\b(?:{_alt(words(_DATA, 'custody'))})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _spared_re() -> re.Pattern:
    """A verb of data/facts.tsv [spared] ending the text right before a number (up to two words between)."""
    return re.compile(rf"\b(?:{_alt(words(_DATA, 'spared'))})\b(?:\s+[a-z]+){{0,2}}\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _suspect_re() -> re.Pattern:
    """A phrase of data/facts.tsv [suspect_frame] between a number and its keyword."""
    return re.compile(rf"\b(?:{_alt(words(_DATA, 'suspect_frame'))})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _custody_only_re() -> re.Pattern:
    """A keyword of data/facts.tsv [custody_only], as a whole word (none matches nothing)."""
    alt = "|".join(re.escape(w) for w in words(_DATA, "custody_only")) or "(?!)"
    return re.compile(rf"\b(?:{alt})\b", re.IGNORECASE)


def _custody_ok(text: str, start: int, end: int) -> bool:
    """False when the fact's keyword counts detainees only in custody (data/facts.tsv [custody_only]: "held") and no
    [custody] word stands in the fact's span or in its clause after it: "were held on $5,000 bond", "held six women
    captive" are detentions, "two Marines held a flag", "hearings were held in camera" and "the one held by Rep. X"
    are not. Why a cue and not the keyword alone: "held" is far more often an event, an object or an office held."""
    span = text[start:end]
    if not _custody_only_re().search(span):
        return True
    after = re.split(r"[.;!?\n]", text[end : end + CUSTODY_WINDOW], maxsplit=1)[0]
    return bool(_custody_re().search(span + " " + after))


#: "of the" and a determiner between a part and its total ("twelve of the 40 miners")
_OF_TOTAL = re.compile(r"^\s+of\s+(?:(?:the|these|those|its|their|all)\s+)?", re.IGNORECASE)


def _total_after_part(text: str, end: int, tail: str) -> int:
    """How many characters of `tail` (the text after a number ending at `end`) to pass over to reach the words
    after the total the number is a part of: "twelve| of the 40 |miners were killed" counts twelve killed miners
    (fact_kinds.partitive_total drops the 40). 0 when no "of (the) <number>" follows."""
    om = _OF_TOTAL.match(tail)
    if om is None:
        return 0
    nm = _number_re().match(text, end + om.end())
    return nm.end() - end if nm is not None and nm.end() - end <= len(tail) else 0


def _part_of_modified(doc: Doc, c: _Candidate) -> bool:
    """A part read past its total ("three of the five people injured remain") whose keyword modifies the total's noun
    and is no predicate of the part: the total is the count, the part counts what is said of it."""
    text = doc_text(doc)
    skip = _total_after_part(text, c.num_end, text[c.num_end : c.kw_start])
    if not skip:
        return False
    total = _number_re().match(text, c.num_end + (_OF_TOTAL.match(text[c.num_end :]) or [""]).end())
    span = doc.char_span(total.start(), total.end(), alignment_mode="expand") if total else None
    return span is not None and len(span) > 0 and not partitive_total(doc, span, c.kw_start, c.kw_end)


def _inside_code(text: str, s: int, e: int) -> bool:
    """Digits written into a word: a letter right before or after them, or a word of letters and a hyphen right
    before them ("H5N1", "A380", "COVID-19"): a name, strain or model code, no count ("12-year-old" is a count)."""
    if not text[s:e][:1].isdigit():
        return False
    before, after = text[max(0, s - 2) : s], text[e : e + 1]
    return bool(before[-1:].isalpha() or after.isalpha() or re.fullmatch(r"[A-Za-z]-", before))


def _score_or_clock(text: str, s: int, e: int) -> bool:
    """The number is one side of a score, a clock time or a ratio: a digit joined to it by "-", ":" or "/"."""
    after, before = text[e : e + 2], text[max(0, s - 2) : s]
    return bool(re.match(r"[-:/\u2013]\d", after) or re.search(r"\d[-:/\u2013]$", before))


#: spaCy entity types of a number that measures something other than people (a time, an age, a date, money) or
#: is part of a name ("Teamsters Local 90", "Apollo 11").
_NOT_COUNTS = {"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL", "QUANTITY", "ORG", "FAC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT"}


def facts_in(doc: Doc) -> list[Fact]:
    """The facts of `doc`'s text whose number counts the people of its keyword, each with a confidence.

    Why the Doc: a number next to a keyword is not always what the keyword counts ("killed two weeks ago",
    "detained at 3am", "aged 40"). Typed evidence decides: the number inside a date, time, money or quantity
    entity of the NER, or followed by the noun it counts when that noun is a unit of time or measure
    (data/facts.tsv [not_counted]), counts no people. Where the sentence is parsed the number must hang on the
    keyword or on the noun the keyword describes; a fact whose binding the parse confirms scores higher.
    """
    text = doc_text(doc)
    out: list[Fact] = []
    for c in _candidates(text):
        span = doc.char_span(c.num_start, c.num_end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        if any(t.ent_type_ in _NOT_COUNTS for t in span):
            continue
        counted = counted_noun(doc, span)
        if counted is not None and (counted.lemma_.lower() in not_counted() or counted.lower_ in not_counted()):
            continue
        if counted is not None and not known_people(counted) and \
                text[c.kw_start : c.kw_end].lower() in words(_DATA, "people_object"):
            continue  # "executed two search warrants": another sense of the keyword
        if span.start > 0 and doc[span.start - 1].lower_ in words(_DATA, "age") or \
                age_at(doc, span, c.kw_start, c.kw_end):
            continue  # "a child aged two has died", "died at 85": an age, the child is one
        if c.fact.qualifier is None and range_top(text, c.num_start):
            c.fact.qualifier = "up to"  # "between three and nine soldiers": at most nine
        if c.fact.value == 1 and text[c.num_end : c.num_end + 4].lower() == " of ":
            continue  # "one of the protesters": one person picked out, not a count
        if zero_count(doc, span) or partitive_total(doc, span, c.kw_start, c.kw_end) or _part_of_modified(doc, c):
            continue  # "none of the 12 passengers were hurt"; "twelve of the 40 miners were killed" (40 is the total)
        binding = parse_binding(doc, span, c)
        if binding is False:
            continue
        people = counted is None or people_like(counted) or person_noun(counted)
        c.fact.confidence = _confidence(c, binding, people)
        if non_person(doc, span, counted) and not (counted is not None and counted.pos_ == "PROPN"):
            c.fact.confidence = min(c.fact.confidence, NOT_PEOPLE_CAP)  # "four dead birds", "200 homes evacuated"
        if _no_person_evidence(doc, span, counted):
            c.fact.confidence = min(c.fact.confidence, NO_PERSON_CAP)  # "2 dead young owls": nothing says people
        if irrealis(doc, c.kw_start, c.kw_end) or projected(doc, span, c.kw_start, c.kw_end):
            c.fact.confidence = min(c.fact.confidence, IRREALIS_CAP)
        if union_count(text, c.kw_start, c.kw_end, c.fact.kind) or corpse_without_death(doc, c.kw_start, c.kw_end) \
                or noun_union(doc, span, c.kw_start, c.kw_end) or per_period(text, c.fact.end):
            c.fact.confidence = min(c.fact.confidence, OTHER_SET_CAP)  # "displaced or cut off", "47 injuries a year"
        out.append(c.fact)
    return out


def _no_person_evidence(doc: Doc, span, counted) -> bool:
    """Nothing says the number counts people (fact_people.py): a proper noun after it that is no person, group or
    nationality ("12 dead Tuesday") is no counted noun, the number then stands alone."""
    if counted is not None and counted.pos_ == "PROPN" and span[-1].dep_ != "nummod" and \
            counted.ent_type_ not in ("PERSON", "NORP") and counted.tag_ != "NNPS":
        counted = None
    of_noun = _noun_after_of(doc, span) if counted is None else None
    return count_evidence(doc, span, counted, of_noun) != "person"


def _confidence(c: _Candidate, binding: bool | None, people: bool = True) -> float:
    """Raw evidence score (named weights below), calibrated when a "fact" map was fitted."""
    score = _BASE[c.pattern]
    if not people:
        score -= _NOT_PEOPLE_PENALTY
    if binding:
        score += _PARSE_BONUS
    if c.fact.qualifier in ("hundreds of", "thousands of", "tens of"):
        score -= _VAGUE_PENALTY
    from newsgraph.annotate import calibration as cal

    if not people and c.pattern == "before":  # the fitted map is flat below its lowest point: the penalty alone
        return min(cal.calibrate("fact", score), NOT_PEOPLE_CAP)  # would not hide "killed 40 sheep"
    return cal.calibrate("fact", score)


#: Raw fact scores: a number before its keyword ("12 people killed") is bound more often than one after it
#: ("killed ... 12"); a parse that links the number to the keyword adds evidence; vague counts lose some.
_BASE = {"after": 0.8, "before": 0.65}
_PARSE_BONUS = 0.15
_VAGUE_PENALTY = 0.1
#: The number counts a noun that names no people ("one of many concerns held"): doubtful.
_NOT_PEOPLE_PENALTY = 0.35
#: ... and, when the keyword is a verb before the number and the noun its object ("killed 40 sheep"), shown at most
#: at this confidence, below the default display threshold (after the number the keyword itself says people: "three
#: dead astronauts", whose noun the agent-ending test misses). The fact map, fitted on 36 tuning facts none of
#: which scored below 0.6, lifts every lower score to 0.93, which undid the penalty.
NOT_PEOPLE_CAP = 0.45
#: A count whose noun nothing says is people (fact_people.py: no person noun, agent ending, PERSON/NORP entity or
#: "who" clause; a lone number whose elided noun is an animal or a thing) is kept at most at this, below display.
NO_PERSON_CAP = 0.45
#: A count in a rumour, of what will or may happen or of a projection (fact_mode.py) is kept at most at this, below the display
#: threshold: nobody is counted yet.
IRREALIS_CAP = 0.45
#: A count of a wider or another set than the keyword's kind (fact_kinds.py: "displaced or cut off", bodies with no
#: death of the story) is kept at most at this, below the display threshold.
OTHER_SET_CAP = 0.45


@Language.factory("newsgraph_facts", assigns=["doc._.ng_facts"])
def make_facts(nlp: Language, name: str) -> FactFinder:
    return FactFinder()


class FactFinder:
    """Set `doc._.ng_facts`."""

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        doc._.ng_facts = facts_in(doc)
        return doc


__all__ = ["FactFinder", "facts_in", "find_facts", "sections"]
