"""Whether a place the geocoder read as a town is a city the article is about, from how the text names it.

The gazetteer holds a populated place for names that, in the text, are no city at all, and the text says so:
- the name occurs only inside longer names: an organisation, a line or a brand that opens or closes with the town's
  name ("London Underground", "the beauty brand L'Oreal Paris"), a seat closing an organisation's name ("University
  of California, Irvine") or a hyphenated surname ("Ponce-Olivera"). A mention is inside a longer name when another
  entity's mention holds it, or when a capitalised word joins it on the same line, with no title, weekday or month
  between them (a title heads a person: "London Mayor"; a date follows a dateline's town: "Paris Monday");
- the name says it is a civil division, not a town ("Pana Township": geo_names.local_fallback read it as the town
  of Pana);
- the name's own last word makes it a land form ("Death Valley", "the Blue Mountains": `TERRAIN_HEADS`) and the reading is a small town the text never uses as a settlement beyond "in X" (no
  "X, State", "X-based", dateline or "X residents"): the valley, not the hamlet named after it.
- every mention carries a feature noun of no settlement right after it ("the Rhine river", "Oakdale district",
  "Jackson and Barrow counties", "the Rockridge neighbourhood"; data/place_cues.tsv `after` rows less the settlement
  nouns): the river, the district or the county named like a town (`feature_named`). "The Sydney suburb of Bondi"
  is no such cue: the noun heads an "of" phrase, so the name before it is the city;
- the name is a river's or a lake's ("Tyne River") that the gazetteer holds only as the town named for it;
- the name is the place a town or township lies in ("a township in northern X": a county), or a mention opens a
  quoted term ("'X belly'": an expression; city_relations.towns_in_at, quoted_at); a name whose every mention is
  one of these uses or the two above, each its own, is no city either (`named_otherwise`);
- the reading is a small town lying inside a big city the article names (`part_of_city`): GeoNames holds
  neighbourhoods ("Camden Town" in London) as populated places, but a part of a city is no city topic.
Such a place keeps its point (the map, the geocoding benchmark) but is typed "place": no city topic. So is a town
the text places in a region where the gazetteer holds no town of that name (`contained_reading`).
A city topic is named by the place's own name: "Vegas" is Las Vegas (`full_name`), "Hague" after "The" is The Hague
(`official_article`).
"""

from __future__ import annotations

import calendar
import functools
import math
import re

from spacy.tokens import Doc

from newsgraph.annotate.city_kinds import island_only, kind_named_at
from newsgraph.annotate.city_relations import (
    acronym_only,
    division_listed_at,
    division_named,
    in_city,
    quoted_at,
    region_written,
    towns_in_at,
)
from newsgraph.annotate.gazetteer import Gazetteer, Place, norm
from newsgraph.annotate.name_usage import containers, inside, modifies_next, settlement_use
from newsgraph.annotate.names import NamesLexicon
from newsgraph.annotate.resolve import doc_text
from newsgraph.records import Entity, Mention

#: last words of a name that make it a civil division rather than a settlement (lower case)
DIVISION_WORDS = frozenset({"township", "townships"})
#: the names lexicon's place heads of land forms that name no town (towns are often named for water and buildings:
#: "Walvis Bay", "Palm Springs", "Castle Rock")
TERRAIN_HEADS = frozenset({"valley", "mountains", "desert", "plateau", "glacier"})
#: last words of a water body's name; many towns are named so ("Tyne Lake"), so a small town so named is the lake
#: only when the text never uses it as a settlement, not even "in X" ("from Route 9 to Tyne Lake", "the Tyne Lake area
#: of Marlow County")
WATER_HEADS = frozenset({"lake", "lakes"})
#: last words of a water body's name which the gazetteer, holding no water features, reads as the town named for it
#: (geo.candidates drops the word): the name written with the word is the river unless GeoNames names a town so
STREAM_HEADS = frozenset({"river", "creek", "bayou", "lake"})
#: capitalised words that may follow or precede a town's name without making a longer name of it
_DATE_WORDS = frozenset(w.lower() for w in (*calendar.day_name, *calendar.month_name, *calendar.month_abbr) if w)


