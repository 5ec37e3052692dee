"""`newsgraph_entities`: the article's entities, each under one canonical name and one evidence-based type.

What the small NER model gives is a list of spans with guessed labels. This component turns them into entities
an analyst can trust, for every article:
1. Mentions: the model's spans, plus organisation names from the data lexicon (EntityRuler-like), plus country
   names and datelines the model missed (gazetteer); spans are cleaned (no "the", possessive, trailing score) and
   split at list separators.
2. Evidence per mention: titles before the name and appositions after it ("Anna Berg, Swedish foreign
   minister,") mark persons and are kept as roles; given names and speech verbs mark persons; suffixes, known
   names and head nouns mark organisations; the gazetteer marks places; a place name followed by a score is a
   sports team (an organisation) unless it is a country; religious and ethnic groups are groups; demonyms
   ("Syrian") are not entities but count toward their country.
3. Linking: a short form joins the one full name it can stand for ("Hamdan" -> "Khalid al-Hamdan"); two full names
   with the same surname leave the surname unmerged. Acronyms join the expansion the article gives
   ("NCA [National Citizens Alliance]", "X (ABC)") or a common alias (data/aliases.tsv: "UN").
4. Document consistency: an entity's type comes from all its mentions' evidence; its names found elsewhere in the
   article untagged become mentions too.
5. Salience from frequency, position, headline and lead presence; `doc._.ng_entities` is sorted by it.
Entity ids are stable across articles: a hash of the type family and the canonical name (places: the GeoNames id,
set by newsgraph_geo).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.annotate.extensions import register_extensions
from newsgraph.annotate.gazetteer import aliases as common_aliases
from newsgraph.annotate.gazetteer import get_gazetteer, norm
from newsgraph.annotate.names import (
    given_names,
    groups,
    initials,
    looks_like_acronym,
    not_names,
    org_evidence,
    org_lexicon,
    place_cues,
    strip_name,
    surname_keys,
    title_heads,
    title_words,
    titles,
)
from newsgraph.records import Entity, Mention, stable_id

_LABELS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "norp"}
_PLACE = ("place", "country", "city")
_NOT_NAME_POS = {"ADV", "ADP", "PRON", "CCONJ", "SCONJ", "PART", "INTJ", "AUX", "VERB"}
_SPEECH = {"said", "says", "told", "added", "say", "tells", "explained", "noted", "stated", "insisted", "warned"}
_SPLIT = re.compile(r"\s*\n\s*|\s+-\s+|\s+,\s+|;\s+|\s+\d{1,3}\s+|\s+(?:at|AT|vs?\.?|VS?\.?)\s+|\s+\(\s*")
#: a table row: a name at the start of a line followed by two or more numbers (standings, results)
_ROW = re.compile(r"^([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})(?=(?:\s+[-\d.]+){2,}\s*$)", re.M)
_TEAM_BEFORE = re.compile(r"(?:\b(?:beat|beating|defeated|against|v|vs|versus|host|hosts|hosted|visiting)\.?)\s+$")
_TEAM_AFTER = re.compile(r"^\s+(?:beat|defeated|drew|lost|won|v|vs|versus|captain|coach|manager|scored|conceded)\b")
_AGE_AFTER = re.compile(r"^\s*,\s*\d{1,3}\s*,")
_SCORE_AFTER = re.compile(r"^\s+\d{1,3}(?:[-:]\d{1,3})?(?![\d:-])")
_ACRONYM_AFTER = re.compile(r"^\s*[(\[]\s*([A-Z][A-Za-z.&-]{1,9})\s*[)\]]")
_EXPANSION_AFTER = re.compile(r"^\s*[(\[]\s*([A-Z][\w'.-]*(?:\s+(?:of|for|and|the|de|[A-Z][\w'.-]*))+)\s*[)\]]")
_DATELINE = re.compile(r"^([A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,2})(?=\s+\d{4}-\d{2}-\d{2}|\s*,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|\s+-|\s*\(|\s*$)", re.M)
_CAP_RUN = re.compile(r"\b[A-Z][\w'\u2019.-]*(?:\s+(?:of\s+|the\s+|and\s+)?[A-Z][\w'\u2019.-]*){0,3}")


def entity_id(type_: str, name: str) -> str:
    """Stable across articles: the same canonical (type family, name) gives the same id."""
    family = "place" if type_ in _PLACE else type_
    return stable_id(family, name.lower())[:16]


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    label: str  # person | organisation | place | norp | lexicon-org | gaz-place
    ev: Counter = field(default_factory=Counter)
    roles: list[str] = field(default_factory=list)
    canonical: str | None = None
    fixed_type: str | None = None


@Language.factory("newsgraph_entities")
def make_entities(nlp: Language, name: str) -> EntityLinker:
    return EntityLinker()


class EntityLinker:
    """Build `doc._.ng_entities` (and `doc._.ng_demonyms`, ISO codes of demonyms seen) from `doc.ents`."""

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        if not Doc.has_extension("ng_demonyms"):
            Doc.set_extension("ng_demonyms", default=None)
        text = doc.text
        gaz = get_gazetteer()
        mentions = _collect(doc, text, gaz)
        demonym_hits: Counter[str] = Counter()
        kept = []
        for m in mentions:
            if m.label == "norp" or m.text in groups():
                if m.text in groups():
                    m.fixed_type = "group"
                    kept.append(m)
                    continue
                place = gaz.demonym(m.text)
                if place is not None and place.kind == "country":
                    demonym_hits[place.name] += 1
                    continue
                continue  # other NORP (political or religious adjectives): not an entity
            if m.label != "gaz-place" and " " not in m.text and gaz.demonym(m.text) is not None \
                    and not gaz.lookup(m.text):
                place = gaz.demonym(m.text)
                if place is not None and place.kind == "country":
                    demonym_hits[place.name] += 1
                continue
            kept.append(m)
        meta = doc._.ng_meta or {}
        headline = " ".join(x for x in (meta.get("title"), meta.get("standfirst")) if x)
        for m in kept:
            _evidence(doc, text, m, gaz)
            if headline and not m.ev["feature"] and _headline_place_cue(headline, m.text):
                m.ev["place"] += 3  # "... agree framework on Nile dam": the headline's feature noun counts too
                m.ev["feature"] += 1
        kept = [m for m in kept if not m.ev["drop"]]
        entities = _link(doc, kept)
        _propagate(text, entities, kept)
        _nested_places(text, entities, gaz)
        doc._.ng_demonyms = [gaz.lookup(n)[0].country_code for n, c in demonym_hits.items() for _ in range(c)
                             if gaz.lookup(n)]
        result = []
        for cluster in entities:
            ent = _to_entity(text, cluster)
            if ent is not None:
                result.append(ent)
        _score_salience(doc, result, text)
        result.sort(key=lambda e: -e.salience)
        doc._.ng_entities = result
        return doc


# ----------------------------------------------------------------------------------------------------------------
# 1. mentions


def _collect(doc: Doc, text: str, gaz) -> list[_Mention]:
    spans: list[_Mention] = []
    for ent in doc.ents:
        label = _LABELS.get(ent.label_)
        if not label:
            continue
        toks = list(ent)
        while toks and toks[0].pos_ in _NOT_NAME_POS:  # "Later Brenning" -> "Brenning"
            toks.pop(0)
        while toks and toks[-1].pos_ in _NOT_NAME_POS:
            toks.pop()
        if not toks:
            continue
        for s, e in _split(text, toks[0].idx, toks[-1].idx + len(toks[-1].text)):
            spans.append(_Mention(s, e, text[s:e], label))
    # organisation lexicon (longest first), overriding overlapping model spans
    lex = org_lexicon()
    for m in _org_names_re().finditer(text):
        s, e = m.start(), m.end()
        name = m.group()
        spans = [x for x in spans if not (x.start < e and s < x.end and (x.end - x.start) <= (e - s) + 1)]
        if any(x.start < e and s < x.end for x in spans):
            continue
        spans.append(_Mention(s, e, name, "lexicon-org"))
    # datelines and untagged country names
    taken = sorted((x.start, x.end) for x in spans)

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    for m in _ROW.finditer(text):
        s, e = m.span(1)
        name = m.group(1)
        if free(s, e) and len(name) > 2 and name.lower() not in not_names():
            spans.append(_Mention(s, e, name, "row"))
            taken.append((s, e))
    for m in _DATELINE.finditer(text):
        s, e = m.span(1)
        name = m.group(1).strip(" .")
        if free(s, e) and len(name) > 2 and gaz.lookup(name):
            spans.append(_Mention(s, s + len(name), name, "gaz-place"))
            taken.append((s, s + len(name)))
    for m in _CAP_RUN.finditer(text):
        s, e = m.span()
        name = m.group().rstrip(".'\u2019")
        e = s + len(name)
        if len(name) < 4 or not free(s, e):
            continue
        places = gaz.lookup(name)
        if places and places[0].kind == "country" and name.split()[0] not in given_names():
            spans.append(_Mention(s, e, name, "gaz-place"))
            taken.append((s, e))
    spans.sort(key=lambda x: x.start)
    out = []
    for m in spans:
        s, e = m.start, m.end
        a, b = strip_name(text[s:e])
        s, e = s + a, s + b
        if e - s < 2 or not any(c.isalpha() for c in text[s:e]):
            continue
        if not text[s].isupper() and not text[s].isdigit():
            # "joint UN-Arab League envoy" style lower-case leads are trimmed to the first capital
            k = next((i for i in range(s, e) if text[i].isupper()), None)
            if k is None:
                continue
            s = k
        for head in lex.heads:  # "Interfax news agency" -> "Interfax", an organisation (lower-case head only)
            if text[s:e].endswith(" " + head) and e - s > len(head) + 2:
                e -= len(head) + 1
                m.label = "lexicon-org"
                break
        m.start, m.end, m.text = s, e, text[s:e]
        if m.text.lower() in not_names() or (m.text.isupper() and m.text.lower() in not_names()):
            continue
        out.extend(_split_hyphen(m))
    return out


@lru_cache(maxsize=1)
def _org_names_re() -> re.Pattern:
    names = sorted(org_lexicon().names, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])")


def _split(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split a model span at newlines and list separators ("Oval , Surrey", "Lithuania - Danius Gleveckas")."""
    piece = text[s:e]
    out, pos = [], 0
    for m in _SPLIT.finditer(piece):
        if m.start() > pos:
            out.append((s + pos, s + m.start()))
        pos = m.end()
    if pos < len(piece):
        out.append((s + pos, e))
    return out


