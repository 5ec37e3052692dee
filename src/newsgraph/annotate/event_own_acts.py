"""Self-directed acts, proposals, opinions and blamed conditions: verbs of a PLOVER type with no act between actors.

Why (stop 41, from the judged-wrong shown events of the Reuters draws s69..s100): PLOVER codes what one actor does to
another. Four readings of the verbs of SUPPORT, AGREE and ACCUSE report no such act:

- a body backing its own measure ("the parliament approved a trade ban against X", "the spokesman defended the new
  sanctions against X", "the manager defended his firm's pricing"): the act is the measure, not support of anyone;
  backing another's measure ("backed X's sanctions") names the one backed and stays;
- a proposal ("lawmakers proposed (that) X's share be limited", "the measure, offered by Senator Y", "offered an
  amendment"): a policy put forward (the conventions' V2), nothing agreed with anyone; "offered to mediate" stays;
- agreement in opinion ("agreed with the government on having one consortium", "agreed on the need for"): a view
  shared, no deal; "agreed on a ceasefire" stays;
- an order of a change in an amount with no one addressed ("ordered an increase in allowances for its staff"): an
  employer's or a government's own decision, no REQUEST; "ordered the army to withdraw" stays;
- a participle right after a preposition ("publicity about alleged acceleration"): it describes the noun it
  precedes, no act (the parser reads it as a clause when the wire capitalises the preposition);
- blame laid on a condition ("blamed the decline on the dollar's fall", "factors commonly blamed for the deficit"):
  a cause named, no actor accused; "blamed the decline on the rebels" stays.

Which verbs and nouns count is data (data/plover.tsv [own_measure_verb], [own_measure], [proposing],
[proposal_object], [opinion_object], [ordering], [ordered_change]); who is an actor comes from the caller's typed evidence (`actor`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from spacy.tokens import Token

from newsgraph.annotate.lexicon import words

LEXICON = "plover.tsv"
#: Arguments that carry what a verb acts on: its object or, in the passive, its subject
_PATIENT_DEPS = ("dobj", "obj", "nsubjpass")
#: Light verbs whose gerund after "on" states a view ("agreed on having one consortium", "on being patient")
_STATE_VERBS = ("have", "be")


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    return {name: words(LEXICON, name) for name in ("own_measure_verb", "own_measure", "proposing", "proposal_object",
                                                     "opinion_object", "blame_on", "ordering", "ordered_change")}


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _patients(verb: Token) -> list[Token]:
    """The verb's object or passive subject, or the noun a participle describes ("the measure, offered by X")."""
    found = [c for c in verb.children if c.dep_ in _PATIENT_DEPS]
    if not found and verb.dep_ in ("acl", "relcl") and verb.head.pos_ == "NOUN":
        found = [verb.head]
    return found


def _owned_by_other(noun: Token) -> bool:
    """The measure names an owner that is not the subject's own: a possessor that is a name or a noun ("X's sanctions",
    "the union's plan"), unless a pronoun possessor ("its", "his") or a noun owned by a pronoun ("his firm's")."""
    for c in noun.children:
        if c.dep_ != "poss":
            continue
        if c.pos_ == "PRON" or any(g.dep_ == "poss" and g.pos_ == "PRON" for g in c.children):
            continue
        return True
    return False


def own_measure(verb: Token, type_: str) -> bool:
    """A verb of backing ([own_measure_verb]: "approved", "defended") whose object is a measure ([own_measure]: a
    ban, sanctions, a shipment, pricing) that names no other owner: the source's own act, no SUPPORT."""
    w = _words()
    if type_ != "SUPPORT" or _lemma(verb) not in w["own_measure_verb"]:
        return False
    patients = _patients(verb)
    return bool(patients) and all(_lemma(p) in w["own_measure"] or p.lower_ in w["own_measure"] for p in patients) \
        and not any(_owned_by_other(p) for p in patients)


