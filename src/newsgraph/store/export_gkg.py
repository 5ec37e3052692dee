"""Article records as GDELT Global Knowledge Graph 2.1 rows, to the codebook (GDELT-Global_Knowledge_Graph_Codebook-V2.1).

27 tab-separated columns per article, no header row, UTF-8, the codebook's delimiters inside each field. Fields
our records cannot fill (themes, tone, GCAM emotions, social embeds, translation) are left empty as the codebook
allows; every other difference from GDELT's own files is listed in the README ("GKG 2.1: deviations"). Character
offsets index our clean body text (GDELT's index the text it extracted from the page).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import IO, Any
from xml.sax.saxutils import escape

from newsgraph.cleantext import safe_text
from newsgraph.store.gkg_geo import GkgPlace, gkg_place

GKG_COLUMNS = [
    "GKGRECORDID", "V2.1DATE", "V2SOURCECOLLECTIONIDENTIFIER", "V2SOURCECOMMONNAME", "V2DOCUMENTIDENTIFIER",
    "V1COUNTS", "V2.1COUNTS", "V1THEMES", "V2ENHANCEDTHEMES", "V1LOCATIONS", "V2ENHANCEDLOCATIONS", "V1PERSONS",
    "V2ENHANCEDPERSONS", "V1ORGANIZATIONS", "V2ENHANCEDORGANIZATIONS", "V1.5TONE", "V2.1ENHANCEDDATES", "V2GCAM",
    "V2.1SHARINGIMAGE", "V2.1RELATEDIMAGES", "V2.1SOCIALIMAGEEMBEDS", "V2.1SOCIALVIDEOEMBEDS", "V2.1QUOTATIONS",
    "V2.1ALLNAMES", "V2.1AMOUNTS", "V2.1TRANSLATIONINFO", "V2EXTRASXML",
]
#: V2SOURCECOLLECTIONIDENTIFIER values (codebook): WEB for pages with a URL; CITATIONONLY for documents we know
#: only by a citation (a scraped-text file without its URL); 6 NONTEXTUALSOURCE (broadcast captions) never applies.
WEB, CITATIONONLY = 1, 2
#: Quote kinds that are quotations in the codebook's sense (quoted words); reported speech is not.
QUOTATION_KINDS = ("direct", "partial")
#: A count's location is the nearest place mentioned within this many characters of it, in the same paragraph.
COUNT_PLACE_WINDOW = 300


def _clean(s: Any, delims: str = "") -> str:
    """A value safe inside a GKG field: whitespace (tabs, newlines) collapsed, the field's delimiters removed."""
    text = " ".join(safe_text(str("" if s is None else s)).split())
    for ch in delims:
        text = text.replace(ch, " ")
    return " ".join(text.split())


def _num(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _coord(v: float | None) -> str:
    return "" if v is None else f"{v:.4f}".rstrip("0").rstrip(".")


def gkg_datetime(value: str | None) -> str:
    """YYYYMMDDHHMMSS in UTC from an ISO 8601 date or datetime (a date alone is midnight); "" when unreadable."""
    if not value:
        return ""
    try:
        d = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return ""
    if d.tzinfo is not None:
        d = d.astimezone(dt.UTC)
    return d.strftime("%Y%m%d%H%M%S")


def batch_id(now: dt.datetime | None = None) -> str:
    """The GKGRECORDID prefix: the start of the 15-minute batch this export runs in (UTC), as GDELT numbers them."""
    now = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    return now.replace(minute=now.minute - now.minute % 15, second=0, microsecond=0).strftime("%Y%m%d%H%M%S")


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, str], frozenset[str]]:
    from importlib import resources

    from newsgraph.annotate.lexicon import words

    text = resources.files("newsgraph.store").joinpath("data/gkg.tsv").read_text(encoding="utf-8")
    section, types, objects = "", {}, set()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("["):
            section = line.strip()[1:-1]
        elif section == "count_type":
            kind, ctype = line.split("\t")
            types[kind.strip().lower()] = ctype.strip()
        elif section == "object":
            objects.add(line.strip().lower())
    return types, frozenset(objects | words("facts.tsv", "unit"))


