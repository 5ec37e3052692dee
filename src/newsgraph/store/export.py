"""Exports of the store: JSON Lines (the records as analysed), Parquet (one row per article, nested columns) and
GDELT GKG 2.1-style tab-separated rows for users of GDELT tools.

GKG notes (what differs from GDELT's own files): country codes are ISO 3166 alpha-2 as in our records (GDELT uses
FIPS 10-4); character offsets index our clean body (GDELT's index the page text); themes, tone and GCAM are
empty (we do not compute them). Columns follow the GKG 2.1 codebook order (27 columns, no header row).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

GKG_COLUMNS = [
    "GKGRECORDID", "V2.1DATE", "V2SOURCECOLLECTIONIDENTIFIER", "V2SOURCECOMMONNAME", "V2DOCUMENTIDENTIFIER",
    "V1COUNTS", "V2.1COUNTS", "V1THEMES", "V2ENHANCEDTHEMES", "V1LOCATIONS", "V2ENHANCEDLOCATIONS", "V1PERSONS",
    "V2ENHANCEDPERSONS", "V1ORGANIZATIONS", "V2ENHANCEDORGANIZATIONS", "V1.5TONE", "V2.1ENHANCEDDATES", "V2GCAM",
    "V2.1SHARINGIMAGE", "V2.1RELATEDIMAGES", "V2.1SOCIALIMAGEEMBEDS", "V2.1SOCIALVIDEOEMBEDS", "V2.1QUOTATIONS",
    "V2.1ALLNAMES", "V2.1AMOUNTS", "V2.1TRANSLATIONINFO", "V2EXTRASXML",
]

#: GKG location types: 1 country, 4 world city, 5 world state / other place (we have no ADM1 split).
_LOC_TYPE = {"country": 1, "city": 4}


def _clean(s: Any) -> str:
    """A value safe inside a GKG field: no tabs, newlines or the delimiters ; # , |."""
    text = " ".join(str(s if s is not None else "").split())
    for ch in ";#|":
        text = text.replace(ch, " ")
    return text


def _name(s: Any) -> str:
    return _clean(s).replace(",", " ")


def _gkg_date(published: str | None) -> str:
    digits = "".join(ch for ch in (published or "")[:19] if ch.isdigit())
    return (digits + "00000000000000")[:14] if len(digits) >= 8 else ""


def _first_offset(e: dict[str, Any]) -> int:
    ms = e.get("mentions") or []
    return min((m["start"] for m in ms), default=0)


