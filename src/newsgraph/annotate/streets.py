"""Streets: which names are streets' names, from the name's last word and the words around a mention (data/streets.tsv).

Why: the small model types many streets as persons ("Clark Drive", "Freeman Circle") or as organisations ("Martin
Court"), from the shape of the name: a given name or a surname and a capitalised word. Local news names streets all
the time (road works, crime reports, funeral notices), so these are a large share of the wrong people and
organisations shown there. A street is told by typed evidence, not by a list of names:
- `road_name`: a last word that only streets end in ("... Road", "... Avenue", "... St.");
- `street_name`: a last word that streets end in, among other names ("... Drive", "... Court", "... Lane");
- `street_use`: a mention that stands as a street: an address before it (a house number, "on", "block of"), or
  another street's name beside it, linked as in a road-work list or a direction ("X from Y Avenue to Z Drive",
  "between Y Drive and X", "Y Street, Z Drive and X");
- `crossing_use`: a mention right after "the intersection of" or "the corner of": a street, whatever its last word;
- `street_prefix`: the text also writes the name followed by a road word ("Glen Crossing" and "Glen Crossing Road").
entity_evidence.py reads them to move the model's person label to a place; org_kinds.py to mark an organisation
named only as a street.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from newsgraph.annotate.lexicon import kinds

#: how far before and after a mention a linked street's name is looked for, in characters
NEIGHBOUR_WINDOW = 60
#: capitalised words at most in a linked street's name before its last word ("Sunny Hills Drive", "N. Main St.")
NEIGHBOUR_WORDS = 3


def lexicon() -> Mapping[str, tuple[str, ...]]:
    """data/streets.tsv: kind -> its lower-case words or phrases (lexicon.kinds: read once per process)."""
    return kinds("streets.tsv")


def _last(name: str) -> str:
    words = name.split()
    return words[-1].lower().rstrip(".,") if len(words) >= 2 else ""


def road_name(name: str) -> bool:
    """A name of two words or more whose last word only streets end in ("Sylvan Road", "Cumberland St.")."""
    return _last(name) in lexicon().get("road", ())


def street_word(word: str) -> bool:
    """A word streets' names end in ("Drive", "Court", "St."): a road word or a suffix other names share."""
    last = word.lower().rstrip(".,")
    return bool(last) and (last in lexicon().get("road", ()) or last in lexicon().get("suffix", ()))


def street_name(name: str) -> bool:
    """A name of two words or more whose last word streets end in (`street_word`)."""
    words = name.split()
    return len(words) >= 2 and street_word(words[-1])


def _alternation(kind: str) -> str:
    return "|".join(re.escape(w) for w in sorted(lexicon().get(kind, ()), key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    ends = _alternation("road") + "|" + _alternation("suffix")
    link = _alternation("link")
    street = rf"(?:[A-Z][\w.'\u2019-]*\s+){{1,{NEIGHBOUR_WORDS}}}(?i:{ends})\b\.?"
    return {
        "address": re.compile(rf"(?:\b(?:{_alternation('address')})|\d+[A-Za-z]?)\s+$", re.I),
        "crossing": re.compile(rf"\b(?:{_alternation('crossing')})\s+(?:the\s+)?$", re.I),
        # a street's name, then a link right before the mention ("from Greencrest Drive to ")
        "before": re.compile(rf"{street}\s*(?:(?:{link})\s*)+$"),
        # a link, then a street's name right after the mention (" from Strickland Avenue")
        "after": re.compile(rf"^\s*(?:(?:{link})\s*)+{street}"),
        "prefix_tail": re.compile(rf"\s+(?i:{_alternation('road')})\b"),
    }


def street_use(text: str, start: int, end: int) -> bool:
    """The mention at [start, end) stands as a street: an address before it, or a street's name linked to it."""
    pats = _patterns()
    before = text[max(0, start - NEIGHBOUR_WINDOW) : start]
    if pats["address"].search(before[-20:]) or pats["crossing"].search(before):
        return True
    return bool(pats["before"].search(before) or pats["after"].match(text[end : end + NEIGHBOUR_WINDOW]))


def crossing_use(text: str, start: int) -> bool:
    """The mention at `start` follows "the intersection of" or "the corner of": a street, whatever its name."""
    return bool(_patterns()["crossing"].search(text[max(0, start - 30) : start]))


def street_prefix(text: str, name: str) -> bool:
    """The text also writes `name` followed by a road word ("Glen Crossing Road" beside "Glen Crossing")."""
    tail = _patterns()["prefix_tail"]
    return any(tail.match(text, m.end()) for m in re.finditer(re.escape(name), text))


def address_use(name: str, text: str, start: int, end: int) -> bool:
    """The mention of `name` at [start, end) stands in an address: it follows "intersection of", or a street's last
    word ends it and an address or a linked street stands beside it (what makes an organisation's name a street)."""
    return crossing_use(text, start) or street_name(name) and street_use(text, start, end)


def street_mention(name: str, text: str, start: int, end: int) -> bool:
    """The mention of `name` at [start, end) is a street's: a road word ends it; or a street's last word ends it and
    the mention stands as a street, or the text names the same words as a road; or it follows "intersection of"."""
    if road_name(name) or crossing_use(text, start):
        return True
    return street_name(name) and (street_use(text, start, end) or street_prefix(text, name))