def not_a_city(doc: Doc, e: Entity, p: Place, others: list[Entity], gaz: Gazetteer, names: NamesLexicon,
               min_population: int) -> bool:
    """The town reading `p` of entity `e` is no city the text is about (see the module docstring); `others`: the
    article's other entities, `min_population`: a feature-named town this big or bigger stays a city."""
    text = doc_text(doc)  # built once per Doc: Doc.text joins every token on each call
    words = e.name.split()
    if words and words[-1].lower() in DIVISION_WORDS:
        return True
    if named_otherwise(doc, e, others, names):
        return True
    if len(words) >= 2 and words[-1].lower() in STREAM_HEADS and norm(p.name) != norm(e.name):
        return True  # "the waters from Tyne River": the gazetteer knows no such town, only the town it is named for
    if brand_listed(text, e) or quarter_of(text, e, gaz, names) or island_only(text, e, p, gaz, names, min_population):
        return True
    if len(words) >= 2 and p.population < min_population and words[-1].lower() in (TERRAIN_HEADS | WATER_HEADS):
        if words[-1].lower() in TERRAIN_HEADS:
            uses = {settlement_use(text, m.start, m.end, gaz, names) for m in e.mentions}
            return not (uses - {None, "locative"})
        # a lake: no use at all, or a feature by its article ("the Tyne Lake area")
        return all(text[max(0, m.start - 4) : m.start].lower() == "the " or settlement_use(
            text, m.start, m.end, gaz, names) is None for m in e.mentions)
    if p.population < min_population and definite_modifier(doc, e, gaz, names):
        return True
    return (in_city(text, e, p, gaz) or division_named(text, e, gaz, names) or region_written(text, e)
            or acronym_only(text, e, p))


def definite_modifier(doc: Doc, e: Entity, gaz: Gazetteer, names: NamesLexicon) -> bool:
    """Every mention of `e` modifies a lower-case noun after it under a definite article ("the X flyway", "the X
    strain") and none is used as a settlement: the article determines the noun, the name only qualifies it; a
    small town so named (placed only because the article names places near it) is no town the text speaks of."""
    text = doc_text(doc)
    for m in e.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0 or text[max(0, m.start - 4) : m.start].lower() != "the ":
            return False
        if not modifies_next(doc, span) or settlement_use(text, m.start, m.end, gaz, names) is not None:
            return False
    return bool(e.mentions)


#: feature nouns after a name that still name a settlement ("the Pana township", "a Lakeside town"): no cue against it
SETTLEMENT_NOUNS = frozenset({"town", "towns", "township", "townships", "village", "villages", "city", "cities"})
#: one more name of a coordination after a name: ", Marlow", ", and Marlow", " or Wendover Bay", " to Marlow"
_NAME = r"[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,2}"
_COORDINATED = re.compile(rf"(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|to|through)\s+){_NAME}")
#: the name closes a coordination: "Marlow and [Tyneham]", "Hale, Marlow, [Tyneham]"
_COORDINATED_BEFORE = re.compile(r"[A-Z][\w'\u2019.-]*(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)$")
#: a feature noun right after the name or its coordination, not heading an "of" phrase ("the Sydney suburb of
#: Bondi": Sydney is the city)
_NOUN_AFTER = re.compile(r"^\s+([a-z]+)\b(?!\s+of\b)")
#: a copula whose predicate is a feature noun: "X, Y and Z are among the hardest hit districts", "X is a county
#: in the north"; up to four modifiers between the copula and the noun, which closes its phrase ("X is the county
#: seat" names the town)
_COPULA = re.compile(r"^\s+(are|were|is|was)\s+(?:(?:all|both|among|some\s+of|one\s+of)\s+)?(?:(?:the|a|an|its|their)\s+)?")
_PHRASE_END = r"(?=\s*[.,;:)]|\s+(?:in|of|on|at|to|with|where|that|which|and|or|for|from|near|by|along|across)\b)"


@functools.lru_cache(maxsize=8)
def _predicate(nouns: frozenset[str]) -> re.Pattern[str]:
    """The modifiers and the feature noun of a copula's predicate, the noun one of `nouns`."""
    alternatives = "|".join(sorted(nouns, key=len, reverse=True))
    return re.compile(rf"((?:[a-z-]+\s+){{0,4}}?)({alternatives})\b{_PHRASE_END}")


def _coordination_end(text: str, end: int) -> tuple[int, int]:
    """Where the coordination of names that opens at text[end:] ends ("Marlow, Wendover and Hale" after
    "Tyneham, ..."), and how many names it holds past the first."""
    n = 0
    while (cm := _COORDINATED.match(text, end)) is not None and cm.end() - end < 60:
        end, n = cm.end(), n + 1
    return end, n


