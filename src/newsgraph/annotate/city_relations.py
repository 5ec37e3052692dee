"""Relations the text states between a town's name and other places, and readings that cannot be the text's town:
a part of a bigger town ("X in Y", "Y, including X", "X, Y"), a division named with its kind word elsewhere, a
homonym in a country the article never goes to, an acronym in capitals. Each says a town reading is no city topic;
the reading keeps its point (city_evidence.not_a_city and the geocoder call these)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import lru_cache

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
    """A mention of `e` is placed inside a town bigger than its reading `p` ("Oak Park in Millbrook", "Oak Park and
    Elm Park in Bigtown": past a coordination of names when the town is a big one, "north
    Bigtown, including Eastfield and Hillside"): a park, a street or a neighbourhood of that town, no city of its own.
    The containing name must read only as a town or a county (not a state or a country: "Millbrook in
    Westshire", "Hillside in Ruritania", "Westshire, including Millbrook")."""
    from newsgraph.annotate.city_evidence import QUARTER_CITY_POPULATION, _coordination_end

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
        stop, n = _coordination_end(text, m.end)
        lm = _IN_PLACE.match(text[stop : stop + 60]) if n else None
        top = gaz.lookup(lm.group(1))[:1] if lm else ()
        if top and top[0].kind == "city" and top[0].population >= QUARTER_CITY_POPULATION and norm(
                top[0].name) != norm(e.name):
            return True  # "Oak Park and Elm Park in Bigtown": a list of its parts, a big town (not "X and Y in Hale")
    return False


#: division words a name takes in a division's own name ("Tyneham County", "Marlow Province")
DIVISION_NAMES = ("County", "Parish", "District", "Province", "Borough", "Region", "Oblast", "Krai", "Prefecture")


def division_written(text: str, e: Entity) -> bool:
    """The text writes the name of `e` with a division word after it ("Tyneham County", "Marlow Province") at a
    place that is none of its mentions."""
    if not any(w in text for w in DIVISION_NAMES):  # the pattern needs one of them: no pattern to compile
        return False
    starts = {m.start for m in e.mentions}
    return any(dm.start() not in starts for dm in _division_re(e.name).finditer(text))


@lru_cache(maxsize=4096)
def _division_re(name: str) -> re.Pattern[str]:
    """`name` followed by a division word, compiled once per name (not once per call)."""
    return re.compile(rf"\b{re.escape(name)}\s+(?:{'|'.join(DIVISION_NAMES)})\b")


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

#: lower-case division nouns that write a name as a region's, not a town's: "the coastal region of X", "the X
#: province"; "Governor of X" (a region's governor: a town has a mayor); "city", "town" and "county" are not here (a
#: county seat shares the county's name and is a town of its own)
REGION_NOUNS = ("region", "province", "oblast", "krai", "prefecture", "governorate", "republic")
_REGION_OF_BEFORE = re.compile(r"\b(?:(?:" + "|".join(REGION_NOUNS) + r")|[Gg]overnor)\s+of\s+(?:the\s+)?$")
_REGION_AFTER = re.compile(r"^\s+(?:" + "|".join(REGION_NOUNS) + r")\b")


def region_written(text: str, e: Entity) -> bool:
    """Every mention of `e` is written as a region's name: "the (coastal) region of X", "the province of X",
    "Governor of X", "the X region": the text names the region that shares the town's name (or that the gazetteer
    holds only under another spelling), never the town."""
    return bool(e.mentions) and all(
        _REGION_OF_BEFORE.search(text, max(0, m.start - 40), m.start) or _REGION_AFTER.match(text[m.end : m.end + 20])
        for m in e.mentions)


#: ", Y" right after a mention, Y a capitalised name of one to three words
_APPOSED = re.compile(r"^,\s+([A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,2})(?![\w'\u2019-])")


def apposed_part(text: str, e: Entity, p: Place, chosen: list[Place], gaz: Gazetteer, min_city: int,
                 radius_km: float) -> bool:
    """A mention of `e` is followed by ", Y", Y a big city of the article (`min_city` people or more) near which the
    reading `p` lies (twice `radius_km` per square root of its population in millions): "Starfield, Bigtown"
    names a part of the city, however many people GeoNames counts in it. A list of cities ("Bigtown, Eastport") has no
    such pair: its towns lie far apart. A Y that also names a country is the region X lies in (`contained_reading`),
    no city; a Y that also names a state ("X, New York") is too, unless X lies inside Y's big city itself
    (`_within_city`: a borough of the city that shares the state's name)."""
    from newsgraph.annotate.geo import haversine_km

    ids = {q.geonameid: q for q in chosen if q.kind == "city" and q.geonameid != p.geonameid}
    for m in e.mentions:
        am = _APPOSED.match(text[m.end : m.end + 60])
        if not am:
            continue
        readings = gaz.lookup(am.group(1))
        if any(r.kind in ("country", "continent") for r in readings):
            continue
        if any(r.kind == "admin1" for r in readings):
            if any(_within_city(p, r, min_city, radius_km) for r in readings):
                return True  # "Eastside, Bigtown" where Bigtown is also the state's name: the big town's borough
            continue  # "X, Westshire": the state names where X lies, not a city it is part of
        for r in readings:
            q = ids.get(r.geonameid)
            if q is not None and q.population >= max(min_city, 2 * p.population) and haversine_km(
                    p.lat, p.lon, q.lat, q.lon) <= 2 * radius_km * math.sqrt(q.population / 1e6):
                return True
    return False


#: a town this many times smaller than a big city, inside its own radius, is one of its parts ("Eastside, Bigtown")
PART_SHARE = 3


def _within_city(p: Place, q: Place, min_city: int, radius_km: float) -> bool:
    """The reading `p` lies inside the big city `q` itself: `q` has `min_city` people or more and `PART_SHARE` times
    `p`'s, and `p` lies within `radius_km` per square root of its population in millions (the city's own extent, not
    the twice-as-wide reach used when the article itself settled on `q`: a state's name after a town names the
    state far more often than its big city)."""
    from newsgraph.annotate.geo import haversine_km

    return (q.kind == "city" and q.geonameid != p.geonameid and q.population >= max(min_city, PART_SHARE * p.population)
            and haversine_km(p.lat, p.lon, q.lat, q.lon) <= radius_km * math.sqrt(q.population / 1e6))


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


#: a settlement noun placed in the name: "a rural township in northwestern X", "villages in the X", "a town in X"
_HOLDS_TOWNS = re.compile(r"\b(?:towns?|townships?|villages?|hamlets?|settlements?)\s+in\s+(?:the\s+)?"
                          r"(?:(?:north|south|east|west|central|(?:north|south)-?(?:east|west))(?:ern)?\s+)?$", re.I)


def towns_in_at(text: str, start: int) -> bool:
    """The name at `start` names the place a town, village or township lies in ("a rural township in northwestern
    X")."""
    return _HOLDS_TOWNS.search(text, max(0, start - 60), start) is not None


def holds_towns(text: str, e: Entity, held: list[tuple[int, int]]) -> bool:
    """Every mention of `e` that no longer name holds (`held`: the spans of the article's other names, "Marlow
    Airport") names the place a town, village or township lies in ("Hale is a rural township in northwestern
    Marlow"): a county or region named like its chief town, no city. (A suburb or neighbourhood "in X" names a
    city's part and X the city: those nouns are not read.)"""
    free = [m for m in e.mentions if not any(s <= m.start and m.end <= t and t - s > m.end - m.start
                                             for s, t in held)]
    return bool(free) and all(towns_in_at(text, m.start) for m in free)


#: a list opened by a colon after a plural division noun in the same sentence: "in eleven of the country's nineteen
#: counties ...: Westshire, Northmoor, [X]"; group 1: the list's names before the mention (a comma, then "and"/"or")
_DIVISION_LIST = re.compile(r"\b(?:counties|districts|provinces|regions|states|prefectures|oblasts|departments|"
                            r"governorates|parishes|municipalities|cantons|territories)\b[^.;:!?\n]{0,80}:\s+"
                            r"((?:[A-Z\u00c0-\u00d6\u00d8-\u00de][\w'\u2019.-]*(?:[\s-]+[A-Z\u00c0-\u00d6\u00d8-\u00de]"
                            r"[\w'\u2019.-]*){0,2},\s+(?:(?:and|or)\s+)?)+)?$")
#: the list goes on after the mention: ", Northmoor", " and Northmoor"
_LIST_GOES_ON = re.compile(r"^(?:,\s+(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)[A-Z\u00c0-\u00d6\u00d8-\u00de]")
#: how far before a mention a division list's colon may stand
DIVISION_LIST_SPAN = 400


def division_listed_at(text: str, start: int, end: int) -> bool:
    """The name at text[start:end] is a member of a list that a colon opens after a plural division noun ("nineteen
    counties to be kept indoors: Westshire, Northmoor, [X], ..."): a division named like its chief town. A list has
    a member before the mention or after it ("the states agreed: X is next" is none)."""
    lm = _DIVISION_LIST.search(text, max(0, start - DIVISION_LIST_SPAN), start)
    return lm is not None and (lm.group(1) is not None or _LIST_GOES_ON.match(text[end : end + 20]) is not None)


#: a quoted term: the name right after an opening quotation mark, one to three lower-case words after it, then the
#: closing mark ("'Tyneham belly'", "the so-called \u201cMarlow flu\u201d")
_QUOTE_OPEN = re.compile(r"(?:^|(?<=[\s(]))['\"\u2018\u201c]$")
_QUOTED_REST = re.compile(r"^(?:[\s-]+[a-z][\w-]*){1,3}['\"\u2019\u201d]")


def quoted_at(text: str, start: int, end: int) -> bool:
    """The name at text[start:end] opens a short quoted term whose other words are lower case."""
    return bool(_QUOTE_OPEN.search(text[max(0, start - 2) : start]) and _QUOTED_REST.match(text[end : end + 50]))


def quoted_term(text: str, e: Entity) -> bool:
    """Every mention of `e` opens a short quoted term whose other words are lower case ("'Tyneham belly'", "the
    \u201cMarlow strain\u201d"): the quotation marks set the words off as one expression, which a town's name only
    qualifies; the text names no place there."""
    return bool(e.mentions) and all(quoted_at(text, m.start, m.end) for m in e.mentions)


#: a name before the mention in a coordination: "Ruritania, [X]", "Westshire and [X]", "Westshire, and [X]"
_LISTED_BEFORE = re.compile(r"([A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2})(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)$")
#: a name after the mention in a coordination: "[X], Westshire", "[X] and Westshire"
_LISTED_AFTER = re.compile(r"^(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)([A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2})")


def listed_regions(text: str, start: int, end: int, regions: dict[int, Place]) -> str | None:
    """The country whose states or provinces (`regions`: such readings by their mentions' start) stand, two or
    more of them, around text[start:end] in one coordination (two on each side at most): "Utah, Virginia, West
    Virginia and [X]". X is then a member of a list of regions, which a "Springfield, Illinois" apposition (one
    region after a town) is not; None otherwise."""
    found: list[Place] = []
    pos = start
    for _ in range(2):
        bm = _LISTED_BEFORE.search(text, max(0, pos - 60), pos)
        if bm is None or bm.start(1) not in regions:
            break
        found.append(regions[bm.start(1)])
        pos = bm.start(1)
    pos = end
    for _ in range(2):
        am = _LISTED_AFTER.match(text[pos : pos + 60])
        if am is None or pos + am.start(1) not in regions:
            break
        found.append(regions[pos + am.start(1)])
        pos += am.end(1)
    countries = {q.country_code for q in found}
    return found[0].country_code if len(found) >= 2 and len(countries) == 1 else None


def listed_as_regions(text: str, ents: list[Entity], places: list[Place | None],
                      readings: Callable[[str], tuple[Place, ...]]) -> None:
    """A name read as a town but listed among two or more states or provinces of one country ("Ohio, Iowa,
    Kansas and Nevada", `listed_regions`) takes that country's region of its name when `readings` (the
    geocoder's candidates) hold one: a list's members are of one kind (the town had won on support from a
    neighbouring state it lies in). Changes `places` in place."""
    regions = {m.start: q for e, q in zip(ents, places, strict=True) if q is not None and q.kind == "admin1"
               for m in e.mentions}
    for i, (e, p) in enumerate(zip(ents, places, strict=True)):
        if p is None or p.kind != "city":
            continue
        listed = {cc for m in e.mentions if (cc := listed_regions(text, m.start, m.end, regions)) is not None}
        region = next((c for c in readings(e.name) if c.kind == "admin1" and norm(c.name) == norm(e.name)
                       and c.country_code in listed), None) if listed else None
        if region is not None:
            places[i] = region
