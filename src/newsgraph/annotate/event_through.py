"""A party named through another: the head of the target's phrase decides who is acted on (stop 39, helper e19).

Why: the resolver codes a phrase by the entity inside it, which is right for a state's officials ("Peruvian officials
were expelled": Peru) but wrong where the phrase's head is a party of another kind than its modifier:

- a person arrested or charged is that person, not the firm that employs them ("arrested the Ruritania Machine
  employees"): for a legal act (COERCE, ACCUSE) a target coded as an organisation whose phrase is headed by a common
  noun for people is the people phrase (the judging conventions: an employer for its employee is the wrong actor); a
  country keeps them (a state for its officials). A phrase introduced by "a" or a number ("two X employees", "a X
  man") is left to the confidence model's `home_of_person`, which reads the entity so coded (resolve.origin_modifier);
- a firm censured is the firm, not its founder who names it ("Halvard's firm was censured"): a target coded as a
  person whose phrase is headed by an institution noun (a firm, a bank, a company) is the institution's phrase.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from spacy.tokens import Doc, Token

from newsgraph.annotate.doc_entities import find_entity
from newsgraph.annotate.event_actor_kinds import body_nouns, head_noun, institution_nouns
from newsgraph.annotate.event_features import LEGAL_TYPES
from newsgraph.annotate.lexicon import words
from newsgraph.annotate.resolve import Actor, origin_modifier, phrase_actor, role_nouns


def _head(doc: Doc, a: Actor) -> Token | None:
    """The common noun heading the actor's phrase, when no entity is named by that noun itself."""
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = head_noun(span)
    if root.pos_ != "NOUN" or find_entity(doc, root.idx, root.idx + len(root.text)) is not None:
        return None
    return root


def _institution(tok: Token) -> bool:
    nouns = institution_nouns() | body_nouns()
    return tok.lower_ in nouns or tok.lemma_.lower() in nouns


@lru_cache(maxsize=1)
def _roles() -> frozenset[str]:
    """Role nouns and officials' titles, joined once per process (asked per target)."""
    return frozenset(role_nouns() | words("event_actors.tsv", "official"))


def _speak_for(tok: Token) -> bool:
    """A plural role noun ("X officials", "X executives"): the body's people acting for it, coded as the body (the
    conventions: a firm or a state for its officials); one person so named ("a senior X official") is that person."""
    roles = _roles()
    return tok.tag_ in ("NNS", "NNPS") and (tok.lower_ in roles or tok.lemma_.lower() in roles)


def _possessed_by(doc: Doc, tok: Token, a: Actor) -> bool:
    """The person is the possessor of the institution noun ("Halvard's firm"); a name compounded with it ("the X
    administration") is the institution's own name and keeps the entity."""
    return any(c.dep_ == "poss" and a.start <= c.idx < a.end for c in tok.children)


def named_through(doc: Doc, type_: str, targets: list[Actor], people_noun: Callable[[Token], bool]) -> list[Actor]:
    """Targets read by the head of their phrase (module docstring): an organisation's employees acted on by a legal
    act are the employees, a person's firm is the firm."""
    out = []
    for a in targets:
        root = _head(doc, a) if a.entity is not None and not a.members else None
        if (root is not None and type_ in LEGAL_TYPES and a.entity.type == "organisation" and people_noun(root)
                and not origin_modifier(doc, root) and not _speak_for(root)):
            a = phrase_actor(doc, root)  # "the Ruritania Machine employees", not the firm
        elif root is not None and a.entity.type == "person" and _institution(root) and _possessed_by(doc, root, a):
            a = phrase_actor(doc, root)  # "Halvard's firm", not Halvard
        out.append(a)
    return out


__all__ = ["named_through"]
