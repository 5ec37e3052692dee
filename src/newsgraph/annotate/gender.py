"""Grammatical gender of pronouns and of person entities, so that a pronoun never resolves to an antecedent of the
other gender ("Mr. Lopez met Ana Ruiz. She said ..." -> Ana Ruiz, not the nearer subject Lopez).

Why evidence and not a guess: a person's gender is known here only from what the text or a data file says, and a
wrong gender would block the right antecedent. Evidence, strongest first: an honorific or a gendered role noun right
before a mention in this document ("Mrs. X", "spokeswoman X"), then a given name used for one gender only
(data/name_genders.tsv). Conflicting or no evidence gives None, which agrees with every pronoun. A pronoun's gender
is spaCy's morphology (Gender=Masc|Fem on he/she/him/her/his), none for "they" or "it".
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from newsgraph.annotate.doc_cache import doc_text
from newsgraph.annotate.lexicon import sections
from newsgraph.records import Entity

_DATA = "name_genders.tsv"
_MORPH = {"Masc": "m", "Fem": "f"}
#: How many characters before a mention an honorific or role noun may stand ("Mrs. ", "spokeswoman ").
_LOOKBACK = 16
_WORD = re.compile(r"([A-Za-z]+\.?)\s+$")


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, str], dict[str, str]]:
    """(title or role noun -> gender, given name -> gender)."""
    data = sections(_DATA)
    before = {row[0].lower(): row[1] for sec in ("honorific", "role") for row in data.get(sec, []) if len(row) > 1}
    names: dict[str, str] = {}
    for sec, g in (("female", "f"), ("male", "m")):
        for row in data.get(sec, []):
            for name in row[0].split():
                names[name] = "" if names.get(name, g) != g else g  # listed under both: no evidence
    return before, names


def pronoun_gender(tok: Token) -> str | None:
    """ "f", "m" or None (they, it, a pronoun without gender in its morphology)."""
    genders = tok.morph.get("Gender")
    return _MORPH.get(genders[0]) if genders else None


def title_gender(text: str, start: int) -> str | None:
    """ "f" or "m" when an honorific or a gendered role noun stands right before character `start` ("Mrs. X")."""
    before, _ = _lexicon()
    hit = _WORD.search(text[max(0, start - _LOOKBACK) : start])
    return before.get(hit.group(1).lower()) if hit else None


def given_name_gender(name: str) -> str | None:
    """ "f" or "m" for a full name whose first word is a given name used for one gender only, else None."""
    first = name.split()[0] if name.split() else ""
    return _lexicon()[1].get(first) or None


def entity_gender(doc: Doc, ent: Entity) -> str | None:
    """ "f", "m" or None for a person entity: the honorifics and role nouns before its mentions in `doc`, else its
    given name; None where the evidence disagrees or there is none."""
    before, names = _lexicon()
    text = doc_text(doc)
    seen = set()
    for m in ent.mentions:
        hit = _WORD.search(text[max(0, m.start - _LOOKBACK) : m.start])
        if hit and hit.group(1).lower() in before:
            seen.add(before[hit.group(1).lower()])
    if len(seen) == 1:
        return seen.pop()
    if seen:
        return None
    first = ent.name.split()[0] if ent.name.split() else ""
    return names.get(first) or None


def agrees(doc: Doc, pronoun: Token, ent: Entity) -> bool:
    """The pronoun may stand for the entity: no gender evidence on either side contradicts the other."""
    p = pronoun_gender(pronoun)
    if p is None or ent.type != "person":
        return True
    g = entity_gender(doc, ent)
    return g is None or g == p