def _split_hyphen(m: _Mention) -> list[_Mention]:
    """ "UN-Arab League" -> "UN", "Arab League" when the left part is a known short form or an acronym."""
    if "-" not in m.text or m.label not in ("organisation", "lexicon-org", "place"):
        return [m]
    left, _, right = m.text.partition("-")
    if left and right and right[:1].isupper() and (left in common_aliases() or looks_like_acronym(left)):
        a = _Mention(m.start, m.start + len(left), left, "organisation")
        b = _Mention(m.start + len(left) + 1, m.end, right, m.label)
        return [a, b]
    return [m]


# ----------------------------------------------------------------------------------------------------------------
# 2. evidence


def _evidence(doc: Doc, text: str, m: _Mention, gaz) -> None:
    ev = m.ev
    if m.label == "person":
        ev["person"] += 1
    elif m.label == "organisation":
        ev["organisation"] += 1
    elif m.label == "place":
        ev["place"] += 1
    elif m.label == "lexicon-org":
        ev["organisation"] += 5
    elif m.label == "gaz-place":
        ev["place"] += 3
    words = m.text.split()
    lex = org_lexicon()
    if org_evidence(m.text):
        ev["organisation"] += 3
    if words and words[0] in given_names() and len(words) >= 2 and "&" not in words and "and" not in words:
        ev["person"] += 2
        ev["person_cue"] += 1
    # prefix title ("Greek Prime Minister Nikos Andreou", "Mr Smith")
    role = _prefix_role(text, m.start)
    if role:
        ev["person"] += 3
        ev["person_cue"] += 1
        m.roles.append(role)
    role = _apposition_role(text, m.end)
    if role:
        ev["person"] += 2
        ev["person_cue"] += 1
        m.roles.append(role)
    after = text[m.end : m.end + 40]
    if _AGE_AFTER.match(after):  # "Henry, 19, of Orchard Street"
        ev["person"] += 2
        ev["person_cue"] += 1
    nxt = after.split()[:1]
    pronoun = _PRONOUN_AFTER.match(after)
    if pronoun and pronoun.group(1).lower() in ("he", "she", "his", "her"):
        ev["person"] += 2
        ev["person_cue"] += 1
    elif pronoun and not gaz.lookup(m.text):  # "... said it would": a body, not a person (places say "it" too)
        ev["organisation"] += 2
    elif nxt and nxt[0].strip(",.") in _SPEECH:
        ev["person"] += 1
    low_after = after.lstrip().lower()
    for head in lex.heads:
        if low_after.startswith(head) and not low_after[len(head) : len(head) + 1].isalpha():
            ev["organisation"] += 3
            break
    before = text[max(0, m.start - 60) : m.start]
    prev = before.split()[-1:] if before.endswith(" ") else []
    if prev and prev[0] in lex.before:  # "the shipping company ...", "the rights group ..."
        ev["organisation"] += 3
    if len(words) >= 2 and words[-1].lower() in place_cues()[2] and not org_evidence(m.text):
        ev["place"] += 3  # "Grand Ruritanian Renaissance Dam", "Red River": a feature named by its own head noun
        ev["feature"] += 1
    elif _place_cue(text, m, before):
        ev["place"] += 3
        ev["feature"] += 1
    places = gaz.lookup(m.text)
    top = places[0] if places else None
    weak_place = top is None or top.kind not in ("country", "continent")
    if weak_place and (
        (lex.business_before is not None and lex.business_before.search(before))
        or (lex.business_after is not None and lex.business_after.match(text[m.end : m.end + 60]))
    ):  # "fined ...", "...'s shares", "..., which is based in": a company, not a small town of that name
        ev["organisation"] += 3
    if places:
        top = places[0]
        if top.kind == "country":
            ev["place"] += 3
            ev["country"] += 1
        elif top.kind in ("admin1", "continent"):
            ev["place"] += 2
        elif top.population >= 100_000:
            ev["place"] += 1.5
        else:
            ev["place"] += 0.5
        if (top.kind in ("city", "admin2") or (top.kind == "admin1" and m.label == "row")) and (
            m.label == "row"
            or _SCORE_AFTER.match(text[m.end : m.end + 12])
            or _TEAM_BEFORE.search(text[max(0, m.start - 12) : m.start])
            or _TEAM_AFTER.match(text[m.end : m.end + 14])
        ):
            ev["team"] += 1
    elif m.label == "row":
        ev["drop"] += 1  # an unknown name heading a table row: left to the model's own spans
    # acronym given beside the name: "National Citizens Alliance (NCA)" / "NCA [National Citizens Alliance]"
    am = _ACRONYM_AFTER.match(text[m.end : m.end + 14])
    if am and initials(m.text).upper() == am.group(1).replace(".", "").upper():
        m.canonical = m.text
        ev["alias:" + am.group(1)] += 1
    em = _EXPANSION_AFTER.match(text[m.end : m.end + 80])
    if em and looks_like_acronym(m.text) and initials(em.group(1)).upper() == m.text.replace(".", "").upper():
        ev["expands:" + em.group(1)] += 1