def feature_noun_after(text: str, start: int, end: int, nouns: frozenset[str]) -> bool:
    """The name at text[start:end] is named by a feature noun of `nouns` after it, maybe past a coordination of
    names ("Tyneham and Marlow counties", "Tyneham, Marlow, Hale or Orford counties") or as the predicate of a
    copula ("Tyneham, Marlow and Hale are among the hardest hit districts"). A coordination closes with a plural
    ("X and Y river" names one feature, Y's); a plural copula ("are") needs a coordination, a singular one none."""
    stop, n = _coordination_end(text, end)
    window = text[stop : stop + 80]
    fm = _NOUN_AFTER.match(window)
    if fm and fm.group(1) in nouns:
        return not n or fm.group(1).endswith("s")
    cm = _COPULA.match(window)
    pm = _predicate(nouns).match(window, cm.end()) if cm else None
    if pm is None:
        return False
    if cm.group(1) in ("is", "was"):
        return n == 0 and not pm.group(2).endswith("s")
    return pm.group(2).endswith("s") and (n > 0 or _COORDINATED_BEFORE.search(text, max(0, start - 60), start) is not None)


def feature_named(text: str, e: Entity, names: NamesLexicon) -> bool:
    """Every mention of `e` is named a feature of no settlement by a noun after it (`feature_noun_after`): a river,
    lake, district, county, neighbourhood or region named like a town."""
    if not e.mentions:
        return False
    nouns = (names.place_after | {"counties", "districts", "regions", "provinces"}) - SETTLEMENT_NOUNS
    return all(feature_noun_after(text, m.start, m.end, nouns) for m in e.mentions)


#: a list of brands or labels the name belongs to: "sold under the labels X, Y", "brand names including X"
_BRAND_LIST = re.compile(r"\b(?:brands?|labels?|brand\s+names?|trademarks?)(?:\s+(?:including|such\s+as|like|of|"
                         r"called|named))?:?\s+(?:[A-Z][\w'\u2019&.-]*(?:\s+[A-Z][\w'\u2019&.-]*)*,\s+)*$")


#: characters before a name searched for the brand noun heading its list (a recall lists a dozen labels)
BRAND_LIST_SPAN = 400


def brand_listed(text: str, e: Entity) -> bool:
    """Every mention of `e` stands in a list headed by a brand or label noun ("eggs sold under the labels X, Y and
    Z", "brand names including X"): a product's brand named like a town, no city."""
    if not e.mentions:
        return False
    return all(_BRAND_LIST.search(text[max(0, m.start - BRAND_LIST_SPAN) : m.start]) for m in e.mentions)


#: a direction and a big town's name after a name: "X in north Bigtown", "X, central Bigtown"
_QUARTER_OF = re.compile(r"^(?:,|\s+in)\s+(?:the\s+)?([a-z]+)\s+([A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,2})")
#: a town this big or bigger, written after a direction ("in north X"), makes the name before it a part of it (a
#: smaller one is often written for its region: "in northern Gaza")
QUARTER_CITY_POPULATION = 1_000_000


def quarter_of(text: str, e: Entity, gaz: Gazetteer, names: NamesLexicon) -> bool:
    """A mention of `e` is placed in a direction of a big town ("Hillside in north Bigtown", "Hillside, central
    Bigtown"): a part of that town, no city of its own. A country or region after the direction ("in western
    Kenya") places a town, so only a town reading of that name counts."""
    for m in e.mentions:
        qm = _QUARTER_OF.match(text[m.end : m.end + 60])
        if not qm or qm.group(1) not in names.place_directions or qm.group(1) in ("upper", "lower", "old"):
            continue
        top = gaz.lookup(qm.group(2))[:1]
        if top and top[0].kind == "city" and top[0].population >= QUARTER_CITY_POPULATION and norm(
                top[0].name) != norm(e.name):
            return True
    return False


