"""What an entity's confidence is judged from: its evidence, the statistical model's agreement, where it is named.

`newsgraph_entities` leaves a summary of each entity's evidence on the Doc (`doc._.ng_entity_evidence`, keyed by
mention span, since newsgraph_geo may merge or re-id places later); `features(doc, entity)` turns that and the
Doc into a fixed vector of numbers. `benchmarks/fit_confidence.py` fits a logistic model over these on the tuning
parts (weights stored as data: annotate/data/calibration/<kind>_model.json) and `newsgraph_confidence` applies it.

The features are kinds of evidence that carry over to news nobody tuned on, not names:
- typed cues: a title, an apposition, an age, a he/she pronoun (person); an organisation suffix or head noun
  (organisation); a feature noun, a gazetteer country (place); the model's own label for the type;
- how the text uses the name: standalone or only inside a longer name ("Boston" in "Boston Consulting Group",
  or followed by more capitalised words), as a place ("in X", "X, State", "X-based"), found only by repeating a
  name elsewhere, in running prose or in a list (reference lists, navigation, credits: few function words around
  it, or inside a reference entry, sign-off line or name list: text_blocks.py); a place or organisation whose name
  is a given name ("Gloria") with nothing else typing it;
- how central it is: mentions, first position, headline, salience;
- whether it is the page's own publisher (its source name or domain), named in prompts and credits;
- the page's register (page_register.py): a person, organisation or town of a fan or game wiki's fictional world.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from functools import lru_cache

from spacy.tokens import Doc

from newsgraph.annotate.concept_names import lower_expansion, lower_phrase
from newsgraph.annotate.extensions import headline
from newsgraph.annotate.name_shape import (
    comes_after,
    common_head,
    common_words,
    lower_inside,
    lower_words,
    possessive_inside,
    quoted_title,
)
from newsgraph.annotate.name_text import looks_like_acronym, surname_keys
from newsgraph.annotate.name_usage import modifier_only
from newsgraph.annotate.names import NamesLexicon
from newsgraph.annotate.org_kinds import (
    coordinated_only,
    cut_only,
    fused_name,
    illness_name,
    institution,
    street_only,
    thing_only,
    venue_only,
)
from newsgraph.annotate.org_places import venue_used
from newsgraph.annotate.org_short_forms import company_short_form
from newsgraph.annotate.page_register import doc_register
from newsgraph.annotate.person_kind_evidence import kind_attached, kind_named
from newsgraph.annotate.person_places import acronym_form
from newsgraph.annotate.person_things import thing_use
from newsgraph.annotate.resolve import doc_text
from newsgraph.annotate.text_blocks import credited, inside, non_prose_blocks
from newsgraph.records import Entity

#: evidence keys summed over an entity's mentions (see entity_evidence.py)
EVIDENCE_KEYS = ("person", "organisation", "place", "person_cue", "feature", "country", "team", "campus", "place_use",
                 "admin_head", "definite", "unplaced", "area_use", "placed")
#: mention labels (how a mention was found: model label, lexicon, gazetteer, repetition, nesting)
LABEL_KEYS = ("person", "organisation", "place", "lexicon-org", "gaz-place", "row", "propagated", "nested")
#: the statistical model's labels that agree with each entity type
MODEL_LABELS = {
    "person": {"PERSON"},
    "organisation": {"ORG"},
    "country": {"GPE", "LOC"},
    "city": {"GPE", "LOC", "FAC"},
    "place": {"GPE", "LOC", "FAC"},
    "group": {"NORP"},
}
_FUNCTION = frozenset("""a an the of to in on at for with by from and or but is are was were be been has have had
that this which who whom whose it its he she his her they their we our you your i as not will would said says
""".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
#: after a name: ", Country/State" or a place-based compound ("Paris-based")
_PLACE_AFTER = re.compile(r"^(?:,\s+[A-Z][a-z]+|-based\b)")
#: a name followed by another capitalised word continues a longer name ("Boston Consulting Group")
_NAME_GOES_ON = re.compile(r"^[ -](?:[A-Z][a-z]|of [A-Z])")
#: a personal name that ends in initials: a credit or signature ("Dana K.") or a reference-list author ("Miller RA"),
#: the forms of credits and citations rather than of the people an article is about (a regnal number is not an
#: initial: "Louis XV", "William Fisher III")
_INITIALS_END = re.compile(r"^[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)*\s+(?!(?:[IVX]+|[IVX]\.)$)(?:[A-Z]\.?|[A-Z]{2,3}|(?:[A-Z]\.\s?){2,3})$")
#: an entity named only where there are fewer function words than this around it is named outside running prose
#: (reference lists, credits, navigation, tables): such an entity is rarely what the article is about
PROSE_MIN = 0.12
#: ... and so is one with fewer than this share of its mentions in running prose (a reference list or a credits
#: block repeats a name far more often than the one sentence that may also hold it)
PROSE_SHARE = 0.2
#: a person at least this share of whose mentions the text uses as a thing or a place is no person's topic
#: (person_things.py): half, since a name is often used once as a subject in a heading or a title
THING_SHARE = 0.5
TYPES = ("person", "organisation", "country", "city", "place")
#: the types a fiction's page names of its own world (its countries are mostly the real ones)
_FICTION_TYPES = ("person", "organisation", "city", "place")


def evidence_summary(mentions: list) -> dict:
    """The evidence of one entity's mentions (NameMention objects), as plain counts."""
    ev: Counter = Counter()
    labels: Counter = Counter()
    for m in mentions:
        ev.update({k: v for k, v in m.ev.items() if k in EVIDENCE_KEYS})
        labels[m.label] += 1
    return {"ev": dict(ev), "labels": dict(labels), "n": len(mentions)}


