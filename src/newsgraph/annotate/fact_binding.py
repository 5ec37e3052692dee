"""How the parse binds a fact's number (facts.py): the noun it counts and whether that noun names people.

Split from facts.py to keep it short: these read the Doc's parse (heads, dependencies, entity types), the regexes of
facts.py read only the text.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from newsgraph.annotate.lexicon import mapping, words

if TYPE_CHECKING:
    from newsgraph.annotate.facts import _Candidate

_DATA = "facts.tsv"


@lru_cache(maxsize=1)
def not_counted() -> frozenset[str]:
    """Nouns of data/facts.tsv [not_counted] (units of time or measure): a number counting one counts no people."""
    return words(_DATA, "not_counted")


def counted_noun(doc: Doc, span) -> Token | None:
    """The noun the number counts: its head when the parse says nummod, else the next noun after it in the text
    (past adjectives, other number words and hyphens: "two-year-old", "three long weeks")."""
    last = span[-1]
    if last.dep_ == "nummod":
        return last.head
    for t in doc[last.i + 1 : last.i + 4]:
        if t.pos_ in ("NOUN", "PROPN"):
            return t
        if t.pos_ in ("ADJ", "NUM", "PUNCT") and t.text not in (",", ";", "."):
            continue
        if t.lower_ in ("am", "pm", "a.m.", "p.m."):
            return t
        break
    return None


def parse_binding(doc: Doc, span, c: _Candidate) -> bool | None:
    """True when the parse binds the number to the keyword, False when the number labels a noun before it ("Local
    90"), None when the parse does not say (or the sentence is not parsed)."""
    num = span.root
    if not num.dep_:
        return None
    if num.dep_ == "nummod" and num.head.i < num.i:
        return False  # a number after its noun labels it ("Local 90", "Flight 370"), it counts nothing
    kw_span = doc.char_span(c.kw_start, c.kw_end, alignment_mode="expand")
    if kw_span is None:
        return None
    kw = [t for t in kw_span if t.i not in range(span.start, span.end) and t.pos_ in ("VERB", "NOUN", "ADJ", "PROPN")]
    if not kw:
        return None
    chain = {num.i}
    cur = num
    for _ in range(4):
        if cur.head is cur:
            break
        cur = cur.head
        chain.add(cur.i)
    near = {t.i for k in kw for t in [k, k.head, *k.children]}
    return bool(chain & near) or None


def known_people(tok: Token) -> bool:
    """The counted noun is a unit or keyword of data/facts.tsv, a nationality or a name ("Palestinians")."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    if low in words(_DATA, "unit") or lemma in words(_DATA, "unit") or low in mapping(_DATA, "keyword"):
        return True
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("NORP", "GPE")


def people_like(tok: Token) -> bool:
    """The counted noun names people: `known_people`, or an agent noun ("pilots", "passengers", "worshippers")."""
    lemma = tok.lemma_.lower()
    if known_people(tok):
        return True
    return len(lemma) > 4 and lemma.endswith(("er", "or", "ist", "ian", "ant", "ent", "ee", "eer"))
