"""Stage 1 of `newsgraph_entities`: candidate mentions.

The model's spans, plus organisation names from the data lexicon (EntityRuler-like), plus country names and
datelines the model missed (gazetteer); spans are cleaned (no "the", possessive, trailing score) and split at list
separators. Where a span grows past the model's cut or joins the mention after it is mention_growth.py; which words
of a model span are no name (function words at its edges, common words capitalised for their place) mention_words.py.
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
    named_after,
    place_named_after,
)
from newsgraph.annotate.mention_words import common_word, institution, label_in_capitals, not_name_word
from newsgraph.annotate.name_extent import complement_after
from newsgraph.annotate.name_text import looks_like_acronym, strip_name
from newsgraph.annotate.names import NamesLexicon
from newsgraph.annotate.person_roles import (
    cut_before_persons,
    first_name_before,
    fused_word_start,
    inner_title_start,
    name_forming,
    named_in_full,
)
from newsgraph.annotate.second_opinion import LABEL as SECOND
from newsgraph.annotate.second_opinion import proper_runs

#: Model labels -> mention labels; PER (UD-style models: French, Spanish, German...) is a person too.
_LABELS = {"PERSON": "person", "PER": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place",
           "NORP": "norp"}
_SPLIT = re.compile(r"\s*\n\s*|\s+-\s+|\s+,\s+|;\s+|\s+\d{1,3}\s+|\s+(?:at|AT|vs?\.?|VS?\.?)\s+|\s+\(\s*")
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
    for ent in _joined_persons(doc):
        label = _LABELS.get(ent.label_)
        if not label or ent.start_char < grown_to:
            continue
        toks = list(ent)
        while toks and not_name_word(toks[0], words):  # "Later Brenning" -> "Brenning"
            toks.pop(0)
        while toks and not_name_word(toks[-1], words):  # "Nyssen n’" -> "Nyssen"
            toks.pop()
        if label == "person":
            toks = _after_label(toks, words, names)
        if toks and label in ("person", "place") and len(_coordinated(toks)) == 1:
            longer = place_named_after(toks, names.place_heads)
            if longer is not toks:
                toks, label = longer, "place"
                grown_to = toks[-1].idx + len(toks[-1].text)
        if toks and toks[-1].lower_ in names.place_heads:
            toks = _eponym_title(doc, toks, names.titles)
        if toks and names.portfolio_re is not None:
            toks, label = _after_portfolio(text, toks, label, names.portfolio_re)
        if toks and _held_portfolio(text, toks, names, words, gaz):
            continue
        if not toks or common_word(toks, label, words, gaz, names.given_names) or label_in_capitals(toks, words, gaz) \
                or any(_GLUED.search(t.text) or _GLUED_INITIAL.search(t.text) for t in toks):
            continue
        if institution(toks, label):
            label = "organisation"
        parts = _coordinated(toks)
        if label == "organisation" and len(parts) == 1:
            parts[-1] = complement_after(complement_goes_on(parts[-1]), names, gaz)
            if words is not None:
                parts[-1] = _adjectives_after(parts[-1], words)
            grown_to = parts[-1][-1].idx + len(parts[-1][-1].text)
        if label == "person" and len(parts) == 1:
            longer = named_after(parts[-1], names)
            if longer is not parts[-1]:
                parts[-1], label = longer, "organisation"
        for part in parts:
            for s, e in _split(text, *compound(text, part[0].idx, part[-1].idx + len(part[-1].text))):
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
            s, is_name = _after_titles(text, s, e, names.titles)
            if not is_name:
                continue
            s = fused_word_start(text, s, e, names)  # "Coroner Dennis Miller" -> "Dennis Miller"
            s = inner_title_start(text, s, e, names.titles)  # "McMinn County Sheriff Steve Frisbie" -> "Steve Frisbie"
            s = first_name_before(text, s, names, DEFAULT_WINDOWS)  # "Member of Parliament Ravi [Anand X]"
        e = grow_place(text, s, e, gaz)
        m.start, m.end, m.text = s, e, text[s:e]
        if m.text.lower() in names.not_names or (m.text.isupper() and m.text.lower() in names.not_names):
            continue
        for part in _split_possessor(m, gaz):
            out.extend(_split_hyphen(part))
    return join_branches(text, join_campuses(text, cut_before_persons(out), gaz), gaz, words)




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





def _coordinated(toks: list) -> list[list]:
    """A model span cut at a conjunction followed by an article ("l’Assemblée et le Sénat", "the Senate and the
    House"): two names coordinated, not one. A conjunction inside a name takes no article after it ("Bosnia and
    Herzegovina", "Trinité-et-Tobago"). Parts left without a word are dropped."""
    out, cur = [], []
    for k, tok in enumerate(toks):
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if tok.pos_ == "CCONJ" and nxt is not None and nxt.pos_ == "DET" and nxt.text[:1].islower():
            out.append(cur)
            cur = []
        elif cur or tok.pos_ != "DET" or not out:  # the article after the conjunction is not part of the name
            cur.append(tok)
    out.append(cur)
    return [p for p in out if p and any(ch.isalpha() for t in p for ch in t.text)]


def _after_portfolio(text: str, toks: list, label: str, portfolio) -> tuple[list, str]:
    """A span right after a title and its linking word ("ministre de l'Intérieur", "ministre des Sports Laura
    Flessel": the names lexicon's [portfolios]) opens with the portfolio, a common noun capitalised by convention:
    no name. What follows it, a run of two proper nouns or more, is the holder's name, a person; with no such run
    the span names nothing (no tokens)."""
    lo = max(0, toks[0].idx - 40)
    # the title may lie before the span or open it ("ministre de la Santé Roman Prymula" tagged as one ORG)
    j = next((j for j in range(min(len(toks), 5))
              if portfolio.search(text[lo : toks[j].idx].replace("\u2019", "'"))), None)
    if j is None:
        return toks, label
    for k in range(j + 1, len(toks) - 1):
        if toks[k - 1].pos_ != "PROPN" and all(t.pos_ == "PROPN" for t in toks[k:]):
            return toks[k:], "person"
    return [], label



def _eponym_title(doc: Doc, toks: list, titles: frozenset[str]) -> list:
    """A landmark named after a titled person ("Sheikh Lotfollah Mosque", "King Khalid Airport"): the model often
    leaves the title out of the span ("Sheikh [Lotfollah Mosque]"), yet it is part of the place's name, so a
    capitalised title (one or two words) right before a span that ends in a place head joins it."""
    i = toks[0].i
    for n in (2, 1):
        before = doc[max(0, i - n) : i]
        if len(before) == n and all(t.text[:1].isupper() and not t.is_sent_start for t in before) \
                and " ".join(t.lower_ for t in before).rstrip(".") in titles:
            return [*before, *toks]
    return toks


def _after_label(toks: list, words: CommonWords | None, names: NamesLexicon) -> list:
    """A person span that opens with a common word of the language and a preposition ("Entree de T. Kadewere",
    "Sortie de M. Cornet" on a match sheet): the word and the preposition label the event, the name follows. A
    given name keeps its particle ("Pierre de Coubertin", "Marielle de Sarnez")."""
    if words is None or len(toks) < 3 or toks[1].pos_ != "ADP" or not toks[1].text[:1].islower():
        return toks
    first = toks[0].text
    if not words.known(first) or names.is_given_name(first) or not any(t.text[:1].isupper() for t in toks[2:]):
        return toks
    return toks[2:]


#: linking words of a bare noun complement inside a French name ("Association des constructeurs européens
#: d'automobiles", "Chambre de commerce")
_BARE_LINKS = ("de", "d'", "d\u2019")


def _adjectives_after(toks: list, words: CommonWords) -> list:
    """An organisation span grown over the lower-case adjectives the model cut off on its right, and a bare noun
    complement after them ("Conseil [constitutionnel]", "Association des constructeurs [européens d'automobiles]"):
    in languages that capitalise only a name's first word (the pipelines with a dictionary of common words), an
    institution's name goes on in lower case. The span must end in a common noun of the dictionary, not an acronym
    or a proper noun ("l'ONU seule" stays "ONU", "la Bourse de Tokyo termine" stays whole); a verb form is no
    adjective of the name ("le Conseil réuni")."""
    doc = toks[0].doc
    last = toks[-1]
    if last.pos_ != "NOUN" or last.text.isupper() or not toks[0].text[:1].isupper() or not words.known(last.text):
        return toks
    j = last.i + 1
    while j < len(doc) and doc[j].pos_ == "ADJ" and doc[j].text[:1].islower() and doc[j - 1].whitespace_ \
            and not words.verb_form(doc[j].text):
        j += 1
    if j > last.i + 1 and j + 1 < len(doc) and doc[j].lower_ in _BARE_LINKS and doc[j + 1].pos_ == "NOUN" \
            and doc[j + 1].text[:1].islower():
        j += 2  # "d'automobiles": a bare noun (no article) completes the name; "de la France" does not
    return toks + list(doc[last.i + 1 : j])


#: the model's person labels (English PERSON, French PER)
_PERSON_LABELS = ("PERSON", "PER")


def _held_portfolio(text: str, toks: list, names: NamesLexicon, words: CommonWords | None, gaz) -> bool:
    """A span after a person's name and a holder's linking word ("François Bayrou à la Justice, Sylvie Goulard
    aux Armées": the names lexicon's [portfolios] holder_link rows) that opens with a common word of the language
    is the portfolio the person holds, no name. A country or region there stays a place ("Macron aux Etats-Unis")."""
    pattern = names.holder_link_re
    if pattern is None or words is None or not words.known(toks[0].text):
        return False
    lo = max(0, toks[0].idx - 12)
    m = pattern.search(text[lo : toks[0].idx].replace("\u2019", "'"))
    if m is None:
        return False
    name = text[toks[0].idx : toks[-1].idx + len(toks[-1].text)]
    if any(p.kind in ("country", "admin1", "continent") for p in gaz.lookup(name)[:1]):
        return False
    doc = toks[0].doc
    j = toks[0].i - 1
    while j >= 0 and doc[j].idx >= lo + m.start() + (1 if text[lo + m.start()].isspace() else 0):
        j -= 1  # back over the linking words to the word before them
    return j >= 0 and doc[j].ent_type_ in _PERSON_LABELS


def _joined_persons(doc: Doc) -> list:
    """The model's spans, with two person spans that only a space parts joined into one ("Sylvie" + "Goulard" ->
    "Sylvie Goulard"): the model cut one name in two, a list of people would hold a comma or "and" between."""
    out: list = []
    for ent in doc.ents:
        prev = out[-1] if out else None
        if prev is not None and _LABELS.get(prev.label_) == "person" == _LABELS.get(ent.label_) \
                and ent.start == prev.end and prev[-1].whitespace_ == " " and prev[-1].text[:1].isupper():
            out[-1] = doc[prev.start : ent.end]
            out[-1].label_ = prev.label_
            continue
        out.append(ent)
    return out


def _after_titles(text: str, s: int, e: int, titles: frozenset[str]) -> tuple[int, bool]:
    """(start, is a name) of a person span without its leading titles and honorifics ("Tan Sri Muhyiddin Yassin"
    -> "Muhyiddin Yassin"; the title stays before the name as evidence). Titles are cut only when two words or more
    remain ("King Edward" stays whole), or one that the text also gives with a first name (person_roles.named_in_full);
    a span of titles alone ("Datuk Seri") is no name."""
    words = list(re.finditer(r"\S+", text[s:e]))
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            if i + n <= len(words) and " ".join(w.group() for w in words[i : i + n]).lower() in titles:
                i += n
                break
        else:
            break
    if i == len(words):
        return s, False
    if i and len(words) - i >= 2 and words[i].group()[:1].isupper():  # "King of Athens" is not cut to "of Athens"
        return s + words[i].start(), True
    if i and len(words) - i == 1 and words[i].group()[:1].isupper() and named_in_full(text, words[i].group(), titles) \
            and not name_forming(" ".join(w.group() for w in words[:i])):
        return s + words[i].start(), True  # "Representative Hoffman" beside "Jay Hoffman": the surname joins him
    return s, True


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


def _split_hyphen(m: NameMention) -> list[NameMention]:
    """ "EU-African Union" -> "EU", "African Union" when the left part is a known short form or an acronym."""
    if "-" not in m.text or m.label not in ("organisation", "lexicon-org", "place"):
        return [m]
    left, _, right = m.text.partition("-")
    if left and right and right[:1].isupper() and (left in common_aliases() or looks_like_acronym(left)):
        a = NameMention(m.start, m.start + len(left), left, "organisation")
        b = NameMention(m.start + len(left) + 1, m.end, right, m.label)
        return [a, b]
    return [m]

