"""The GeoNames places a toponym may be (`candidates`), how far apart two are, and what a chosen place becomes in a
record (`to_geo`, `entity_type`).

Split from geo.py to keep it short: these look places up and convert them; geo.py weighs the readings against the
article. geo.py imports them back, so `from newsgraph.annotate.geo import candidates, haversine_km` still works.
"""

from __future__ import annotations

import math

from newsgraph.annotate.demonyms import region_of
from newsgraph.annotate.gazetteer import Gazetteer, Place
from newsgraph.annotate.geo_names import local_fallback
from newsgraph.records import Geo

_WATER_WORDS = ("river", "creek", "lake", "bayou")
#: Words naming an administrative division ("Rapides Parish"): geo.py weighs a county named with one differently.
ADMIN_WORDS = ("county", "parish", "province", "state", "region", "district", "oblast", "prefecture")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (Earth diameter 12742 km): how near two readings are."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def candidates(gaz: Gazetteer, name: str) -> tuple[Place, ...]:
    """Places called `name`; falls back to the name without a trailing admin word ("Rapides Parish" -> "Rapides")."""
    found = gaz.lookup(name)
    demonym = gaz.demonym(name) if name[:1].isupper() else None
    if demonym is not None and all(p.kind == "city" for p in found):
        return (demonym, *found)  # "Canadian" is the country before it is a small town in Texas
    if found:
        return found
    region = region_of(gaz, name)
    if region:
        return region
    words = name.split()
    if len(words) > 1 and words[-1].lower() in ADMIN_WORDS:
        return tuple(p for p in gaz.lookup(" ".join(words[:-1])) if p.kind in ("admin1", "admin2"))
    if len(words) > 1 and words[-1].lower() in _WATER_WORDS:
        # a river or lake the index lacks (no water features): a town or county of its name usually lies on it,
        # and the article's context picks which ("Neches River" -> Neches, Texas)
        return tuple(p for p in gaz.lookup(" ".join(words[:-1])) if p.kind in ("city", "admin2"))
    return local_fallback(gaz, name)


def to_geo(p: Place) -> Geo:
    """The record's view of a GeoNames place (coordinates rounded to 5 decimals, about a metre)."""
    return Geo(
        geonameid=p.geonameid,
        lat=round(p.lat, 5),
        lon=round(p.lon, 5),
        country_code=p.country_code or None,
        feature_code=p.feature_code,
        population=p.population,
    )


def entity_type(p: Place) -> str:
    """The entity type a place gives its entity: country, city, or place for every other kind."""
    return {"country": "country", "city": "city"}.get(p.kind, "place")
