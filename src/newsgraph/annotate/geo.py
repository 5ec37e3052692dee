"""`newsgraph_geo`: place entities -> country / city / place, each with a GeoNames id, a point and a country code.

Resolution picks, for every toponym of an article at once, among the same-named GeoNames places by:
- prior: population (log), kind (a country name means the country; a region beats a same-named village),
  and whether the name is the place's own name rather than one of its alternate names;
- the article's country context: countries named in the article and countries of demonyms ("Syrian"), and the
  countries the other toponyms resolve to;
- the article's regions: a town in a state or province the article names;
- nearness: a candidate close to the other resolved places of the article.
Two passes: the first resolves by prior and explicit context, the second adds what the first found.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.annotate.city_evidence import (
    campus_only,
    contained_reading,
    dateline_place,
    full_name,
    not_a_city,
    official_article,
    part_of_city,
)
from newsgraph.annotate.city_relations import (
    apposed_part,
    division_written,
    foreign_homonym,
    listed_as_regions,
)
from newsgraph.annotate.city_sections import section_of
from newsgraph.annotate.city_uses import person_named, team_named, title_only
from newsgraph.annotate.config import config_of, from_config, knob
from newsgraph.annotate.country_evidence import home_readings, road_only
from newsgraph.annotate.gazetteer import Gazetteer, Place, get_gazetteer, norm
from newsgraph.annotate.geo_names import local_fallback
from newsgraph.annotate.geo_places import ADMIN_WORDS, candidates, entity_type, haversine_km, to_geo
from newsgraph.annotate.name_usage import DEFINITE_KINDS, geo_kinds, placed, used_as_place
from newsgraph.annotate.names import shipped_names
from newsgraph.annotate.resolve import doc_text
from newsgraph.records import Entity, stable_id

_PLACE_TYPES = ("place", "country", "city")


@dataclass(frozen=True)
class GeoWeights:
    """How toponyms are resolved: a prior per reading, then support from the article's other places."""

    max_candidates: int = knob(40, "readings of one name considered (the gazetteer's order: most populous first)")
    near_km: float = knob(150.0, "two readings within this distance support each other")
    support: float = knob(2.0, "score per other name of the article with a plausible reading near this one")
    support_cap: int = knob(3, "at most this many supporting names count")
    plausible: float = knob(1.5, "a reading within this much of its name's best prior can support others")
    country_prior: float = knob(4.0, "prior bonus of a country or continent reading")
    admin1_prior: float = knob(1.0, "prior bonus of a state or province reading")
    admin2_named_prior: float = knob(2.0, "prior bonus of a county reading when the name says 'county', 'parish'...")
    admin2_bare_prior: float = knob(-1.5, "prior of a county reading for a bare name (a town is likelier)")
    capital_prior: float = knob(1.0, "prior bonus of a capital city")
    exact_name_prior: float = knob(1.5, "prior bonus when the reading's own name is the name written")
    vote_bonus: float = knob(1.5, "bonus of a reading in a country the article names or settled on")
    vote_step: float = knob(0.8, "... plus this per vote for that country")
    votes_cap: int = knob(3, "at most this many votes count")
    lone_country_penalty: float = knob(4.0, "a country with no named place in it, beside a same-named town next "
                                            "to a place the article settled on, loses this much")
    capital_share: float = knob(0.2, "a capital of a province's name beats the province from this population share")
    city_share: float = knob(0.3, "a city inside a same-named province beats it from this population share")
    unused_town_population: int = knob(100_000, "a town or county reading smaller than this is placed only when "
                                                "the text uses the name as a place or names places near it "
                                                "(name_usage.placed)")
    unused_place_confidence: float | None = knob(None, "confidence of a place entity left without a point whose "
                                                       "name the text never uses as a place (name_usage."
                                                       "used_as_place): for a language without a fitted entity "
                                                       "model (data/languages.json sets it for French); None: left "
                                                       "to newsgraph_confidence")
    part_city_population: int = knob(1_000_000, "a town reading lying within `part_radius_km` per sqrt(million "
                                                "people) of a city at least this big that the article names is a "
                                                "part of that city (city_evidence.part_of_city)")
    part_radius_km: float = knob(5.0, "radius of a big city per square root of its population in millions")
    foreign_town_population: int = knob(0, "a town reading smaller than this, in a country where none of the "
                                        "article's other places (two or more) lies and whose demonym it never uses, "
                                        "is a homonym: no city topic (city_relations.foreign_homonym; any size when "
                                        "the text also writes the name with a division word). Off (0): at 20,000 "
                                        "it hid two wrong towns of the audit draws but GUM's right small towns "
                                        "abroad too (stop 25, NOTES.md)")
    part_max_population: int = knob(60_000, "a town reading this big or bigger is never read as a city's part "
                                            "by part_city_population's rule (city_sections reads bigger ones)")
    section_core_share: float = knob(0.6, "a town reading within this share of a city's radius (`part_radius_km` "
                                          "per sqrt(million); a city of `section_city_population` or more of its "
                                          "own region, with 3 times its people) is a section of it (borough, "
                                          "district), no city topic, whatever the text says; within the whole "
                                          "radius of a `part_city_population` city only when the article names "
                                          "that city or writes the name as a part (city_sections.section_of). 0: "
                                          "off. Separate towns beside a city lay at 0.63 or more in the gazetteer "
                                          "scan of stop 28")
    section_city_population: int = knob(100_000, "a city this big or bigger holds the sections of "
                                                 "`section_core_share`")
    section_rival_population: int = knob(0, "a section reading of `section_core_share` stands although the "
                                            "article's other places lie away from its city when no other town of "
                                            "the same name in the gazetteer has this many people (city_sections."
                                            "lone_reading; 0: off). Off by default: at 20,000 it hid the two "
                                            "boroughs of the PolNeAR draws s27/s30 (wrong cities) but one "
                                            "one-mention place of GUM's check part (stop 31, NOTES.md)")
    sport_density: float = knob(12.0, "sport words (data/team_cues.tsv) per 1,000 words that make a page a sport "
                                      "report, where a town's name used as a team's and never as a settlement is "
                                      "no city topic (city_uses.team_named; 0: off)")
    passes: int = knob(3, "resolution passes (each lets the previous choices support nearby readings)")