_PRONOUN_AFTER = re.compile(r"^\s+(?:said|says|added|announced|confirmed|denied|told \w+)\s+(?:that\s+)?(he|she|his|her|it|its)\b")
_COORD_AFTER = re.compile(r"^\s*(?:,|and|or|,\s*and)\s+(?:[A-Z][\w'\u2019-]*\s+){1,2}([a-z]+)\b")
_NEXT_WORD = re.compile(r"^\s+([a-z]+)\b")
_PREV_WORD = re.compile(r"\b([a-z]+)\s+(?:of\s+)?(?:the\s+)?$")


def _place_cue(text: str, m: _Mention, before: str) -> bool:
    """A feature or settlement noun beside the name: "the ... river", "the ... and ... rivers", "the Indian state of
    ...", "the border town of ...", "the ... neighbourhood" (lower-case nouns only: "Islamic State" is no cue)."""
    after_words, before_words, _heads = place_cues()
    nm = _NEXT_WORD.match(text[m.end : m.end + 30])
    if nm and nm.group(1) in after_words:
        return True
    cm = _COORD_AFTER.match(text[m.end : m.end + 80])
    if cm and cm.group(1) in after_words and cm.group(1).endswith("s"):
        return True
    pm = _PREV_WORD.search(before)
    return bool(pm and pm.group(1) in before_words)


