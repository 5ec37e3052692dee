"""Co-parties of a joint act: who is source and who is target when several actors do one thing together (stop 39).

The convention (the co-actor rule of the event judging conventions, as the s40..s52 audits apply it to agreements):
the parties that conclude an agreement together are its agents, each one a source, and none of them is the target of
the others. "A, B and C agreed to ...", "A and B signed an agreement", "an agreement between A, B and C", "A and B
revised their agreement" each make one AGREE per party with no target: naming B as A's target would say A agreed
something to B, when the text says both agreed to it. A real other party stays the target: "A agreed with B", "A
signed an agreement with B" keep B, and "A and B agreed with C" gives A -> C and B -> C. The same holds for every
joint act that names a party outside the coordination ("A and B met C": C is the one met, B is no target).

Types of the lexicon's [coagent_type] section (AGREE) drop the co-parties as targets when no other party is named;
the other joint acts (talks, meetings, clashes: "A and B held talks", "A and B clashed") keep them as each other's
counterpart, as the audits read them (a co-party of talks is the counterpart met). Reciprocal objects ("accused each
other") are no other party and keep the pairing.

Three places of the finder call in here: the coordinated subjects of a joint verb or of the clause around a joint
noun, the members of a "between" phrase of a joint noun, and a plural possessor ("their agreement") whose clause
names the coordinated parties it stands for.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from newsgraph.annotate.event_actor_kinds import ACTOR_TYPES
from newsgraph.annotate.event_actor_phrases import prep_objects, with_conj
from newsgraph.annotate.resolve import Actor, resolve_token

# possessive pronouns that stand for several actors: "their agreement" of coordinated subjects is the subjects'
PLURAL_POSSESSIVES = frozenset({"their", "our"})


def _actor(doc: Doc, a: Actor, named: Callable[[Doc, Actor], bool]) -> bool:
    """An actor outside the coordination that is someone: an entity or a name, not a topic ("on reforms") nor a
    city where the act happened ("A and B met today in a Geneva hotel": A and B stay each other's counterparts; a
    capital standing for its state in "A and B agreed with Moscow" is lost to this, a country or region is not)."""
    if a.entity is not None:
        return a.entity.type != "city"
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is not None and any(t.ent_type_ in ("DATE", "TIME") for t in span):
        return False  # "met to discuss the border on Wednesday": a day is when, not whom
    return named(doc, a)


def joint_roles(
    doc: Doc,
    type_: str,
    sources: list[Actor],
    targets: list[Actor],
    mutual: list[Actor],
    coagent_types: set[str] | frozenset[str],
    named: Callable[[Doc, Actor], bool],
) -> tuple[list[Actor], list[Actor]]:
    """(sources, targets) of a joint act whose subjects are coordinated (`len(sources) > 1`).

    With a reciprocal object ("each other") the first subject acts on the others. With another party named outside
    the coordination ("A and B agreed with C", "A and B met C") every subject is a source and that party the
    target. With none, an agreement ([coagent_type]) has every party as source and no target; other joint acts
    (talks, clashes) pair the first subject with the others, its counterparts."""
    others = [a for a in targets if a not in mutual]
    if mutual:
        return sources[:1], sources[1:] + others
    if any(_actor(doc, a, named) for a in others):
        return sources, [a for a in others if _actor(doc, a, named)]
    if type_ in coagent_types:
        return sources, []  # "A and B agreed on reforms": the reforms are the accord's content, no party
    return sources[:1], sources[1:] + others


def between_roles(type_: str, pairs: list[Actor], coagent_types: set[str] | frozenset[str]) -> tuple[list[Actor], list[Actor]]:
    """(sources, targets) of a joint noun with a "between" phrase of two or more members: an agreement between
    A, B and C has all of them as parties (sources, no target); "talks between A and B" pair A with B."""
    if type_ in coagent_types:
        return pairs, []
    return pairs[:1], pairs[1:]


def between_parties(tok: Token, joint: Callable[[Token], bool]) -> list[Token]:
    """The members of a "between" phrase on the joint noun the trigger verb takes ("an agreement between A and B
    was signed", "signed an accord between A and B"): the accord's parties, when two or more are named."""
    for c in tok.children:
        if c.dep_ in ("dobj", "obj", "nsubjpass") and joint(c):
            members = [o for p in c.children if p.dep_ == "prep" and p.lower_ == "between" for o in prep_objects(p)]
            if len(members) >= 2:
                return members
    return []


def committed_parties(doc: Doc, tok: Token, preps: frozenset[str], goods: frozenset[str]) -> list[Actor]:
    """The other party of an agreement that names it only inside the act agreed to: "agreed to acquire Y", "agreed
    to merge with Y", "reached an agreement to sell its unit to Y", "agreed to be acquired by Y" -> Y. The act's
    direct object, its agent, or the object of one of `preps` on the act ([committed_prep]: to, with, from, of: "take
    control of Y"; the parse's dative "to" counts), kept only when it
    is an entity of an acting kind (ACTOR_TYPES: "agreed to pay a dividend", "agreed to build roads in Y" name no
    party here)."""
    acts = [c for c in tok.children if c.dep_ in ("xcomp", "acl") and c.pos_ in ("VERB", "AUX")
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    out: list[Actor] = []
    for act in acts:
        parties = [o for c in act.children if c.dep_ == "agent" or (c.dep_ in ("prep", "dative") and c.lower_ in preps) for o in prep_objects(c)]
        # the direct object is the party only when no preposition names one and the act does not hand it over
        # ([committed_goods]: "agreed to sell its unit for cash" sells a thing; "acquire Y" takes the company Y)
        objects = [] if parties or act.lemma_.lower() in goods else [x for c in act.children if c.dep_ in ("dobj", "obj") for x in with_conj(c)]
        for x in parties + objects:
            a = resolve_token(doc, x, [])
            # the argument itself is the entity, not a noun it modifies ("fight the EC proposals", "Getty Oil stock")
            if a.entity is not None and a.entity.type in ACTOR_TYPES and a.start <= x.idx < a.end:
                out.append(a)
    return out


def talks_partners(doc: Doc, tok: Token, joint: Callable[[Token], bool]) -> list[Actor]:
    """The other party of an agreement reached in joint talks the verb's prepositional phrase names: "X agreed in talks
    with Y", "agreed after negotiations with Y" -> Y, when Y is an entity of an acting kind (the talks' "with" partner;
    "agreed at a meeting in Y" names a place, no partner)."""
    out: list[Actor] = []
    for c in tok.children:
        if c.dep_ != "prep":
            continue
        for noun in prep_objects(c):
            if not joint(noun):
                continue
            for p in noun.children:
                if p.dep_ == "prep" and p.lower_ == "with":
                    for x in prep_objects(p):
                        for y in with_conj(x):
                            a = resolve_token(doc, y, [])
                            if a.entity is not None and a.entity.type in ACTOR_TYPES and a.start <= y.idx < a.end:
                                out.append(a)
    return out


def plural_possessor(poss: Token, subjects: list[Actor]) -> bool:
    """ "A and B revised their agreement": a plural possessive pronoun whose clause has coordinated subjects stands
    for them (its antecedent found by the resolver may be an actor of an earlier sentence)."""
    return poss.lower_ in PLURAL_POSSESSIVES and len(subjects) > 1


__all__ = ["PLURAL_POSSESSIVES", "between_parties", "between_roles", "committed_parties", "joint_roles", "talks_partners", "plural_possessor"]
