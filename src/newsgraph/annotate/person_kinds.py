"""Where the text says what kind of thing a name the model typed as a person names: a breed, a disease, a dish, a
deity, an island, an eatery.

The small model types a capitalised name by its shape, and a breed's, a disease's ("Avian Flu"), a dessert's or a goddess's
name look like people's. What types a name is the text's own evidence: a person has a context a person has (a
title, a role, a first name, a speech verb, a pronoun); a thing has a kind, and the text often says it in the words
next to the name (the words are data/person_kinds.tsv, kinds of things, never names):
- after: the name modifies a noun of a kind ("a Ned Fallow dog", "the X virus", "X island");
- apposition: an apposition or a copula after it is headed by such a noun ("X, a river goddess of the valley",
  "X the otter");
- naming: a naming phrase before it has such a head ("the dessert known as 'X'", "a dog called X"), or the
  kind noun stands right before it ("the goddess X", "poodle X");
- list: it is a member of a list whose class noun is such a noun ("restaurants, including X and Y");
- frame: a disease's or a breed's frame stands before it ("a strain of X", "infected with X");
- pair: it is joined by "and" to a name that a feature or kind noun closes ("between X and Y island");
- head: the name's own last word is an eatery's ("X Grill", "X Sushi"). (A disease's head word, "X Flu", and a
  species' lower-case epithet, "E. coli", are name_shape.py's: illness_name, lower_inside.)
person_things.thing_use counts these as uses of the name as a thing; entity_features.py and confidence.py lower the
topic score of a person most of whose mentions are so used (every one, when a first name or a title also types it:
the kind the text states outweighs the shape of the name, as "Ned" in "a Ned Fallow dog").
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from newsgraph.annotate.kind_heads import THING_READING, kind_head
from newsgraph.annotate.lexicon import words
from newsgraph.annotate.name_usage import list_head

_DATA = "person_kinds.tsv"
#: the lower-case word after a name, past a closing quotation mark ('"X" vehicles')
_NEXT_WORD = re.compile(r"^[\"\u201d']?\s+([a-z]+)\b")
#: "X and Y island", "X or Y river": one or two capitalised words and a lower-case noun after "and"/"or"
_PAIR_AFTER = re.compile(r"^\s+(?:and|or|&)\s+[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)?\s+([a-z]+)\b")
#: "the dessert known as 'X'", "a dog called X": the noun before a naming verb, an opening quote allowed
_NAMING_BEFORE = re.compile(r"\b([a-z]+)\s+(?:known\s+as|called|named|dubbed|nicknamed)\s*[\"'\u2018\u201c]?\s*$")
#: "the goddess X", "a river goddess X", "Standard poodle X": a lower-case kind noun right before the name
_KIND_BEFORE = re.compile(r"\b([a-z]+)\s+$")
#: what may stand between a frame and the name: an article, adjectives of severity, a code ("H5N1")
_FRAME_GAP = r"(?:\s+(?:the|a|an|deadly|new|highly|pathogenic|virulent|[A-Z0-9]*\d[A-Z0-9]*))*\s+$"


@lru_cache(maxsize=1)
def _frame_re() -> re.Pattern:
    alt = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words(_DATA, "before")), key=len, reverse=True))
    return re.compile(rf"\b(?:{alt}){_FRAME_GAP}", re.IGNORECASE)


@lru_cache(maxsize=1)
def _place_heads() -> frozenset[str]:
    from newsgraph.annotate.names import shipped_names

    return shipped_names().place_heads


def kind_use(doc: Doc | None, text: str, start: int, end: int) -> str | None:
    """How the words next to the name at [start, end) say it names a kind of thing, or None (module docstring)."""
    kinds = words(_DATA, "kind")
    name_words = text[start:end].split()
    if len(name_words) >= 2 and name_words[-1].lower() in words(_DATA, "head"):
        return "kind-head"
    nxt = _NEXT_WORD.match(text[end : end + 20])
    if nxt and (nxt.group(1) in words(_DATA, "after") or nxt.group(1) in _place_heads()):
        return "kind-after"
    if _frame_re().search(text[max(0, start - 60) : start]):
        return "kind-frame"
    naming = _NAMING_BEFORE.search(text[max(0, start - 40) : start])
    if naming and naming.group(1) in kinds:
        return "kind-naming"
    before = _KIND_BEFORE.search(text[max(0, start - 40) : start])
    if before and before.group(1) in kinds:
        return "kind-before"
    pair = _PAIR_AFTER.match(text[end : end + 60])
    if pair and (pair.group(1) in _place_heads() or pair.group(1) in kinds):
        return "kind-pair"
    if doc is not None and kind_head(doc, start, end, THING_READING) in kinds:
        return "kind-apposition"
    if list_head(text, start, end) in kinds:
        return "kind-list"
    return None


__all__ = ["kind_use"]