def _headline_place_cue(headline: str, name: str) -> bool:
    """`_place_cue` for the name where the headline or standfirst writes it."""
    for hm in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", headline):
        probe = _Mention(hm.start(), hm.end(), name, "headline")
        if _place_cue(headline, probe, headline[max(0, hm.start() - 60) : hm.start()]):
            return True
    return False


_WORD = re.compile(r"[\w.'\u2019-]+$")


def _prefix_role(text: str, start: int) -> str | None:
    """The run of title words (and demonyms/country names) right before a name, if it holds a title word."""
    words = title_words()
    pos = start
    parts: list[tuple[int, str]] = []
    while pos > 0 and len(parts) < 6:
        seg = text[max(0, pos - 40) : pos]
        m = _WORD.search(seg.rstrip(" "))
        if not m or not seg.endswith(" "):
            break
        w = m.group()
        w_start = pos - (len(seg) - len(seg.rstrip(" "))) - len(w)
        lw = w.lower()
        if lw in words or (w[:1].isupper() and parts and _demonymish(w)) or lw in ("u.s.", "us", "un", "u.n."):
            parts.append((w_start, w))
            pos = w_start
            continue
        break
    if not parts:
        return None
    # a place name of several words opening the role ("New Mexico Governor")
    while parts:
        seg = text[max(0, parts[-1][0] - 30) : parts[-1][0]]
        m = _WORD.search(seg.rstrip(" "))
        if not m or not m.group()[:1].isupper() or not seg.endswith(" "):
            break
        joined = m.group() + " " + parts[-1][1]
        if not get_gazetteer().lookup(joined):
            break
        parts[-1] = (parts[-1][0] - len(seg) + m.start(), joined)
    parts.reverse()
    while parts and parts[-1][1].lower() in ("of", "the", "and"):
        parts.pop()
    # drop leading words that are not part of a title ("the")
    while parts and parts[0][1].lower() in ("the", "of"):
        parts.pop(0)
    phrase_words = [p[1] for p in parts]
    if not any(w.lower() in title_heads() or w.lower() in titles() for w in phrase_words):
        return None
    if len(phrase_words) == 1 and phrase_words[0].lower().rstrip(".") in ("mr", "mrs", "ms", "dr", "miss"):
        return None  # a courtesy title marks a person but is no role
    return " ".join(phrase_words)


