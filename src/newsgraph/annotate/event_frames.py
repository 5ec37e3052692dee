"""Frames that make a trigger no act between actors, or move its actors: self-harm, a characterisation, a weapon
with nothing aimed at, a vow of harm, a criticism undergone (stop 31, helper e6).

Why: on stop 30's held-out draws (PolNeAR politics and LGL local news, tuning data from stop 31) the wrong events
shown or nearly shown were of a few general kinds, each read here from the trigger's own arguments:

- **self-harm** (`self_directed`): a hostile verb whose patient is a reflexive pronoun ("shot himself", "were killing
  themselves", "avoided shooting itself in the foot") falls on its own author: no act between two actors, so the
  finder then took a place ("on Long Island") or a date as the target. Read from the pronoun's morphology
  (Reflex=Yes), no word list.
- **a characterisation** (`characterised`): a trigger noun that says what something is, not that an act happened:
  the object of "as" ("used his invasions as a threat to NATO", "condemned the test as a grave threat"), a
  predicate noun ("is considered a threat", "it was a threat"), or the object of a verb of being a danger
  (act_senses.tsv [danger_verb]: "poses a threat"). For noun triggers of the types in [characterised_type] only:
  "the blast was an attack by militants" still names an act.
- **a characterising verb** (`characterising`): "dismissed X as being in the suburbs of Y": a verb of rejection
  with an "as" complement and an actor as its patient describes the actor (a disparaging remark), it rejects no
  proposal; "dismissed the allegations as baseless" (a claim as patient) stays a rejection.
- **a weapon aimed at no one** (`aimed_at`): a weapon noun as trigger ("fired three missiles into the sea", "its
  fifth missile test", "warheads small enough to attach to ballistic missiles") is an attack only when the clause
  names what it was aimed at: the noun's own target prepositions or its verb's ("fired rockets at X"), an entity
  or a noun for people; a launch, a test or a capability is no ASSAULT (PLOVER has no test type).
- **a vow of harm** (`vowed_harm`): a verb of commitment whose object is a harm (act_senses.tsv [harm_object]:
  "vow consequences", "promised retaliation") is a threat (THREATEN), and the harm is no target.
- **a criticism undergone** (`undergone`): a trigger noun that is the object of a verb of undergoing
  (act_senses.tsv [undergo]: "faced heavy criticism from X", "drew condemnation from X", "came under pressure from
  X"): the one who undergoes it (the verb's subject) is the target, the "from"/"by" object the source.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from spacy.tokens import Token

from newsgraph.annotate.doc_entities import find_entity
from newsgraph.annotate.event_actor_phrases import prep_objects, with_conj
from newsgraph.annotate.event_mishaps import kind_of
from newsgraph.annotate.lexicon import words

DATA = "act_senses.tsv"
#: Dependencies of a predicate noun: what the subject is, or is considered, called or made ("is a threat", "is
#: considered a threat", "called it a threat").
PREDICATE_DEPS = ("attr", "oprd", "acomp")
#: Entity types of a state or a place that stands for one: its act on itself is a charge, not self-harm.
STATE_TYPES = ("country", "city", "place")
#: Prepositions whose objects a weapon is aimed at or lands on (beside the lexicon's target prepositions).
AIM_PREPS = ("at", "on", "against", "into", "toward", "towards")


@lru_cache(maxsize=1)
def _lex() -> dict[str, frozenset[str]]:
    return {n: words(DATA, n) for n in ("danger_verb", "characterised_type", "harm_object", "undergo",
                                        "practice_target", "exercise")}


def reflexive(tok: Token) -> bool:
    """A reflexive pronoun ("himself", "themselves"), read from the tagger's morphology (or the form's ending)."""
    if tok.pos_ != "PRON":
        return False
    return "Yes" in tok.morph.get("Reflex") or tok.lower_.endswith(("self", "selves"))


def self_directed(tok: Token, author: Token | None) -> bool:
    """A verb whose direct object is a reflexive pronoun and whose author (`author`, the finder's subject) is no
    state: "shot himself", "were killing themselves" harm oneself, no second actor. A state "attacking itself" (a
    charge of a staged attack: "said Iraq had attacked themselves") stays an act whose allegation is reported."""
    if tok.pos_ != "VERB" or not any(c.dep_ in ("dobj", "obj") and reflexive(c) for c in tok.children):
        return False
    if author is None:
        return True
    ent = find_entity(author.doc, author.idx, author.idx + len(author.text))
    return not (ent.type in STATE_TYPES if ent is not None else author.ent_type_ == "GPE")


def characterised(tok: Token, type_: str) -> bool:
    """A trigger noun of a [characterised_type] type that says what something is: the object of "as", a predicate
    noun, or the object of a [danger_verb] ("poses a threat")."""
    lex = _lex()
    if tok.pos_ not in ("NOUN", "PROPN") or type_.lower() not in lex["characterised_type"]:
        return False
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "as":
        return True
    if tok.dep_ in PREDICATE_DEPS:
        return True
    if tok.dep_ == "conj":  # "as provocative and a grave threat": the coordinated noun shares its first's role
        first = tok
        while first.dep_ == "conj" and first.head is not first:
            first = first.head
        return first is not tok and (first.dep_ in PREDICATE_DEPS or first.dep_ == "pobj" and first.head.lower_ == "as")
    return tok.dep_ in ("dobj", "obj") and head.lemma_.lower() in lex["danger_verb"]


def characterising(tok: Token, is_actor: Callable[[Token], bool]) -> bool:
    """A verb with an "as" complement whose patient is an actor ("dismissed Estonia as being in the suburbs of X",
    "dismissed him as a crank"): it describes the actor. `is_actor`: the finder's test for a person, group, body or
    named actor."""
    if not any(c.dep_ in ("prep", "mark", "advcl") and c.lower_ == "as" for c in tok.children):
        return False
    patients = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    return bool(patients) and all(is_actor(p) for p in patients)


def weapon(tok: Token) -> bool:
    """A noun of a weapon (event_actors.tsv [instrument] kind weapon: "missiles", "rockets") that is used, not one
    that acts: the subject of an active verb or the agent of a passive ("airstrikes targeted its surroundings",
    "damaged by Israeli airstrikes") strikes something, so its act stands whatever it is aimed at."""
    if tok.pos_ != "NOUN" or kind_of(tok) != "weapon" or tok.dep_ in ("nsubj", "csubj"):
        return False
    return not (tok.dep_ == "pobj" and tok.head.dep_ == "agent")


def aimed_at(tok: Token, is_target: Callable[[Token], bool]) -> list[Token]:
    """What a weapon noun is aimed at: the objects of the aiming prepositions on the noun or on the verb it is the
    object of ("fired rockets at X", "missiles launched into X"), those `is_target` accepts (an entity or a noun for
    people; "into the sea" aims at nothing)."""
    heads = [tok]
    if tok.dep_ in ("dobj", "obj", "nsubjpass") and tok.head.pos_ == "VERB":
        heads.append(tok.head)
    if tok.dep_ == "acl" or any(c.dep_ == "acl" for c in tok.children):
        heads += [c for c in tok.children if c.dep_ == "acl"]
    out = []
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in AIM_PREPS:
                out += [x for o in prep_objects(c) for x in with_conj(o) if is_target(x)]
    return out


def practice_firing(tok: Token, is_actor: Callable[[Token], bool]) -> bool:
    """(stop 40) A hostile verb of firing whose aim is a thing of a weapons test (act_senses.tsv [practice_target]:
    "launched a rocket at an old wreck near its coast", "fired at a target in the sea"), or a weapon fired in a trial
    of arms ([exercise]: "fired three missiles in a test"), with no actor aimed at or acted on: no phrase aimed at and
    no object names an actor (`is_actor`: an entity that is no place, a nationality, a noun for people) nor a state.
    PLOVER has no test type; the conventions judge such a firing no ASSAULT (its place is no target) and a report of
    it no accusation. An attack on ships, forces, a city or a state names its target and stays."""
    lex = _lex()
    weapons = [c for c in tok.children if c.dep_ in ("dobj", "obj") and kind_of(c) == "weapon"]
    aims = [x for h in [tok] + weapons for c in h.children if c.dep_ == "prep" and c.lower_ in AIM_PREPS
            for o in prep_objects(c) for x in with_conj(o)]
    patients = [c for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass") and c not in weapons]
    if any(is_actor(t) or t.ent_type_ in ("GPE", "NORP") and not _place_only(t) for a in aims + patients for t in a.subtree):
        return False  # "fired at Kuwaiti ships", "at targets in Iraq", "shot three protesters during an exercise"
    practice = [a for a in aims if a.lemma_.lower() in lex["practice_target"] or a.lower_ in lex["practice_target"]]
    trial = weapons and any(o.lemma_.lower() in lex["exercise"] or o.lower_ in lex["exercise"]
                            for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "during", "for")
                            for o in prep_objects(c))
    return bool(practice or trial)


def _place_only(tok: Token) -> bool:
    """A token of a place's name that stands for no state (a gulf, a port, a city): the place a thing lies at."""
    ent = find_entity(tok.doc, tok.idx, tok.idx + len(tok.text))
    return ent is not None and ent.type in ("city", "place")


def vowed_harm(tok: Token) -> Token | None:
    """The harm a verb commits to ("vow consequences", "promised retaliation": [harm_object]), or None."""
    harms = _lex()["harm_object"]
    return next((c for c in tok.children if c.dep_ in ("dobj", "obj") and (c.lemma_.lower() in harms or c.lower_ in harms)), None)


def undergone(tok: Token) -> tuple[list[Token], list[Token]] | None:
    """(givers, undergoers) of a trigger noun that is the object of a verb of undergoing ("X faced criticism from Y":
    ([Y], [X])), or of "under" after such a verb ("came under pressure from Y"); None for any other noun."""
    verb = tok.head
    if tok.dep_ == "pobj" and verb.lower_ == "under":
        verb = verb.head
    elif tok.dep_ not in ("dobj", "obj"):
        return None
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in _lex()["undergo"]:
        return None
    subjects = [x for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for x in with_conj(c)]
    givers = [x for h in (tok, verb) for c in h.children if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by")
              for o in prep_objects(c) for x in with_conj(o)]
    return givers, subjects


def frame_reading(tok: Token, form: str, type_: str, mode: str, hostile: bool, author: Token | None,
                  is_actor: Callable[[Token], bool]) -> tuple[str, str] | None:
    """(type, mode) of a trigger after the frames of this module, or None when it names no act: self-harm (a
    hostile verb, `author` its subject), a characterisation (a noun), a characterising rejection (`is_actor`: the
    finder's test for an actor patient); a vow of harm is a THREATEN."""
    if form == "verb" and hostile and self_directed(tok, author):
        return None
    if form == "noun" and characterised(tok, type_):
        return None
    if form == "verb" and type_ == "REJECT" and characterising(tok, is_actor):
        return None
    if form == "verb" and type_ == "AGREE" and vowed_harm(tok) is not None:
        return "THREATEN", ""
    return type_, mode


__all__ = ["frame_reading", "aimed_at", "characterised", "characterising", "reflexive", "self_directed", "undergone", "vowed_harm", "weapon"]
