"""Where the text uses a name the model typed as a person as a thing or a place: what it does with the name.

A person is someone who acts, speaks and is spoken of; a currency is paid in, mined and traded; an airport is flown
from, landed at and has a code; a movement of many people takes a plural verb. The statistical model types each of
"Bitcoin", "London Heathrow", "New York" and "Yellow Vests" as a person now and then, from the shape of the name.
The uses below read the text around each mention (kinds of use, the words in data/thing_cues.tsv's spirit kept here
as closed-class patterns: prepositions, a few verbs of travel and payment), never a list of names:
- travel: the name is where someone flies, travels or lands ("had flown to X", "flights from X", "landed at X");
- payment: the name is what something is paid, priced or mined in ("a payment in X", "worth of X", "mined X");
- residence: the name is where someone named just before lives ("Mr Wiles, from X, said", "Ann Lee, of X, Ohio");
- code: the name is followed by a code in brackets that is not its initials ("X (LHR)", a place's or a ticker's);
- dateline: the name opens a paragraph in capitals before a dash or a comma ("FLUSHING MEADOWS — ..."), the place a
  report was filed from;
- plural: the name is the subject of a plural verb on its own ("X are calling for ...", "X were"), not one person
  (two people joined by "and" are left alone);
- owned: the name stands right after a person's possessive ("Kai Brenner's Aero Falcon", "Dana's Ford Mustang"):
  a thing the person owns (a person so named takes a word between: "Brenner's son Tom");
- kind: the words next to the name say what kind of thing it names: a breed, a disease, a dish, a deity, an island
  ("a Ned Fallow dog", "X, a river goddess", "infected with X": person_kinds.py).
entity_features.py counts the mentions so used; confidence.py lowers the topic score of a person most of whose
mentions are so used and whom nothing else types as a person (no title, role or other person cue).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsgraph.annotate.person_kinds import kind_use

#: verbs and nouns of travel whose "to/from/at/in/into" object is a place ("had flown to X", "flights from X")
_TRAVEL = re.compile(
    r"\b(?:fl(?:y|ies|ying|ew|own)|flights?|travel(?:s|led|ed|ling|ing)?|land(?:s|ed|ing)?|depart(?:s|ed|ing)?|"
    r"arriv(?:e|es|ed|ing)|route[sd]?|nonstop|non-stop|connect(?:ing|ion)|layover)"
    r"(?:\s+(?:out|back|in|home|direct|directly|straight|on))?\s+(?:to|from|at|in|into|via|out of)\s+(?:the\s+)?$", re.I)
#: what something is paid, priced, valued or mined in ("a payment in X", "worth of X", "mined X")
_PAYMENT = re.compile(
    r"\b(?:(?:payments?|paid|pay|pays|paying|ransom|denominated|priced|valued|donations?|fees?|prices?)\s+in|"
    r"worth\s+of|mined|mining)\s+$", re.I)
#: a residence given in an apposition after a name: "Mr Wiles, from X, said", "Joseph Vergnetti, of X, Ohio" (a
#: capitalised word, a comma, "of" or "from"), with a comma or a sentence end right after the place
_RESIDENCE_BEFORE = re.compile(r"(?<![\w.])[A-Z][\w.'\u2019-]*,\s+(?:of|from)\s+$")
_RESIDENCE_AFTER = re.compile(r"^\s*[,.;]")
#: a code in brackets right after the name ("(LHR)", "(BTC)")
_CODE_AFTER = re.compile(r"^\s*\(([A-Z]{2,5})\)")
#: after a dateline's capitals: a dash, or a comma and more capitals ("LONDON —", "PARIS, France (AP) —")
_DATELINE_AFTER = re.compile(r"^\s*(?:[\u2014\u2013-]|,\s+[A-Z])")
#: verbs a plural subject takes: present tense not third person singular, "were"
_PLURAL_TAGS = ("VBP",)
_PLURAL_AUX = frozenset({"are", "were", "have", "do"})


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z]+", name)).upper()


def thing_use(doc: Doc | None, text: str, start: int, end: int) -> str | None:
    """How the text uses the name at [start, end) as a thing or a place, or None (see the module docstring)."""
    before = text[max(0, start - 60) : start]
    if _TRAVEL.search(before):
        return "travel"
    if _PAYMENT.search(before):
        return "payment"
    if _RESIDENCE_BEFORE.search(before) and _RESIDENCE_AFTER.match(text[end : end + 3]):
        return "residence"
    code = _CODE_AFTER.match(text[end : end + 12])
    if code and code.group(1) != _initials(text[start:end]):
        return "code"
    name = text[start:end]
    line_start = not text[text.rfind("\n", 0, start) + 1 : start].strip()
    if line_start and name.isupper() and len(name) > 3 and _DATELINE_AFTER.match(text[end : end + 4]):
        return "dateline"
    if doc is not None and _plural_subject(doc, start, end):
        return "plural"
    if doc is not None and _owned(doc, start, end):
        return "owned"
    return kind_use(doc, text, start, end)  # "a Ned Fallow dog", "X, a river goddess": person_kinds.py


def _owned(doc: Doc, start: int, end: int) -> bool:
    """The name stands right after a possessive "'s" whose owner the model labels a person ("Kai Brenner's X")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.start < 2:
        return False
    mark, owner = doc[span.start - 1], doc[span.start - 2]
    return mark.tag_ == "POS" and owner.ent_type_ == "PERSON"


def _plural_subject(doc: Doc, start: int, end: int) -> bool:
    """The name is the subject of a plural verb on its own ("X are calling", "X were"): many, not one person."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not span.text.endswith("s"):
        return False
    root = span.root
    if root.dep_ not in ("nsubj", "nsubjpass") or any(t.dep_ == "conj" for t in root.children) or root.dep_ == "conj":
        return False
    head = root.head
    if head.tag_ in _PLURAL_TAGS or head.lower_ in _PLURAL_AUX:
        return True
    return any(t.dep_ in ("aux", "auxpass") and t.lower_ in _PLURAL_AUX for t in head.children)


__all__ = ["thing_use"]
