"""Stage 1 of `newsgraph_entities`: candidate mentions.

The model's spans, plus organisation names from the data lexicon (EntityRuler-like), plus country names and
datelines the model missed (gazetteer); spans are cleaned (no "the", possessive, trailing score) and split at list
separators. Where a span grows past the model's cut or joins the mention after it is mention_growth.py; which words
of a model span are no name (function words at its edges, common words capitalised for their place) mention_words.py;
how a model span is cut, joined or split (titles, portfolios, coordinated names, list separators) mention_spans.py.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from newsgraph.annotate.common_words import CommonWords
from newsgraph.annotate.entity_evidence_config import DEFAULT_WINDOWS
from newsgraph.annotate.gazetteer import aliases as common_aliases
from newsgraph.annotate.mention_growth import (
    complement_goes_on,
    compound,
    grow_place,
    join_branches,
    join_campuses,
    join_nicknames,
    named_after,
    place_named_after,
)
from newsgraph.annotate.mention_spans import (
    MODEL_LABELS,
    adjectives_after,
    after_label,
    after_portfolio,
    after_titles,
    coordinated,
    eponym_title,
    held_portfolio,
    joined_persons,
    split_at_separators,
)
from newsgraph.annotate.mention_words import (
    common_word,
    institution,
    label_in_capitals,
    not_name_word,
    regnal_number,
)
from newsgraph.annotate.name_extent import complement_after
from newsgraph.annotate.name_text import looks_like_acronym, strip_name
from newsgraph.annotate.names import NamesLexicon
from newsgraph.annotate.person_roles import (
    cut_before_persons,
    first_name_before,
    fused_word_start,
    inner_title_start,
)
from newsgraph.annotate.second_opinion import LABEL as SECOND
from newsgraph.annotate.second_opinion import proper_runs

#: a table row: a name at the start of a line followed by two or more numbers (standings, results)
_ROW = re.compile(r"^([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})(?=(?:\s+[-\d.]+){2,}\s*$)", re.M)
_DATELINE = re.compile(r"^([A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,2})(?=\s+\d{4}-\d{2}-\d{2}|\s*,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|\s+-|\s*\(|\s*$)", re.M)
#: a word glued from two or more capitalised words ("CrossrefMedlineGoogle"): link labels run together by the
#: page's extraction, no name (one inner capital is a name's own: "McDonald", "YouTube", "DeJesús")
_GLUED = re.compile(r"[a-z][A-Z][\w'-]*[a-z][A-Z]")
#: a word glued to the initial of the next name ("RemplaçantsM. Cherki", "AouarB. Guimarães"): a table of a page
#: run together by its extraction, no name (a name never ends in one capital after lower-case letters)
_GLUED_INITIAL = re.compile(r"[^\W\d_A-Z]{2}[A-Z]\.?$")
_CAP_RUN = re.compile(r"\b[A-Z][\w'\u2019.-]*(?:\s+(?:of\s+|the\s+|and\s+)?[A-Z][\w'\u2019.-]*){0,3}")


@dataclass
class NameMention:
    start: int
    end: int
    text: str
    label: str  # person | organisation | place | norp | lexicon-org | gaz-place
    ev: Counter = field(default_factory=Counter)
    roles: list[str] = field(default_factory=list)
    canonical: str | None = None
    fixed_type: str | None = None


def collect_mentions(doc: Doc, text: str, gaz, names: NamesLexicon, words: CommonWords | None = None
                     ) -> list[NameMention]:
    """`words`: the language's common words (common_words.py), which tell a word capitalised for its place (a
    sentence start, a label in capitals) from a name; None reads the parse alone."""
    spans: list[NameMention] = []
    grown_to = 0  # the end of an organisation span grown over a complement: the model's spans inside it are part of it
    for ent in joined_persons(doc):
        label = MODEL_LABELS.get(ent.label_)
        if not label or ent.start_char < grown_to:
            continue
        toks = list(ent)
        while toks and not_name_word(toks[0], words):  # "Later Brenning" -> "Brenning"
            toks.pop(0)
        while toks and not_name_word(toks[-1], words):  # "Nyssen n’" -> "Nyssen"
            toks.pop()
        if label == "person":
            toks = regnal_number(after_label(toks, words, names), names.titles)  # "Elizabeth I", not "Elizabeth"
        if toks and label in ("person", "place") and len(coordinated(toks)) == 1:
            longer = place_named_after(toks, names.place_heads)
            if longer is not toks:
                toks, label = longer, "place"
                grown_to = toks[-1].idx + len(toks[-1].text)
        if toks and toks[-1].lower_ in names.place_heads:
            toks = eponym_title(doc, toks, names.titles)
        if toks and names.portfolio_re is not None:
            toks, label = after_portfolio(text, toks, label, names.portfolio_re)
        if toks and held_portfolio(text, toks, names, words, gaz):
            continue
        if not toks or common_word(toks, label, words, gaz, names.given_names) or label_in_capitals(toks, words, gaz) \
                or any(_GLUED.search(t.text) or _GLUED_INITIAL.search(t.text) for t in toks):
            continue
        if institution(toks, label):
            label = "organisation"
        parts = coordinated(toks)
        if label == "organisation" and len(parts) == 1:
            parts[-1] = complement_after(complement_goes_on(parts[-1]), names, gaz)
            if words is not None:
                parts[-1] = adjectives_after(parts[-1], words)
            grown_to = parts[-1][-1].idx + len(parts[-1][-1].text)
        if label == "person" and len(parts) == 1:
            longer = named_after(parts[-1], names)
            if longer is not parts[-1]:
                parts[-1], label = longer, "organisation"
        for part in parts:
            for s, e in split_at_separators(text, *compound(text, part[0].idx, part[-1].idx + len(part[-1].text))):
                while spans and s <= spans[-1].start and spans[-1].end <= e:  # "Naqsh" inside "Naqsh-e Jahan"
                    spans.pop()
                spans.append(NameMention(s, e, text[s:e], label))
    # organisation lexicon (longest first), overriding overlapping model spans
    lex = names.org
    for m in (names.org_names_re.finditer(text) if names.org_names_re is not None else ()):
        s, e = m.start(), m.end()
        name = m.group()
        spans = [x for x in spans if not (x.start < e and s < x.end and (x.end - x.start) <= (e - s) + 1)]
        if any(x.start < e and s < x.end for x in spans):
            continue
        spans.append(NameMention(s, e, name, "lexicon-org"))
    # datelines and untagged country names
    # Characters already inside a mention: a candidate is free when none of its characters is. A byte per character
    # makes each check proportional to the candidate, not to the mentions found so far (20,000 capitalised words
    # made the pairwise check quadratic).
    covered = bytearray(len(text) + 1)

    def take(s: int, e: int) -> None:
        covered[s:e] = b"\x01" * (e - s)

    def free(s: int, e: int) -> bool:
        return covered.find(1, s, e) < 0

    for x in spans:
        take(x.start, x.end)

    for m in _ROW.finditer(text):
        s, e = m.span(1)
        name = m.group(1)
        if free(s, e) and len(name) > 2 and name.lower() not in names.not_names:
            spans.append(NameMention(s, e, name, "row"))
            take(s, e)
    for m in _DATELINE.finditer(text):
        s, e = m.span(1)
        name = m.group(1).strip(" .")
        if free(s, e) and len(name) > 2 and gaz.lookup(name):
            spans.append(NameMention(s, s + len(name), name, "gaz-place"))
            take(s, s + len(name))
    for m in _CAP_RUN.finditer(text):
        s, e = m.span()
        name = m.group().rstrip(".'\u2019")
        e = s + len(name)
        if len(name) < 4 or not free(s, e):
            continue
        places = gaz.lookup(name)
        if places and places[0].kind == "country" and name.split()[0] not in names.given_names:
            spans.append(NameMention(s, e, name, "gaz-place"))
            take(s, e)
    for s, e in proper_runs(doc, free, names):  # names the model never labels: kept later only with typed evidence
        spans.append(NameMention(s, e, text[s:e], SECOND))
        take(s, e)
    spans.sort(key=lambda x: x.start)
    out = []
    for m in spans:
        s, e = m.start, m.end
        a, b = strip_name(text[s:e])
        s, e = s + a, s + b
        if e - s < 2 or not any(c.isalpha() for c in text[s:e]):
            continue
        if not text[s].isupper() and not text[s].isdigit():
            # "joint EU-African Union mission" style lower-case leads are trimmed to the first capital
            k = next((i for i in range(s, e) if text[i].isupper()), None)
            if k is None:
                continue
            s = k
            rest = doc.char_span(s, e)
            if rest is not None and len(rest) == 1 and rest[0].pos_ == "NOUN":
                continue  # "ministre de la Défense" -> "Défense": a portfolio, a capitalised common noun, no name
        for head in lex.heads:  # "Interfax news agency" -> "Interfax", an organisation (lower-case head only)
            if text[s:e].endswith(" " + head) and e - s > len(head) + 2:
                e -= len(head) + 1
                m.label = "lexicon-org"
                break
        if m.label == "person" and text[s:e].rsplit(" ", 1)[-1].lower() not in names.place_heads:  # an eponym keeps its title
            s, is_name = after_titles(text, s, e, names.titles)
            if not is_name:
                continue
            s = fused_word_start(text, s, e, names)  # "Coroner Dennis Miller" -> "Dennis Miller"
            s = inner_title_start(text, s, e, names.titles)  # "McMinn County Sheriff Steve Frisbie" -> "Steve Frisbie"
            s = first_name_before(text, s, names, DEFAULT_WINDOWS)  # "Member of Parliament Ravi [Anand X]"
        e = grow_place(text, s, e, gaz)
        m.start, m.end, m.text = s, e, text[s:e]
        if m.text.lower() in names.not_names or (m.text.isupper() and m.text.lower() in names.not_names):
            continue
        if len(name_words := m.text.split()) > 1 and name_words[-1].lower().replace(".", "") in names.currencies:
            continue  # (stop 37) "U.S. Dlr", "Aust Dlrs": a currency, no person or body
        for part in _split_possessor(m, gaz):
            out.extend(_split_hyphen(part, text))
    return join_nicknames(text, join_branches(text, join_campuses(text, cut_before_persons(out), gaz), gaz, words))


#: "Ukraine's Air Force": a possessor, "'s", and a capitalised name of its own
_POSSESSOR = re.compile(r"^([A-Z][\w.-]*(?: [A-Z][\w.-]*){0,2})['\u2019]s ([A-Z][\w.&'\u2019-]*(?: .+)?)$")


def _split_possessor(m: NameMention, gaz) -> list[NameMention]:
    """ "Ukraine's Air Force" -> "Ukraine" (a place mention) and "Air Force" (the name, with the span's label): a
    country's or region's possessive is no part of the name of what it owns, which the text may name
    again without it. Other possessors stay ("McDonald's Corporation")."""
    pm = _POSSESSOR.match(m.text)
    if not pm or m.label not in ("organisation", "place"):
        return [m]
    places = gaz.lookup(pm.group(1))
    if not places or places[0].kind not in ("country", "admin1"):
        return [m]
    owner = NameMention(m.start, m.start + len(pm.group(1)), pm.group(1), "place")
    start = m.start + pm.start(2)
    return [owner, NameMention(start, m.end, pm.group(2), m.label)]


#: a legislator's party letter before the place a bracket tag names ("Sen. X (D-Newport News)", "(R-Texas)")
_PARTY_LETTERS = frozenset({"D", "R", "I"})


def _split_hyphen(m: NameMention, text: str = "") -> list[NameMention]:
    """ "EU-African Union" -> "EU", "African Union" when the left part is a known short form or an acronym; a
    legislator's party-and-home tag in brackets ("(D-Newport News)") is no mention: the party letter and the home
    are a label of the person before it, no organisation's name (and a place mention taken from it took the
    organisation evidence of its head word, "News", into the dateline's city)."""
    if "-" not in m.text or m.label not in ("organisation", "lexicon-org", "place", "person"):
        return [m]
    left, _, right = m.text.partition("-")
    if left in _PARTY_LETTERS and right[:1].isupper() and text[m.start - 1 : m.start] == "(" \
            and text[m.end : m.end + 1] in (")", ","):
        return []
    if m.label == "person":
        return [m]
    if left and right and right[:1].isupper() and (left in common_aliases() or looks_like_acronym(left)):
        a = NameMention(m.start, m.start + len(left), left, "organisation")
        b = NameMention(m.start + len(left) + 1, m.end, right, m.label)
        return [a, b]
    return [m]