def object_type(fact: dict[str, Any], body: str = "") -> str:
    """What a fact counts ("people", "detainees"): the record's own noun field when it has one, else the first
    counted noun (facts.tsv [unit] or gkg.tsv [object]) among the fact's words and the two words after it in the
    body ("killed at least 12 people"); "" when none is there."""
    for key in ("object", "noun", "unit"):
        if fact.get(key):
            return _clean(fact[key], "#;,")
    _, nouns = _lexicon()
    end = fact.get("end")
    after = body[end:end + 40] if body and isinstance(end, int) else ""
    after = re.split(r"[.;:!?,()\"\u201c\u201d]", after, maxsplit=1)[0]
    tokens = re.findall(r"[a-z]+", f"{fact.get('text') or ''} {' '.join(after.split()[:2])}".lower())
    for i, w in enumerate(tokens):
        pair = " ".join(tokens[i:i + 2])
        if pair in nouns:
            return pair
        if w in nouns:
            return w
    return ""


def _places(r: dict[str, Any]) -> list[tuple[dict[str, Any], GkgPlace]]:
    out = []
    for e in r.get("entities") or []:
        if e.get("geo"):
            p = gkg_place(e.get("name") or "", e["geo"])
            if p is not None:
                out.append((e, p))
    return out


def _loc_v1(p: GkgPlace) -> list[str]:
    return [str(p.type), _clean(p.full_name, "#;"), p.country, p.adm1, _coord(p.lat), _coord(p.lon), p.feature_id]


def _count_place(start: int, body: str, places: list[tuple[dict[str, Any], GkgPlace]]) -> GkgPlace | None:
    """The place mentioned nearest to a count in its paragraph (within COUNT_PLACE_WINDOW characters), or None."""
    lo = body.rfind("\n\n", 0, start) + 1
    hi = body.find("\n\n", start)
    hi = len(body) if hi < 0 else hi
    best: tuple[int, GkgPlace] | None = None
    for e, p in places:
        for m in e.get("mentions") or []:
            if lo <= m["start"] < hi:
                d = abs(m["start"] - start)
                if d <= COUNT_PLACE_WINDOW and (best is None or d < best[0]):
                    best = (d, p)
    return best[1] if best else None


def _counts(r: dict[str, Any], places: list) -> tuple[list[str], list[str]]:
    types, _ = _lexicon()
    body = r.get("body") or ""
    v1, v21 = [], []
    for f in r.get("facts") or []:
        ctype = types.get((f.get("kind") or "").lower())
        if not ctype or f.get("value") is None:
            continue
        start = int(f.get("start") or 0)
        p = _count_place(start, body, places)
        loc = _loc_v1(p) if p else ["0", "", "", "", "", "", ""]
        block = [ctype, _num(f["value"]), object_type(f, body), *loc]
        v1.append("#".join(block))
        v21.append("#".join([*block, str(start)]))
    return v1, v21


def _dates(r: dict[str, Any]) -> list[str]:
    """Resolution#Month#Day#Year#Offset: 4 a full date, 2 month and year, 1 a year (3, a day without a year, never
    arises: every date we resolve has its year)."""
    out = []
    for d in r.get("dates") or []:
        m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", d.get("value") or "")
        if not m:
            continue
        year, month, day = m.group(1), m.group(2), m.group(3)
        res = 4 if day else 2 if month else 1
        out.append(f"{res}#{int(month or 0)}#{int(day or 0)}#{int(year)}#{int(d.get('start') or 0)}")
    return out


def _extras(r: dict[str, Any]) -> str:
    """V2EXTRASXML: the codebook's PAGE_TITLE, PAGE_AUTHORS, PAGE_PRECISEPUBTIMESTAMP, plus newsgraph's own id."""
    tags = [
        ("PAGE_TITLE", _clean(r.get("title"))),
        ("PAGE_AUTHORS", ";".join(_clean(a, ";") for a in r.get("authors") or [])),
        ("PAGE_PRECISEPUBTIMESTAMP", gkg_datetime(r.get("published"))),
        ("NEWSGRAPH_ID", _clean(r.get("id"))),
    ]
    return "".join(f"<{k}>{escape(v)}</{k}>" for k, v in tags if v)