def _demonymish(w: str) -> bool:
    """A demonym, a country or place name, or a word shaped like a demonym ("Ruritanian")."""
    if re.fullmatch(r"[A-Z][a-z]+(?:an|ian|ese|ish|ic|i)", w):
        return True
    try:
        return get_gazetteer().demonym(w) is not None or bool(get_gazetteer().lookup(w))
    except Exception:  # pragma: no cover - gazetteer missing
        return False


_APPOS = re.compile(r"^,\s+((?:the\s+|a\s+)?[^,.;:\"()\u201c\u201d]{3,70}?)\s*(?=,|\.(?:\s|$)|;)")


def _apposition_role(text: str, end: int) -> str | None:
    """ "Anna Berg, Swedish foreign minister," -> "Russian foreign minister" (the phrase must have a title
    word among its first words and no verb-like lower-case word before it)."""
    m = _APPOS.match(text[end : end + 90])
    if not m:
        return None
    phrase = m.group(1).strip()
    words = phrase.split()
    if not words or len(words) > 9:
        return None
    heads = title_heads()
    low = [w.lower() for w in words]
    if low[0] in ("the", "a"):
        words, low = words[1:], low[1:]
    head_at = next((i for i, w in enumerate(low[:5]) if w in heads), None)
    if head_at is None:
        return None
    if any(w in ("said", "says", "who", "which", "was", "is", "has", "had", "and") for w in low[: head_at + 1]):
        return None
    caps = 0
    for w in words[head_at + 1 :]:  # another person's name inside the phrase: not an apposition of this one
        caps = caps + 1 if w[:1].isupper() and w.lower() not in title_words() else 0
        if caps >= 2 and not get_gazetteer().lookup(" ".join(words[words.index(w) - 1 : words.index(w) + 1])):
            return None
    return " ".join(words)


# ----------------------------------------------------------------------------------------------------------------
# 3. linking


