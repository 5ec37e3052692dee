"""Whether a fact's number counts PEOPLE: positive evidence from the counted noun, not a ban list of other nouns.

Every kind of fact (killed, injured, displaced, detained, protesters) counts people. Stop 26 lowered a count only
when its noun was on a list of animals or things, and the next unseen draw counted owls and turkeys that no list
named: a list of what is NOT a person never covers the next story's nouns. So the test is turned around (precision
first): a count is shown only when something says its noun names people:

- the noun is a person or group noun (data/facts.tsv [unit], [people], a keyword noun such as "refugees" or
  "deaths"), or is built like one (an agent ending: "-er", "-or", "-ist", "-ian", "-ant", "-ent", "-ee"; a
  compound's: "townspeople", "firemen", "kinsfolk");
- the NER types it PERSON or NORP, or it is a plural proper noun ("Palestinians");
- a "who" relative clause hangs on it ("12 climbers who ...");
- the number stands alone ("killed 12", "12 were killed", "a further 1,600 have died"): then the noun it elides is
  the one the text counted last (the nearest number-and-noun before it, in its sentence or the one before, not
  a definite one: "the two countries" names a known set, it counts nothing) and must itself be a person noun by
  the tests above; with no such earlier count at all the keyword's people reading stands ("killed 12").

A count with thing or animal evidence, or with a noun that says nothing of people, is kept below display by
facts.py (NO_PERSON_CAP), not deleted: the API keeps it with its confidence.
"""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Doc, Span, Token

from newsgraph.annotate.lexicon import mapping, words

_DATA = "facts.tsv"
Evidence = Literal["person", "thing", "none"]

#: Agent-noun endings: nouns that name a doer ("climbers", "vendors", "tourists", "civilians", "migrants",
#: "residents", "detainees"); morphology carries to the next story's nouns where a list would not.
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "eer", "ee")
#: ... less the common nouns that end so and name things (data/facts.tsv [not_agents]) and any lemma in "-ment".
#: Endings of compound person nouns ("townspeople", "firemen", "policewomen", "kinsfolk", "astronauts").
_PERSON_COMPOUND_ENDINGS = ("people", "person", "persons", "man", "men", "woman", "women", "folk", "folks", "naut", "nauts")
#: Words before an earlier number that make it a reference to a known set, not a count ("the two countries",
#: "its three neighbours"): it is no antecedent of a lone number.
_DEFINITE = ("the", "these", "those", "its", "their", "his", "her", "our", "both", "all")
#: How many sentences back (the count's own one included) an elided noun's antecedent is looked for.
ANTECEDENT_SENTENCES = 2
#: Relative pronouns whose clause makes the noun they follow a person ("12 climbers who were caught").
_WHO = ("who", "whom", "whose")


def _in(tok: Token, vocab: frozenset[str] | object) -> bool:
    return tok.lower_ in vocab or tok.lemma_.lower() in vocab  # type: ignore[operator]


def is_animal_or_thing(tok: Token) -> bool:
    """The noun is of data/facts.tsv [animals] or [things] (singular lemma or plural form)."""
    return tok.pos_ in ("NOUN", "PROPN") and (_in(tok, words(_DATA, "animals")) or _in(tok, words(_DATA, "things")))


def agentive(tok: Token) -> bool:
    """The noun ends like an agent noun and is none of [not_agents] ("numbers", "documents", "containers")."""
    lemma = tok.lemma_.lower()
    if len(lemma) <= 4 or not lemma.endswith(_AGENT_ENDINGS):
        return False
    return not (_in(tok, words(_DATA, "not_agents")) or lemma.endswith("ment"))


def person_noun(tok: Token) -> bool:
    """Positive evidence that the noun names people (the module docstring's list, less the lone number)."""
    if is_animal_or_thing(tok):
        return False
    if _in(tok, words(_DATA, "unit")) or _in(tok, words(_DATA, "people")) or tok.lower_ in mapping(_DATA, "keyword"):
        return True
    if tok.ent_type_ in ("PERSON", "NORP") or tok.tag_ == "NNPS":
        return True
    if tok.pos_ == "NOUN" and (agentive(tok) or tok.lower_.endswith(_PERSON_COMPOUND_ENDINGS)):
        return True
    return any(c.dep_ == "relcl" and any(g.lower_ in _WHO for g in c.children) for c in tok.children)


def noun_evidence(tok: Token) -> Evidence:
    """What the counted noun says: people, an animal or a thing, or nothing."""
    if is_animal_or_thing(tok):
        return "thing"
    return "person" if person_noun(tok) else "none"


def _numbered_noun(doc: Doc, tok: Token) -> Token | None:
    """The noun a number token counts: its head when the parse says nummod, else the next noun within three
    tokens (past adjectives: "300 dead turkeys")."""
    if tok.dep_ == "nummod" and tok.head.i > tok.i:
        return tok.head
    for t in doc[tok.i + 1 : tok.i + 4]:
        if t.pos_ in ("NOUN", "PROPN"):
            return t
        if t.pos_ not in ("ADJ", "NUM", "ADV") and t.text != "-":
            return None
    return None


def _run_head(doc: Doc, noun: Token) -> Token:
    """In a sentence the parser did not reach, the last noun of the run of nouns starting at `noun` heads it ("40
    school children" counts children, not schools); a parsed noun is its own head."""
    if noun.dep_:
        return noun
    while noun.i + 1 < len(doc) and doc[noun.i + 1].pos_ == "NOUN" and doc[noun.i + 1].sent == noun.sent:
        noun = doc[noun.i + 1]
    return noun


def antecedent(doc: Doc, num: Span) -> Token | None:
    """The noun a lone number elides: the nearest earlier number-and-noun pair ("300 turkeys ... and a further
    1,600 have died"), in the number's sentence or the ANTECEDENT_SENTENCES - 1 before it."""
    sent = num[0].sent
    start = sent.start
    for _ in range(ANTECEDENT_SENTENCES - 1):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    for i in range(num.start - 1, start - 1, -1):
        t = doc[i]
        if not (t.like_num or t.pos_ == "NUM") or t.ent_type_ in ("DATE", "TIME", "PERCENT", "MONEY", "ORDINAL", "QUANTITY"):
            continue
        if t.i > 0 and doc[t.i - 1].lower_ in _DEFINITE:
            continue
        noun = _numbered_noun(doc, t)
        noun = _run_head(doc, noun) if noun is not None else None
        if noun is not None and noun.i < num.start and not (noun.lower_ in mapping(_DATA, "keyword") and not person_noun(noun)):
            return noun
    return None


def count_evidence(doc: Doc, num: Span, counted: Token | None, of_noun: Token | None) -> Evidence:
    """What says the number at `num` counts people: the counted noun (or the noun after a vague count's "of"),
    else, for a lone number, the noun it elides (an animal, a thing or a noun that says nothing of people: no
    count of people); a lone number with no antecedent reads as people (its keyword is a person-count verb or
    adjective: "killed 12", "12 were killed", "6,000 have fled")."""
    noun = counted if counted is not None else of_noun
    if noun is not None:
        return noun_evidence(_run_head(doc, noun))
    ante = antecedent(doc, num)
    if ante is None:
        return "person"
    return noun_evidence(ante)


__all__ = ["antecedent", "count_evidence", "is_animal_or_thing", "noun_evidence", "person_noun"]
