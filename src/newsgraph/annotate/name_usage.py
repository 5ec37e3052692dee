"""How the text uses a name, as a place or as a thing: evidence from the words around it, not from the name itself.

A gazetteer holds a small town for almost any word ("Pearl", "Gemini", "Earth", "Middle East" are all towns
somewhere), and the small NER model labels many one-word names GPE. What tells a reader that a name is a settlement
is how the sentence uses it:
- a preposition of place right before it ("in X", "near X", "from X", "the town of X"; French "à X", "près
  d'X": the names lexicon's `locative` rows, data/place_cues.tsv and names.fr.tsv);
- an apposition naming the region or country it lies in ("X, Michigan", "X, N.H.", "X, Brazil");
- a place compound ("X-based") or a dateline ("X, Nov 22 —" or "X —" opening a line);
- a noun of local life after it ("X residents", "X's mayor": data/place_cues.tsv, kind local);
- a feature or settlement noun beside it (place_cues.place_cue: "the X neighbourhood").
Two uses say that the name is a place but not a settlement:
- an admin head noun after it ("the X region", "X province"): a region, resolved among admin readings;
- a definite article as the head of its noun phrase ("the Middle East", "the Atlantic", "the Earth's orbit"):
  settlements take none, and the few that do carry it in their GeoNames name ("The Hague", "The Bronx").
`placed` applies this in the geocoder: a small town (or county) reading is put on the map only when the text uses
the name as a settlement somewhere or names other places near it; otherwise the entity is a place without a point,
never a city topic ("Pearl" and "Gloria" as children's names, "Gemini" the exchange, "Earth").
The gates that read these uses per name across the article (a name only the model types, used as a thing, a body
or a work) are in name_gates.py.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsgraph.annotate.gazetteer import norm
from newsgraph.annotate.names import NamesLexicon, shipped_names
from newsgraph.annotate.resolve import doc_text

#: ", Region" after the name: a capitalised run checked against the gazetteer (a country or a state/province)
_REGION_AFTER = re.compile(r"^,\s+([A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2})")
#: a hyphenated participle after a place's name: "X-based", "X-headquartered", "X-born", "an X-area seat"
_BASED_AFTER = re.compile(r"^-(?:[a-z]+ed|born|bred|bound|area)\b")
#: what follows a dateline's place: ", Nov 22", " —", ":", " (Reuters)"
_DATELINE_AFTER = re.compile(r"^[ \t]*(?:,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}\b|[\u2014\u2013-]|:|\()")
#: admin head nouns after a name, lower case ("the Kaduna state government" counts, "Ohio State" does not)
ADMIN_HEADS = frozenset({"region", "regions", "province", "provinces", "oblast", "governorate", "prefecture", "county",
                         "counties", "parish", "parishes", "state", "states", "district", "districts", "department",
                         "territory", "canton", "municipality"})
_NEXT_WORD = re.compile(r"^\s+([a-z]+)\b")
_LOCAL_AFTER = re.compile(r"^(?:['\u2019]s)?(?:\s+|-)([a-z]+)\b")  # "X residents", "X's mayor", "an X-area seat"
_POSSESSIVE_AFTER = re.compile(r"^['\u2019]s?\b")
#: a release number right after a name ("X 5.2 was released", "X v3.10"): software or a product's version, not an
#: amount ("X 2.5%", "X 1.2 million", "X 3.4 points")
VERSION_AFTER = re.compile(r"^\s+v?\d+\.\d+(?:\.\d+)*(?![\d.,%])(?!\s*(?:%|per\b|percent|points?\b|pts\b|"
                                           r"million|billion|trillion|bn\b|m\b|k\b|[xX]\b|times|km\b|mi\b|miles|kg\b|"
                                           r"lbs?\b|hours?\b|h\b|°))")
#: readings a definite article leaves: regions and countries, never a settlement
DEFINITE_KINDS = frozenset({"country", "admin1", "continent"})
ADMIN_KINDS = frozenset({"admin1", "admin2"})


def settlement_use(text: str, start: int, end: int, gaz, names: NamesLexicon) -> str | None:
    """How the text uses the name at text[start:end] as a settlement, or None: "locative" (a preposition of place
    of the names lexicon right before it, no article between: "in X", "à X", "près d'X"; "in the X" is a region or
    a feature, see `definite_head`), "region-after", "based", "dateline" or "local" (a noun of local life of the
    lexicon right after it: "X residents"). "from X" after a plural noun of things or bodies (the lexicon's class
    nouns: "platforms from X", "products from X") names a maker or an owner, not a place."""
    before = text[max(0, start - 40) : start].replace("\u2019", "'")
    after = text[end : end + 60]
    locative = names.locative_re
    lm = locative.search(before) if locative is not None else None
    if lm and not _POSSESSIVE_AFTER.match(after) and not _made_by(before, lm, names):
        return "locative"  # ("in Smith's view" is no place)
    rm = _REGION_AFTER.match(after)
    if rm:
        words = rm.group(1).split()
        for n in range(len(words), 0, -1):
            places = gaz.lookup(" ".join(words[:n]).rstrip(",."))
            if places and places[0].kind in ("country", "admin1"):
                return "region-after"
    if _BASED_AFTER.match(after):
        return "based"
    lm = _LOCAL_AFTER.match(after)
    if lm and lm.group(1) in names.place_local:
        return "local"
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip() and _DATELINE_AFTER.match(after):
        return "dateline"
    return None


#: after a container: its apposition closes (a stop, a comma not followed by another name, a bracket, the line's
#: end); not a list going on ("Lagos, Ghana and Kenya") nor a clause it opens ("In Brussels, France announced")
_CONTAINER_CLOSED = re.compile(r"^(?:[.;:)]|\s*\n|\s*$|,(?!\s*(?:and\s+|or\s+)?[A-Z]))")


def containers(text: str, ends: list[int], gaz) -> set[tuple[str, str]]:
    """The regions the text says a place lies in: ", Y" after a mention (ending at one of `ends`) where Y is a
    country or a state or province whose apposition closes after it ("St. Thomas, USVI,", "Portland, Maine."; not
    "Lagos, Ghana and Kenya", "In Brussels, France announced"): (country code, admin1 code or "" for a country)."""
    out = set()
    for end in ends:
        rm = _REGION_AFTER.match(text[end : end + 60])
        if not rm:
            continue
        words = rm.group(1).split()
        for n in range(len(words), 0, -1):
            name = " ".join(words[:n]).rstrip(",.")
            places = gaz.lookup(name)
            if places and places[0].kind in ("country", "admin1"):
                rest = text[end + rm.start(1) + len(name) : end + rm.start(1) + len(name) + 40]
                if _CONTAINER_CLOSED.match(rest):
                    top = places[0]
                    out.add((top.country_code, top.admin1 if top.kind == "admin1" else ""))
                break
    return out


def inside(place, regions: set[tuple[str, str]]) -> bool:
    """`place` lies in one of `regions` (as `containers` gives them)."""
    return any(place.country_code == cc and (not a1 or place.admin1 == a1) for cc, a1 in regions)


def _made_by(before: str, lm: re.Match, names: NamesLexicon) -> bool:
    """The locative `lm` found in `before` is "from" right after a plural class noun of things or bodies."""
    if lm.group().strip().lower() != "from":
        return False
    wm = re.search(r"([A-Za-z-]+)\s*$", before[: lm.start() + len(lm.group()) - len(lm.group().lstrip())])
    return bool(wm) and wm.group(1).lower() in (names.thing_classes | names.org_classes)


def admin_head(text: str, end: int) -> bool:
    """An admin head noun right after the name: "the Dnipropetrovsk region", "Kaduna state"."""
    nm = _NEXT_WORD.match(text[end : end + 20])
    return bool(nm and nm.group(1) in ADMIN_HEADS)


def definite_head(doc: Doc, start: int, end: int, articles: tuple[str, ...] = ("the",)) -> bool:
    """The name heads a noun phrase with a definite article: "the Middle East", "both sides of the Atlantic",
    "the Earth's journey", "de l'Union"; not a modifier of another noun ("the Paris agreement", "the Kyiv region").
    `articles`: the language's definite articles (the names lexicon's [places] `article` rows: "the"; French
    "le", "la", "les", "l'"). A town's name takes none unless the article is part of it ("Le Havre", written
    capitalised inside the name), so a name after one is a region, a country or no place ("l'Union")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0 or span.start == 0:
        return False
    prev = doc[span.start - 1]
    if prev.lower_.replace("\u2019", "'") not in articles:
        return False
    root = span.root  # the parse, where it ran; the tags otherwise
    if root.dep_ in ("compound", "amod", "nmod") and root.head.i >= span.end:
        return False
    return not modifies_next(doc, span)


