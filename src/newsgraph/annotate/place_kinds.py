"""What a description says a name is: the kind noun of an apposition, a copula, a naming verb or a gloss in brackets.

Travel writing, biographies and local news name buildings, squares and neighbourhoods under names the statistical
model reads as people ("Rockridge", "Hasht Behesht", "Kopinga Marae") because nothing in the name itself says what
it is. The text usually does, in the grammar around the name:
- an apposition: "Rockridge, a neighborhood mixed with ...";
- a copula: "Kopinga is the official meeting place of ...";
- a naming verb after the kind noun: "an Armenian quarter called Jolfa", "a village known as ...";
- a gloss in brackets: "Hasht Behesht (The Palace of Eight Paradises)".
`described_kinds` returns the head nouns of that description (the last noun of the noun phrase, or the first one before
its "of" complement), read off the tagger's parts of speech (the dependency parse runs only on quote and event
sentences: parse.py). Stage 2 of `newsgraph_entities` (entity_evidence.add_evidence) counts it as place evidence when
the names lexicon lists it as a kind of place (data/place_cues.tsv `kind`): a person or a body is described by other
nouns ("a neighbourhood activist", "a village council" end in a person's or a body's noun, not a place's).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

#: parts of speech that may stand inside a noun phrase before its head ("the official meeting place", "a newly
#: built palace", "a 17th-century mosque")
_MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "VBN", "VBG", "CD", "HYPH", "RB", "RBS",
                            "ORD"})
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_DETERMINERS = frozenset({"a", "an", "the", "one", "another", "this"})
#: words after which a noun phrase names the name ("a quarter called X", "the village known as X")
_NAMING = frozenset({"called", "named", "dubbed", "nicknamed"})
#: at most this many words between the determiner and the head of a description
MAX_PHRASE = 6


def described_kinds(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    """The lower-case head nouns of the descriptions of the name at characters [start, end) (after it, before it)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return ()
    return tuple(k for k in (_after(doc, span.end), _before(doc, span.start)) if k)


def _after(doc: Doc, j: int) -> str | None:
    """An apposition, a copula or a bracketed gloss right after the name (token index `j`)."""
    if j >= len(doc):
        return None
    t = doc[j]
    bracket = t.text in ("(", "[")
    if not (bracket or t.text == "," or (t.lemma_ == "be" and t.tag_ in ("VBZ", "VBD"))):
        return None
    k = j + 1
    if k < len(doc) and doc[k].lower_ in _DETERMINERS:
        k += 1
    elif not bracket:
        return None  # "X, Oakland", "X is home to": no description of what X is
    return _head(doc, k, capitalised=bracket)


def _head(doc: Doc, k: int, capitalised: bool) -> str | None:
    """The head noun of the noun phrase starting at token `k`: the first noun before an "of" complement or the last
    noun of the run of modifiers. A capitalised head counts only inside a gloss in brackets ("(The Royal Palace)")."""
    head = None
    for t in doc[k : min(len(doc), k + MAX_PHRASE + 1)]:
        if t.tag_ == "POS":
            return None  # "X, the city's mayor": the noun so far owns the head that follows
        if t.tag_ not in _MODIFIER_TAGS:
            break
        if t.tag_ in _NOUN_TAGS:
            head = t
    if head is None or (head.tag_ in ("NNP", "NNPS") and not capitalised):
        return None
    if not capitalised and not head.text.islower():
        return None
    return head.lower_


def _before(doc: Doc, i: int) -> str | None:
    """A kind noun naming the name with a naming verb right before it ("an Armenian quarter called X")."""
    k = i - 1
    if k >= 1 and doc[k].lower_ == "as" and doc[k - 1].lower_ == "known":
        k -= 2
    elif k >= 1 and doc[k].lower_ in _NAMING and doc[k].tag_ == "VBN":  # "a town called X", not "the city called X"
        k -= 1
    else:
        return None
    if k >= 0 and doc[k].text == ",":
        k -= 1
    noun: Token | None = doc[k] if k >= 0 else None
    if noun is None or noun.tag_ not in _NOUN_TAGS:
        return None
    # an indefinite noun phrase introduces the name ("an Armenian quarter called X"); "the city called X a hero"
    # is a verb with its subject
    j = noun.i
    while j > 0 and noun.i - j < MAX_PHRASE and doc[j - 1].tag_ in _MODIFIER_TAGS:
        j -= 1
    if j == 0 or doc[j - 1].lower_ not in ("a", "an"):
        return None
    return noun.lower_


def district_of(m_text: str, places_named: set[str], directions: frozenset[str]) -> bool:
    """A two-word name made of a direction and a place the article names on its own ("North Oakland" and "Old
    Oakland" in a guide to Oakland): a district of that place. `places_named`: the texts of the article's mentions
    that the gazetteer reads as a settlement or region. A name whose second word the article never writes alone as a
    place ("Northern Rock", "Central Bank", "West Ham") is left as it is."""
    words = m_text.split()
    return len(words) == 2 and words[0].lower() in directions and words[1] in places_named
