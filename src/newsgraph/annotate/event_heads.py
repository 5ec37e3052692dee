"""The head of an actor's noun phrase decides who the actor is; a possessor or a modifier only says whose or where.

Stop 29's held-out draw took actors out of the modifiers of the real argument: "detained 26 suspected members of
X's largest militant group" gave the country X as the detained, "arrested NLD supporters" the party, "bodyguards
loyal to X's sons fired" the sons. The rule is one of syntax and of the kind of the head noun, not of the pages:

- a place (country, city, place) that possesses or modifies a noun for people stands for them only when they are
  its organs or officers (data/event_actors.tsv [organ], cues.tsv [role]: "Sudan's army", "Kenyan police", "Peru's
  foreign minister"); any other group is a group of its own that the place's name locates ("X's largest militant
  group", "Freedonian settlers");
- a body or a person that modifies, possesses or is named in an "of" phrase of people who belong to or follow it
  ([membership], [related]: "Liberty Front supporters", "members of the Liberty Front", "the party's voters") is not
  those people.

`foreign_modifier` is asked by `resolve.resolve_token` (events only: speakers resolve with whole names) and by
`event_actor_phrases.entities_in`, the two places an entity inside a phrase becomes an event's actor.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from newsgraph.annotate.doc_entities import find_entity
from newsgraph.annotate.lexicon import words
from newsgraph.records import Entity

if TYPE_CHECKING:  # resolve.py imports this module
    from newsgraph.annotate.resolve import Actor

#: Entity types a place name has: such a name locates a group it modifies unless the group is its organ.
PLACE_TYPES = ("country", "city", "place")
#: Dependencies by which a name modifies the head noun of its phrase.
MODIFIER_DEPS = ("poss", "compound", "amod", "nmod")


@lru_cache(maxsize=1)
def organ_nouns() -> frozenset[str]:
    """event_actors.tsv [organ] and cues.tsv [role]: people its possessor or modifier stands for."""
    return words("event_actors.tsv", "organ") | words("cues.tsv", "role")


@lru_cache(maxsize=1)
def member_nouns() -> frozenset[str]:
    """event_actors.tsv [membership]: people who belong to or follow a body, not the body ("members of X")."""
    return words("event_actors.tsv", "membership")


@lru_cache(maxsize=1)
def _related_nouns() -> frozenset[str]:
    """[membership] and [related]: people a possessor or modifier does not stand for ("X's supporters", "X's
    lawyer"); an "of" phrase of a [related] noun is left to the older rules ("the owner of X" may be X)."""
    return member_nouns() | words("event_actors.tsv", "related")


@lru_cache(maxsize=1)
def _people_nouns() -> frozenset[str]:
    return words("event_actors.tsv", "people") | words("event_actors.tsv", "body")


@lru_cache(maxsize=1)
def _people_endings() -> tuple[str, ...]:
    """plover.tsv [people_suffix]: endings of nouns for people ("businessman", "settlers", "activists")."""
    return tuple(sorted(words("plover.tsv", "people_suffix")))


def _people(tok: Token) -> bool:
    """A noun for people: listed ([people], [body]) or with a people ending and no thing's lemma ([not_agents])."""
    low = tok.lower_
    return _is(tok, _people_nouns()) or (len(low) > 4 and low.endswith(_people_endings()) and tok.lemma_.lower() not in not_agents())


def _is(tok: Token, nouns: frozenset[str]) -> bool:
    return tok.lower_ in nouns or tok.lemma_.lower() in nouns


@lru_cache(maxsize=1)
def private_nouns() -> frozenset[str]:
    """event_actors.tsv [private]: private bodies, trades and sectors ("industry", "a firm", "a labour federation")
    that a place's name only locates (stop 41, e25)."""
    return words("event_actors.tsv", "private")


def private_body(tok: Token) -> bool:
    """`tok` names a private body, a trade or a sector ([private]): no state's organ, nor an act a state authored."""
    return _is(tok, private_nouns())


def common_head(tok: Token) -> bool:
    """A common noun, also where the tagger read a proper noun: a lower-case word ("X's largest labour federation"
    tagged NNP) or, in a wire's headline capitals, a listed private body ("a U.S. Firm's offer", "U.S. Industry").
    The caller checks that the word is no entity of its own."""
    if tok.pos_ == "NOUN":
        return True
    return tok.pos_ == "PROPN" and tok.text.isalpha() and (tok.text.islower() or private_body(tok))


def group_of_its_own(head: Token, ent: Entity, dep: str = "poss") -> bool:
    """`ent`, named as a possessor (`dep` "poss") or modifier of the common noun `head`, does not stand for what
    `head` names: a place for people that are not its organs, any entity for people who only belong to or follow it
    (or, as a possessor, are related to it: "X's lawyer"; a modifier may name their kind: "Nato allies")."""
    if not common_head(head):
        return False
    if _is(head, _related_nouns() if dep == "poss" else member_nouns()):
        return True
    if ent.type in PLACE_TYPES:
        # (stop 41) a private body or sector is a group of its own too: "X's labour federation", "U.S. industry"
        return not _is(head, organ_nouns()) and (_people(head) or private_body(head))
    return False


def foreign_modifier(tok: Token, ent: Entity, name_tok: Token) -> bool:
    """The entity `ent`, found at `name_tok` inside the phrase headed by `tok`, is only a possessor or modifier of a
    noun on the way up to `tok` (or the object of an "of" phrase of a noun for members) whose people are a group of
    their own: not the actor `tok` stands for."""
    cur = name_tok
    while cur.i != tok.i and cur.head is not cur:
        head = cur.head
        if cur.dep_ in MODIFIER_DEPS and group_of_its_own(head, ent, cur.dep_):
            return True
        if cur.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" and _is(head.head, member_nouns()):
            return True  # "members of the Liberty Front", "supporters of X"
        cur = head
    return False


def shared_organ(doc: Doc, first: Token, conj: Token) -> Entity | None:
    """(stop 41) "U.S. manufacturers and officials charged ...": a place that modifies the first of coordinated nouns
    modifies the others too, and an organ among them ("officials", [organ]) stands for the place's state, though the
    first, a private body, does not. The entity, or None."""
    if conj.i == first.i or not common_head(conj) or not _is(conj, organ_nouns()) or any(
            c.dep_ in MODIFIER_DEPS for c in conj.children):
        return None
    for c in first.lefts:
        if c.dep_ in MODIFIER_DEPS and (e := find_entity(doc, c.idx, c.idx + len(c.text))) is not None and e.type in PLACE_TYPES:
            return e
    return None


def official_actor(doc: Doc, a: Actor) -> bool:
    """A state acting through its government: a country named as such ("Portugal protested"), or a phrase whose
    head noun is a state organ or officer ("the Danish embassy", "the foreign ministry", "Peruvian officials"). A
    plural demonym ("thousands of Danes") is people, not their state."""
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if root.ent_type_ == "NORP" and root.pos_ in ("NOUN", "PROPN") and root.tag_ in ("NNS", "NNPS"):
        return False
    if a.entity is not None and a.entity.type == "country" and root.pos_ == "PROPN":
        return True
    officials = words("event_actors.tsv", "official")
    if root.dep_ in MODIFIER_DEPS and root.head.pos_ == "NOUN" and _is(root.head, officials):
        return True  # "the Danish embassy", read as the demonym that modifies the organ
    return root.pos_ == "NOUN" and _is(root, officials)


def in_state(tok: Token, preps: frozenset[str]) -> bool:
    """The act noun `tok` is the object of a preposition of state that hangs on its clause's verb ("X was under house
    arrest", "remains in detention"): the clause's subject is the one the act was done to."""
    prep = tok.head
    return (tok.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in preps
            and prep.head.pos_ in ("VERB", "AUX") and not any(c.dep_ == "prep" and c.lower_ == "by" for c in tok.children))


@lru_cache(maxsize=1)
def not_agents() -> frozenset[str]:
    """facts.tsv [not_agents]: nouns built like agent nouns that name things ("banner", "container"); the event
    annotator's guess of people from a noun's ending ("-ers") leaves them out, as the fact annotator's does."""
    return words("facts.tsv", "not_agents")
