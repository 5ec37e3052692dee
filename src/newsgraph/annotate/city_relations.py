"""Relations the text states between a town's name and other places, and readings that cannot be the text's town:
a part of a bigger town ("X in Y", "Y, including X", "X, Y"), a division named with its kind word elsewhere, a
homonym in a country the article never goes to, an acronym in capitals. Each says a town reading is no city topic;
the reading keeps its point (city_evidence.not_a_city and the geocoder call these)."""

from __future__ import annotations

import math
import re

from newsgraph.annotate.gazetteer import Gazetteer, Place, norm
from newsgraph.annotate.name_usage import settlement_use
from newsgraph.annotate.names import NamesLexicon
from newsgraph.records import Entity

#: "X in Y": a capitalised name after "in" right after the mention, closed by no further capitalised word
_IN_PLACE = re.compile(r"^\s+in\s+([A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,2})(?![\w'\u2019-])")


#: "Y, including [A, B and] X": the town Y, then the list of its parts that holds the mention
_INCLUDING = re.compile(r"([A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,2}),?\s+including\s+"
                        r"(?:[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,2}(?:,\s+|\s+and\s+|,\s+and\s+))*$")


def in_city(text: str, e: Entity, p: Place, gaz: Gazetteer) -> bool:
    """A mention of `e` is placed inside a town bigger than its reading `p` ("Oak Park in Millbrook", "north
    Bigtown, including Eastfield and Hillside"): a park, a street or a neighbourhood of that town, no city of its own.
    The containing name must read only as a town or a county (not a state or a country: "Millbrook in
    Westshire", "Hillside in Ruritania", "Westshire, including Millbrook")."""
    for m in e.mentions:
        im = _IN_PLACE.match(text[m.end : m.end + 60])
        cm = _INCLUDING.search(text, max(0, m.start - 120), m.start)
        for outer in (im.group(1) if im else None, cm.group(1) if cm else None):
            if outer is None or norm(outer) == norm(e.name):
                continue
            readings = gaz.lookup(outer)
            if readings and not any(r.kind in ("country", "continent", "admin1") for r in readings) and any(
                    r.kind == "city" and r.population > p.population for r in readings):
                return True
    return False


#: division words a name takes in a division's own name ("Tyneham County", "Marlow Province")
DIVISION_NAMES = ("County", "Parish", "District", "Province", "Borough", "Region", "Oblast", "Krai", "Prefecture")


def division_written(text: str, e: Entity) -> bool:
    """The text writes the name of `e` with a division word after it ("Tyneham County", "Marlow Province") at a
    place that is none of its mentions."""
    words = "|".join(DIVISION_NAMES)
    starts = {m.start for m in e.mentions}
    return any(dm.start() not in starts for dm in re.finditer(rf"\b{re.escape(e.name)}\s+(?:{words})\b", text))


def division_named(text: str, e: Entity, gaz: Gazetteer, names: NamesLexicon) -> bool:
    """The text names a division by the town's name and its kind word ("Tyneham County"), and names the bare town
    only as a division's short form would be named: never after a preposition ("of X", "in X"), "X, State",
    "X-based" or as a dateline, at most as a body's seat ("Tyneham police", "X residents"). The bare name is the
    division's."""
    if not division_written(text, e):
        return False
    if any(_PREPOSITION_BEFORE.search(text, max(0, m.start - 12), m.start) for m in e.mentions):
        return False  # "Ann Lee of Tyneham", "east of Tyneham": the town
    uses = {settlement_use(text, m.start, m.end, gaz, names) for m in e.mentions}
    return not (uses - {None, "local"})


_PREPOSITION_BEFORE = re.compile(r"\b(?:of|in|at|from|to|near|into|outside|around)\s+$", re.I)


#: ", Y" right after a mention, Y a capitalised name of one to three words
_APPOSED = re.compile(r"^,\s+([A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,2})(?![\w'\u2019-])")


def apposed_part(text: str, e: Entity, p: Place, chosen: list[Place], gaz: Gazetteer, min_city: int,
                 radius_km: float) -> bool:
    """A mention of `e` is followed by ", Y", Y a big city of the article (`min_city` people or more) near which the
    reading `p` lies (twice `radius_km` per square root of its population in millions): "Starfield, Bigtown"
    names a part of the city, however many people GeoNames counts in it. A list of cities ("Bigtown, Eastport") has no
    such pair: its towns lie far apart. A Y that also names a state or a country ("X, Westshire") is the region X
    lies in (`contained_reading`), no city."""
    from newsgraph.annotate.geo import haversine_km

    ids = {q.geonameid: q for q in chosen if q.kind == "city" and q.geonameid != p.geonameid}
    for m in e.mentions:
        am = _APPOSED.match(text[m.end : m.end + 60])
        if not am:
            continue
        readings = gaz.lookup(am.group(1))
        if any(r.kind in ("country", "continent", "admin1") for r in readings):
            continue  # "X, New York": the state names where X lies, not a city it is part of
        for r in readings:
            q = ids.get(r.geonameid)
            if q is not None and q.population >= max(min_city, 2 * p.population) and haversine_km(
                    p.lat, p.lon, q.lat, q.lon) <= 2 * radius_km * math.sqrt(q.population / 1e6):
                return True
    return False


def foreign_homonym(p: Place, others: list[Place], demonyms: list[str], max_population: int,
                    division: bool = False) -> bool:
    """The town reading `p` (fewer than `max_population` people, any size when the text also writes the name as a
    division's, `division`: "Marlow Province ... in Marlow") lies in a country where none of the article's other
    places (two or more) lies and whose demonym it never uses: a homonym of a place the gazetteer does not hold ("a
    bar in Hillside" in a report on Bigtown read as a village abroad). Its point stays; no city topic."""
    if p.kind != "city" or (p.population >= max_population and not division):
        return False
    countries = [q.country_code for q in others if q is not p and q.geonameid != p.geonameid]
    return len(countries) >= 2 and p.country_code not in countries and p.country_code not in demonyms


def acronym_only(text: str, e: Entity, p: Place) -> bool:
    """Every mention of `e` is a short word in capitals inside a line ("according to TARQ"), not a dateline, and
    not the initials of the reading's own name ("BHC" for Big Harbour City): an acronym, which the gazetteer matched to a town's
    other name."""
    initials = "".join(w[0] for w in p.name.split()).upper()
    for m in e.mentions:
        word = text[m.start : m.end]
        if not (2 <= len(word) <= 5 and word.isalpha() and word.isupper()) or word == initials:
            return False
        if not text[text.rfind("\n", 0, m.start) + 1 : m.start].strip():
            return False  # a dateline's town
    return bool(e.mentions)
