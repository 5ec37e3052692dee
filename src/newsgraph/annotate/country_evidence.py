"""Whether a country's name in an article means the country (data/country_evidence.tsv), for `newsgraph_geo`.

Why: on local news the gazetteer's country reading of a name wins by its country prior where the text means
something else, and every such reading is shown as a country topic (held-out LGL draws of stops 22-23: all the
wrong countries were of two kinds).
- A road's number: "U.S. 27A", "US 41", "U.S. Highway 82" name a road, not the country. A country's name every
  mention of which stands right before a number (with or without "Highway", "Route") is typed a place, no country
  topic (`road_only`); its mentions and its point stay (the road's owner is a toponym all the same).
- A homonym: "Jordan" is also a Minnesota town and a surname, "Georgia" also a US state. A country reading of a name
  that also names a place in the article's home country (the country most of its other places lie in) stands only
  with country evidence in the text: a demonym of the country, a place the article resolved inside it, a noun only a
  sovereign state has around a mention ("Jordan's king", "the embassy in Georgia"), or other foreign countries named
  while no place of the article lies near the home reading (a foreign-policy report). Without it the home reading is
  taken (the US state, the town), which the geocoder then places or leaves without a point (`home_readings`); a
  name coordinated with a person's ("Brown and Jordan shot") is a person's, so no place at all. Only a
  home reading the text could mean counts: a town near the article's other places, or a state of the home country; a
  small town far from them ("Mexico, Missouri" in a Texas report) leaves the country as it is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache

from spacy.tokens import Doc

from newsgraph.annotate.gazetteer import Gazetteer, Place, norm
from newsgraph.annotate.lexicon import words
from newsgraph.annotate.resolve import doc_text
from newsgraph.records import Entity

_DATA = "country_evidence.tsv"
#: the kinds of places that number their roads
_ROAD_OWNERS = ("country", "admin1")
#: what joins two coordinated names
_AND = re.compile(r"\s*(?:,\s*|\s+)(?:and|or|&)\s+|\s*,\s*")
#: a possessive, an article or nothing between a name and the noun after it
_POSSESSIVE = r"(?:\s*['\u2019]s)?\s+"


def _alternatives(section: str) -> str:
    """A section's words as a regex alternation (sorted: the same pattern in every process)."""
    return "|".join(re.escape(w) for w in sorted(words(_DATA, section)))


@lru_cache(maxsize=1)
def _road_re() -> re.Pattern[str]:
    # a number of one to three digits, maybe lettered ("27A"), not a figure ("1,000", "10-year", "5%", "2.5")
    return re.compile(rf"^\s*(?:(?:{_alternatives('road')})\.?\s+)?\d{{1,3}}[A-Za-z]?\b(?![,.]\d|%|-)", re.IGNORECASE)


def road_number(text: str, end: int) -> bool:
    """The name ending at `end` opens a road's number ("U.S. 27A", "U.S. Highway 82")."""
    return bool(_road_re().match(text[end : end + 30]))


def road_only(text: str, e: Entity, gaz: Gazetteer) -> bool:
    """The place entity's name is a country's or a state's and every mention of it opens a road's number: a road's
    owner named, no place the article is about (its mentions stay: the toponym is the road's owner all the same)."""
    top = gaz.lookup(e.name)[:1]
    return bool(top) and top[0].kind in _ROAD_OWNERS and bool(e.mentions) and all(
        road_number(text, m.end) for m in e.mentions)


@lru_cache(maxsize=1)
def _cue_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return (re.compile(rf"^{_POSSESSIVE}(?:{_alternatives('after')})\b"),
            re.compile(rf"\b(?:{_alternatives('before')})\s+(?:the\s+)?$"))


def state_cue(text: str, e: Entity) -> bool:
    """A noun or phrase only a sovereign state takes stands right around a mention ("Jordan's king")."""
    after, before = _cue_res()
    return any(after.match(text[m.end : m.end + 40]) or before.search(text[max(0, m.start - 40) : m.start])
               for m in e.mentions)


def home_country(places: Sequence[Place | None]) -> str | None:
    """The country most of the article's resolved places (no countries) lie in, None with none. A town or county
    counts twice, a state or province once: a lone region reading is often a common word's ("North")."""
    codes: Counter[str] = Counter()
    for p in places:
        if p is not None and p.country_code and p.kind not in ("country", "continent"):
            codes[p.country_code] += 1 if p.kind == "admin1" else 2
    return codes.most_common(1)[0][0] if codes else None


def with_person(text: str, e: Entity, persons: Sequence[tuple[int, int]]) -> bool:
    """A mention is coordinated with a name the model labels a person ("Brown and Jordan shot"): coordinated names
    share their type, so the name is a person's here."""
    for m in e.mentions:
        for s, t in persons:
            if (t <= m.start and _AND.fullmatch(text[t : m.start])) or (m.end <= s and _AND.fullmatch(text[m.end : s])):
                return True
    return False


def _local(q: Place, o: Place, near: Callable[[Place, Place], bool]) -> bool:
    """Reading `q` has the support of the article's place `o`: a town near a town or county (not merely inside a
    state the article names), or a state `o` lies in."""
    if q.kind == "admin1":
        return o.kind != "admin1" and o.country_code == q.country_code and o.admin1 == q.admin1
    return o.kind != "admin1" and near(q, o)


def home_readings(doc: Doc, ents: Sequence[Entity], places: list[Place | None], demonyms: Sequence[str],
                  cands: Callable[[str], Sequence[Place]], near: Callable[[Place, Place], bool]) -> None:
    """Replace in `places` each country reading of a homonym without country evidence by its home reading, or by
    None (no place: a person's name) when a mention is coordinated with a name the model labels a person (see the
    module docstring). `cands` gives a name's readings, `near` whether two readings support each other."""
    text = doc_text(doc)
    persons = [(x.start_char, x.end_char) for x in doc.ents if x.label_ == "PERSON"]
    home = home_country(places)
    others = [p for p in places if p is not None and p.kind not in ("country", "continent")]
    for i, (e, p) in enumerate(zip(ents, places, strict=True)):
        if p is None or p.kind != "country" or p.country_code == home:
            continue
        # the home reading the text could mean ("Mexico, Missouri" far from the Texas towns of a report is none):
        # (its own name, not an old alternate one: "China" is no Arcade, New York), a town near the article's
        # towns or a state the article places towns in (`local`: state context), or a state of the home country
        readings = [q for q in cands(e.name) if q.kind not in ("country", "continent") and q.country_code == home
                    and norm(q.name) == norm(e.name)]
        local = next((q for q in readings if any(_local(q, o, near) for o in others)), None)
        alt = local or next((q for q in readings if q.kind == "admin1"), None)
        person = with_person(text, e, persons)
        if alt is None and not person:
            continue
        cc = p.country_code
        foreign = any(q is not None and q.kind == "country" and q.country_code not in (cc, home) for q in places)
        evidence = (cc in demonyms or any(q.country_code == cc for q in others) or state_cue(text, e)
                    or (foreign and local is None))
        if not evidence:
            places[i] = None if person else alt