def proposal(verb: Token, type_: str) -> bool:
    """A verb of proposing ([proposing]) that puts forward a policy: a clause ("proposed (that) X's share be
    limited"), an object that is a text or a policy ([proposal_object]: a plan, an amendment, a measure), or no
    object at all ("would propose"). "offered to mediate", "offered talks", "proposed a ceasefire" stay AGREE."""
    if type_ != "AGREE" or _lemma(verb) not in _words()["proposing"]:
        return False
    if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return not any(c.dep_ == "xcomp" for c in verb.children)  # "offered to mediate": an intent to cooperate
    patients = _patients(verb)
    if not patients:
        return _lemma(verb) == "propose"
    return all(_lemma(p) in _words()["proposal_object"] for p in patients)


def opinion_prep(prep: Token) -> bool:
    """The "on" of a verb of commitment names a view, not what is agreed to: a noun of opinion ([opinion_object]:
    "agreed on the need for reform") or the gerund of a light verb ("agreed with X on having one consortium")."""
    if prep.lower_ != "on":
        return False
    objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    return bool(objects) and all(_lemma(o) in _words()["opinion_object"]
                                 or o.dep_ == "pcomp" and o.tag_ == "VBG" and _lemma(o) in _STATE_VERBS for o in objects)


def blamed_condition(verb: Token, type_: str, actor: Callable[[Token], bool]) -> bool:
    """Blame laid on no actor ([blame_on] verbs): "blamed X on Y" where Y and its possessor are no actor ("on the
    dollar's fall"), or a passive with no agent whose subject is no actor ("factors blamed for the deficit")."""
    if type_ != "ACCUSE" or _lemma(verb) not in _words()["blame_on"]:
        return False
    # the "on" of the verb, or of its object where the parser hangs it there ("blamed the decline on X"), and the
    # "on"s coordinated with it ("on currency factors and on negative publicity")
    holders = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    preps = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "on"]
    preps += [c for p in preps for c in p.children if c.dep_ == "conj" and c.lower_ == "on"]
    ons = [o for c in preps for o in c.children if o.dep_ == "pobj"]
    ons += [c for o in ons for c in o.children if c.dep_ == "conj"]
    if ons:
        # the condition's owner is accused ("on the government's policy", "on the reluctance of governments to pay")
        owners = [g for o in ons for g in o.children if g.dep_ in ("poss", "compound")]
        owners += [x for o in ons for g in o.children if g.dep_ == "prep" and g.lower_ == "of" for x in g.children if x.dep_ == "pobj"]
        return not any(actor(o) for o in ons + owners) \
            and not any(actor(p) for p in verb.children if p.dep_ in ("dobj", "obj"))
    passive = any(c.dep_ == "auxpass" for c in verb.children) or verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN"
    if not passive or any(c.dep_ == "agent" for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass" and c.tag_ not in ("WDT", "WP")] or (
        [verb.head] if verb.dep_ in ("acl", "relcl") else [])  # "factors which have been blamed": the factors
    return bool(subjects) and all(s.pos_ == "NOUN" and not actor(s) for s in subjects)


def ordered_change(verb: Token, type_: str, actor: Callable[[Token], bool]) -> bool:
    """A verb of ordering ([ordering]) whose object is a change in an amount ([ordered_change]: "ordered an increase
    in allowances", "ordered a cut in output") and that names no one to act (no dative, no infinitive, no clause, no
    actor as object): the source's own decision, no REQUEST."""
    w = _words()
    if type_ != "REQUEST" or _lemma(verb) not in w["ordering"]:
        return False
    if any(c.dep_ in ("dative", "xcomp", "ccomp") for c in verb.children):
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    return bool(objects) and all(_lemma(o) in w["ordered_change"] and not actor(o) for o in objects)


#: Prepositions whose object a participle right after them describes ("about alleged abuses", "over reported raids")
_PARTICIPLE_PREPS = ("about", "of", "over", "for", "on", "against", "into", "with", "by", "from")


def participle_after_preposition(verb: Token) -> bool:
    """A past participle right after a preposition, with no subject or auxiliary of its own ("negative publicity
    About alleged 'sudden acceleration'"): it modifies the noun after it, whatever the parse hangs it on."""
    if verb.tag_ != "VBN" or verb.i == 0 or verb.doc[verb.i - 1].lower_ not in _PARTICIPLE_PREPS:
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)
