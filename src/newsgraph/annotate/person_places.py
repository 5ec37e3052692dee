"""Names the model typed as persons that the text places, or writes as an acronym, with no evidence of a person.

The small model types a capitalised word by its shape, and a town's ("Tarrow"), a study site's ("Ban Khet"), a
district's in a list of districts, or a body's acronym ("NFCA", "Wexdot", "Defro") looks like a surname. A person
has evidence a person has: a given name, a title or role, an apposition, a speech verb, a pronoun (entity_evidence.py:
the "person_cue" key and person points beyond the model's label). A place has the text's use of it as a place:
- placed: a preposition of place before it and a gazetteer reading or a region after it ("spread to X in Ruritania",
  "at X"); a region after a comma ("X, Ruritania;"); a member of a list whose other members are gazetteer places
  ("in Dunmore, X, Carwen and Tallow", "Orsk, Belin, X, Tarn ... are among the districts"). `placed` reads one mention
  (entity_evidence.add_evidence counts it as the key "placed").
- acronym: the name is written as one (all capitals, or more capitals than small letters, "WxDOT"), or the text spells
  it out in brackets after it ("X (Department for Roads and Bridges)"): `acronym_form`.
A person with no such evidence, every mention of which is placed, or whose name is an acronym, is not shown as a
person (entity_features "place_named", "acronym_named"; confidence.py, NAME_SHAPE_WEIGHT). The words are the names
lexicon's prepositions of place (data/place_cues.tsv) and the gazetteer's readings, never names.
"""

from __future__ import annotations

import re

from newsgraph.annotate.name_text import initials, looks_like_acronym
from newsgraph.annotate.names import NamesLexicon

#: a run of one to three capitalised words (a region's name)
_CAPS = r"[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2}"
#: ", Region" ending a list item or a clause: "X, Myanmar;"
_COMMA_REGION = re.compile(rf"^,\s+({_CAPS})(?=\s*(?:[;,.)\u2014\u2013]|\s+and\b|$))")
#: " in Region", " in Region province": "X in Ruritania where ...", "X in Varna province"
_IN_REGION = re.compile(rf"^\s+in\s+(?:the\s+)?({_CAPS})(?:\s+(province|state|region|district|county|prefecture))?\b")
#: what ends a list around a name: a sentence end, a semicolon, a colon, a bracket, a dash, a line break
_LIST_END = re.compile(r"[.;:()\n\u2014\u2013]")
#: list items: parted by commas or "and"
_ITEM_SPLIT = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_ITEM = re.compile(rf"^(?:(?:in|at|near|to|from)\s+)?({_CAPS})$")
#: the capitalised words ending the list's first item, or opening its last
_LAST_WORDS = re.compile(rf"(?:^|\s)({_CAPS})$")
_FIRST_WORDS = re.compile(rf"^({_CAPS})(?=\s|$)")
#: how many other items of a list must be gazetteer places for the list to be one of places
LIST_PLACES_MIN = 2
#: the gazetteer kinds a region after a name may have
_REGION_KINDS = ("country", "admin1")
#: the kinds a list neighbour's first gazetteer reading may have
_PLACE_KINDS = ("country", "admin1", "admin2", "city")


def _region(name: str, gaz) -> bool:
    """`name` (or its first words) is a country or a first-level region of the gazetteer."""
    words = name.rstrip(",.").split()
    for n in range(len(words), 0, -1):
        places = gaz.lookup(" ".join(words[:n]))
        if places and places[0].kind in _REGION_KINDS:
            return True
    return False


def _list_places(text: str, start: int, end: int, gaz) -> int:
    """How many other items of the list the name at [start, end) stands in are gazetteer places (0 outside a list
    of three items or more)."""
    lo = max(0, start - 120)
    cut = [m.end() for m in _LIST_END.finditer(text, lo, start)]
    lo = cut[-1] if cut else lo
    hi_m = _LIST_END.search(text, end, min(len(text), end + 120))
    hi = hi_m.start() if hi_m else min(len(text), end + 120)
    before = [x.strip() for x in _ITEM_SPLIT.split(text[lo:start])]
    after = [x.strip() for x in _ITEM_SPLIT.split(text[end:hi])]
    if not (before and before[-1] == "" or after and after[0] == ""):
        return 0  # the name is no item of its own: a comma or "and" must stand right beside it
    items = [x for x in before[:-1] if x] + [x for x in after[1:] if x]
    # the items next to the name, up to the first that is no capitalised name alone: that one's capitalised words
    # next to the list are still an item ("found in Dunmore", "Tallow in regional Ruritania"), the rest ends the list
    near = []
    for x in reversed(before[:-1]):
        m = _ITEM.match(x) or _LAST_WORDS.search(x)
        if m:
            near.append(m.group(1))
        if not _ITEM.match(x):
            break
    for x in after[1:]:
        m = _ITEM.match(x) or _FIRST_WORDS.match(x)
        if m:
            near.append(m.group(1))
        if not _ITEM.match(x):
            break
    if len(near) < 2 or not items:
        return 0
    return sum(1 for x in near if (p := gaz.lookup(x)) and p[0].kind in _PLACE_KINDS)


def placed(text: str, start: int, end: int, gaz, names: NamesLexicon) -> bool:
    """The text uses the name at [start, end) as a place (see the module docstring)."""
    after = text[end : end + 60]
    cm = _COMMA_REGION.match(after)
    if cm and _region(cm.group(1), gaz):
        return True
    im = _IN_REGION.match(after)
    in_region = bool(im and (im.group(2) or _region(im.group(1), gaz)))
    located = in_region or bool(gaz.lookup(text[start:end]))
    if names.placed_by(text[max(0, start - 30) : start]) and located:
        return True
    return _list_places(text, start, end, gaz) >= LIST_PLACES_MIN


def acronym_form(name: str, text: str) -> bool:
    """`name` is written as an acronym (all capitals, or one word with more capitals than small letters: "WxDOT"), or
    the text spells it out in brackets right after it ("X (Department for Roads and Bridges)")."""
    if " " in name:
        return False
    if looks_like_acronym(name):
        return True
    caps = sum(c.isupper() for c in name)
    if caps >= 3 and caps > sum(c.islower() for c in name):
        return True
    spelled = re.search(re.escape(name) + r"\s*\(\s*([A-Z][^()]{3,80})\)", text)
    return bool(spelled) and len(name) >= 3 and initials(spelled.group(1)).upper().startswith(name.upper())


__all__ = ["LIST_PLACES_MIN", "acronym_form", "placed"]