def gkg_row(r: dict[str, Any], seq: int, batch: str | None = None) -> list[str]:
    """One article record -> the 27 GKG 2.1 fields (strings, no tabs or newlines inside)."""
    ents = r.get("entities") or []
    persons = [e for e in ents if e.get("type") == "person"]
    orgs = [e for e in ents if e.get("type") == "organisation"]
    places = _places(r)
    url = r.get("url") or ""
    web = url.lower().startswith(("http://", "https://"))
    source = r.get("source") or {}

    v1_locs, v2_locs = [], []
    for e, p in places:
        block = _loc_v1(p)
        if "#".join(block) not in v1_locs:
            v1_locs.append("#".join(block))
        for m in e.get("mentions") or []:
            v2_locs.append("#".join([*block[:4], "", *block[4:], str(m["start"])]))
    v1_counts, v21_counts = _counts(r, places)

    def names(group: list[dict[str, Any]]) -> tuple[str, str]:
        v1 = list(dict.fromkeys(_clean(e.get("name"), ";,") for e in group))
        v2 = [f"{_clean(e.get('name'), ';,')},{m['start']}" for e in group for m in e.get("mentions") or []]
        return ";".join(v1), ";".join(v2)

    quotes = [
        "|".join((str(q.get("start") or 0), str(max(0, (q.get("end") or 0) - (q.get("start") or 0))),
                  _clean(q.get("cue"), "|#"), _clean(q.get("text"), "|#")))
        for q in r.get("quotes") or [] if q.get("kind") in QUOTATION_KINDS
    ]
    mentions = sorted((m["start"], _clean(e.get("name"), ";,")) for e in ents for m in e.get("mentions") or [])
    amounts = [f"{_num(f.get('value'))},{object_type(f, r.get('body') or '') or _clean(f.get('kind'), ';,')},"
               f"{int(f.get('start') or 0)}"
               for f in r.get("facts") or [] if f.get("value") is not None]
    images = [i.get("url") for i in r.get("images") or []
              if (i.get("url") or "").lower().startswith(("http://", "https://"))]
    words = len((r.get("body") or "").split())
    if web:
        common, doc_id = _clean(source.get("domain") or source.get("name")), _clean(url)
    else:  # a citation: who published what, when, and the input it came from
        common = _clean(source.get("name") or source.get("domain"))
        parts = [source.get("name") or source.get("domain"), r.get("title"), (r.get("published") or "")[:10],
                 r.get("input")]
        doc_id = _clean(", ".join(p for p in parts if p))
    persons_v1, persons_v2 = names(persons)
    orgs_v1, orgs_v2 = names(orgs)
    return [
        f"{batch or batch_id()}-{seq}",
        gkg_datetime(r.get("published")),
        str(WEB if web else CITATIONONLY),
        common,
        doc_id,
        ";".join(v1_counts),
        ";".join(v21_counts),
        "",
        "",
        ";".join(v1_locs),
        ";".join(v2_locs),
        persons_v1,
        persons_v2,
        orgs_v1,
        orgs_v2,
        "",
        ";".join(_dates(r)),
        f"wc:{words}",
        _clean(images[0]) if images else "",
        ";".join(_clean(u, ";") for u in images[1:]),
        "",
        "",
        "#".join(quotes),
        ";".join(f"{name},{start}" for start, name in mentions),
        ";".join(amounts),
        "",
        _extras(r),
    ]


def write_gkg(records: Iterable[dict[str, Any]], out: IO[str], batch: str | None = None) -> int:
    """Write one GKG row per record; every row of one export shares the batch prefix of its GKGRECORDID."""
    batch = batch or batch_id()
    n = 0
    for n, r in enumerate(records, 1):
        out.write("\t".join(gkg_row(r, n, batch)) + "\n")
    return n
