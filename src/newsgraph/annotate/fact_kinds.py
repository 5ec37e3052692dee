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

from spacy.tokens import Doc

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
    kw = " ".join(doc.text[kw_start:kw_end].lower().split())
    if kw not in words(_DATA, "corpse"):
        return False
    span = doc.char_span(kw_start, kw_end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    found = words(_DATA, "corpse_found")
    return not any(t.lower_ in found or t.lemma_.lower() in found for t in span.root.sent)


__all__ = ["corpse_without_death", "union_count"]