#: the defaults, for callers that do not configure the component
DEFAULT_WEIGHTS = GeoWeights()


def _prefer_cities(cands: tuple[Place, ...], name: str, w: GeoWeights = DEFAULT_WEIGHTS) -> tuple[Place, ...]:
    """Drop a state or province that shares its name with a big city inside it ("Tehran", "Kyiv", "Moscow"):
    a bare name in news means the city; "Tehran Province" keeps the province. The country's capital beats the province
    of its very name at a lower share, even as a district of its own ("Luanda", "Buenos Aires"), but not a state
    five times its size ("Washington")."""
    if any(w in name.lower() for w in ADMIN_WORDS):
        return cands
    cities = [c for c in cands if c.kind == "city"]
    drop = {
        r.geonameid for r in cands if r.kind == "admin1" and any(
            c.country_code == r.country_code and (
                (c.capital and norm(c.name) == norm(r.name) and c.population >= w.capital_share * r.population)
                or (c.admin1 == r.admin1 and c.population >= w.city_share * r.population)
            )
            for c in cities
        )
    }
    return tuple(c for c in cands if c.geonameid not in drop) if drop else cands


def _prior(p: Place, key: str, name: str, w: GeoWeights = DEFAULT_WEIGHTS) -> float:
    score = math.log10(p.population + 10)
    if p.kind in ("country", "continent"):
        score += w.country_prior
    elif p.kind == "admin1":
        score += w.admin1_prior
    elif p.kind == "admin2":
        score += w.admin2_named_prior if any(a in name.lower() for a in ADMIN_WORDS) else w.admin2_bare_prior
    elif p.capital:
        score += w.capital_prior
    if norm(p.name) == key:
        score += w.exact_name_prior
    return score


def _near(p: Place, q: Place, w: GeoWeights = DEFAULT_WEIGHTS) -> bool:
    """Two readings that support each other: within `near_km`, or a region and a place inside it."""
    if q.kind in ("country", "continent"):
        return False
    return (q.country_code == p.country_code and bool(q.admin1) and q.admin1 == p.admin1
            and "admin1" in (p.kind, q.kind)) or haversine_km(p.lat, p.lon, q.lat, q.lon) < w.near_km


