"""Whether a fact's number counts the people of its keyword's kind, not a wider or another set.

Two shapes of text bind a number to a keyword and still count something else:
- a union: the keyword is one side of an "or" ("3 million were displaced or cut off by the rains", "killed or
  injured 20"). The number counts everyone on either side, so it is no count of the keyword's kind, unless the
  other side is a keyword of the same kind ("arrested or detained") or a word [alike] it ("fled or were
  expelled"). An "and" is left alone: "arrested and charged", "killed and buried" are the same people doing or
  suffering both;
- bodies without a death of the story: a [corpse] keyword ("bodies") counts the dead only when the text treats them
  as the dead found, recovered or buried (a [corpse_found] word in the keyword's sentence: "12 bodies were pulled
  from the river", "the bodies of 12 men were found"); "tissue taken from 840 bodies", said of a ring that
  trafficked corpses, counts no deaths.
Read by facts.py, which keeps such a fact below the display threshold. The words are data (data/facts.tsv).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from newsgraph.annotate.doc_cache import doc_text
from newsgraph.annotate.lexicon import mapping, words

_DATA = "facts.tsv"
#: "or" (and "and/or") joining the keyword to another predicate, right after it or right before it, with at most an
#: adverb or an auxiliary between ("displaced or otherwise affected", "were killed or have gone missing")
_OR_AFTER = re.compile(r"^\s*,?\s+(?:and/)?or\s+(?:(?:otherwise|even|been|were|was|are|have|had|has|gone)\s+){0,2}"
                       r"(?P<word>[a-z][a-z-]*)", re.IGNORECASE)
_OR_BEFORE = re.compile(r"(?P<word>[a-z][a-z-]*)\s*,?\s+(?:and/)?or\s+$", re.IGNORECASE)


def union_count(text: str, kw_start: int, kw_end: int, kind: str) -> bool:
    """The fact's keyword at [kw_start, kw_end) is joined by "or" to a predicate of another kind or of none: the
    number counts the union (see the module docstring)."""
    keywords = mapping(_DATA, "keyword")
    after = _OR_AFTER.match(text[kw_end : kw_end + 40])
    before = _OR_BEFORE.search(text[max(0, kw_start - 30) : kw_start])
    for m in (after, before):
        if m is None:
            continue
        word = m.group("word").lower()
        if word.isdigit() or word in words(_DATA, "qualifier") or word in mapping(_DATA, "number"):
            continue  # "killed 3 or 4": a range of the same count
        if keywords.get(word) != kind and mapping(_DATA, "alike").get(word) != kind:
            return True
    return False


def corpse_without_death(doc: Doc, kw_start: int, kw_end: int) -> bool:
    """The keyword is a [corpse] word ("bodies") whose sentence has no [corpse_found] word (found, recovered,
    buried, morgue ...): bodies counted for another reason than the deaths of the story."""
    kw = " ".join(doc_text(doc)[kw_start:kw_end].lower().split())
    if kw not in words(_DATA, "corpse"):
        return False
    span = doc.char_span(kw_start, kw_end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    found = words(_DATA, "corpse_found")
    return not any(t.lower_ in found or t.lemma_.lower() in found for t in span.root.sent)


def noun_union(doc: Doc, num: Span, kw_start: int, kw_end: int) -> bool:
    """The keyword is the noun the number counts and another noun is joined to it by "and"/"or" ("over 200
    protesters and police officers were injured", "40 deaths and injuries"): the number counts both sets together,
    no count of the keyword's kind. A number after the "and" starts a count of its own ("300 protesters and 40
    police") and leaves it alone."""
    kw = doc.char_span(kw_start, kw_end, alignment_mode="expand")
    if kw is None or not len(kw) or kw.start != num.end or kw[-1].pos_ not in ("NOUN", "PROPN"):
        return False
    nxt = doc[kw.end : kw.end + 4]
    if len(nxt) < 2 or nxt[0].lower_ not in ("and", "or"):
        return False
    for t in nxt[1:]:
        if t.pos_ in ("NOUN", "PROPN"):
            return True
        if t.pos_ not in ("ADJ", "DET"):
            return False
    return False


def _kinds_of_things() -> frozenset[str]:
    return words(_DATA, "animals") | words(_DATA, "things")


def _is_thing(tok: Token) -> bool:
    kinds = _kinds_of_things()
    return tok.pos_ == "NOUN" and (tok.lower_ in kinds or tok.lemma_.lower() in kinds)


def non_person(doc: Doc, num: Span, counted: Token | None) -> bool:
    """The number at `num` counts animals or things, not people: its counted noun (a compound's head when the
    parse gives none: "40 city residents" counts residents) is of [animals] or [things], or, when the counted noun
    is a keyword that names no one ("deaths"), a noun modifying it is ("2,400 bird deaths", "150 poultry deaths")."""
    if counted is None:
        counted = _noun_after_of(doc, num)  # "thousands of birds have been killed": the noun after "of" is counted
    if counted is None:
        return False
    head = counted
    if not counted.dep_:  # no parse: the last noun of the run of nouns after the number heads it
        while head.i + 1 < len(doc) and doc[head.i + 1].pos_ == "NOUN" and head.i + 1 - num.end < 4:
            head = doc[head.i + 1]
    if _is_thing(head):
        return True
    if head.lower_ not in mapping(_DATA, "keyword"):
        return False  # "40 city residents", "14 village elders": the modifier says where the people are from
    mods = [t for t in doc[num.end : head.i] if t.pos_ in ("NOUN", "ADJ")] if head.i >= num.end else []
    mods += [c for c in head.children if c.dep_ in ("compound", "amod") and c.i >= num.end]
    return any(_is_thing(t) or t.lower_ in words(_DATA, "animals") for t in mods)


def _noun_after_of(doc: Doc, num: Span) -> Token | None:
    """The noun of an "of" phrase right after a vague count ("thousands of birds", "dozens of the sheep")."""
    if num.end >= len(doc) or doc[num.end].lower_ != "of":
        return None
    for t in doc[num.end + 1 : num.end + 5]:
        if t.pos_ in ("NOUN", "PROPN"):
            return t
        if t.pos_ not in ("DET", "ADJ", "NUM"):
            return None
    return None


#: a number, a number word or a [partitive] word, then "of" and an optional determiner, right before a number
_PART_OF = re.compile(r"(?P<part>[\w-]+)\s+of\s+(?:(?:the|these|those|its|their|all|all\s+the)\s+)?$", re.IGNORECASE)


def partitive_part(text: str, num_start: int) -> bool:
    """The number at `num_start` follows a part and "of" ("twelve of the 40", "half of the 300"): it is a total."""
    m = _PART_OF.search(text[max(0, num_start - 40) : num_start])
    if m is None:
        return False
    from newsgraph.annotate.number_words import number_words_value

    part = m.group("part").lower()
    return part.replace(",", "").isdigit() or number_words_value(part.replace("-", " ")) is not None or \
        part in mapping(_DATA, "number") or part in words(_DATA, "partitive")


def partitive_total(doc: Doc, num: Span, kw_start: int, kw_end: int) -> bool:
    """The number is a total a part is taken from ("twelve of the 40 miners were killed") and the keyword after it
    is the predicate of the part: a finite verb or a participle after an auxiliary, not a participle or noun
    modifying the total ("most of the 300 people killed were civilians", "two of the 300 deaths")."""
    if kw_start < num.end_char or not partitive_part(doc_text(doc), num.start_char):
        return False
    kw = doc.char_span(kw_start, kw_end, alignment_mode="expand")
    if kw is None or not len(kw):
        return False
    between = doc[num.end : kw.start]
    if any(t.pos_ == "AUX" or t.lower_ in ("were", "was", "have", "had", "has", "been", "are") for t in between):
        return True
    return kw[0].tag_ in ("VBD", "VBZ", "VBP")


def zero_count(doc: Doc, span) -> bool:
    """The number is negated or inside a zero quantifier (data/facts.tsv [zero]): "no one was injured", "not one
    person", "none of the 12 passengers were hurt" count nobody, whatever the keyword. The word right before the
    number (read without the parse), a negating dependent of the number, or an ancestor within three heads that is
    a zero word heading the phrase ("none of ...")."""
    zero = words(_DATA, "zero")
    first = span[0]
    if first.i > 0 and doc[first.i - 1].lower_ in zero:
        return True
    before = [t.lower_ for t in doc[max(0, first.i - 3) : first.i]]
    if any(w in zero and nxt == "of" for w, nxt in zip(before, before[1:], strict=False)):
        return True  # "none of the 12", read without the parse
    root = span.root
    if any(c.dep_ in ("det", "neg", "advmod") and c.lower_ in zero for c in root.children):
        return True
    cur = root
    for _ in range(3):
        if not cur.dep_ or cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.lower_ in zero and cur.pos_ in ("NOUN", "PRON"):
            return True
    return False


__all__ = ["corpse_without_death", "non_person", "noun_union", "partitive_part", "partitive_total", "union_count",
           "zero_count"]