@dataclass
class _Cluster:
    name: str
    mentions: list[_Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    type: str = "place"


def _family(m: _Mention) -> str:
    ev = m.ev
    if m.fixed_type:
        return m.fixed_type
    if ev["organisation"] >= 3:
        return "organisation"
    if ev["person"] >= 2 and ev["person"] >= ev["place"]:
        return "person"
    best = max(("person", "organisation", "place"), key=lambda k: ev[k])
    return best if ev[best] > 0 else "place"


def _link(doc: Doc, mentions: list[_Mention]) -> list[_Cluster]:
    aliases = common_aliases()
    # full personal names and the short forms they license
    full_people: dict[str, set[str]] = defaultdict(set)
    first_keys: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if _family(m) == "person" and len(m.text.split()) >= 2:
            for k in surname_keys(m.text):
                full_people[k].add(m.text)
            first = m.text.split()[0]
            if len(m.text.split()) == 2 and first not in given_names() and not first.endswith("."):
                first_keys[first].add(m.text)  # family name first ("Wang Donghai" -> "Wang")
    for k, v in first_keys.items():
        if k not in full_people:
            full_people[k] = v
    # acronym expansions given in the text
    expansions: dict[str, str] = {}
    for m in mentions:
        for k in m.ev:
            if k.startswith("alias:"):
                expansions[k[6:].replace(".", "")] = m.text
            elif k.startswith("expands:"):
                expansions[m.text.replace(".", "")] = k[8:]
    # organisation full names by initials (for acronyms with no explicit expansion)
    org_initials: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if _family(m) == "organisation" and len(m.text.split()) >= 2:
            org_initials[initials(m.text).upper()].add(m.text)
    clusters: dict[tuple[str, str], _Cluster] = {}
    order: list[_Cluster] = []

    def add(key_type: str, name: str, m: _Mention) -> None:
        key = (key_type, norm(name))
        c = clusters.get(key)
        if c is None:
            c = clusters[key] = _Cluster(name=name, type=key_type)
            order.append(c)
        c.mentions.append(m)
        if m.text not in c.aliases:
            c.aliases.append(m.text)

    for m in mentions:
        fam = _family(m)
        name = m.text
        flat = name.replace(".", "")
        if fam in ("group",):
            add("group", name, m)
            continue
        # a short form of one full personal name
        if len(name.split()) <= 2 and name in full_people and name not in {x for x in full_people[name]}:
            owners = full_people[name]
            if len(owners) == 1 and fam != "organisation" or len(owners) == 1 and m.ev["organisation"] < 3:
                add("person", next(iter(owners)), m)
                continue
            if len(owners) > 1:
                add("person", name, m)  # ambiguous: stays a separate short-form entity
                continue
        if looks_like_acronym(name) and flat in expansions:
            target = expansions[flat]
            add(_family_of_name(mentions, target) or "organisation", target, m)
            continue
        if name in aliases:
            canonical, t = aliases[name]
            add("place" if t == "country" else t, canonical, m)
            continue
        if looks_like_acronym(name) and len(org_initials.get(flat.upper(), ())) == 1 and fam != "place":
            add("organisation", next(iter(org_initials[flat.upper()])), m)
            continue
        if fam == "organisation" and name in {x for v in expansions.values() for x in [v]}:
            add("organisation", name, m)
            continue
        add(fam, name, m)
    # document consistency of type: evidence of all mentions of a cluster
    for c in order:
        ev: Counter = Counter()
        for m in c.mentions:
            ev.update({k: v for k, v in m.ev.items() if not k.startswith(("alias:", "expands:"))})
        if c.type == "group":
            continue
        if c.type == "person" and not ev["person_cue"] and len(c.name.split()) == 1 and (
            ev["feature"] or ev["place"] >= 2 and ev["place"] > ev["person"]
        ):
            c.type = "place"  # the model's label alone against a gazetteer region or a feature noun ("... river")
            continue
        if c.type == "person" and (len(c.name.split()) >= 2 or ev["person"] >= 1):
            continue
        if c.type == "organisation" and ev["organisation"] >= 3:
            continue
        if ev["team"] and ev["country"] == 0:
            c.type = "organisation"
            continue
        if ev["person"] >= 2 and ev["person"] >= ev["place"]:
            c.type = "person"
        elif ev["organisation"] > max(ev["person"], ev["place"]):
            c.type = "organisation"
        elif ev["place"] >= max(ev["person"], ev["organisation"]) and ev["place"] > 0:
            c.type = "place"
        elif ev["person"] > 0:
            c.type = "person"
    # one name, one type: a mention typed by a strong cue ("the company ...") carries the same name's mentions
    # that only the model typed otherwise
    by_name: dict[str, list[_Cluster]] = defaultdict(list)
    for c in order:
        if c.type != "group":
            by_name[norm(c.name)].append(c)
    for same in by_name.values():
        if len(same) < 2:
            continue
        evs = [_cluster_ev(c) for c in same]
        strong = [c for c, e in zip(same, evs, strict=True) if _strong(c.type, e)]
        if len({c.type for c in strong}) != 1:
            continue
        for c in same:
            c.type = strong[0].type
    # an acronym the article defines is a name of the entity, so its untagged uses are found too
    for c in order:
        for m in c.mentions:
            for k in m.ev:
                if k.startswith("alias:") and k[6:] not in c.aliases:
                    c.aliases.append(k[6:])
    # merge clusters that ended with the same (type, name)
    merged: dict[tuple[str, str], _Cluster] = {}
    out = []
    for c in order:
        key = (c.type, norm(c.name))
        if key in merged:
            merged[key].mentions += c.mentions
            merged[key].aliases += [a for a in c.aliases if a not in merged[key].aliases]
            continue
        merged[key] = c
        out.append(c)
    return out


def _cluster_ev(c: _Cluster) -> Counter:
    ev: Counter = Counter()
    for m in c.mentions:
        ev.update({k: v for k, v in m.ev.items() if not k.startswith(("alias:", "expands:"))})
    return ev


def _strong(type_: str, ev: Counter) -> bool:
    """Evidence beyond the model's own label for this type."""
    if type_ == "organisation":
        return ev["organisation"] >= 3
    if type_ == "person":
        return ev["person_cue"] > 0
    return ev["place"] >= 3 or ev["feature"] > 0


def _family_of_name(mentions: list[_Mention], name: str) -> str | None:
    for m in mentions:
        if m.text == name:
            return _family(m)
    return None


# ----------------------------------------------------------------------------------------------------------------
# 4. propagation: untagged repeats of an entity's names


def _propagate(text: str, clusters: list[_Cluster], mentions: list[_Mention]) -> None:
    forms: dict[str, _Cluster] = {}
    ambiguous: set[str] = set()
    for c in clusters:
        cand = set(c.aliases) | {c.name}
        if c.type == "person" and len(c.name.split()) >= 2:
            cand |= set(surname_keys(c.name))
        for f in cand:
            if len(f) < 3 or not f[0].isupper():
                continue
            for g in (f, f.upper()):
                if g in forms and forms[g] is not c:
                    ambiguous.add(g)
                forms[g] = c
    for g in ambiguous:
        forms.pop(g, None)
    if not forms:
        return
    taken = sorted((m.start, m.end) for c in clusters for m in c.mentions)
    starts = [a for a, _ in taken]
    import bisect

    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?![\w-])")
    for m in pattern.finditer(text):
        s, e = m.span()
        i = bisect.bisect_right(starts, e)
        if any(a < e and s < b for a, b in taken[max(0, i - 3) : i + 1]):
            continue
        # the possessive stays outside the mention, as in `strip_name`
        c = forms[m.group()]
        c.mentions.append(_Mention(s, e, m.group(), "propagated"))
        bisect.insort(taken, (s, e))
        starts = [a for a, _ in taken]