def _allowed(cands: tuple[Place, ...], kinds: frozenset[str] | None, name: str = "") -> tuple[Place, ...]:
    """The readings of `kinds` (None: all); a place whose GeoNames name carries "The" always ("The Hague"). Under a
    definite article (DEFINITE_KINDS) a county or department keeps its reading when `name` is its own name: French
    departments take the article ("la Seine-et-Marne"); "l'Union" is no "Union County"."""
    if kinds is None:
        return cands
    own = kinds == DEFINITE_KINDS and name
    return tuple(p for p in cands if p.kind in kinds or p.name.lower().startswith("the ")
                 or (own and p.kind == "admin2" and norm(p.name) == norm(name)))


def resolve(
    names: Sequence[str], context_countries: Sequence[str] = (), gaz: Gazetteer | None = None,
    w: GeoWeights = DEFAULT_WEIGHTS, kinds: Mapping[str, frozenset[str]] | None = None,
) -> list[Place | None]:
    """The GeoNames place meant by each toponym of one article (None when the gazetteer has no such name).

    `context_countries` are ISO country codes the article points at by other means (demonyms, say). The same name
    means the same place throughout one article. `kinds` limits the readings of a name (by `norm`) to those kinds:
    the text may say it is a region ("the X region") or no settlement ("the X"), see name_usage.py.
    """
    gaz = gaz or get_gazetteer()
    kinds = kinds or {}
    near_seen: dict[tuple[int, int], bool] = {}

    def near(p: Place, q: Place) -> bool:
        """`_near(p, q, w)`, computed once per pair in this call (the passes ask about the same pairs again)."""
        key = (id(p), id(q))
        hit = near_seen.get(key)
        if hit is None:
            hit = near_seen[key] = _near(p, q, w)
        return hit

    unique: dict[str, str] = {}
    for n in names:
        unique.setdefault(norm(n), n)
    keys = list(unique)
    cands = {k: _prefer_cities(_allowed(candidates(gaz, unique[k]), kinds.get(k), unique[k])[: w.max_candidates],
                               unique[k], w)
             for k in keys}
    cands_plausible: dict[str, list[Place]] = {}
    # support: how many of the article's other names have a plausible reading within reach of this candidate
    # (plausible: its prior within `plausible` of that name's best, so "Paris" next to "Geneva" means France, while
    # "Henderson County" next to "Athens" may be any of the same-sized counties)
    for k in keys:
        if cands[k]:
            top = max(_prior(p, k, unique[k], w) for p in cands[k])
            cands_plausible[k] = [p for p in cands[k] if _prior(p, k, unique[k], w) >= top - w.plausible]
    support: dict[tuple[str, int], int] = {}
    for k in keys:
        for p in cands[k]:
            if p.kind == "continent":
                continue
            if p.kind == "country":  # a country is supported by the other names that lie in it
                n = sum(
                    1 for k2 in keys
                    if k2 != k and any(q.kind != "country" and q.country_code == p.country_code
                                       for q in cands_plausible.get(k2, ()))
                )
                support[(k, p.geonameid)] = min(n, w.support_cap)
                continue
            n = 0
            for k2 in keys:
                if k2 == k:
                    continue
                for q in cands_plausible.get(k2, ()):
                    if q.kind in ("country", "continent"):
                        continue
                    if near(p, q):
                        n += 1
                        break
            support[(k, p.geonameid)] = min(n, w.support_cap)
    explicit: Counter[str] = Counter(context_countries)
    for k in keys:
        cs = cands[k]
        if cs and cs[0].kind == "country" and len({c.country_code for c in cs if c.kind == "country"}) == 1:
            explicit[cs[0].country_code] += 1
    chosen: dict[str, Place | None] = {k: None for k in keys}
    for _pass in range(w.passes):  # the third pass lets a town the second pass settled on support its county
        votes = Counter(explicit)
        first = dict(chosen)
        if _pass:
            votes.update(p.country_code for p in chosen.values() if p is not None and p.kind != "continent")
        local = {
            k: _pass and any(
                p.kind not in ("country", "continent") and any(
                    k2 != k and q is not None and near(p, q) for k2, q in first.items())
                for p in cands[k])
            for k in keys
        } if _pass else {}
        for k in keys:
            best, best_score = None, -1e9
            own = chosen[k].country_code if chosen[k] is not None else None
            for p in cands[k]:
                s = _prior(p, k, unique[k], w)
                v = votes[p.country_code] - (1 if p.country_code == own and _pass else 0)
                if v > 0:
                    s += w.vote_bonus + min(v, w.votes_cap) * w.vote_step
                sup = support.get((k, p.geonameid), 0)
                if _pass and p.kind not in ("country", "continent"):
                    # the first pass's choices count as readings too: "Paris" settled on the Tennessee town
                    # supports the Henry County beside it, though that town was no plausible "Paris" on its own
                    sup = max(sup, min(w.support_cap, sum(1 for k2, q in first.items()
                                                         if k2 != k and q is not None and near(p, q))))
                s += w.support * sup
                if _pass and p.kind == "country" and not support.get((k, p.geonameid)) and local.get(k):
                    # no named place lies in the country, while a same-named town lies beside a place the article
                    # settled on ("Lebanon" beside Myerstown, Pennsylvania): the country's name bonus goes
                    s -= w.lone_country_penalty
                if s > best_score:
                    best, best_score = p, s
            chosen[k] = best
    return [chosen[norm(n)] for n in names]