def part_of_city(p: Place, chosen: list[Place], min_city: int, radius_km: float, max_population: int) -> bool:
    """The town reading `p` lies inside a big city of `chosen` (the article's resolved readings): a city of at least
    `min_city` people, within `radius_km` per square root of its population in millions, and `p` smaller than
    `max_population` and a tenth of it. GeoNames keeps a city's neighbourhoods as populated places ("Camden Town",
    "Soho" in London); the article means a part of the city it names."""
    from newsgraph.annotate.geo import haversine_km

    if p.kind != "city" or p.population >= max_population:
        return False
    for q in chosen:
        if q is p or q.kind != "city" or q.population < min_city or q.population < 10 * p.population:
            continue
        if q.geonameid != p.geonameid and haversine_km(p.lat, p.lon, q.lat, q.lon) <= radius_km * math.sqrt(
                q.population / 1e6):
            return True
    return False


def inside_other_names(doc: Doc, e: Entity, others: list[Entity], names: NamesLexicon) -> bool:
    """Every mention of `e` lies inside a longer name: another entity's mention holds it, or a capitalised word joins
    it (`_joined`)."""
    inside_name = _inside_name(doc, e, others, names)
    return bool(e.mentions) and all(inside_name(m) for m in e.mentions)


def _inside_name(doc: Doc, e: Entity, others: list[Entity], names: NamesLexicon):
    """Whether a mention of `e` lies inside a longer name (`inside_other_names`), as a function of the mention."""
    spans = [(m.start, m.end) for o in others if o is not e for m in o.mentions]
    places = {m.start for o in others if o is not e and o.type in ("place", "city", "country") for m in o.mentions}

    def inside_name(m: Mention) -> bool:
        held = any(s <= m.start and m.end <= t and t - s > m.end - m.start for s, t in spans)
        return held or _joined(doc, m.start, m.end, places, names)

    return inside_name


def named_otherwise(doc: Doc, e: Entity, others: list[Entity], names: NamesLexicon) -> bool:
    """Every mention of `e` names no town, each in its own way: inside a longer name ("X Slaughter House"), named a
    feature by a noun after it ("X and Y districts", `feature_noun_after`), named as the place a township or village
    lies in ("a township in northern X", city_relations.towns_in_at), opening a quoted term ("'X belly'",
    city_relations.quoted_at), listed after a division noun and a colon ("nineteen counties ...: A, B, X",
    city_relations.division_listed_at), or named a school, a team's member or an island by the words around it ("A,
    B and X high schools", "a X senior", "the island of X": city_kinds.kind_named_at). A name used so in one place and otherwise in another is still no town ("the X
    Slaughter House ... in X and Y districts")."""
    text = doc_text(doc)
    inside_name = _inside_name(doc, e, others, names)
    nouns = (names.place_after | {"counties", "districts", "regions", "provinces"}) - SETTLEMENT_NOUNS
    return bool(e.mentions) and all(
        inside_name(m) or feature_noun_after(text, m.start, m.end, nouns) or towns_in_at(text, m.start)
        or quoted_at(text, m.start, m.end) or division_listed_at(text, m.start, m.end)
        or kind_named_at(doc, m.start, m.end) for m in e.mentions)


_NEXT_WORD = re.compile(r"^(?: |[-\u2010\u2011])([A-Z][\w'\u2019&.-]*)")
_PREV_WORD = re.compile(r"(?:^|(?<=[\s(\"\u201c]))([A-Z][\w'\u2019&.-]*) $")
_SENTENCE_END = re.compile(r"(?:[.!?:;\"\u201c\u201d]|^)\s*$")


def _joined(doc: Doc, start: int, end: int, places: set[int], names: NamesLexicon) -> bool:
    """A capitalised word joins the name at text[start:end] into a longer one on the same line: after it, with a
    space or a hyphen ("London Overground", "Ponce-Olivera"), or before it with a space, not opening a sentence
    ("brand L'Oreal Paris"); the joining word is no function word, title, weekday, month or direction, nor another
    place's mention ("Dallas-Fort Worth")."""
    text = doc_text(doc)
    after = _NEXT_WORD.match(text[end : end + 40])
    if after and _name_word(doc, after.group(1), names) and end + 1 not in places:
        return True
    before = _PREV_WORD.search(text[max(0, start - 40) : start])
    if not before or not _name_word(doc, before.group(1), names):
        return False
    word_start = start - len(before.group(0))
    if word_start in places:
        return False
    return not _SENTENCE_END.search(text[max(0, word_start - 3) : word_start])


def _name_word(doc: Doc, word: str, names: NamesLexicon) -> bool:
    """A capitalised word that may make a longer name: no function word ("The Hague", a title-case heading's
    "To"), title, weekday, month or direction."""
    low = word.lower().rstrip(".")
    return not (doc.vocab[low].is_stop or low in _DATE_WORDS or low in names.title_words
                or low in names.place_directions)