def _prose(text: str, start: int, end: int, width: int = 120) -> float:
    """Share of function words around a span: running prose is about 0.4-0.5, lists and credits near 0."""
    words = _WORD.findall(text[max(0, start - width) : end + width])
    if len(words) < 4:
        return 0.0
    return sum(w.lower() in _FUNCTION for w in words) / len(words)


def _nested(m_start: int, m_end: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """The mention lies strictly inside a longer mention of another entity."""
    i = bisect.bisect_right(starts, m_start)
    for s, e in spans[max(0, i - 6) : i]:
        if s <= m_start and m_end <= e and (e - s) > (m_end - m_start):
            return True
    return False


def features(doc: Doc, e: Entity, text: str, spans: list[tuple[int, int]], model: list[tuple[int, int, str]],
             title: str, given_names: frozenset[str], blocks: list[tuple[int, int]] = (),
             lower: frozenset[str] = frozenset(), names: NamesLexicon | None = None,
             register: str | None = None) -> dict[str, float]:
    """The feature vector (name -> value) of one entity of an annotated Doc (the arguments after `e` are what
    `doc_context` returns)."""
    evidence = (doc._.ng_entity_evidence or {})
    summary: dict = {}
    for m in e.mentions:
        summary = evidence.get((m.start, m.end)) or summary
        if summary:
            break
    ev = Counter(summary.get("ev") or {})
    labels = Counter(summary.get("labels") or {})
    n_found = max(sum(labels.values()), 1)
    starts = [s for s, _ in spans]
    model_starts = [s for s, _, _ in model]
    block_starts = [s for s, _ in blocks]
    want = MODEL_LABELS.get(e.type, set())
    named = typed = nested = locative = goes_on = in_prose = titled = thing = after_name = 0
    own = frozenset(w for a in (e.name, *e.aliases) for w in a.split())
    prose = 0.0
    for m in e.mentions:
        before, after = text[max(0, m.start - 30) : m.start], text[m.end : m.end + 30]
        locative += bool((names is not None and names.placed_by(before)) or _PLACE_AFTER.match(after))
        goes_on += bool(_NAME_GOES_ON.match(after))
        after_name += e.type == "person" and names is not None and comes_after(text, m.start, names, lower, own)
        titled += e.type == "person" and quoted_title(text, m.start, m.end)
        thing += e.type == "person" and thing_use(doc, text, m.start, m.end) is not None
        i = bisect.bisect_right(model_starts, m.end)
        hit = [lab for s, t, lab in model[max(0, i - 4) : i] if s < m.end and m.start < t]
        named += bool(hit)
        typed += any(h in want for h in hit)
        nested += _nested(m.start, m.end, spans, starts)
        # a reference entry, sign-off line or name list is no prose, however many function words it holds
        # ... and neither is a credit ("With reporting by ... writer X")
        outside = (blocks and inside(blocks, block_starts, m.start, m.end)) or (
            e.type == "person" and credited(text, m.start, m.end))
        p = 0.0 if outside else _prose(text, m.start, m.end)
        prose += p
        in_prose += p >= PROSE_MIN
    n = max(len(e.mentions), 1)
    cued = bool(ev["person_cue"] or e.roles)
    person_evidenced = cued or ev["person"] > labels["person"]
    words = e.name.split()
    first = min((m.start for m in e.mentions), default=len(text)) / max(len(text), 1)
    f = {
        "log_mentions": math.log1p(len(e.mentions)),
        "salience": float(e.salience or 0.0),
        "first": first,
        "in_title": float(any(len(a) > 2 and a in title for a in [e.name, *e.aliases])),
        "model_named": named / n,
        "model_typed": typed / n,
        "nested": nested / n,
        "standalone_none": float(nested == len(e.mentions)),
        "prose": prose / n,
        "no_prose": float(in_prose < PROSE_SHARE * len(e.mentions) or in_prose == 0),
        "locative": locative / n,
        "name_goes_on": goes_on / n,
        # a person with nothing typing it as one but the model's label (no title, apposition, given name, pronoun,
        # possessive) whose words are all the article's common words ("Best Buy", "Similar Articles"), or named
        # only inside a quoted title (the "Committee to Boycott Nixon's Memoirs"): name_shape.py, confidence.py
        "common_words": float(e.type == "person" and not cued and common_words(e.name, lower)),
        "quoted_title": float(titled == len(e.mentions) and titled > 0 and not cued),
        "possessive_inside": float(e.type == "person" and possessive_inside(e.name)),
        # a person whose name holds a lower-case word that is no particle ("T. b. gambiense"), or, with nothing else
        # typing it as a person, whose last word the article writes in lower case ("Avian Flu"): name_shape.py
        "lower_inside": float(e.type == "person" and lower_inside(e.name)),
        "common_head": float(e.type == "person" and not cued and common_head(e.name, lower)),
        "illness_name": float(e.type == "person" and illness_name(e.name)),
        # a person most of whose mentions the text uses as a thing or a place ("a payment in X", "flown to X", "X
        # (LHR)", "X are calling for") with nothing else typing it as a person, or every mention of which it so
        # uses (a cue then is a misreading: "flown to X to see her father"): person_things.py, confidence.py
        "thing_used": float(e.type == "person" and thing >= max(1.0, THING_SHARE * len(e.mentions))
                            and (not cued or thing == len(e.mentions))),
        # a person with no evidence of one (no cue, role or person point beyond the model's label) every mention of
        # which the text uses as a place ("spread to X in Ruritania", "X, Ruritania;", a list of places), or whose
        # name is an acronym ("WxDOT", "X (Department for ...)"): person_places.py, confidence.py
        "place_named": float(e.type == "person" and not person_evidenced and ev["placed"] >= len(e.mentions)),
        "acronym_named": float(e.type == "person" and not person_evidenced and acronym_form(e.name, text)),
        # a person the document itself attaches to a kind noun of a place, a body, a work, a group or a storm ("the X
        # refugee camp", "X, a non-profit organization", "Cyclone X"), in half its occurrences with no evidence of a
        # person beyond the model's label, or in every one whatever else types it: person_kind_evidence.py
        "kind_named": float(e.type == "person" and kind_named(
            *kind_attached(doc, text, [e.name, *e.aliases, *(text[m.start : m.end] for m in e.mentions)]),
            person_evidenced)),
        # a person every mention of which runs on into a longer capitalised name ("the Paul and Mary Monroe Endowed
        # Chair"): a fragment of another name, cued or not
        "person_goes_on": float(e.type == "person" and goes_on == len(e.mentions) and goes_on > 0),
        # a one-word person with no cue that is a company's registered name without its legal form ("Harbour" beside
        # "Harbour Motor Corp"): org_short_forms.company_short_form, confidence.py NAME_SHAPE_WEIGHT
        "company_named": float(e.type == "person" and not cued and company_short_form(
            e.name, [o for o in doc._.ng_entities or [] if o.type == "organisation"])),
        # ... or every mention of which follows a capitalised word of the same run that opens no person's name ("PT
        # Harbour Putra Vell" read as "Putra Vell"; name_shape.comes_after), its own first word no given name
        "person_comes_after": float(e.type == "person" and after_name == len(e.mentions) and after_name > 0 and not cued
                                    and not (names is not None and bool(words) and names.is_given_name(words[0]))),
        # an organisation the page also writes as a common noun ("to be a certificate authority") or whose acronym it
        # spells out in lower case ("bioelectrical impedance spectroscopy (BIS)"): concept_names.py, confidence.py
        "concept": float(e.type == "organisation" and _concept(e, text)),
        # a city or place every mention of which modifies a common noun ("Brussels sprouts", "the Paris agreement")
        # and none of which the text uses as a place: name_usage.modifier_only, confidence.py
        "modifier_only": float(e.type in ("city", "place") and modifier_only(doc, e.mentions, summary, names)),
        "given_name": float(bool(words) and words[0] in given_names and e.type != "person"),
        "words": min(len(words), 4) / 4,
        "one_word": float(len(words) == 1),
        # an acronym ("NASA") is a name's usual short form; a longer all-caps name is a shouted heading or a
        # results line ("MANCHESTER UNITED 2 ..."): two features, since the two are right at very different rates
        "all_caps": float(e.name.isupper() and len(e.name) > 1 and not looks_like_acronym(e.name)),
        "acronym": float(looks_like_acronym(e.name)),
        "role": float(bool(e.roles)),
        "geo": float(e.geo is not None),
        "propagated": labels["propagated"] / n_found,
        "lexicon": float(labels["lexicon-org"] > 0),
        "gazetteer_found": float(labels["gaz-place"] > 0),
        "person_cue": math.log1p(ev["person_cue"]),
        "org_evidence": math.log1p(max(0.0, ev["organisation"] - labels["organisation"])),
        "place_evidence": math.log1p(max(0.0, ev["place"] - labels["place"])),
        "feature_noun": float(ev["feature"] > 0),
        "gaz_country": float(ev["country"] > 0),
        "team": float(ev["team"] > 0),
        "initials_form": float(e.type == "person" and bool(_INITIALS_END.match(e.name))),
        "publisher": float(e.type == "organisation" and publisher(doc, [e.name, *e.aliases])),
        # a person, organisation or town named on a fan or game wiki's page of a fictional world: the fiction's
        # (page_register.py; confidence.py, REGISTER_WEIGHT)
        "fiction_page": float(register == "fiction" and e.type in _FICTION_TYPES),
        # a bare surname two or more of the article's people share ("Okafor" beside Maria and Richard Okafor):
        # linking leaves it unlinked (which one?), and as its own person it is a second item for one of them
        "shared_surname": float(e.type == "person" and shared_surname(e.name, doc._.ng_entities or [])),
        **(org_kind_features(e, text) if e.type == "organisation" else {}),
        # an organisation every mention of which the text places ("at the X", "at Y's X club") and none of which
        # acts, named as a building's or a venue's: where something happened, no organisation (org_places.py)
        "venue_used": float(e.type == "organisation" and venue_used(
            doc, names, e.name, text, [(m.start, m.end) for m in e.mentions])),
    }
    for t in TYPES:
        f["type_" + t] = float(e.type == t)
    return f


def shared_surname(name: str, entities: list[Entity]) -> bool:
    """`name` is one word (or a particle surname) that is a surname key of two or more multiword people, none of whom
    the article names at least twice as often as each other one (a biography's subject beside a relative is who the
    bare surname means: "Gordon" in a life of Patrick Gordon that names Alexander Gordon once)."""
    if len(name.split()) > 2:
        return False
    owners = sorted((len(o.mentions) for o in entities if o.type == "person" and o.name != name
                     and name in surname_keys(o.name)), reverse=True)
    return len(owners) >= 2 and owners[0] < 2 * owners[1]


def org_kind_features(e: Entity, text: str) -> dict[str, float]:
    """An organisation's readings from its head noun and its mentions' surroundings (org_kinds.py; confidence.py
    weighs them): an institution's name, a modifier of a thing, a street in an address, a coordination's fragment, a
    fragment cut from a longer name, a venue named as a place."""
    spans = [(m.start, m.end) for m in e.mentions]
    return {"institution": float(institution(e.name, text, spans)), "thing_only": float(thing_only(text, spans)),
            "street_only": float(street_only(e.name, text, spans)),
            "coordinated": float(coordinated_only(e.name, text, spans)), "fused_name": float(fused_name(e.name)),
            "cut_only": float(cut_only(e.name, text, spans)), "venue_only": float(venue_only(e.name, text, spans))}


def _concept(e: Entity, text: str) -> bool:
    """The organisation's name is a concept the page capitalises (concept_names.py)."""
    return lower_phrase(e.name, text) or any(lower_expansion(a, text) for a in (e.name, *e.aliases) if looks_like_acronym(a))


def _squash(name: str) -> str:
    """A name's letters and digits, lower-case, without a leading "the": "The Haitian Times" -> "haitiantimes"."""
    return re.sub(r"[^0-9a-z]", "", re.sub(r"^the\s+", "", name.strip().lower()))


def publisher(doc: Doc, names: list[str]) -> bool:
    """One of the names is the page's own publisher or one of its own brands: its source name, or its domain's name
    ("haitiantimes.com" for "Haitian Times"; the registered domain's, not a subdomain's: "blog.x.com" is X's), alone
    or opening the name ("X Study Facebook group", "X Podcast"). A page names its publisher and its publisher's
    products in subscription prompts, promotions and credits; it is rarely what the article is about."""
    meta = doc._.ng_meta or {}
    own = set()
    if meta.get("source_name"):
        own.add(_squash(meta["source_name"]))
    domain = (meta.get("source_domain") or "").lower().removeprefix("www.")
    if domain:
        own.add(_squash(domain.split(".")[0]))
        registered = _registered(domain)
        if registered:
            own.add(_squash(registered.split(".")[0]))
    own.discard("")
    for name in names:
        words = name.split()
        if any(len(s) >= 3 and s in own for s in (_squash(" ".join(words[:k])) for k in range(1, len(words) + 1))):
            return True
    return False


@lru_cache(maxsize=1024)
def _registered(domain: str) -> str | None:
    """The registered domain of a host name ("blog.example.co.uk" -> "example.co.uk"), by the public suffix list."""
    from courlan import extract_domain

    return extract_domain("https://" + domain + "/")


def doc_context(doc: Doc, names: NamesLexicon) -> tuple[str, list[tuple[int, int]], list[tuple[int, int, str]], str,
                                                         frozenset[str], list[tuple[int, int]], frozenset[str],
                                                         NamesLexicon, str | None]:
    """What `features` needs of the Doc, computed once per Doc; `names` is the entities component's lexicon."""
    text = doc_text(doc)
    spans = sorted((m.start, m.end) for e in doc._.ng_entities or [] for m in e.mentions)
    model = sorted((ent.start_char, ent.end_char, ent.label_) for ent in doc.ents)
    title = headline(doc)  # the body's leading heading when the article has no title
    register = doc_register(doc).kind
    return (text, spans, model, title, names.given_names, non_prose_blocks(doc, text, register), lower_words(text),
            names, register)
