"""Who an accusation is aimed at: not its charge, not a name inside the deed criticised (stop 40, helper e21).

Why (the judging conventions: a target's extent that takes in more than the actor is a garbled actor; a name that
only names the matter of an act is no target):

- the charge is not the accused: in "accused the traders of ingratitude" the "of" phrase of a verb of charging (data
  [charge_of]: accuse, suspect, convict) says what they are accused of; the parser may hang it on the object, and
  the target's name then runs on into the charge ("the traders of ingratitude"). The target ends before it;
- a possessor's act: in "criticised his handling of the arms affair" the one criticised is the possessor of the
  deed ("his": the person, when the pronoun resolves to one), never a name inside the deed's "of" phrase (the
  affair's country). An unresolved possessor leaves the act with no target.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.annotate.lexicon import words
from newsgraph.annotate.resolve import Actor, resolve_token


def charge_verbs() -> frozenset[str]:
    """Verbs whose "of" phrase is the charge (plover.tsv [charge_of])."""
    return words("plover.tsv", "charge_of")


def without_charge(doc: Doc, verb: Token, targets: list[Actor]) -> list[Actor]:
    """`targets` of a verb of charging, each cut before the charge its object's "of" phrase names."""
    if verb.lemma_.lower() not in charge_verbs():
        return targets
    cuts = [p.idx for c in verb.children if c.dep_ in ("dobj", "obj")
            for p in c.children if p.dep_ == "prep" and p.lower_ == "of"]
    out = []
    for a in targets:
        cut = next((x for x in cuts if a.start < x < a.end), None)
        if cut is None:
            out.append(a)
            continue
        name = doc.text[a.start:cut].rstrip(" ,")
        out.append(Actor(a.entity, name, a.start, a.start + len(name), a.how, a.members))
    return out


def possessed_deed(doc: Doc, obj: Token) -> list[Actor] | None:
    """The one accused through a deed a pronoun possesses ("criticised his handling of X"): the pronoun's person
    when it resolves to an entity, else no one ([]); None when `obj` has no pronoun possessor."""
    poss = [c for c in obj.children if c.dep_ == "poss" and c.pos_ == "PRON"]
    if not poss:
        return None
    owner = resolve_token(doc, poss[0], [])
    return [owner] if owner.entity is not None else []