def modifies_next(doc: Doc, span) -> bool:
    """The name modifies what follows it: a hyphenated compound ("the Santiago-based institute") or a lower-case
    noun the parse (or its absence) did not attach ("the Lima regime")."""
    if doc_text(doc)[span.end_char : span.end_char + 1] in ("-", "\u2010", "\u2011"):  # built once per Doc
        return True
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.text[:1].islower()


def modifier_only(doc: Doc, mentions: list, summary: dict, names: NamesLexicon | None = None) -> bool:
    """Every mention of a place modifies a common noun after it in a list of common nouns ("Broccoli / Brussels
    sprouts / Cabbage", "kale salad or Brussels sprouts": `_listed`) and none is used as a place: no settlement use,
    admin head, feature or area word, noun of local life (`summary`'s evidence), and the noun phrase it modifies is
    not itself placed by a preposition of place. A name inside the name of a thing, not a place the text is about.
    (A modifier outside such a list often still locates: "the Berlin music critic", "a New York City bar".)"""
    ev = summary.get("ev") or {}
    if not mentions or any(ev.get(k) for k in ("place_use", "admin_head", "feature", "area_use")):
        return False
    locative = (names or shipped_names()).locative_re
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0 or not modifies_next(doc, span) or not _listed(doc, span):
            return False
        i = span.start
        while i > 0 and (doc[i - 1].pos_ in ("DET", "ADJ", "NUM") or doc[i - 1].tag_ == "PRP$"):
            i -= 1  # back to where the noun phrase opens ("at [a Miami airport]")
        before = doc_text(doc)[max(0, doc[i].idx - 40) : doc[i].idx].replace("\u2019", "'")
        if (locative is not None and locative.search(before)) or _placed_phrase(span, names or shipped_names()):
            return False
    return True