def _nested_places(text: str, clusters: list[_Cluster], gaz) -> None:
    """A place that opens an organisation's name is a place mention too ("Alexandria Police Department",
    "Henderson County Commissioners Court", "Geneva Motor Show"): the organisation is located there.
    Only clear readings count: a country, a state or province, a county named with its admin word, or a town of
    20,000 people or more; demonyms and group names never."""
    by_key = {(c.type, norm(c.name)): c for c in clusters}
    for c in list(clusters):
        if c.type != "organisation":
            continue
        for m in list(c.mentions):
            words = m.text.split()
            if len(words) < 2:
                continue
            for n in (3, 2, 1):
                if n >= len(words):
                    continue
                prefix = " ".join(words[:n])
                if words[n][:1].islower():
                    continue  # "Centro de Estudios ...": a head noun with its complement, not a place opening a name
                if prefix in groups() or gaz.demonym(prefix) is not None or prefix.lower() in title_words():
                    continue
                places = gaz.lookup(prefix)
                if not places:
                    continue
                ok = any(
                    p.kind in ("country", "admin1", "continent")
                    or (p.kind == "admin2" and words[n - 1].lower() in ("county", "parish", "borough"))
                    or (p.kind == "city" and p.population >= 20_000 and norm(p.name) == norm(prefix))
                    for p in places
                )
                if not ok:
                    continue
                key = ("place", norm(prefix))
                target = by_key.get(key)
                if target is None:
                    target = by_key[key] = _Cluster(name=prefix, type="place")
                    clusters.append(target)
                target.mentions.append(_Mention(m.start, m.start + len(prefix), prefix, "nested"))
                if prefix not in target.aliases:
                    target.aliases.append(prefix)
                break