def gkg_row(r: dict[str, Any], seq: int) -> list[str]:
    """One article record -> the 27 GKG 2.1 fields."""
    ents = r.get("entities") or []
    by_id = {e["id"]: e for e in ents}
    persons = [e for e in ents if e.get("type") == "person"]
    orgs = [e for e in ents if e.get("type") == "organisation"]
    locs = [e for e in ents if e.get("type") in ("country", "city", "place")]

    def loc_fields(e: dict[str, Any]) -> tuple[str, ...]:
        g = e.get("geo") or {}
        return (
            str(_LOC_TYPE.get(e.get("type") or "", 5)), _clean(e.get("name")), _clean(g.get("country_code")), "",
            "" if g.get("lat") is None else f"{g['lat']:.4f}", "" if g.get("lon") is None else f"{g['lon']:.4f}",
            "" if g.get("geonameid") is None else str(g["geonameid"]),
        )

    v1_locs, v2_locs = [], []
    for e in locs:
        t, name, cc, adm1, lat, lon, fid = loc_fields(e)
        v1_locs.append("#".join((t, name, cc, adm1, lat, lon, fid)))
        for m in e.get("mentions") or [{"start": 0}]:
            v2_locs.append("#".join((t, name, cc, adm1, "", lat, lon, fid, str(m["start"]))))

    v1_counts, v21_counts = [], []
    for f in r.get("facts") or []:
        loc = ("", "", "", "", "", "", "")  # location type, name, country, ADM1, lat, lon, feature id
        value = f.get("value")
        number = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
        base = (_clean(f.get("kind")).upper(), number, "", *loc)  # no object type in our facts
        v1_counts.append("#".join(base))
        v21_counts.append("#".join((*base, str(f.get("start", 0)))))

    dates = []
    for d in r.get("dates") or []:
        v = d.get("value") or ""
        parts = v.split("-")
        if not parts or not parts[0].isdigit():
            continue
        res = {1: 1, 2: 2, 3: 3}.get(len(parts), 1)
        year, month, day = parts[0], parts[1] if len(parts) > 1 else "0", parts[2][:2] if len(parts) > 2 else "0"
        dates.append(f"{res}#{int(month)}#{int(day)}#{int(year)}#{d.get('start', 0)}")

    quotes = []
    for q in r.get("quotes") or []:
        start, end = q.get("start") or 0, q.get("end") or 0
        quotes.append("|".join((str(start), str(max(0, end - start)), _clean(q.get("cue") or ""), _clean(q.get("text")))))

    allnames = [f"{_name(e.get('name'))},{_first_offset(e)}" for e in ents]
    amounts = [f"{f.get('value')},{_name(f.get('kind'))},{f.get('start', 0)}" for f in r.get("facts") or []]
    source = r.get("source") or {}
    extras = {"newsgraph_id": r.get("id"), "title": r.get("title")}
    speakers = {q.get("speaker") for q in r.get("quotes") or [] if q.get("speaker") in by_id}
    if speakers:
        extras["speakers"] = ",".join(sorted(by_id[s]["name"] for s in speakers))
    xml = "".join(f"<PAGE_{k.upper()}>{_clean(v).replace('<', '&lt;').replace('>', '&gt;')}</PAGE_{k.upper()}>"
                  for k, v in extras.items() if v)
    return [
        f"{_gkg_date(r.get('published')) or '0'}-{seq}",
        _gkg_date(r.get("published")),
        "1" if r.get("url") else "6",
        _clean(source.get("domain") or source.get("name") or ""),
        _clean(r.get("url") or r.get("input") or ""),
        ";".join(v1_counts),
        ";".join(v21_counts),
        "",
        "",
        ";".join(v1_locs),
        ";".join(v2_locs),
        ";".join(_name(e.get("name")) for e in persons),
        ";".join(f"{_name(e.get('name'))},{m['start']}" for e in persons for m in e.get("mentions") or []),
        ";".join(_name(e.get("name")) for e in orgs),
        ";".join(f"{_name(e.get('name'))},{m['start']}" for e in orgs for m in e.get("mentions") or []),
        "",
        ";".join(dates),
        "",
        "",
        "",
        "",
        "",
        "#".join(quotes),
        ";".join(allnames),
        ";".join(amounts),
        "",
        xml,
    ]


def write_gkg(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for n, r in enumerate(records, 1):
        out.write("\t".join(gkg_row(r, n)) + "\n")
    return n


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for r in records:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_parquet(records: Iterator[dict[str, Any]], path: str, batch: int = 2000) -> int:
    """Parquet, one row per article: scalar columns flat, lists of records as JSON-typed nested columns.

    Why nested-as-JSON strings for annotations: their shape grows over time (fields are added), and a fixed
    Arrow schema would reject older or newer records; readers (DuckDB, pandas) parse them with json functions.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([
        ("id", pa.string()), ("input", pa.string()), ("url", pa.string()), ("source_name", pa.string()),
        ("source_domain", pa.string()), ("title", pa.string()), ("section", pa.string()),
        ("standfirst", pa.string()), ("authors", pa.list_(pa.string())), ("agency", pa.string()),
        ("published", pa.string()), ("modified", pa.string()), ("language", pa.string()), ("body", pa.string()),
        ("people", pa.list_(pa.string())), ("countries", pa.list_(pa.string())), ("cities", pa.list_(pa.string())),
        ("organisations", pa.list_(pa.string())),
        ("entities", pa.string()), ("quotes", pa.string()), ("events", pa.string()), ("facts", pa.string()),
        ("dates", pa.string()), ("images", pa.string()),
    ])
    n = 0
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        rows: list[dict[str, Any]] = []
        for r in records:
            src = r.get("source") or {}
            topics = r.get("topics") or {}
            rows.append({
                **{k: r.get(k) for k in ("id", "input", "url", "title", "section", "standfirst", "agency",
                                           "published", "modified", "language", "body")},
                "authors": r.get("authors") or [],
                "source_name": src.get("name"), "source_domain": src.get("domain"),
                **{k: topics.get(k) or [] for k in ("people", "countries", "cities", "organisations")},
                **{k: json.dumps(r.get(k) or [], ensure_ascii=False)
                   for k in ("entities", "quotes", "events", "facts", "dates", "images")},
            })
            n += 1
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                rows = []
        if rows or n == 0:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
    return n