#: words at most on a line that is one item of a list
LIST_ITEM_WORDS = 4
_COORDINATORS = frozenset({",", "and", "or", "&", ";"})


def _listed(doc: Doc, span) -> bool:
    """The noun phrase the name opens is one item of a list of common nouns: alone on its line (at most
    `LIST_ITEM_WORDS` words) or coordinated with a lower-case noun before or after it ("kale salad or Brussels sprouts",
    "Brussels sprouts and kale"). Read from the tags."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    if len(text[line_start : line_end if line_end >= 0 else len(text)].split()) <= LIST_ITEM_WORDS:
        return True
    j = span.end
    while j < len(doc) and doc[j].pos_ == "NOUN" and doc[j].text.islower():
        j += 1  # past the noun phrase's head ("sprouts")
    after = doc[j : j + 3]
    if len(after) >= 2 and after[0].lower_ in _COORDINATORS:
        nxt = after[1] if after[1].lower_ not in _COORDINATORS else (after[2] if len(after) > 2 else after[1])
        if nxt.pos_ in ("NOUN", "ADJ") and nxt.text.islower():
            return True
    i = span.start
    while i > 0 and doc[i - 1].pos_ in ("DET", "ADJ"):
        i -= 1
    before = doc[max(0, i - 2) : i]
    return len(before) == 2 and before[1].lower_ in _COORDINATORS and before[0].pos_ == "NOUN" and before[0].text.islower()


def _placed_phrase(span, names: NamesLexicon, depth: int = 3) -> bool:
    """The noun a name modifies sits, through at most `depth` "of" or other prepositional links, under a preposition
    of place: "in the massage room of Epstein's Manhattan mansion". Read from the parse, where it ran."""
    locatives = names.locative_words
    tok = span.root.head
    for _ in range(depth):
        if tok.dep_ != "pobj":
            return False
        prep = tok.head
        if prep.lower_ in locatives:
            return True
        if prep.dep_ != "prep":
            return False
        tok = prep.head
    return False


def note_usage(doc: Doc, text: str, m, gaz, names: NamesLexicon) -> None:
    """Record in the mention's evidence how the text uses it as a place (keys "place_use", "admin_head",
    "definite", "area_use"), with the names lexicon's locatives, area words and nouns of local life."""
    if settlement_use(text, m.start, m.end, gaz, names):
        m.ev["place_use"] += 1
    elif names.area_re is not None and names.area_re.search(text[max(0, m.start - 40) : m.start].replace("\u2019", "'")):
        m.ev["area_use"] += 1  # "dans la Broye": a region or a feature, not a settlement
    if admin_head(text, m.end):
        m.ev["admin_head"] += 1
    if definite_head(doc, m.start, m.end, names.place_articles or ("the",)):
        m.ev["definite"] += 1


def placed(summary: dict, place, min_population: int, near: bool = False, name: str = "",
           shortened: bool = False) -> bool:
    """Whether the geocoder's reading may stand: a country, a region or a town of `min_population` or more always;
    a smaller town or county only when the article names other places near it (`near`: local news names its towns
    beside their county and neighbours; only when `name`, as written, is the town's own name), the text uses the
    name as a place (a settlement use, an admin head or a feature noun), the gazetteer found it by its position (a dateline), or it opens an organisation's name
    (entity_propagation.nested_places). A reading found only under a shorter name (`shortened`: geo_names.local_fallback,
    "Manchester City" -> Manchester) needs a use as a place at any population: a club takes its town's name.
    Entities without a summary (added after newsgraph_entities) stand."""
    if shortened and summary:
        ev = summary.get("ev") or {}
        return bool(ev.get("place_use") or ev.get("admin_head") or ev.get("feature"))
    if not summary or place.kind not in ("city", "admin2") or place.population >= min_population:
        return True
    if near and norm(place.name) == norm(name):
        return True  # an alternate name of the town ("Proton" for Proton City) needs a use of its own
    return _settlement_evidence(summary)


