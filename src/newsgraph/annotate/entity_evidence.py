"""Stage 2 of `newsgraph_entities`: typed evidence per mention.

Titles before the name and appositions after it ("Anna Berg, Swedish foreign minister,") mark persons and are kept
as roles; given names and speech verbs mark persons; suffixes, known names and head nouns mark organisations; the
gazetteer marks places; a place name followed by a score is a sports team (an organisation) unless it is a country;
acronyms given beside a name ("National Citizens Alliance (NCA)") are recorded for linking.
A name that only the model calls a person, or that is a small place only in the gazetteer, loses that reading
when the text uses it as a thing (`thing_use`: an acronym among lower-case prose, a verb form, the object of "via",
"download", a modifier of "app", "account"; data/thing_cues.tsv), and is dropped when nothing else types it.
This module adds the points up per mention (`add_evidence`). The cue readers live beside it, one concern each,
so that each can be read and tested on its own: person_roles.py (titles and appositions), person_usage.py
("X made his debut"), place_cues.py (feature nouns, sports teams), thing_use.py (names used as things); the
weights and windows are in entity_evidence_config.py.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsgraph.annotate.entity_evidence_config import (
    DEFAULT_EVIDENCE,
    DEFAULT_WINDOWS,
    EvidenceWeights,
    EvidenceWindows,
)
from newsgraph.annotate.entity_mentions import NameMention
from newsgraph.annotate.geo_names import local_fallback
from newsgraph.annotate.kind_heads import kind_head
from newsgraph.annotate.name_text import initials, looks_like_acronym
from newsgraph.annotate.name_usage import VERSION_AFTER, list_head, note_usage
from newsgraph.annotate.names import NamesLexicon
from newsgraph.annotate.org_kinds import not_person_name
from newsgraph.annotate.person_places import placed
from newsgraph.annotate.person_roles import apposition_role, prefix_role
from newsgraph.annotate.person_usage import BORN_AFTER, possessive_after
from newsgraph.annotate.place_cues import place_cue, team_use
from newsgraph.annotate.place_kinds import described_kinds
from newsgraph.annotate.streets import street_mention
from newsgraph.annotate.thing_use import untype_things

_SPEECH = {"said", "says", "told", "added", "say", "tells", "explained", "noted", "stated", "insisted", "warned"}
#: a courtesy title right before a name, capitalised, on its own ("Mr Smith", "Mrs. Lincoln")
_COURTESY_BEFORE = re.compile(r"(?<![\w.])(?:Mr|Mrs|Ms|Mx|Dr|Miss)\.?\s$")
#: a place and "based" right before a name ("Irwindale based X", "a Texas-based X"): a company's seat; a person so
#: placed takes a role noun between ("London-based analyst X")
_BASED_BEFORE = re.compile(r"[A-Z][\w.'\u2019]*[- ]based\s$")
_AGE_AFTER = re.compile(r"^\s*,\s*\d{1,3}\s*,")
_ACRONYM_AFTER = re.compile(r"^\s*[(\[]\s*([A-Z][A-Za-z.&-]{1,9})\s*[)\]]")
_EXPANSION_AFTER = re.compile(r"^\s*[(\[]\s*([A-Z][\w'.-]*(?:\s+(?:of|for|and|the|de|[A-Z][\w'.-]*))+)\s*[)\]]")
#: an apposition or a copula that says what kind of body a name is ("X, a fish cake store in ...", "X is a Boston-based
#: retailer."): the kind noun (the names lexicon's organisation `before` words) must end the phrase, so "X, a
#: company spokesman" or "X is a firm believer" (a person described by a noun phrase) do not count
_KIND_AFTER = re.compile(r"^(?:\s*,\s*|\s+(?:is|was|remains|became)\s+)(?:a|an|the)\s+(?:[A-Za-z][\w-]*\s+){0,3}?"
                         r"([a-z][\w-]*)(?=\s*(?:[,.;:)/]|$)|\s+(?:in|on|at|that|which|based|founded|from|with|where|"
                         r"and|selling|making)\b)")
#: organisation `before` words that also name a person's standing ("a giant of jazz", "a machine operator")
_NOT_KINDS = frozenset({"giant", "operator", "maker"})
#: the lower-case word right after a name (a work's head noun: "this X character"; a place's dwellers: "X residents")
_NEXT_LOWER = re.compile(r"^\s+([a-z]+)\b")
_PRONOUN_AFTER = re.compile(r"^\s+(?:said|says|added|announced|confirmed|denied|told \w+)\s+(?:that\s+)?(he|she|his|her|it|its)\b")


def add_evidence(doc: Doc, text: str, m: NameMention, gaz, names: NamesLexicon,
                 w: EvidenceWeights = DEFAULT_EVIDENCE, win: EvidenceWindows = DEFAULT_WINDOWS) -> None:
    ev = m.ev
    words = m.text.split()
    # a road named after a person ("Martin Holloway Road", "on Clark Drive") is no person: the model's person label
    # reads as a place (streets.py)
    street = len(words) >= 2 and street_mention(m.text, text, m.start, m.end)
    # ... and neither is a business named after one ("Stan Winston Studio", "Blossom Deli") or seated somewhere
    # ("Irwindale based X"): an organisation
    business = not street and (not_person_name(m.text) or bool(_BASED_BEFORE.search(text[max(0, m.start - 40) : m.start])))
    if m.label == "person":
        ev["place" if street else "organisation" if business else "person"] += w.model_label
    elif m.label == "organisation":
        ev["organisation"] += w.model_label
    elif m.label == "place":
        ev["place"] += w.model_label
    elif m.label == "lexicon-org":
        ev["organisation"] += w.lexicon_org
    elif m.label == "gaz-place":
        ev["place"] += w.gazetteer_place
    lex = names.org
    org_named = names.org_evidence(m.text)
    if org_named:
        ev["organisation"] += w.org_suffix
    # a feature or landmark named after a person ("Jack London Square", "Sheikh Lotfollah Mosque"): the given name
    # and the title belong to the eponym, not to the thing the name names
    # ... and so is a feature named by a leading feature word ("River Ouse", "Mount Elgon") that the gazetteer does
    # not hold as a settlement or country ("Cape Town", "Mount Vernon", "Cape Verde" keep their readings)
    eponym = len(words) >= 2 and not org_named and (words[-1].lower() in names.place_heads or (
        words[0].lower() in names.place_leads and not gaz.lookup(m.text)))
    named_after = eponym or street or business
    if words and names.is_given_name(words[0]) and (len(words) >= 2 or "-" in words[0]) and "&" not in words \
            and "and" not in words and not named_after:  # a compound given name alone ("Marie-Pierre") is a person too
        ev["person"] += w.given_name
        ev["person_cue"] += 1
    # prefix title ("Greek Prime Minister Nikos Andreou", "Mr Smith")
    role = None if named_after else prefix_role(text, m.start, names, win)
    if role:
        ev["person"] += w.title_before
        ev["person_cue"] += 1
        m.roles.append(role)
    elif _COURTESY_BEFORE.search(text[max(0, m.start - 6) : m.start]):  # "Mrs. Lincoln": a person, no role
        ev["person"] += w.title_before
        ev["person_cue"] += 1
    role = apposition_role(text, m.end, names, win)
    if role:
        ev["person"] += w.apposition
        ev["person_cue"] += 1
        m.roles.append(role)
    after = text[m.end : m.end + win.after]
    if _AGE_AFTER.match(after):  # "Henry, 19, of Orchard Street"
        ev["person"] += w.age_after
        ev["person_cue"] += 1
    nxt = after.split()[:1]
    pronoun = _PRONOUN_AFTER.match(after)
    if pronoun and pronoun.group(1).lower() in ("he", "she", "his", "her"):
        ev["person"] += w.person_pronoun
        ev["person_cue"] += 1
    elif pronoun and not gaz.lookup(m.text):  # "... said it would": a body, not a person (places say "it" too)
        ev["organisation"] += w.it_pronoun
    elif nxt and nxt[0].strip(",.") in _SPEECH:
        ev["person"] += w.speech_verb
    if BORN_AFTER.match(after) or possessive_after(doc, m):
        ev["person"] += w.possessive_after
        ev["person_cue"] += 1
    low_after = after.lstrip().lower()
    for head in lex.heads:
        if low_after.startswith(head) and not low_after[len(head) : len(head) + 1].isalpha():
            ev["organisation"] += w.org_head_after
            break
    before = text[max(0, m.start - win.before) : m.start]
    prev = [re.split("['\u2019]", w)[-1] for w in before.split()[-1:]] if before.endswith(" ") else []
    if prev and prev[0] in lex.before:  # "the shipping company ...", "l'agence ..." (the elided article read off)
        ev["organisation"] += w.org_word_before
    kind = _KIND_AFTER.match(text[m.end : m.end + win.apposition])
    if kind and kind.group(1) in lex.before and kind.group(1) not in _NOT_KINDS:
        ev["organisation"] += w.org_word_before
        ev["kind_use"] += 1  # read per name by name_gates.gate_kind_names
    if eponym:
        ev["place"] += w.feature_head  # "Grand Ruritanian Renaissance Dam", "Red River": a feature named by its own head
        ev["feature"] += 1
    elif place_cue(text, m, before, names, win):
        ev["place"] += w.place_cue
        ev["feature"] += 1
    places = gaz.lookup(m.text)
    if not ev["feature"] and names.place_kinds and not names.place_kinds.isdisjoint(described_kinds(doc, m.start, m.end)):
        ev["place"] += w.place_kind  # "X, a neighborhood ...", "X is the meeting place of ...", "a quarter called X"
        # a name the gazetteer lacks is placed by its description alone, as by a feature noun; a gazetteer's town
        # so described ("Cusco, the former Inca capital") is used as the place it is
        ev["feature" if not places else "place_use"] += 1
    top = places[0] if places else None
    weak_place = top is None or top.kind not in ("country", "continent")
    if weak_place and (
        (lex.business_before is not None and lex.business_before.search(before))
        or (lex.business_after is not None and lex.business_after.match(text[m.end : m.end + win.business]))
    ):  # "fined ...", "...'s shares", "..., which is based in": a company, not a small town of that name
        ev["organisation"] += w.business_context
    if places:
        top = places[0]
        if top.kind == "country":
            ev["place"] += w.country
            ev["country"] += 1
        elif top.kind in ("admin1", "continent"):
            ev["place"] += w.region
        elif top.population >= w.big_place_population:
            ev["place"] += w.big_place
        else:
            ev["place"] += w.small_place
        if (top.kind in ("city", "admin2") or (top.kind == "admin1" and m.label == "row")) and (
            m.label == "row" or team_use(text, m, names, win)
        ):
            ev["team"] += 1
    elif m.label == "row":
        ev["drop"] += 1  # an unknown name heading a table row: left to the model's own spans
    elif len(words) >= 2 and local_fallback(gaz, m.text) and team_use(text, m, names, win):
        ev["team"] += 1  # "Manchester City midfielder": a town's name and a word of its own that the index lacks
    if names.work_before_re is not None and names.work_before_re.search(before):
        ev["work_use"] += 1  # "published in the X": read per name by name_gates.gate_works
    if kind_head(doc, m.start, m.end) in names.work_kinds or VERSION_AFTER.match(text[m.end : m.end + 30]):
        ev["work_use"] += 1  # "X, a weekly newsletter", "X 5.2 was released": a work or a product (gate_works)
    nm = _NEXT_LOWER.match(text[m.end : m.end + 20])
    next_lower = nm.group(1) if nm else None
    if next_lower in names.work_after:
        ev["work_head"] += 1  # "this X character": a work's title (name_gates.gate_works, in most mentions)
    head = list_head(text, m.start, m.end)
    if head in names.org_classes:  # "universities, including X": a body, whatever the gazetteer holds for X
        ev["organisation"] += w.list_class
    elif head in names.place_classes:
        ev["place_use"] += 1
    if next_lower in names.place_dwellers and ev["organisation"] <= w.model_label and not ev["person_cue"]:
        ev["place"] += w.place_cue  # "X residents": a place, whatever the model's organisation label says
    if m.label == "person" and placed(text, m.start, m.end, gaz, names):
        ev["placed"] += 1  # "spread to X in Ruritania", "X, Ruritania;": a place's use (person_places.py)
    untype_things(doc, text, m, places, before, names, w, win)
    note_usage(doc, text, m, gaz, names)
    # acronym given beside the name: "National Citizens Alliance (NCA)" / "NCA [National Citizens Alliance]"
    am = _ACRONYM_AFTER.match(text[m.end : m.end + win.acronym_after])
    if am and initials(m.text).upper() == am.group(1).replace(".", "").upper():
        m.canonical = m.text
        ev["alias:" + am.group(1)] += 1
    em = _EXPANSION_AFTER.match(text[m.end : m.end + win.expansion_after])
    if em and looks_like_acronym(m.text) and initials(em.group(1)).upper() == m.text.replace(".", "").upper():
        ev["expands:" + em.group(1)] += 1

