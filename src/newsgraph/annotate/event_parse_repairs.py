"""Where the parser's tree puts an event's argument in the wrong place, and where it belongs (event_roles.py).

Split out of event_roles.py (stop 33) so that the role rules read as rules: each function here recognises one
misattachment of the small English model's parse that the held-out audits found costing an actor (an agent shared by
coordinated passives, a name joined across a spaced dash, the origin of levied goods read as an addressee, an object
taken for the reporting verb's subject) and returns the token the role should take, from the tree's shape alone.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.annotate.event_actor_phrases import prep_objects


def shared_agent(tok: Token) -> Token | None:
    """(stop 33) The "by" agent a passive shares with the passive participles coordinated after it ("was shot and
    killed by a black police officer", "were beaten and robbed by the gang"): the trigger is a passive with no agent
    of its own (its auxiliary or its passive subject), and a conjunct after it is a bare past participle joined by
    "and"/"or" with no subject or auxiliary of its own and the agent; the agent belongs to every conjunct."""
    kids = list(tok.children)
    if tok.tag_ != "VBN" or not any(c.dep_ in ("auxpass", "nsubjpass") for c in kids) or any(c.dep_ == "agent" for c in kids):
        return None
    if not any(c.dep_ == "cc" and c.lower_ in ("and", "or") for c in kids):
        return None
    for c in kids:
        if c.dep_ != "conj" or c.tag_ != "VBN" or c.i < tok.i:
            continue
        if any(g.dep_ in ("nsubj", "nsubjpass", "auxpass", "aux") for g in c.children):
            continue
        agent = [o for g in c.children if g.dep_ == "agent" for o in g.children if o.dep_ == "pobj"]
        if agent:
            return agent[0]
    return None


def before_dash(tok: Token) -> Token:
    """(stop 33) A name the parser joined across a spaced dash to the name of an aside ("the officer who shot Scott -
    Brentley Vinson, who was placed on leave - was not ...": "Scott" hung as a compound on "Vinson"): the phrase ends
    at the dash, so the object is the last word before it. A dash with no spaces joins one word ("Abu-Bakr")."""
    doc = tok.doc
    left = [t for t in tok.subtree if t.i < tok.i]
    for d in reversed(left):
        if d.dep_ == "punct" and d.text in ("-", "–", "—") and d.i > left[0].i and doc[d.i - 1].whitespace_ and d.whitespace_:
            name = doc[d.i - 1]
            if name.pos_ == "PROPN" and name.dep_ == "compound" and name.i > name.sent.start:  # not a dateline
                return name
    return tok


def origin_of_levied(doc: Doc, thing: Token, prep: Token, no_actor) -> bool:
    """(stop 33, e9) A "from" phrase that follows the thing a measure is levied "on" ("called for steep new tariffs on
    goods from China and Mexico", "a ban on imports from Russia"): it says where those goods come from (the parser
    hangs it on the measure), not from whom the request asks anything; "more funding from X" (no "on" thing before
    it) still names whom it is asked of."""
    if prep.lower_ != "from":
        return False
    return any(c.dep_ == "prep" and c.lower_ == "on" and c.i < prep.i and any(no_actor(doc, o) for o in prep_objects(c))
               for c in thing.children)


def stolen_object(tok: Token) -> list[Token]:
    """The object the parser gave to the reporting verb as its subject: "Police have detained veteran dissident X,
    the group Y said" parsed with X as the subject of "said" (and Y as X's apposition), leaving "detained" with no
    object. A transitive verb of a reported clause with no object of its own, directly followed by the nominal
    that is the reporting verb's subject, after the reported clause: that nominal is the verb's object."""
    if tok.dep_ != "ccomp" or tok.i + 1 >= len(tok.doc) or any(c.dep_ in ("dobj", "obj", "nsubjpass", "auxpass") for c in tok.children):
        return []
    subj = [c for c in tok.head.children if c.dep_ == "nsubj" and c.i > tok.i and c.pos_ in ("PROPN", "NOUN")]
    if not subj or subj[0].left_edge.i != tok.i + 1 or not any(c.dep_ == "appos" for c in subj[0].children):
        return []
    return [subj[0]]


__all__ = ["before_dash", "origin_of_levied", "shared_agent", "stolen_object"]