def _settlement_evidence(summary: dict) -> bool:
    ev, labels = summary.get("ev") or {}, summary.get("labels") or {}
    if ev.get("place_use") or ev.get("admin_head") or ev.get("feature"):
        return True
    return bool(labels.get("gaz-place") or labels.get("nested"))


def used_as_place(summary: dict, gaz=None, name: str = "") -> bool:
    """The text uses the entity's name as a place in one mention or more (a settlement use, an area word before
    it, an admin head, a feature noun), or the gazetteer found it by its position (a dateline), or it opens an
    organisation's name; or (with `gaz`) the name opens with a country or continent name that lower-case words
    qualify ("Europe du Sud", "Afrique subsaharienne": a region of it; not "France Télévisions")."""
    if _settlement_evidence(summary) or (summary.get("ev") or {}).get("area_use"):
        return True
    words = name.split()
    return gaz is not None and any(
        words[n][:1].islower() and any(p.kind in ("country", "continent") for p in gaz.lookup(" ".join(words[:n]))[:1])
        for n in range(1, len(words)))


def geo_kinds(summary: dict) -> frozenset[str] | None:
    """The readings the geocoder may choose for an entity, from its evidence summary (entity_features): admin
    readings when most mentions (those outside organisation names) are followed by an admin head noun, regions and
    countries when most take a definite article; None: any reading."""
    ev = summary.get("ev") or {}
    n = max(int(summary.get("n") or 0), 1)
    labels = summary.get("labels") or {}
    n = max(n - int(labels.get("nested") or 0), 1)  # a mention inside an organisation's name says nothing of its use
    if 2 * ev.get("admin_head", 0) > n:
        return ADMIN_KINDS
    if 2 * ev.get("definite", 0) > n:
        return DEFINITE_KINDS
    return None


def determined(doc: Doc, start: int, end: int, adjectives: frozenset[str] = frozenset(),
               determiners: frozenset[str] | None = None) -> bool:
    """The name heads a noun phrase with a determiner ("the Louvre", "a new X", "some X"), as common nouns and the
    names of things do; a name modifying a following noun ("the Trump administration") does not count. Read from
    the tags (the dependency parse may not have run yet): a determiner, at most one of `adjectives` (novelty or
    price: the names lexicon's thing adjectives, data/thing_cues.tsv), then the name. `determiners` are the names
    lexicon's, per language ("the", "some"; "le", "l'"); None reads the shipped lexicon's."""
    if determiners is None:
        determiners = shipped_names().thing_determiners
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    if modifies_next(doc, span):
        return False
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.tag_ == "POS":  # "the X's": the determiner may belong to what X owns
        return False
    i = span.start - 1
    if i >= 1 and doc[i].lower_ in adjectives:  # "the new X" (not "the rapper X": the tagger calls some
        i -= 1  # role nouns adjectives, so only listed adjectives are passed over)
    return i >= 0 and doc[i].lower_.replace("\u2019", "'") in determiners


#: one member of a list of names: a capitalised run (inner "of", "for", "the", "de", "&" allowed), then its separator
_MEMBER = r"[A-Z][\w.&'\u2019-]*(?:\s+(?:of|for|the|de|&|[A-Z][\w.&'\u2019-]*))*"
_SEP = r"(?:\s*[,;]\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
#: "universities, including X, Y and": the class noun, an introducer, the members before this one
_HEAD_BEFORE = re.compile(
    r"\b([A-Za-z][a-z-]+)\s*,?\s+(?:including|such\s+as|like|especially|notably|namely|among\s+them)\s+"
    r"(?:" + _MEMBER + _SEP + r")*$"
)
#: "X, Y and other universities": the members after this one, "and/or other", the class noun
_HEAD_AFTER = re.compile(r"^(?:" + _SEP + _MEMBER + r")*\s*,?\s+(?:and|or)\s+(?:many\s+|several\s+|some\s+)?other\s+"
                         r"([a-z][a-z-]+)\b")


def list_head(text: str, start: int, end: int, window: int = 160) -> str | None:
    """The plural class noun of a list the name at text[start:end] is a member of, lower case, or None:
    "universities, including Cambridge, Imperial College and Exeter" -> "universities" for each member; "X, Y and
    other charities" -> "charities". A list's class noun types its members (the Hearst patterns of lexical
    semantics), whatever the gazetteer holds for one of them."""
    if _POSSESSIVE_AFTER.match(text[end : end + 3]):
        return None  # "films like Woody Allen's Match Point": the possessor of a member, not a member
    m = _HEAD_BEFORE.search(text[max(0, start - window) : start])
    if m:
        return m.group(1).lower()
    m = _HEAD_AFTER.match(text[end : end + window])
    return m.group(1) if m else None