@Language.factory(
    "newsgraph_geo",
    default_config={"weights": config_of(GeoWeights)},
    requires=["doc._.ng_entities"],
    assigns=["doc._.ng_entities"],
)
def make_geo(nlp: Language, name: str, weights: dict) -> Geocoder:
    return Geocoder(from_config(GeoWeights, weights))


class Geocoder:
    """Type and geocode the place entities that `newsgraph_entities` left in `doc._.ng_entities`.

    Reads `doc._.ng_demonyms` (ISO codes of demonyms the entity component saw) as extra country context; entities
    that resolve to the same GeoNames place merge (the "US" and "United States" of one article); a country named
    only by demonyms (twice or more) becomes a topic without mentions; salience is then recomputed.
    """

    def __init__(self, weights: GeoWeights = DEFAULT_WEIGHTS):
        self.weights = weights

    def __call__(self, doc: Doc) -> Doc:
        from newsgraph.annotate.entity_salience import rescore

        all_ents = list(doc._.ng_entities or [])
        text = doc_text(doc)  # built once per Doc: Doc.text joins every token on each call
        gaz = get_gazetteer()
        dated = {id(e): p for e in all_ents if (p := dateline_place(text, e, gaz)) is not None}
        ents = [e for e in all_ents if e.type in _PLACE_TYPES or id(e) in dated]  # a dateline's "ORG": its place
        demonyms = list(getattr(doc._, "ng_demonyms", None) or [])
        if not ents and not demonyms:
            return doc
        summaries = _summaries(doc, ents)
        kinds = {norm(e.name): k for e, s in zip(ents, summaries, strict=True) if (k := geo_kinds(s)) is not None}
        places = [dated.get(id(e), p) for e, p in zip(ents, resolve([e.name for e in ents], demonyms, gaz=gaz,
                                                                       w=self.weights, kinds=kinds), strict=True)]
        home_readings(doc, ents, places, demonyms, lambda n: candidates(gaz, n)[: self.weights.max_candidates],
                      lambda a, b: _near(a, b, self.weights))  # "Georgia residents" in Atlanta news: the state
        listed_as_regions(text, ents, places, lambda n: candidates(gaz, n)[: self.weights.max_candidates])
        by_gid: dict[int, Entity] = {}
        drop: set[int] = set()
        chosen = [p for p in places if p is not None and p.kind not in ("country", "continent")]
        for i, (e, p, summary) in enumerate(zip(ents, places, summaries, strict=True)):
            outside = False
            if p is not None and p.kind in ("city", "admin2"):
                p, outside = contained_reading(text, e, p, gaz)
                places[i] = p
            if p is None:
                self._unlocated(e, summary)
                continue
            near = any(q is not p and _near(p, q, self.weights) for q in chosen)
            shortened = p in local_fallback(gaz, e.name)
            if not placed(summary, p, self.weights.unused_town_population, near, e.name, shortened):
                self._unlocated(e, summary)  # a small town the text neither uses as a place nor names beside places near it
                continue
            e.type = entity_type(p)
            # "St. Thomas, USVI": no town of that name there; only inside longer names, a township, a valley, the
            # seat closing a body's name ("University of California, Irvine"): the reading stays, no city topic
            if e.type == "city" and (outside or campus_only(summary) or not_a_city(
                    doc, e, p, all_ents, gaz, shipped_names(), self.weights.unused_town_population)
                    or part_of_city(p, chosen, self.weights.part_city_population, self.weights.part_radius_km,
                                    self.weights.part_max_population)
                    or apposed_part(text, e, p, chosen, gaz, self.weights.part_city_population,
                                    self.weights.part_radius_km)
                    or section_of(text, e, p, chosen, gaz, self.weights.section_city_population,
                                  self.weights.part_city_population, self.weights.part_radius_km,
                                  self.weights.section_core_share, self.weights.near_km,
                                  self.weights.section_rival_population) is not None
                    or foreign_homonym(p, [q for q in places if q is not None], demonyms,
                                       self.weights.foreign_town_population, division_written(text, e))
                    or self._used_otherwise(doc, text, e, all_ents, gaz)):
                e.type = "place"
            if e.type == "city" and (full := full_name(e, p)):
                e.aliases += [e.name] if e.name not in e.aliases else []
                e.name = full  # "Vegas" -> "Las Vegas"
            e.geo = to_geo(p)
            if e.type == "country" and e.name != p.name:  # "US" -> "United States"; towns keep the text's name
                if e.name not in e.aliases:
                    e.aliases.append(e.name)
                e.name = p.name
            if e.type != "country":
                official_article(text, e, p)
            e.id = stable_id("place", str(p.geonameid))[:16]
            first = by_gid.get(p.geonameid)
            if first is None:
                by_gid[p.geonameid] = e
                continue
            first.mentions = sorted(first.mentions + e.mentions, key=lambda m: m.start)
            first.aliases += [a for a in e.aliases if a not in first.aliases]
            first.roles += [r for r in e.roles if r not in first.roles]
            drop.add(id(e))
        for e in by_gid.values():
            if e.type == "country" and road_only(text, e, gaz):
                e.type = "place"  # "U.S. 27A", "U.S. Highway 82" only: a road's owner, no country topic
        present = {e.geo.country_code for e in by_gid.values() if e.type == "country" and e.geo}
        located = {e.geo.country_code for e in by_gid.values() if e.type != "country" and e.geo}
        for cc, n in Counter(demonyms).items():
            # twice, or once beside a place in that country ("Kenyan police ... in Nairobi")
            if (n >= 2 or cc in located) and cc not in present:
                p = gaz.country(cc)
                if p is not None:
                    all_ents.append(Entity(id=stable_id("place", str(p.geonameid))[:16], name=p.name,
                                           type="country", geo=to_geo(p)))
        doc._.ng_entities = [e for e in all_ents if id(e) not in drop]
        rescore(doc)
        return doc


    def _used_otherwise(self, doc: Doc, text: str, e: Entity, all_ents: list[Entity], gaz: Gazetteer) -> bool:
        """The text uses the town's name as a team's, a person's surname or inside a work's title (city_uses.py)."""
        names = shipped_names()
        return (team_named(doc, e, all_ents, gaz, names, self.weights.sport_density)
                or person_named(text, e, all_ents, gaz, names) or title_only(text, e))

    def _unlocated(self, e: Entity, summary: dict) -> None:
        """A place entity without a point: typed "place"; with `unused_place_confidence` set and no use of the name
        as a place in the text (only the model's label says place: "Rosstat", "Respekt"), that confidence."""
        e.type = "place"
        conf = self.weights.unused_place_confidence
        if conf is not None and summary and not used_as_place(summary, get_gazetteer(), e.name):
            e.confidence = e.type_confidence = conf


def _summaries(doc: Doc, ents: list[Entity]) -> list[dict]:
    """The evidence summary newsgraph_entities left for each entity (keyed by mention span; {} when none)."""
    evidence = doc._.ng_entity_evidence or {}
    return [next((evidence[(m.start, m.end)] for m in e.mentions if (m.start, m.end) in evidence), {}) for e in ents]