# ----------------------------------------------------------------------------------------------------------------
# 5. records and salience


def _to_entity(text: str, c: _Cluster) -> Entity | None:
    mentions = sorted({(m.start, m.end) for m in c.mentions})
    if not mentions:
        return None
    roles: list[str] = []
    for m in c.mentions:
        for r in m.roles if c.type == "person" else ():
            if r not in roles:
                roles.append(r)
    aliases = [a for a in c.aliases]
    if c.name not in aliases:
        aliases.insert(0, c.name)
    for m in c.mentions:
        if m.text not in aliases:
            aliases.append(m.text)
    return Entity(
        id=entity_id(c.type, c.name),
        name=c.name,
        type=c.type,
        aliases=aliases,
        mentions=[Mention(start=s, end=e, text=text[s:e]) for s, e in mentions],
        roles=roles,
    )


def _score_salience(doc: Doc, entities: list[Entity], text: str | None = None) -> None:
    """Frequency (log), earliness, headline and lead presence, scaled to 0..1 within the article.

    A country's demonyms ("Syrian", counted by newsgraph_geo once countries are known) add half a mention each.
    """
    import math

    demonyms = Counter(getattr(doc._, "ng_demonyms", None) or [])

    meta = doc._.ng_meta or {}
    title = " " + (meta.get("title") or "") + " " + (meta.get("standfirst") or "") + " "
    text = text if text is not None else doc.text  # doc.text is rebuilt from the tokens on every access
    lead_end = text.find("\n\n", 200)
    lead_end = lead_end if lead_end > 0 else min(len(text), 600)
    n = max(len(text), 1)
    scores = []
    for e in entities:
        cc = e.geo.country_code if e.geo is not None and e.type == "country" else None
        count = len(e.mentions) + (0.5 * demonyms[cc] if cc else 0)
        first = min((m.start for m in e.mentions), default=n) / n
        in_title = any(_in_words(a, title) for a in e.aliases if len(a) > 1)
        in_lead = any(m.start < lead_end for m in e.mentions)
        score = 1.0 + math.log(1 + count) * 2 + 1.5 * (1 - first) + (2.0 if in_title else 0) + (1.0 if in_lead else 0)
        scores.append(score)
    top = max(scores, default=1.0) or 1.0
    for e, s in zip(entities, scores, strict=True):
        e.salience = round(s / top, 4)


def _in_words(needle: str, hay: str) -> bool:
    """`needle` occurs in `hay` between non-word characters."""
    i = hay.find(needle)
    while i >= 0:
        j = i + len(needle)
        if not hay[i - 1 : i].isalnum() and not hay[j : j + 1].isalnum():
            return True
        i = hay.find(needle, i + 1)
    return False


def rescore(doc: Doc) -> None:
    """Recompute salience and order after a later component merged or renamed entities."""
    ents = list(doc._.ng_entities or [])
    _score_salience(doc, ents)
    ents.sort(key=lambda e: -e.salience)
    doc._.ng_entities = ents


def find_entity(doc: Doc, start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping [start, end), if any.

    When several overlap (a town inside an organisation's name: "Alexandria Police Department"), the one whose
    mention shares the most characters with the span wins, then the one with the least outside it.
    """
    best, best_key = None, None
    for e in doc._.ng_entities or []:
        for m in e.mentions:
            if m.start < end and start < m.end:
                overlap = min(end, m.end) - max(start, m.start)
                key = (overlap, overlap - (m.end - m.start))
                if best_key is None or key > best_key:
                    best, best_key = e, key
    return best