def full_name(e: Entity, p: Place) -> str | None:
    """The gazetteer's own name of a town the text names by its last words only ("Vegas" for Las Vegas), or None:
    a short form is no right name for a city topic. Not a division's name ("City of Westminster" for Westminster); "The Hague" is `official_article`'s."""
    text_words, own = e.name.split(), p.name.split()
    extra = own[: len(own) - len(text_words)]
    if extra and extra[-1].lower() not in ("of", "the") and [w.lower() for w in own[len(extra) :]] == [w.lower() for w in text_words]:
        return p.name
    return None


def official_article(text: str, e: Entity, p: Place) -> None:
    """Keep "The" where it belongs to the place's own name ("The Hague", "The Bronx"): when GeoNames names the place
    "The <name>" and the text writes the article before the name, the name and those mentions take it."""
    if not p.name.lower().startswith("the ") or norm(p.name[4:]) != norm(e.name):
        return
    grown = []
    for m in e.mentions:
        if m.start >= 4 and text[m.start - 4 : m.start] in ("The ", "the "):
            grown.append(Mention(start=m.start - 4, end=m.end, text=text[m.start - 4 : m.end]))
        else:
            grown.append(m)
    if grown == e.mentions:
        return
    e.mentions = grown
    if e.name not in e.aliases:
        e.aliases.append(e.name)
    e.name = p.name
    if p.name not in e.aliases:
        e.aliases.insert(0, p.name)


def contained_reading(text: str, e: Entity, p: Place, gaz: Gazetteer) -> tuple[Place, bool]:
    """The reading that lies where the text says the place lies ("X, Y": name_usage.containers), and whether none
    does: `p` when it lies there or the text names no region, else the likeliest same-named reading inside a named
    region; with none, `p` and True: the gazetteer holds no such town there ("St. Thomas, USVI" is the island, not
    the Ontario town), so the place is no city topic. (Its reading is kept for the map: leaving it without a point
    lost LGL check toponyms that the end-to-end F1 counts, though the points it kept are wrong.)"""
    from newsgraph.annotate.geo import candidates

    regions = containers(text, [m.end for m in e.mentions], gaz)
    if not regions or inside(p, regions):
        return p, False
    inner = next((c for c in candidates(gaz, e.name) if c.kind not in ("country", "continent") and inside(c, regions)),
                 None)
    return (inner, False) if inner is not None else (p, True)


def campus_only(summary: dict) -> bool:
    """Every mention of the entity is a town closing an organisation's name (entity_propagation.nested_places)."""
    n = int(summary.get("n") or 0)
    return n > 0 and int((summary.get("ev") or {}).get("campus") or 0) >= n


def dateline_place(text: str, e: Entity, gaz: Gazetteer) -> Place | None:
    """The place of an organisation (by the model's label) whose every mention opens a line as a dateline's place,
    its region and a dash after it ("ST CATHERINE, Jamaica \u2014"): the gazetteer's reading of the name that lies in
    that region (GeoNames spells out "St" as "Saint"), or None."""
    if e.type != "organisation" or not e.mentions:
        return None
    from newsgraph.annotate.geo import candidates

    regions: set[tuple[str, str]] = set()
    for m in e.mentions:
        dm = _DATELINE.match(text[m.end : m.end + 60])
        if text[text.rfind("\n", 0, m.start) + 1 : m.start].strip() or not dm:
            return None
        region = next((p for p in gaz.lookup(dm.group(1)) if p.kind in ("country", "admin1")), None)
        if region is None:
            return None
        regions.add((region.country_code, region.admin1 if region.kind == "admin1" else ""))
    words = e.name.split()
    saint = " ".join(["Saint", *words[1:]]) if words[0].rstrip(".").lower() == "st" else e.name
    return next((p for p in (*candidates(gaz, e.name), *gaz.lookup(saint))
                 if p.kind != "country" and inside(p, regions)), None)


#: a dateline's region, then its dash: ", Jamaica \u2014", ", Calif. --"
_DATELINE = re.compile(r"^,\s+([A-Z][\w.'\u2019]*(?:\s+[A-Z][\w.'\u2019]*){0,2})\s+(?:[\u2014\u2013]|--?)\s")
